//! Print the mentions and events the matcher finds in a file (one paragraph per line).
use domei_kb::{Kb, Matcher};
use domei_model::{Block, BlockKind, Document, FORMAT_VERSION, Span};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut blocks = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |p| start + p + 1);
        let t = text[start..end].trim();
        let lead = text[start..end].len() - text[start..end].trim_start().len();
        blocks.push(Block {
            kind: if t.is_empty() {
                BlockKind::Blank
            } else {
                BlockKind::Paragraph
            },
            span: Span::new(start, end),
            content: Span::new(start + lead, start + lead + t.len()),
            text: t.to_string(),
            line: 0,
            end_line: 0,
        });
        start = end;
    }
    let mut doc = Document {
        format_version: FORMAT_VERSION,
        id: "x".into(),
        source: Default::default(),
        text,
        metadata: Default::default(),
        blocks,
        anchors: vec![],
        notes: vec![],
        dates: vec![],
        mentions: vec![],
        entities: Default::default(),
        diagnostics: vec![],
    };
    let kb = Kb::builtin();
    Matcher::new(&kb).annotate(&mut doc);
    for m in &doc.mentions {
        println!(
            "{}\t{}\t{}\t{}\t{}",
            m.span.start,
            m.text,
            m.entity,
            m.category.as_str(),
            m.compound.as_deref().unwrap_or("")
        );
    }
    for e in doc
        .entities
        .actors
        .iter()
        .chain(&doc.entities.alliances)
        .chain(&doc.entities.agreements)
    {
        println!(
            "ENTITY {} {:?} {}{}",
            e.id,
            e.category,
            e.mentions,
            if e.learnt { " learnt" } else { "" }
        );
    }
    for e in &doc.entities.events {
        println!(
            "EVENT {} {:?} {:?} {:?}",
            e.agreement,
            e.kind,
            e.date.as_ref().map(|d| d.edtf()),
            e.parties
        );
    }
}
