//! Segmentation: every line gets a role, consecutive lines of one unit become a block,
//! and the metadata lines fill [`Metadata`].
//!
//! The order of decisions: the notes section (a notes heading, or a trailing run of
//! numbered notes whose numbers the body cites), chrome by vocabulary and chrome regions,
//! the header (everything before the first body line), the tail (signature, closing date,
//! byline, series and summary after the body), and last the body itself (headings with
//! levels, quotations, list items, paragraphs).

use domei_model::{
    Author, AuthorRole, Block, BlockKind, ChromeKind, DateMention, Diagnostic, Document,
    DocumentKind, Encoding, FORMAT_VERSION, MetaField, Metadata, OtherTitle, Severity, Source,
    Span, Spanned, Translation,
};

use crate::lines::{self, Line, chars, ends_sentence, is_space, japanese_ratio, sentence_count};
use crate::vocab::{self, Scheme};

/// The role of one line.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Role {
    Unset,
    Blank,
    Meta(MetaField),
    Heading(Option<Scheme>, usize),
    Paragraph,
    /// A further line of a paragraph hard-wrapped at a fixed width (a PDF copy).
    ParaCont,
    Quote,
    ListItem(usize),
    NotesHeading,
    NoteStart(usize),
    NoteCont,
    Signature,
    Chrome(ChromeKind),
}

/// Parse decoded text into a segmented document with metadata. Never fails: problems
/// become diagnostics.
pub fn parse_text(path: &str, text: String) -> Document {
    let (lines, endings) = lines::split(&text);
    let mut p = Parser {
        text: &text,
        lines: &lines,
        chrome: lines.iter().map(|l| vocab::chrome_kind(l.text)).collect(),
        roles: vec![Role::Unset; lines.len()],
        meta: Metadata::default(),
        diags: Vec::new(),
        title_line: None,
    };
    p.run();
    let Parser {
        roles, meta, diags, ..
    } = p;
    let blocks = build_blocks(&text, &lines, &roles);
    let mut meta = meta;
    let mut diags = diags;
    if text.trim_matches(is_space).is_empty() {
        diags.push(Diagnostic::new(
            Severity::Warning,
            "input.empty",
            "the file holds no text",
        ));
    }
    if let Some(long) = lines.iter().position(|l| l.end - l.start > 1 << 20) {
        diags.push(Diagnostic {
            line: Some(long + 1),
            ..Diagnostic::new(
                Severity::Info,
                "input.long_line",
                format!(
                    "line {} is {} bytes long; it was kept as one block",
                    long + 1,
                    lines[long].end - lines[long].start
                ),
            )
            .at(Span::new(lines[long].start, lines[long].end))
        });
    }
    meta.language = detect_language(&text, &lines, &roles);
    detect_translation(&text, &blocks, &mut meta);
    meta.kind = detect_kind(&text, &blocks, &meta);
    let text_len = text.len();
    Document {
        format_version: FORMAT_VERSION,
        id: document_id(path),
        source: Source {
            path: path.to_owned(),
            byte_len: text_len as u64,
            sha256: String::new(),
            encoding: Encoding {
                name: "UTF-8".to_owned(),
                ..Encoding::default()
            },
            line_endings: endings,
            text_len,
        },
        metadata: meta,
        blocks,
        text,
        anchors: Vec::new(),
        notes: Vec::new(),
        dates: Vec::new(),
        mentions: Vec::new(),
        entities: Default::default(),
        diagnostics: diags,
    }
}

/// A stable id from a file name: its stem, with anything but ASCII letters, digits,
/// `_`, `-` and `.` replaced by `_`.
pub fn document_id(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    };
    let id: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if id.is_empty() || id == "-" {
        "stdin".to_owned()
    } else {
        id
    }
}

struct Parser<'a> {
    text: &'a str,
    lines: &'a [Line<'a>],
    /// The chrome kind of each line by vocabulary, computed once.
    chrome: Vec<Option<ChromeKind>>,
    roles: Vec<Role>,
    meta: Metadata,
    diags: Vec<Diagnostic>,
    /// The line that holds the title.
    title_line: Option<usize>,
}

