//! One reference string into the typed fields of [`Reference`].
//!
//! The parser works on a byte range of a text, so that every field's span points into
//! the document. It recognises, in this order: the tail (URL, DOI, access date), repeats
//! (`Ibid.`, `同上`, `前掲`, `op. cit.`), then the body in one of three shapes: Japanese
//! (「」 and 『』), English with a quoted title (Chicago, IEEE, web), English without
//! one (books, short forms, APA).

use domei_model::{Date, Reference, ReferenceType, Repeat, RepeatKind, Span, Spanned};

use crate::dates::{is_date_en, is_date_ja, is_month_day, ja_date_prefix};
use crate::names::{Names, Role, names_en, names_ja};
use crate::text::{
    Depth, Has, digit, find, is_cjk, is_pages, is_ws, mark, split_top, starts_ci, trim, trim_field,
};

/// Parse `t[a..b]` as one reference. Spans are offsets into `t`.
pub(crate) fn parse_range(t: &str, a: usize, b: usize, id: String) -> Option<Reference> {
    let (a, b) = trim(t, a, b, &[]);
    if a >= b || t.get(a..b).is_none() {
        return None;
    }
    let mut p = Parser {
        t,
        r: Reference {
            id,
            span: Span::new(a, b),
            raw: t[a..b].to_string(),
            ..Reference::default()
        },
        names: Names::default(),
        marks: crate::text::marks(&t.as_bytes()[a..b]),
        quoted: false,
        typed: false,
        colon_pages: false,
        book_paren: false,
        chapter: false,
        designation: None,
        data_date: None,
    };
    let mut core_end = p.tail(a, b);
    // "Michael J. Green, By More Than Providence (…, 2017)（邦訳：『…』勁草書房、2023年）":
    // a note on the Japanese translation of a work cited in English is not part of the
    // reference read (it stays in `raw`).
    if let Some(w) = crate::text::find_bytes(&t.as_bytes()[a..core_end], "邦訳".as_bytes())
        && let Some(open) = t[a..a + w].chars().next_back()
        && matches!(open, '（' | '(' | '〔' | '［')
    {
        let k = w - open.len_utf8();
        if !t[a..a + k].chars().any(is_cjk) && t[a..a + k].chars().any(char::is_alphabetic) {
            core_end = a + k;
        }
    }
    let (a2, mut core_end) = trim(t, a, core_end, &[',', ';', '.', '。', '、']);
    // MLA 7's medium of publication last ("… 2005. Print."): not a field (it stays in
    // `raw`).
    for medium in [". Print", ". Web", ". CD-ROM", ". DVD"] {
        if let Some(k) = t[a2..core_end].strip_suffix(medium)
            && !japanese_text(&t[a2..core_end])
        {
            core_end = a2 + k.len();
            break;
        }
    }
    // "… 200: 45–67 (in Japanese)": a note on the work's language, not a field (it
    // stays in `raw`).
    for note in [
        "(in Japanese)",
        "[in Japanese]",
        "(in Korean)",
        "[in Korean]",
        "(in Chinese)",
        "[in Chinese]",
    ] {
        if let Some(k) = t[a2..core_end].strip_suffix(note) {
            core_end = trim(t, a2, a2 + k.len(), &[',', ';', '.', ' ']).1;
            break;
        }
    }
    let japanese = japanese_text(&t[a2..core_end]);
    p.r.language = Some(if japanese { "ja" } else { "en" }.to_string());
    if a2 < core_end && !p.repeat(a2, core_end) {
        if japanese && t[a2..core_end].contains(['「', '『']) {
            p.japanese(a2, core_end);
        } else if japanese {
            // APA with a Japanese title, else a plain web form.
            if p.apa(a2, core_end).is_none() {
                p.japanese_plain(a2, core_end);
            }
        } else {
            p.english(a2, core_end);
        }
    }
    p.finish()
}

struct Parser<'t> {
    t: &'t str,
    r: Reference,
    names: Names,
    /// Keys present in the reference ([`crate::text::marks`]).
    marks: u8,
    quoted: bool,
    typed: bool,
    colon_pages: bool,
    book_paren: bool,
    chapter: bool,
    /// A report designation read apart from the fields (`(CRS Report No. R47258)` after
    /// an APA title), split by [`Parser::designations`].
    designation: Option<(usize, usize)>,
    /// The date of a survey or of the data a Japanese work reports (`（令和5年9月調査）`,
    /// `（2024年1月1日現在）`): the issued date only when nothing else gives one.
    data_date: Option<(usize, usize)>,
}

const GENRES: &[(&str, ReferenceType)] = &[
    ("news release", ReferenceType::Document),
    ("press release", ReferenceType::Document),
    ("fact sheet", ReferenceType::Document),
    ("media note", ReferenceType::Document),
    ("press statement", ReferenceType::Document),
    ("press briefing", ReferenceType::Document),
    ("press conference", ReferenceType::Document),
    ("news conference", ReferenceType::Document),
    ("joint statement", ReferenceType::Document),
    ("statement", ReferenceType::Document),
    ("readout", ReferenceType::Document),
    ("speech", ReferenceType::Speech),
    ("paper presented", ReferenceType::PaperConference),
    ("remarks", ReferenceType::Speech),
    ("address", ReferenceType::Speech),
    ("keynote", ReferenceType::Speech),
    ("lecture", ReferenceType::Speech),
    ("testimony", ReferenceType::Speech),
    ("interview", ReferenceType::Interview),
    ("working paper", ReferenceType::Report),
    ("policy brief", ReferenceType::Report),
    ("issue brief", ReferenceType::Report),
    ("discussion paper", ReferenceType::Report),
    ("white paper", ReferenceType::Report),
    ("research report", ReferenceType::Report),
    ("technical report", ReferenceType::Report),
    ("tech. report", ReferenceType::Report),
    ("tech. rep.", ReferenceType::Report),
    ("report", ReferenceType::Report),
    ("blog post", ReferenceType::Post),
    ("post on x", ReferenceType::Post),
    ("tweet", ReferenceType::Post),
    ("transcript", ReferenceType::Document),
    ("m.s. thesis", ReferenceType::Thesis),
    ("m.a. thesis", ReferenceType::Thesis),
    ("ph.d. dissertation", ReferenceType::Thesis),
    ("ph.d. thesis", ReferenceType::Thesis),
    ("ph.d. diss.", ReferenceType::Thesis),
    ("phd thesis", ReferenceType::Thesis),
    ("phd dissertation", ReferenceType::Thesis),
    ("phd diss.", ReferenceType::Thesis),
    ("master's thesis", ReferenceType::Thesis),
    ("master’s thesis", ReferenceType::Thesis),
    ("doctoral dissertation", ReferenceType::Thesis),
    ("doctoral thesis", ReferenceType::Thesis),
];

/// Words that name a government's policy document (`2022 National Defense Strategy of
/// the United States of America`), whose title may hold a country's name.
const POLICY_DOCUMENT_WORDS: &[&str] = &[
    "concept",
    "doctrine",
    "guidelines",
    "outlook",
    "posture review",
    "report",
    "review",
    "strategy",
    "white paper",
];

/// Words that name a treaty or legal instrument.
const TREATY_WORDS: &[&str] = &[
    "accord",
    "act",
    "agreement",
    "charter",
    "communique",
    "communiqué",
    "convention",
    "declaration",
    "protocol",
    "treaty",
];

const JA_GENRES: &[(&str, ReferenceType)] = &[
    ("政策提言", ReferenceType::Report),
    ("報告書", ReferenceType::Report),
    ("ワーキングペーパー", ReferenceType::Report),
    ("ディスカッションペーパー", ReferenceType::Report),
    ("プレスリリース", ReferenceType::Document),
    ("報道発表", ReferenceType::Document),
    ("記者会見", ReferenceType::Document),
    ("談話", ReferenceType::Speech),
    ("演説", ReferenceType::Speech),
    ("講演", ReferenceType::Speech),
    ("スピーチ", ReferenceType::Speech),
    ("インタビュー", ReferenceType::Interview),
    ("博士論文", ReferenceType::Thesis),
    ("博士学位論文", ReferenceType::Thesis),
    ("修士論文", ReferenceType::Thesis),
    ("卒業論文", ReferenceType::Thesis),
];

/// Editions of a Japanese newspaper, written after its date or on their own.
const NEWS_EDITIONS: &[&str] = &[
    "朝刊",
    "夕刊",
    "電子版",
    "デジタル版",
    "Web版",
    "WEB版",
    "ウェブ版",
    "地方版",
    "国際版",
    "東京版",
    "大阪版",
];

const NEWSPAPERS: &[&str] = &[
    "afp",
    "agency",
    "al jazeera",
    "asahi",
    "axios",
    "bbc",
    "bloomberg",
    "breaking defense",
    "chosun",
    "chronicle",
    "cnn",
    "daily",
    "express",
    "gazette",
    "globe",
    "guardian",
    "hankyoreh",
    "hankyung",
    "herald",
    "hindu",
    "ilbo",
    "independent",
    "joongang",
    "kyodo",
    "le monde",
    "mainichi",
    "news",
    "nhk",
    "nikkei",
    "npr",
    "observer",
    "politico",
    "post",
    "press",
    "reuters",
    "sankei",
    "sentinel",
    "shimbun",
    "stars and stripes",
    "telegraph",
    "times",
    "tribune",
    "wall street journal",
    "xinhua",
    "yomiuri",
    "yonhap",
];

/// Words that make an organisation a news outlet when it stands as the author (sorted;
/// narrower than [`NEWSPAPERS`]: no `agency`, `press` or `daily`, which name issuing
/// bodies and publishers too).
const NEWS_OUTLETS: &[&str] = &[
    "afp",
    "asahi",
    "axios",
    "bbc",
    "bloomberg",
    "chosun",
    "cnn",
    "gazette",
    "guardian",
    "hankyoreh",
    "hankyung",
    "herald",
    "ilbo",
    "joongang",
    "kyodo",
    "mainichi",
    "news",
    "nhk",
    "nikkei",
    "nippo",
    "politico",
    "post",
    "reuters",
    "sankei",
    "shimbun",
    "shinbun",
    "sinmun",
    "telegraph",
    "times",
    "tribune",
    "xinhua",
    "yomiuri",
    "yonhap",
];

const MAGAZINES: &[&str] = &[
    "foreign affairs",
    "foreign policy",
    "diplomat",
    "economist",
    "newsweek",
    "atlantic",
    "new yorker",
    "janes",
    "jane's",
    "war on the rocks",
    "national interest",
    "wired",
    "spectator",
    "spiegel",
    "forbes",
    "der spiegel",
    "nato review",
    "time",
    "magazine",
];

const JOURNALS: &[&str] = &[
    "asian survey",
    "bulletin",
    "international affairs",
    "international security",
    "issues in",
    "journal",
    "orbis",
    "parameters",
    "proceedings",
    "quarterly",
    "review",
    "studies",
    "survival",
];

/// True for a known magazine name (`The Diplomat`, `Foreign Affairs`), in any case.
fn is_magazine(c: &str) -> bool {
    let bare = if starts_ci(c, "the ") { &c[4..] } else { c };
    MAGAZINES.iter().any(|m| m.eq_ignore_ascii_case(bare))
}

/// True when `hay` holds one of `words` as a whole word (single words) or phrase
/// (`wall street journal`), in any ASCII case. The list is lower case and sorted by its
/// first letter. Phrases are only
/// tried where a word starts; nothing is allocated: this runs several times on each
/// reference.
fn has_word(hay: &str, words: &[&str]) -> bool {
    debug_assert!(
        words.is_sorted_by_key(|w| w.as_bytes()[0]),
        "has_word needs a list sorted by first letter: {words:?}"
    );
    let bytes = hay.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'\'') {
            i += 1;
        }
        let w = &bytes[start..i];
        let rest = &bytes[start..];
        let first = w[0].to_ascii_lowercase();
        // The list is sorted: only the words with the same first letter are compared.
        let from = words.partition_point(|x| x.as_bytes()[0] < first);
        for x in words[from..]
            .iter()
            .take_while(|x| x.as_bytes()[0] == first)
        {
            let xb = x.as_bytes();
            if xb.len() < w.len() {
                continue;
            }
            if xb.len() == w.len() {
                if xb.eq_ignore_ascii_case(w) {
                    return true;
                }
            } else if xb.len() <= rest.len()
                && xb.get(w.len()) == Some(&b' ')
                && rest[..xb.len()].eq_ignore_ascii_case(xb)
                && rest
                    .get(xb.len())
                    .is_none_or(|c| !c.is_ascii_alphanumeric())
            {
                return true;
            }
        }
    }
    false
}

impl<'t> Parser<'t> {
    fn field(&self, a: usize, b: usize) -> Option<Spanned<String>> {
        let (a, b) = trim_field(self.t, a, b);
        (a < b).then(|| Spanned::new(self.t[a..b].to_string(), Span::new(a, b)))
    }

    /// A date read by `domei_dates::parse` from `t[a..b]`.
    fn date(&self, a: usize, b: usize) -> Option<Spanned<Date>> {
        let (a, b) = trim(
            self.t,
            a,
            b,
            &[',', '.', '(', ')', '（', '）', '。', '、', '[', ']'],
        );
        let s = self.t.get(a..b)?;
        // "2024a": a year with the letter that tells works of one author-year apart.
        if s.len() == 5
            && s.as_bytes()[4].is_ascii_lowercase()
            && s.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        {
            return domei_dates::parse(&s[..4]).map(|d| Spanned::new(d, Span::new(a, b)));
        }
        // APA "2023, May 4" is read as "May 4, 2023".
        if let Some((y, rest)) =
            crate::text::find_bytes(s.as_bytes(), b", ").map(|k| (&s[..k], &s[k + 2..]))
            && y.len() == 4
            && y.chars().all(|c| c.is_ascii_digit())
        {
            let swapped = format!("{rest}, {y}");
            if let Some(d) = domei_dates::parse(&swapped) {
                return Some(Spanned::new(d, Span::new(a, b)));
            }
        }
        if let Some(d) = domei_dates::parse(s) {
            return Some(Spanned::new(d, Span::new(a, b)));
        }
        // "Winter 1983–84": a season across two years, dated by its first.
        if let Some((head, tail)) = s.split_once(['–', '-'])
            && tail.len() == 2
            && tail.bytes().all(|c| c.is_ascii_digit())
            && head.ends_with(|c: char| c.is_ascii_digit())
            && let Some(d) = domei_dates::parse(head)
        {
            return Some(Spanned::new(d, Span::new(a, b)));
        }
        // A bimonthly or quarterly issue, "March/April 2018", "July–September 2023": both
        // ends read by the date crate, joined as a range.
        let (months, year) = s.rsplit_once(' ')?;
        let (m1, m2) = months.split_once(['/', '–', '-'])?;
        let start = domei_dates::parse(&format!("{} {year}", m1.trim()))?;
        let end = domei_dates::parse(&format!("{} {year}", m2.trim()))?;
        if start.start.month.is_none() || end.start.month.is_none() || end.start < start.start {
            return None;
        }
        let range = Date {
            end: Some(end.start),
            precision: domei_model::Precision::Range,
            kind: domei_model::DateKind::Range,
            ..start
        };
        Some(Spanned::new(range, Span::new(a, b)))
    }

    fn set_issued(&mut self, a: usize, b: usize) {
        if self.r.issued.is_none() {
            self.r.issued = self.date(a, b);
            if self.r.issued.is_none() {
                // The shape is a date but the date crate could not read it: keep the place.
                self.r.issued = None;
            }
        }
    }

    // ---------------------------------------------------------------- tail

    /// Read URL, DOI and access date; return where the body ends.
    fn tail(&mut self, a: usize, b: usize) -> usize {
        let t = self.t;
        let mut end = b;
        // URLs.
        let mut from = if self.marks & mark::URL != 0 { a } else { b };
        while let Some(i) = find(t, from, b, "http").or_else(|| find(t, from, b, "www.")) {
            let s = &t[i..b];
            if !(s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")) {
                from = i + 4;
                continue;
            }
            let mut j = i;
            for (k, c) in s.char_indices() {
                if is_ws(c)
                    || matches!(
                        c,
                        '<' | '>' | '」' | '（' | '）' | '、' | '。' | '"' | '”' | '］'
                    )
                {
                    break;
                }
                // A bracket straight after a URL that holds words or Japanese text
                // (`…/page.html(2024年5月1日閲覧)`) is not part of it; one holding an
                // ASCII path piece (`…/Alliance_(1951)`) is.
                if c == '(' {
                    let inside = &s[k + 1..];
                    let inside = &inside[..inside.find(')').unwrap_or(inside.len())];
                    if inside.is_empty() || !inside.is_ascii() || inside.contains(' ') {
                        break;
                    }
                }
                j = i + k + c.len_utf8();
            }
            // Trailing punctuation is not part of a URL.
            while j > i && t[..j].ends_with(['.', ',', ';', ')', ']']) {
                if t[..j].ends_with(')') && t[i..j].contains('(') {
                    break;
                }
                j -= 1;
            }
            let url = &t[i..j];
            let lower = url.to_ascii_lowercase();
            let opener = if t[..i].ends_with('<') { i - 1 } else { i };
            let opener = if t[..opener].ends_with("URL:") || t[..opener].ends_with("URL：") {
                opener
                    - t[..opener]
                        .chars()
                        .rev()
                        .take(4)
                        .map(char::len_utf8)
                        .sum::<usize>()
            } else {
                opener
            };
            if let Some(k) = lower.find("doi.org/") {
                if self.r.doi.is_none() {
                    self.r.doi = Some(Spanned::new(
                        url[k + 8..].to_string(),
                        Span::new(i + k + 8, j),
                    ));
                }
            } else if self.r.url.is_none() {
                self.r.url = Some(Spanned::new(url.to_string(), Span::new(i, j)));
            }
            end = end.min(opener);
            from = j.max(i + 1);
        }
        // DOI written as "doi:10.…".
        let has_doi = self.marks & mark::DOI != 0;
        for key in ["doi:", "DOI:", "DOI "].into_iter().filter(|_| has_doi) {
            if let Some(i) = find(t, a, b, key) {
                let s = i + key.len();
                let (s, _) = trim(t, s, b, &[]);
                let e = t[s..b].find(is_ws).map_or(b, |k| s + k);
                let (s, e) = trim(t, s, e, &['.', ',', ';']);
                if s < e && t[s..e].starts_with("10.") {
                    if self.r.doi.is_none() {
                        self.r.doi = Some(Spanned::new(t[s..e].to_string(), Span::new(s, e)));
                    }
                    end = end.min(i);
                }
            }
        }
        // English access date.
        let has_access = self.marks & mark::ACCESS != 0;
        for key in [
            "accessed: ",
            "Accessed: ",
            "accessed ",
            "Accessed ",
            "last accessed ",
            "Retrieved ",
            "retrieved ",
            "viewed ",
        ]
        .into_iter()
        .filter(|_| has_access)
        {
            if let Some(i) = find(t, a, b, key) {
                let s = i + key.len();
                let mut e = s;
                // The date ends after the first four-digit year.
                let bytes = t.as_bytes();
                let mut run = 0;
                let mut k = s;
                while k < b {
                    if bytes[k].is_ascii_digit() {
                        run += 1;
                        if run == 4 && !bytes.get(k + 1).is_some_and(u8::is_ascii_digit) {
                            e = k + 1;
                            break;
                        }
                    } else {
                        run = 0;
                    }
                    k += 1;
                }
                if e > s && e - s <= 40 {
                    self.r.accessed = self.date(s, e);
                    let opener = t[a..i]
                        .trim_end_matches(is_ws)
                        .strip_suffix(['(', '['])
                        .map_or(i, |x| a + x.len());
                    end = end.min(opener);
                }
                break;
            }
        }
        // Japanese access date: 2025年1月31日閲覧, （最終アクセス：2025年1月31日）.
        let has_ja_access = self.marks & mark::JA_ACCESS != 0;
        for key in [
            "最終アクセス",
            "最終閲覧日",
            "最終閲覧",
            "閲覧日",
            "アクセス日",
            "閲覧",
            "アクセス",
            "参照日",
            "参照",
        ]
        .into_iter()
        .filter(|_| has_ja_access)
        {
            let Some(i) = find(t, a, b, key) else {
                continue;
            };
            // Date after the key?
            let s = i + key.len();
            let (s2, _) = trim(t, s, b, &['：', ':', '、', ' ']);
            let (date_s, date_e) = if let Some(n) = ja_date_prefix(&t[s2..b]) {
                (s2, s2 + n)
            } else {
                // Date before the key.
                let before = t[a..i].trim_end_matches(['：', ':', ' ', '　']);
                let mut k = before.len();
                for (idx, c) in before.char_indices().rev() {
                    if digit(c).is_some() || matches!(c, '年' | '月' | '日' | '.' | '/' | '／')
                    {
                        k = idx;
                    } else {
                        break;
                    }
                }
                (a + k, a + before.len())
            };
            if date_s < date_e && is_date_ja(&t[date_s..date_e]) {
                self.r.accessed = self.date(date_s, date_e);
                let open = t[a..date_s.min(i)]
                    .trim_end_matches(['：', ':', ' ', '　'])
                    .trim_end_matches(key)
                    .trim_end_matches(['：', ':', ' ', '　'])
                    .strip_suffix(['（', '(', '［', '['])
                    .map(|x| a + x.len());
                end = end.min(open.unwrap_or(date_s.min(i)));
            }
            break;
        }
        // "[Online]. Available:", "Retrieved from", "URL:" belong to the URL.
        let mut end = end.max(a);
        loop {
            let (_, e) = trim(t, a, end, &['.', ',', ':', ';', '：']);
            let s = &t[a..e];
            let cut = [
                "Available at",
                "Available from",
                "Available",
                "available at",
                "[Online]",
                "Online",
                "Retrieved from",
                "retrieved from",
                "URL",
            ]
            .iter()
            .find(|k| s.ends_with(**k));
            match cut {
                Some(k) if e - k.len() > a => end = e - k.len(),
                _ => break,
            }
        }
        end
    }

    // ---------------------------------------------------------------- repeats

    fn repeat(&mut self, a: usize, b: usize) -> bool {
        let t = self.t;
        let s = &t[a..b];
        let ibid = ["Ibid", "ibid", "Id.", "同上", "同前", "同右", "同書"]
            .iter()
            .find(|k| s.starts_with(**k));
        if let Some(k) = ibid {
            let mut rest = a + k.len();
            if t[rest..b].starts_with('.') {
                rest += 1;
            }
            // Legal "Id. at 45": the page after "at".
            if let Some(x) = t[rest..b]
                .trim_start_matches([',', ' '])
                .strip_prefix("at ")
            {
                rest = b - x.len();
            }
            self.r.repeat = Some(Repeat {
                kind: RepeatKind::Ibid,
                target: None,
            });
            self.locator(rest, b);
            return true;
        }
        let maybe = self.marks & mark::OP_CIT != 0;
        for (key, kind) in [
            ("supra note", RepeatKind::OpCit),
            ("op. cit.", RepeatKind::OpCit),
            ("Op. cit.", RepeatKind::OpCit),
            ("op cit", RepeatKind::OpCit),
            ("Op cit", RepeatKind::OpCit),
            ("前掲書", RepeatKind::OpCit),
            ("前掲論文", RepeatKind::OpCit),
            ("前掲", RepeatKind::OpCit),
        ]
        .into_iter()
        .filter(|_| maybe)
        {
            if let Some(i) = find(t, a, b, key) {
                self.r.repeat = Some(Repeat { kind, target: None });
                let before = (a, i);
                if t[a..i].contains(['「', '『']) {
                    self.japanese(a, i);
                } else if t[a..i].chars().any(is_cjk) {
                    names_ja(t, before.0, before.1, Role::Author, &mut self.names);
                } else {
                    names_en(t, before.0, before.1, Role::Author, &mut self.names);
                }
                // "前掲注(3)、12頁", "supra note 3, at 12": the note number is not the locator.
                let mut rest = i + key.len();
                let after = &t[rest..b];
                let skip = after
                    .strip_prefix('注')
                    .map(|x| 3 + x.len() - x.trim_start_matches(['(', '（']).len())
                    .or_else(|| key.ends_with("note").then_some(0));
                if let Some(k) = skip {
                    rest += k;
                    let digits = t[rest..b]
                        .char_indices()
                        .find(|&(_, c)| !(digit(c).is_some() || c == ' '))
                        .map_or(b - rest, |(j, _)| j);
                    rest += digits;
                    rest += t[rest..b].len() - t[rest..b].trim_start_matches([')', '）']).len();
                    let s2 = &t[rest..b];
                    if let Some(x) = s2.trim_start_matches([',', ' ']).strip_prefix("at ") {
                        rest = b - x.len();
                    }
                }
                self.locator(rest, b);
                return true;
            }
        }
        false
    }

    /// Read a cited page from `t[a..b]` (`, 5.`, `、12頁`, `p. 5`).
    fn locator(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = trim(self.t, a, b, &[',', '.', '、', '。', '，', ':', '：']);
        let s = &self.t[a..b];
        for p in ["pp. ", "pp.", "p. ", "p.", "pp ", "P. "] {
            if s.starts_with(p) {
                a += p.len();
                break;
            }
        }
        for suf in ["頁", "ページ", "ff.", "ff", "f."] {
            if self.t[a..b].ends_with(suf) {
                b -= suf.len();
                break;
            }
        }
        let (a, b) = trim(self.t, a, b, &[]);
        if a < b && (is_pages(&self.t[a..b]) || is_division(&self.t[a..b])) {
            self.r.locator = Some(Spanned::new(self.t[a..b].to_string(), Span::new(a, b)));
        }
    }

