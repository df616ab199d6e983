//! Segmentation (placeholder: every line a paragraph).

use domei_model::{
    Block, BlockKind, Document, Encoding, FORMAT_VERSION, Metadata, Source, Span, Spanned,
};

/// Parse decoded text.
pub fn parse_text(path: &str, text: String) -> Document {
    let mut blocks = Vec::new();
    let mut start = 0;
    let mut line = 1;
    while start < text.len() {
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        let content = text[start..end].trim();
        let cstart = start + text[start..end].find(content).unwrap_or(0);
        let kind = if content.is_empty() {
            BlockKind::Blank
        } else {
            BlockKind::Paragraph
        };
        blocks.push(Block {
            kind,
            span: Span::new(start, end),
            content: Span::new(cstart, cstart + content.len()),
            text: content.to_owned(),
            line,
            end_line: line,
        });
        start = end;
        line += 1;
    }
    let title = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph)
        .map(|b| Spanned::new(b.text.clone(), b.content));
    Document {
        format_version: FORMAT_VERSION,
        id: path.to_owned(),
        source: Source {
            path: path.to_owned(),
            byte_len: text.len() as u64,
            sha256: String::new(),
            encoding: Encoding::default(),
            line_endings: Default::default(),
            text_len: text.len(),
        },
        metadata: Metadata {
            title,
            language: "ja".into(),
            ..Metadata::default()
        },
        blocks,
        text,
        anchors: vec![],
        notes: vec![],
        dates: vec![],
        mentions: vec![],
        entities: Default::default(),
        diagnostics: vec![],
    }
}