impl Parser<'_> {
    fn run(&mut self) {
        for (i, l) in self.lines.iter().enumerate() {
            if l.is_blank() {
                self.roles[i] = Role::Blank;
            }
        }
        let notes_start = self.find_notes();
        let limit = notes_start.unwrap_or(self.lines.len());
        self.mark_chrome(limit);
        self.mark_running_heads(limit);
        self.mark_counts();
        let body_start = self.header(limit);
        let body_end = self.tail(body_start, limit);
        self.body(body_start, body_end);
        // Author profiles may also follow the notes.
        if let Some(n) = notes_start {
            self.profiles(n, self.lines.len(), true);
        }
        self.author_cards(body_end);
        // Without a date of its own, an article is dated by the issue it appeared in.
        if self.meta.published.is_none() {
            self.meta.published = self.meta.issue_date.clone();
        }
        // Anything left (chrome-free lines between regions) is body text.
        for i in 0..self.lines.len() {
            if self.roles[i] == Role::Unset {
                self.roles[i] = Role::Paragraph;
            }
        }
    }

    fn span(&self, i: usize) -> Span {
        Span::new(self.lines[i].content_start, self.lines[i].content_end)
    }

    fn spanned(&self, i: usize) -> Spanned<String> {
        Spanned::new(self.lines[i].text.to_owned(), self.span(i))
    }

    /// Sub-span of line `i` for `part`, which must be a slice of its text.
    fn sub(&self, i: usize, part: &str) -> Spanned<String> {
        let line = self.lines[i].text;
        let off = (part.as_ptr() as usize).checked_sub(line.as_ptr() as usize);
        match off.filter(|&o| o + part.len() <= line.len()) {
            Some(off) => {
                let start = self.lines[i].content_start + off;
                Spanned::new(part.to_owned(), Span::new(start, start + part.len()))
            }
            // Not a slice of the line (a bug of the caller): keep the value, without a span.
            None => Spanned::detached(part.to_owned()),
        }
    }

    fn next_nonblank(&self, from: usize, limit: usize) -> Option<usize> {
        (from..limit).find(|&i| !self.lines[i].is_blank())
    }

    fn prev_nonblank(&self, before: usize) -> Option<usize> {
        (0..before).rev().find(|&i| !self.lines[i].is_blank())
    }

    // ---------------------------------------------------------------- notes section

    /// Find and mark the notes section; returns the index of its first line.
    fn find_notes(&mut self) -> Option<usize> {
        let n = self.lines.len();
        // A notes heading: the last one in the text, after some body text.
        let heading = (1..n).rev().find(|&i| {
            vocab::is_notes_heading(self.lines[i].text) && self.prev_nonblank(i).is_some()
        });
        if let Some(h) = heading {
            self.roles[h] = Role::NotesHeading;
            self.mark_notes(h + 1, n, true);
            // Notes may stand just before a references heading (`(注1)…` then `参考文献`).
            let mut first_label = None;
            let mut j = h;
            while j > 0 {
                j -= 1;
                let t = self.lines[j].text;
                if t.is_empty() || looks_like_url(t) {
                    continue;
                }
                match vocab::note_label(t) {
                    Some(_) => first_label = Some(j),
                    None => break,
                }
            }
            if let Some(f) = first_label {
                let (num, len) = vocab::note_label(self.lines[f].text).unwrap_or((0, 0));
                let label = self.lines[f].text[..len].trim_matches(is_space);
                if num == 1 && f > 0 && cites_note_one(&self.text[..self.lines[f].start], label) {
                    self.mark_notes(f, h, false);
                    return Some(f);
                }
            }
            return Some(h);
        }
        // No heading: a trailing run of numbered notes starting at 1 whose labels the body cites.
        let mut candidate = None;
        let mut expected_last = None;
        for i in (0..n).rev() {
            let l = &self.lines[i];
            if l.is_blank() {
                continue;
            }
            if self.chrome[i].is_some() && candidate.is_none() {
                continue;
            }
            match vocab::note_label(l.text) {
                Some((num, _)) => {
                    if let Some(prev) = expected_last {
                        if num >= prev {
                            break;
                        }
                    }
                    expected_last = Some(num);
                    if num == 1 {
                        candidate = Some(i);
                        break;
                    }
                }
                None => {
                    // A continuation line (URL, second line of a note) may follow a labelled line.
                    if expected_last.is_none() && !looks_like_continuation(l.text) {
                        break;
                    }
                    if expected_last.is_some() && !looks_like_continuation(l.text) {
                        break;
                    }
                }
            }
        }
        let start = candidate?;
        let (_, label_len) = vocab::note_label(self.lines[start].text)?;
        let label = &self.lines[start].text[..label_len];
        let cited = cites_note_one(&self.text[..self.lines[start].start], label.trim());
        if !cited || start == 0 {
            return None;
        }
        self.mark_notes(start, n, false);
        Some(start)
    }

    fn mark_notes(&mut self, from: usize, to: usize, after_heading: bool) {
        let mut open = false;
        let mut labelled = false;
        let mut after_blank = false;
        for i in from..to {
            let l = self.lines[i];
            if l.is_blank() {
                after_blank = true;
                continue;
            }
            let blank_before = std::mem::replace(&mut after_blank, false);
            if let Some(kind) = self.chrome[i] {
                self.roles[i] = Role::Chrome(kind);
                if vocab::opens_chrome_region(kind, l.text) {
                    for j in i + 1..to {
                        if !self.lines[j].is_blank() {
                            self.roles[j] = Role::Chrome(self.chrome[j].unwrap_or(kind));
                        }
                    }
                    return;
                }
                open = false;
            } else if let Some((_, len)) = vocab::note_label(l.text) {
                self.roles[i] = Role::NoteStart(len);
                open = true;
                labelled = true;
            } else if open && (!blank_before || looks_like_url(l.text) || l.content_start > l.start)
            {
                // The next line of a note (or, after a blank line, its indented or URL line).
                self.roles[i] = Role::NoteCont;
            } else if after_heading && !labelled {
                // A bibliography without labels: one entry per line.
                self.roles[i] = Role::NoteStart(0);
                open = true;
            } else {
                // Past the notes: a bio, a disclaimer, an end mark. Left to the body rules.
                open = false;
            }
        }
    }

    // ---------------------------------------------------------------- chrome

    fn mark_chrome(&mut self, limit: usize) {
        let mut region: Option<ChromeKind> = None;
        for i in 0..limit {
            if self.roles[i] != Role::Unset {
                continue;
            }
            let text = self.lines[i].text;
            if vocab::is_toc_label(text) {
                // A table of contents: its short lines up to a blank or a long line.
                self.roles[i] = Role::Chrome(ChromeKind::Navigation);
                let mut k = i + 1;
                while k < limit
                    && !self.lines[k].is_blank()
                    && chars(self.lines[k].text) <= 40
                    && !ends_sentence(self.lines[k].text)
                {
                    self.roles[k] = Role::Chrome(ChromeKind::Navigation);
                    k += 1;
                }
                continue;
            }
            if let Some(kind) = self.chrome[i] {
                self.roles[i] = Role::Chrome(kind);
                if region.is_none() && vocab::opens_chrome_region(kind, text) && i > 0 {
                    region = Some(kind);
                }
                // A contact block (`（問い合わせ先）` and its short lines up to a blank line).
                if vocab::opens_chrome_block(text) {
                    let mut k = i + 1;
                    while k < limit
                        && !self.lines[k].is_blank()
                        && self.roles[k] == Role::Unset
                        && chars(self.lines[k].text) <= 60
                    {
                        self.roles[k] = Role::Chrome(kind);
                        k += 1;
                    }
                }
            } else if let Some(kind) = region {
                self.roles[i] = Role::Chrome(kind);
            }
        }
    }

    /// The running head of a PDF copy: a line next to a page number (`- 3 -`) that stands
    /// next to another page number too (compared without spaces). A bare number (`2`) is
    /// a page number only when such a running head stands next to it.
    fn mark_running_heads(&mut self, limit: usize) {
        let mut pages: Vec<usize> = Vec::new();
        let mut bare: Vec<usize> = Vec::new();
        for i in 0..limit {
            let t = self.lines[i].text;
            if vocab::is_page_number(t) {
                pages.push(i);
            } else if self.roles[i] == Role::Unset
                && (1..=3).contains(&t.len())
                && t.bytes().all(|b| b.is_ascii_digit())
            {
                bare.push(i);
            }
        }
        if pages.len() + bare.len() < 2 {
            return;
        }
        let key = |s: &str| s.chars().filter(|c| !is_space(*c)).collect::<String>();
        // (page line, bare number?, neighbour line, its text without spaces)
        let mut near: Vec<(usize, bool, usize, String)> = Vec::new();
        let all = pages
            .iter()
            .map(|&p| (p, false))
            .chain(bare.iter().map(|&p| (p, true)));
        for (p, is_bare) in all {
            for k in [self.prev_nonblank(p), self.next_nonblank(p + 1, limit)]
                .into_iter()
                .flatten()
            {
                if self.roles[k] == Role::Unset
                    && chars(self.lines[k].text) <= 60
                    && !(is_bare && self.lines[k].text.bytes().all(|b| b.is_ascii_digit()))
                {
                    near.push((p, is_bare, k, key(self.lines[k].text)));
                }
            }
        }
        // A text seen at two different lines (a line between two page numbers counts once).
        let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let mut lines_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (_, _, k, text) in &near {
            let first = *seen.entry(text.as_str()).or_insert(*k);
            if first != *k {
                *lines_of.entry(text.as_str()).or_insert(0) += 1;
            }
        }
        let mut found_bare = false;
        for (p, is_bare, k, text) in &near {
            if lines_of.contains_key(text.as_str()) {
                self.roles[*k] = Role::Chrome(ChromeKind::Other);
                if *is_bare {
                    self.roles[*p] = Role::Chrome(ChromeKind::Other);
                    pages.push(*p);
                    found_bare = true;
                }
            }
        }
        if found_bare {
            pages.sort_unstable();
            pages.dedup();
        }
        self.mark_page_notes(&pages);
    }

    /// Footnotes at the foot of the pages of a PDF copy: labelled lines (and the lines
    /// that continue them) right above a page number or its running head, numbered on from
    /// the notes of the pages before (`1 …` on page 1, `2 …` on page 2).
    fn mark_page_notes(&mut self, pages: &[usize]) {
        let mut expected = 1;
        for &p in pages {
            let mut k = p;
            let mut run: Vec<(usize, Option<(u32, usize)>)> = Vec::new();
            // Over the running head only: a page number inside a long chrome region must not
            // send the walk back through all of it.
            let mut chrome_skipped = 0;
            while let Some(j) = self.prev_nonblank(k) {
                if run.is_empty() && matches!(self.roles[j], Role::Chrome(_)) {
                    chrome_skipped += 1;
                    if chrome_skipped > 2 {
                        break;
                    }
                    k = j;
                    continue;
                }
                if self.roles[j] != Role::Unset || self.lines[j].text.len() > 600 {
                    break;
                }
                let label = vocab::note_label(self.lines[j].text);
                run.push((j, label));
                k = j;
                // Stop after a labelled line whose number opens this page's notes.
                if label.is_some_and(|(n, _)| n == expected) {
                    break;
                }
                if run.len() > 30 {
                    break;
                }
            }
            run.reverse();
            // The run must open with the expected number and count up by one.
            let numbers: Vec<u32> = run.iter().filter_map(|(_, l)| l.map(|x| x.0)).collect();
            // Each note cites a source, and continues over two more lines at most.
            let cites = |t: &str| {
                t.contains(['『', '「', '“', '"'])
                    || ["http", "頁", "pp.", "p.", "年"]
                        .iter()
                        .any(|w| t.contains(w))
            };
            let mut unlabelled = 0;
            let short_runs = run.iter().all(|(_, l)| {
                unlabelled = if l.is_some() { 0 } else { unlabelled + 1 };
                unlabelled <= 2
            });
            let ok = matches!(run.first(), Some((_, Some((n, _)))) if *n == expected)
                && numbers.windows(2).all(|w| w[1] == w[0] + 1)
                && short_runs
                && run
                    .iter()
                    .filter(|(_, l)| l.is_some())
                    .all(|(j, _)| cites(self.lines[*j].text));
            if !ok {
                continue;
            }
            for (j, label) in &run {
                self.roles[*j] = match label {
                    Some((_, len)) => Role::NoteStart(*len),
                    None => Role::NoteCont,
                };
            }
            expected = numbers.last().map_or(expected, |n| n + 1);
        }
    }

    /// A bare count (`12` likes) between chrome lines is chrome too.
    fn mark_counts(&mut self) {
        for i in 0..self.lines.len() {
            let t = self.lines[i].text;
            if self.roles[i] != Role::Unset
                || t.is_empty()
                || t.len() > 8
                || !t.bytes().all(|b| b.is_ascii_digit())
            {
                continue;
            }
            let near =
                |k: Option<usize>| k.is_some_and(|k| matches!(self.roles[k], Role::Chrome(_)));
            if near(self.prev_nonblank(i)) || near(self.next_nonblank(i + 1, self.lines.len())) {
                self.roles[i] = Role::Chrome(ChromeKind::Share);
            }
        }
    }

    // ---------------------------------------------------------------- header

    /// Classify the lines before the body; returns the index of the first body line.
    fn header(&mut self, limit: usize) -> usize {
        let mut i = 0;
        let mut banner_seen = false;
        while i < limit {
            if self.roles[i] != Role::Unset {
                // A keyword line under the title (`キーワード：…`) is the article's tags,
                // not a footer's tag list.
                if self.roles[i] == Role::Chrome(ChromeKind::TagList) && self.meta.title.is_some() {
                    self.header_keywords(i);
                }
                i += 1;
                continue;
            }
            let text = self.lines[i].text;
            // A journal's name and issue over the article (`紀要　第52巻第3号（2024年12月）`).
            if self.meta.title.is_none() && self.meta.venue.periodical.is_none() {
                // A series line (`NIDS コメンタリー 第312号`) numbers a series, not an issue.
                let series = || {
                    let volume =
                        text.contains('巻') || text.contains("Vol.") && text.contains("No.");
                    vocab::is_series_like(text) && !volume
                };
                if let Some((name, issue, date)) = journal_issue(text).filter(|_| !series()) {
                    self.roles[i] = Role::Meta(MetaField::Venue);
                    self.meta.venue.periodical = Some(self.sub(i, name));
                    self.meta.venue.issue = Some(self.sub(i, issue));
                    if let Some(d) = date {
                        self.set_date(i, d, DateSlot::Issue);
                    }
                    i += 1;
                    continue;
                }
            }
            // The head of an official document before its title: its number
            // (`答弁第四五号`), the signing office holder (`内閣総理大臣　石破　茂`) and the
            // addressee (`衆議院議長　…　殿`).
            if self.meta.title.is_none() {
                if doc_number(text) || addressee(text) {
                    let field = if addressee(text) {
                        MetaField::Notice
                    } else {
                        MetaField::Series
                    };
                    self.roles[i] = Role::Meta(field);
                    i += 1;
                    continue;
                }
                if let Some((office, name)) = office_signatory(text) {
                    self.roles[i] = Role::Meta(MetaField::Byline);
                    let who = self.credit(i, name);
                    self.set_affiliation(who, i, office);
                    i += 1;
                    continue;
                }
            }
            // `受付日：2024年6月3日　受理日：2024年9月20日`: the dates of a journal's review,
            // not of publication.
            if self.meta.title.is_some() && is_review_dates(text) {
                self.roles[i] = Role::Meta(MetaField::Date);
                i += 1;
                continue;
            }
            // `原文：“Title”（2024年11月4日）`, `原題：…`: the title of the original.
            if self.meta.title.is_some() {
                if let Some(original) = original_title(text) {
                    self.roles[i] = Role::Meta(MetaField::OtherTitle);
                    let t = &mut self.meta.translation;
                    t.is_translation = true;
                    t.evidence
                        .push("the title of the original is credited".to_owned());
                    self.meta.translation.original_title = Some(self.sub(i, original));
                    i += 1;
                    continue;
                }
            }
            // A banner: a whole line in 【】 before the title.
            if self.meta.title.is_none()
                && text.starts_with('【')
                && text.ends_with('】')
                && !banner_seen
            {
                self.roles[i] = Role::Chrome(ChromeKind::Banner);
                banner_seen = true;
                // An editor's notice may follow, up to a double blank line.
                if let Some(j) = self.next_nonblank(i + 1, limit) {
                    if self.roles[j] == Role::Unset && is_notice(self.lines[j].text) {
                        let mut k = j;
                        while k < limit && !self.lines[k].is_blank() {
                            if self.roles[k] == Role::Unset {
                                self.roles[k] = Role::Meta(MetaField::Notice);
                            }
                            k += 1;
                        }
                        i = k;
                        continue;
                    }
                }
                i += 1;
                continue;
            }
            if self.try_dateline(i)
                || self.try_date_line(i, false)
                || self.try_venue(i)
                || self.try_byline(i)
            {
                i += 1;
                continue;
            }
            // A byline label on its own line (`執筆者`, `Authors`), the names on the next.
            if self.meta.title.is_some() && vocab::is_byline_label(text) {
                if let Some(j) = self.next_nonblank(i + 1, limit) {
                    let names = self.lines[j].text;
                    let names_ok = self.roles[j] == Role::Unset
                        && chars(names) <= 60
                        && !ends_sentence(names)
                        && names
                            .split(['、', '・', ',', '&', '＆'])
                            .flat_map(|p| p.split(" and "))
                            .map(|p| p.trim_matches(is_space))
                            .all(|p| looks_like_name(p) || is_latin_name(p));
                    if names_ok {
                        self.roles[i] = Role::Meta(MetaField::Byline);
                        self.roles[j] = Role::Meta(MetaField::Byline);
                        self.push_authors(j, names);
                        self.attach_affiliation(j + 1);
                        i = j + 1;
                        continue;
                    }
                }
            }
            // A summary block (`＜要旨＞` and its lines up to a blank line).
            if vocab::is_summary_label(text) {
                self.roles[i] = Role::Meta(MetaField::Summary);
                // The summary is one paragraph, or one run of bullet lines; a heading ends it.
                let Some(first) = self.next_nonblank(i + 1, limit) else {
                    i += 1;
                    continue;
                };
                let bullets = vocab::list_marker(self.lines[first].text).is_some();
                let mut k = first;
                while k < limit && !self.lines[k].is_blank() && self.roles[k] == Role::Unset {
                    let t = self.lines[k].text;
                    // A hard-wrapped summary runs on while its lines do not end a sentence.
                    let wrapped = k > first && !bullets && !ends_sentence(self.lines[k - 1].text);
                    let stop = vocab::heading_number(t).is_some()
                        || vocab::is_top_level_word(t)
                        || (k > first && !wrapped && (!bullets || vocab::list_marker(t).is_none()));
                    if stop {
                        break;
                    }
                    self.roles[k] = Role::Meta(MetaField::Summary);
                    k += 1;
                }
                if k > first && self.meta.summary.is_none() {
                    let span = Span::new(
                        self.lines[first].content_start,
                        self.lines[k - 1].content_end,
                    );
                    self.meta.summary = Some(Spanned::new(
                        self.text[span.start..span.end].to_owned(),
                        span,
                    ));
                }
                i = k;
                continue;
            }
            if self.meta.venue.series.is_none() && self.try_series_line(i) {
                i += 1;
                continue;
            }
            if self.meta.title.is_some() && self.try_plain_byline(i, limit) {
                i += 1;
                continue;
            }
            // A government page: the issuing office alone under the title's date
            // (`令和6年10月1日` / `北米局日米安全保障条約課`) is credited as the author.
            if self.meta.title.is_some()
                && self.meta.authors.is_empty()
                && self.meta.published.is_some()
                && is_org_name(text)
                && self
                    .prev_nonblank(i)
                    .is_some_and(|p| self.roles[p] == Role::Meta(MetaField::Date))
            {
                self.roles[i] = Role::Meta(MetaField::Byline);
                self.credit(i, text);
                i += 1;
                continue;
            }
            if let Some(title) = &self.meta.title {
                // A repeat of the title, a subtitle, or a tag line.
                if text == title.value
                    || self.title_line.is_some_and(|t| self.lines[t].text == text)
                    || self.lines[i].text.starts_with(title.value.as_str())
                        && title.value.len() > 12
                        && self
                            .meta
                            .subtitle
                            .as_ref()
                            .is_some_and(|s| text.contains(&s.value))
                {
                    self.roles[i] = Role::Meta(MetaField::TitleRepeat);
                    i += 1;
                    continue;
                }
                if self.meta.subtitle.is_none() && is_subtitle_line(text) {
                    let inner = text.trim_matches(|c: char| {
                        matches!(c, '―' | '—' | '～' | '〜' | '-' | '－') || is_space(c)
                    });
                    self.meta.subtitle = Some(self.sub(i, inner));
                    self.roles[i] = Role::Meta(MetaField::Subtitle);
                    i += 1;
                    continue;
                }
                if self.try_tags(i, limit) {
                    i += 1;
                    continue;
                }
                // A short line the rules above do not know, followed by a date or byline
                // line before any prose: still the header (a plain subtitle, an author
                // line in a site's own style).
                if chars(text) <= 60
                    && !ends_sentence(text)
                    && vocab::heading_number(text).is_none()
                {
                    if let Some(j) = self.next_nonblank(i + 1, limit) {
                        let next = self.lines[j].text;
                        let header_next = chars(next) <= 80
                            && (leading_date(next).is_some()
                                || date_shape(strip_date_label(next))
                                || byline_after_label(next).is_some()
                                || next.starts_with("By "));
                        if header_next {
                            let right_after_title = self
                                .prev_nonblank(i)
                                .is_some_and(|p| self.roles[p] == Role::Meta(MetaField::Title));
                            let bar = text.find(['｜', '|']);
                            // A foreign author's name in katakana over a translator's
                            // credit (`マーク・ホルデン` / `翻訳：名前`) is a byline.
                            let over_credit = byline_after_label(next).is_some()
                                && (katakana_name(text) || is_latin_name(text));
                            if over_credit {
                                self.roles[i] = Role::Meta(MetaField::Byline);
                                let who = self.credit(i, text);
                                if byline_role(next) == AuthorRole::Translator {
                                    self.meta.authors[who].role = AuthorRole::OriginalAuthor;
                                }
                            } else if right_after_title
                                && self.meta.subtitle.is_none()
                                && bar.is_none()
                            {
                                self.meta.subtitle = Some(self.spanned(i));
                                self.roles[i] = Role::Meta(MetaField::Subtitle);
                            } else if let Some(p) = bar {
                                self.roles[i] = Role::Meta(MetaField::Byline);
                                let name = self.sub(i, text[..p].trim_matches(is_space));
                                let rest = text[p..]
                                    .trim_start_matches(['｜', '|'])
                                    .trim_matches(is_space);
                                let bio = (!rest.is_empty()).then(|| self.sub(i, rest));
                                self.meta.authors.push(Author {
                                    name,
                                    role: AuthorRole::Author,
                                    affiliation: None,
                                    bio,
                                });
                            } else {
                                self.roles[i] = Role::Meta(MetaField::Notice);
                            }
                            i += 1;
                            continue;
                        }
                    }
                }
                if self.site_over_dated_title(i) {
                    i += 1;
                    continue;
                }
                return i;
            }
            // The title: a short line that is not a paragraph. A short line followed by site
            // navigation is the site's name, not the title.
            // A numbered section after a table of contents (a newsletter's `今号の内容` and
            // its first item) opens the body: the page has no title of its own.
            if vocab::heading_number(text).is_some()
                && (0..i).any(|k| vocab::is_toc_label(self.lines[k].text))
            {
                return i;
            }
            // `発行：日本同盟研究会`: the publisher under a newsletter's masthead.
            if self.meta.venue.site.is_none() {
                if let Some(name) = publisher_line(text) {
                    self.roles[i] = Role::Meta(MetaField::Venue);
                    self.meta.venue.site = Some(self.sub(i, name));
                    i += 1;
                    continue;
                }
            }
            if is_title_candidate(text) {
                let next = self.next_nonblank(i + 1, limit);
                let longer_title_next = next.is_some_and(|n| {
                    let nt = self.lines[n].text;
                    self.roles[n] == Role::Unset
                        && is_title_candidate(nt)
                        && chars(nt) > chars(text)
                        && !ends_sentence(nt)
                        && vocab::heading_number(nt).is_none()
                });
                // A news site's section word on its own line (`ニュース`, `国際`) over the title.
                if (vocab::is_news_section(text) || vocab::is_section_path(text)) && next.is_some()
                {
                    self.roles[i] = Role::Chrome(ChromeKind::Navigation);
                    i += 1;
                    continue;
                }
                // The name of a web edition over the title (`… ONLINE`, `…電子版`).
                let first_line = self.prev_nonblank(i).is_none();
                if is_site_name(text) && (longer_title_next || first_line && next.is_some()) {
                    self.roles[i] = Role::Chrome(ChromeKind::Navigation);
                    if self.meta.venue.site.is_none() {
                        self.meta.venue.site = Some(self.spanned(i));
                    }
                    i += 1;
                    continue;
                }
                // A press release: date, issuing office, then the title.
                if self.meta.published.is_some() && is_org_name(text) && longer_title_next {
                    self.roles[i] = Role::Meta(MetaField::Byline);
                    self.credit(i, text);
                    i += 1;
                    continue;
                }
                // A one-word section label (`コメンタリー`, `インタビュー`) over the real title.
                // The title may come after the release's date and issuing office
                // (`報道発表` / `令和7年4月1日` / `防衛省` / title).
                let genre = vocab::is_genre_label(text);
                let mut title_at = next;
                for _ in 0..usize::from(genre) * 2 {
                    match title_at {
                        Some(n)
                            if self.roles[n] == Role::Unset
                                && (date_shape(strip_date_label(self.lines[n].text))
                                    || is_org_name(self.lines[n].text)) =>
                        {
                            title_at = self.next_nonblank(n + 1, limit);
                        }
                        _ => break,
                    }
                }
                let label_over_title = genre
                    && title_at.is_some_and(|n| {
                        let nt = self.lines[n].text;
                        self.roles[n] == Role::Unset
                            && is_title_candidate(nt)
                            && chars(nt) > chars(text)
                            && !ends_sentence(nt)
                            && vocab::heading_number(nt).is_none()
                            && !vocab::is_top_level_word(nt)
                            && !vocab::is_summary_label(nt)
                            && leading_date(nt).is_none()
                            && !date_shape(strip_date_label(nt))
                    });
                if label_over_title && self.meta.section.is_none() {
                    self.roles[i] = Role::Meta(MetaField::Tags);
                    self.meta.section = Some(self.spanned(i));
                    i += 1;
                    continue;
                }
                if next.is_some_and(|n| {
                    matches!(
                        self.roles[n],
                        Role::Chrome(ChromeKind::Navigation | ChromeKind::Share)
                    ) || self.roles[n] == Role::Unset && vocab::is_section_path(self.lines[n].text)
                }) && chars(text) <= 30
                {
                    self.roles[i] = Role::Chrome(ChromeKind::Navigation);
                    if self.meta.venue.site.is_none() {
                        self.meta.venue.site = Some(self.spanned(i));
                    }
                } else {
                    self.set_title(i);
                }
                i += 1;
                continue;
            }
            return i;
        }
        i
    }

    /// A blog's name over the entry's dates and title (`安保ノート` / `公開日：…` /
    /// `更新日：…` / `題`): line `i` follows the date lines of a title on the first line
    /// without a blank line between, and is longer than that title. The first line is then
    /// the site's name and `i` the title.
    fn site_over_dated_title(&mut self, i: usize) -> bool {
        let Some(t) = self.title_line else {
            return false;
        };
        let text = self.lines[i].text;
        let only_dates_between = t < i
            && i > 0
            && !self.lines[i - 1].is_blank()
            && (t + 1..i)
                .all(|k| matches!(self.roles[k], Role::Meta(MetaField::Date) | Role::Blank))
            && (t + 1..i).any(|k| self.roles[k] == Role::Meta(MetaField::Date));
        let ok = only_dates_between
            && self.prev_nonblank(t).is_none()
            && self.meta.subtitle.is_none()
            && self.meta.authors.is_empty()
            && is_title_candidate(text)
            && !ends_sentence(text)
            && chars(text) > chars(self.lines[t].text)
            && chars(self.lines[t].text) <= 20
            && vocab::heading_number(text).is_none()
            && !vocab::is_top_level_word(text);
        if !ok {
            return false;
        }
        self.roles[t] = Role::Chrome(ChromeKind::Navigation);
        if self.meta.venue.site.is_none() {
            self.meta.venue.site = Some(self.spanned(t));
        }
        self.set_title(i);
        true
    }

    /// `キーワード：日比関係、南シナ海` in the header: the tags of the article.
    fn header_keywords(&mut self, i: usize) {
        let text = self.lines[i].text;
        let Some(p) = text.find([':', '：']) else {
            return;
        };
        let sep = text[p..].chars().next().map_or(1, char::len_utf8);
        let rest = &text[p + sep..];
        self.roles[i] = Role::Meta(MetaField::Tags);
        for w in rest.split(['、', ',', '，', '・', ';', '；', '/', '／']) {
            let w = w.trim_matches(is_space);
            if !w.is_empty() {
                let t = self.sub(i, w);
                self.meta.tags.push(t);
            }
        }
    }

    fn set_title(&mut self, i: usize) {
        self.roles[i] = Role::Meta(MetaField::Title);
        self.title_line = Some(i);
        let mut text = self.lines[i].text;
        // `【特集】題`, `［連載］同盟の現場から（4） 題`: a genre or series label before the
        // title is set apart from it.
        if let Some((label, rest)) = title_prefix(text) {
            text = self.title_label(i, label, rest);
        }
        // `著者&著者『タイトル』サブタイトル`: a translated work credited to its authors.
        if let (Some(open), Some(close)) = (text.find('『'), text.find('』')) {
            if open > 0 && close > open {
                let names = &text[..open];
                let title = &text[open + '『'.len_utf8()..close];
                let rest = text[close + '』'.len_utf8()..].trim_matches(is_space);
                let people: Vec<&str> = names
                    .split(['&', '＆', '、', ','])
                    .map(|s| s.trim_matches(is_space))
                    .filter(|s| !s.is_empty())
                    .collect();
                if !title.is_empty()
                    && !people.is_empty()
                    && people.iter().all(|p| looks_like_name(p))
                {
                    for p in people {
                        let name = self.sub(i, p);
                        self.meta.authors.push(Author {
                            name,
                            role: AuthorRole::OriginalAuthor,
                            affiliation: None,
                            bio: None,
                        });
                    }
                    self.meta.title = Some(self.sub(i, title));
                    if !rest.is_empty() {
                        self.meta.subtitle = Some(self.sub(i, rest));
                    }
                    self.meta.translation.original_title = None;
                    self.meta.translation.is_translation = true;
                    self.meta
                        .translation
                        .evidence
                        .push("foreign authors credited before a title in 『』".to_owned());
                    return;
                }
            }
        }
        // `タイトル ―サブタイトル―`.
        for dash in ['―', '—', '～', '〜'] {
            if let Some(pos) = text.find(dash) {
                let main = text[..pos].trim_matches(is_space);
                let sub = text[pos..].trim_matches(|c: char| c == dash || is_space(c));
                if !main.is_empty() && !sub.is_empty() && pos > 0 && text[..pos].ends_with(is_space)
                    || (!main.is_empty() && !sub.is_empty() && text.ends_with(dash))
                {
                    self.meta.title = Some(self.sub(i, main));
                    self.meta.subtitle = Some(self.sub(i, sub));
                    return;
                }
            }
        }
        self.meta.title = Some(self.sub(i, text));
    }

    /// Record the label of a title prefix (`特集`, `連載・シリーズ名`) and return the title
    /// text after it, without a series name and number that open it (`同盟の現場から（4）`).
    fn title_label<'t>(&mut self, i: usize, label: &'t str, rest: &'t str) -> &'t str {
        // `連載・名前`, `連載：名前`: the genre, then the series name.
        let (genre, series) = match label.find(['・', '：', ':', '／', '/']) {
            Some(p)
                if label.starts_with("連載")
                    || label.starts_with("シリーズ")
                    || label.starts_with("特集") =>
            {
                let sep = label[p..].chars().next().map_or(1, char::len_utf8);
                let name = label[p + sep..].trim_matches(is_space);
                (
                    label[..p].trim_matches(is_space),
                    (!name.is_empty()).then_some(name),
                )
            }
            _ => (label, None),
        };
        let genre = self.sub(i, genre);
        if self.meta.section.is_none() {
            self.meta.section = Some(genre);
        } else {
            self.meta.categories.push(genre);
        }
        if let Some(name) = series {
            self.set_series(i, None, name, None);
            return rest;
        }
        // A serial's name and number before the title: `同盟の現場から（4） 題`, `名前 第3回 題`.
        if label.contains("連載") || label.contains("シリーズ") {
            if let Some((name, number, title)) = serial_head(rest) {
                self.set_series(i, None, name, Some(number));
                return title;
            }
        }
        rest
    }

    /// `メディア掲載  外交・安全保障  2024.03.01`: section, categories and a date.
    fn try_dateline(&mut self, i: usize) -> bool {
        let text = self.lines[i].text;
        if chars(text) > 80 || ends_sentence(text) {
            return false;
        }
        let parts = split_wide(text);
        if parts.len() < 2 {
            return false;
        }
        let Some(date_at) = parts.iter().position(|p| date_shape(p)) else {
            return false;
        };
        let others: Vec<&str> = parts
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != date_at)
            .map(|(_, p)| *p)
            .collect();
        if others.iter().any(|p| chars(p) > 20) {
            return false;
        }
        self.roles[i] = Role::Meta(MetaField::Dateline);
        let date_text = parts[date_at];
        self.set_date(i, date_text, DateSlot::Published);
        // `2024年7月9日　国際部　木村 玲奈`: a person's name (with their department before
        // it) is a byline, not a category.
        let person = |p: &str| {
            let w = split_any_space(p);
            (w.len() == 2
                && w.iter().all(|w| chars(w) <= 4)
                && looks_like_name(p)
                && lines::japanese_ratio(p) > 0.9)
                || is_latin_name(p) && !vocab::is_genre_label(p)
        };
        let name_at = others.iter().rposition(|p| person(p));
        let mut department = None;
        if let Some(n) = name_at {
            let name = others[n];
            let dept = n
                .checked_sub(1)
                .map(|d| others[d])
                .filter(|d| is_affiliation(d));
            department = dept;
            let who = self.credit(i, name);
            if let Some(d) = dept {
                self.set_affiliation(who, i, d);
            }
        }
        let mut rest = others
            .iter()
            .enumerate()
            .filter(|&(k, p)| Some(k) != name_at && Some(*p) != department)
            .map(|(_, p)| *p);
        if let Some(first) = rest.next() {
            self.meta.section = Some(self.sub(i, first));
        }
        for o in rest {
            let s = self.sub(i, o);
            self.meta.categories.push(s);
        }
        true
    }

    /// A line that is only a date (`2024年10月27日`, `(2025/06/27)`, `公開日：2024.03.01`).
    fn try_date_line(&mut self, i: usize, tail: bool) -> bool {
        let text = self.lines[i].text;
        if chars(text) > 80 {
            return false;
        }
        let whole = strip_date_label(text);
        let (core, rest) = if chars(text) <= 40 && date_shape(whole) {
            (whole, "")
        } else if let Some((date, rest)) = leading_date(text) {
            (date, rest)
        } else {
            return false;
        };
        self.roles[i] = Role::Meta(MetaField::Date);
        // What follows the date on its line may name the author (`執筆：名前`).
        if let Some(names) = rest
            .find(['執', '文', '著', 'B', '作', '投', 'P'])
            .and_then(|p| byline_after_label(&rest[p..]))
        {
            self.push_authors(i, names);
        }
        let slot = if self.meta.published.is_none() {
            DateSlot::Published
        } else if tail {
            DateSlot::Written
        } else {
            DateSlot::Other
        };
        self.set_date(i, core, slot);
        true
    }

    fn set_date(&mut self, i: usize, part: &str, slot: DateSlot) {
        let sp = self.sub(i, part);
        let inner = part.trim_matches(|c: char| {
            matches!(c, '(' | ')' | '（' | '）' | '[' | ']') || is_space(c)
        });
        let inner_sp = self.sub(i, inner);
        let Some(date) = domei_dates::parse(inner) else {
            self.diags.push(Diagnostic {
                line: Some(i + 1),
                ..Diagnostic::new(
                    Severity::Warning,
                    "meta.date_unreadable",
                    format!(
                        "line {}: `{}` looks like a date but could not be read",
                        i + 1,
                        sp.value
                    ),
                )
                .at(sp.span.unwrap_or_default())
            });
            return;
        };
        let mention = DateMention {
            span: inner_sp.span.unwrap_or_default(),
            text: inner_sp.value,
            date,
        };
        match slot {
            DateSlot::Published => self.meta.published = Some(mention),
            DateSlot::Issue => self.meta.issue_date = Some(mention),
            DateSlot::Written => self.meta.written = Some(mention),
            DateSlot::Other => {
                if self.meta.written.is_none() {
                    self.meta.written = Some(mention);
                }
            }
        }
    }

    /// `月刊『東亜』 No.680 2024年2月号(2024年2月1日発行)に掲載`.
    fn try_venue(&mut self, i: usize) -> bool {
        let text = self.lines[i].text;
        if chars(text) > 120 {
            return false;
        }
        let marker = [
            "に掲載",
            "掲載誌",
            "初出",
            "より転載",
            "に寄稿",
            "Originally published",
            "First published",
        ]
        .iter()
        .find_map(|m| text.find(m).map(|p| (p, *m)));
        let Some((pos, _)) = marker else { return false };
        self.roles[i] = Role::Meta(MetaField::Venue);
        let body = &text[..pos];
        if let (Some(o), Some(c)) = (body.find('『'), body.find('』')) {
            if c > o {
                let name = &body[o + '『'.len_utf8()..c];
                self.meta.venue.periodical = Some(self.sub(i, name));
                let after = &body[c + '』'.len_utf8()..];
                // The issue label runs to the first bracket; a bracketed date is the issue date.
                let (label, bracket) = match after.find(['(', '（']) {
                    Some(b) => (&after[..b], Some(&after[b..])),
                    None => (after, None),
                };
                let label = label.trim_matches(is_space);
                if !label.is_empty() {
                    self.meta.venue.issue = Some(self.sub(i, label));
                }
                if let Some(b) = bracket {
                    let inner = b.trim_start_matches(['(', '（']);
                    let inner = inner.split([')', '）']).next().unwrap_or("");
                    let core = inner.trim_end_matches(|c: char| {
                        !c.is_ascii_digit() && !matches!(c, '日' | '月' | '年')
                    });
                    if date_shape(core) {
                        self.set_date(i, core, DateSlot::Issue);
                    }
                }
            }
        } else if !body.trim().is_empty() {
            let name = body.trim_matches(is_space);
            self.meta.venue.periodical = Some(self.sub(i, name));
        }
        true
    }

    /// `By Name`, `文：名前`, `執筆者：名前（所属）`.
    fn try_byline(&mut self, i: usize) -> bool {
        let text = self.lines[i].text;
        if chars(text) > 100 || ends_sentence(text) && !text.starts_with("By ") {
            return false;
        }
        let rest = text
            .strip_prefix("By ")
            .or_else(|| text.strip_prefix("by "))
            .or_else(|| byline_after_label(text));
        let Some(rest) = rest else { return false };
        let rest = rest.trim_matches(is_space);
        if rest.is_empty() {
            return false;
        }
        self.roles[i] = Role::Meta(MetaField::Byline);
        let before = self.meta.authors.len();
        self.push_authors(i, rest);
        // `聞き手・構成：名前` credits an interviewer (the editor of the text), `翻訳：名前` a
        // translator.
        let role = byline_role(text);
        for a in &mut self.meta.authors[before..] {
            a.role = role;
        }
        self.attach_affiliation(i + 1);
        true
    }

    /// True when line `j` is a short line naming an institution or position.
    fn affiliation_line(&self, j: usize) -> bool {
        let t = self.lines[j].text;
        self.roles[j] == Role::Unset
            && chars(t) <= 80
            && !ends_sentence(t)
            && is_affiliation(t)
            && !date_shape(strip_date_label(t))
    }

    /// An affiliation line right after a byline: mark it and give it to the last author.
    fn attach_affiliation(&mut self, from: usize) {
        let Some(j) = self.next_nonblank(from, self.lines.len()) else {
            return;
        };
        if !self.affiliation_line(j) {
            return;
        }
        self.roles[j] = Role::Meta(MetaField::Byline);
        let aff = self.spanned(j);
        if let Some(a) = self.meta.authors.last_mut() {
            if a.affiliation.is_none() {
                a.affiliation = Some(aff);
            }
        }
    }

    fn push_authors(&mut self, i: usize, names: &str) {
        // `Name, Affiliation` or `名前（所属）`.
        let (names_part, aff) = match names.find(['（', '(']) {
            Some(p) if names.ends_with(['）', ')']) => {
                let open = names[p..].chars().next().map_or(1, char::len_utf8);
                (
                    &names[..p],
                    Some(
                        &names[p + open
                            ..names.len() - names.chars().last().map_or(1, char::len_utf8)],
                    ),
                )
            }
            _ => (names, None),
        };
        let (names_part, aff) = match (aff, names_part.find(", ")) {
            (None, Some(p))
                if !names_part[p + 2..].contains(" and ")
                    && is_affiliation(&names_part[p + 2..]) =>
            {
                (&names_part[..p], Some(&names_part[p + 2..]))
            }
            _ => (names_part, aff),
        };
        // `石井智也 主任研究員`: a Japanese name, then a position.
        let (names_part, aff) = match (aff, names_part.find(is_space)) {
            (None, Some(p))
                if lines::japanese_ratio(names_part) > 0.5 && is_affiliation(&names_part[p..]) =>
            {
                (
                    &names_part[..p],
                    Some(names_part[p..].trim_matches(is_space)),
                )
            }
            _ => (names_part, aff),
        };
        // `編集部 川口 直樹`: a department or company, then the name.
        let (names_part, aff) = match (aff, names_part.find(is_space)) {
            (None, Some(p))
                if lines::japanese_ratio(names_part) > 0.5
                    && is_affiliation(&names_part[..p])
                    && looks_like_name(names_part[p..].trim_matches(is_space))
                    && !is_affiliation(&names_part[p..]) =>
            {
                (
                    names_part[p..].trim_matches(is_space),
                    Some(&names_part[..p]),
                )
            }
            _ => (names_part, aff),
        };
        for name in names_part
            .split([',', '、', '&', '＆'])
            .flat_map(|s| s.split(" and "))
            .map(|s| s.trim_matches(is_space))
            .filter(|s| !s.is_empty())
        {
            let name = self.sub(i, name);
            let affiliation = aff.map(|a| self.sub(i, a.trim_matches(is_space)));
            self.meta.authors.push(Author {
                name,
                role: AuthorRole::Author,
                affiliation,
                bio: None,
            });
        }
    }

    /// `政策レポート No.23` before the title: a series and its number.
    fn try_series_line(&mut self, i: usize) -> bool {
        let text = self.lines[i].text;
        if chars(text) > 60 || ends_sentence(text) || !vocab::is_series_like(text) {
            return false;
        }
        let inner = text.trim_start_matches('【').trim_end_matches('】');
        let (project, series, number) = split_series(inner);
        if number.is_none() {
            return false;
        }
        self.roles[i] = Role::Meta(MetaField::Series);
        self.set_series(i, project, series, number);
        true
    }

    fn set_series(&mut self, i: usize, project: Option<&str>, series: &str, number: Option<&str>) {
        if self.meta.venue.series.is_some() {
            return;
        }
        if let Some(p) = project {
            self.meta.venue.project = Some(self.sub(i, p));
        }
        self.meta.venue.series = Some(self.sub(i, series));
        if let Some(n) = number {
            self.meta.venue.series_number = Some(self.sub(i, n));
        }
    }

    /// A byline without a label in the header: `名前(所属)`, `所属 役職 名前`, `名 姓`.
    fn try_plain_byline(&mut self, i: usize, limit: usize) -> bool {
        let text = self.lines[i].text;
        if chars(text) > 60 || ends_sentence(text) || text.contains('。') {
            return false;
        }
        // `名前(所属)`.
        if let Some(p) = text.find(['(', '（']) {
            let name = text[..p].trim_matches(is_space);
            if p > 0 && text.ends_with([')', '）']) && looks_like_name(name) && chars(name) <= 12 {
                self.roles[i] = Role::Meta(MetaField::Byline);
                self.push_authors(i, text);
                return true;
            }
        }
        let words = split_any_space(text);
        // `所属 役職 名前`: the last word (or the last two, `姓 名`) a name, the words before
        // it an affiliation.
        if words.len() >= 2 {
            let n = words.len();
            let two = n >= 3
                && chars(words[n - 1]) <= 4
                && chars(words[n - 2]) <= 4
                && !is_affiliation(words[n - 2]);
            let last = if two {
                let start = words[n - 2].as_ptr() as usize - text.as_ptr() as usize;
                &text[start..]
            } else {
                words[n - 1]
            };
            let before = &text[..text.len() - last.len()];
            if is_affiliation(before)
                && looks_like_name(last)
                && chars(last) <= 8
                && !is_affiliation(last)
            {
                self.roles[i] = Role::Meta(MetaField::Byline);
                let name = self.sub(i, last);
                let affiliation = Some(self.sub(i, before.trim_matches(is_space)));
                self.meta.authors.push(Author {
                    name,
                    role: AuthorRole::Author,
                    affiliation,
                    bio: None,
                });
                return true;
            }
        }
        // `ブリュッセル＝佐々木健太`: a newspaper's place and correspondent.
        if let Some(p) = text.find(['＝', '=']) {
            let place = text[..p].trim_matches(is_space);
            let name = text[p..]
                .trim_start_matches(['＝', '='])
                .trim_matches(is_space);
            if !place.is_empty()
                && chars(place) <= 10
                && looks_like_name(name)
                && chars(name) <= 8
                && lines::japanese_ratio(text) > 0.9
            {
                self.roles[i] = Role::Meta(MetaField::Byline);
                let name = self.sub(i, name);
                let affiliation = Some(self.sub(i, place));
                self.meta.authors.push(Author {
                    name,
                    role: AuthorRole::Author,
                    affiliation,
                    bio: None,
                });
                return true;
            }
        }
        // `松田 瑞穂`, `Daniel Okafor`, `青木 慎也・Laura Fischer`: names alone, right
        // before a date line (or spaced Japanese names, which headings never are).
        let names: Vec<&str> = text
            .split(['・', '、', '&', '＆', ';', ','])
            .flat_map(|p| p.split(" and "))
            .map(|p| p.trim_matches(is_space))
            .filter(|p| !p.is_empty())
            .collect();
        let spaced = |p: &str| {
            let w = split_any_space(p);
            w.len() == 2
                && w.iter().all(|w| chars(w) <= 4)
                && looks_like_name(p)
                && lines::japanese_ratio(p) > 0.9
        };
        let all_names = names.iter().all(|p| spaced(p) || is_latin_name(p));
        let any_spaced = names.iter().any(|p| spaced(p));
        if all_names && (names.len() > 1 || any_spaced || is_latin_name(text)) {
            let next = self.next_nonblank(i + 1, limit);
            let before_date =
                next.is_some_and(|n| date_shape(strip_date_label(self.lines[n].text)));
            let before_affiliation = next.is_some_and(|n| self.affiliation_line(n));
            if before_date || before_affiliation || any_spaced {
                self.roles[i] = Role::Meta(MetaField::Byline);
                for p in names {
                    // A name printed twice (the author line and a creator card) is one author.
                    self.credit(i, p);
                }
                self.attach_affiliation(i + 1);
                return true;
            }
        }
        false
    }

    /// A short line of tags after the title: several short words split by spaces.
    fn try_tags(&mut self, i: usize, limit: usize) -> bool {
        let text = self.lines[i].text;
        if chars(text) > 60
            || ends_sentence(text)
            || text.contains(['、', '。'])
            || vocab::heading_number(text).is_some()
        {
            return false;
        }
        let words = split_any_space(text);
        if words.len() < 2
            || words.len() > 10
            || words.iter().any(|w| chars(w) > 12)
            || text.contains([',', ';', ':'])
            || lines::japanese_ratio(text) < 0.5
            || date_shape(strip_date_label(text))
        {
            return false;
        }
        // It must stand before the body: the next line is not a paragraph continuation of it.
        if self.next_nonblank(i + 1, limit).is_none() {
            return false;
        }
        self.roles[i] = Role::Meta(MetaField::Tags);
        for w in words {
            let t = self.sub(i, w);
            self.meta.tags.push(t);
        }
        true
    }

    // ---------------------------------------------------------------- tail

    /// Classify what follows the body (signature, closing date, byline and bio, series,
    /// other titles, summary); returns one past the last body line.
    fn tail(&mut self, body_start: usize, limit: usize) -> usize {
        // The last line that is not chrome, blank or notes.
        let mut end = limit;
        while end > body_start
            && matches!(
                self.roles[end - 1],
                Role::Blank
                    | Role::Chrome(_)
                    | Role::NotesHeading
                    | Role::NoteStart(_)
                    | Role::NoteCont
            )
        {
            end -= 1;
        }
        // Author profiles close the article: what comes before them is the body's end.
        if let Some(p) = self.profiles(body_start, end, false) {
            end = p;
            while end > body_start
                && matches!(
                    self.roles[end - 1],
                    Role::Blank | Role::Chrome(_) | Role::Meta(_)
                )
            {
                end -= 1;
            }
        }
        // A credit closing a news story: `（国際部　木村 玲奈）`, `（文・木村 玲奈）`.
        if let Some(last) = (body_start..end)
            .rev()
            .find(|&i| !self.lines[i].is_blank())
            .filter(|&i| self.roles[i] == Role::Unset)
        {
            if let Some((aff, name)) = closing_credit(self.lines[last].text) {
                self.roles[last] = Role::Meta(MetaField::Byline);
                let who = self.credit(last, name);
                if let Some(a) = aff {
                    self.set_affiliation(who, last, a);
                }
                end = last;
            }
        }
        // A blog's entry stamp closing the body: `name 2024-08-15 21:30`.
        if let Some(last) = (body_start..end)
            .rev()
            .find(|&i| !self.lines[i].is_blank())
            .filter(|&i| self.roles[i] == Role::Unset)
        {
            if let Some((name, date)) = entry_stamp(self.lines[last].text) {
                self.roles[last] = Role::Meta(MetaField::Byline);
                self.credit(last, name);
                let slot = if self.meta.published.is_none() {
                    DateSlot::Published
                } else {
                    DateSlot::Written
                };
                self.set_date(last, date, slot);
                end = last;
            }
        }
        // A signature or closing date line, searched from the end over a short stretch.
        let window_start = end.saturating_sub(12).max(body_start);
        let closing = (window_start..end).rev().find(|&i| {
            self.roles[i] == Role::Unset
                && (is_signature(self.lines[i].text)
                    || date_shape(strip_date_label(self.lines[i].text))
                        && chars(self.lines[i].text) <= 40)
        });
        // A closing line closes a body: there must be prose before it, and what follows it
        // is a few lines of metadata, not sections of the article.
        let closing = closing.filter(|&c| {
            let prose_before = (body_start..c)
                .any(|k| self.roles[k] == Role::Unset && chars(self.lines[k].text) >= 60);
            let after: Vec<usize> = (c + 1..end)
                .filter(|&k| self.roles[k] == Role::Unset)
                .collect();
            let headings_after = after
                .iter()
                .any(|&k| vocab::heading_number(self.lines[k].text).is_some());
            prose_before && !headings_after && after.len() <= 4
        });
        if let Some(c) = closing {
            if is_signature(self.lines[c].text) {
                self.signature(c);
            } else {
                self.try_date_line(c, true);
            }
            for j in c + 1..end {
                if self.roles[j] == Role::Unset {
                    self.tail_line(j);
                }
            }
            return c;
        }
        // A bio line opening with the name of an author the header credits
        // (`マーク・ホルデン　国際関係論を専門とする著述家。`), and a `※` remark about the
        // text itself (`※本稿は…翻訳したものです。`) before it.
        let last = (body_start..end)
            .rev()
            .find(|&i| self.roles[i] == Role::Unset);
        if let Some(last) = last {
            if self.closing_bio(last) {
                let mut end = last;
                if let Some(p) = self
                    .prev_nonblank(last)
                    .filter(|&p| p >= body_start && self.roles[p] == Role::Unset)
                {
                    if is_text_remark(self.lines[p].text) {
                        self.roles[p] = Role::Meta(MetaField::Notice);
                        end = p;
                    }
                }
                return end;
            }
        }
        // A byline at the end: a name line, optionally followed by a bio line.
        if let Some(last) = last {
            let lt = self.lines[last].text;
            // A bio without brackets: a short sentence under a romanised name line.
            let plain_bio = ends_sentence(lt)
                && chars(lt) <= 200
                && japanese_ratio(lt) > 0.5
                && self
                    .prev_nonblank(last)
                    .filter(|&p| p >= body_start && self.roles[p] == Role::Unset)
                    .is_some_and(|p| is_latin_name(self.lines[p].text));
            let (name_at, bio_at) = if is_bio(lt) || plain_bio {
                (
                    self.prev_nonblank(last)
                        .filter(|&p| p >= body_start && self.roles[p] == Role::Unset),
                    Some(last),
                )
            } else {
                (Some(last), None)
            };
            if let Some(n) = name_at {
                let t = self.lines[n].text;
                let strong = bio_at.is_some() || is_latin_name(t);
                if strong && looks_like_name(t) && chars(t) <= 40 {
                    self.roles[n] = Role::Meta(MetaField::Byline);
                    let bio = bio_at.map(|b| {
                        self.roles[b] = Role::Meta(MetaField::Bio);
                        let t = self.lines[b].text;
                        let inner = t
                            .trim_start_matches(['「', '“', '"'])
                            .trim_end_matches(['」', '”', '"']);
                        self.sub(b, inner)
                    });
                    let who = self.credit(n, t);
                    if let Some(a) = self.meta.authors.get_mut(who) {
                        if a.bio.is_none() {
                            a.bio = bio;
                        }
                    }
                    return n;
                }
            }
        }
        end
    }

    /// Line `i` is a biography opening with the name of a credited author and a space:
    /// mark it and give the author the bio.
    fn closing_bio(&mut self, i: usize) -> bool {
        let t = self.lines[i].text;
        if chars(t) > 200 || !ends_sentence(t) {
            return false;
        }
        let Some((who, rest)) = self.meta.authors.iter().enumerate().find_map(|(k, a)| {
            let rest = t.strip_prefix(a.name.value.as_str())?;
            rest.starts_with(is_space)
                .then(|| (k, rest.trim_matches(is_space)))
        }) else {
            return false;
        };
        if rest.is_empty() || japanese_ratio(rest) < 0.5 {
            return false;
        }
        let bio = self.sub(i, rest);
        self.roles[i] = Role::Meta(MetaField::Bio);
        if self.meta.authors[who].bio.is_none() {
            self.meta.authors[who].bio = Some(bio);
        }
        true
    }

    /// Author profiles after the body, between `from` and `to`: a profile label
    /// (`筆者プロフィール`, `About the Authors`) and the lines after it, or a name line with
    /// its reading (`名前（なまえ）`) or followed by a line with the marks of a biography
    /// (`…年生まれ`, `…修了`). Names become bylines, the rest bios of those authors.
    /// Returns the first line of the profiles. `after_notes` says that the stretch follows
    /// the notes section (no prose needs to come before it there).
    fn profiles(&mut self, from: usize, to: usize, after_notes: bool) -> Option<usize> {
        let mut prose = after_notes;
        let mut start = None;
        let mut labelled = false;
        // Profiles close an article: look for their start among its last lines only.
        let window = to.saturating_sub(40).max(from);
        for i in from..to {
            if self.roles[i] != Role::Unset {
                continue;
            }
            let t = self.lines[i].text;
            if i < window {
                prose |= t.len() >= 90 && ends_sentence(t) || t.len() >= 180;
                continue;
            }
            if prose && vocab::is_profile_label(t) {
                start = Some(i);
                labelled = true;
                break;
            }
            if prose && self.profile_starts(i, to) {
                start = Some(i);
                break;
            }
            prose |= chars(t) >= 60 || chars(t) >= 30 && ends_sentence(t);
        }
        let start = start?;
        // The profile runs to chrome, a notes heading or the end; without a label every
        // line of it must read like a name or a biography.
        let mut stop = to;
        // A label must be followed by something of a profile (a name, a biography) and by
        // a few lines only: a heading `Profile` over body text is not one.
        let mut profile_like = false;
        let mut count = 0;
        for k in start + usize::from(labelled)..to {
            match self.roles[k] {
                Role::Blank => continue,
                Role::Unset => {}
                _ => {
                    stop = k;
                    break;
                }
            }
            let t = self.lines[k].text;
            let like = name_with_reading(t).is_some()
                || vocab::has_bio_marks(t)
                || self.profile_name_line(k);
            profile_like |= like;
            count += 1;
            let fits = vocab::heading_number(t).is_none() && t.len() <= 1500 && (labelled || like);
            if !fits {
                if labelled {
                    stop = k;
                    break;
                }
                return None;
            }
        }
        if labelled && (!profile_like || count > 12) {
            return None;
        }
        if labelled {
            self.roles[start] = Role::Meta(MetaField::Bio);
        }
        // Which author each bio line belongs to, and the lines of each bio.
        let mut current: Option<usize> = None;
        let mut bios: Vec<(usize, usize, usize)> = Vec::new();
        for k in start + usize::from(labelled)..stop {
            if self.roles[k] != Role::Unset {
                continue;
            }
            let t = self.lines[k].text;
            if let Some((name, rest)) = name_with_reading(t) {
                self.roles[k] = Role::Meta(MetaField::Byline);
                let who = self.credit(k, name);
                current = Some(who);
                if !rest.is_empty() {
                    if is_affiliation(rest) && !rest.contains('。') {
                        self.set_affiliation(who, k, rest);
                    } else {
                        bios.push((who, k, k));
                    }
                }
                continue;
            }
            if self.profile_name_line(k) {
                self.roles[k] = Role::Meta(MetaField::Byline);
                current = Some(self.credit(k, t));
                continue;
            }
            self.roles[k] = Role::Meta(MetaField::Bio);
            // `Name is a senior fellow …`: the line names its author.
            let named = self.meta.authors.iter().position(|a| {
                let n = a.name.value.as_str();
                t.starts_with(n) && t[n.len()..].starts_with([' ', '（', '(', '、', ','])
            });
            let who = named
                .or(current)
                .or((!self.meta.authors.is_empty()).then_some(0));
            let Some(who) = who else { continue };
            current = Some(who);
            match bios.last_mut() {
                Some((w, _, last)) if *w == who => *last = k,
                _ => bios.push((who, k, k)),
            }
        }
        for (who, first, last) in bios {
            let first_line = &self.lines[first];
            let mut begin = first_line.content_start;
            // A bio on the name's own line starts after the name and its reading.
            if let Some((_, rest)) = name_with_reading(first_line.text) {
                if !rest.is_empty() {
                    begin = self.sub(first, rest).span.map_or(begin, |s| s.start);
                }
            }
            let end = self.lines[last].content_end;
            // `A is a senior fellow … B is a research associate …`: one paragraph holding
            // the bios of several authors is cut where a sentence opens with another name.
            let mut cuts: Vec<(usize, usize)> = vec![(begin, who)];
            for (k, a) in self.meta.authors.iter().enumerate() {
                let name = a.name.value.as_str();
                if k == who || a.bio.is_some() || name.is_empty() {
                    continue;
                }
                let hay = &self.text[begin..end];
                let at = hay.match_indices(name).map(|(p, _)| p).find(|&p| {
                    let before = hay[..p].trim_end_matches(is_space);
                    p > 0 && before.ends_with(['.', '。', '．'])
                });
                if let Some(p) = at {
                    cuts.push((begin + p, k));
                }
            }
            cuts.sort_unstable();
            for (n, &(from, author)) in cuts.iter().enumerate() {
                let to = cuts.get(n + 1).map_or(end, |c| c.0);
                let part = self.text[from..to].trim_end_matches(is_space);
                let span = Span::new(from, from + part.len());
                if let Some(a) = self.meta.authors.get_mut(author) {
                    if a.bio.is_none() && !part.is_empty() {
                        a.bio = Some(Spanned::new(part.to_owned(), span));
                    }
                }
            }
        }
        Some(start)
    }

    /// An author's card inside a chrome region after the body (a blog's creator card under
    /// the support prompt): a line that is a credited author's name is a byline, and a
    /// sentence right under it that the chrome vocabulary does not know is their bio.
    fn author_cards(&mut self, from: usize) {
        if self.meta.authors.is_empty() {
            return;
        }
        for i in from..self.lines.len() {
            let in_region = matches!(self.roles[i], Role::Chrome(_)) && self.chrome[i].is_none();
            if !in_region || self.lines[i].text.len() > 120 {
                continue;
            }
            let line = self.lines[i].text;
            let Some(who) = self
                .meta
                .authors
                .iter()
                .position(|a| same_name(&a.name.value, line))
            else {
                continue;
            };
            self.roles[i] = Role::Meta(MetaField::Byline);
            let Some(b) = self.next_nonblank(i + 1, self.lines.len()) else {
                continue;
            };
            let bt = self.lines[b].text;
            if matches!(self.roles[b], Role::Chrome(_))
                && self.chrome[b].is_none()
                && ends_sentence(bt)
                && chars(bt) <= 300
            {
                self.roles[b] = Role::Meta(MetaField::Bio);
                let bio = self.spanned(b);
                if let Some(a) = self.meta.authors.get_mut(who) {
                    if a.bio.is_none() {
                        a.bio = Some(bio);
                    }
                }
            }
        }
    }

    /// True when line `i` opens an unlabelled profile: a name with its reading, or a
    /// short name line whose next line reads like a biography.
    fn profile_starts(&self, i: usize, to: usize) -> bool {
        let t = self.lines[i].text;
        if let Some((_, rest)) = name_with_reading(t) {
            // A bio on the name's own line reads like one (`1962年生まれ。…`, `…研究員。`);
            // `山田（やまだ）氏は…` in running text does not.
            if !rest.is_empty() {
                let first = rest.split('。').next().unwrap_or(rest);
                return vocab::has_bio_marks(rest) || is_affiliation(first);
            }
            return self
                .next_nonblank(i + 1, to)
                .is_some_and(|n| vocab::has_bio_marks(self.lines[n].text));
        }
        // `John Carter is a senior fellow …`: a bio that opens with a credited author's name.
        if self.meta.authors.iter().any(|a| {
            let n = a.name.value.as_str();
            !n.is_empty()
                && t.starts_with(n)
                && t[n.len()..].starts_with([' ', '（', '(', '、', ','])
        }) && vocab::has_bio_marks(t)
        {
            return true;
        }
        self.profile_name_line(i)
            && self.next_nonblank(i + 1, to).is_some_and(|n| {
                self.roles[n] == Role::Unset && vocab::has_bio_marks(self.lines[n].text)
            })
    }

    /// A line that is only a person's name (`山本 遥`, `Kenji Arakawa`).
    fn profile_name_line(&self, i: usize) -> bool {
        let t = self.lines[i].text;
        t.len() <= 120
            && chars(t) <= 30
            && (is_latin_name(t) || looks_like_name(t) && chars(t) <= 12 && !is_affiliation(t))
            && !ends_sentence(t)
    }

    /// The index of the author named `name` (compared without spaces), added when new.
    fn credit(&mut self, i: usize, name: &str) -> usize {
        if let Some(p) = self
            .meta
            .authors
            .iter()
            .position(|a| same_name(&a.name.value, name))
        {
            return p;
        }
        let name = self.sub(i, name);
        self.meta.authors.push(Author {
            name,
            role: AuthorRole::Author,
            affiliation: None,
            bio: None,
        });
        self.meta.authors.len() - 1
    }

    fn set_affiliation(&mut self, who: usize, i: usize, aff: &str) {
        let aff = self.sub(i, aff);
        if let Some(a) = self.meta.authors.get_mut(who) {
            if a.affiliation.is_none() {
                a.affiliation = Some(aff);
            }
        }
    }

    fn tail_line(&mut self, j: usize) {
        let text = self.lines[j].text;
        let latin = japanese_ratio(text) < 0.2 && text.chars().any(char::is_alphabetic);
        if text.starts_with('【') && text.ends_with('】')
            || (vocab::is_series_like(text) && !ends_sentence(text) && chars(text) <= 120)
        {
            self.roles[j] = Role::Meta(MetaField::Series);
            let inner = text.trim_start_matches('【').trim_end_matches('】');
            // `Project name:Policy Paper Vol. 7` — project, series and number.
            let (project, series, number) = split_series(inner);
            self.set_series(j, project, series, number);
        } else if latin && !ends_sentence(text) && chars(text) <= 200 {
            self.roles[j] = Role::Meta(MetaField::OtherTitle);
            let title = self.spanned(j);
            self.meta.other_titles.push(OtherTitle {
                title,
                language: "en".to_owned(),
            });
        } else if ends_sentence(text) {
            self.roles[j] = Role::Meta(MetaField::Summary);
            if self.meta.summary.is_none() {
                self.meta.summary = Some(self.spanned(j));
            }
        } else {
            self.roles[j] = Role::Meta(MetaField::Series);
            if self.meta.venue.series.is_none() {
                self.meta.venue.series = Some(self.spanned(j));
            }
        }
    }

    /// `(2024年10月21日、平和政策研究所上席研究員 西川佳秀)`.
    fn signature(&mut self, i: usize) {
        self.roles[i] = Role::Signature;
        let text = self.lines[i].text;
        let inner = text
            .trim_start_matches(['(', '（'])
            .trim_end_matches([')', '）']);
        let (date_part, rest) = match inner.find(['、', ',', '，']) {
            Some(p) => (
                &inner[..p],
                inner[p..]
                    .trim_start_matches(['、', ',', '，'])
                    .trim_matches(is_space),
            ),
            None => (inner, ""),
        };
        if date_shape(date_part.trim_matches(is_space)) {
            self.set_date(i, date_part.trim_matches(is_space), DateSlot::Written);
        }
        if !rest.is_empty() {
            // The name is the last word; the affiliation what precedes it.
            let words = split_any_space(rest);
            if let Some(name) = words.last() {
                let aff_end = rest.len() - name.len();
                let aff = rest[..aff_end].trim_matches(is_space);
                let name_sp = self.sub(i, name);
                let affiliation = (!aff.is_empty()).then(|| self.sub(i, aff));
                if let Some(a) = self
                    .meta
                    .authors
                    .iter_mut()
                    .find(|a| a.name.value == name_sp.value)
                {
                    if a.affiliation.is_none() {
                        a.affiliation = affiliation;
                    }
                } else {
                    self.meta.authors.push(Author {
                        name: name_sp,
                        role: AuthorRole::Author,
                        affiliation,
                        bio: None,
                    });
                }
            }
        }
    }

    // ---------------------------------------------------------------- body

    /// Lines of a text hard-wrapped at a fixed width (a PDF copy): a line as wide as most
    /// full lines, not ending a sentence, continues on the next line. Marks the
    /// continuation lines; returns nothing when the text is not wrapped.
    fn mark_wrapped(&mut self, start: usize, end: usize) {
        // Display width: full-width characters count two columns.
        let width = |s: &str| -> usize {
            s.bytes()
                .map(|b| usize::from(b < 0x80) + 2 * usize::from(b >= 0xC0))
                .sum()
        };
        let mut widths: Vec<usize> = Vec::new();
        let mut long_lines = 0usize;
        for i in start..end.saturating_sub(1) {
            let t = self.lines[i].text;
            // (80 bytes hold at least 20 characters: only shorter lines are counted.)
            if self.roles[i] != Role::Unset
                || t.len() < 20
                || t.len() > 600
                || t.len() < 80 && chars(t) < 20
            {
                continue;
            }
            long_lines += 1;
            // A wrapped line is wide and stops mid-sentence, and the next line goes on.
            if !self.lines[i + 1].is_blank() && !ends_sentence(t) && width(t) >= 50 {
                widths.push(width(t));
            }
        }
        if widths.len() < 2 {
            return;
        }
        widths.sort_unstable();
        // The most common width, within three columns.
        let mut best = (0usize, 0usize);
        let mut lo = 0;
        for hi in 0..widths.len() {
            while widths[hi] - widths[lo] > 3 {
                lo += 1;
            }
            if hi + 1 - lo > best.0 {
                best = (hi + 1 - lo, widths[hi]);
            }
        }
        let (count, top) = best;
        if count < 2 || count * 10 < long_lines * 2 || top > 200 {
            return;
        }
        let full = |s: &str| {
            let w = width(s);
            w + 3 >= top && w <= top + 2
        };
        for i in start..end.saturating_sub(1) {
            let t = self.lines[i].text;
            let next = i + 1;
            if !matches!(self.roles[i], Role::Unset | Role::Paragraph | Role::ParaCont)
                || self.roles[next] != Role::Unset
                || self.lines[next].is_blank()
                || !full(t)
                || t.ends_with(['。', '」', '』', '：', ':'])
                || vocab::list_marker(t).is_some()
                || vocab::list_marker(self.lines[next].text).is_some()
                // An indented line starts a new paragraph.
                || self.lines[next].content_start > self.lines[next].start
                || vocab::heading_number(self.lines[next].text)
                    .is_some_and(|_| !t.ends_with('-'))
                    && !full(self.lines[next].text)
            {
                continue;
            }
            if self.roles[i] == Role::Unset {
                self.roles[i] = Role::Paragraph;
            }
            self.roles[next] = Role::ParaCont;
        }
    }

    fn body(&mut self, start: usize, end: usize) {
        self.mark_wrapped(start, end);
        let mut candidates: Vec<usize> = Vec::new();
        for i in start..end {
            if self.roles[i] != Role::Unset {
                continue;
            }
            let text = self.lines[i].text;
            let last_line = (i + 1..end).all(|k| self.lines[k].is_blank());
            if last_line && is_credit_line(text) {
                // `【時事通信社】` closing a wire story: the credit, not a heading.
                self.roles[i] = Role::Chrome(ChromeKind::Other);
            } else if is_dialogue_line(text) {
                // A question or answer of an interview (`――…`, `Q.`, `A：`) is running text.
                self.roles[i] = Role::Paragraph;
            } else if is_quote_line(text) {
                self.roles[i] = Role::Quote;
            } else if let Some((scheme, _, len)) = vocab::heading_number(text) {
                let rest = &text[len..];
                if chars(rest) <= 60
                    && !(ends_sentence(rest) && sentence_count(rest) > 1)
                    && !rest.contains('。')
                {
                    self.roles[i] = Role::Heading(Some(scheme), len);
                } else if matches!(
                    scheme,
                    Scheme::Dotted | Scheme::Paren | Scheme::Circled | Scheme::Symbol
                ) {
                    self.roles[i] = Role::ListItem(len);
                } else {
                    self.roles[i] = Role::Paragraph;
                }
            } else if let Some(len) = vocab::list_marker(text) {
                self.roles[i] = Role::ListItem(len);
            } else if is_plain_heading(text) && !date_and_time(text) {
                self.roles[i] = Role::Heading(None, 0);
            } else {
                self.roles[i] = Role::Paragraph;
                if is_short_sentence_heading(text) {
                    candidates.push(i);
                }
            }
        }
        // Pull quotes: a short sentence line that the next paragraph repeats.
        for i in start..end {
            if self.roles[i] != Role::Paragraph
                || self.lines[i].text.len() > 320
                || chars(self.lines[i].text) > 80
                || sentence_count(self.lines[i].text) > 1
            {
                continue;
            }
            let Some(n) = self.next_nonblank(i + 1, end) else {
                continue;
            };
            if self.roles[n] == Role::Paragraph
                && repeats_start(self.lines[i].text, self.lines[n].text)
            {
                self.roles[i] = Role::Quote;
                candidates.retain(|&c| c != i);
            }
        }
        // Unnumbered headings stand alone: two short lines with no blank line between them
        // are a list of labels or an address block (`日本側：…` / `NATO側：…`), not headings.
        let plain = |r: &Role| *r == Role::Heading(None, 0);
        let mut demote = Vec::new();
        for i in start..end {
            if plain(&self.roles[i])
                && ((i > start && plain(&self.roles[i - 1]))
                    || (i + 1 < end && plain(&self.roles[i + 1])))
                && !vocab::is_top_level_word(self.lines[i].text)
            {
                demote.push(i);
            }
            // A `label：value` line right under a list item or another such line
            // (`登壇者：` and its items, then `モデレーター：名前`) goes on the same block of
            // particulars.
            let particular = |k: usize| {
                let t = self.lines[k].text;
                matches!(self.roles[k], Role::ListItem(_))
                    || label_value(t)
                    || t.ends_with([':', '：']) && chars(t) <= 10
            };
            if plain(&self.roles[i])
                && label_value(self.lines[i].text)
                && ((i > 0 && particular(i - 1)) || (i + 1 < end && particular(i + 1)))
            {
                demote.push(i);
            }
        }
        for i in demote {
            self.roles[i] = Role::Paragraph;
        }
        // A newspaper's lead opens with its place and correspondent (`【シドニー=高橋 美咲】…`).
        if let Some(first) = (start..end).find(|&i| self.roles[i] == Role::Paragraph) {
            self.lead_byline(first);
        }
        // Headings that end like sentences: only where the body has no other headings and
        // the line stands alone between long paragraphs (machine-translated blogs).
        let has_headings = (start..end).any(|i| matches!(self.roles[i], Role::Heading(..)));
        if has_headings {
            // A short question alone between blank lines over a long paragraph (`…ってなに？`)
            // is a heading of a blog post that has other headings.
            for i in start..end {
                let t = self.lines[i].text;
                let alone = i > start
                    && self.lines[i - 1].is_blank()
                    && i + 1 < end
                    && self.lines[i + 1].is_blank();
                if self.roles[i] == Role::Paragraph
                    && alone
                    && t.len() <= 100
                    && chars(t) <= 25
                    && t.ends_with(['？', '?'])
                    && sentence_count(t) == 1
                    && !t.contains(['「', '『', '“'])
                    && !is_dialogue_line(t)
                    && self.next_nonblank(i + 1, end).is_some_and(|n| {
                        self.roles[n] == Role::Paragraph && chars(self.lines[n].text) >= 60
                    })
                {
                    self.roles[i] = Role::Heading(None, 0);
                }
            }
        }
        if !has_headings {
            for i in candidates {
                let prev = self.prev_nonblank(i).filter(|&p| p >= start);
                let next = self.next_nonblank(i + 1, end);
                let long = |k: Option<usize>| {
                    k.is_some_and(|k| {
                        self.roles[k] == Role::Paragraph && chars(self.lines[k].text) >= 100
                    })
                };
                if long(prev) && long(next) {
                    self.roles[i] = Role::Heading(None, 0);
                }
            }
        }
    }
}