    /// An author region without `拙稿`/`拙著` ("my paper") and without an author-date
    /// year (`青木慎也(2021)`, `Fischer, Laura (2022)`), which becomes the issued date.
    fn author_year(&mut self, a: usize, b: usize) -> (usize, usize) {
        let t = self.t;
        let (mut a, mut b) = trim(t, a, b, &[',', '、']);
        for own in ["拙稿", "拙著", "拙論"] {
            if t[a..b].starts_with(own) {
                a += own.len();
            }
        }
        let s = &t[a..b];
        if s.ends_with([')', '）'])
            && let Some(o) = s.rfind(['(', '（'])
        {
            let open = s[o..].chars().next().map_or(1, char::len_utf8);
            let close = s[..s.len()].chars().next_back().map_or(1, char::len_utf8);
            let inner = &s[o + open..s.len() - close];
            let year = inner.trim_end_matches(['年', 'a', 'b', 'c']);
            if year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) {
                self.set_issued(a + o + open, a + o + open + year.len());
                b = a + o;
            }
        } else if let Some((x, y)) = author_date_year(t, a, b) {
            // Chicago author-date: "Suzuki, Takeshi. 2021."
            self.set_issued(x, y);
            b = x;
        } else {
            // Japanese author-date without brackets: "山田太郎 2020." (a space, the year).
            let body = s.trim_end_matches(['.', '．', ' ', '　']);
            let year = body.trim_end_matches(['a', 'b', 'c']);
            if year.len() > 4
                && year.is_char_boundary(year.len() - 4)
                && year[year.len() - 4..].bytes().all(|c| c.is_ascii_digit())
                && matches!(year.as_bytes()[year.len() - 4], b'1' | b'2')
                && year[..year.len() - 4].ends_with([' ', '　'])
                && year[..year.len() - 4].trim_end().chars().any(is_cjk)
            {
                let ys = a + year.len() - 4;
                self.set_issued(ys, ys + 4);
                b = ys;
            }
        }
        trim(t, a, b, &[',', '、'])
    }

    // ---------------------------------------------------------------- Japanese

    fn japanese(&mut self, a: usize, b: usize) {
        let t = self.t;
        let Some(first) = t[a..b].find(['「', '『']).map(|i| a + i) else {
            return;
        };
        let (a_auth, mut b_auth) = self.author_year(a, first);
        // "Joseph S. Nye Jr.（山岡洋一訳）『…』": the translators, in brackets after the
        // author of a translated book.
        let s = t[a_auth..b_auth].trim_end();
        if let Some(inner) = s.strip_suffix('）').or_else(|| s.strip_suffix(')'))
            && let Some(open) = inner.rfind(['（', '('])
        {
            let open_len = if inner[open..].starts_with('（') {
                '（'.len_utf8()
            } else {
                1
            };
            let (ix, iy) = (a_auth + open + open_len, a_auth + inner.len());
            if open > 0 && t[ix..iy].ends_with('訳') && t[ix..iy].chars().count() >= 2 {
                names_ja(t, ix, iy, Role::Translator, &mut self.names);
                b_auth = a_auth + open;
            }
        }
        // "外務省ウェブサイト「…」": the issuer's web site, named with its issuer.
        let (sx, sy) = trim(t, a_auth, b_auth, &[]);
        if let Some(w) = ["ウェブサイト", "ホームページ", "Webサイト", "HP"]
            .iter()
            .find(|w| t[sx..sy].ends_with(**w) && sy - sx > w.len())
            && t[sx..sy - w.len()].chars().all(is_cjk)
        {
            self.r.container_title = self.field(sx, sy);
            self.r.kind = ReferenceType::Webpage;
            self.typed = true;
            b_auth = sy - w.len();
        }
        if t[a_auth..b_auth].chars().any(is_cjk) {
            names_ja(t, a_auth, b_auth, Role::Author, &mut self.names);
        } else {
            // "Yamada, T. (2020)「…」": a romanised author.
            names_en(t, a_auth, b_auth, Role::Author, &mut self.names);
        }
        // Bracketed parts in order.
        let mut brackets: Vec<(char, usize, usize)> = Vec::new(); // kind, inner start, inner end
        let mut i = first;
        let mut last_end = first;
        while i < b {
            let c = t[i..].chars().next().unwrap_or(' ');
            if c == '「' || c == '『' {
                let close = if c == '「' { '」' } else { '』' };
                // Matching close at the same depth.
                let mut depth = 0;
                let mut end = None;
                for (k, d) in t[i..b].char_indices() {
                    if d == c {
                        depth += 1;
                    } else if d == close {
                        depth -= 1;
                        if depth == 0 {
                            end = Some(i + k);
                            break;
                        }
                    }
                }
                let Some(e) = end else { break };
                // Text between two brackets: editors of a book (`山田編『…』`) or 所収.
                if !brackets.is_empty() && last_end < i {
                    let between = &t[last_end..i];
                    let (x, y) = trim(t, last_end, i, &['、', ',']);
                    if x < y && (between.contains('編') || between.has("監修")) {
                        names_ja(t, x, y, Role::Editor, &mut self.names);
                        self.chapter = true;
                    }
                }
                brackets.push((c, i + c.len_utf8(), e));
                i = e + close.len_utf8();
                last_end = i;
            } else if brackets.is_empty() {
                i += c.len_utf8();
            } else {
                // Only look for the next bracket right after (allowing editors between).
                match t[i..b].find(['「', '『']) {
                    Some(k)
                        if t[i..i + k].chars().count() <= 16 && !t[i..i + k].contains('、')
                            || t[i..i + k].contains('編') && t[i..i + k].chars().count() <= 24 =>
                    {
                        i += k;
                    }
                    _ => break,
                }
            }
        }
        let set = |x: usize, y: usize| {
            let (x, y) = trim(t, x, y, &[]);
            (x < y).then(|| Spanned::new(t[x..y].to_string(), Span::new(x, y)))
        };
        let mut has_container = false;
        match brackets.as_slice() {
            [] => {}
            [('『', x, y)] if t[*x..*y].ends_with("新聞") => {
                // 『朝日新聞』2024年1月1日朝刊: the newspaper itself.
                self.r.container_title = set(*x, *y);
                self.r.kind = ReferenceType::ArticleNewspaper;
                self.typed = true;
            }
            [(_, x, y)] => {
                self.r.title = set(*x, *y);
                self.r.kind = if brackets[0].0 == '『' {
                    ReferenceType::Book
                } else {
                    ReferenceType::Webpage
                };
            }
            [(_, x, y), (_, cx, cy), ..] => {
                self.r.title = set(*x, *y);
                self.r.container_title = set(*cx, *cy);
                has_container = true;
            }
        }
        if t[last_end..b].has("所収") {
            self.chapter = true;
        }
        // After the brackets: pieces separated by 、 and white space.
        let mut publisher_seen = false;
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        for (x, y) in split_top(t, last_end, b, &['、', '，', ',', '。']) {
            let inner = unwrap_parens(t, x, y);
            // A parenthesis holding publisher and year: split inside too; but a label is
            // one piece, whatever it holds (`（PDF：1.2MB）`).
            let inside = split_top(t, inner.0, inner.1, &['、', '，', ',', '：', ':']);
            if inside.len() > 1 && is_label(&t[inner.0..inner.1]) {
                pieces.push(inner);
                continue;
            }
            pieces.extend(inside);
        }
        for (x, y) in pieces {
            let (x, y) = unwrap_parens(t, x, y);
            if x >= y {
                continue;
            }
            // Commentary words at the end of a piece are not part of it.
            let mut y = y;
            for suf in [
                "を参照されたい",
                "を参照のこと",
                "を参照",
                "も参照",
                "参照",
                "による",
                "より",
            ] {
                if t[x..y].ends_with(suf) && y - x > suf.len() {
                    y -= suf.len();
                    break;
                }
            }
            if x >= y {
                continue;
            }
            self.ja_piece(x, y, &mut publisher_seen);
        }
        if let Some((x, y)) = self.data_date {
            self.set_issued(x, y);
        }
        // Type.
        if has_container {
            let c = self
                .r
                .container_title
                .as_ref()
                .map_or(String::new(), |c| c.value.clone());
            // A volume with an issue number is a periodical's, even when an editor is
            // named (防衛研究所編『…研究』第4巻第1号).
            if self.chapter && self.r.issue.is_some() {
                self.chapter = false;
            }
            self.r.kind = if self.chapter {
                ReferenceType::Chapter
            } else if c.has("新聞")
                || c.has("通信")
                || has_word(&c, NEWSPAPERS) && !c.chars().any(is_cjk)
            {
                ReferenceType::ArticleNewspaper
            } else if [
                "学会",
                "紀要",
                "研究",
                "論集",
                "学報",
                "ジャーナル",
                "論叢",
                "年報",
                "国際安全保障",
                "国際政治",
                "Journal",
                "Review",
                "Studies",
            ]
            .iter()
            .any(|k| c.has(k))
            {
                ReferenceType::ArticleJournal
            } else {
                ReferenceType::ArticleMagazine
            };
        } else if self.r.kind == ReferenceType::Book {
            let title = self.r.title.as_ref().map_or("", |x| x.value.as_str());
            let issuer = self
                .r
                .publisher
                .as_ref()
                .map_or(String::new(), |x| x.value.clone());
            if [
                "報告書",
                "白書",
                "レポート",
                "報告",
                "Report",
                "概観",
                "提言",
            ]
            .iter()
            .any(|k| title.has(k))
                || ["研究所", "省", "庁", "機構", "官房"]
                    .iter()
                    .any(|k| issuer.ends_with(k))
            {
                self.r.kind = ReferenceType::Report;
            }
        } else if self.typed {
        } else {
            // 読売新聞「…」: a newspaper named where the author stands.
            let news = |s: &str| ["新聞", "通信", "ニュース", "NHK"].iter().any(|k| s.has(k));
            if self.r.container_title.is_none()
                && self.names.people.len() == 1
                && self.names.people[0]
                    .1
                    .value
                    .literal
                    .as_deref()
                    .is_some_and(news)
            {
                let (_, p) = self.names.people.remove(0);
                self.r.container_title = p
                    .span
                    .map(|s| Spanned::new(t[s.start..s.end].to_string(), s));
            }
            let title = self.r.title.as_ref().map_or("", |x| x.value.as_str());
            if self
                .r
                .container_title
                .as_ref()
                .is_some_and(|c| news(&c.value))
            {
                self.r.kind = ReferenceType::ArticleNewspaper;
            } else if brackets.first().is_some_and(|b| b.0 == '「')
                && ["報告書", "白書", "提言", "レポート"]
                    .iter()
                    .any(|k| title.has(k))
            {
                // 「…に関する提言」: a think tank's or an office's report.
                self.r.kind = ReferenceType::Report;
            } else if brackets.first().is_some_and(|b| b.0 == '「')
                && ["演説", "スピーチ", "講演", "挨拶", "あいさつ"]
                    .iter()
                    .any(|k| title.ends_with(k))
            {
                // 「…施政方針演説」: a speech given (a 談話, a statement, stays a document,
                // as an English "statement" is).
                self.r.kind = ReferenceType::Speech;
            } else if self.r.url.is_none() {
                self.r.kind = ReferenceType::Document;
            }
        }
        self.ja_title_marks();
    }

    /// `タイトル、サイト名、2023年8月18日` (a web page without brackets).
    fn japanese_plain(&mut self, a: usize, b: usize) {
        if self.minutes_ja(a, b) {
            return;
        }
        let t = self.t;
        let pieces = split_top(t, a, b, &['、', '，']);
        // The date, possibly with the edition of a newspaper (`2023年5月20日朝刊`).
        let mut date_len = 0;
        let Some(k) = pieces.iter().position(|&(x, y)| {
            let (x, y) = trim(t, x, y, &[]);
            ja_date_prefix(&t[x..y]).is_some_and(|n| {
                date_len = n;
                let rest = &t[x + n..y];
                rest.is_empty()
                    || NEWS_EDITIONS
                        .iter()
                        .any(|e| rest.trim_start_matches('付') == *e)
            })
        }) else {
            return;
        };
        if k == 0 || k > 3 {
            return;
        }
        let (x, _) = trim(t, pieces[k].0, pieces[k].1, &[]);
        self.set_issued(x, x + date_len);
        // "読売新聞、2023年5月20日朝刊": a newspaper and its date, no title.
        let (fx, fy) = trim(t, pieces[0].0, pieces[0].1, &[]);
        if k == 1 && t[fx..fy].ends_with("新聞") {
            self.r.container_title = self.field(fx, fy);
            self.r.kind = ReferenceType::ArticleNewspaper;
            self.typed = true;
            return;
        }
        // "フィリピン国防省発表、2023年4月3日": an issuing body and a genre, no title.
        for g in ["発表", "声明", "談話", "報道発表", "プレスリリース"] {
            if k == 1 && t[fx..fy].ends_with(g) && fy - fx > g.len() {
                let gs = fy - g.len();
                names_ja(t, fx, gs, Role::Author, &mut self.names);
                self.r.genre = self.field(gs, fy);
                self.r.kind = ReferenceType::Document;
                self.typed = true;
                return;
            }
        }
        self.r.title = self.field(pieces[0].0, pieces[0].1);
        if k >= 2 {
            self.r.container_title = self.field(pieces[1].0, pieces[k - 1].1);
        }
        self.r.kind = ReferenceType::Webpage;
    }

    /// The minutes of a Diet committee or council without brackets:
    /// `参議院外交防衛委員会会議録第5号（2023年4月13日）、12頁`,
    /// `衆議院安全保障委員会議録第3号、2023年3月9日、5頁`. The record's name is the title,
    /// its number and date are read, a page after them is the locator. False when the
    /// first piece is no record of minutes.
    fn minutes_ja(&mut self, a: usize, b: usize) -> bool {
        let t = self.t;
        let pieces = split_top(t, a, b, &['、', '，']);
        let (fx, fy) = trim(t, pieces[0].0, pieces[0].1, &[]);
        let s = &t[fx..fy];
        // (Resolutions have the same shape: `国連安保理決議第2270号（2016年3月2日）`.)
        let Some((k, word)) = ["議事録", "議録", "決議"]
            .iter()
            .find_map(|w| s.find(w).map(|k| (k, *w)))
        else {
            return false;
        };
        let name_end = fx + k + word.len();
        let mut i = name_end;
        let mut number = None;
        if let Some(r) = t[i..fy].strip_prefix('第') {
            let n = r
                .char_indices()
                .find(|&(_, c)| digit(c).is_none())
                .map_or(r.len(), |(j, _)| j);
            if n > 0 && r[n..].starts_with('号') {
                let ns = i + '第'.len_utf8();
                number = Some((ns, ns + n));
                i = ns + n + '号'.len_utf8();
            }
        }
        // The date in brackets after the record (`（2023年4月13日）`), else in a piece.
        let mut date = None;
        let (rx, ry) = trim(t, i, fy, &[]);
        if rx < ry {
            let inner = t[rx..ry]
                .strip_prefix(['（', '('])
                .and_then(|r| r.strip_suffix(['）', ')']));
            let Some(inner) = inner else {
                return false;
            };
            let ix = ry - inner.len() - t[..ry].chars().next_back().map_or(1, char::len_utf8);
            match ja_date_prefix(inner) {
                Some(n) if n == inner.len() => date = Some((ix, ix + n)),
                _ => return false,
            }
        }
        let mut locator = None;
        for &(x, y) in &pieces[1..] {
            let (x, y) = trim(t, x, y, &[]);
            if date.is_none() && ja_date_prefix(&t[x..y]) == Some(y - x) {
                date = Some((x, y));
            } else if locator.is_none() {
                locator = Some((x, y));
            }
        }
        self.r.title = self.field(fx, name_end);
        if let Some((x, y)) = number {
            self.r.number = self.field(x, y);
        }
        if let Some((x, y)) = date {
            self.set_issued(x, y);
        }
        if let Some((x, y)) = locator {
            self.locator(x, y);
        }
        self.r.kind = ReferenceType::Document;
        self.typed = true;
        true
    }

    fn ja_piece(&mut self, x: usize, y: usize, publisher_seen: &mut bool) {
        let t = self.t;
        // The edition of a newspaper (朝刊, 夕刊, 電子版) is not a field; a page may follow
        // it (`朝刊1面`).
        let mut x = x;
        for e in NEWS_EDITIONS {
            if t[x..y].starts_with(e) {
                x = trim(t, x + e.len(), y, &[]).0;
                if x >= y {
                    return;
                }
                break;
            }
        }
        let s = &t[x..y];
        // `（上）有斐閣`, `有斐閣（第2版）`, `筑摩書房（ちくま新書）`: a volume, edition or
        // series mark in brackets glued to a publisher is read apart from it.
        if let Some((inner, rest)) = ja_glued_mark(s) {
            let (ix, iy) = (x + inner.0, x + inner.1);
            if !self.ja_mark(ix, iy) && self.r.collection_title.is_none() {
                // `筑摩書房（叢書・安全保障研究 第5巻）`: a series with its number.
                let open = t[..ix].chars().next_back().map_or(1, char::len_utf8);
                if let Some((ts, te, n, _)) = ja_book_series(&t[ix - open..y]) {
                    let base = ix - open;
                    self.r.collection_title = self.field(base + ts, base + te);
                    if let Some((ns, ne)) = n {
                        self.r.collection_number = self.field(base + ns, base + ne);
                    }
                }
            }
            let (rx, ry) = trim(t, x + rest.0, x + rest.1, &[]);
            if rx < ry {
                self.ja_piece(rx, ry, publisher_seen);
            }
            return;
        }
        if self.ja_mark(x, y) {
            return;
        }
        // NIDSコメンタリー第145号, 日本国際問題研究所ワーキングペーパー No.24-07: a series
        // and the number of the report in it.
        if self.r.collection_title.is_none()
            && let Some((e, ns, ne)) = ja_series_number(s)
        {
            self.r.collection_title = self.field(x, x + e);
            self.r.number = self.field(x + ns, x + ne);
            self.r.kind = ReferenceType::Report;
            self.typed = true;
            return;
        }
        // 『書名』（叢書・安全保障研究 第5巻）勁草書房: a book series in parentheses before
        // the publisher, with the book's number in it.
        if self.r.collection_title.is_none()
            && let Some((ts, te, n, close)) = ja_book_series(s)
        {
            self.r.collection_title = self.field(x + ts, x + te);
            if let Some((ns, ne)) = n {
                self.r.collection_number = self.field(x + ns, x + ne);
            }
            let (rest, _) = trim(t, x + close, y, &[]);
            if rest < y {
                self.ja_piece(rest, y, publisher_seen);
            }
            return;
        }
        // 令和5年9月調査, 2024年3月末現在, 2023年度調査, 令和5年度: when a survey was made,
        // as of when the data hold, or the fiscal year they cover; not a publisher, kept
        // for the issued date if no other date is given (`Parser::japanese`).
        let data_end = if s.ends_with(['査', 'べ', '施', '在', '点', '度']) {
            ["調査", "調べ", "実施", "現在", "時点"]
                .iter()
                .find(|w| s.ends_with(**w))
                .map(|w| y - w.len())
                .or_else(|| s.ends_with("年度").then_some(y))
        } else {
            None
        };
        if let Some(e) = data_end
            && e > x
            && self.date(x, e).is_some()
        {
            if self.data_date.is_none() {
                self.data_date = Some((x, e));
            }
            return;
        }
        // Dates, possibly followed by 号/発行/刊/朝刊.
        if let Some(n) = ja_date_prefix(s) {
            let rest = &s[n..];
            let rest_ok = rest.is_empty()
                || [
                    "号",
                    "発行",
                    "刊",
                    "朝刊",
                    "夕刊",
                    "付",
                    "公表",
                    "発表",
                    "更新",
                    "版",
                    "公開",
                    "署名",
                    "採択",
                    "発効",
                    "閣議決定",
                    "決定",
                ]
                .iter()
                .any(|k| rest.starts_with(k));
            if rest_ok {
                // 2024年2月号 is the month of the issue; 1960年1月19日署名 a treaty's date.
                self.set_issued(x, x + n);
                // "2024年1月1日朝刊1面": the page after the edition.
                if let Some(p) = rest.strip_suffix('面') {
                    let digits =
                        p.len() - p.trim_start_matches(|c: char| !c.is_ascii_digit()).len();
                    let page = &p[digits..];
                    if !page.is_empty()
                        && page.chars().all(|c| digit(c).is_some())
                        && self.r.locator.is_none()
                    {
                        let ps = x + n + digits;
                        self.r.locator = Some(Spanned::new(
                            page.to_string(),
                            Span::new(ps, ps + page.len()),
                        ));
                    }
                }
                if ["署名", "採択", "発効"].iter().any(|k| rest.starts_with(k)) {
                    self.r.kind = ReferenceType::Legislation;
                    self.typed = true;
                }
                return;
            }
        }
        // 2024年夏号: a season issue.
        if let Some(k) = s.find('年')
            && s[..k].chars().all(|c| digit(c).is_some())
            && k > 0
        {
            let rest = &s[k + '年'.len_utf8()..];
            let season = rest.trim_end_matches('号');
            if ["春", "夏", "秋", "冬"].contains(&season) {
                self.set_issued(x, x + k + '年'.len_utf8() + season.len());
                return;
            }
        }
        // A newspaper page (1面): the cited page, as 12頁 is.
        if let Some(n) = s.strip_suffix('面')
            && n.chars().all(|c| digit(c).is_some())
        {
            if !n.is_empty() && self.r.locator.is_none() {
                self.r.locator = Some(Spanned::new(n.to_string(), Span::new(x, x + n.len())));
            }
            return;
        }
        // 12(3): volume and issue.
        if let Some(o) = s.find('(')
            && s.ends_with(')')
            && o > 0
            && s[..o].chars().all(|c| c.is_ascii_digit())
            && s[o + 1..s.len() - 1].chars().all(|c| c.is_ascii_digit())
            && s.len() > o + 2
        {
            self.r.volume = self.field(x, x + o);
            self.r.issue = self.field(x + o + 1, y - 1);
            return;
        }
        // 『国際政治』200: 45-67: a bare number after a journal is its volume.
        if self.r.container_title.is_some()
            && self.r.volume.is_none()
            && (1..=4).contains(&s.len())
            && s.bytes().all(|c| c.is_ascii_digit())
            && !(s.len() == 4 && is_date_ja(s))
        {
            self.r.volume = self.field(x, y);
            return;
        }
        // Volume and issue.
        if self.vol_issue_ja(x, y) {
            return;
        }
        // Pages.
        let pages = s
            .strip_suffix("頁")
            .or_else(|| s.strip_suffix("ページ"))
            .map(str::trim)
            .or_else(|| s.strip_prefix("pp.").map(str::trim))
            .or_else(|| s.strip_prefix("p.").map(str::trim));
        if let Some(p) = pages
            && is_pages(p)
        {
            // `p` is a slice of `s`: its offset is the distance between the two.
            let off = x + (p.as_ptr() as usize - s.as_ptr() as usize);
            let v = Spanned::new(p.to_string(), Span::new(off, off + p.len()));
            if p.contains(['-', '–', '〜', '～', '~']) && self.r.container_title.is_some() {
                self.r.page = Some(v);
            } else if self
                .r
                .locator
                .as_ref()
                .is_none_or(|l| is_ja_division(&l.value))
            {
                // A page is a finer place than a chapter cited with it (`第3章、45頁`).
                self.r.locator = Some(v);
            }
            return;
        }
        if is_pages(s)
            && s.chars()
                .all(|c| digit(c).is_some() || matches!(c, '-' | '–' | '〜'))
            && s.contains(['-', '–', '〜'])
        {
            self.r.page = self.field(x, y);
            return;
        }
        // Place: 東京：岩波書店 is split at the colon, the place comes first.
        if [
            "東京",
            "京都",
            "大阪",
            "Tokyo",
            "ソウル",
            "ワシントン",
            "ロンドン",
            "New York",
            "Washington, DC",
        ]
        .contains(&s)
        {
            self.r.publisher_place = self.field(x, y);
            return;
        }
        if s.contains(['「', '『']) || s.chars().count() > 40 {
            return;
        }
        // 田中明彦・村田晃嗣訳, 山田編: translators and editors after the title.
        if s.ends_with('訳') || s.ends_with("監修") || (s.ends_with('編') && s.chars().count() > 2)
        {
            let role = if s.ends_with('訳') {
                Role::Translator
            } else {
                Role::Editor
            };
            names_ja(t, x, y, role, &mut self.names);
            return;
        }
        for (g, kind) in JA_GENRES {
            if s == *g {
                self.r.genre = self.field(x, y);
                self.r.kind = *kind;
                self.typed = true;
                return;
            }
        }
        if !*publisher_seen {
            *publisher_seen = true;
            let web = [
                "ウェブサイト",
                "ホームページ",
                "サイト",
                "HP",
                "Web",
                "ニュース",
                "新聞",
                "通信",
                "NHK",
            ];
            let press = ["出版", "書房", "書店", "新書", "文庫", "社"];
            if self.r.container_title.is_none()
                && web.iter().any(|k| s.has(k))
                && !press.iter().any(|k| s.has(k))
            {
                self.r.container_title = self.field(x, y);
            } else {
                self.r.publisher = self.field(x, y);
            }
        }
    }

    /// A piece of a Japanese reference that is only a mark, read into its field:
    /// a volume (`上`, `下巻`: the volume), an edition (`第2版`, `改訂版`: dropped, as
    /// English editions are), a division of the work (`第3章`, `第2部第1章`, `第三節`:
    /// the locator, unless a page is cited too, which is the finer place) or a bare
    /// 新書/文庫/選書 series (`ちくま新書`, `岩波新書 1234`: the series and its number,
    /// not the publisher). False when `t[x..y]` is none of these.
    fn ja_mark(&mut self, x: usize, y: usize) -> bool {
        let s = &self.t[x..y];
        // `（PDF）`, `[PDF]`, `（仮訳）`, `（英文）`: a label of the file, left in `raw`.
        let bare = s
            .strip_prefix(['[', '［'])
            .and_then(|r| r.strip_suffix([']', '］']))
            .unwrap_or(s);
        if is_label(bare) {
            return true;
        }
        if is_ja_volume_mark(s) {
            if self.r.volume.is_none() {
                self.r.volume = self.field(x, y);
            }
            return true;
        }
        if is_ja_edition(s) {
            return true;
        }
        if is_ja_division(s) {
            if self.r.locator.is_none() {
                self.r.locator = self.field(x, y);
            }
            return true;
        }
        if self.r.collection_title.is_none()
            && let Some((name_end, number)) = ja_bare_series(s)
        {
            self.r.collection_title = self.field(x, x + name_end);
            if let Some((ns, ne)) = number {
                self.r.collection_number = self.field(x + ns, x + ne);
            }
            return true;
        }
        false
    }

    /// A volume or edition mark at the end of a 『』 book title (`『日本政治史（上）』`,
    /// `『国際政治学（第2版）』`) is the volume or a dropped edition, not the title's
    /// end; likewise at the end of the book a chapter is in.
    fn ja_title_marks(&mut self) {
        let t = self.t;
        let book = self.r.kind == ReferenceType::Book || self.r.kind == ReferenceType::Report;
        let chapter = self.r.kind == ReferenceType::Chapter;
        for in_container in [false, true] {
            if in_container && !chapter || !in_container && !book {
                continue;
            }
            let field = if in_container {
                &self.r.container_title
            } else {
                &self.r.title
            };
            let Some(sp) = field.as_ref().and_then(|f| f.span) else {
                continue;
            };
            let (a, b) = (sp.start, sp.end);
            let Some(o) = t[a..b].rfind(['（', '(']) else {
                continue;
            };
            let s = &t[a..b];
            let open = s[o..].chars().next().map_or(1, char::len_utf8);
            let Some(inner) = s[o + open..]
                .strip_suffix(['）', ')'])
                .filter(|i| !i.contains(['（', '(', '）', ')']))
            else {
                continue;
            };
            let volume = is_ja_volume_mark(inner);
            if !(volume || is_ja_edition(inner)) || o == 0 {
                continue;
            }
            let (ts, te) = trim(t, a, a + o, &[]);
            if ts >= te {
                continue;
            }
            let shorter = Some(Spanned::new(t[ts..te].to_string(), Span::new(ts, te)));
            let is = a + o + open;
            if volume && self.r.volume.is_none() {
                self.r.volume = self.field(is, is + inner.len());
            }
            if in_container {
                self.r.container_title = shorter;
            } else {
                self.r.title = shorter;
            }
        }
    }

    /// 第12巻第3号, 12巻3号, Vol.12, No.680, 通巻680号.
    fn vol_issue_ja(&mut self, x: usize, y: usize) -> bool {
        let t = self.t;
        let s = &t[x..y];
        let mut any = false;
        // Latin forms, possibly several separated by spaces.
        for (key, is_vol) in [
            ("Vol.", true),
            ("vol.", true),
            ("Vol", true),
            ("No.", false),
            ("no.", false),
            ("No", false),
        ] {
            if let Some(i) = crate::text::find_bytes(s.as_bytes(), key.as_bytes()) {
                let st = i + key.len();
                let (ns, _) = trim(s, st, s.len(), &[]);
                let ne = s[ns..]
                    .find(|c: char| digit(c).is_none())
                    .map_or(s.len(), |k| ns + k);
                if ne > ns {
                    let v = Spanned::new(s[ns..ne].to_string(), Span::new(x + ns, x + ne));
                    if is_vol {
                        self.r.volume.get_or_insert(v);
                    } else {
                        self.r.issue.get_or_insert(v);
                    }
                    any = true;
                    // "Vol.78(2023年3月)": the issue's date in parentheses.
                    if let Some(open) = ['(', '（'].into_iter().find(|&o| s[ne..].starts_with(o)) {
                        let is = ne + open.len_utf8();
                        let close = s[is..].find([')', '）']).map_or(s.len(), |k| is + k);
                        if self.r.issued.is_none() && is_date_ja(&s[is..close]) {
                            self.set_issued(x + is, x + close);
                        }
                    }
                }
            }
        }
        if any {
            return true;
        }
        // 第12巻第3号 / 12巻3号 / 第680号 / 通巻680号.
        let mut num_start = None;
        for (i, c) in s.char_indices() {
            if digit(c).is_some() {
                num_start.get_or_insert(i);
            } else if c == '巻' || c == '号' || c == '冊' {
                if let Some(ns) = num_start {
                    let v = Spanned::new(s[ns..i].to_string(), Span::new(x + ns, x + i));
                    if c == '巻' || c == '冊' {
                        self.r.volume.get_or_insert(v);
                    } else {
                        self.r.issue.get_or_insert(v);
                    }
                    any = true;
                }
                num_start = None;
            } else if matches!(c, '第' | '通' | ' ' | '　') {
                num_start = None;
            } else {
                // "第5巻第2号（2023年6月）": the issue's date in parentheses.
                if any && matches!(c, '（' | '(') {
                    let inner = s[i + c.len_utf8()..].trim_end_matches(['）', ')']);
                    let is = x + i + c.len_utf8();
                    if is_date_ja(inner) {
                        self.set_issued(is, is + inner.len());
                    }
                }
                return any;
            }
        }
        any
    }

    // ---------------------------------------------------------------- English

    fn english(&mut self, a: usize, b: usize) {
        let t = self.t;
        // "Lund (2015), p. 45", "Lund 2015, 45", "Lund and Quist (2019: 12)": an
        // author-date citation in a note, a short form of a work cited in full elsewhere.
        if self.author_date_short(a, b) {
            return;
        }
        // "UN Security Council Resolution 2270 (2016), March 2, 2016.", "UN General
        // Assembly, A/RES/ES-11/1, March 2, 2022.": a UN document.
        if self.un_document(a, b) {
            return;
        }
        // Quoted title: “…” or "…".
        // Harvard writes the title in single quotes: ‘…’ (an opening ‘ after a space or a
        // year parenthesis, closed by a ’ that no letter follows, unlike an apostrophe).
        let open = t[a..b]
            .char_indices()
            .find(|&(i, c)| {
                c == '“'
                    || c == '"'
                    || c == '‘' && t[..a + i].ends_with([' ', ')']) && t[a..a + i].has(" (")
                    // Harvard with straight quotes, after the year: "(2013) 'Title', …".
                    || c == '\'' && t[..a + i].ends_with(") ") && t[a..a + i].has(" (")
            })
            .map(|(i, c)| (a + i, c));
        if let Some((q0, oc)) = open {
            let close = match oc {
                '“' => '”',
                '‘' => '’',
                '\'' => '\'',
                _ => '"',
            };
            let inner_start = q0 + oc.len_utf8();
            let q1 = close_quote(t, inner_start, b, oc, close);
            if let Some(q1) = q1 {
                self.quoted = true;
                let (x, y) = trim(t, inner_start, q1, &[]);
                let mut value = t[x..y].to_string();
                if let Some(v) = value
                    .strip_suffix(",’")
                    .or_else(|| value.strip_suffix(",'"))
                {
                    value = format!("{v}’");
                } else if value.ends_with([',', ';'])
                    || (value.ends_with('.') && !value.ends_with("..."))
                {
                    value.pop();
                }
                if !value.is_empty() {
                    self.r.title = Some(Spanned::new(value, Span::new(x, y)));
                }
                // Authors before the quote (an "In:" or IEEE "[1]" label is not a name).
                let mut pa = a;
                if t[pa..q0].starts_with('[')
                    && let Some(k) = t[pa..q0].find(']')
                {
                    pa += k + 1;
                }
                let (pa, pb) = self.author_year(pa, q0);
                names_en(t, pa, pb, Role::Author, &mut self.names);
                self.after_en(q1 + close.len_utf8(), b);
                return;
            }
        }
        // Springer LNCS: "Family, I., Family, I.: Title. Journal 14(3), 512–530 (2022)"
        if self.lncs(a, b) {
            return;
        }
        // Nature and physics: "Family, I. & Family, J. Title. Nature 555, 123–126
        // (2018)." and "K. Family et al., Phys. Rev. D 98, 012345 (2018)."
        if self.journal_tail(a, b) {
            return;
        }
        // APA: "Author, A. (2020). Title. Container, 12(3), 45–67."
        if self.apa(a, b).is_some() {
            return;
        }
        // Vancouver: "Nakamura H, Sato K. Title. J Radiol Prot. 2021;41(3):455-67."
        if self.vancouver(a, b) {
            return;
        }
        // Author-date book: "Goldstein, Lyle J. 2015. Title. Place: Publisher."
        if self.author_date_book(a, b) {
            return;
        }
        // Elsevier Harvard: "Family, I., Family, J., 2018. Title. Journal 58 (3), 421–444."
        if self.elsevier(a, b) {
            return;
        }
        // ACL/natbib: "Y. Name and K. Name. 2020. Title. In Proceedings of X, pages 1–9."
        if self.sentences(a, b) {
            return;
        }
        // Bibliography book: "Cha, Victor. Powerplay. Princeton: Princeton University Press, 2016."
        if self.biblio_book(a, b) {
            return;
        }
        // Book: "Authors, Title (Place: Publisher, Year), 108."
        if let Some((p0, p1)) = last_year_paren(t, a, b) {
            self.book_paren = true;
            self.authors_title(a, p0);
            self.publication_paren(p0 + 1, p1);
            let (x, y) = trim(t, p1 + 1, b, &[',', ':', '.']);
            if x < y {
                self.locator(x, y);
            }
            return;
        }
        // IEEE book: "S. Tanaka, Title, 3rd ed. Tokyo, Japan: Ohmsha, 2018."
        if self.ieee_book(a, b) {
            return;
        }
        // No quotes, no parenthesis.
        let pieces = split_top(t, a, b, &[',']);
        let n = pieces.len();
        let last = pieces[n - 1];
        let last_s = t[last.0..last.1].trim().trim_end_matches('.');
        // (Not when a piece is a date: "Org, Title, October 2022, p. 5." is a full
        // reference with its cited page.)
        if n >= 2
            && (is_pages(last_s) || last_s.starts_with("p."))
            && !is_date_en(last_s)
            && !pieces[..n - 1].iter().any(|&(x, y)| is_date_en(&t[x..y]))
        {
            // Short form: "Author, Short Title, 24–25."
            self.r.repeat = Some(Repeat {
                kind: RepeatKind::ShortForm,
                target: None,
            });
            self.locator(last.0, last.1);
            if n == 2 {
                names_en(t, pieces[0].0, pieces[0].1, Role::Author, &mut self.names);
            } else {
                self.authors_title(a, pieces[n - 2].1);
            }
            return;
        }
        // "Title, Site, Date" (plain web form).
        let mut date_idx = None;
        for (k, &(x, y)) in pieces.iter().enumerate() {
            let s = &t[x..y];
            if is_date_en(s) {
                date_idx = Some((k, x, y));
                break;
            }
            if is_month_day(s)
                && let Some(&(_, y2)) = pieces.get(k + 1)
                && is_date_en(&t[x..y2])
            {
                date_idx = Some((k + 1, x, y2));
                break;
            }
        }
        if let Some((_, x, y)) = date_idx {
            let head: Vec<(usize, usize)> =
                pieces.iter().copied().take_while(|p| p.1 <= x).collect();
            self.set_issued(x, y);
            // "Ely Ratner, testimony before the Senate …, Washington, DC, December 8, 2021."
            let (gx, gy) = head.get(1).map_or((0, 0), |h| trim(t, h.0, h.1, &[]));
            if head.len() >= 2 && gx < gy && self.genre(gx, gy).is_some() {
                names_en(t, head[0].0, head[0].1, Role::Author, &mut self.names);
                if head.len() >= 3 {
                    let (px, py) = (head[2].0, head[head.len() - 1].1);
                    let pl = t[px..py].trim();
                    let place = matches!(
                        self.r.kind,
                        ReferenceType::Speech | ReferenceType::PaperConference
                    ) || matches!(
                        self.r.kind,
                        ReferenceType::Interview | ReferenceType::Document
                    ) && !(has_word(pl, NEWSPAPERS) || crate::names::is_org(pl));
                    if place {
                        self.r.publisher_place = self.field(px, py);
                    } else {
                        self.r.container_title = self.field(px, py);
                    }
                }
                self.typed = true;
                return;
            }
            match head.len() {
                0 => {}
                1 => self.r.title = self.field(head[0].0, head[0].1),
                2 if crate::names::is_org(&t[head[0].0..head[0].1])
                    && (!crate::names::is_org(&t[head[1].0..head[1].1])
                        || has_word(&t[head[1].0..head[1].1], POLICY_DOCUMENT_WORDS))
                    || has_word(&t[head[1].0..head[1].1], TREATY_WORDS) =>
                {
                    // "United Nations, Charter of the United Nations, June 26, 1945."
                    names_en(t, head[0].0, head[0].1, Role::Author, &mut self.names);
                    self.r.title = self.field(head[1].0, head[1].1);
                }
                2 => {
                    self.r.title = self.field(head[0].0, head[0].1);
                    self.r.container_title = self.field(head[1].0, head[1].1);
                }
                _ => {
                    names_en(t, head[0].0, head[0].1, Role::Author, &mut self.names);
                    self.r.title = self.field(head[1].0, head[1].1);
                    // "P. Family, Title, Cambridge University Press, Cambridge, 2010.": a
                    // book publisher, then its place.
                    let (px, py) = trim(t, head[2].0, head[2].1, &[]);
                    // ("Press" names a book publisher here; other newspaper words not.)
                    let news = NEWSPAPERS
                        .iter()
                        .any(|w| *w != "press" && has_word(&t[px..py], &[w]));
                    if is_book_publisher(&t[px..py]) && !news {
                        self.r.publisher = self.field(px, py);
                        if head.len() > 3 {
                            self.r.publisher_place = self.field(head[3].0, head[head.len() - 1].1);
                        }
                        self.r.kind = ReferenceType::Book;
                        self.typed = true;
                    } else {
                        self.r.container_title = self.field(head[2].0, head[head.len() - 1].1);
                    }
                }
            }
            let rest_start = y;
            let (rx, ry) = trim(t, rest_start, b, &[',', '.']);
            if rx < ry {
                self.locator(rx, ry);
            }
        }
    }

    /// A UN resolution or document: a title `… Resolution 2270 (2016)` (the year in
    /// parentheses belongs to the title), a document symbol (`S/RES/2397`,
    /// `A/RES/ES-11/1`) as the number, the issuing organ before them, and the date.
    fn un_document(&mut self, a: usize, b: usize) -> bool {
        let t = self.t;
        let s = &t[a..b];
        let sb = s.as_bytes();
        // On the bytes first: "Resolution " or a symbol's "/RES/" or "S/", "A/" at a piece
        // start.
        let resolution = crate::text::find_bytes(sb, b"Resolution ");
        let symbol_like = crate::text::find_bytes(sb, b"/RES/").is_some();
        if resolution.is_none() && !symbol_like {
            return false;
        }
        let is_symbol = |p: &str| {
            let pb = p.as_bytes();
            pb.len() >= 5
                && matches!(pb[0], b'S' | b'A' | b'E')
                && pb[1] == b'/'
                && pb
                    .iter()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || b"/.-".contains(c))
        };
        let pieces = split_top(t, a, b, &[',']);
        let mut title = None;
        let mut number = None;
        let mut date = None;
        let mut organ = None;
        for (k, &(x, y)) in pieces.iter().enumerate() {
            let (x, y) = trim(t, x, y, &['.']);
            if x >= y {
                continue;
            }
            let p = &t[x..y];
            if let Some(r) = p.find("Resolution ") {
                let digits = p[r + 11..].bytes().take_while(u8::is_ascii_digit).count();
                if digits == 0 {
                    return false;
                }
                let mut end = r + 11 + digits;
                if p[end..].starts_with(" (")
                    && p.len() >= end + 7
                    && p.as_bytes()[end + 2..end + 6]
                        .iter()
                        .all(u8::is_ascii_digit)
                    && p.as_bytes()[end + 6] == b')'
                {
                    end += 7;
                }
                if end != p.len() {
                    return false;
                }
                title = Some((x, y));
            } else if is_symbol(p) {
                number = Some((x, y));
            } else if let Some(sym) = p.strip_suffix(')').and_then(|q| q.rsplit_once(" ("))
                && is_symbol(sym.0)
                && sym.1.len() == 4
                && sym.1.bytes().all(|c| c.is_ascii_digit())
            {
                // "S/RES/2231 (2015)": the symbol and the year of the resolution.
                number = Some((x, x + sym.0.len()));
                if date.is_none() {
                    date = Some((y - 5, y - 1));
                }
            } else if is_date_en(p) {
                date = Some((x, y));
            } else if is_month_day(p)
                && let Some(&(nx, ny)) = pieces.get(k + 1)
                && is_date_en(&t[x..ny])
            {
                let _ = nx;
                date = Some((x, ny));
                break;
            } else if k == 0 && crate::names::is_org(p) {
                organ = Some((x, y));
            } else {
                return false;
            }
        }
        if title.is_none() && number.is_none() {
            return false;
        }
        if let Some((x, y)) = organ {
            names_en(t, x, y, Role::Author, &mut self.names);
        }
        if let Some((x, y)) = title {
            self.r.title = self.field(x, y);
        }
        if let Some((x, y)) = number {
            self.r.number = self.field(x, y);
            // Cited by its symbol alone: the symbol is also what names it.
            if title.is_none() && organ.is_none() {
                self.r.title = self.field(x, y);
            }
        }
        if let Some((x, y)) = date {
            self.set_issued(x, y);
        } else if let Some((x, y)) = title {
            // "Resolution 2270 (2016)" alone: the year of its title.
            if t[x..y].ends_with(')') {
                self.set_issued(y - 5, y - 1);
            }
        }
        self.r.kind = ReferenceType::Document;
        self.typed = true;
        true
    }

    /// The author-date short form of [`Parser::english`]: family names (`and`, `&`,
    /// `et al.`), a year (in parentheses or not, `2015a`), then at most a cited page.
    fn author_date_short(&mut self, a: usize, b: usize) -> bool {
        let t = self.t;
        let s = &t[a..b];
        let sb = s.as_bytes();
        // On the bytes first: a capital, and a year of four digits within 60 bytes.
        if !sb.first().is_some_and(u8::is_ascii_uppercase) || s.len() > 90 {
            return false;
        }
        let Some(y) = sb
            .windows(4)
            .position(|w| w.iter().all(u8::is_ascii_digit) && matches!(w[0], b'1' | b'2'))
        else {
            return false;
        };
        if !(3..=60).contains(&y) {
            return false;
        }
        let paren = sb[y - 1] == b'(' && sb[y - 2] == b' ';
        if !(paren || sb[y - 1] == b' ') {
            return false;
        }
        let names_end = if paren { y - 2 } else { y - 1 };
        let names = &s[..names_end];
        // Family names only: capitalised words with lower-case letters, joined.
        let ok = names.split([' ', ',']).filter(|w| !w.is_empty()).all(|w| {
            matches!(w, "and" | "&" | "et" | "al." | "al")
                || w.starts_with(|c: char| c.is_uppercase())
                    && w.contains(|c: char| c.is_lowercase())
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\''))
        }) && names
            .split(' ')
            .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
            .count()
            <= 3;
        if !ok {
            return false;
        }
        let mut ye = y + 4;
        if sb.get(ye).is_some_and(u8::is_ascii_lowercase) {
            ye += 1;
        }
        let mut rest = ye;
        if paren {
            // "(2019: 12)" or "(2015)".
            let Some(close) = s[ye..].find(')').map(|k| ye + k) else {
                return false;
            };
            let inner = s[ye..close].trim_start_matches([':', ',', ' ']);
            if !(inner.is_empty() || is_pages(inner) || inner.starts_with("p")) {
                return false;
            }
            if !inner.is_empty() {
                self.locator(a + close - inner.len(), a + close);
            }
            rest = close + 1;
        }
        let tail = s[rest..].trim_start_matches([',', ':', ' ']);
        let tail = tail.trim_end_matches('.');
        if !(tail.is_empty()
            || is_pages(tail)
            || tail.starts_with("p. ")
            || tail.starts_with("pp. ")
            || is_division(tail))
        {
            return false;
        }
        if !tail.is_empty() {
            let tx = a + s.len() - s[rest..].trim_start_matches([',', ':', ' ']).len();
            self.locator(tx, b);
        }
        // Family names only ("Quist and Lund" is two people, not Lund Quist).
        let mut from = 0;
        let bytes = names.as_bytes();
        loop {
            let next = [", and ", " and ", " & ", ", ", " et al."]
                .iter()
                .filter_map(|sep| {
                    crate::text::find_bytes(&bytes[from..], sep.as_bytes())
                        .map(|k| (from + k, sep.len()))
                })
                // The first separator; at one place the longest (", and " over ", ").
                .min_by_key(|&(k, len)| (k, std::cmp::Reverse(len)));
            let end = next.map_or(names.len(), |(k, _)| k);
            let (x, y) = trim(t, a + from, a + end, &[]);
            if x < y {
                let person = domei_model::Person {
                    family: Some(t[x..y].to_string()),
                    ..domei_model::Person::default()
                };
                self.names
                    .people
                    .push((Role::Author, Spanned::new(person, Span::new(x, y))));
            }
            match next {
                Some((k, len)) => {
                    if names[k..].starts_with(" et al.") {
                        self.names.et_al = true;
                    }
                    from = k + len;
                }
                None => break,
            }
            if from >= names.len() {
                break;
            }
        }
        self.set_issued(a + y, a + y + 4);
        self.r.repeat = Some(Repeat {
            kind: RepeatKind::ShortForm,
            target: None,
        });
        true
    }

    /// Vancouver (ICMJE/NLM): `Family AB, Family C, et al. Title. Journal. Year
    /// Mon;Vol(Issue):Pages.` or books `Authors. Title. Place: Publisher; Year.`
    fn vancouver(&mut self, a: usize, b: usize) -> bool {
        let t = self.t;
        let s = &t[a..b];
        let Some(semi) = s.find(';') else {
            return self.vancouver_comma_book(a, b);
        };
        // Sentence ends: ". " at depth 0, before the semicolon.
        let ends = sentence_ends(&s[..semi]);
        let Some(&last) = ends.last() else {
            return false;
        };
        if ends.len() < 2 {
            return false;
        }
        // The sentence with the semicolon: a date before it (journal) or a publisher.
        let head = s[last + 1..semi].trim();
        let after = s[semi + 1..].trim_start();
        let year_after = after.len() >= 4
            && after.as_bytes()[..4].iter().all(u8::is_ascii_digit)
            && !after.as_bytes().get(4).is_some_and(u8::is_ascii_digit);
        let journal = head.len() >= 4
            && head.as_bytes()[..4].iter().all(u8::is_ascii_digit)
            && (head.len() == 4 || head.as_bytes()[4] == b' ')
            && is_date_en(head);
        // "Journal Name 2019; 99: 12–20": the journal and the date in one sentence.
        let glued = (!journal && ends.len() >= 2)
            .then(|| {
                head.match_indices(' ')
                    .map(|(i, _)| i + 1)
                    .find(|&i| {
                        let w = &head.as_bytes()[i..];
                        w.len() >= 4
                            && w[..4].iter().all(u8::is_ascii_digit)
                            && (w.len() == 4 || w[4] == b' ')
                            && is_date_en(&head[i..])
                    })
                    .filter(|&i| {
                        head[..i].chars().any(char::is_alphabetic) && !head[..i].contains(':')
                    })
            })
            .flatten();
        let book = !journal && glued.is_none() && head.has(": ") && year_after;
        if !(journal && ends.len() >= 3 || glued.is_some() || book) {
            return false;
        }
        // Authors: "Family AB" pieces, or one organisation.
        let names = &s[..ends[0]];
        if !self.vancouver_people(a, a + ends[0], Role::Author) {
            if !crate::names::is_org(names) || names.has(", ") {
                return false;
            }
            names_en(t, a, a + ends[0], Role::Author, &mut self.names);
        }
        let semi = a + semi;
        let head_start = semi - head.len();
        if journal || glued.is_some() {
            if let Some(g) = glued {
                self.r.title = self.field(a + ends[0] + 1, a + last);
                self.r.container_title = self.field(head_start, head_start + g);
                self.vancouver_date(head_start + g, semi);
            } else {
                let j_end = ends[ends.len() - 1];
                let j_start = ends[ends.len() - 2] + 1;
                self.r.title = self.field(a + ends[0] + 1, a + j_start);
                self.r.container_title = self.field(a + j_start, a + j_end);
                self.vancouver_date(head_start, semi);
            }
            // "41(3):455-67", "129:1-9", "185(5-6):e765-e771", "99: 12–20"
            let (vx, vy) = trim(t, semi + 1, b, &['.']);
            let v = &t[vx..vy];
            let colon = v.find(':').unwrap_or(v.len());
            let vol = &v[..colon];
            let (vol_end, issue) = match vol.find('(') {
                Some(o) if vol.ends_with(')') => (o, Some((o + 1, vol.len() - 1))),
                _ => (vol.len(), None),
            };
            if vol_end > 0 {
                self.r.volume = self.field(vx, vx + vol_end);
            }
            if let Some((i0, i1)) = issue {
                self.r.issue = self.field(vx + i0, vx + i1);
            }
            if colon < v.len() {
                self.r.page = self.field(vx + colon + 1, vy);
            }
            self.r.kind = ReferenceType::ArticleJournal;
        } else {
            let (tx, mut ty) = (a + ends[0] + 1, a + last);
            // A chapter: "Title. In: Family A, editor. Book. Place: Publisher; 2012.
            // p. 45-67."
            let mut chapter = false;
            if let Some(i) = find(t, tx, ty, ". In: ") {
                let ed_start = i + 6;
                if let Some(e) = find(t, ed_start, ty, ". ") {
                    let (ex, ey) = trim(t, ed_start, e, &[]);
                    let eds = &t[ex..ey];
                    let role = [", editors", ", editor", ", eds", ", ed"]
                        .iter()
                        .find(|w| eds.ends_with(**w));
                    if let Some(w) = role {
                        if !self.vancouver_people(ex, ey - w.len(), Role::Editor) {
                            names_en(t, ex, ey - w.len(), Role::Editor, &mut self.names);
                        }
                        self.r.container_title = self.field(e + 1, ty);
                        ty = i;
                        chapter = true;
                    }
                }
            }
            // "Title. 3rd ed.": the edition is not part of the title.
            ty = without_edition(t, tx, ty);
            // "Title [Internet]": the medium is not part of the title.
            let (tx, ty2) = trim(t, tx, ty, &[]);
            let ty = t[tx..ty2]
                .strip_suffix("[Internet]")
                .map_or(ty2, |k| tx + k.trim_end().len());
            self.r.title = self.field(tx, ty);
            let c = find(t, head_start, semi, ": ").unwrap_or(head_start);
            self.r.publisher_place = self.field(head_start, c);
            self.r.publisher = self.field(c + 1, semi);
            let (yx, _) = trim(t, semi + 1, b, &[]);
            self.set_issued(yx, yx + 4);
            // "2018 [cited 2020 Mar 3]", then ". p. 45-67".
            let mut at = yx + 4;
            if let Some(c) = t[at..b].strip_prefix(" [cited ")
                && let Some(close) = c.find(']')
            {
                let (cx, cy) = (at + 8, at + 8 + close);
                if let Some(d) = vancouver_date_value(&t[cx..cy]) {
                    self.r.accessed = Some(Spanned::new(d, Span::new(cx, cy)));
                }
                at = cy + 1;
            }
            let (px, py) = trim(t, at, b, &['.', ' ']);
            if let Some(pg) = t[px..py].strip_prefix("p. ") {
                self.r.page = self.field(py - pg.len(), py);
            }
            let p = self.r.publisher.as_ref().map_or("", |p| p.value.as_str());
            self.r.kind = if chapter {
                self.chapter = true;
                ReferenceType::Chapter
            } else if is_issuer(p) && !is_book_publisher(p) {
                ReferenceType::Report
            } else {
                ReferenceType::Book
            };
        }
        self.typed = true;
        true
    }

    /// A Vancouver book written with a comma before the year: `Family A. Title. Place:
    /// Publisher, 2008.`
    fn vancouver_comma_book(&mut self, a: usize, b: usize) -> bool {
        let t = self.t;
        let (a, b) = trim(t, a, b, &['.']);
        let s = &t[a..b];
        // First, on the bytes: "Family AB," or "Family AB." and ", 2008" at the end.
        let sb = s.as_bytes();
        let Some(sp) = sb.iter().position(|&c| c == b' ') else {
            return false;
        };
        let initials = sb[sp + 1..]
            .iter()
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        if !(1..=3).contains(&initials)
            || !matches!(sb.get(sp + 1 + initials), Some(b',' | b'.'))
            || sb.len() < 8
            || &sb[sb.len() - 6..sb.len() - 4] != b", "
        {
            return false;
        }
        let ends = sentence_ends(s);
        if ends.len() < 2 {
            return false;
        }
        let last = ends[ends.len() - 1];
        let info = s[last + 1..].trim();
        let Some(comma) = info.rfind(", ") else {
            return false;
        };
        let year = &info[comma + 2..];
        if !(year.len() == 4 && year.bytes().all(|c| c.is_ascii_digit()) && info[..comma].has(": "))
        {
            return false;
        }
        if !self.vancouver_people(a, a + ends[0], Role::Author) {
            return false;
        }
        let (tx, ty) = (a + ends[0] + 1, a + last);
        self.r.title = self.field(tx, without_edition(t, tx, ty));
        let ix = b - info.len();
        let c = find(t, ix, ix + comma, ": ").unwrap_or(ix);
        self.r.publisher_place = self.field(ix, c);
        self.r.publisher = self.field(c + 1, ix + comma);
        self.set_issued(b - 4, b);
        let p = self.r.publisher.as_ref().map_or("", |p| p.value.as_str());
        self.r.kind = if is_issuer(p) && !is_book_publisher(p) {
            ReferenceType::Report
        } else {
            ReferenceType::Book
        };
        self.typed = true;
        true
    }

    /// Vancouver names, `Family AB, Family C, et al`, in `role`: pushed, and true, when every
    /// piece has that shape; nothing is pushed otherwise.
    fn vancouver_people(&mut self, a: usize, b: usize, role: Role) -> bool {
        let t = self.t;
        let mut people = Vec::new();
        let mut et_al = false;
        for (x, y) in split_top(t, a, b, &[',']) {
            let (x, y) = trim(t, x, y, &[]);
            let p = &t[x..y];
            if p == "et al" || p == "et al." {
                et_al = true;
                continue;
            }
            let Some((fam, ini)) = p.rsplit_once(' ') else {
                return false;
            };
            let ini_ok =
                (1..=3).contains(&ini.len()) && ini.bytes().all(|c| c.is_ascii_uppercase());
            if !ini_ok || !fam.starts_with(char::is_uppercase) || fam.contains('.') {
                return false;
            }
            let person = domei_model::Person {
                family: Some(fam.to_string()),
                given: Some(ini.to_string()),
                literal: None,
                suffix: None,
            };
            people.push(Spanned::new(person, Span::new(x, y)));
        }
        if people.is_empty() {
            return false;
        }
        self.names
            .people
            .extend(people.into_iter().map(|p| (role, p)));
        self.names.et_al |= et_al;
        true
    }

    /// A Vancouver date, year first: `2021`, `2020 Mar`, `2019 Oct 5`.
    fn vancouver_date(&mut self, a: usize, b: usize) {
        if let Some(d) = vancouver_date_value(&self.t[a..b]) {
            self.r.issued = Some(Spanned::new(d, Span::new(a, b)));
        }
    }

    /// IEEE book: `Authors, Title[, edition] Place: Publisher, Year.` with the place
    /// possibly `City, Country` or `City, ST`.
    fn ieee_book(&mut self, a: usize, b: usize) -> bool {
        let t = self.t;
        let pieces = split_top(t, a, b, &[',']);
        let n = pieces.len();
        // The last "Place: Publisher" before the year: a title may hold a colon of its
        // own ("Powerplay: The Origins …").
        let Some(k) = pieces
            .iter()
            .rposition(|&(x, y)| find(t, x, y, ": ").is_some())
        else {
            return false;
        };
        let (lx, ly) = pieces[n - 1];
        if k == 0 || k + 1 >= n || !is_date_en(&t[lx..ly]) {
            return false;
        }
        let colon = find(t, pieces[k].0, pieces[k].1, ": ").unwrap_or(pieces[k].0);
        let (cx, _) = trim(t, pieces[k].0, colon, &[]);
        let mut place_start = cx;
        let mut head_end = pieces[k].0;
        // "Ithaca, NY, USA: …": the place reaches back over its regions (two at most).
        let mut first = k;
        while first >= 2 && first + 2 > k {
            let (rx, ry) = if first == k {
                (cx, colon)
            } else {
                trim(t, pieces[first].0, pieces[first].1, &[])
            };
            if !is_region(&t[rx..ry]) {
                break;
            }
            first -= 1;
            let (px, _) = trim(t, pieces[first].0, pieces[first].1, &[]);
            place_start = px;
            head_end = pieces[first].0;
        }
        // "Alliance Politics. Ithaca: …": a title that ends with a period shares its
        // piece with the place.
        let place_piece_end = if first == k { colon } else { pieces[first].1 };
        if let Some(dot) = t[place_start..place_piece_end].rfind(". ")
            && first >= 1
        {
            head_end = place_start + dot;
            place_start = trim(t, place_start + dot + 1, place_piece_end, &[]).0;
        }
        // "3rd ed. Tokyo": the edition is not part of the place.
        if let Some(e) = edition_len(&t[place_start..colon]) {
            place_start = trim(t, place_start + e, colon, &[]).0;
        }
        let place = &t[place_start..colon];
        if place.split_whitespace().count() > 4 || !place.starts_with(char::is_uppercase) {
            return false;
        }
        self.authors_title(a, head_end);
        if self.r.title.is_none() {
            return false;
        }
        self.r.publisher_place = self.field(place_start, colon);
        self.r.publisher = self.field(colon + 1, pieces[n - 2].1);
        self.set_issued(lx, ly);
        self.book_paren = true;
        true
    }

    /// Sentence styles of computer science (ACL, natbib `plainnat`): `I. Family and I.
    /// Family. [Year.] Title. In Proceedings of X, pages 100–110[, Place][, Year].` or
    /// `… Title. Journal, 12(3):45–67[, Year].` The authors must read as names.
    fn sentences(&mut self, a: usize, b: usize) -> bool {
        let t = self.t;
        let s = &t[a..b];
        // The authors start with an initial ("Y. Nakamura"), or are full names followed
        // by a year sentence (ACM: "Ken Family and Ann Family. 2018. Title. …").
        let sb = s.as_bytes();
        let initial_first = sb.len() > 3 && sb[0].is_ascii_uppercase() && sb[1] == b'.';
        if !(sb.len() > 3 && sb[0].is_ascii_uppercase()) {
            return false;
        }
        // Without an initial first, only ACM's ". 2018. " makes this shape: looked for on
        // the bytes before anything else.
        if !initial_first {
            let mut from = 0;
            let found = loop {
                let Some(i) = crate::text::find_bytes(&sb[from..], b". ") else {
                    break false;
                };
                let y = from + i + 2;
                if sb.len() >= y + 6
                    && sb[y..y + 4].iter().all(u8::is_ascii_digit)
                    && &sb[y + 4..y + 6] == b". "
                {
                    break true;
                }
                from = y;
            };
            if !found {
                return false;
            }
        }
        // Sentence ends: ". " after a word of two letters or more (not an initial).
        let mut ends = Vec::new();
        let mut d = Depth::default();
        for (i, c) in s.char_indices() {
            if d.feed(c) == 0 && c == '.' && s[i + 1..].starts_with(' ') {
                let word = s[..i].rsplit([' ', '.']).next().unwrap_or("");
                if word.chars().count() >= 2 && !matches!(word, "al" | "eds" | "ed" | "Jr" | "pp") {
                    ends.push(i);
                }
            }
        }
        if ends.len() < 2 {
            return false;
        }
        let names = &s[..ends[0]];
        let year_sentence = {
            let y = s[ends[0] + 1..ends[1]].trim();
            y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit())
        };
        let people_like = names
            .split(", ")
            .flat_map(|p| p.split(" and "))
            .map(|p| p.trim().trim_start_matches("and ").trim())
            .filter(|p| !p.is_empty())
            .all(|p| {
                crate::names::is_person_en(p)
                    && (p.contains(". ")
                        || !initial_first
                            && year_sentence
                            && (2..=4).contains(&p.split(' ').count()))
                    || p == "et al"
            });
        if !people_like {
            return false;
        }
        // An optional year sentence after the authors.
        let mut k = 1;
        let mut year = None;
        let y = s[ends[0] + 1..ends[1]].trim();
        if y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit()) {
            year = Some(a + ends[1] - y.len());
            k = 2;
            if ends.len() < 3 {
                return false;
            }
        }
        let title = (a + ends[k - 1] + 1, a + ends[k]);
        let (rx, ry) = trim(t, a + ends[k] + 1, b, &['.']);
        if rx >= ry {
            return false;
        }
        let pieces = split_top(t, rx, ry, &[',']);
        let last = pieces[pieces.len() - 1];
        let mut last_end = last.1;
        let (lx, ly) = trim(t, last.0, last.1, &[]);
        let mut year_at_end = is_date_en(&t[lx..ly]);
        // CORA-style proceedings and books end with the publisher, a sentence after the
        // year: "…, pages 211–219, Aberdeen, Scotland, 1992. Morgan Kaufmann."
        let mut trailing_publisher = None;
        if !year_at_end
            && let Some(dot) = crate::text::find_bytes(&t.as_bytes()[lx..ly], b". ")
            && is_date_en(&t[lx..lx + dot])
        {
            let (px, py) = trim(t, lx + dot + 2, ly, &[]);
            if px < py && !t[px..py].bytes().any(|c| c.is_ascii_digit()) {
                trailing_publisher = Some((px, py));
                year_at_end = true;
                last_end = lx + dot;
            }
        }
        if year.is_none() && !year_at_end {
            return false;
        }
        // The period after the last name ends the sentence, not an initial.
        names_en(t, a, a + ends[0], Role::Author, &mut self.names);
        if let Some(ys) = year {
            self.set_issued(ys, ys + 4);
        }
        self.r.title = self.field(title.0, title.1);
        self.typed = true;
        let chapter = t[rx..ry].starts_with("In ");
        let mut cont_done = false;
        // A thesis or report names its kind first ("PhD thesis", "Technical Report
        // CMU-CS-95-112"); the institution follows, then its place.
        let mut genre = false;
        let mut publisher_done = false;
        // The place: every piece left between the container (or publisher) and the
        // date, joined ("Aberdeen, Scotland", "Pittsburgh, PA").
        let mut place: Option<(usize, usize)> = None;
        for (n, &(x, y)) in pieces.iter().enumerate() {
            let y = if n == pieces.len() - 1 { last_end } else { y };
            let (mut x, y) = trim(t, x, y, &[]);
            if x >= y {
                continue;
            }
            if n == 0 && chapter {
                x = (x + 3).min(y);
            }
            let p = &t[x..y];
            if is_pages(p) && year.is_some() && self.r.page.is_none() && n == pieces.len() - 1 {
                // ACM: the year came after the authors, the pages last ("1020–1030",
                // which would read as a range of years).
                self.r.page = self.field(x, y);
            } else if is_date_en(p) && n == pieces.len() - 1 {
                self.set_issued(x, y);
            } else if let Some(pg) = p
                .strip_prefix("pages ")
                .or_else(|| p.strip_prefix("pp. "))
                .or_else(|| p.strip_prefix("page "))
            {
                self.r.page = self.field(y - pg.len(), y);
            } else if n == 0 && !chapter && self.genre(x, y).is_some() {
                genre = true;
                cont_done = true;
            } else if genre && !publisher_done {
                publisher_done = true;
                self.r.publisher = self.field(x, y);
            } else if genre
                && place.is_none()
                && crate::names::is_org(p)
                && !is_region(p)
                && let Some(pb) = self.r.publisher.as_ref().and_then(|p| p.span)
            {
                // "Department of Political Science, University of Oslo": one body.
                self.r.publisher = self.field(pb.start, y);
            } else if !cont_done {
                cont_done = true;
                // ACM "Proceedings of … (CHI '18). ACM": the publisher after the period.
                if let Some(k) = find(t, x, y, ". ")
                    && chapter
                    && !PROCEEDINGS_ABBREVIATIONS
                        .contains(&t[x..k].rsplit(' ').next().unwrap_or(""))
                {
                    self.r.container_title = self.field(x, k);
                    self.r.publisher = self.field(k + 1, y);
                } else if !(self.journal_volume_pages(x, y) || self.apa_volume(x, y)) {
                    self.r.container_title = self.field(x, y);
                }
            } else if !self.apa_volume(x, y) {
                place = Some(place.map_or((x, y), |(px, _)| (px, y)));
            }
        }
        if let Some((x, y)) = place
            && self.r.publisher_place.is_none()
        {
            self.r.publisher_place = self.field(x, y);
        }
        if let Some((x, y)) = trailing_publisher
            && self.r.publisher.is_none()
        {
            self.r.publisher = self.field(x, y);
        }
        if genre {
            return true;
        }
        self.r.kind = if chapter {
            self.chapter = true;
            ReferenceType::Chapter
        } else if self.r.container_title.is_some() {
            ReferenceType::ArticleJournal
        } else {
            ReferenceType::Book
        };
        true
    }

    /// A piece that is only a volume and issue, `12(3)` or `12(3):45–67`; true when read.
    fn apa_volume(&mut self, x: usize, y: usize) -> bool {
        let t = self.t;
        let s = &t[x..y];
        let (vi, pages) = s.split_once(':').unwrap_or((s, ""));
        let (vol, issue) = match vi.split_once('(') {
            Some((v, i)) if i.ends_with(')') => (v, Some(&i[..i.len() - 1])),
            _ => (vi, None),
        };
        if vol.is_empty() || !vol.bytes().all(|c| c.is_ascii_digit()) {
            return false;
        }
        if issue.is_none() && pages.is_empty() {
            return false;
        }
        self.r.volume = self.field(x, x + vol.len());
        if let Some(i) = issue {
            self.r.issue = self.field(x + vol.len() + 1, x + vol.len() + 1 + i.len());
        }
        if !pages.is_empty() && is_pages(pages) {
            self.r.page = self.field(y - pages.len(), y);
        }
        true
    }

    /// Chicago author-date book: `Authors. Year. Title. Place: Publisher.` (the year a
    /// sentence of its own, after the authors).
    fn author_date_book(&mut self, a: usize, b: usize) -> bool {
        let t = self.t;
        let s = &t[a..b];
        let bytes = s.as_bytes();
        let mut from = 0;
        let year = loop {
            let Some(i) = crate::text::find_bytes(&bytes[from..], b". ") else {
                return false;
            };
            let y = from + i + 2;
            let digits = bytes[y..].iter().take_while(|c| c.is_ascii_digit()).count();
            let mut e = y + digits;
            if digits == 4 && bytes.get(e).is_some_and(u8::is_ascii_lowercase) {
                e += 1;
            }
            if digits == 4 && s[e..].starts_with(". ") {
                break (from + i, y, e);
            }
            from += i + 2;
            if from > 200 {
                return false;
            }
        };
        let (names_end, ys, ye) = year;
        let rest = ye + 1;
        // The publication: the last sentence, when it reads "Place: Publisher".
        let mut d = Depth::default();
        let mut last = None;
        for (i, c) in s[rest..].char_indices() {
            if d.feed(c) == 0 && c == '.' && s[rest + i + 1..].starts_with(' ') {
                let word = s[rest..rest + i].rsplit(' ').next().unwrap_or("");
                if word.chars().count() > 1 && !word.contains('.') {
                    last = Some(rest + i);
                }
            }
        }
        let info = last.map(|l| trim(t, a + l + 1, b, &['.']));
        // "2017. Title. PhD diss., Yale University.": a thesis or report, its genre and
        // institution in the last sentence.
        if let (Some(l), Some((px, py))) = (last, info)
            && let Some(&(gx, gy)) = split_top(t, px, py, &[',']).first()
            && GENRES.iter().any(|(g, k)| {
                matches!(k, ReferenceType::Thesis | ReferenceType::Report)
                    && starts_ci(&t[gx..gy], g)
            })
            && self.genre(gx, gy).is_some()
        {
            names_en(
                t,
                a,
                a + names_end + usize::from(ends_with_initial(&s[..names_end])),
                Role::Author,
                &mut self.names,
            );
            let (ys, ye) = (a + ys, a + ye);
            let yv = if ye - ys == 5 { ye - 1 } else { ye };
            self.set_issued(ys, yv);
            self.r.title = self.field(a + rest, a + l);
            let (ix, iy) = trim(t, gy, py, &[',']);
            if ix < iy {
                self.r.publisher = self.field(ix, iy);
            }
            self.typed = true;
            return true;
        }
        if !info.is_some_and(|(x, y)| t[x..y].has(": ")) {
            return false;
        }
        let (Some(l), Some((px, py))) = (last, info) else {
            return false;
        };
        // "Goldstein, Lyle J.": the period of a final initial belongs to the name.
        let initial = ends_with_initial(&s[..names_end]);
        // "Quist H, Varga K. 2016.": Vancouver names before the year.
        if !self.vancouver_people(a, a + names_end, Role::Author) {
            names_en(
                t,
                a,
                a + names_end + usize::from(initial),
                Role::Author,
                &mut self.names,
            );
        }
        let (ys, ye) = (a + ys, a + ye);
        let yv = if ye - ys == 5 { ye - 1 } else { ye };
        self.set_issued(ys, yv);
        // "Title. 2nd edn. London: …": the edition is not part of the title.
        self.r.title = self.field(a + rest, without_edition(t, a + rest, a + l));
        let c = find(t, px, py, ": ").unwrap_or(px);
        // "World Politics 36(4): 461–495" (ASA, APSA): a journal's volume, issue and
        // pages, not a place and a publisher.
        let (gx, gy) = trim(t, c + 1, py, &[]);
        if gx < gy
            && is_pages(&t[gx..gy])
            && let Some(sp) = t[px..c].rfind(' ')
        {
            let vs = px + sp + 1;
            let vi = &t[vs..c];
            let (vol, issue) = match vi.split_once('(') {
                Some((v, i)) if i.ends_with(')') && i.len() > 1 => (v, Some(&i[..i.len() - 1])),
                _ => (vi, None),
            };
            if !vol.is_empty()
                && vol.bytes().all(|b| b.is_ascii_digit())
                && issue.is_none_or(|i| i.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
            {
                self.r.container_title = self.field(px, px + sp);
                self.r.volume = self.field(vs, vs + vol.len());
                if let Some(i) = issue {
                    let is = vs + vol.len() + 1;
                    self.r.issue = self.field(is, is + i.len());
                }
                self.r.page = self.field(gx, gy);
                self.colon_pages = true;
                return true;
            }
        }
        self.r.publisher_place = self.field(px, c);
        self.r.publisher = self.field(c + 1, py);
        self.book_paren = true;
        true
    }

    /// The science styles that end with `Journal Volume, Pages (Year).`: Nature's
    /// `Family, I. & Family, J. Title. Nature 555, 123–126 (2018).` and the physics
    /// journals' `K. Family et al., Phys. Rev. D 98, 012345 (2018).` (no title).
    fn journal_tail(&mut self, a: usize, b: usize) -> bool {
        let t = self.t;
        let (a, b) = trim(t, a, b, &['.']);
        let s = &t[a..b];
        // " (2018)" at the end (read on the bytes: most references fail here).
        let sb = s.as_bytes();
        let n = sb.len();
        if n < 12
            || sb[n - 1] != b')'
            || sb[n - 6] != b'('
            || sb[n - 7] != b' '
            || !sb[n - 5..n - 1].iter().all(u8::is_ascii_digit)
        {
            return false;
        }
        let open = n - 7;
        // "…, 123–126" before it, and "Journal 555" before that.
        let before = &s[..open];
        let Some(comma) = before.rfind(", ") else {
            return false;
        };
        let pages = &before[comma + 2..];
        if !is_pages(pages) || pages.contains(',') {
            return false;
        }
        let head = &before[..comma];
        let Some(sp) = head.rfind(' ') else {
            return false;
        };
        let volume = &head[sp + 1..];
        if volume.is_empty() || !volume.bytes().all(|c| c.is_ascii_digit()) {
            return false;
        }
        // The journal: back over capitalised words and short abbreviations ("Phys.",
        // "Rev.", "D") to the sentence or the comma before it.
        let mut start = sp;
        let mut sep = None;
        for (i, _) in head[..sp].rmatch_indices(' ') {
            start = i;
            let prev = head[..i].rsplit(' ').next().unwrap_or("");
            let abbreviation =
                prev.ends_with('.') && prev.len() <= 7 && prev.starts_with(char::is_uppercase);
            if prev.ends_with(',') || prev.ends_with('.') && !abbreviation {
                sep = Some(prev.chars().next_back().unwrap_or('.'));
                break;
            }
            if !prev.starts_with(char::is_uppercase) {
                return false;
            }
        }
        let Some(sep) = sep else {
            return false;
        };
        let journal_start = start + 1;
        if !head[journal_start..sp].starts_with(char::is_uppercase) {
            return false;
        }
        // The authors (and the title, after a period).
        let front = &s[..start];
        let front_end = front.len() - 1; // the separator
        let (names_end, title) = if sep == ',' {
            if !(front.contains("et al") || front.split(", ").all(|p| p.split(' ').count() <= 4)) {
                return false;
            }
            (front_end, None)
        } else {
            // Authors end at the first ". " after an initial that is followed by a word
            // of the title, not by "&", "and", another initial or a family name.
            let fb = front.as_bytes();
            let mut end = None;
            for (i, _) in front.match_indices(". ") {
                let initial = i >= 1
                    && fb[i - 1].is_ascii_uppercase()
                    && (i == 1 || matches!(fb[i - 2], b' ' | b'.' | b'-'));
                if !initial {
                    continue;
                }
                let next = &front[i + 2..];
                let w = next.split(' ').next().unwrap_or("");
                if w == "&" || w == "and" || w.ends_with(',') || w.ends_with('.') && w.len() <= 3 {
                    continue;
                }
                end = Some(i + 1);
                break;
            }
            let Some(e) = end else {
                return false;
            };
            if e + 1 >= front_end {
                return false;
            }
            (e, Some((e + 1, front_end)))
        };
        names_en(t, a, a + names_end, Role::Author, &mut self.names);
        if self.names.people.is_empty() {
            return false;
        }
        if let Some((x, y)) = title {
            self.r.title = self.field(a + x, a + y);
        }
        self.r.container_title = self.field(a + journal_start, a + sp);
        self.r.volume = self.field(a + sp + 1, a + sp + 1 + volume.len());
        self.r.page = self.field(a + comma + 2, a + open);
        self.set_issued(a + open + 2, a + open + 6);
        self.r.kind = ReferenceType::ArticleJournal;
        self.typed = true;
        true
    }

    /// Elsevier's Harvard style: `Family, I., Family, J., 2018. Title. Journal 58 (3),
    /// 421–444.`, `… 2018a. Title. Publisher, City.`: the year after the last initial
    /// and a comma, then the title sentence and the publication.
    fn elsevier(&mut self, a: usize, b: usize) -> bool {
        let t = self.t;
        let s = &t[a..b];
        let bytes = s.as_bytes();
        // ".., 2018. " or ".., 2018a. " after an initial.
        let Some(i) = crate::text::find_bytes(bytes, b"., ") else {
            return false;
        };
        let mut from = i;
        let (names_end, ys, ye) = loop {
            let y = from + 3;
            let digits = bytes[y..].iter().take_while(|c| c.is_ascii_digit()).count();
            let mut e = y + digits;
            if digits == 4 && bytes.get(e).is_some_and(u8::is_ascii_lowercase) {
                e += 1;
            }
            if digits == 4 && matches!(bytes[y], b'1' | b'2') && s[e..].starts_with(". ") {
                break (from + 1, y, e);
            }
            match crate::text::find_bytes(&bytes[from + 3..], b"., ") {
                Some(k) if from < 300 => from += 3 + k,
                _ => return false,
            }
        };
        // The names end with an initial: "H." or "H.K." or "J.-P.".
        let initial = s[..names_end - 1]
            .rsplit([' ', '.', '-'])
            .next()
            .is_some_and(|w| w.chars().count() == 1 && w.chars().all(char::is_uppercase));
        if !initial {
            return false;
        }
        // After "2018. " or "2018a. ".
        let rest = ye + 2;
        // The title: up to the first sentence end after it (". " after a word that is
        // not an initial), at depth 0.
        let mut d = Depth::default();
        let mut title_end = None;
        for (i, c) in s[rest..].char_indices() {
            if d.feed(c) == 0 && matches!(c, '.' | '?' | '!') && s[rest + i + 1..].starts_with(' ')
            {
                let word = s[rest..rest + i].rsplit(' ').next().unwrap_or("");
                if word.chars().count() > 1 || c != '.' {
                    title_end = Some(rest + i);
                    break;
                }
            }
        }
        // A chapter: "Title, in: Editor, A. (Ed.), Book. Publisher, City, pp. 1–9."
        let chapter = crate::text::find_bytes(&bytes[rest..], b", in: ")
            .or_else(|| crate::text::find_bytes(&bytes[rest..], b". In: "))
            .map(|k| rest + k);
        if let Some(ci) = chapter
            && title_end.is_none_or(|te| ci <= te + 1)
        {
            return self.elsevier_chapter(a, b, names_end, ys, rest, ci);
        }
        let Some(te) = title_end else {
            return false;
        };
        names_en(t, a, a + names_end, Role::Author, &mut self.names);
        let yv = a + ys + 4;
        self.set_issued(a + ys, yv);
        let keep = usize::from(s.as_bytes()[te] != b'.');
        self.r.title = self.field(a + rest, a + te + keep);
        self.typed = true;
        let (px, py) = trim(t, a + te + 1, b, &['.']);
        if px >= py {
            self.r.kind = ReferenceType::Book;
            return true;
        }
        let pieces = split_top(t, px, py, &[',']);
        let n = pieces.len();
        // "Journal 58 (3), 421–444", "Journal 58, 421–444", "Journal 12, 101234."
        if n >= 2 {
            let (lx, ly) = trim(t, pieces[n - 1].0, pieces[n - 1].1, &[]);
            let (hx, hy) = trim(t, pieces[0].0, pieces[n - 2].1, &[]);
            let head = &t[hx..hy];
            let (head_body, issue) = match head.strip_suffix(')').and_then(|h| h.rsplit_once(" ("))
            {
                Some((h, i))
                    if !i.is_empty()
                        && i.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-') =>
                {
                    (h, Some(i))
                }
                _ => (head, None),
            };
            if let Some(sp) = head_body.rfind(' ')
                && head_body[sp + 1..].bytes().all(|c| c.is_ascii_digit())
                && sp + 1 < head_body.len()
                && (is_pages(&t[lx..ly]) || t[lx..ly].bytes().all(|c| c.is_ascii_alphanumeric()))
                && !t[hx..hx + sp].contains(':')
            {
                self.r.container_title = self.field(hx, hx + sp);
                self.r.volume = self.field(hx + sp + 1, hx + head_body.len());
                if let Some(i) = issue {
                    let ix = hx + head_body.len() + 2;
                    self.r.issue = self.field(ix, ix + i.len());
                }
                self.r.page = self.field(lx, ly);
                self.r.kind = ReferenceType::ArticleJournal;
                return true;
            }
        }
        // "Publisher, City." (a book); anything else is read as after a title.
        if n == 2 && !t[px..py].bytes().any(|c| c.is_ascii_digit()) && !starts_ci(&t[px..py], "in")
        {
            let (x, y) = trim(t, pieces[0].0, pieces[0].1, &[]);
            self.r.publisher = self.field(x, y);
            let (x, y) = trim(t, pieces[1].0, pieces[1].1, &[]);
            self.r.publisher_place = self.field(x, y);
            self.r.kind = ReferenceType::Book;
            return true;
        }
        self.after_en(px, py);
        true
    }

    /// The chapter form of [`Parser::elsevier`], from the title at `rest` (offsets in
    /// `t[a..b]`) and its `, in: ` at `ci`: `Editor, A. (Ed.), Book. Publisher, City,
    /// pp. 120–141.`
    fn elsevier_chapter(
        &mut self,
        a: usize,
        b: usize,
        names_end: usize,
        ys: usize,
        rest: usize,
        ci: usize,
    ) -> bool {
        let t = self.t;
        let s = &t[a..b];
        let after = ci + 6;
        // The editors end at "(Ed.)" or "(Eds.)".
        let Some((ed_at, ed_len)) = ["(Eds.)", "(Ed.)", "(eds.)", "(ed.)", "(Eds)", "(Ed)"]
            .iter()
            .find_map(|m| s[after..].find(m).map(|k| (after + k, m.len())))
        else {
            return false;
        };
        let after_ed = ed_at + ed_len;
        let book_start =
            after_ed + s[after_ed..].len() - s[after_ed..].trim_start_matches([',', ' ']).len();
        // The book's title ends at the first sentence end (not after an initial).
        let mut d = Depth::default();
        let mut book_end = None;
        for (i, c) in s[book_start..].char_indices() {
            if d.feed(c) == 0 && c == '.' && s[book_start + i + 1..].starts_with(' ') {
                let word = s[book_start..book_start + i]
                    .rsplit(' ')
                    .next()
                    .unwrap_or("");
                if word.chars().count() > 1 {
                    book_end = Some(book_start + i);
                    break;
                }
            }
        }
        let Some(be) = book_end else {
            return false;
        };
        names_en(t, a, a + names_end, Role::Author, &mut self.names);
        self.set_issued(a + ys, a + ys + 4);
        self.r.title = self.field(a + rest, a + ci);
        let (ex, ey) = trim(t, a + after, a + ed_at, &[]);
        names_en(t, ex, ey, Role::Editor, &mut self.names);
        self.r.container_title = self.field(a + book_start, a + be);
        self.typed = true;
        self.chapter = true;
        self.r.kind = ReferenceType::Chapter;
        let (px, py) = trim(t, a + be + 1, b, &['.']);
        let pieces = split_top(t, px, py, &[',']);
        let mut publisher_done = false;
        for &(x, y) in pieces.iter() {
            let (x, y) = trim(t, x, y, &[]);
            if x >= y {
                continue;
            }
            let p = &t[x..y];
            if let Some(pg) = p.strip_prefix("pp. ").or_else(|| p.strip_prefix("p. ")) {
                self.r.page = self.field(y - pg.len(), y);
            } else if !publisher_done {
                publisher_done = true;
                self.r.publisher = self.field(x, y);
            } else if self.r.publisher_place.is_none() {
                self.r.publisher_place = self.field(x, y);
            } else if let Some(pl) = self.r.publisher_place.as_ref().and_then(|p| p.span) {
                self.r.publisher_place = self.field(pl.start, y);
            }
        }
        true
    }

    /// A bibliography entry of a book: sentences `Authors. Title. Place: Publisher, Year.`
    fn biblio_book(&mut self, a: usize, b: usize) -> bool {
        let t = self.t;
        let s = &t[a..b];
        let mut ends = Vec::new();
        let mut d = Depth::default();
        for (i, c) in s.char_indices() {
            let depth = d.feed(c);
            if depth == 0 && c == '.' && s[i + 1..].starts_with(' ') {
                let word = s[..i]
                    .rsplit(|c: char| c.is_whitespace() || c == ',')
                    .next()
                    .unwrap_or("");
                // "Cha, Victor D. Powerplay": a middle initial ends the inverted author.
                let next_is_initial = {
                    let n = &s[i + 2..];
                    let mut cs = n.chars();
                    cs.next().is_some_and(char::is_uppercase) && cs.next() == Some('.')
                };
                // "Lund, Petra, ed. Title": the role ends the inverted author.
                let author_role = ends.is_empty()
                    && matches!(word, "ed" | "eds")
                    && s[..i].ends_with(&format!(", {word}"));
                let author_initial = author_role
                    || ends.is_empty()
                        && (word.chars().count() == 1
                        && word.chars().all(char::is_uppercase)
                        && s[..i].matches(", ").count() == 1
                        && !next_is_initial
                        // "Nye, Joseph S., Jr. Soft Power": the suffix ends the author.
                        || matches!(word, "Jr" | "Sr") && s[..i].has(", "));
                let abbreviation = !author_initial
                    && (word.chars().count() <= 1
                        || word.contains('.')
                        || matches!(
                            word,
                            "Jr" | "Sr"
                                | "ed"
                                | "eds"
                                | "Inc"
                                | "Ltd"
                                | "Co"
                                | "St"
                                | "vol"
                                | "Vol"
                                | "no"
                                | "No"
                                | "trans"
                                | "Trans"
                                | "Ed"
                                | "Eds"
                                | "vols"
                                | "Mr"
                                | "Dr"
                                | "al"
                                | "Rev"
                                | "pp"
                                | "Univ"
                                | "Dept"
                                | "Inst"
                                | "Assoc"
                                | "Natl"
                                | "Intl"
                                | "Corp"
                        ));
                if !abbreviation {
                    ends.push(a + i);
                }
            }
        }
        if ends.len() < 2 {
            return false;
        }
        let last = ends[ends.len() - 1];
        let (mut ps, pe) = trim(t, last + 1, b, &['.']);
        // "2nd ed. Oxford: Blackwell, 2003": the edition is not part of the place;
        // "Vol. 2. London: …" gives the volume.
        if let Some(n) = edition_len(&t[ps..pe]) {
            ps = trim(t, ps + n, pe, &[]).0;
        }
        if let Some(v) = t[ps..pe].strip_prefix("Vol. ")
            && let Some(k) = v.find(". ")
            && k > 0
            && v[..k].bytes().all(|c| c.is_ascii_alphanumeric())
        {
            let vs = pe - v.len();
            self.r.volume = self.field(vs, vs + k);
            ps = trim(t, vs + k + 1, pe, &[]).0;
        }
        // "2 vols. London: Macmillan, 1998": the number of volumes (not a field).
        if let Some(k) = crate::text::find_bytes(&t.as_bytes()[ps..pe], b" vols. ")
            && t[ps..ps + k].bytes().all(|c| c.is_ascii_digit())
        {
            ps = trim(t, ps + k + 7, pe, &[]).0;
        }
        // "Title. Trans. Name. Place: …" and "Ed. Name": the last sentence before the
        // publication names translators or editors.
        let mut title_end = last;
        if ends.len() >= 3 {
            let (mx, my) = trim(t, ends[ends.len() - 2] + 1, last, &[]);
            let m = &t[mx..my];
            let role = [
                ("Trans. ", Role::Translator),
                ("Translated by ", Role::Translator),
                ("Ed. ", Role::Editor),
                ("Eds. ", Role::Editor),
                ("Edited by ", Role::Editor),
            ]
            .into_iter()
            .find(|(w, _)| m.starts_with(w));
            if let Some((w, role)) = role {
                names_en(t, mx + w.len(), my, role, &mut self.names);
                title_end = ends[ends.len() - 2];
            }
        }
        let last = title_end;
        let info = &t[ps..pe];
        // "Government of Japan. National Security Strategy of Japan. December 2022.":
        // author, title and a date alone (a document without place or publisher).
        if ends.len() == 2 && is_date_en(info) {
            names_en(t, a, ends[0] + 1, Role::Author, &mut self.names);
            self.r.title = self.field(ends[0] + 1, last);
            self.set_issued(ps, pe);
            self.book_paren = true;
            return true;
        }
        let year_end = info.len() >= 4
            && info.is_char_boundary(info.len() - 4)
            && info[info.len() - 4..].chars().all(|c| c.is_ascii_digit())
            && !info[..info.len() - 4].ends_with(|c: char| c.is_ascii_digit());
        if !year_end || !(info.has(": ") || info.has(", ")) {
            return false;
        }
        names_en(t, a, ends[0] + 1, Role::Author, &mut self.names);
        self.r.title = self.field(ends[0] + 1, last);
        self.publication_paren(ps, pe);
        self.book_paren = true;
        true
    }

    /// APA author-date: the year in parentheses right after the authors (Harvard: the
    /// same without the period after the year).
    fn apa(&mut self, a: usize, b: usize) -> Option<()> {
        let t = self.t;
        let s = &t[a..b];
        let mut p0 = crate::text::find_bytes(s.as_bytes(), b" (")? + 1;
        let mut p1 = s[p0..].find(')')? + p0;
        let mut role = Role::Author;
        let names_end = p0;
        // "Tanaka, H. (Ed.). (2021).": editors, then the year.
        if matches!(
            &s[p0 + 1..p1],
            "Ed." | "Eds." | "ed." | "eds." | "Ed" | "Eds"
        ) {
            role = Role::Editor;
            let q0 = crate::text::find_bytes(&s.as_bytes()[p1..], b" (")? + p1 + 1;
            if !s[p1 + 1..q0].trim().trim_matches('.').is_empty() {
                return None;
            }
            p0 = q0;
            p1 = s[p0..].find(')')? + p0;
        }
        let inner = &s[p0 + 1..p1];
        let no_date = inner == "n.d.";
        let year_ok = no_date
            || inner.len() >= 4
                && inner.is_char_boundary(4)
                && inner[..4].chars().all(|c| c.is_ascii_digit())
                && (inner.len() == 4
                    || inner[4..].starts_with(", ")
                    || inner.len() == 5 && inner.as_bytes()[4].is_ascii_lowercase()
                    || inner[4..].starts_with(['a', 'b']) && inner[5..].starts_with(", "));
        let harvard = s[p1..].starts_with(") ") && !s[p1..].starts_with(") “");
        let names = s[..names_end].trim_end();
        if !year_ok || !(s[p1..].starts_with(").") || harvard) {
            return None;
        }
        if names.ends_with('.')
            || role == Role::Editor
            || crate::names::is_org(names) && !names.has(", ")
        {
            names_en(t, a, a + names_end, role, &mut self.names);
        } else if !(role == Role::Author && self.vancouver_people(a, a + names_end, Role::Author)) {
            // Springer "Ito K, Sato Y (2019) Title." is the only other form read.
            return None;
        }
        if !no_date {
            // "2024a, May 3": the letter is not part of the date.
            let (ds, mut de) = (a + p0 + 1, a + p1);
            if inner.len() == 5 {
                de = ds + 4;
            }
            if let Some(k) = crate::text::find_bytes(inner.as_bytes(), b", ")
                && inner[..k].len() == 5
            {
                let swapped = format!("{}, {}", &inner[k + 2..], &inner[..4]);
                if let Some(d) = domei_dates::parse(&swapped) {
                    self.r.issued = Some(Spanned::new(d, Span::new(ds, de)));
                }
            }
            self.set_issued(ds, de);
        }
        // Title up to the next ". " at depth 0, then container and numbers.
        let rest = a + p1 + if harvard { 1 } else { 2 };
        let (ts, _) = trim(t, rest, b, &[]);
        let mut d = Depth::default();
        let mut title_end = b;
        for (k, c) in t[ts..b].char_indices() {
            let depth = d.feed(c);
            if depth == 0 && (c == '.' || c == '?') && t[ts + k + 1..b].starts_with(' ') {
                // "Japan–U.S. relations: …": the period of a dotted initialism goes on
                // in sentence case (the next word in lower case or a number).
                if c == '.'
                    && ends_initialism(&t[ts..ts + k])
                    && t[ts + k + 2..b]
                        .starts_with(|n: char| n.is_lowercase() || n.is_ascii_digit())
                {
                    continue;
                }
                // "… of the U.S. Journal": the period ends the title and the
                // initialism both, and stays in the title.
                let keep = c == '?' || ends_initialism(&t[ts..ts + k]);
                title_end = ts + k + usize::from(keep);
                break;
            }
        }
        // "Title (RR-A314-1)", "Title (CRS Report No. IF10199)": a report number.
        let (tx, mut ty) = trim_field(t, ts, title_end);
        if t[tx..ty].ends_with(')')
            && let Some(o) = t[tx..ty].rfind(" (")
            && t[tx + o..ty].chars().any(|c| c.is_ascii_digit())
            && !is_date_en(&t[tx + o + 2..ty - 1])
        {
            let inner = &t[tx + o + 2..ty];
            let edition = is_edition(inner.trim_end_matches(')')) || starts_ci(inner, "vol");
            let inside = (tx + o + 2, ty - 1);
            ty = tx + o;
            if !edition {
                self.r.kind = ReferenceType::Report;
                self.typed = true;
                self.designation = Some(inside);
            }
        }
        // "Title [Doctoral dissertation, University of Tokyo]", "[Press release]": a
        // description in square brackets; APA 6 writes a thesis's in parentheses
        // ("Title (Doctoral dissertation)", "(Master's thesis, University of Leeds)").
        let paren_thesis = t[tx..ty].ends_with(')')
            && t[tx..ty].rfind(" (").is_some_and(|o| {
                let inner = t[tx + o + 2..ty - 1].to_ascii_lowercase();
                inner.contains("dissertation") || inner.contains("thesis")
            });
        let open = if paren_thesis { " (" } else { " [" };
        if (t[tx..ty].ends_with(']') || paren_thesis)
            && let Some(o) = t[tx..ty].rfind(open)
        {
            let (dx, dy) = (tx + o + 2, ty - 1);
            let d = &t[dx..dy];
            let (g, rest) = d.split_once(", ").unwrap_or((d, ""));
            self.r.genre = Some(Spanned::new(g.to_string(), Span::new(dx, dx + g.len())));
            if !rest.is_empty() {
                let rx = dy - rest.len();
                self.r.publisher = self.field(rx, dy);
            }
            let lower = g.to_ascii_lowercase();
            if lower.contains("dissertation") || lower.contains("thesis") {
                self.r.kind = ReferenceType::Thesis;
                self.typed = true;
            } else if let Some((_, kind)) = GENRES.iter().find(|(x, _)| lower == *x) {
                self.r.kind = *kind;
                self.typed = true;
            }
            ty = tx + o;
        }
        self.r.title = self.field(tx, ty);
        let mut after = title_end + 1;
        // "2nd edn.", "3rd ed.": an edition statement (the model has no edition).
        if after < b {
            let (ex, _) = trim(t, after, b, &[]);
            if let Some(n) = edition_len(&t[ex..b]) {
                after = ex + n;
            }
        }
        if title_end >= b || after >= b {
            if !self.typed {
                self.typed = true;
                let dated = self
                    .r
                    .issued
                    .as_ref()
                    .is_some_and(|d| d.value.start.month.is_some());
                self.r.kind = if dated || self.r.url.is_some() && self.r.doi.is_none() {
                    ReferenceType::Webpage
                } else {
                    ReferenceType::Book
                };
            }
            return Some(());
        }
        // "In A. Jones & B. Cole (Eds.), Book (pp. 112–130). Publisher.": a chapter.
        let (ix, _) = trim(t, after, b, &[]);
        if t[ix..b].starts_with("In ") {
            self.apa_chapter(ix + 3, b);
            return Some(());
        }
        // APA 6 "Retrieved from ProQuest Dissertations and Theses database. (UMI No. …)":
        // where the copy was found (its URL, if any, is already read), not a field.
        let (rx, _) = trim(t, after, b, &['.']);
        if rx < b && starts_ci(&t[rx..b], "retrieved from ") {
            if !self.typed {
                self.typed = true;
                self.r.kind = ReferenceType::Webpage;
            }
            return Some(());
        }
        let b = crate::text::find_bytes(&t.as_bytes()[after..b], b". Retrieved from ")
            .map_or(b, |k| after + k);
        // APA 7 "[Paper presentation]. Annual Meeting of X, Honolulu, HI, United
        // States.": a talk, its event and the event's place.
        let talk = self.r.genre.as_ref().is_some_and(|g| {
            let g = g.value.to_ascii_lowercase();
            ["presentation", "poster", "conference session", "keynote"]
                .iter()
                .any(|w| g.contains(w))
        });
        if talk && rx < b {
            let (ex, ey) = trim(t, rx, b, &['.']);
            let pieces = split_top(t, ex, ey, &[',']);
            let (fx, fy) = trim(t, pieces[0].0, pieces[0].1, &[]);
            self.r.event = self.field(fx, fy);
            if pieces.len() > 1 {
                self.r.publisher_place = self.field(pieces[1].0, ey);
            }
            self.r.kind = ReferenceType::Speech;
            self.typed = true;
            return Some(());
        }
        let pieces = split_top(t, after, b, &[',']);
        let mut journal = false;
        for (k, &(x, y)) in pieces.iter().enumerate() {
            let (x, y) = trim_field(t, x, y);
            if x >= y {
                continue;
            }
            let s = &t[x..y];
            if k == 0 {
                if is_pages(s) {
                    self.r.page = self.field(x, y);
                } else if self.journal_volume_pages(x, y) {
                    journal = true;
                } else {
                    self.r.container_title = self.field(x, y);
                }
                continue;
            }
            // 12(3)
            if let Some(o) = s.find('(')
                && s.ends_with(')')
                && s[..o].chars().all(|c| c.is_ascii_digit())
            {
                self.r.volume = self.field(x, x + o);
                self.r.issue = self.field(x + o + 1, y - 1);
                journal = true;
            } else if s.chars().all(|c| c.is_ascii_digit()) && self.r.volume.is_none() && k == 1 {
                self.r.volume = self.field(x, y);
                journal = true;
            } else if let Some(p) = s.strip_prefix("pp. ").or_else(|| s.strip_prefix("p. ")) {
                // Harvard "pp. 812–836"
                self.r.page = self.field(y - p.len(), y);
            } else if is_pages(s) {
                self.r.page = self.field(x, y);
            } else if s.starts_with("Article ") || s.starts_with("Art. ") {
                // An article number (the model has no number).
            } else if self.r.publisher.is_none() {
                self.r.publisher = self.field(x, y);
            }
        }
        // "[Unpublished manuscript]. Department of Politics, University of Oxford.": a
        // document described in brackets, then the body that holds it.
        if self.r.genre.is_some()
            && !journal
            && pieces.len() > 1
            && self.r.page.is_none()
            && self.r.url.is_none()
            && !t[after..b].bytes().any(|c| c.is_ascii_digit())
            && pieces.iter().all(|&(x, y)| {
                // Names of bodies and places: capitalised words and connectives.
                let (x, y) = trim(t, x, y, &['.']);
                let p = &t[x..y];
                crate::names::is_org(p)
                    || is_region(p)
                    || p.split_whitespace().count() <= 6
                        && p.split_whitespace().all(|w| {
                            w.starts_with(char::is_uppercase)
                                || matches!(w, "of" | "and" | "for" | "the" | "&")
                        })
            })
        {
            let (x, y) = trim(t, after, b, &['.']);
            self.r.container_title = None;
            self.r.publisher = self.field(x, y);
            if !self.typed {
                self.r.kind = ReferenceType::Document;
                self.typed = true;
            }
            return Some(());
        }
        // Springer's book form "Title. Publisher, City": a book publisher, then a place.
        if !journal
            && pieces.len() == 2
            && self.r.page.is_none()
            && self.r.url.is_none()
            && !t[after..b].bytes().any(|c| c.is_ascii_digit())
            && let (Some(c), Some(p)) = (&self.r.container_title, &self.r.publisher)
            && is_book_publisher(&c.value)
            && (is_region(&p.value)
                || p.value.split_whitespace().count() <= 2
                    && p.value
                        .split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase)))
        {
            self.r.publisher_place = self.r.publisher.take();
            self.r.publisher = self.r.container_title.take();
            if !self.typed {
                self.r.kind = ReferenceType::Book;
                self.typed = true;
            }
            return Some(());
        }
        // "RAND Corporation." or "London: MOD." alone after the title: the publisher.
        let place_publisher = self.r.container_title.as_ref().is_some_and(|c| {
            c.value
                .split_once(": ")
                .is_some_and(|(p, _)| p.split_whitespace().count() <= 3 && !p.contains('.'))
                || is_issuer(&c.value) && !has_word(&c.value, NEWSPAPERS)
        });
        if !journal && pieces.len() == 1 && (self.typed || place_publisher) {
            // A publisher read from a bracket (the university of a dissertation) stays;
            // the repository after it is not a field of the model.
            let container = self.r.container_title.take();
            if self.r.publisher.is_none() {
                self.r.publisher = container;
            }
            if let Some(p) = &self.r.publisher
                && let Some(span) = p.span
                && let Some(c) = find(t, span.start, span.end, ": ")
            {
                self.r.publisher_place = self.field(span.start, c);
                self.r.publisher = self.field(c + 1, span.end);
            }
            if !self.typed {
                let publisher = self.r.publisher.as_ref().map_or("", |p| p.value.as_str());
                self.r.kind = if is_issuer(publisher) && !is_book_publisher(publisher) {
                    ReferenceType::Report
                } else {
                    ReferenceType::Book
                };
                self.typed = true;
            }
        }
        if self.typed {
            return Some(());
        }
        self.typed = true;
        let dated = self
            .r
            .issued
            .as_ref()
            .is_some_and(|d| d.value.start.month.is_some());
        self.r.kind = if journal {
            ReferenceType::ArticleJournal
        } else if self.r.container_title.is_some()
            && pieces.len() == 1
            && self.r.url.is_none()
            && !dated
        {
            // "Title. Publisher." is a book; "Place: Publisher" splits.
            self.r.publisher = self.r.container_title.take();
            if let Some(p) = &self.r.publisher
                && let Some(span) = p.span
                && let Some(c) = find(t, span.start, span.end, ": ")
            {
                self.r.publisher_place = self.field(span.start, c);
                self.r.publisher = self.field(c + 1, span.end);
            }
            let publisher = self.r.publisher.as_ref().map_or("", |p| p.value.as_str());
            if is_issuer(publisher) && !is_book_publisher(publisher) {
                ReferenceType::Report
            } else {
                ReferenceType::Book
            }
        } else if let Some(c) = &self.r.container_title {
            let c = c.value.as_str();
            if is_magazine(c) {
                ReferenceType::ArticleMagazine
            } else if has_word(c, NEWSPAPERS) {
                ReferenceType::ArticleNewspaper
            } else {
                ReferenceType::Webpage
            }
        } else {
            ReferenceType::Webpage
        };
        Some(())
    }

    /// Springer's `Journal 15:45–67`, `J Name 12(3):45-67`, `Remote Sensing 14(3), …`:
    /// a journal name, then its volume (issue) and `:pages`; true when read.
    fn journal_volume_pages(&mut self, x: usize, y: usize) -> bool {
        let t = self.t;
        let s = &t[x..y];
        let Some(sp) = s.rfind(' ') else {
            return false;
        };
        let tail = &s[sp + 1..];
        let (vi, pages) = tail.split_once(':').unwrap_or((tail, ""));
        let (vol, issue) = match vi.split_once('(') {
            Some((v, i)) if i.ends_with(')') => (v, Some(&i[..i.len() - 1])),
            _ => (vi, None),
        };
        if vol.is_empty()
            || !vol.bytes().all(|c| c.is_ascii_digit())
            || pages.is_empty() && issue.is_none()
            || !pages.is_empty() && !is_pages(pages)
        {
            return false;
        }
        let vx = x + sp + 1;
        self.r.container_title = self.field(x, x + sp);
        self.r.volume = self.field(vx, vx + vol.len());
        if let Some(i) = issue {
            self.r.issue = self.field(vx + vol.len() + 1, vx + vol.len() + 1 + i.len());
        }
        if !pages.is_empty() {
            self.r.page = self.field(y - pages.len(), y);
        }
        true
    }

    /// Springer LNCS: `Family, I., Family, I.: Title. In: Book, pp. 1–9. Publisher
    /// (2021)` and `…: Title. Journal 14(3), 512–530 (2022)`.
    fn lncs(&mut self, a: usize, b: usize) -> bool {
        let t = self.t;
        let s = &t[a..b];
        // The year in parentheses at the end.
        let Some(body) = s.trim_end_matches('.').strip_suffix(')') else {
            return false;
        };
        let Some(o) = body.rfind(" (") else {
            return false;
        };
        let year = &body[o + 2..];
        if !is_date_en(year) {
            return false;
        }
        // Authors up to ": ", all "Family, I." pairs or "et al."
        let Some(colon) = find(t, a, a + o, ": ") else {
            return false;
        };
        let names = &t[a..colon];
        let initials_list = names.split(", ").enumerate().all(|(k, p)| {
            let p = p.trim().trim_start_matches("and ").trim();
            if k % 2 == 1 {
                p.split(['.', '-', ' ']).all(|w| w.len() <= 1) && p.contains('.') || p == "et al."
            } else {
                p.starts_with(char::is_uppercase) && !p.contains('.') || p == "et al."
            }
        });
        if !initials_list || !names.contains(", ") {
            return false;
        }
        names_en(t, a, colon, Role::Author, &mut self.names);
        let ys = a + o + 2;
        self.set_issued(ys, ys + year.len());
        // The title is the first sentence after the colon.
        let ts = colon + 2;
        let end = a + o;
        let title_end = find(t, ts, end, ". ").unwrap_or(end);
        self.r.title = self.field(ts, title_end);
        self.typed = true;
        if title_end >= end {
            self.r.kind = ReferenceType::Book;
            return true;
        }
        let (rx, ry) = trim(t, title_end + 1, end, &[',', '.']);
        if let Some(r) = t[rx..ry].strip_prefix("In: ") {
            self.chapter = true;
            self.r.kind = ReferenceType::Chapter;
            let rs = ry - r.len();
            let mut cont_end = ry;
            for (x, y) in split_top(t, rs, ry, &[',']) {
                let (x, y) = trim(t, x, y, &[]);
                let p = &t[x..y];
                if let Some(pg) = p.strip_prefix("pp. ").or_else(|| p.strip_prefix("p. ")) {
                    cont_end = cont_end.min(x);
                    // "pp. 1–9. Springer": the publisher after the pages.
                    let (pg, publ) = pg.split_once(". ").unwrap_or((pg, ""));
                    let px = y - p.len() + p.len()
                        - pg.len()
                        - publ.len()
                        - if publ.is_empty() { 0 } else { 2 };
                    self.r.page = self.field(px, px + pg.len());
                    if !publ.is_empty() {
                        self.r.publisher = self.field(y - publ.len(), y);
                    }
                } else if let Some((k, role)) = role_prefix(p) {
                    cont_end = cont_end.min(x);
                    self.role_names(x + k, y, role);
                } else if p.ends_with("(eds.)") || p.ends_with("(ed.)") {
                    cont_end = cont_end.min(x);
                }
            }
            // "In: Jones, A. (ed.) Book": editors before the book.
            let (mut cx, _) = trim(t, rs, cont_end, &[]);
            for key in ["(eds.) ", "(ed.) ", "(Eds.) ", "(Ed.) "] {
                if let Some(i) = find(t, cx, cont_end, key) {
                    names_en(t, cx, i, Role::Editor, &mut self.names);
                    cx = i + key.len();
                    break;
                }
            }
            self.r.container_title = self.field(cx, cont_end);
            return true;
        }
        // A journal: "Remote Sensing 14(3), 512–530".
        let pieces = split_top(t, rx, ry, &[',']);
        let (px, py) = pieces[0];
        let (px, py) = trim(t, px, py, &[]);
        if self.journal_volume_pages(px, py) || {
            self.r.container_title = self.field(px, py);
            false
        } {
            self.r.kind = ReferenceType::ArticleJournal;
        }
        for &(x, y) in pieces.iter().skip(1) {
            let (x, y) = trim(t, x, y, &[]);
            let p = &t[x..y];
            let p = p.strip_prefix("pp. ").unwrap_or(p);
            if is_pages(p) {
                self.r.page = self.field(y - p.len(), y);
                self.r.kind = ReferenceType::ArticleJournal;
            }
        }
        if self.r.kind != ReferenceType::ArticleJournal {
            self.r.kind = ReferenceType::Webpage;
        }
        true
    }

    /// After an APA chapter's `In `: `A. Jones & B. Cole (Eds.), Book (pp. 112–130).
    /// Publisher.`
    fn apa_chapter(&mut self, a: usize, b: usize) {
        let t = self.t;
        self.chapter = true;
        self.typed = true;
        self.r.kind = ReferenceType::Chapter;
        let mut from = a;
        for key in ["(Eds.),", "(Ed.),", "(Eds.)", "(Ed.)"] {
            if let Some(i) = find(t, a, b, key) {
                names_en(t, a, i, Role::Editor, &mut self.names);
                from = i + key.len();
                break;
            }
        }
        // The book up to its "(pp. …)" or the next sentence.
        let (bx, _) = trim(t, from, b, &[]);
        let mut d = Depth::default();
        let mut book_end = b;
        let mut next = b;
        for (k, c) in t[bx..b].char_indices() {
            let depth = d.feed(c);
            if depth == 0 && c == '(' {
                let close = t[bx + k..b].find(')').map_or(b, |j| bx + k + j);
                let inner = &t[bx + k + 1..close];
                let is = bx + k + 1;
                let starts = ["pp. ", "p. ", "Vol. ", "vol. "];
                if starts.iter().any(|w| inner.starts_with(w))
                    || is_edition(inner.split(", ").next().unwrap_or(inner))
                {
                    // "(Vol. 2, pp. 45–67)", "(2nd ed., pp. 1–9)": each piece in turn.
                    for (px, py) in split_top(t, is, close, &[',']) {
                        let (px, py) = trim(t, px, py, &[]);
                        let p = &t[px..py];
                        if let Some(pg) = p.strip_prefix("pp. ").or_else(|| p.strip_prefix("p. "))
                            && is_pages(pg)
                        {
                            self.r.page = self.field(py - pg.len(), py);
                        } else if let Some(v) =
                            p.strip_prefix("Vol. ").or_else(|| p.strip_prefix("vol. "))
                            && !v.is_empty()
                        {
                            self.r.volume = self.field(py - v.len(), py);
                        }
                    }
                    book_end = bx + k;
                    next = (close + 1).min(b);
                    break;
                }
            }
            if depth == 0 && c == '.' && t[bx + k + 1..b].starts_with(' ') {
                book_end = bx + k;
                next = bx + k + 1;
                break;
            }
        }
        self.r.container_title = self.field(bx, book_end);
        let (px, py) = trim(t, next, b, &['.', ' ']);
        if px < py {
            if let Some(c) = find(t, px, py, ": ") {
                self.r.publisher_place = self.field(px, c);
                self.r.publisher = self.field(c + 1, py);
            } else {
                self.r.publisher = self.field(px, py);
            }
        }
    }

    /// "Authors, Title" before a book's parenthesis; editors after `ed.`.
    fn authors_title(&mut self, a: usize, b: usize) {
        let t = self.t;
        let (a, b) = trim(t, a, b, &[',']);
        if a >= b {
            return;
        }
        let mut pieces = split_top(t, a, b, &[',']);
        // Editors/translators at the end: "Title, ed. Name".
        while let Some(&(x, y)) = pieces.last() {
            let (x, y) = trim(t, x, y, &[]);
            let Some((k, role)) = role_prefix(&t[x..y]) else {
                break;
            };
            self.role_names(x + k, y, role);
            pieces.pop();
            if pieces.is_empty() {
                return;
            }
        }
        // "Title, 2nd ed. (Place: …)": the edition (the model has none) is neither title
        // nor name.
        if pieces.len() >= 2
            && let Some(&(x, y)) = pieces.last()
            && is_edition(t[x..y].trim())
        {
            pieces.pop();
        }
        // "RAND Report RR-1234", "Working Paper No. 12": a series and number after the title.
        if pieces.len() >= 2
            && let Some(&(x, y)) = pieces.last()
        {
            let s = t[x..y].trim();
            let numbered = s.chars().any(|c| c.is_ascii_digit());
            if numbered
                && has_word(
                    s,
                    &["brief", "memorandum", "no", "paper", "report", "series"],
                )
                || s.split_whitespace().any(|w| {
                    w.contains('-')
                        && w.chars().any(|c| c.is_ascii_digit())
                        && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                })
            {
                self.r.genre = self.field(x, y);
                self.r.kind = ReferenceType::Report;
                pieces.pop();
            }
        }
        let n = pieces.len();
        if n == 1 {
            self.r.title = self.field(pieces[0].0, pieces[0].1);
            return;
        }
        // Authors end at "et al." or after the last person-like piece.
        let mut k = 0;
        let mut found = None;
        for (i, &(x, y)) in pieces.iter().enumerate().take(n - 1) {
            if crate::text::has(&t[x..y], "et al") {
                found = Some(i);
                break;
            }
        }
        if let Some(i) = found {
            k = i + 1;
        } else {
            while k < n - 1 {
                let s = t[pieces[k].0..pieces[k].1].trim();
                let s = s.strip_prefix("and ").unwrap_or(s);
                if crate::names::is_person_en(s) {
                    k += 1;
                } else {
                    break;
                }
            }
            if k == 0 {
                k = 1; // an organisation
            }
        }
        let mut role = Role::Author;
        let mut title_from = k;
        if k < n - 1 {
            let s = t[pieces[k].0..pieces[k].1].trim();
            if s == "ed." || s == "eds." {
                role = Role::Editor;
                title_from = k + 1;
            }
        }
        names_en(t, a, pieces[k - 1].1, role, &mut self.names);
        self.r.title = self.field(pieces[title_from].0, pieces[n - 1].1);
    }

    /// "(Place: Publisher, Year)" or "(Publisher, Year)" or "(Year)".
    fn publication_paren(&mut self, a: usize, b: usize) {
        let t = self.t;
        let pieces = split_top(t, a, b, &[',']);
        let mut date_from = None;
        for (k, &(x, y)) in pieces.iter().enumerate() {
            // "updated June 5, 2024", "rev. March 2023": the date of the version cited.
            let (x, _) = trim(t, x, y, &[]);
            let x = [
                "updated ",
                "Updated ",
                "last updated ",
                "Last updated ",
                "rev. ",
                "revised ",
            ]
            .iter()
            .find(|w| t[x..y].starts_with(**w))
            .map_or(x, |w| x + w.len());
            if is_date_en(&t[x..y]) {
                date_from = Some((k, x));
                break;
            }
            if is_month_day(&t[x..y])
                && let Some(&(_, y2)) = pieces.get(k + 1)
                && is_date_en(&t[x..y2])
            {
                date_from = Some((k, x));
                break;
            }
        }
        let Some((k, date_start)) = date_from else {
            // No date (an author-date style gave it after the authors): "Place:
            // Publisher" or the publisher alone.
            match find(t, a, b, ": ") {
                Some(c) if !t[a..c].contains(['(', '[']) => {
                    self.r.publisher_place = self.field(a, c);
                    self.r.publisher = self.field(c + 1, b);
                }
                _ => self.r.publisher = self.field(a, b),
            }
            return;
        };
        self.set_issued(date_start, b);
        if k == 0 {
            return;
        }
        let (x, y) = (pieces[0].0, pieces[k - 1].1);
        if let Some(c) = find(t, x, y, ": ") {
            self.r.publisher_place = self.field(x, c);
            self.r.publisher = self.field(c + 1, y);
        } else {
            self.r.publisher = self.field(x, y);
        }
    }

    /// A chapter in a bibliography, after `In `: `Book, edited by Name, 525–42. Place:
    /// Publisher, Year.` The last sentence is the publication; pages are the chapter's.
    fn biblio_chapter(&mut self, a: usize, b: usize) -> bool {
        let t = self.t;
        let (a, b) = trim(t, a, b, &['.']);
        let mut d = Depth::default();
        let mut dot = None;
        for (i, c) in t[a..b].char_indices() {
            if d.feed(c) == 0 && c == '.' && t[a + i + 1..b].starts_with(' ') {
                let word = t[a..a + i].rsplit([' ', ',']).next().unwrap_or("");
                if (word.chars().any(|c| c.is_ascii_digit()) || word.chars().count() > 2)
                    && !PROCEEDINGS_ABBREVIATIONS.contains(&word)
                {
                    dot = Some(a + i);
                }
            }
        }
        let Some(dot) = dot else {
            return false;
        };
        let (ps, pe) = trim(t, dot + 1, b, &['.']);
        let info = &t[ps..pe];
        // Ends with a year: the last piece is a date ("…, 2016"), not pages
        // ("pp. 1123–1130").
        let last_piece = info.rsplit(", ").next().unwrap_or(info);
        let year_end = info.len() >= 4
            && info.is_char_boundary(info.len() - 4)
            && info[info.len() - 4..].bytes().all(|c| c.is_ascii_digit())
            && is_date_en(last_piece);
        // Author-date styles give the year after the authors, so the publication
        // sentence is only "Place: Publisher".
        let dated = self.r.issued.is_some() && info.has(": ");
        if !(year_end || dated) || !(info.has(": ") || info.has(", ")) {
            return false;
        }
        let mut cont_end = None;
        for (x, y) in split_top(t, a, dot, &[',']) {
            let (x, y) = trim(t, x, y, &[]);
            let s = &t[x..y];
            if let Some((k, role)) = role_prefix(s) {
                cont_end.get_or_insert(x);
                self.role_names(x + k, y, role);
            } else if is_pages(s) {
                cont_end.get_or_insert(x);
                self.r.page = self.field(x, y);
            } else if self.volume_piece(x, y) {
                cont_end.get_or_insert(x);
            }
        }
        self.r.container_title = self.field(a, cont_end.unwrap_or(dot));
        self.publication_paren(ps, pe);
        true
    }

    /// Names after a role prefix; `ed. and trans.` gives both roles.
    fn role_names(&mut self, x: usize, y: usize, role: Roles) {
        let t = self.t;
        match role {
            Roles::One(r) => names_en(t, x, y, r, &mut self.names),
            Roles::EditorTranslator => {
                names_en(t, x, y, Role::Editor, &mut self.names);
                names_en(t, x, y, Role::Translator, &mut self.names);
            }
        }
    }

    /// Everything after a quoted title.
    fn after_en(&mut self, a: usize, b: usize) {
        let t = self.t;
        let (mut a, mut b) = trim(t, a, b, &[',', '.', ';']);
        // `“Title” (PDF), …`, `…, 2023 [in Japanese]`: a label of the file, left in `raw`.
        while let Some((x, y)) = label_at_ends(t, a, b) {
            (a, b) = trim(t, x, y, &[',', '.', ';']);
        }
        if a >= b {
            return;
        }
        // Chicago "“Title” (speech, Tokyo, January 23, 2023)": the description in
        // parentheses is read as if it stood bare. A cited page may follow it:
        // "(PhD diss., University of Tokyo, 2019), 45".
        if t[a..b].starts_with('(')
            && let Some(close) = close_paren(t, a, b)
            && close + 1 < b
            && let Some(page) = t[close + 1..b].strip_prefix(", ")
            && is_pages(page.trim())
            && self.r.locator.is_none()
        {
            self.r.locator = self.field(b - page.len(), b);
            b = close + 1;
        }
        if t[a..b].starts_with('(') && t[a..b].ends_with(')') {
            let mut depth = 0i32;
            let mut closes_at_end = true;
            for (i, c) in t[a..b].char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 && a + i + 1 < b {
                            closes_at_end = false;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            if closes_at_end {
                (a, b) = trim(t, a + 1, b - 1, &[]);
                if a >= b {
                    return;
                }
                // "“Title” (Tokyo: Ministry of Defense, 2023)": a report's publication
                // facts, as after a book's title.
                if let Some(&(lx, ly)) = split_top(t, a, b, &[',']).last()
                    && lx > a
                    && is_date_en(t[lx..ly].trim())
                    && find(t, a, lx, ": ").is_some()
                    && !starts_ci(&t[a..b], "in ")
                {
                    self.publication_paren(a, b);
                    return;
                }
            }
        }
        // Chapter: "in Book, ed. Editor (Place: Pub, Year), 45–67."
        if starts_ci(&t[a..b], "in ") {
            self.chapter = true;
            a += 3;
            if let Some((p0, p1)) = last_year_paren(t, a, b) {
                let pieces = split_top(t, a, p0, &[',']);
                let mut cont_end = p0;
                for &(x, y) in &pieces[1..] {
                    let (xs, ys) = trim(t, x, y, &[]);
                    if let Some((k, role)) = role_prefix(&t[xs..ys]) {
                        cont_end = cont_end.min(x);
                        self.role_names(xs + k, ys, role);
                    }
                }
                self.r.container_title = self.field(a, cont_end);
                self.publication_paren(p0 + 1, p1);
                let (x, y) = trim(t, p1 + 1, b, &[',', ':', '.']);
                if x < y {
                    self.locator(x, y);
                }
                return;
            }
            // Bibliography: "In Book, edited by Name, 525–42. Place: Publisher, Year."
            if self.biblio_chapter(a, b) {
                return;
            }
        }
        let pieces = split_top(t, a, b, &[',']);
        let mut k = 0;
        let mut after_date = false;
        while k < pieces.len() {
            let (x, y) = trim(t, pieces[k].0, pieces[k].1, &[]);
            k += 1;
            if x >= y {
                continue;
            }
            let s = &t[x..y];
            // A date, the comma-split "July 10" + "2024" joined.
            if is_month_day(s)
                && let Some(&(nx, ny)) = pieces.get(k)
                && is_date_en(&t[x..ny])
            {
                let _ = nx;
                self.set_issued(x, ny);
                after_date = true;
                k += 1;
                continue;
            }
            if is_date_en(s) {
                self.set_issued(x, y);
                after_date = true;
                continue;
            }
            // "2015. ProQuest (3700001)": the date ends a sentence; what follows (a
            // database, an archive) is not a field and stays in `raw`.
            if let Some(k) = crate::text::find_bytes(s.as_bytes(), b". ")
                && k >= 4
                && is_date_en(&s[..k])
                && s[..k].bytes().any(|c| c.is_ascii_digit())
            {
                self.set_issued(x, x + k);
                after_date = true;
                continue;
            }
            if self.volume_piece(x, y) {
                continue;
            }
            // MLA "…, edited by Name, 3rd ed., vol. 2, …": the edition is not a field.
            if is_edition(s) {
                continue;
            }
            // Harvard "Journal, 43(6), pp. 812–836": volume and issue in one piece.
            if let Some(o) = s.find('(')
                && o > 0
                && s.ends_with(')')
                && s[..o].bytes().all(|c| c.is_ascii_digit())
                && s.len() > o + 2
                && s[o + 1..s.len() - 1]
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'-')
            {
                self.r.volume = self.field(x, x + o);
                self.r.issue = self.field(x + o + 1, y - 1);
                continue;
            }
            if let Some(rest) = s.strip_prefix("pp.").or_else(|| s.strip_prefix("pp ")) {
                let off = y - rest.trim_start().len();
                // MLA "pp. 7-30. Database Name": the pages end with their sentence.
                let end = find(t, off, y, ". ").unwrap_or(y);
                self.r.page = self.field(off, end);
                continue;
            }
            if s.starts_with("p. ") || s.starts_with("p.") {
                self.locator(x, y);
                continue;
            }
            // "para. 27", "¶ 12", "chap. 2": a cited paragraph or chapter, as written.
            if is_division(s) {
                if self.r.locator.is_none() {
                    self.r.locator = self.field(x, y);
                }
                continue;
            }
            if is_pages(s) {
                if self.r.locator.is_none() {
                    self.r.locator = self.field(x, y);
                }
                continue;
            }
            if self.genre(x, y).is_some() {
                continue;
            }
            if let Some((k2, role)) = role_prefix(s) {
                // MLA "“Entry.” Encyclopedia, edited by Name, …": a quoted work in an
                // edited book is a chapter of it.
                if self.quoted
                    && !matches!(role, Roles::One(Role::Translator))
                    && self.r.container_title.is_some()
                    && self.r.issue.is_none()
                {
                    self.chapter = true;
                }
                self.role_names(x + k2, y, role);
                continue;
            }
            if let Some(i) = crate::text::find_bytes(s.as_bytes(), b"available from ")
                .or_else(|| crate::text::find_bytes(s.as_bytes(), b"published by "))
            {
                let off = if s[i..].starts_with("available") {
                    15
                } else {
                    13
                };
                self.r.publisher = self.field(x + i + off, y);
                continue;
            }
            // A newspaper page after the date: "A23", "B4" ("sec. A" is dropped).
            if after_date && is_news_page(s) {
                if self.r.locator.is_none() {
                    self.r.locator = self.field(x, y);
                }
                continue;
            }
            if after_date {
                continue;
            }
            // "Tokyo, Japan", "Big Sky, MT, USA": a place (of a conference, a report).
            let mut place_end = None;
            let mut j = k;
            while let Some(&(px, py)) = pieces.get(j) {
                let (px, py) = trim(t, px, py, &[]);
                if is_region(&t[px..py]) {
                    place_end = Some(py);
                    j += 1;
                } else {
                    break;
                }
            }
            if let Some(pe) = place_end
                && self.r.publisher_place.is_none()
                && !is_region(s)
                && s.split_whitespace().count() <= 3
            {
                // IEEE "“Title,” NIDS, Tokyo, Japan, 2024": the body before the place
                // publishes it (a chapter's book keeps its place as the conference's).
                if !self.chapter
                    && self.r.publisher.is_none()
                    && let Some(c) = self.r.container_title.as_ref().and_then(|c| c.span)
                    && t[c.end..x].trim_matches([',', ' ']).is_empty()
                {
                    self.r.publisher = self.r.container_title.take();
                }
                self.r.publisher_place = self.field(x, pe);
                k = j;
                continue;
            }
            if matches!(
                self.r.kind,
                ReferenceType::Speech | ReferenceType::Interview | ReferenceType::PaperConference
            ) && self.r.publisher_place.is_none()
                && (matches!(
                    self.r.kind,
                    ReferenceType::Speech | ReferenceType::PaperConference
                ) || !(has_word(s, NEWSPAPERS) || crate::names::is_org(s)))
            {
                self.r.publisher_place = self.field(x, y);
                continue;
            }
            // "statement, Brussels, March 14, 2024": after a document's genre, a short
            // name that is no organisation, right before the date, is where it was
            // issued (an organisation there is still the container).
            if self.r.kind == ReferenceType::Document
                && self.r.genre.is_some()
                && self.r.publisher_place.is_none()
                && self.r.container_title.is_none()
                && s.split_whitespace().count() <= 2
                && s.starts_with(char::is_uppercase)
                && !(has_word(s, NEWSPAPERS) || crate::names::is_org(s))
                && pieces.get(k).is_some_and(|&(nx, ny)| {
                    let (nx, ny) = trim(t, nx, ny, &[]);
                    is_date_en(&t[nx..ny]) || is_month_day(&t[nx..ny])
                })
            {
                self.r.publisher_place = self.field(x, y);
                continue;
            }
            // In proceedings: the conference's place follows its name (a book
            // publisher there is the book's, MLA's "…, edited by Name, Routledge, 2015").
            if self.chapter
                && self.r.container_title.is_some()
                && self.r.publisher_place.is_none()
                && self.r.publisher.is_none()
                && s.split_whitespace().count() <= 3
                && s.starts_with(char::is_uppercase)
                && !is_book_publisher(s)
            {
                self.r.publisher_place = self.field(x, y);
                continue;
            }
            // "Security Studies 12 (2003): 1–20", "International Security 45 (Spring
            // 2021): 7–50": a journal's volume, the issue's date and the pages (Chicago
            // without an issue number).
            if self.r.container_title.is_none()
                && let Some((p0, p1)) = last_year_paren(t, x, y)
                && is_date_en(t[p0 + 1..p1].trim())
                && let Some(sp) = t[x..p0].trim_end().rfind(' ')
                && sp > 0
                && t[x + sp + 1..p0]
                    .trim_end()
                    .bytes()
                    .all(|c| c.is_ascii_digit() || c == b'.')
                && t[x + sp + 1..p0]
                    .trim()
                    .starts_with(|c: char| c.is_ascii_digit())
                && t[x + sp + 1..p0].trim().matches('.').count() <= 1
                && !t[x + sp + 1..p0].trim().ends_with('.')
            {
                let (px, py) = trim(t, p1 + 1, y, &['.']);
                let pages = t[px..py].strip_prefix(':').map(str::trim_start);
                if px >= py || pages.is_some_and(is_pages) {
                    let mut vol_end = x + sp + 1 + t[x + sp + 1..p0].trim_end().len();
                    // MLA 7 "Diplomatic History 33.2 (2009)": volume 33, issue 2.
                    if let Some(dot) = t[x + sp + 1..vol_end].find('.') {
                        let is = x + sp + 1 + dot + 1;
                        self.r.issue = self.field(is, vol_end);
                        vol_end = is - 1;
                    }
                    self.r.container_title = self.field(x, x + sp);
                    self.r.volume = self.field(x + sp + 1, vol_end);
                    self.set_issued(p0 + 1, p1);
                    if let Some(pg) = pages {
                        self.r.page = self.field(py - pg.len(), py);
                        self.colon_pages = true;
                    }
                    after_date = true;
                    continue;
                }
            }
            // "CSIS Brief (Washington, DC: CSIS, 2016)": a series and its publication.
            if self.r.container_title.is_none()
                && let Some((p0, p1)) = last_year_paren(t, x, y)
            {
                self.r.container_title = self.field(x, p0);
                self.publication_paren(p0 + 1, p1);
                if has_word(&t[x..p0], &["brief", "paper", "papers", "report", "series"]) {
                    self.r.kind = ReferenceType::Report;
                    self.typed = true;
                }
                after_date = true;
                continue;
            }
            // "Washington, DC": a state or country code extends the place.
            if let Some(place) = &mut self.r.publisher_place
                && s.len() <= 3
                && s.chars().all(|c| c.is_ascii_uppercase())
                && let Some(sp) = place.span
            {
                place.value = t[sp.start..y].to_string();
                place.span = Some(Span::new(sp.start, y));
                continue;
            }
            // A thesis: the degree-granting department and university publish it.
            if self.r.genre.as_ref().is_some_and(|g| {
                let g = g.value.to_ascii_lowercase();
                g.ends_with("thesis") || g.ends_with("dissertation")
            }) {
                match &mut self.r.publisher {
                    Some(p) if p.span.is_some_and(|sp| t[sp.end..x].trim() == ",") => {
                        let sp = p.span.unwrap_or(Span::new(x, y));
                        p.value = t[sp.start..y].to_string();
                        p.span = Some(Span::new(sp.start, y));
                    }
                    Some(_) => {}
                    None => self.r.publisher = self.field(x, y),
                }
                continue;
            }
            // A journal "Name 39" with its volume.
            if self.r.container_title.is_none() {
                let (cx, mut cy) = trim_field(t, x, y);
                // "Nature Photon., vol. 15": a period before a comma ends an abbreviation.
                let abbreviated = cy < y && t[cy..y].starts_with('.') && t[y..].starts_with(',');
                // "European Security Notes 4(1): 55–70"
                if let Some(col) = t[cx..cy]
                    .rmatch_indices(':')
                    .map(|(k, _)| k)
                    .find(|&k| t[cx + k + 1..cy].starts_with(' '))
                {
                    let (px, py) = trim(t, cx + col + 2, cy, &['.']);
                    if px < py && is_pages(&t[px..py]) {
                        self.r.page = self.field(px, py);
                        self.colon_pages = true;
                        cy = cx + col;
                    }
                }
                if t[cx..cy].ends_with(')')
                    && let Some(o) = t[cx..cy].rfind('(')
                    && let Some(sp) = t[cx..cx + o].trim_end().rfind(' ')
                {
                    // "Review 34 (5)": a space may stand before the issue.
                    let vol = t[cx + sp + 1..cx + o].trim_end();
                    let iss = &t[cx + o + 1..cy - 1];
                    if !vol.is_empty()
                        && vol.chars().all(|c| c.is_ascii_digit())
                        && !iss.is_empty()
                        && iss
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '–')
                    {
                        self.r.volume = self.field(cx + sp + 1, cx + sp + 1 + vol.len());
                        self.r.issue = self.field(cx + o + 1, cy - 1);
                        self.r.container_title = self.field(cx, cx + sp);
                        continue;
                    }
                }
                let cs = &t[cx..cy];
                if let Some(sp) = cs.rfind(' ')
                    && cs[sp + 1..].chars().all(|c| c.is_ascii_digit())
                    && sp + 1 < cs.len()
                    && !crate::dates::is_month(&cs[..sp])
                {
                    self.r.container_title = self.field(cx, cx + sp);
                    self.r.volume = self.field(cx + sp + 1, cy);
                } else if abbreviated {
                    self.r.container_title = Some(Spanned::new(
                        t[cx..cy + 1].to_string(),
                        Span::new(cx, cy + 1),
                    ));
                } else {
                    self.r.container_title = self.field(cx, cy);
                }
                // "Journal 39 (2023): 21–23" kept in one piece.
                continue;
            }
            if matches!(
                self.r.kind,
                ReferenceType::Speech | ReferenceType::PaperConference
            ) && self.r.publisher_place.is_none()
            {
                self.r.publisher_place = self.field(x, y);
                continue;
            }
            if self.r.publisher.is_none() {
                self.r.publisher = self.field(x, y);
            }
        }
    }

    /// `vol. 12`, `no. 2 (Winter 2023): 21–23`, `No.680`, `Issue 3`.
    fn volume_piece(&mut self, x: usize, y: usize) -> bool {
        let t = self.t;
        let s = &t[x..y];
        let (is_vol, k) = if let Some(k) = ["vol. ", "Vol. ", "vol.", "Vol.", "Volume ", "volume "]
            .iter()
            .find(|k| s.starts_with(**k))
        {
            (true, k.len())
        } else if let Some(k) = ["no. ", "No. ", "no.", "No.", "Issue ", "issue ", "iss. "]
            .iter()
            .find(|k| s.starts_with(**k))
        {
            (false, k.len())
        } else {
            return false;
        };
        let ns = x + k;
        let ne = t[ns..y]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '–' || c == '/'))
            .map_or(y, |i| ns + i);
        if ne == ns {
            return false;
        }
        let v = Spanned::new(t[ns..ne].to_string(), Span::new(ns, ne));
        if is_vol {
            self.r.volume = Some(v);
        } else {
            self.r.issue = Some(v);
        }
        // "(Winter 2023): 21–23"
        let rest = &t[ne..y];
        if let Some(o) = rest.find('(')
            && let Some(c) = rest[o..].find(')')
        {
            let ds = ne + o + 1;
            let de = ne + o + c;
            if is_date_en(&t[ds..de]) {
                self.set_issued(ds, de);
            }
            let after = de + 1;
            if let Some(col) = t[after..y].find(':') {
                let (px, py) = trim(t, after + col + 1, y, &['.']);
                if px < py && is_pages(&t[px..py]) {
                    self.r.page = self.field(px, py);
                    self.colon_pages = true;
                }
            }
        } else if let Some(col) = rest.find(':') {
            let (px, py) = trim(t, ne + col + 1, y, &['.']);
            if px < py && is_pages(&t[px..py]) {
                self.r.page = self.field(px, py);
                self.colon_pages = true;
            }
        }
        true
    }

    /// A genre piece (`news release`, `speech at X`, `report`); returns true when read.
    fn genre(&mut self, x: usize, y: usize) -> Option<()> {
        let t = self.t;
        let s = &t[x..y];
        let (g, kind) = GENRES.iter().find(|(g, _)| {
            starts_ci(s, g)
                && s[g.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })?;
        if self.r.genre.is_some() {
            return None;
        }
        // "speech at Sorbonne University": the event follows "at"/"to"/"before".
        let rest = &s[g.len()..];
        let mut genre_end = x + g.len();
        for key in [" at ", " to ", " before ", " delivered at ", " given at "] {
            if let Some(stripped) = rest.strip_prefix(key) {
                let _ = stripped;
                self.r.event = self.field(x + g.len() + key.len(), y);
                break;
            }
        }
        if self.r.event.is_none() && rest.trim().is_empty() {
            genre_end = y;
        }
        // "working paper 2024-03", "Policy Brief No. 15": the number after the genre.
        if self.r.event.is_none() && !rest.trim().is_empty() {
            let (nx, ny) = trim(t, x + g.len(), y, &[',', ';', '.']);
            let (nx, ny) = match t[nx..ny]
                .strip_prefix("No. ")
                .or(t[nx..ny].strip_prefix("no. "))
            {
                Some(n) => (ny - n.len(), ny),
                None => (nx, ny),
            };
            let n = &t[nx..ny];
            if n.chars().any(|c| c.is_ascii_digit())
                && n.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
                && n.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '–' | '.' | '/'))
            {
                self.r.number = Some(Spanned::new(n.to_string(), Span::new(nx, ny)));
            }
        }
        let _ = genre_end;
        self.r.genre = Some(Spanned::new(
            s[..g.len()].to_string(),
            Span::new(x, x + g.len()),
        ));
        self.r.kind = *kind;
        Some(())
    }

    // ---------------------------------------------------------- designations

    /// Report numbers, series and preprint ids, read from the fields the shapes above
    /// filled: a genre or container that is a designation (`CRS Report R47258`,
    /// `Policy Analysis no. 788`, `NIDS Commentary No. 123`), an APA designation after
    /// the title, a series after a book title (`Title. Cornell Studies in Security
    /// Affairs.`), a Japanese series in 『』 (`『NIDSコメンタリー』第123号`), and arXiv
    /// and SSRN preprints.
    fn designations(&mut self) {
        let t = self.t;
        self.preprint();
        if self.r.language.as_deref() != Some("en") {
            self.ja_series();
            return;
        }
        if let Some((x, y)) = self.designation.take() {
            self.apply_designation(x, y);
        }
        // A genre that holds a number: "CRS Report IF12345", "RAND RR-A314-1".
        if self.r.number.is_none()
            && let Some(sp) = self.r.genre.as_ref().and_then(|g| g.span)
            && designation(t, sp.start, sp.end).is_some()
        {
            let genre = self.r.genre.take();
            if !self.apply_designation(sp.start, sp.end) {
                self.r.genre = genre;
            }
        }
        // "Policy Analysis no. 788" read as a journal "Policy Analysis no." with volume
        // 788: a journal gives its volume before the number, never "no." alone.
        if self.r.number.is_none()
            && self.r.issue.is_none()
            && let (Some(c), Some(v)) = (&self.r.container_title, &self.r.volume)
            && let (Some(cs), Some(vs)) = (c.span, v.span)
            && (c.value.ends_with(" no.") || c.value.ends_with(" No."))
            && cs.end <= vs.start
            && t[cs.end..vs.start].trim().is_empty()
            && self.apply_designation(cs.start, vs.end)
        {
            self.r.container_title = None;
            self.r.volume = None;
        }
        // A container that is a designation: "CRS Report R47258", "JIIA Policy Brief No.
        // 2024-01"; a series named as a kind of paper with a number, in a reference
        // that has a publisher ("East Asia Policy Paper 10 (Washington, DC: Brookings
        // Institution, 2017)"), where a journal would give its volume.
        let published = self.r.publisher.is_some();
        if self.r.number.is_none()
            && self.r.volume.is_none()
            && self.r.issue.is_none()
            && let Some(cs) = self.r.container_title.as_ref().and_then(|c| c.span)
            && let Some(d) = designation(t, cs.start, cs.end)
            && (d.marked
                || d.prefix.is_some_and(|(px, py)| {
                    let p = &t[px..py];
                    match classify(p) {
                        Some(Designated::Series) => {
                            published && p.rsplit(' ').next().is_some_and(is_doc_word)
                        }
                        Some(_) => true,
                        None => false,
                    }
                }))
            && self.apply_designation(cs.start, cs.end)
        {
            self.r.container_title = None;
        }
        self.title_series();
        // "U.S.-Japan Relations, IF10199 (Washington, DC: CRS, 2024)": a report number
        // (capitals and digits, one word) after the comma of an unquoted title with a
        // publication parenthesis.
        if self.r.number.is_none()
            && !self.quoted
            && self.book_paren
            && let Some(sp) = self.r.title.as_ref().and_then(|x| x.span)
            && let Some(c) = t[sp.start..sp.end].rfind(", ")
        {
            let (nx, ny) = (sp.start + c + 2, sp.end);
            let n = &t[nx..ny];
            if n.bytes().any(|b| b.is_ascii_digit())
                && n.bytes().any(|b| b.is_ascii_uppercase())
                && n.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
            {
                self.r.number = self.field(nx, ny);
                self.r.title = self.field(sp.start, sp.start + c);
                self.r.kind = ReferenceType::Report;
            }
        }
        // A thesis is published by its university, not contained in it.
        if self.r.kind == ReferenceType::Thesis && self.r.publisher.is_none() {
            self.r.publisher = self.r.container_title.take();
        }
    }

    /// Split the designation `t[x..y]` into genre or series and number; false when it
    /// is not one.
    fn apply_designation(&mut self, x: usize, y: usize) -> bool {
        let t = self.t;
        let Some(d) = designation(t, x, y) else {
            return false;
        };
        let kind = match d.prefix {
            None => None,
            Some((px, py)) => match classify(&t[px..py]) {
                None => return false,
                k => k,
            },
        };
        if let Some((px, py)) = d.prefix {
            match kind {
                Some(Designated::Genre) if self.r.genre.is_none() => {
                    self.r.genre = self.field(px, py);
                }
                Some(Designated::Series) => self.r.collection_title = self.field(px, py),
                _ => {}
            }
        }
        let number = Some(Spanned::new(
            t[d.number.0..d.number.1].to_string(),
            Span::new(d.number.0, d.number.1),
        ));
        if self.r.kind == ReferenceType::Book && self.r.collection_title.is_some() {
            self.r.collection_number = number;
        } else {
            self.r.number = number;
        }
        self.report();
        true
    }

    /// A work with a report number or series is a report unless typed as something
    /// that has one (a book, a chapter, a thesis, a preprint).
    fn report(&mut self) {
        if matches!(
            self.r.kind,
            ReferenceType::Webpage
                | ReferenceType::ArticleJournal
                | ReferenceType::ArticleMagazine
                | ReferenceType::ArticleNewspaper
                | ReferenceType::Document
        ) {
            self.r.kind = ReferenceType::Report;
        }
        self.typed = true;
    }

    /// "Title. Cornell Studies in Security Affairs." and "Title. Policy Analysis 788.":
    /// the last sentence of an unquoted book or report title is its series when it is a
    /// designation or names a series (`Series`, `Studies`, `Papers`).
    fn title_series(&mut self) {
        let t = self.t;
        if self.quoted || self.r.collection_title.is_some() {
            return;
        }
        let Some(sp) = self.r.title.as_ref().and_then(|x| x.span) else {
            return;
        };
        if self.r.title.as_ref().map(|x| x.value.as_str()) != t.get(sp.start..sp.end) {
            return;
        }
        let Some(k) = t.as_bytes()[sp.start..sp.end]
            .windows(2)
            .rposition(|w| w == b". ")
        else {
            return;
        };
        let (tx, ty) = (sp.start + k + 2, sp.end);
        let tail = &t[tx..ty];
        let numbered = designation(t, tx, ty)
            .is_some_and(|d| d.prefix.and_then(|(px, py)| classify(&t[px..py])).is_some());
        let named = classify(tail) == Some(Designated::Series)
            && tail.split_whitespace().any(|w| {
                matches!(
                    w,
                    "Series" | "Studies" | "Papers" | "Library" | "Monographs"
                )
            });
        if !(numbered || named) {
            return;
        }
        if numbered {
            if !self.apply_designation(tx, ty) {
                return;
            }
        } else {
            self.r.collection_title = self.field(tx, ty);
        }
        self.r.title = self.field(sp.start, sp.start + k);
    }

    /// 『NIDSコメンタリー』第123号: a series word ends the container, which is then the
    /// series and its issue the report's number.
    fn ja_series(&mut self) {
        let Some(c) = &self.r.container_title else {
            return;
        };
        let name = c.value.trim_end_matches(['―', '—', '-', ' ', '　']);
        let series = JA_SERIES.iter().any(|w| name.ends_with(w))
            || ["brief", "commentary", "paper", "papers"].iter().any(|w| {
                name.len() >= w.len()
                    && name.as_bytes()[name.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
            });
        if !series {
            return;
        }
        self.r.collection_title = self.r.container_title.take();
        if self.r.volume.is_none() {
            self.r.number = self.r.issue.take();
        }
        self.report();
    }

    /// arXiv and SSRN preprints: an arXiv id (`arXiv:2401.01234`) in the container or
    /// publisher is the number (the words before it, `arXiv preprint`, the genre); a
    /// preprint server named alone, an arXiv or SSRN DOI or an arXiv URL make the type
    /// `article`.
    fn preprint(&mut self) {
        let t = self.t;
        for container in [true, false] {
            let f = if container {
                &self.r.container_title
            } else {
                &self.r.publisher
            };
            let Some(sp) = f.as_ref().and_then(|f| f.span) else {
                continue;
            };
            let s = &t[sp.start..sp.end];
            if let Some(k) = crate::text::find_bytes(s.as_bytes(), b"arXiv:") {
                let id_end = s[k + 6..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '-')))
                    .map_or(s.len(), |e| k + 6 + e);
                let id = s[k + 6..id_end].trim_end_matches('.');
                if id.chars().any(|c| c.is_ascii_digit()) {
                    let ne = sp.start + k + 6 + id.len();
                    self.r.number = Some(Spanned::new(
                        t[sp.start + k..ne].to_string(),
                        Span::new(sp.start + k, ne),
                    ));
                    if self.r.genre.is_none() {
                        self.r.genre = self.field(sp.start, sp.start + k);
                    }
                    if container {
                        self.r.container_title = None;
                    } else {
                        self.r.publisher = None;
                    }
                    self.r.kind = ReferenceType::Article;
                    self.typed = true;
                    return;
                }
            }
            if PREPRINT_SERVERS
                .iter()
                .any(|p| s.trim_end_matches('.').eq_ignore_ascii_case(p))
            {
                if !container && self.r.container_title.is_none() {
                    self.r.container_title = self.r.publisher.take();
                }
                self.r.kind = ReferenceType::Article;
                self.typed = true;
                return;
            }
        }
        let doi = self.r.doi.as_ref().map_or("", |d| d.value.as_str());
        let url = self.r.url.as_ref().map_or("", |d| d.value.as_str());
        if (starts_ci(doi, "10.48550/arxiv.")
            || starts_ci(doi, "10.2139/ssrn.")
            || crate::text::find_bytes(url.as_bytes(), b"arxiv.org/abs/").is_some())
            && self.r.container_title.is_none()
            && matches!(
                self.r.kind,
                ReferenceType::Webpage | ReferenceType::Report | ReferenceType::Book
            )
        {
            self.r.kind = ReferenceType::Article;
            self.typed = true;
        }
    }

    // ---------------------------------------------------------------- finish

    fn finish(mut self) -> Option<Reference> {
        if self.r.repeat.is_none() {
            self.designations();
        }
        for (role, p) in std::mem::take(&mut self.names.people) {
            match role {
                Role::Author => self.r.authors.push(p),
                Role::Editor => self.r.editors.push(p),
                Role::Translator => self.r.translators.push(p),
            }
        }
        self.r.et_al = self.names.et_al;
        let r = &mut self.r;
        let english = r.language.as_deref() == Some("en");
        // "Yomiuri Shimbun, “Title,” May 3, 2024": a news outlet named where the author
        // stands is the newspaper the article is in, as `読売新聞「…」` is.
        if english
            && self.quoted
            && !self.typed
            && r.container_title.is_none()
            && r.repeat.is_none()
            && let [author] = r.authors.as_slice()
            && let Some(name) = author.value.literal.as_deref()
            && has_word(name, NEWS_OUTLETS)
            && !is_issuer(name)
        {
            let a = r.authors.remove(0);
            r.container_title = a
                .span
                .map(|sp| Spanned::new(a.value.literal.unwrap_or_default(), sp));
        }
        if english && r.repeat.is_none() && !self.typed {
            // The type, from what was found, unless a genre already set it.
            if self.chapter {
                r.kind = ReferenceType::Chapter;
            } else if r.genre.is_some() {
                // kept
            } else if self.book_paren && !self.quoted {
                let publisher = r.publisher.as_ref().map_or("", |p| p.value.as_str());
                let title = r.title.as_ref().map_or("", |p| p.value.as_str());
                r.kind = if !is_book_publisher(publisher)
                    && (is_issuer(publisher)
                        || has_word(title, &["report", "review", "strategy", "white paper"]))
                {
                    ReferenceType::Report
                } else {
                    ReferenceType::Book
                };
            } else if let Some(c) = &r.container_title {
                let c = c.value.as_str();
                r.kind = if is_magazine(c) || has_word(c, &["magazine"]) {
                    ReferenceType::ArticleMagazine
                } else if self.colon_pages
                    || r.volume.is_some()
                    || r.issue.is_some()
                    || has_word(c, JOURNALS) && !crate::names::is_org(c)
                {
                    ReferenceType::ArticleJournal
                } else if has_word(c, NEWSPAPERS) {
                    ReferenceType::ArticleNewspaper
                } else {
                    ReferenceType::Webpage
                };
            } else if self.quoted && (r.publisher.is_some() || r.publisher_place.is_some()) {
                // IEEE technical report: "“Title,” Institution, Place, Year."
                r.kind = ReferenceType::Report;
            } else if !self.quoted && r.title.is_some() && r.issued.is_some() {
                let title = r.title.as_ref().map_or("", |x| x.value.as_str());
                r.kind = if has_word(title, &["charter", "convention", "protocol", "treaty"]) {
                    ReferenceType::Legislation
                } else if r.url.is_none()
                    && has_word(title, POLICY_DOCUMENT_WORDS)
                    && r.authors.first().is_some_and(|p| p.value.literal.is_some())
                {
                    // An office's strategy or review, cited without a link.
                    ReferenceType::Report
                } else {
                    ReferenceType::Webpage
                };
            }
        }
        if english
            && self.quoted
            && r.repeat.is_none()
            && r.container_title.is_none()
            && r.issued.is_none()
            && r.publisher.is_none()
            && r.genre.is_none()
            && r.url.is_none()
            && r.doi.is_none()
            && !r.authors.is_empty()
            && !self.chapter
        {
            r.repeat = Some(Repeat {
                kind: RepeatKind::ShortForm,
                target: None,
            });
        }
        // A chapter of proceedings is a conference paper.
        if self.r.kind == ReferenceType::Chapter
            && self
                .r
                .container_title
                .as_ref()
                .is_some_and(|c| is_proceedings(&c.value))
        {
            self.r.kind = ReferenceType::PaperConference;
        }
        let r = self.r;
        let has_any = r.title.is_some()
            || (r.container_title.is_some() && r.issued.is_some())
            || r.url.is_some()
            || r.doi.is_some()
            || r.repeat.is_some()
            || (!r.authors.is_empty() && r.issued.is_some());
        has_any.then_some(r)
    }
}

