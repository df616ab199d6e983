//! Escaping and the fields of BibLaTeX and BibTeX entries.

use domei_model::{Date, Person, Precision, Reference, ReferenceType, Spanned, Ymd};

use crate::Entry;

/// Which dialect to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Biblatex,
    Bibtex,
}

/// Escape text for a braced BibLaTeX/BibTeX field: the LaTeX specials
/// `# $ % & ~ _ ^ \ { }` become commands that print them, control characters
/// (line breaks included) become spaces, NUL is dropped. The result holds no
/// unbalanced brace and no command of the input, so `\input` or `\write18` come out as
/// text.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(s, &mut out);
    out
}

pub(crate) fn escape_into(s: &str, out: &mut String) {
    // One pass over the bytes: every special is ASCII, and the only non-ASCII control
    // characters (C1, U+0080–U+009F) are encoded as 0xC2 0x80–0x9F.
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (replacement, width): (&str, usize) = match b {
            b'#' => ("\\#", 1),
            b'$' => ("\\$", 1),
            b'%' => ("\\%", 1),
            b'&' => ("\\&", 1),
            b'_' => ("\\_", 1),
            b'~' => ("\\textasciitilde{}", 1),
            b'^' => ("\\textasciicircum{}", 1),
            b'\\' => ("\\textbackslash{}", 1),
            b'{' => ("\\textbraceleft{}", 1),
            b'}' => ("\\textbraceright{}", 1),
            0 => ("", 1),
            0x01..=0x1f | 0x7f => (" ", 1),
            0xc2 if matches!(bytes.get(i + 1), Some(0x80..=0x9f)) => (" ", 2),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[copied..i]);
        out.push_str(replacement);
        i += width;
        copied = i;
    }
    out.push_str(&s[copied..]);
}