impl Parser<'_> {
    /// `【シドニー=高橋 美咲】…` opening the first paragraph: the correspondent is an author,
    /// the place their affiliation. A news agency (`【ワシントン共同】`, `=時事`) is not.
    fn lead_byline(&mut self, i: usize) {
        let t = self.lines[i].text;
        let (Some(rest), Some(close)) = (t.strip_prefix('【'), t.find('】')) else {
            return;
        };
        let inner = &rest[..close - '【'.len_utf8()];
        if chars(inner) > 24 {
            return;
        }
        let Some(p) = inner.find(['＝', '=']) else {
            return;
        };
        let place = inner[..p].trim_matches(is_space);
        let name = inner[p..]
            .trim_start_matches(['＝', '='])
            .trim_matches(is_space);
        const AGENCIES: &[&str] = &[
            "共同",
            "時事",
            "ロイター",
            "AP",
            "AFP",
            "新華社",
            "聯合",
            "ブルームバーグ",
            "共同通信",
            "時事通信",
            "Reuters",
            "Bloomberg",
        ];
        if place.is_empty()
            || chars(place) > 12
            || AGENCIES.contains(&name)
            || !(3..=8).contains(&chars(name))
            || !looks_like_name(name)
            || self.meta.authors.iter().any(|a| a.name.value == name)
        {
            return;
        }
        let name = self.sub(i, name);
        let affiliation = Some(self.sub(i, place));
        self.meta.authors.push(Author {
            name,
            role: AuthorRole::Author,
            affiliation,
            bio: None,
        });
    }
}

