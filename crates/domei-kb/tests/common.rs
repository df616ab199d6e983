//! Shared test helpers: build a document with one Paragraph block per line.

#![allow(dead_code)]

use domei_kb::{Kb, Matcher};
use domei_model::{
    Block, BlockKind, Date, DateMention, Document, EventKind, FORMAT_VERSION, Span, Ymd,
};

/// A document whose blocks are one Paragraph per line (blank lines as Blank).
pub fn document(text: &str) -> Document {
    let mut blocks = Vec::new();
    let mut start = 0;
    let mut line = 1;
    while start < text.len() {
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |p| start + p + 1);
        let content_text = text[start..end].trim();
        let lead = text[start..end].len() - text[start..end].trim_start().len();
        let cs = start + lead;
        let content = Span::new(cs, cs + content_text.len());
        let kind = if content_text.is_empty() {
            BlockKind::Blank
        } else {
            BlockKind::Paragraph
        };
        blocks.push(Block {
            kind,
            span: Span::new(start, end),
            content,
            text: content_text.to_string(),
            line,
            end_line: line,
        });
        start = end;
        line += 1;
    }
    Document {
        format_version: FORMAT_VERSION,
        id: "test".to_string(),
        source: Default::default(),
        text: text.to_string(),
        metadata: Default::default(),
        blocks,
        anchors: Vec::new(),
        notes: Vec::new(),
        dates: Vec::new(),
        mentions: Vec::new(),
        entities: Default::default(),
        diagnostics: Vec::new(),
    }
}

/// One matcher over the built-in knowledge base, shared by the tests of a binary.
pub fn matcher() -> &'static Matcher {
    static M: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    M.get_or_init(|| Matcher::new(&Kb::builtin()))
}

/// Annotate `text` with the built-in knowledge base.
pub fn annotate(text: &str) -> Document {
    let matcher = matcher();
    let mut doc = document(text);
    matcher.annotate(&mut doc);
    doc
}

/// The entity ids mentioned, in text order.
pub fn ids(doc: &Document) -> Vec<&str> {
    doc.mentions.iter().map(|m| m.entity.as_str()).collect()
}

/// Read a seed article from the project's shared seeds folder.
pub fn seed(prefix: &str) -> String {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "the seeds folder {} is needed by this test: {e}",
            dir.display()
        )
    });
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().starts_with(prefix) {
            return std::fs::read_to_string(e.path()).expect("utf-8 seed");
        }
    }
    panic!("seed {prefix} not found in {}", dir.display());
}

/// Annotate `text` with the built-in knowledge base, with a publication date.
pub fn annotate_published(text: &str, published: Ymd) -> Document {
    let matcher = matcher();
    let mut doc = document(text);
    doc.metadata.published = Some(DateMention {
        span: Span::new(0, 0),
        text: String::new(),
        date: Date::absolute(published),
    });
    matcher.annotate(&mut doc);
    doc
}

/// The events of `agreement` as (kind, EDTF date) pairs.
pub fn events_of(doc: &Document, agreement: &str) -> Vec<(EventKind, Option<String>)> {
    doc.entities
        .events
        .iter()
        .filter(|e| e.agreement == agreement)
        .map(|e| (e.kind, e.date.as_ref().map(|d| d.edtf())))
        .collect()
}

/// The mention count of an entity in the document's entity lists (0 when absent).
pub fn count(doc: &Document, id: &str) -> usize {
    let e = &doc.entities;
    e.actors
        .iter()
        .chain(&e.alliances)
        .chain(&e.agreements)
        .find(|x| x.id == id)
        .map_or(0, |x| x.mentions)
}