/// Make a URL or DOI safe for a verbatim field: braces, backslashes, white space,
/// control characters and `"` are percent-encoded; everything else is kept as is.
pub fn escape_verbatim(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        match c {
            '{' | '}' | '\\' | '"' | ' ' => out.push_str(&format!("%{:02X}", c as u32)),
            c if c.is_control() || c.is_whitespace() => {
                let mut b = [0u8; 4];
                for byte in c.encode_utf8(&mut b).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

fn valid_ymd(d: &Ymd) -> bool {
    if !(1..=9999).contains(&d.year) {
        return false;
    }
    match (d.month, d.day) {
        (None, None) => true,
        (Some(m), None) => (1..=12).contains(&m),
        (Some(m), Some(day)) => {
            let leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => return false,
            };
            (1..=days).contains(&day)
        }
        (None, Some(_)) => false,
    }
}

/// The issue date of a reference when it is a date biber accepts.
pub(crate) fn valid_issued(r: &Reference) -> Option<&Date> {
    r.issued
        .as_ref()
        .map(|d| &d.value)
        .filter(|d| valid_ymd(&d.start))
}

/// The BibLaTeX `date` value: EDTF at the date's precision (ranges and seasons
/// included), or `XXXX` (EDTF "year unspecified") when the reference has no date.
fn biblatex_date(r: &Reference) -> String {
    let Some(d) = valid_issued(r) else {
        return "XXXX".into();
    };
    if let Some(end) = d.end.filter(|e| valid_ymd(e) && *e >= d.start) {
        return format!("{}/{}", d.start.iso(), end.iso());
    }
    if let (Precision::Season, Some(season)) = (d.precision, d.season) {
        return format!("{:04}-{}", d.start.year, season.edtf_code());
    }
    d.start.iso()
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn langid(lang: &str) -> Option<&'static str> {
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    Some(match primary.to_ascii_lowercase().as_str() {
        "ja" => "japanese",
        "en" => "english",
        "ko" => "korean",
        "zh" => "chinese",
        "fr" => "french",
        "de" => "german",
        "ru" => "russian",
        "es" => "spanish",
        "it" => "italian",
        _ => return None,
    })
}

/// True when a name part needs braces to survive name parsing: a comma, the word
/// `and`, or a lower-case start (which BibTeX would read as a "von" part).
fn needs_braces(part: &str) -> bool {
    part.contains(',')
        || part
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("and"))
        || part.starts_with(|c: char| c.is_lowercase())
        || part.trim() != part
}

fn push_part(out: &mut String, part: &str) {
    let part = part.trim();
    if needs_braces(part) {
        out.push('{');
        escape_name_into(part, out);
        out.push('}');
    } else {
        escape_name_into(part, out);
    }
}

/// Escape a name part: as [`escape`], and `=` braced, because biber reads
/// `family=…` in a name as its extended name format.
fn escape_name_into(s: &str, out: &mut String) {
    let mark = out.len();
    escape_into(s, out);
    if out[mark..].contains('=') {
        let tail = out[mark..].replace('=', "{=}");
        out.truncate(mark);
        out.push_str(&tail);
    }
}

fn clean(s: Option<&str>) -> Option<&str> {
    s.map(str::trim)
        .filter(|s| s.chars().any(|c| !c.is_control() && !c.is_whitespace()))
}

/// One name in BibTeX syntax: `{{Organisation}}`, `Family, Given`, or `{Name}`.
fn push_name(out: &mut String, p: &Person) -> bool {
    let (family, given, literal) = (
        clean(p.family.as_deref()),
        clean(p.given.as_deref()),
        clean(p.literal.as_deref()),
    );
    match (literal, family, given) {
        (Some(l), _, _) => {
            out.push('{');
            escape_name_into(l, out);
            out.push('}');
        }
        // biber allows at most two commas in a name, braces or not: a part with a
        // comma goes into the comma-free "{Given} {Family}" form.
        (None, Some(f), Some(g)) if f.contains(',') || g.contains(',') => {
            out.push('{');
            escape_name_into(g, out);
            out.push_str("} {");
            escape_name_into(f, out);
            out.push('}');
        }
        (None, Some(f), Some(g)) => {
            push_part(out, f);
            out.push_str(", ");
            push_part(out, g);
        }
        (None, Some(one), None) | (None, None, Some(one)) => {
            out.push('{');
            escape_name_into(one, out);
            out.push('}');
        }
        (None, None, None) => return false,
    }
    true
}

fn names(list: &[Spanned<Person>], et_al: bool) -> Option<String> {
    let mut out = String::new();
    for p in list {
        let mark = out.len();
        if !out.is_empty() {
            out.push_str(" and ");
        }
        if !push_name(&mut out, &p.value) {
            out.truncate(mark);
        }
    }
    if out.is_empty() {
        return None;
    }
    if et_al {
        out.push_str(" and others");
    }
    Some(out)
}

fn text(s: &Option<Spanned<String>>) -> Option<&str> {
    clean(s.as_ref().map(|s| s.value.as_str()))
}

/// A page range biber reads as a range (`45--67`, `12`, `ix--xii, 30`), or `None`.
fn pages(s: &str) -> Option<String> {
    let p = s.replace(['–', '—', '‐', '−'], "--");
    let ok = p.split(',').all(|part| {
        let part = part.trim();
        let mut ends = part.splitn(2, '-');
        let first = ends.next().unwrap_or("").trim();
        let rest = ends.next().map(|r| r.trim_start_matches('-').trim());
        let word = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric());
        word(first) && rest.is_none_or(word)
    });
    ok.then_some(p)
}

/// A volume biblatex accepts (an integer; full-width digits narrowed), or `None`.
fn integer(s: &str) -> Option<String> {
    let v: String = s
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect();
    (!v.is_empty() && v.len() <= 9 && v.chars().all(|c| c.is_ascii_digit())).then_some(v)
}

/// The entry types the writers use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Article,
    Book,
    Collection,
    InCollection,
    InBook,
    Report,
    Online,
    Misc,
}

fn has_names(list: &[Spanned<Person>]) -> bool {
    list.iter().any(|p| {
        clean(p.value.literal.as_deref())
            .or(clean(p.value.family.as_deref()))
            .or(clean(p.value.given.as_deref()))
            .is_some()
    })
}

fn has_url(r: &Reference) -> bool {
    text(&r.url).is_some() || text(&r.doi).is_some()
}

fn kind(r: &Reference) -> Kind {
    let author = has_names(&r.authors);
    let editor = has_names(&r.editors);
    let container = text(&r.container_title).is_some();
    let publisher = text(&r.publisher).is_some();
    let web = if has_url(r) { Kind::Online } else { Kind::Misc };
    match r.kind {
        ReferenceType::ArticleNewspaper
        | ReferenceType::ArticleMagazine
        | ReferenceType::ArticleJournal => {
            if author && container {
                Kind::Article
            } else {
                web
            }
        }
        ReferenceType::Report => {
            if author && publisher {
                Kind::Report
            } else {
                web
            }
        }
        ReferenceType::Book => {
            if author {
                Kind::Book
            } else if editor {
                Kind::Collection
            } else {
                Kind::Misc
            }
        }
        ReferenceType::Chapter => match (author && container, editor) {
            (true, true) => Kind::InCollection,
            (true, false) => Kind::InBook,
            _ => Kind::Misc,
        },
        ReferenceType::Webpage | ReferenceType::Post => web,
        ReferenceType::Speech
        | ReferenceType::Interview
        | ReferenceType::Legislation
        | ReferenceType::Document => Kind::Misc,
    }
}