/// A news agency or publisher's credit alone in brackets: `【時事通信社】`, `（共同）`.
fn is_credit_line(text: &str) -> bool {
    let inner = text
        .strip_prefix(['【', '［', '〔', '（', '(', '['])
        .and_then(|t| t.strip_suffix(['】', '］', '〕', '）', ')', ']']));
    inner.is_some_and(|t| {
        chars(t) <= 16
            && ([
                "社",
                "通信",
                "新聞",
                "放送",
                "共同",
                "時事",
                "ロイター",
                "AFP",
                "AP",
                "NEWS",
            ]
            .iter()
            .any(|w| t.ends_with(w)))
    })
}

/// A turn of an interview: a question after a dash (`――今後の課題は`), or a line labelled
/// `Q.`, `A：`, `Q1`, `問`, `答`.
fn is_dialogue_line(text: &str) -> bool {
    let mut cs = text.chars();
    let (Some(a), Some(b)) = (cs.next(), cs.next()) else {
        return false;
    };
    let dash = |c: char| matches!(c, '―' | '—' | '─' | '━');
    if dash(a) && dash(b) {
        return true;
    }
    if matches!(a, 'Q' | 'A' | 'Ｑ' | 'Ａ' | '問' | '答') {
        let after = &text[a.len_utf8()..];
        let after = after.trim_start_matches(|c: char| lines::digit(c).is_some());
        let digits = after.len() < text.len() - a.len_utf8();
        return after.starts_with(['.', '．', ':', '：', '）', ')'])
            || (digits && after.starts_with(is_space) && matches!(a, 'Q' | 'Ｑ' | '問'))
            || (after.starts_with(is_space)
                && after
                    .trim_start_matches(is_space)
                    .chars()
                    .next()
                    .is_some_and(lines::is_japanese));
    }
    false
}