/// A cited paragraph or chapter of an English note, kept as written: `para. 27`,
/// `paras. 4–6`, `¶ 12`, `chap. 2`, `ch. 3`, `chapter 4` (a number follows the word).
fn is_division(s: &str) -> bool {
    ["para. ", "paras. ", "¶", "chap. ", "ch. ", "chapter "]
        .iter()
        .any(|p| s.starts_with(p))
        && s.chars().any(|c| c.is_ascii_digit())
        && s.len() <= 24
}

/// True when `names` ends with an initial (`Goldstein, Lyle J`), whose period follows.
fn ends_with_initial(names: &str) -> bool {
    let mut cs = names.chars().rev();
    cs.next().is_some_and(char::is_uppercase) && cs.next().is_none_or(|c| c == ' ' || c == '.')
}

/// Where a title `t[x..y]` ends without a last sentence that is an edition
/// (`Title. 3rd ed.` → `Title`).
fn without_edition(t: &str, x: usize, y: usize) -> usize {
    match t[x..y].rfind(". ") {
        Some(k) if is_edition(&t[x + k + 2..y]) => x + k,
        _ => y,
    }
}

/// The ends of the sentences of `s`: every period at depth 0 followed by a space.
fn sentence_ends(s: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut d = Depth::default();
    for (i, c) in s.char_indices() {
        if d.feed(c) == 0 && c == '.' && s[i + 1..].starts_with(' ') {
            ends.push(i);
        }
    }
    ends
}

