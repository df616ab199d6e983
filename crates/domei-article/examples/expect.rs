//! Print what the parser finds in each file in the shape of a fixture's `.expect.json`
//! (the keys `tests/it/fixtures.rs` compares), to write or check an expectation by hand.
//! `cargo run -p domei-article --example expect FILE...`

use domei_model::{BlockKind, Document};

fn lines_where(doc: &Document, pred: impl Fn(&BlockKind) -> bool) -> Vec<usize> {
    let blank = |l: usize| {
        doc.text
            .split_inclusive('\n')
            .nth(l - 1)
            .is_none_or(|t| t.trim().is_empty())
    };
    doc.blocks
        .iter()
        .filter(|b| pred(&b.kind))
        .flat_map(|b| b.line..=b.end_line)
        .filter(|&l| !blank(l))
        .collect()
}

fn json_str(s: Option<&str>) -> String {
    s.map_or("null".to_owned(), |s| {
        serde_json::to_string(s).unwrap_or_default()
    })
}

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let doc = match domei_article::parse_bytes(&path, &bytes) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{e}");
                continue;
            }
        };
        let m = &doc.metadata;
        let authors: Vec<String> = m
            .authors
            .iter()
            .map(|a| serde_json::to_string(&a.name.value).unwrap_or_default())
            .collect();
        let headings: Vec<String> = doc
            .blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::Heading { level, number } => {
                    let text = match number {
                        Some(n) => b.text[n.len()..].trim(),
                        None => b.text.as_str(),
                    };
                    Some(format!(
                        "  [{level}, {}, {}]",
                        json_str(number.as_deref()),
                        json_str(Some(text))
                    ))
                }
                _ => None,
            })
            .collect();
        let v = |x: &Option<domei_model::Spanned<String>>| {
            json_str(x.as_ref().map(|s| s.value.as_str()))
        };
        let list = |l: Vec<usize>| {
            l.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        println!("// {path}");
        println!("{{");
        println!(" \"title\": {},", v(&m.title));
        println!(" \"subtitle\": {},", v(&m.subtitle));
        println!(" \"authors\": [{}],", authors.join(", "));
        println!(
            " \"published\": {},",
            json_str(m.published.as_ref().map(|d| d.date.edtf()).as_deref())
        );
        println!(
            " \"venue\": {{\"site\": {}, \"series\": {}, \"periodical\": {}, \"issue\": {}}},",
            v(&m.venue.site),
            v(&m.venue.series),
            v(&m.venue.periodical),
            v(&m.venue.issue)
        );
        if headings.is_empty() {
            println!(" \"headings\": [],");
        } else {
            println!(" \"headings\": [\n{}\n ],", headings.join(",\n"));
        }
        println!(
            " \"paragraph_lines\": [{}],",
            list(lines_where(&doc, |k| matches!(k, BlockKind::Paragraph)))
        );
        println!(
            " \"quote_lines\": [{}],",
            list(lines_where(&doc, |k| matches!(k, BlockKind::Quote)))
        );
        println!(
            " \"list_lines\": [{}],",
            list(lines_where(&doc, |k| matches!(
                k,
                BlockKind::ListItem { .. }
            )))
        );
        let notes = doc
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Note { .. }))
            .count();
        println!(" \"notes\": {notes},");
        let line_of = |k: BlockKind| {
            doc.blocks
                .iter()
                .find(|b| b.kind == k)
                .map_or("null".to_owned(), |b| b.line.to_string())
        };
        println!(
            " \"notes_heading_line\": {},",
            line_of(BlockKind::NotesHeading)
        );
        println!(
            " \"chrome_lines\": [{}],",
            list(lines_where(&doc, BlockKind::is_chrome))
        );
        println!(" \"signature_line\": {},", line_of(BlockKind::Signature));
        println!(
            " \"encoding\": {},",
            json_str(Some(&doc.source.encoding.name))
        );
        println!(" \"bom\": {},", doc.source.encoding.bom);
        println!(
            " \"line_endings\": {}",
            serde_json::to_string(&doc.source.line_endings).unwrap_or_default()
        );
        println!("}}");
        // Extra: the rest of the metadata, for a reader.
        println!(
            "// section {:?} categories {:?} tags {:?} summary {:?} kind {:?} lang {}",
            m.section.as_ref().map(|s| &s.value),
            m.categories.iter().map(|s| &s.value).collect::<Vec<_>>(),
            m.tags.iter().map(|s| &s.value).collect::<Vec<_>>(),
            m.summary.as_ref().map(|s| &s.value),
            m.kind,
            m.language
        );
        for a in &m.authors {
            println!(
                "// author {} role {:?} aff {:?} bio {:?}",
                a.name.value,
                a.role,
                a.affiliation.as_ref().map(|s| &s.value),
                a.bio.as_ref().map(|s| &s.value)
            );
        }
    }
}