#[derive(Debug, Clone, Copy)]
enum DateSlot {
    Published,
    Issue,
    Written,
    Other,
}

/// Turn the line roles into blocks that tile the text.
fn build_blocks(text: &str, lines: &[Line<'_>], roles: &[Role]) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::with_capacity(lines.len());
    let mut levels: Vec<Scheme> = Vec::new();
    let mut last_numbered_level: Option<u8> = None;
    let mut i = 0;
    while i < lines.len() {
        let first = i;
        let kind = match &roles[i] {
            Role::Blank | Role::Unset => {
                while i + 1 < lines.len() && matches!(roles[i + 1], Role::Blank) {
                    i += 1;
                }
                BlockKind::Blank
            }
            Role::NoteStart(len) => {
                // The note runs over its continuation lines (blank lines between them included
                // only when more continuation follows).
                let mut j = i + 1;
                let mut last = i;
                while j < lines.len() {
                    match roles[j] {
                        Role::NoteCont => {
                            last = j;
                            j += 1;
                        }
                        Role::Blank => j += 1,
                        _ => break,
                    }
                }
                i = last;
                BlockKind::Note {
                    label: lines[first].text[..*len].trim_matches(is_space).to_owned(),
                }
            }
            Role::NoteCont => BlockKind::Note {
                label: String::new(),
            },
            Role::Meta(field) => BlockKind::Meta { field: *field },
            Role::Heading(scheme, len) => {
                let number =
                    (*len > 0).then(|| lines[i].text[..*len].trim_matches(is_space).to_owned());
                let level = match scheme {
                    Some(s) => {
                        let pos = levels.iter().position(|x| x == s).unwrap_or_else(|| {
                            levels.push(*s);
                            levels.len() - 1
                        });
                        let level = u8::try_from(pos + 1).unwrap_or(u8::MAX);
                        last_numbered_level = Some(level);
                        level
                    }
                    None => match last_numbered_level {
                        Some(l) if !vocab::is_top_level_word(lines[i].text) => l.saturating_add(1),
                        _ => 1,
                    },
                };
                BlockKind::Heading { level, number }
            }
            Role::Paragraph => {
                // A hard-wrapped paragraph runs over its continuation lines.
                while i + 1 < lines.len() && roles[i + 1] == Role::ParaCont {
                    i += 1;
                }
                BlockKind::Paragraph
            }
            Role::ParaCont => BlockKind::Paragraph,
            Role::Quote => BlockKind::Quote,
            Role::ListItem(len) => BlockKind::ListItem {
                marker: lines[i].text[..*len].trim_matches(is_space).to_owned(),
            },
            Role::NotesHeading => BlockKind::NotesHeading,
            Role::Signature => BlockKind::Signature,
            Role::Chrome(kind) => BlockKind::Chrome { chrome: *kind },
        };
        let last = i;
        let span = Span::new(lines[first].start, lines[last].end);
        let content = if matches!(kind, BlockKind::Blank) {
            Span::new(span.end, span.end)
        } else {
            Span::new(lines[first].content_start, lines[last].content_end)
        };
        blocks.push(Block {
            kind,
            span,
            content,
            text: text[content.start..content.end].to_owned(),
            line: first + 1,
            end_line: last + 1,
        });
        i += 1;
    }
    blocks
}

// ---------------------------------------------------------------- predicates

/// Split on runs of two or more spaces, ideographic spaces or tabs.
fn split_wide(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let wide = c == '\u{3000}'
            || c == '\t'
            || (c == ' ' && iter.peek().is_some_and(|(_, n)| is_space(*n)));
        if wide {
            let mut end_ws = i + c.len_utf8();
            while let Some(&(j, n)) = iter.peek() {
                if !is_space(n) {
                    break;
                }
                end_ws = j + n.len_utf8();
                iter.next();
            }
            if i > start {
                parts.push(&text[start..i]);
            }
            start = end_ws;
        }
    }
    if start < text.len() {
        parts.push(&text[start..]);
    }
    parts
}