/// A Vancouver date, year first (`2021`, `2020 Mar`, `2019 Oct 5`), read by the date
/// crate.
fn vancouver_date_value(s: &str) -> Option<Date> {
    let mut w = s.split(' ');
    let (year, mon, day) = (w.next().unwrap_or(""), w.next(), w.next());
    let text = match (mon, day) {
        (Some(m), Some(d)) => format!("{m} {d}, {year}"),
        (Some(m), None) => format!("{m} {year}"),
        _ => year.to_string(),
    };
    domei_dates::parse(&text)
}

/// A reference written in Japanese (any CJK character).
fn japanese_text(s: &str) -> bool {
    s.chars().any(is_cjk)
}

/// Abbreviated words of proceedings and journal names (`Proc. IEEE Int. Conf.`), whose
/// period does not end a sentence.
const PROCEEDINGS_ABBREVIATIONS: &[&str] = &[
    "Proc", "Conf", "Int", "Intl", "Symp", "Annu", "Natl", "Assoc", "Soc", "Trans", "Comput",
    "Workshop", "Eur", "Amer", "Am", "Jpn", "Res", "Sci", "Eng", "Technol", "Syst", "Rev",
];

/// The name of conference proceedings (`Proc. IEEE MILCOM`, `Proceedings of ACL`,
/// `International Conference on …`, `Symposium`, `Workshop`).
fn is_proceedings(c: &str) -> bool {
    starts_ci(c, "proc.")
        || starts_ci(c, "proc ")
        || has_word(
            c,
            &["conf", "conference", "proceedings", "symposium", "workshop"],
        )
}

