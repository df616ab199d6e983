//! Footnote anchors, notes and typed references for domei.
//!
//! [`annotate`] reads the notes section of a segmented [`Document`] (its
//! `BlockKind::Note` blocks), finds the note markers in the body (`[1]`, `([1])`, `(1)`,
//! `（１）`, `［1］`, `【1】`, `※1`, `*1`, `注1`, `注(1)`, `¹²`, `[3-5]`, `[3, 4]`), links
//! them both ways, splits each note into references and commentary, parses each
//! reference into CSL-aligned fields with spans into the text, and links `Ibid.`,
//! `同上`, `前掲` and Chicago short forms to the full reference they repeat.
//!
//! [`parse_reference`] parses one reference string on its own:
//!
//! ```
//! let r = domei_refs::parse_reference(
//!     "Yoonjung Seo and Brad Lendon, “South Korea to Mass Produce Lasers,” CNN, July 11, 2024.",
//! )
//! .unwrap();
//! assert_eq!(r.title.unwrap().value, "South Korea to Mass Produce Lasers");
//! assert_eq!(r.container_title.unwrap().value, "CNN");
//! assert_eq!(r.authors.len(), 2);
//! assert_eq!(r.authors[1].value.family.as_deref(), Some("Lendon"));
//!
//! let ja = domei_refs::parse_reference("山田太郎「日米同盟の現在」『国際問題』第700号、2021年、12-20頁。").unwrap();
//! assert_eq!(ja.container_title.unwrap().value, "国際問題");
//! assert_eq!(ja.issue.unwrap().value, "700");
//! assert_eq!(ja.page.unwrap().value, "12-20");
//! ```
#![deny(missing_docs)]

mod anchors;
mod dates;
mod ja_names;
mod names;
mod parse;
mod split;
mod text;

use domei_model::{
    Anchor, BlockKind, Diagnostic, Document, Note, Reference, RepeatKind, Severity, Span, Spanned,
};

/// Parse one reference string (one line of `domei refs`). Spans are byte offsets into
/// `text`. `None` when the string holds no reference.
pub fn parse_reference(text: &str) -> Option<Reference> {
    let start = label_len(text);
    // "See, e.g., …", "これに関しては、…": leading commentary is not part of the reference.
    let (start, _) = split::commentary_edges(text, start, text.len());
    parse::parse_range(text, start, text.len(), "r1".to_string())
}

/// Length of a leading note or list label (`1. `, `1. 1 `, `[1] `, `([1])`, `(1) `,
/// `1) `, `注1 `, `※1 `) in a lone reference string; 0 when there is none.
fn label_len(text: &str) -> usize {
    fn digits(s: &str) -> usize {
        let n = s
            .char_indices()
            .find(|&(_, c)| text::digit(c).is_none())
            .map_or(s.len(), |(i, _)| i);
        if s[..n].chars().count() <= 3 { n } else { 0 }
    }
    let t = text.trim_start();
    let lead = text.len() - t.len();
    let ws = |s: &str| s.starts_with(char::is_whitespace);
    let after: Option<&str> = (|| {
        for (open, close) in [
            ("([", "])"),
            ("[", "]"),
            ("［", "］"),
            ("(", ")"),
            ("（", "）"),
            ("【", "】"),
        ] {
            if let Some(r) = t.strip_prefix(open) {
                let n = digits(r);
                return (n > 0).then(|| r[n..].strip_prefix(close)).flatten();
            }
        }
        for p in ["注", "※", "*"] {
            if let Some(r) = t.strip_prefix(p) {
                let n = digits(r);
                return (n > 0 && ws(&r[n..])).then(|| &r[n..]);
            }
        }
        let n = digits(t);
        if n == 0 {
            return None;
        }
        let r = &t[n..];
        if let Some(r) = r.strip_prefix(". ").or_else(|| r.strip_prefix("．")) {
            // "1. 1 “…”": the number printed twice.
            let again = r.trim_start();
            let m = digits(again);
            if m > 0 && again[..m] == t[..n] && ws(&again[m..]) {
                return Some(&again[m..]);
            }
            return Some(r);
        }
        if let Some(r) = r.strip_prefix(')').or_else(|| r.strip_prefix('）')) {
            return Some(r);
        }
        (ws(r) && r.trim_start().starts_with(['“', '"', '「', '『'])).then_some(r)
    })();
    match after {
        Some(rest) if !rest.trim().is_empty() => lead + (t.len() - rest.len()),
        _ => 0,
    }
}