fn split_any_space(text: &str) -> Vec<&str> {
    text.split(is_space).filter(|w| !w.is_empty()).collect()
}

/// Strip labels and suffixes around a date on a date line: `公開日：`, `発行`, `更新`.
fn strip_date_label(text: &str) -> &str {
    if text.len() > 160 {
        return text;
    }
    let mut t = text;
    for p in [
        "公開日",
        "投稿日",
        "掲載日",
        "更新日",
        "発行日",
        "配信日",
        "Published",
        "Posted",
        "Updated",
        "Date",
    ] {
        if let Some(r) = t.strip_prefix(p) {
            t = r.trim_start_matches([':', '：', ' ', '　']);
            break;
        }
    }
    for s in [
        "発行", "公開", "更新", "掲載", "投稿", "配信", "受領", "提出",
    ] {
        if let Some(r) = t.strip_suffix(s) {
            t = r.trim_end_matches(is_space);
            break;
        }
    }
    // A time of day after the date: `2025年2月8日 10:30`.
    if let Some(p) = t.rfind(is_space) {
        let time = &t[p..].trim_start_matches(is_space);
        let bytes = time.as_bytes();
        let is_time = (4..=8).contains(&bytes.len())
            && bytes.iter().all(|b| b.is_ascii_digit() || *b == b':')
            && bytes.iter().filter(|b| **b == b':').count() >= 1
            && !bytes.starts_with(b":");
        if is_time {
            t = t[..p].trim_end_matches(is_space);
        }
    }
    // `2025年3月4日 18時42分`, `2024年03月26日19時15分`: a time in 時/分 after 日.
    if let Some(rest) = t.strip_suffix('分') {
        let digit = |c: char| lines::digit(c).is_some();
        let minutes = rest.trim_end_matches(digit);
        if let Some(hours) = minutes
            .strip_suffix('時')
            .filter(|_| rest.len() > minutes.len())
        {
            let date = hours.trim_end_matches(digit);
            if hours.len() > date.len() && date.trim_end_matches(is_space).ends_with('日') {
                t = date.trim_end_matches(is_space);
            }
        }
    }
    t
}

/// True when the text has the shape of one date and nothing else: digits with 年月日 or
/// `.`/`/`/`-` separators, optional brackets and weekday, or an English month date.
fn date_shape(text: &str) -> bool {
    let t = text
        .trim_matches(|c: char| matches!(c, '(' | ')' | '（' | '）' | '[' | ']') || is_space(c));
    if t.is_empty() || t.len() > 60 {
        return false;
    }
    let era = t.starts_with("令和") || t.starts_with("平成");
    // `令和七年二月十八日`: an era date in kanji numerals, with 年, 月 and 日.
    if era && t.contains('年') && t.contains('月') && t.ends_with('日') {
        let kanji = t[6..]
            .chars()
            .all(|c| kanji_numeral(c) || matches!(c, '年' | '月' | '日' | '元'));
        if kanji && t.chars().any(kanji_numeral) {
            return true;
        }
    }
    let digits = t.chars().filter(|c| lines::digit(*c).is_some()).count();
    // `令和7年3月5日`: an era year and a one-digit month and day make three digits.
    if digits < 4 && !(era && digits == 3) {
        return false;
    }
    const MONTHS: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan.",
        "Feb.",
        "Mar.",
        "Apr.",
        "Jun.",
        "Jul.",
        "Aug.",
        "Sep.",
        "Sept.",
        "Oct.",
        "Nov.",
        "Dec.",
    ];
    if t.bytes().any(|b| b.is_ascii_alphabetic()) {
        return MONTHS.iter().any(|m| t.contains(m))
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | ',' | '.'));
    }
    let ok = t.chars().all(|c| {
        lines::digit(c).is_some()
            || matches!(
                c,
                '(' | ')'
                    | '（'
                    | '）'
                    | '年'
                    | '月'
                    | '日'
                    | '.'
                    | '/'
                    | '-'
                    | '．'
                    | '／'
                    | '－'
                    | ' '
                    | '令'
                    | '和'
                    | '平'
                    | '成'
                    | '元'
                    | '火'
                    | '水'
                    | '木'
                    | '金'
                    | '土'
            )
    });
    ok && (t.contains('年') || t.contains(['.', '/', '-', '．', '／']))
}

fn is_signature(text: &str) -> bool {
    let t = text.trim_matches(is_space);
    (t.starts_with(['(', '（']) && t.ends_with([')', '）']))
        && chars(t) <= 100
        && t.contains(['、', ',', '，'])
        && {
            let inner = t.trim_start_matches(['(', '（']);
            let first = inner.split(['、', ',', '，']).next().unwrap_or("");
            date_shape(first)
        }
}

fn is_notice(text: &str) -> bool {
    [
        "掲載",
        "お知らせ",
        "ご紹介",
        "ご案内",
        "提携",
        "読者",
        "編集部",
        "お届け",
    ]
    .iter()
    .any(|w| text.contains(w))
}

fn is_title_candidate(text: &str) -> bool {
    let n = chars(text);
    n > 0 && n <= 120 && sentence_count(text) <= 1 && !(text.ends_with('。') && n > 60)
}

/// A bracketed label before a title: `【特集】題`, `［連載］題`, `[Analysis] Title`.
/// Returns the label (without brackets) and the title after it.
fn title_prefix(text: &str) -> Option<(&str, &str)> {
    const PAIRS: &[(char, char)] = &[
        ('【', '】'),
        ('［', '］'),
        ('[', ']'),
        ('〈', '〉'),
        ('《', '》'),
        ('〔', '〕'),
        ('＜', '＞'),
        ('<', '>'),
    ];
    let open = text.chars().next()?;
    let &(_, close) = PAIRS.iter().find(|(o, _)| *o == open)?;
    let inner_start = open.len_utf8();
    let end = text[inner_start..].find(close)? + inner_start;
    let label = text[inner_start..end].trim_matches(is_space);
    let rest = text[end + close.len_utf8()..].trim_matches(is_space);
    let ok = !label.is_empty()
        && chars(label) <= 20
        && !ends_sentence(label)
        && !label.contains(['。', '、', '=', '＝'])
        && !date_shape(label)
        && !label.chars().all(|c| lines::digit(c).is_some())
        && chars(rest) >= 2
        // `〈日米同盟〉の再定義`: brackets inside the title, not a label before it.
        && !rest.starts_with(['の', 'は', 'が', 'を', 'に', 'と', 'で', 'も', 'へ', 'や']);
    ok.then_some((label, rest))
}

/// A serial's name and number opening a title: `同盟の現場から（4） 題` or
/// `同盟の現場から 第4回 題` → name, number, title.
fn serial_head(text: &str) -> Option<(&str, &str, &str)> {
    // `名前（4）` / `名前(4)` then white space.
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(o) = text.find(open) {
            let after = &text[o + open.len_utf8()..];
            if let Some((_, len)) = lines::leading_number(after) {
                if after[len..].starts_with(close) {
                    let num_end = o + open.len_utf8() + len + close.len_utf8();
                    let title = text[num_end..].trim_matches(is_space);
                    let name = text[..o].trim_matches(is_space);
                    if !name.is_empty()
                        && chars(name) <= 30
                        && !title.is_empty()
                        && text[num_end..].starts_with(|c: char| is_space(c) || c == '：')
                    {
                        let title = title.trim_start_matches(['：', ':']).trim_matches(is_space);
                        return Some((name, &text[o..num_end], title));
                    }
                }
            }
        }
    }
    // `名前 第4回 題`.
    let words = split_any_space(text);
    if words.len() >= 3 {
        let k = words.iter().position(|w| {
            w.starts_with('第')
                && w.ends_with(['回', '号'])
                && w.chars().skip(1).any(|c| lines::digit(c).is_some())
        })?;
        if k >= 1 && k + 1 < words.len() {
            let number = words[k];
            let name_end = number.as_ptr() as usize - text.as_ptr() as usize;
            let name = text[..name_end].trim_matches(is_space);
            let title_start = name_end + number.len();
            let title = text[title_start..].trim_matches(is_space);
            return Some((name, number, title));
        }
    }
    None
}

/// The name of a site or web edition: `月刊 国際安全保障ジャーナル ONLINE`, `…電子版`.
fn is_site_name(text: &str) -> bool {
    chars(text) <= 40
        && !ends_sentence(text)
        && [
            "ONLINE",
            "Online",
            "NEWS WEB",
            "News Web",
            "オンライン",
            "電子版",
            "デジタル版",
            "DIGITAL",
            "Web版",
            "WEB版",
            "ウェブ版",
            ".com",
            ".jp",
            ".org",
        ]
        .iter()
        .any(|w| text.ends_with(w))
}

/// The name of an office or organisation alone on a line: `防衛省`, `外務省北米局`,
/// `内閣官房国家安全保障局`.
fn is_org_name(text: &str) -> bool {
    let n = chars(text);
    (2..=24).contains(&n)
        && text.chars().all(|c| lines::is_japanese(c) || c == '・')
        && [
            "省",
            "庁",
            "府",
            "局",
            "部",
            "課",
            "室",
            "院",
            "本部",
            "機構",
            "研究所",
            "センター",
            "財団",
            "委員会",
            "事務所",
            "大使館",
        ]
        .iter()
        .any(|w| text.ends_with(w))
}

fn is_subtitle_line(text: &str) -> bool {
    text.starts_with(['―', '—', '～', '〜', '－'])
        && chars(text) <= 80
        // `――質問…。` opens an interview; a subtitle ends in a dash or without a sentence.
        && !(is_dialogue_line(text) && ends_sentence(text))
}

fn is_quote_line(text: &str) -> bool {
    let pairs = [
        ('「', '」'),
        ('『', '』'),
        ('“', '”'),
        ('"', '"'),
        ('〝', '〟'),
    ];
    pairs.iter().any(|(o, c)| {
        text.starts_with(*o) && {
            let t = text.trim_end_matches(['。', ' ']);
            t.ends_with(*c) && t.len() > o.len_utf8() + c.len_utf8()
        }
    }) || text.starts_with("> ")
}

/// A short line without sentence punctuation in the body: a heading.
fn is_plain_heading(text: &str) -> bool {
    if text.len() > 400 || ends_sentence(text) {
        return false;
    }
    let n = chars(text);
    if n == 0 || text.contains('。') {
        return false;
    }
    let latin = japanese_ratio(text) < 0.2;
    if latin {
        n <= 100
            && text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && !text.ends_with([',', ';', ':'])
    } else {
        // A line cut in the middle of a sentence (a hard-wrapped copy) ends in a particle.
        n <= 50
            && (vocab::is_top_level_word(text)
                || text.ends_with("もの")
                || !text.ends_with([
                    '、', '，', ',', 'を', 'に', 'が', 'は', 'の', 'で', 'と', 'も', 'や', 'へ',
                ]))
            && !text.starts_with(['(', '（', '「', '[', '［'])
    }
}

/// `開催日時：2月20日`, `場所：会館ホール`: a short label, a full-width or ASCII colon, and
/// a value.
fn label_value(text: &str) -> bool {
    let Some(p) = text.find(['：', ':']) else {
        return false;
    };
    let label = &text[..p];
    let value = text[p..]
        .trim_start_matches(['：', ':'])
        .trim_matches(is_space);
    // A Japanese label is a word of up to eight characters, a Latin one (`Moderator`) up
    // to sixteen letters.
    let short = chars(label) <= 8 || label.is_ascii() && label.len() <= 16;
    !label.is_empty() && short && !label.contains(is_space) && !value.is_empty()
}

/// A date with only a weekday and times after it: `令和7年3月31日（月）10時00分～10時45分`,
/// `2025年3月28日 15:00-17:00` (the particulars of a meeting, not a heading).
fn date_and_time(text: &str) -> bool {
    // A date opens with a digit or an era name.
    let opens = text
        .chars()
        .next()
        .is_some_and(|c| lines::digit(c).is_some() || matches!(c, '令' | '平'));
    if !opens {
        return false;
    }
    if date_shape(strip_date_label(text)) {
        return true;
    }
    leading_date(text).is_some_and(|(_, rest)| {
        rest.chars().all(|c| {
            lines::digit(c).is_some()
                || is_space(c)
                || "時分～〜~-－:：()（）月火水木金土日祝".contains(c)
        })
    })
}

fn is_short_sentence_heading(text: &str) -> bool {
    if text.len() > 240 {
        return false;
    }
    let n = chars(text);
    (15..=60).contains(&n)
        && sentence_count(text) == 1
        && text.ends_with('。')
        && !text.contains('「')
}

/// True when `next` starts (or starts after its first clause) with eight or more
/// characters that stand in `short`: the paragraph repeats the pull quote before it.
fn repeats_start(short: &str, next: &str) -> bool {
    let probe = |s: &str| {
        // The first eight characters, as a slice (no copy).
        let end = s.char_indices().nth(8).map_or(s.len(), |(i, _)| i);
        let head = &s[..end];
        chars(head) == 8 && short.contains(head)
    };
    // After a short opening clause only (`この脅威は、…`): a long first clause is a new sentence.
    probe(next)
        || next
            .find('、')
            .is_some_and(|p| chars(&next[..p]) <= 6 && probe(&next[p + '、'.len_utf8()..]))
}

/// The names after a byline label: `執筆者：名前`, `文・写真：名前`, `聞き手・構成：編集部 名前`,
/// `Author: Name`. The label is short and made of byline words.
fn byline_after_label(text: &str) -> Option<&str> {
    let p = text.find([':', '：', '/', '／', '|', '｜'])?;
    let label = text[..p].trim_matches(is_space);
    if label.is_empty() || chars(label) > 10 {
        return None;
    }
    const WORDS: &[&str] = &[
        "執筆",
        "著者",
        "筆者",
        "寄稿",
        "文責",
        "文",
        "聞き手",
        "構成",
        "写真",
        "取材",
        "翻訳",
        "訳",
        "Author",
        "Authors",
        "Written by",
        "作成",
        "投稿",
        "Posted by",
        "Text",
    ];
    let all_words = label
        .split(['・', '/', '／', '、'])
        .all(|part| WORDS.contains(&part.trim_end_matches('者')) || WORDS.contains(&part));
    if !all_words {
        return None;
    }
    let sep = text[p..].chars().next().map_or(1, char::len_utf8);
    let rest = text[p + sep..].trim_matches(is_space);
    (!rest.is_empty()).then_some(rest)
}