/// The byte offset of the `)` that closes the `(` at `a`, before `b`.
fn close_paren(t: &str, a: usize, b: usize) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in t[a..b].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(a + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Preprint servers, named as the container or publisher of a preprint.
const PREPRINT_SERVERS: &[&str] = &[
    "arXiv",
    "SSRN",
    "bioRxiv",
    "medRxiv",
    "SocArXiv",
    "PsyArXiv",
    "Research Square",
    "OSF Preprints",
    "Preprints.org",
];

/// Words that end the name of a Japanese report series.
const JA_SERIES: &[&str] = &[
    "コメンタリー",
    "ブリーフィング・メモ",
    "ワーキングペーパー",
    "ワーキング・ペーパー",
    "ディスカッションペーパー",
    "ディスカッション・ペーパー",
    "ポリシーブリーフ",
    "ポリシー・ブリーフ",
    "ポリシー・ペーパー",
    "ポリシーペーパー",
    "調査報告書",
    "研究叢書",
];

/// 'NIDSコメンタリー第145号', 'ワーキングペーパー No.24-07': where the series name ends
/// (after a series word) and the number's byte range, in `s`.
fn ja_series_number(s: &str) -> Option<(usize, usize, usize)> {
    // The number ends the piece (第N号, N号) or follows `No.`: most pieces have neither,
    // and are not searched for the series words.
    let bytes = s.as_bytes();
    if !(s.ends_with('号')
        || crate::text::find_bytes(bytes, b"No.").is_some()
        || crate::text::find_bytes(bytes, b"no.").is_some())
    {
        return None;
    }
    let e = JA_SERIES
        .iter()
        .filter_map(|w| crate::text::find_bytes(bytes, w.as_bytes()).map(|i| i + w.len()))
        .max()?;
    let rest = &s[e..];
    let lead = rest.len() - rest.trim_start_matches([' ', '　']).len();
    let mut ns = e + lead;
    let r = &s[ns..];
    let body = if let Some(b) = r.strip_prefix('第') {
        ns += '第'.len_utf8();
        b.strip_suffix('号')?
    } else if let Some(b) = r.strip_prefix("No.").or_else(|| r.strip_prefix("no.")) {
        ns += 3;
        b.strip_suffix('号').unwrap_or(b)
    } else {
        r.strip_suffix('号')?
    };
    let body_trim = body.trim_start_matches([' ', '　']);
    ns += body.len() - body_trim.len();
    let ok = !body_trim.is_empty()
        && body_trim.chars().any(|c| digit(c).is_some())
        && body_trim
            .chars()
            .all(|c| digit(c).is_some() || c.is_ascii_alphabetic() || matches!(c, '-' | '－'));
    ok.then_some((e, ns, ns + body_trim.len()))
}

/// Words that name a Japanese book series (`叢書`, `シリーズ`, `新書`, `選書`, …).
const JA_BOOK_SERIES: &[&str] = &[
    "叢書",
    "シリーズ",
    "選書",
    "新書",
    "文庫",
    "ライブラリー",
    "ブックレット",
    "講座",
];

/// `（叢書・安全保障研究 第5巻）…`, `（岩波新書 1234）…`: a parenthesis opening `s` that
/// names a book series. Returns the series name's byte range, the number's range in
/// it (`5`, `1234`) if any, and where the text after the parenthesis starts.
#[allow(clippy::type_complexity)]
fn ja_book_series(s: &str) -> Option<(usize, usize, Option<(usize, usize)>, usize)> {
    let open = ['（', '('].into_iter().find(|&o| s.starts_with(o))?;
    let ts = open.len_utf8();
    let te = ts + s[ts..].find(['）', ')'])?;
    let inner = &s[ts..te];
    if !JA_BOOK_SERIES.iter().any(|w| inner.contains(w)) {
        return None;
    }
    let close = te + s[te..].chars().next().map_or(1, char::len_utf8);
    // The number at the end: 第5巻, 5巻, 第12号, 1234.
    let body = inner.trim_end_matches(['巻', '号']);
    let digits = body
        .char_indices()
        .rev()
        .take_while(|&(_, c)| digit(c).is_some())
        .last()
        .map(|(i, _)| i);
    let number = digits.map(|i| (ts + i, ts + body.len()));
    let name_end = match digits {
        Some(i) => {
            ts + body[..i]
                .trim_end_matches('第')
                .trim_end_matches([' ', '　'])
                .len()
        }
        None => te,
    };
    if name_end <= ts {
        return None;
    }
    Some((ts, name_end, number, close))
}

/// `上`, `中`, `下`, `上巻`, `中巻`, `下巻`: the volume of a Japanese book in parts.
fn is_ja_volume_mark(s: &str) -> bool {
    matches!(s, "上" | "中" | "下" | "上巻" | "中巻" | "下巻")
}

/// A label that a web copy or a note puts in brackets after a title about the form or
/// the language of the cited file (`PDF`, `PDF: 1.2MB`, `仮訳`, `英文`, `概要`,
/// `外部リンク`, `in Japanese`, `provisional translation`, `video`): no field of the
/// reference, and never its publisher, container or translator. `inner` is what the
/// brackets hold.
pub(crate) fn is_label(inner: &str) -> bool {
    let s = inner.trim();
    if s.len() < 3 || s.len() > 40 {
        return false;
    }
    // Every label starts with one of these: most pieces are passed over at once.
    let first = s.as_bytes()[0];
    let may_start = if first.is_ascii() {
        matches!(
            first | 0x20,
            b'a' | b'c'
                | b'e'
                | b'f'
                | b'h'
                | b'i'
                | b'j'
                | b'k'
                | b'p'
                | b's'
                | b't'
                | b'u'
                | b'v'
        )
    } else {
        matches!(
            s.chars().next(),
            Some(
                '英' | '和'
                    | '日'
                    | '仮'
                    | '暫'
                    | '原'
                    | '全'
                    | '概'
                    | '要'
                    | '本'
                    | '抜'
                    | '外'
                    | '別'
                    | '新'
                    | '動'
            )
        )
    };
    if !may_start {
        return false;
    }
    // `PDF`, `PDF形式`, `PDF: 1.2MB`, `PDF, 2 MB`, `pdf／345KB`.
    if s.as_bytes()[..3].eq_ignore_ascii_case(b"pdf") {
        let rest = s[3..].trim_start_matches([':', '：', '/', '／', ',', '、', ' ', '　']);
        return rest.is_empty()
            || matches!(rest, "形式" | "ファイル" | "版")
            || (rest.starts_with(|c: char| c.is_ascii_digit())
                && ["MB", "KB", "mb", "kb", "ＭＢ", "ＫＢ"]
                    .iter()
                    .any(|u| rest.trim_end().ends_with(u)));
    }
    if s.is_ascii() {
        let s = if s.as_bytes()[..3].eq_ignore_ascii_case(b"in ") {
            &s[3..]
        } else {
            s
        };
        return [
            "html",
            "japanese",
            "korean",
            "chinese",
            "english",
            "provisional translation",
            "tentative translation",
            "unofficial translation",
            "english translation",
            "japanese translation",
            "video",
            "audio",
            "full text",
            "summary",
            "excerpt",
            "external link",
        ]
        .iter()
        .any(|w| w.len() == s.len() && w.eq_ignore_ascii_case(s));
    }
    matches!(
        s,
        "英文"
            | "英語"
            | "英語版"
            | "英語原文"
            | "和文"
            | "和訳"
            | "日本語"
            | "日本語訳"
            | "日本語版"
            | "日本語仮訳"
            | "仮訳"
            | "暫定訳"
            | "英訳"
            | "原文"
            | "全文"
            | "概要"
            | "要旨"
            | "本文"
            | "抜粋"
            | "外部リンク"
            | "外部サイト"
            | "別ウィンドウ"
            | "新しいウィンドウ"
            | "別窓"
            | "動画"
    )
}

/// `第2版`, `2版`, `第二版`, `改訂版`, `新版`, `増補改訂版`, `新装版`, `第3版増補`: an
/// edition statement (ordinals and the words of revision around `版`), and nothing else.
pub(crate) fn is_ja_edition(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "改訂", "改定", "増補", "新装", "新訂", "全訂", "補訂", "決定", "普及", "新", "初", "第",
    ];
    // It ends with 版 or with a revision word after it (`第3版増補`): most pieces (dates,
    // pages, publishers) are told apart by their last character.
    if s.len() > 30 || !(s.ends_with('版') || s.ends_with("増補") || s.ends_with("補訂")) {
        return false;
    }
    let mut rest = s;
    let mut edition = false;
    while let Some(c) = rest.chars().next() {
        if let Some(r) = rest.strip_prefix('版') {
            edition = true;
            rest = r;
        } else if digit(c).is_some() || is_kanji_numeral(c) {
            rest = &rest[c.len_utf8()..];
        } else if let Some(w) = WORDS.iter().find(|w| rest.starts_with(*w)) {
            rest = &rest[w.len()..];
        } else {
            return false;
        }
    }
    edition
}