pub(crate) fn biblatex_type(r: &Reference) -> &'static str {
    biblatex_name(kind(r))
}

fn biblatex_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Article => "article",
        Kind::Book => "book",
        Kind::Collection => "collection",
        Kind::InCollection => "incollection",
        Kind::InBook => "inbook",
        Kind::Report => "report",
        Kind::Online => "online",
        Kind::Misc => "misc",
    }
}

/// The classic type: plain.bst's required fields decide, else `misc`.
fn bibtex_kind(r: &Reference) -> Kind {
    let year = valid_issued(r).is_some();
    let publisher = text(&r.publisher).is_some();
    match kind(r) {
        Kind::Article if year => Kind::Article,
        k @ (Kind::Book | Kind::Collection) if year && publisher => k,
        Kind::InCollection | Kind::InBook if year && publisher => Kind::InCollection,
        Kind::Report if year => Kind::Report,
        _ => Kind::Misc,
    }
}

pub(crate) fn bibtex_type(r: &Reference) -> &'static str {
    bibtex_name(bibtex_kind(r))
}

fn bibtex_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Article => "article",
        Kind::Book | Kind::Collection => "book",
        Kind::InCollection | Kind::InBook => "incollection",
        Kind::Report => "techreport",
        Kind::Online | Kind::Misc => "misc",
    }
}

/// Field writer for one entry.
struct Fields<'a> {
    out: &'a mut String,
}

impl Fields<'_> {
    /// A field whose value is already in BibTeX syntax.
    fn raw(&mut self, name: &str, value: &str) {
        self.out.push_str("  ");
        self.out.push_str(name);
        self.out.push_str(" = {");
        self.out.push_str(value);
        self.out.push_str("},\n");
    }

    /// A text field, escaped.
    fn text(&mut self, name: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.out.push_str("  ");
            self.out.push_str(name);
            self.out.push_str(" = {");
            escape_into(v, self.out);
            self.out.push_str("},\n");
        }
    }

    /// A field whose value is a macro (`month = oct`).
    fn bare(&mut self, name: &str, value: &str) {
        self.out.push_str("  ");
        self.out.push_str(name);
        self.out.push_str(" = ");
        self.out.push_str(value);
        self.out.push_str(",\n");
    }
}