/// `（国際部　木村 玲奈）`, `（文・木村玲奈）`, `(Reporting by Jane Doe)`: a bracketed line
/// holding a department or byline label and a name; returns the department and the name.
fn closing_credit(text: &str) -> Option<(Option<&str>, &str)> {
    let inner = text
        .strip_prefix(['（', '('])
        .and_then(|t| t.strip_suffix(['）', ')']))?
        .trim_matches(is_space);
    if chars(inner) > 30 || inner.contains(['、', '。', ',']) || date_shape(inner) {
        return None;
    }
    // A byline label before the name: `文：`, `文・`, `取材・文＝`.
    let labelled = byline_after_label(inner).or_else(|| {
        let p = inner.find(['＝', '='])?;
        let label = &inner[..p];
        let rest = inner[p..]
            .trim_start_matches(['＝', '='])
            .trim_matches(is_space);
        (!label.is_empty() && byline_after_label(&format!("{label}：x")).is_some()).then_some(rest)
    });
    let labelled = labelled.or_else(|| inner.strip_prefix("文・"));
    let inner = labelled.unwrap_or(inner);
    let words = split_any_space(inner);
    let spaced = |p: &str| {
        let w = split_any_space(p);
        w.len() == 2 && w.iter().all(|w| chars(w) <= 4)
    };
    // The name: the last two words when they are a spaced name, else the last word.
    let n = words.len();
    let name_start =
        if n >= 2 && spaced(&inner[words[n - 2].as_ptr() as usize - inner.as_ptr() as usize..]) {
            n - 2
        } else {
            n.checked_sub(1)?
        };
    let from = words[name_start].as_ptr() as usize - inner.as_ptr() as usize;
    // `文責：東亜政策研究所 事務局`: an office of an organisation is credited with the
    // organisation's name, not as a person of a department.
    if labelled.is_some() && is_office_unit(&inner[from..]) && chars(inner) <= 30 {
        return Some((None, inner));
    }
    let name = &inner[from..];
    let before = inner[..from].trim_matches(is_space);
    let ok = looks_like_name(name)
        && chars(name) <= 10
        && lines::japanese_ratio(name) > 0.9
        && (before.is_empty() && (spaced(name) || labelled.is_some()) || is_affiliation(before));
    ok.then_some(((!before.is_empty()).then_some(before), name))
}

/// An office of an organisation that signs a text: `事務局`, `編集部`, `広報室`.
fn is_office_unit(text: &str) -> bool {
    ["事務局", "編集部", "編集室", "広報室", "広報課", "広報部"]
        .iter()
        .any(|w| text.ends_with(w))
}

/// A journal's name and issue: `国際安全保障研究　第52巻第3号（2024年12月）`,
/// `ニューズレター 第87号（2025年3月1日発行）`, `Journal of Alliance Studies Vol. 12 No. 2
/// (2024)` → name, issue label and the date in brackets.
fn journal_issue(text: &str) -> Option<(&str, &str, Option<&str>)> {
    if text.len() > 180
        || !(text.contains('第') || text.contains("Vol."))
        || chars(text) > 60
        || ends_sentence(text)
        || text.contains(['。', '、', '『', '「'])
    {
        return None;
    }
    let (head, date) = match text.find(['（', '(']) {
        Some(b) if text.ends_with([')', '）']) => {
            let inner = text[b..].trim_start_matches(['（', '(']);
            let inner = inner.trim_end_matches([')', '）']).trim_matches(is_space);
            let inner = strip_date_label(inner);
            // A year alone (`(2024)`) dates an issue too.
            let year = inner.len() == 4
                && inner.bytes().all(|b| b.is_ascii_digit())
                && (inner.starts_with("19") || inner.starts_with("20"));
            (&text[..b], (date_shape(inner) || year).then_some(inner))
        }
        Some(_) => return None,
        None => (text, None),
    };
    let at = head.find("第").or_else(|| head.find("Vol."))?;
    let name = head[..at].trim_matches(is_space);
    let issue = head[at..].trim_matches(is_space);
    let digit = |c: char| lines::digit(c).is_some();
    let issue_shape = if let Some(r) = issue.strip_prefix("第") {
        // `第52巻第3号`, `第87号`: digits and 巻/号/第 only.
        r.ends_with('号')
            && r.chars()
                .all(|c| digit(c) || matches!(c, '巻' | '号' | '第' | ' ' | '　'))
    } else {
        issue.contains("No.")
            && issue
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, 'V' | 'o' | 'l' | 'N' | '.' | ',' | ' '))
    };
    let name_ok = (2..=30).contains(&chars(name)) && !name.contains([':', '：']);
    (issue_shape && name_ok).then_some((name, issue, date))
}

/// `原文：“Is the Future …?”（2024年11月4日）`, `原題：『…』`, `Original title: …` → the
/// original's title without its quotation marks and a bracketed date after it.
fn original_title(text: &str) -> Option<&str> {
    if chars(text) > 160 {
        return None;
    }
    let rest = ["原文", "原題", "Original title", "Original"]
        .iter()
        .find_map(|l| text.strip_prefix(l))?
        .strip_prefix([':', '：'])?
        .trim_matches(is_space);
    // A bracketed date or source after the title.
    let rest = match rest.rfind(['（', '(']) {
        Some(b) if b > 0 && rest.ends_with([')', '）']) => rest[..b].trim_end_matches(is_space),
        _ => rest,
    };
    let inner = rest
        .trim_start_matches(['“', '"', '「', '『', '‘'])
        .trim_end_matches(['”', '"', '」', '』', '’'])
        .trim_matches(is_space);
    (!inner.is_empty()).then_some(inner)
}

/// A kanji numeral (`〇` to `十`, `百`).
fn kanji_numeral(c: char) -> bool {
    "〇○一二三四五六七八九十百".contains(c)
}

/// The number of an official document alone on a line: `答弁第四五号`,
/// `内閣衆質二一七第四五号`, `防衛省発第123号`.
fn doc_number(text: &str) -> bool {
    let Some(core) = text.strip_suffix('号') else {
        return false;
    };
    let Some(p) = core.rfind('第') else {
        return false;
    };
    let number = &core[p + '第'.len_utf8()..];
    let prefix = &core[..p];
    chars(text) <= 24
        && !number.is_empty()
        && number
            .chars()
            .all(|c| lines::digit(c).is_some() || kanji_numeral(c))
        && (1..=12).contains(&chars(prefix))
        // The issuer's short name: kanji and numerals, no kana or spaces (not a sentence).
        && prefix
            .chars()
            .all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) || lines::digit(c).is_some())
}

/// `衆議院議長　額賀福志郎　殿`: the addressee of an official letter.
fn addressee(text: &str) -> bool {
    let Some(core) = text.strip_suffix(['殿', '様']) else {
        return false;
    };
    core.ends_with(is_space)
        && chars(text) <= 30
        && !core.contains(['。', '、'])
        && split_any_space(core).len() >= 2
}

/// `内閣総理大臣　石破　茂`, `防衛大臣 中谷 元`: an office holder signing a document →
/// the office and the name.
fn office_signatory(text: &str) -> Option<(&str, &str)> {
    // An office word stands in the line: most lines leave here.
    if text.len() > 90
        || ![
            "大臣", "長官", "議長", "知事", "市長", "総裁", "大使", "総理",
        ]
        .iter()
        .any(|o| text.contains(o))
        || chars(text) > 30
        || text.contains(['。', '、', '：', ':'])
    {
        return None;
    }
    let words = split_any_space(text);
    if !(2..=3).contains(&words.len()) {
        return None;
    }
    let office = words[0];
    let offices = [
        "大臣", "長官", "議長", "知事", "市長", "総裁", "大使", "総理",
    ];
    if !offices.iter().any(|o| office.ends_with(o)) || chars(office) > 12 {
        return None;
    }
    let from = words[1].as_ptr() as usize - text.as_ptr() as usize;
    let name = &text[from..];
    let name_words = &words[1..];
    let ok = name_words.iter().all(|w| chars(w) <= 5)
        && chars(name) <= 10
        && looks_like_name(name)
        && lines::japanese_ratio(name) > 0.9;
    ok.then_some((office, name))
}

/// `発行：日本同盟研究会`, `編集・発行：…`, `Published by …`: the publisher's name.
fn publisher_line(text: &str) -> Option<&str> {
    if chars(text) > 50 || ends_sentence(text) {
        return None;
    }
    let rest = ["Published by ", "Publisher: "]
        .iter()
        .find_map(|l| text.strip_prefix(l))
        .or_else(|| {
            let p = text.find([':', '：'])?;
            let label = text[..p].trim_matches(is_space);
            let known = [
                "発行",
                "発行元",
                "発行者",
                "編集・発行",
                "編集発行",
                "発行所",
            ];
            known.contains(&label).then(|| {
                let sep = text[p..].chars().next().map_or(1, char::len_utf8);
                &text[p + sep..]
            })
        })?;
    let name = rest.trim_matches(is_space);
    (!name.is_empty() && !name.contains(['。', '、'])).then_some(name)
}

/// `受付日：2024年6月3日　受理日：2024年9月20日`, `Received: … Accepted: …`.
fn is_review_dates(text: &str) -> bool {
    chars(text) <= 80
        && ["受付日", "受付：", "受理日", "Received", "Accepted"]
            .iter()
            .any(|w| text.starts_with(w))
        && text.chars().filter(|c| c.is_ascii_digit()).count() >= 4
}

/// `kazuma_sec 2024-08-15 21:30`: one name word, then a date (and a time).
fn entry_stamp(text: &str) -> Option<(&str, &str)> {
    if chars(text) > 60 {
        return None;
    }
    let p = text.find(is_space)?;
    let name = &text[..p];
    let rest = text[p..].trim_matches(is_space);
    let date = strip_date_label(rest);
    let ok = (2..=30).contains(&chars(name))
        && name.chars().any(char::is_alphabetic)
        // An acronym (`NATO 2024年7月`) is no user name.
        && !name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && !date_shape(strip_date_label(name))
        && !name.ends_with([':', '：'])
        && date_shape(date);
    ok.then_some((name, date))
}

/// The part the people of a labelled byline played: `聞き手`, `構成`, `編集` credit an
/// editor (an interviewer), `翻訳`, `訳` a translator, anything else an author.
fn byline_role(text: &str) -> AuthorRole {
    let Some(p) = text.find([':', '：', '/', '／', '|', '｜']) else {
        return AuthorRole::Author;
    };
    let parts: Vec<&str> = text[..p]
        .split(['・', '/', '／', '、'])
        .map(|s| s.trim_matches(is_space))
        .collect();
    let any = |words: &[&str]| parts.iter().any(|p| words.contains(p));
    let only = |words: &[&str]| parts.iter().all(|p| words.contains(p));
    if only(&[
        "翻訳",
        "訳",
        "翻訳者",
        "訳者",
        "Translated by",
        "Translation",
    ]) {
        AuthorRole::Translator
    } else if any(&["聞き手", "インタビュアー", "Interviewer"])
        && only(&[
            "聞き手",
            "インタビュアー",
            "Interviewer",
            "構成",
            "編集",
            "写真",
            "文",
        ])
    {
        AuthorRole::Editor
    } else {
        AuthorRole::Author
    }
}

/// A date at the start of a line, with what follows it: `2025/02/13 18:30（最終更新 …）`,
/// `2024年8月3日 by admin`, `July 8, 2024 | Commentary`, `2024.12.01　解説記事　執筆：…`.
fn leading_date(text: &str) -> Option<(&str, &str)> {
    let t = strip_date_label(text);
    let mut best = None;
    for (i, c) in t.char_indices() {
        if matches!(c, ' ' | '\u{3000}' | '\t' | '（' | '(' | '|' | '｜' | '／') && i >= 6 {
            let head = t[..i].trim_matches(is_space);
            if date_shape(strip_date_label(head)) {
                best = Some((head, t[i..].trim_start_matches(is_space)));
            }
        }
    }
    let (head, rest) = best?;
    Some((strip_date_label(head), rest))
}

fn looks_like_url(text: &str) -> bool {
    let t = text.trim_start_matches(['<', '＜', '(', '（']);
    t.starts_with("http://")
        || t.starts_with("https://")
        || t.starts_with("www.")
        || t.starts_with("doi:")
}

fn looks_like_continuation(text: &str) -> bool {
    let t = text.trim_start_matches(['<', '＜']);
    t.starts_with("http://")
        || t.starts_with("https://")
        || t.starts_with("www.")
        || t.starts_with("doi:")
        || (chars(text) <= 200
            && !vocab::heading_number(text).is_some_and(|h| h.0 == Scheme::Chapter))
}

/// True when the text before the notes cites note 1 in the style of `label`.
fn cites_note_one(before: &str, label: &str) -> bool {
    let forms = [
        "[1]",
        "［1］",
        "［１］",
        "(1)",
        "（1）",
        "（１）",
        "【1】",
        "※1",
        "*1",
        "注1",
        "注(1)",
        "¹",
    ];
    // A label in brackets or with a mark cites itself (`([1])`, `(注1)`, `※1`); a plain
    // number (`1.`, `1)`, `1`) is everywhere in a body and proves nothing.
    let plain = label.starts_with(|c: char| lines::digit(c).is_some());
    if !plain && label.len() > 1 && before.contains(label) {
        return true;
    }
    forms.iter().any(|f| before.contains(f))
}

fn looks_like_name(text: &str) -> bool {
    let n = chars(text);
    if !(2..=40).contains(&n)
        || text.contains(['、', '。', '，', ',', ':', '：', '「', '」', '(', '（'])
    {
        return false;
    }
    if is_latin_name(text) {
        return true;
    }
    // Japanese: kanji/kana only, no particles typical of running text.
    let ja = text.chars().all(|c| {
        lines::is_japanese(c)
            || c == '・'
            || c == '='
            || c == '＝'
            || c == '.'
            || c.is_ascii_uppercase()
            || is_space(c)
    });
    ja && n <= 20
        // Particles mark running text, except in a katakana name (`ヘギンボサム`).
        && (!text.contains(['の', 'は', 'が', 'を', 'に', 'と', 'で', 'へ', 'も'])
            || text.chars().all(|c| {
                ('\u{30A0}'..='\u{30FF}').contains(&c)
                    || c == '・'
                    || c == '＝'
                    || c == '='
                    || is_space(c)
                    || c == '.'
                    || c.is_ascii_uppercase()
            }))
}

/// `※本稿は…`, `※この記事は…`: a remark on the text itself after the body.
fn is_text_remark(text: &str) -> bool {
    let Some(rest) = text.strip_prefix(['※', '＊', '*']) else {
        return false;
    };
    let rest = rest.trim_start_matches(is_space);
    chars(rest) <= 120
        && ["本稿", "本記事", "この記事", "本論考", "本文"]
            .iter()
            .any(|w| rest.starts_with(w))
}

/// A foreign name written in katakana with a middle dot: `マーク・ホルデン`,
/// `ジョン・スミス＝ジョーンズ`.
fn katakana_name(text: &str) -> bool {
    let n = chars(text);
    (4..=24).contains(&n)
        && text.contains(['・', '＝', '='])
        && !text.starts_with(['・', '＝', '='])
        && !text.ends_with(['・', '＝', '='])
        && text.chars().all(|c| {
            ('\u{30A1}'..='\u{30FA}').contains(&c) || matches!(c, 'ー' | '・' | '＝' | '=')
        })
}

/// Two spellings of one name: equal without white space (`山本 遥` = `山本遥`).
fn same_name(a: &str, b: &str) -> bool {
    a.chars()
        .filter(|c| !is_space(*c))
        .eq(b.chars().filter(|c| !is_space(*c)))
}

/// `山本 遥（やまもと はるか）` or `森下誠一（もりした・せいいち） 1962年生まれ。…`: a name
/// followed by its reading in brackets; returns the name and what follows the reading.
fn name_with_reading(text: &str) -> Option<(&str, &str)> {
    // The name is short: the bracket stands within its first 17 characters (51 bytes).
    let head = &text.as_bytes()[..text.len().min(52)];
    if !head.contains(&b'(') && !head.windows(3).any(|w| w == "（".as_bytes()) {
        return None;
    }
    let open = text
        .char_indices()
        .take(17)
        .find(|&(_, c)| matches!(c, '（' | '('))?
        .0;
    let after = &text[open..];
    let sep = after.chars().next().map_or(1, char::len_utf8);
    let close = after.find(['）', ')'])?;
    let reading = after[sep..close].trim_matches(is_space);
    // A reading is kana (`やまもと はるか`, `モリシタ`), or a romanised name with lower-case
    // letters (`Yamamoto Haruka`); an acronym (`NATO`) is not.
    let kana = |c: char| ('\u{3041}'..='\u{30FF}').contains(&c);
    let ok = !reading.is_empty()
        && chars(reading) <= 30
        && (reading.chars().any(kana) || reading.chars().any(|c| c.is_ascii_lowercase()))
        && reading.chars().all(|c| {
            kana(c)
                || c.is_ascii_alphabetic()
                || matches!(c, '・' | '、' | ',' | '-' | '.')
                || is_space(c)
        });
    if !ok {
        return None;
    }
    let name = text[..open].trim_matches(is_space);
    if chars(name) > 16 || !looks_like_name(name) {
        return None;
    }
    let close_len = after[close..].chars().next().map_or(1, char::len_utf8);
    let rest = after[close + close_len..].trim_matches(is_space);
    Some((name, rest))
}

fn is_latin_name(text: &str) -> bool {
    // A name opens with a capital letter: most lines are rejected without splitting.
    if !text.chars().next().is_some_and(char::is_uppercase) || text.len() > 200 {
        return false;
    }
    let words = split_any_space(text);
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| is_latin_letter(c) || matches!(c, '.' | '-' | '\''))
        })
}