/// A kanji numeral (`一` … `十`, `百`, `〇`).
fn is_kanji_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百'
    )
}

/// `第3章`, `第2部第1章`, `第三節`, `第1編`, `第III部`: one or more divisions of a work
/// (`第`, a number in digits, kanji or Roman numerals, and `部`, `編`, `章` or `節`), and
/// nothing else.
pub(crate) fn is_ja_division(s: &str) -> bool {
    let roman = |c: char| matches!(c, 'I' | 'V' | 'X' | 'Ｉ' | 'Ｖ' | 'Ｘ' | 'Ⅰ'..='Ⅻ');
    let mut rest = s;
    let mut any = false;
    while let Some(r) = rest.strip_prefix('第') {
        let n = r
            .char_indices()
            .find(|&(_, c)| !(digit(c).is_some() || is_kanji_numeral(c) || roman(c)))
            .map_or(r.len(), |(i, _)| i);
        let Some(unit) = r[n..].chars().next() else {
            return false;
        };
        if n == 0 || !matches!(unit, '部' | '編' | '章' | '節') {
            return false;
        }
        rest = &r[n + unit.len_utf8()..];
        any = true;
    }
    any && rest.is_empty()
}

/// `ちくま新書`, `講談社現代新書`, `岩波文庫`, `新潮選書`, `岩波新書 1234`: a piece that is
/// the name of a 新書, 文庫 or 選書 series, with the book's number after it. Returns where
/// the name ends and the number's range, if any.
#[allow(clippy::type_complexity)]
pub(crate) fn ja_bare_series(s: &str) -> Option<(usize, Option<(usize, usize)>)> {
    if !s.ends_with(|c: char| matches!(c, '書' | '庫') || digit(c).is_some()) {
        return None;
    }
    let body = s.trim_end_matches(|c: char| digit(c).is_some());
    let number = (body.len() < s.len()).then_some((body.len(), s.len()));
    let name = body.trim_end_matches([' ', '　']);
    let series = ["新書", "文庫", "選書"]
        .iter()
        .any(|w| name.ends_with(w) && name.len() > w.len());
    (series && name.chars().count() <= 16).then_some((name.len(), number))
}

