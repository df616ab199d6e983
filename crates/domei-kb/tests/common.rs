//! Shared test helpers: build a document with one Paragraph block per line.

#![allow(dead_code)]

use domei_kb::{Kb, Matcher};
use domei_model::{Block, BlockKind, Document, FORMAT_VERSION, Span};

/// A document whose blocks are one Paragraph per line (blank lines as Blank).
pub fn document(text: &str) -> Document {
    let mut blocks = Vec::new();
    let mut start = 0;
    let mut line = 1;
    while start < text.len() {
        let end = text[start..].find('\n').map_or(text.len(), |p| start + p + 1);
        let content_text = text[start..end].trim();
        let lead = text[start..end].len() - text[start..end].trim_start().len();
        let cs = start + lead;
        let content = Span::new(cs, cs + content_text.len());
        let kind = if content_text.is_empty() { BlockKind::Blank } else { BlockKind::Paragraph };
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

/// Annotate `text` with the built-in knowledge base.
pub fn annotate(text: &str) -> Document {
    let kb = Kb::builtin();
    let matcher = Matcher::new(&kb);
    let mut doc = document(text);
    matcher.annotate(&mut doc);
    doc
}

/// The entity ids mentioned, in text order.
pub fn ids(doc: &Document) -> Vec<&str> {
    doc.mentions.iter().map(|m| m.entity.as_str()).collect()
}

/// Read a seed file, if present.
pub fn seed(prefix: &str) -> Option<String> {
    let dir = std::path::Path::new("/work/shared/seeds");
    let entry = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))?;
    std::fs::read_to_string(entry.path()).ok()
}