/// A letter of the Latin script (ASCII or with diacritics), not kana or kanji.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (c.is_alphabetic() && ('\u{00C0}'..='\u{024F}').contains(&c))
}

fn is_bio(text: &str) -> bool {
    (text.starts_with('「') && text.ends_with('」'))
        || (text.starts_with('“') && text.ends_with('”'))
}

fn is_affiliation(text: &str) -> bool {
    static WORDS: vocab::WordSet = vocab::WordSet::new(&[
        "研究員",
        "研究所",
        "大学",
        "教授",
        "准教授",
        "講師",
        "研究センター",
        "財団",
        "機構",
        "記者",
        "編集",
        "代表",
        "理事",
        "主任",
        "所長",
        "客員",
        "Institute",
        "University",
        "Fellow",
        "Professor",
        "Center",
        "Centre",
        "Foundation",
        "Research",
        "Director",
        "Analyst",
    ]);
    WORDS.found_in(text)
        || split_any_space(text).iter().any(|w| {
            chars(w) >= 3 && w.ends_with(['部', '局', '課', '室', '省', '庁', '社'])
                || w.ends_with("アナリスト")
                || w.ends_with("特派員")
        })
}

/// `Cooperation … project:Policy Paper Vol. 7` → project, series and number;
/// `政策レポート No.23` → series and number.
fn split_series(text: &str) -> (Option<&str>, &str, Option<&str>) {
    let t = text.trim_matches(is_space);
    let (project, rest) = match t.rfind([':', '：']) {
        Some(p) => {
            let sep = t[p..].chars().next().map_or(1, char::len_utf8);
            let (a, b) = (
                t[..p].trim_matches(is_space),
                t[p + sep..].trim_matches(is_space),
            );
            if !a.is_empty() && !b.is_empty() {
                (Some(a), b)
            } else {
                (None, t)
            }
        }
        None => (None, t),
    };
    // The number: `Vol. 7`, `No.23`, `第3号`, `#4` at the end.
    for marker in [
        "Vol.", "Vol ", "No.", "No ", "no.", "Issue ", "第", "#", "＃",
    ] {
        if let Some(p) = rest.rfind(marker) {
            let number = rest[p..].trim_matches(is_space);
            let series = rest[..p].trim_matches(is_space);
            if !series.is_empty()
                && number.chars().any(|c| lines::digit(c).is_some())
                && chars(number) <= 12
            {
                return (project, series, Some(number));
            }
        }
    }
    if project.is_some() && !rest.chars().any(|c| lines::digit(c).is_some()) {
        return (project, rest, None);
    }
    (None, t, None)
}

fn detect_language(text: &str, lines: &[Line<'_>], roles: &[Role]) -> String {
    let mut sample = String::new();
    for (l, r) in lines.iter().zip(roles) {
        if matches!(
            r,
            Role::Paragraph | Role::ParaCont | Role::Heading(..) | Role::Quote
        ) {
            sample.push_str(l.text);
            if sample.len() > 600 {
                break;
            }
        }
    }
    let source = if sample.is_empty() {
        &text[..(0..=text.len().min(600))
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0)]
    } else {
        sample.as_str()
    };
    let source = match source.char_indices().nth(600) {
        Some((i, _)) => &source[..i],
        None => source,
    };
    if japanese_ratio(source) >= 0.3 {
        "ja".to_owned()
    } else {
        "en".to_owned()
    }
}

/// Marks of machine translation in Japanese text: a space after 。 (the sentence spacing
/// of European languages), spaces between Japanese characters, katakana articles.
fn detect_translation(text: &str, blocks: &[Block], meta: &mut Metadata) {
    let mut body_chars = 0usize;
    let mut period_space = 0usize;
    let mut inner_space = 0usize;
    if meta.language != "ja" {
        return;
    }
    for b in blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph))
    {
        let t = &text[b.content.start..b.content.end];
        body_chars += t.len() / 3;
        // A speaker's name opening a line of an interview (`森下 それは…`) is not a mark.
        let speaker_end = t
            .find(' ')
            .filter(|&p| chars(&t[..p]) <= 6 && t[..p].chars().all(lines::is_japanese))
            .unwrap_or(usize::MAX);
        // Japanese prose has few ASCII spaces: jump from one to the next.
        for p in memchr::memchr_iter(b' ', t.as_bytes()) {
            if p == speaker_end {
                continue;
            }
            let (Some(prev), Some(next)) = (t[..p].chars().next_back(), t[p + 1..].chars().next())
            else {
                continue;
            };
            if prev == '。' && next != ' ' {
                period_space += 1;
            } else if lines::is_japanese(prev)
                && lines::is_japanese(next)
                && prev != '。'
                && prev != '、'
            {
                inner_space += 1;
            }
        }
    }
    if meta.language != "ja" || body_chars == 0 {
        return;
    }
    let per_10k = |n: usize| n * 10_000 / body_chars.max(1);
    let Translation { evidence, .. } = &mut meta.translation;
    let mut likely = false;
    if period_space >= 3 && per_10k(period_space) >= 5 {
        evidence.push(format!(
            "{period_space} sentences followed by a space after 。"
        ));
        likely = true;
    }
    if inner_space >= 3 && per_10k(inner_space) >= 5 {
        evidence.push(format!("{inner_space} spaces inside Japanese text"));
        likely = true;
    }
    if likely {
        meta.translation.machine_translation_likely = true;
        meta.translation.is_translation = true;
    }
}

fn detect_kind(text: &str, blocks: &[Block], meta: &Metadata) -> DocumentKind {
    let meta_text: String = blocks
        .iter()
        .filter(|b| {
            matches!(
                b.kind,
                BlockKind::Meta { .. }
                    | BlockKind::Chrome {
                        chrome: ChromeKind::Banner
                    }
            )
        })
        .map(|b| &text[b.content.start..b.content.end])
        .collect::<Vec<_>>()
        .join("\n");
    let has = |words: &[&str]| words.iter().any(|w| meta_text.contains(w));
    if has(&[
        "Policy Paper",
        "ポリシーペーパー",
        "ポリシー・ペーパー",
        "政策提言",
        "Policy Brief",
    ]) {
        DocumentKind::PolicyPaper
    } else if has(&[
        "マンスリーレポート",
        "月報",
        "Monthly Report",
        "月次レポート",
    ]) {
        DocumentKind::MonthlyReport
    } else if meta.venue.periodical.is_some()
        || has(&["メディア掲載", "寄稿", "コラム"])
        // The web edition of a magazine (`月刊 … ONLINE`).
        || meta
            .venue
            .site
            .as_ref()
            .is_some_and(|s| ["月刊", "週刊", "季刊", "旬刊"].iter().any(|w| s.value.contains(w)))
    {
        DocumentKind::MediaColumn
    } else if meta.translation.is_translation
        && meta
            .authors
            .iter()
            .any(|a| a.role == AuthorRole::OriginalAuthor)
    {
        DocumentKind::TranslatedPaper
    } else if meta.translation.machine_translation_likely {
        DocumentKind::BlogTranslation
    } else {
        DocumentKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journal_issues_and_review_dates() {
        assert_eq!(
            journal_issue("国際安全保障研究　第52巻第3号（2024年12月）"),
            Some(("国際安全保障研究", "第52巻第3号", Some("2024年12月")))
        );
        assert_eq!(
            journal_issue("安全保障ニューズレター　第87号（2025年3月1日発行）"),
            Some(("安全保障ニューズレター", "第87号", Some("2025年3月1日")))
        );
        assert_eq!(
            journal_issue("Journal of Alliance Studies Vol. 12, No. 2 (2024)"),
            Some((
                "Journal of Alliance Studies",
                "Vol. 12, No. 2",
                Some("2024")
            ))
        );
        assert_eq!(journal_issue("第3章 日米同盟の将来"), None);
        assert_eq!(journal_issue("同盟の第一歩"), None);
        assert_eq!(journal_issue("政府は第3号議案を可決した。"), None);
        assert!(is_review_dates(
            "受付日：2024年6月3日　受理日：2024年9月20日"
        ));
        assert!(is_review_dates(
            "Received: 3 June 2024; Accepted: 20 September 2024"
        ));
        assert!(!is_review_dates("受付日について"));
    }

    #[test]
    fn original_titles() {
        assert_eq!(
            original_title("原文：“Is the Future of Alliances in Europe?”（2024年11月4日）"),
            Some("Is the Future of Alliances in Europe?")
        );
        assert_eq!(original_title("原題：『同盟の論理』"), Some("同盟の論理"));
        assert_eq!(
            original_title("Original title: \"Allies at Sea\""),
            Some("Allies at Sea")
        );
        assert_eq!(original_title("原文のまま引用する。"), None);
        assert_eq!(original_title("原文："), None);
    }

    #[test]
    fn official_document_heads() {
        assert!(doc_number("答弁第四五号"));
        assert!(doc_number("内閣衆質二一七第四五号"));
        assert!(doc_number("防衛省発第123号"));
        assert!(!doc_number("第3号"));
        assert!(!doc_number("これは第二号"));
        assert!(!doc_number("月刊誌の第四五号"));
        assert!(addressee("衆議院議長　額賀福志郎　殿"));
        assert!(!addressee("殿"));
        assert!(!addressee("日米同盟の殿"));
        assert_eq!(
            office_signatory("内閣総理大臣　石破　茂"),
            Some(("内閣総理大臣", "石破　茂"))
        );
        assert_eq!(
            office_signatory("防衛大臣 中谷 元"),
            Some(("防衛大臣", "中谷 元"))
        );
        assert_eq!(office_signatory("外務大臣の発言"), None);
        assert_eq!(office_signatory("防衛大臣　会見の概要について"), None);
    }

    #[test]
    fn publisher_lines() {
        assert_eq!(
            publisher_line("発行：日本同盟研究会"),
            Some("日本同盟研究会")
        );
        assert_eq!(
            publisher_line("編集・発行：東亜政策研究所"),
            Some("東亜政策研究所")
        );
        assert_eq!(
            publisher_line("Published by the Pacific Forum"),
            Some("the Pacific Forum")
        );
        assert_eq!(publisher_line("発行：2025年3月1日に改訂版を出す。"), None);
        assert_eq!(publisher_line("執筆：山田 太郎"), None);
    }

    #[test]
    fn era_dates_with_one_digit_month_and_day() {
        assert!(date_shape("令和7年3月5日"));
        assert!(date_shape("令和7年2月14日"));
        assert!(!date_shape("7年3月5日"));
        assert!(!date_shape("令和7年"));
        assert!(date_shape("令和七年二月十八日"));
        assert!(date_shape("平成元年十二月一日"));
        assert!(!date_shape("令和七年の二月に会う日"));
        assert_eq!(
            strip_date_label("令和七年二月十八日受領"),
            "令和七年二月十八日"
        );
    }

    #[test]
    fn label_values_names_and_remarks() {
        assert!(label_value(
            "モデレーター：小沢 裕子（東亜政策研究所 研究員）"
        ));
        assert!(label_value("場所：平河会館ホール"));
        assert!(label_value("Moderator: Ken Ito (Research Fellow)"));
        assert!(!label_value(
            "Recommendations for the alliance: three steps"
        ));
        assert!(date_and_time("令和7年3月31日（月）10時00分～10時45分"));
        assert!(date_and_time("2025年3月28日 15:00-17:00"));
        assert!(!date_and_time("2023年8月18日　キャンプ・デービッド"));
        assert!(!label_value("日米同盟の将来をめぐる議論：三つの視点"));
        assert!(!label_value("日米同盟の将来"));
        assert!(!label_value("登壇者："));
        assert!(katakana_name("マーク・ホルデン"));
        assert!(katakana_name("ジョン・スミス＝ジョーンズ"));
        assert!(!katakana_name("インド太平洋"));
        assert!(!katakana_name("ガイドライン"));
        assert!(!katakana_name("・リスト"));
        assert!(is_text_remark("※本稿は筆者の許可を得て翻訳したものです。"));
        assert!(is_text_remark("※この記事は2024年に公開されたものです。"));
        assert!(!is_text_remark("※1 外務省ウェブサイト"));
        assert!(!is_text_remark("本稿は筆者の見解である。"));
    }

    #[test]
    fn title_prefixes() {
        assert_eq!(
            title_prefix("【特集】経済安全保障と同盟"),
            Some(("特集", "経済安全保障と同盟"))
        );
        assert_eq!(
            title_prefix("[Analysis] The Quad at Five"),
            Some(("Analysis", "The Quad at Five"))
        );
        // Not a label: a number, a date, a dateline of a news agency, the whole line.
        assert_eq!(title_prefix("[1] 注の本文"), None);
        assert_eq!(title_prefix("【2024年5月1日】会見"), None);
        assert_eq!(title_prefix("【ワシントン=共同】米政府は"), None);
        assert_eq!(title_prefix("【お知らせ】"), None);
        assert_eq!(title_prefix("〈日米同盟〉の再定義"), None);
        assert_eq!(
            serial_head("同盟の現場から（4） 海上保安庁の連携"),
            Some(("同盟の現場から", "（4）", "海上保安庁の連携"))
        );
        assert_eq!(
            serial_head("同盟の現場から 第4回 海上保安庁の連携"),
            Some(("同盟の現場から", "第4回", "海上保安庁の連携"))
        );
        assert_eq!(serial_head("日米同盟の現在"), None);
    }

    #[test]
    fn names_with_readings() {
        assert_eq!(
            name_with_reading("山本 遥（やまもと はるか）"),
            Some(("山本 遥", ""))
        );
        assert_eq!(
            name_with_reading("森下誠一（もりした・せいいち） 1962年生まれ。"),
            Some(("森下誠一", "1962年生まれ。"))
        );
        assert_eq!(
            name_with_reading("北大西洋条約機構（NATO）は拡大を続けている。"),
            None
        );
        assert_eq!(
            name_with_reading("日本政府（外務省）の発表によれば、協議は続く。"),
            None
        );
    }

    #[test]
    fn dialogue_and_stamps() {
        assert!(is_dialogue_line("――今後の課題は"));
        assert!(is_dialogue_line("Q. 日本に求められることは"));
        assert!(is_dialogue_line("A：統合作戦司令部です。"));
        assert!(is_dialogue_line("Q1 日米の役割分担"));
        assert!(!is_dialogue_line("A New Division of Labor"));
        assert!(!is_dialogue_line("A国とB国の関係"));
        assert!(!is_dialogue_line("―副題―"));
        assert_eq!(
            entry_stamp("kazuma_sec 2024-08-15 21:30"),
            Some(("kazuma_sec", "2024-08-15"))
        );
        assert_eq!(entry_stamp("2024-08-15 21:30"), None);
        assert_eq!(entry_stamp("NATO 2024年7月"), None);
        assert_eq!(entry_stamp("日米同盟は 2024年に強化された。"), None);
        assert_eq!(strip_date_label("2024年03月26日19時15分"), "2024年03月26日");
        assert_eq!(strip_date_label("2025年3月4日 18時42分"), "2025年3月4日");
        assert_eq!(strip_date_label("19時15分"), "19時15分");
    }

    #[test]
    fn closing_credits() {
        assert_eq!(
            closing_credit("（国際部　木村 玲奈）"),
            Some((Some("国際部"), "木村 玲奈"))
        );
        assert_eq!(closing_credit("（文・木村玲奈）"), Some((None, "木村玲奈")));
        assert_eq!(closing_credit("（木村 玲奈）"), Some((None, "木村 玲奈")));
        // A bracketed aside, a date or a sentence is no credit.
        assert_eq!(closing_credit("（写真は本文と関係ありません）"), None);
        assert_eq!(closing_credit("（2024年10月21日）"), None);
        assert_eq!(closing_credit("（了）"), None);
        assert_eq!(closing_credit("（日本政府）"), None);
        // A labelled credit of an office keeps the organisation's name with it.
        assert_eq!(
            closing_credit("（文責：東亜政策研究所 事務局）"),
            Some((None, "東亜政策研究所 事務局"))
        );
        assert_eq!(
            closing_credit("（文責：調査部　木村 玲奈）"),
            Some((Some("調査部"), "木村 玲奈"))
        );
    }

    #[test]
    fn credit_lines_and_org_names() {
        assert!(is_credit_line("【時事通信社】"));
        assert!(is_credit_line("（共同）"));
        assert!(!is_credit_line("【解説】"));
        assert!(is_org_name("防衛省"));
        assert!(is_org_name("外務省北米局"));
        assert!(!is_org_name("日米同盟の将来"));
        assert!(is_site_name("月刊 国際安全保障ジャーナル ONLINE"));
        assert!(!is_site_name("日米同盟の将来"));
        assert_eq!(byline_role("聞き手・構成：川口 直樹"), AuthorRole::Editor);
        assert_eq!(byline_role("翻訳：川口 直樹"), AuthorRole::Translator);
        assert_eq!(byline_role("文・写真：川口 直樹"), AuthorRole::Author);
    }
}
