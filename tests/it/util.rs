//! Shared helpers: paths, parsing through the whole pipeline, outline views.

use std::path::PathBuf;
use std::sync::OnceLock;

use domei_model::{BlockKind, Document};

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `../shared/seeds` beside the workspace. The seeds are part of the test suite: a
/// missing folder fails the test that needs it.
pub fn seeds_dir() -> PathBuf {
    root().join("../shared/seeds")
}

/// The pipeline, built once.
pub fn pipeline() -> &'static domei::Pipeline {
    static P: OnceLock<domei::Pipeline> = OnceLock::new();
    P.get_or_init(|| domei::Pipeline::new(&domei_kb::Kb::builtin()))
}

/// Parse a file through the whole pipeline.
pub fn parse_file(path: &std::path::Path) -> Document {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    pipeline()
        .parse_bytes(&path.display().to_string(), &bytes)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Decode and segment a file with the article parser alone.
pub fn segment_file(path: &std::path::Path) -> Document {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    domei_article::parse_bytes(&path.display().to_string(), &bytes)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// 1-based first lines of the blocks that satisfy `pred`.
pub fn lines_where(doc: &Document, pred: impl Fn(&BlockKind) -> bool) -> Vec<usize> {
    doc.blocks
        .iter()
        .filter(|b| pred(&b.kind))
        .flat_map(|b| b.line..=b.end_line)
        .filter(|&l| !line_blank(doc, l))
        .collect()
}

fn line_blank(doc: &Document, line: usize) -> bool {
    doc.text
        .split_inclusive('\n')
        .nth(line - 1)
        .is_none_or(|l| l.trim().is_empty())
}

/// Headings as `(level, number, text without number)`.
pub fn headings(doc: &Document) -> Vec<(u8, Option<String>, String)> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading { level, number } => {
                let text = match number {
                    Some(n) => b.text[n.len()..].trim().to_owned(),
                    None => b.text.clone(),
                };
                Some((*level, number.clone(), text))
            }
            _ => None,
        })
        .collect()
}

/// Number of note blocks.
pub fn note_blocks(doc: &Document) -> usize {
    doc.blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Note { .. }))
        .count()
}

/// The labels of the note blocks, in order.
pub fn note_labels(doc: &Document) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Note { label } => Some(label.as_str()),
            _ => None,
        })
        .collect()
}