/// Split one note text into its references and commentary. Spans are offsets into `text`;
/// reference ids are `r1`, `r2`, ….
pub fn parse_note(text: &str) -> (Vec<Reference>, Vec<Spanned<String>>) {
    split::split_note(text, 0, text.len(), "r")
}

/// Find anchors in the body, build the notes from the note blocks, split the notes into
/// references, and link anchors, notes and repeated references. When `doc.dates` is
/// already filled (`domei_dates::annotate` ran first), a damaged date in a reference
/// takes the readings the date scanner ranked with the whole document around it.
pub fn annotate(doc: &mut Document) {
    let mut notes = build_notes(doc);
    let mut diagnostics = Vec::new();
    // Duplicates and order.
    let mut prev: Option<u32> = None;
    let mut seen = std::collections::HashMap::<u32, usize>::new();
    for note in &mut notes {
        let count = seen.entry(note.number).or_insert(0);
        *count += 1;
        if *count > 1 {
            note.id = format!("n{}-{}", note.number, count);
            diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    "note.duplicate",
                    format!("note {} appears more than once", note.number),
                )
                .at(note.span),
            );
        } else if let Some(p) = prev
            && note.number != p + 1
        {
            diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    "note.out_of_order",
                    format!("note {} follows note {}", note.number, p),
                )
                .at(note.span),
            );
        }
        prev = Some(note.number);
    }
    let anchors = if notes.is_empty() {
        Vec::new()
    } else {
        find_anchors(doc)
    };
    let mut anchors = anchors;
    // Link both ways.
    let mut max_first = 0;
    let mut first_seen = std::collections::HashSet::new();
    for anchor in &mut anchors {
        for &n in &anchor.numbers {
            if first_seen.insert(n) {
                if n < max_first {
                    diagnostics.push(
                        Diagnostic::new(
                            Severity::Info,
                            "note.out_of_order",
                            format!("anchor {n} first appears after anchor {max_first}"),
                        )
                        .at(anchor.span),
                    );
                }
                max_first = max_first.max(n);
            }
            match notes.iter_mut().find(|note| note.number == n) {
                Some(note) => {
                    if !anchor.notes.contains(&note.id) {
                        anchor.notes.push(note.id.clone());
                    }
                    if !note.anchors.contains(&anchor.id) {
                        note.anchors.push(anchor.id.clone());
                    }
                }
                None => diagnostics.push(
                    Diagnostic::new(
                        Severity::Warning,
                        "note.unmatched_anchor",
                        format!("anchor {} points at no note", anchor.text),
                    )
                    .at(anchor.span),
                ),
            }
        }
    }
    let bibliography = bibliography_notes(doc);
    for note in &notes {
        if note.anchors.is_empty() && !bibliography.contains(&note.block) {
            diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    "note.unmatched_note",
                    format!("note {} has no anchor in the text", note.label),
                )
                .at(note.span),
            );
        }
    }
    resolve_repeats(&mut notes);
    damaged_dates_in_context(&doc.dates, &mut notes);
    doc.anchors = anchors;
    doc.notes = notes;
    doc.diagnostics.extend(diagnostics);
}