/// Write one entry.
pub(crate) fn entry(out: &mut String, e: &Entry<'_>, dialect: Dialect) {
    let r = e.reference;
    let kind = match dialect {
        Dialect::Biblatex => kind(r),
        Dialect::Bibtex => bibtex_kind(r),
    };
    let type_name = match dialect {
        Dialect::Biblatex => biblatex_name(kind),
        Dialect::Bibtex => bibtex_name(kind),
    };
    out.push('@');
    out.push_str(type_name);
    out.push('{');
    out.push_str(&e.key);
    out.push_str(",\n");
    let mut f = Fields { out };
    let mut notes: Vec<String> = Vec::new();

    let authors = names(&r.authors, r.et_al);
    let editors = names(&r.editors, false);
    let translators = names(&r.translators, false);
    // Every entry type needs a title: the title, else the reference text, else the
    // container or publisher, else "Untitled".
    let title = text(&r.title)
        .or(clean(Some(r.raw.as_str())))
        .or(text(&r.container_title))
        .or(text(&r.publisher))
        .or(Some("Untitled"));
    let container = text(&r.container_title);
    let publisher = text(&r.publisher);
    let place = text(&r.publisher_place);
    let genre = text(&r.genre);
    let event = text(&r.event);
    let volume = text(&r.volume);
    let number = text(&r.issue);
    let page_text = text(&r.page);
    let page = page_text.and_then(pages);
    let url = text(&r.url).map(escape_verbatim);
    let doi = text(&r.doi).map(escape_verbatim);

    match dialect {
        Dialect::Biblatex => {
            if let Some(a) = &authors {
                f.raw("author", a);
            }
            // Every type used has an editor field except report.
            if let Some(ed) = &editors {
                if kind == Kind::Report {
                    notes.push(format!("Edited by {}", plain_names(&r.editors)));
                } else {
                    f.raw("editor", ed);
                }
            }
            if let Some(t) = &translators {
                if matches!(
                    kind,
                    Kind::Article
                        | Kind::Book
                        | Kind::InBook
                        | Kind::InCollection
                        | Kind::Collection
                ) {
                    f.raw("translator", t);
                } else {
                    notes.push(format!("Translated by {}", plain_names(&r.translators)));
                }
            }
            f.text("title", title);
            match kind {
                Kind::Article => {
                    f.text("journaltitle", container);
                    let sub = match r.kind {
                        ReferenceType::ArticleNewspaper => Some("newspaper"),
                        ReferenceType::ArticleMagazine => Some("magazine"),
                        _ => None,
                    };
                    if let Some(sub) = sub {
                        f.raw("entrysubtype", sub);
                    }
                }
                Kind::Book | Kind::Collection => f.text("maintitle", container),
                Kind::InBook | Kind::InCollection => f.text("booktitle", container),
                Kind::Online => f.text("organization", publisher.or(container)),
                Kind::Misc => f.text("howpublished", container),
                Kind::Report => {}
            }
            match kind {
                Kind::Book | Kind::Collection | Kind::InBook | Kind::InCollection => {
                    f.text("publisher", publisher)
                }
                Kind::Report => {
                    f.text("institution", publisher);
                    f.text("type", Some(genre.unwrap_or("Report")));
                }
                Kind::Misc => {
                    f.text("organization", publisher);
                    f.text("type", genre);
                }
                Kind::Online => {
                    if publisher.is_some() {
                        if let Some(c) = container {
                            notes.push(c.to_string());
                        }
                    }
                }
                Kind::Article => {
                    if let Some(p) = publisher {
                        notes.push(p.to_string());
                    }
                }
            }
            if !matches!(kind, Kind::Report | Kind::Misc) {
                if let Some(g) = genre {
                    notes.push(g.to_string());
                }
            }
            if matches!(
                kind,
                Kind::Book
                    | Kind::Collection
                    | Kind::InBook
                    | Kind::InCollection
                    | Kind::Report
                    | Kind::Misc
            ) {
                f.text("location", place);
            }
            if let Some(ev) = event {
                notes.push(ev.to_string());
            }
            if matches!(
                kind,
                Kind::Article | Kind::Book | Kind::Collection | Kind::InBook | Kind::InCollection
            ) {
                match volume.map(|v| (v, integer(v))) {
                    Some((_, Some(v))) => f.raw("volume", &v),
                    Some((v, None)) => notes.push(format!("Vol. {v}")),
                    None => {}
                }
            }
            if matches!(
                kind,
                Kind::Article
                    | Kind::Book
                    | Kind::Collection
                    | Kind::InBook
                    | Kind::InCollection
                    | Kind::Report
            ) {
                f.text("number", number);
                match (&page, page_text) {
                    (Some(p), _) => f.text("pages", Some(p)),
                    (None, Some(p)) => notes.push(format!("Pages {p}")),
                    (None, None) => {}
                }
            }
            f.raw("date", &biblatex_date(r));
            if let Some(acc) = r.accessed.as_ref().filter(|d| valid_ymd(&d.value.start)) {
                f.raw("urldate", &acc.value.start.iso());
            }
            if let Some(u) = &url {
                f.raw("url", u);
            }
            if let Some(d) = &doi {
                f.raw("doi", d);
            }
            if let Some(l) = r.language.as_deref().and_then(langid) {
                f.raw("langid", l);
            }
            let mut keywords = String::new();
            for (i, d) in e.documents.iter().enumerate() {
                if i > 0 {
                    keywords.push(',');
                }
                escape_into(d, &mut keywords);
            }
            if !keywords.is_empty() {
                f.raw("keywords", &keywords);
            }
        }
        Dialect::Bibtex => {
            if let Some(a) = &authors {
                f.raw("author", a);
            }
            // plain.bst rejects a book with both author and editor.
            if let Some(ed) = &editors {
                if !(authors.is_some() && kind == Kind::Book) {
                    f.raw("editor", ed);
                }
            }
            f.text("title", title);
            // plain.bst sorts by author (or editor), else by `key`.
            if authors.is_none() {
                f.text("key", title);
            }
            match kind {
                Kind::Article => f.text("journal", container),
                Kind::InCollection | Kind::InBook => f.text("booktitle", container),
                Kind::Book | Kind::Collection => f.text("series", container),
                Kind::Report => {
                    f.text("institution", publisher);
                    f.text("type", genre);
                }
                Kind::Misc | Kind::Online => {
                    let how = match (&url, container) {
                        (Some(u), _) => Some(format!("\\url{{{u}}}")),
                        (None, Some(c)) => Some(escape(c)),
                        (None, None) => None,
                    };
                    if let Some(h) = how {
                        f.raw("howpublished", &h);
                    }
                    if url.is_some() {
                        if let Some(c) = container {
                            notes.push(c.to_string());
                        }
                    }
                    if let Some(p) = publisher {
                        notes.push(p.to_string());
                    }
                    if let Some(g) = genre {
                        notes.push(g.to_string());
                    }
                }
            }
            if matches!(
                kind,
                Kind::Book | Kind::Collection | Kind::InBook | Kind::InCollection
            ) {
                f.text("publisher", publisher);
            }
            if matches!(
                kind,
                Kind::Book | Kind::Collection | Kind::InBook | Kind::InCollection | Kind::Report
            ) {
                f.text("address", place);
            }
            if let Some(ev) = event {
                notes.push(ev.to_string());
            }
            if kind != Kind::Misc {
                f.text("volume", volume);
                // plain.bst wants a number of a book only with a series, and never
                // beside a volume.
                let book = matches!(
                    kind,
                    Kind::Book | Kind::Collection | Kind::InBook | Kind::InCollection
                );
                let series = matches!(kind, Kind::Book | Kind::Collection) && container.is_some();
                // An article's number only beside a volume.
                let article = kind == Kind::Article;
                match number {
                    Some(n)
                        if (book && (volume.is_some() || !series))
                            || (article && volume.is_none()) =>
                    {
                        notes.push(format!("No. {n}"))
                    }
                    n => f.text("number", n),
                }
                f.text("pages", page.as_deref().or(page_text));
            }
            if let Some(d) = valid_issued(r) {
                f.raw("year", &format!("{:04}", d.start.year));
                if let Some(m) = d.start.month.filter(|m| (1..=12).contains(m)) {
                    f.bare("month", MONTHS[usize::from(m - 1)]);
                }
            }
            if let Some(acc) = r.accessed.as_ref().filter(|d| valid_ymd(&d.value.start)) {
                notes.push(format!("Accessed {}", acc.value.start.iso()));
            }
            if let Some(u) = &url {
                f.raw("url", u);
            }
            if let Some(d) = &doi {
                f.raw("doi", d);
            }
        }
    }
    if !notes.is_empty() {
        f.text("note", Some(&notes.join(". ")));
    }
    out_close(f.out);
}