/// `（上）有斐閣`, `有斐閣（第2版）`, `筑摩書房（ちくま新書）`: a piece with a bracket at
/// its start or end that holds a volume or edition mark or names a book series, glued
/// to the rest. Returns the bracket's inner range and the rest's range, in `s`.
#[allow(clippy::type_complexity)]
fn ja_glued_mark(s: &str) -> Option<((usize, usize), (usize, usize))> {
    let is_mark = |inner: &str| {
        is_ja_volume_mark(inner)
            || is_ja_edition(inner)
            || is_label(inner)
            || JA_BOOK_SERIES.iter().any(|w| inner.contains(w))
    };
    if let Some(open) = ['（', '('].into_iter().find(|&o| s.starts_with(o)) {
        let is = open.len_utf8();
        let ie = is + s[is..].find(['）', ')'])?;
        let inner = &s[is..ie];
        let close = ie + s[ie..].chars().next().map_or(1, char::len_utf8);
        // A leading series bracket is read with its number by `ja_book_series`.
        if close < s.len()
            && (is_ja_volume_mark(inner) || is_ja_edition(inner) || is_label(inner))
            && !inner.contains(['（', '('])
        {
            return Some(((is, ie), (close, s.len())));
        }
        return None;
    }
    let inner_end = s.strip_suffix(['）', ')'])?.len();
    let o = s[..inner_end].rfind(['（', '('])?;
    let is = o + s[o..].chars().next().map_or(1, char::len_utf8);
    let inner = &s[is..inner_end];
    (o > 0 && !inner.contains(['（', '(']) && is_mark(inner)).then_some(((is, inner_end), (0, o)))
}