/// A damaged date in a reference (`2023128日`: 2023-01-28 or 2023-12-08?) is read here
/// from the reference alone. The date scanner read the same characters with the
/// document around them (the dates before and after, the article's date) and ranked
/// the readings; where both stand on the same span, the reference takes its ranking.
fn damaged_dates_in_context(dates: &[domei_model::DateMention], notes: &mut [Note]) {
    if dates.is_empty() {
        return;
    }
    let in_context = |span: Span| {
        let i = dates.partition_point(|m| m.span.start < span.start);
        dates
            .get(i)
            .filter(|m| m.span == span && m.date.damaged)
            .map(|m| &m.date)
    };
    for r in notes.iter_mut().flat_map(|n| n.references.iter_mut()) {
        for field in [&mut r.issued, &mut r.accessed].into_iter().flatten() {
            if field.value.damaged
                && let Some(date) = field.span.and_then(in_context)
            {
                field.value = date.clone();
            }
        }
    }
}

/// Notes from the `Note` blocks: number from the label, text after it, references.
fn build_notes(doc: &Document) -> Vec<Note> {
    let text = doc.text.as_str();
    let mut notes = Vec::new();
    for (index, block) in doc.blocks.iter().enumerate() {
        let BlockKind::Note { label } = &block.kind else {
            continue;
        };
        let Some(content) = block.content.slice(text) else {
            continue;
        };
        let number = label_number(label).unwrap_or(notes.len() as u32 + 1);
        // The text after the label.
        let after = match content.find(label.as_str()) {
            Some(i) if i <= 8 => block.content.start + i + label.len(),
            _ => block.content.start,
        };
        let (ts, te) = text::trim(text, after, block.content.end, &[]);
        let id = format!("n{number}");
        let (references, commentary) = split::split_note(text, ts, te, &id);
        notes.push(Note {
            id,
            number,
            label: label.clone(),
            span: block.content,
            text: Spanned::new(text[ts..te].to_string(), Span::new(ts, te)),
            references,
            commentary,
            anchors: Vec::new(),
            block: index,
        });
    }
    notes
}

/// Blocks of notes that stand under a bibliography heading (`参考文献`, `References`):
/// such entries are not pointed at by anchors, so no `note.unmatched_note` for them.
fn bibliography_notes(doc: &Document) -> Vec<usize> {
    const WORDS: &[&str] = &[
        "参考文献",
        "引用文献",
        "主要文献",
        "文献",
        "References",
        "Bibliography",
        "Works Cited",
        "Sources",
        "Further Reading",
    ];
    let mut out = Vec::new();
    let mut under = false;
    for (i, b) in doc.blocks.iter().enumerate() {
        match &b.kind {
            BlockKind::NotesHeading => {
                under = WORDS.iter().any(|w| b.text.contains(w));
            }
            BlockKind::Note { .. } if under => out.push(i),
            BlockKind::Heading { .. } => under = false,
            _ => {}
        }
    }
    out
}

/// The note number in a label: the first run of digits (`1. 1`, `([1])`, `注１`).
fn label_number(label: &str) -> Option<u32> {
    let start = label.find(|c: char| text::digit(c).is_some())?;
    let rest = &label[start..];
    let end = rest
        .char_indices()
        .find(|&(_, c)| text::digit(c).is_none())
        .map_or(rest.len(), |(i, _)| i);
    text::number(&rest[..end])
}

/// Markers in body blocks, in text order, ids `a1`, `a2`….
fn find_anchors(doc: &Document) -> Vec<Anchor> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    for (index, block) in doc.blocks.iter().enumerate() {
        if !block.kind.is_body() {
            continue;
        }
        let Some(content) = block.content.slice(text) else {
            continue;
        };
        for f in anchors::scan(content) {
            let start = block.content.start + f.start;
            let end = block.content.start + f.end;
            out.push(Anchor {
                id: format!("a{}", out.len() + 1),
                span: Span::new(start, end),
                text: text[start..end].to_string(),
                style: f.style,
                numbers: f.numbers,
                notes: Vec::new(),
                block: index,
            });
        }
    }
    out
}