fn out_close(out: &mut String) {
    out.push_str("}\n");
}

fn plain_names(list: &[Spanned<Person>]) -> String {
    list.iter()
        .map(|p| {
            let p = &p.value;
            p.literal.clone().unwrap_or_else(|| {
                [p.given.as_deref(), p.family.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_specials_and_commands() {
        assert_eq!(escape("50% & $5 #1 a_b"), "50\\% \\& \\$5 \\#1 a\\_b");
        assert_eq!(
            escape("\\input{/etc/passwd}"),
            "\\textbackslash{}input\\textbraceleft{}/etc/passwd\\textbraceright{}"
        );
        assert_eq!(escape("~^"), "\\textasciitilde{}\\textasciicircum{}");
        assert_eq!(escape("a\nb\tc\0d"), "a b cd");
        assert_eq!(escape("日米「同盟」"), "日米「同盟」");
    }

    #[test]
    fn verbatim_urls() {
        assert_eq!(
            escape_verbatim("https://x.y/a b{c}"),
            "https://x.y/a%20b%7Bc%7D"
        );
        assert_eq!(
            escape_verbatim("https://x.y/a_b%20#c"),
            "https://x.y/a_b%20#c"
        );
    }

    #[test]
    fn dates_at_precision() {
        let r = |d: Date| Reference {
            issued: Some(Spanned::detached(d)),
            ..Reference::default()
        };
        assert_eq!(biblatex_date(&r(Date::absolute(Ymd::year(2024)))), "2024");
        assert_eq!(
            biblatex_date(&r(Date::absolute(Ymd::month(2024, 10)))),
            "2024-10"
        );
        assert_eq!(
            biblatex_date(&r(Date::absolute(Ymd::day(2024, 10, 27)))),
            "2024-10-27"
        );
        assert_eq!(
            biblatex_date(&r(Date::absolute(Ymd::day(2024, 2, 30)))),
            "XXXX"
        );
        assert_eq!(biblatex_date(&Reference::default()), "XXXX");
    }
}