/// `t[a..b]` without a bracketed label ([`is_label`]) at its start or its end, or
/// `None` when there is none.
fn label_at_ends(t: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    let s = t.get(a..b)?;
    if !s.starts_with(['(', '[', '（', '［']) && !s.ends_with([')', ']', '）', '］']) {
        return None;
    }
    for (open, close) in [('(', ')'), ('[', ']'), ('（', '）'), ('［', '］')] {
        if let Some(r) = s.strip_prefix(open)
            && let Some(e) = r.find(close)
            && is_label(&r[..e])
        {
            return Some((a + open.len_utf8() + e + close.len_utf8(), b));
        }
        if let Some(r) = s.strip_suffix(close)
            && let Some(o) = r.rfind(open)
            && is_label(&r[o + open.len_utf8()..])
        {
            return Some((a, a + o));
        }
    }
    None
}

/// A designation: the words before a number (without `No.`) and the number.
struct Designation {
    /// The words before the number (`CRS Report`, `Policy Analysis`), if any.
    prefix: Option<(usize, usize)>,
    /// The number as written (`R47258`, `788`, `2024-03`, `RR-A314-1`).
    number: (usize, usize),
    /// A number word (`No.`, `no.`, `Number`, `#`) stood before the number.
    marked: bool,
}

/// `t[x..y]` as a designation ending in a number: `CRS Report R47258`, `Policy Analysis
/// no. 788`, `Working Paper No. 12`, `RR-A314-1`. The number holds a digit and only
/// letters, digits and `-–./:`; a year alone or a date is not one.
fn designation(t: &str, x: usize, y: usize) -> Option<Designation> {
    let (x, y) = trim(t, x, y, &[',', ';', '.', '(', ')']);
    if x >= y {
        return None;
    }
    let s = &t[x..y];
    // "Working Paper 2024-03" is read by `genre`, which knows the number follows.
    if is_date_en(s) {
        return None;
    }
    let ts = s
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let mut ns = ts;
    let mut marked = false;
    for m in ["No.", "no.", "Nr.", "#"] {
        if s[ts..].starts_with(m) && s.len() > ts + m.len() {
            ns = ts + m.len();
            marked = true;
            break;
        }
    }
    let num = &s[ns..];
    let good = num.chars().any(|c| c.is_ascii_digit())
        && num.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && num
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '–' | '.' | '/' | ':'))
        // A year alone is a date, not a number.
        && !(num.len() == 4 && num.chars().all(|c| c.is_ascii_digit()) && ts == 0);
    if !good {
        return None;
    }
    let before = s[..ts].trim_end();
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let pe = if matches!(
        word,
        "No." | "no." | "No" | "no" | "Number" | "number" | "Nr." | "#" | "Nos."
    ) {
        marked = true;
        before.len() - word.len()
    } else {
        before.len()
    };
    let (px, py) = trim(t, x, x + pe, &[',']);
    Some(Designation {
        prefix: (px < py).then_some((px, py)),
        number: (x + ns, y),
        marked,
    })
}

/// What the words before a number say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Designated {
    /// Only an issuer's acronym (`RAND`).
    Issuer,
    /// Kind-of-document words with an acronym or not (`CRS Report`, `Working Paper`).
    Genre,
    /// A name of its own (`Policy Analysis`, `NIDS Commentary`, `Adelphi Papers`).
    Series,
}

/// True for a word of [`DOC_WORDS`], in any case.
fn is_doc_word(w: &str) -> bool {
    DOC_WORDS.iter().any(|d| w.eq_ignore_ascii_case(d))
}

/// Words that name a kind of document; a designation made of these and acronyms only
/// is a genre, one with any other word a series.
const DOC_WORDS: &[&str] = &[
    "brief",
    "briefing",
    "discussion",
    "focus",
    "in",
    "insight",
    "issue",
    "memo",
    "memorandum",
    "note",
    "occasional",
    "paper",
    "policy",
    "rep.",
    "report",
    "research",
    "special",
    "staff",
    "tech.",
    "technical",
    "white",
    "working",
];

/// Classify the words before a number; None when they do not look like a designation
/// (more than six words, or a word that is neither capitalised nor a short connective).
fn classify(p: &str) -> Option<Designated> {
    let words: Vec<&str> = p.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if !words
        .iter()
        .all(|w| capitalised(w) || matches!(*w, "of" | "on" | "in" | "and" | "for" | "the" | "&"))
    {
        return None;
    }
    let acronym =
        |w: &str| w.chars().count() >= 2 && w.chars().all(|c| c.is_ascii_uppercase() || c == '&');
    let generic = is_doc_word;
    Some(if words.iter().all(|w| acronym(w)) {
        Designated::Issuer
    } else if words.iter().all(|w| acronym(w) || generic(w)) {
        Designated::Genre
    } else {
        Designated::Series
    })
}

/// One role or both, as a role prefix names them.
#[derive(Clone, Copy)]
enum Roles {
    One(Role),
    EditorTranslator,
}

/// A role prefix before names (`ed. `, `eds. `, `edited by `, `trans. `, `translated by
/// `, `ed. and trans. `): its length and the role.
fn role_prefix(s: &str) -> Option<(usize, Roles)> {
    const PREFIXES: &[(&str, Roles)] = &[
        ("ed. and trans. ", Roles::EditorTranslator),
        ("edited and translated by ", Roles::EditorTranslator),
        ("edited by ", Roles::One(Role::Editor)),
        ("eds. ", Roles::One(Role::Editor)),
        ("ed. ", Roles::One(Role::Editor)),
        ("translated by ", Roles::One(Role::Translator)),
        ("trans. ", Roles::One(Role::Translator)),
        ("translated and edited by ", Roles::EditorTranslator),
    ];
    PREFIXES
        .iter()
        .find(|(p, _)| starts_ci(s, p))
        .map(|&(p, r)| (p.len(), r))
}

/// A newspaper page: a section letter and a page number (`A23`, `B4`, `A1-A3`).
fn is_news_page(s: &str) -> bool {
    let s = s.trim_end_matches('.');
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 9
        && b[0].is_ascii_uppercase()
        && b.get(1).is_some_and(u8::is_ascii_digit)
        && b.iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'-')
}

/// Countries and the postal codes of US states and Canadian provinces, as IEEE and
/// conference references end a place with them (`Tokyo, Japan`, `Big Sky, MT, USA`).
fn is_region(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() == 2 && b.iter().all(u8::is_ascii_uppercase) {
        return true;
    }
    matches!(
        s,
        "USA"
            | "U.S.A."
            | "US"
            | "U.S."
            | "UK"
            | "U.K."
            | "Japan"
            | "China"
            | "Korea"
            | "South Korea"
            | "Republic of Korea"
            | "Taiwan"
            | "Canada"
            | "Australia"
            | "New Zealand"
            | "India"
            | "Singapore"
            | "Germany"
            | "France"
            | "Italy"
            | "Spain"
            | "Portugal"
            | "Netherlands"
            | "The Netherlands"
            | "Belgium"
            | "Switzerland"
            | "Austria"
            | "Sweden"
            | "Norway"
            | "Denmark"
            | "Finland"
            | "Poland"
            | "Israel"
            | "Brazil"
            | "Mexico"
            | "Philippines"
            | "Vietnam"
            | "Thailand"
            | "Indonesia"
            | "Malaysia"
            | "Hong Kong"
            | "Ireland"
            | "Greece"
            | "Turkey"
            | "Czech Republic"
            | "Estonia"
            | "Ukraine"
            | "England"
            | "Scotland"
    )
}

/// The year that ends an author region in Chicago author-date style (`Suzuki, Takeshi.
/// 2021.`, `Lee, Min. 2020a.`): its range without a letter suffix.
/// True when `s` ends with a dotted initialism before its final period: `U.S`, `E.U`,
/// `U.K` (a capital letter after a period after a capital letter).
fn ends_initialism(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 3
        && b[b.len() - 1].is_ascii_uppercase()
        && b[b.len() - 2] == b'.'
        && b[b.len() - 3].is_ascii_uppercase()
        && (b.len() == 3 || !b[b.len() - 4].is_ascii_alphabetic())
}

fn author_date_year(t: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    let s = t[a..b].trim_end_matches(['.', ' ']);
    let body = s.trim_end_matches(['a', 'b', 'c', 'd']);
    if body.len() < 4 || !body.is_char_boundary(body.len() - 4) {
        return None;
    }
    let year = &body[body.len() - 4..];
    let before = &body[..body.len() - 4];
    (year.bytes().all(|c| c.is_ascii_digit())
        && matches!(year.as_bytes()[0], b'1' | b'2')
        && before.ends_with(". ")
        && before.len() > 2)
        .then(|| (a + before.len(), a + body.len()))
}

/// Where the quote opened by `open` just before `t[a..]` closes: the matching `close`
/// (quotes nest: `“Statement (“2+2”),”`), else the first one. A closing `’` must not be
/// followed by a letter (then it is an apostrophe, `Japan’s`).
fn close_quote(t: &str, a: usize, b: usize, open: char, close: char) -> Option<usize> {
    let s = &t[a..b];
    if open == '\'' {
        // A straight single quote closes before punctuation or the end; before a letter
        // or a space it is an apostrophe ("Japan's", "allies' burden").
        return s
            .char_indices()
            .find(|&(i, c)| {
                c == '\''
                    && s[i + 1..]
                        .chars()
                        .next()
                        .is_none_or(|n| matches!(n, ',' | '.' | ';' | ':' | ')'))
            })
            .map(|(i, _)| a + i);
    }
    let mut first = None;
    let mut depth = 1usize;
    for (i, c) in s.char_indices() {
        if c == close && open != close {
            if close == '’' && s[i + c.len_utf8()..].starts_with(char::is_alphanumeric) {
                continue;
            }
            first.get_or_insert(i);
            depth -= 1;
            if depth == 0 {
                return Some(a + i);
            }
        } else if c == open {
            if open == close {
                return Some(a + i);
            }
            depth += 1;
        }
    }
    first.map(|i| a + i)
}

/// The last top-level parenthesis of `t[a..b]` that holds a year: `(Publisher, 2024)`.
fn last_year_paren(t: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    let s = &t[a..b];
    let mut best = None;
    let mut depth = 0;
    let mut open = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let inner = &s[open + 1..i];
                    let has_year = inner
                        .split(|c: char| !c.is_ascii_digit())
                        .any(|w| w.len() == 4 && (w.starts_with('1') || w.starts_with('2')));
                    if has_year && open > 0 {
                        best = Some((a + open, a + i));
                    }
                }
            }
            _ => {}
        }
    }
    best
}

/// True for a publisher that issues reports rather than books (a government body, an
/// institute, or an acronym such as `IISS`).
fn is_issuer(p: &str) -> bool {
    if p.len() >= 2 && p.len() <= 6 && p.chars().all(|c| c.is_ascii_uppercase()) {
        return true;
    }
    has_word(
        p,
        &[
            "administration",
            "agency",
            "bureau",
            "center",
            "centre",
            "commission",
            "committee",
            "congress",
            "corporation",
            "council",
            "department",
            "foundation",
            "government",
            "institute",
            "ministry",
            "office",
            "parliament",
            "secretariat",
            "service",
        ],
    )
}

/// Length of an edition statement at the start of `s` with its period (`2nd edn.`,
/// `3rd ed.`, `Rev. ed.`).
fn edition_len(s: &str) -> Option<usize> {
    // Two words, the second ending with its period and followed by a space: "2nd ed. ",
    // "Rev. ed. " (the first may end with a period of its own).
    let mut words = s.splitn(3, ' ');
    let (n, e) = (words.next()?, words.next()?);
    let len = n.len() + 1 + e.len();
    if !s[len..].starts_with(' ') {
        return None;
    }
    edition_words(n, e.strip_suffix('.')?).then_some(len)
}

/// True when `s` is an edition statement and nothing else (`2nd ed.`, `rev. ed`,
/// `new edition`), with or without its final period.
fn is_edition(s: &str) -> bool {
    let s = s.strip_suffix('.').unwrap_or(s);
    s.split_once(' ')
        .is_some_and(|(n, e)| !e.contains(' ') && edition_words(n, e))
}

/// `n e` reads as an edition: an ordinal or a word like `Rev.`/`new`, then `ed`, `edn`
/// or `edition`.
fn edition_words(n: &str, e: &str) -> bool {
    let ordinal = n.starts_with(|c: char| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].iter().any(|x| n.ends_with(x))
        || matches!(
            n,
            "Rev." | "rev." | "Revised" | "revised" | "New" | "new" | "Expanded" | "expanded"
        );
    ordinal && matches!(e, "edn" | "ed" | "edition")
}

/// True for a publisher of books: a press, a publishing house (`Cornell University
/// Press`, `Routledge`), whatever the title says.
fn is_book_publisher(p: &str) -> bool {
    has_word(
        p,
        &[
            "bloomsbury",
            "books",
            "brill",
            "doubleday",
            "elsevier",
            "hurst",
            "knopf",
            "lynne rienner",
            "macmillan",
            "norton",
            "palgrave",
            "penguin",
            "polity",
            "press",
            "publisher",
            "publishers",
            "publishing",
            "routledge",
            "rowman",
            "springer",
            "verlag",
            "wiley",
        ],
    )
}

/// `t[a..b]` trimmed, without a parenthesis that wraps it whole or a stray one at an
/// edge (`（岩波書店、2020年）`, `2020年）`), but keeping `12(3)`.
fn unwrap_parens(t: &str, a: usize, b: usize) -> (usize, usize) {
    let (mut a, mut b) = trim(t, a, b, &[]);
    let opens = ['(', '（', '〔'];
    let closes = [')', '）', '〕'];
    loop {
        let s = &t[a..b];
        let open_n = s.matches(opens).count();
        let close_n = s.matches(closes).count();
        if let Some(c) = s.chars().next()
            && opens.contains(&c)
            && (close_n < open_n || s.ends_with(closes))
        {
            a += c.len_utf8();
        } else if let Some(c) = s.chars().next_back()
            && closes.contains(&c)
            && close_n > open_n
        {
            b -= c.len_utf8();
        } else {
            break;
        }
        if s.ends_with(closes) && t[a..b].matches(opens).count() < t[a..b].matches(closes).count() {
            b -= t[a..b].chars().next_back().map_or(0, char::len_utf8);
        }
        let (x, y) = trim(t, a, b, &[]);
        a = x;
        b = y;
        if a >= b {
            break;
        }
    }
    (a, b)
}