/// A normalised key for comparing titles and names: lower-case letters and digits.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn family_keys(r: &Reference) -> Vec<String> {
    r.authors
        .iter()
        .chain(r.editors.iter())
        .flat_map(|p| {
            // Family, given and both: a short form may name either (`Jin-yong et al.` for
            // Cheon Jin-yong), or the whole Japanese name.
            let v = &p.value;
            let both = format!(
                "{}{}",
                v.family.as_deref().unwrap_or(""),
                v.given.as_deref().unwrap_or("")
            );
            [
                v.family.as_deref(),
                v.given.as_deref(),
                v.literal.as_deref(),
                Some(both.as_str()),
            ]
            .into_iter()
            .flatten()
            .map(key)
            .filter(|k| !k.is_empty())
            .collect::<Vec<_>>()
        })
        .collect()
}

/// The note a repeat points at by number: `前掲注(3)`, `前掲注3`, `supra note 3`.
fn cited_note(raw: &str) -> Option<u32> {
    let rest = raw
        .split_once("前掲注")
        .map(|(_, r)| r)
        .or_else(|| raw.split_once("supra note").map(|(_, r)| r))?;
    let rest = rest.trim_start_matches([' ', '(', '（']);
    let end = rest
        .char_indices()
        .find(|&(_, c)| text::digit(c).is_none())
        .map_or(rest.len(), |(i, _)| i);
    text::number(&rest[..end])
}

/// Link `Ibid.`, `同上`, `前掲` and short forms to the full reference they repeat.
fn resolve_repeats(notes: &mut [Note]) {
    // (id, family keys, title key) of every full reference so far.
    let mut full: Vec<(String, Vec<String>, String, Option<i32>)> = Vec::new();
    let mut last: Option<String> = None;
    // (note number, id of its first full reference), for 前掲注(3) and supra note 3.
    let note_refs: Vec<(u32, String)> = notes
        .iter()
        .filter_map(|n| {
            n.references
                .iter()
                .find(|r| r.repeat.is_none())
                .map(|r| (n.number, r.id.clone()))
        })
        .collect();
    for note in notes.iter_mut() {
        for r in &mut note.references {
            let Some(repeat) = &mut r.repeat else {
                full.push((
                    r.id.clone(),
                    family_keys(r),
                    r.title.as_ref().map_or(String::new(), |t| key(&t.value)),
                    r.issued.as_ref().map(|d| d.value.start.year),
                ));
                last = Some(r.id.clone());
                continue;
            };
            let by_note = cited_note(&r.raw).and_then(|n| {
                note_refs
                    .iter()
                    .find(|(num, _)| *num == n)
                    .map(|(_, id)| id.clone())
            });
            let target = match repeat.kind {
                RepeatKind::OpCit if by_note.is_some() => by_note,
                RepeatKind::Ibid => last.clone(),
                RepeatKind::OpCit | RepeatKind::ShortForm => {
                    let fam: Vec<String> = r
                        .authors
                        .iter()
                        .filter_map(|p| {
                            p.value
                                .family
                                .as_deref()
                                .or(p.value.literal.as_deref())
                                .map(key)
                        })
                        .collect();
                    let title = r.title.as_ref().map_or(String::new(), |t| key(&t.value));
                    // An author-date short form ("Lund 2015, 45") names the year too.
                    let year = r.issued.as_ref().map(|d| d.value.start.year);
                    full.iter()
                        .rev()
                        .find(|(_, f, t, y)| {
                            let year_ok = year.is_none() || y.is_none() || *y == year;
                            let author_ok = fam.is_empty()
                                || fam.iter().any(|a| {
                                    f.iter().any(|b| {
                                        b.starts_with(a.as_str()) || b.ends_with(a.as_str())
                                    })
                                });
                            let title_ok = title.is_empty()
                                || (!t.is_empty() && t.starts_with(title.as_str()));
                            author_ok
                                && title_ok
                                && year_ok
                                && !(fam.is_empty() && title.is_empty())
                        })
                        .map(|(id, _, _, _)| id.clone())
                }
            };
            repeat.target = target.clone();
            if target.is_some() {
                last = target;
            }
        }
    }
}

#[cfg(test)]
mod tests;
