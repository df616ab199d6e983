//! The document: everything domei knows about one input file.

use serde::{Deserialize, Serialize};

use crate::{Anchor, Block, DateMention, Diagnostic, Entities, Mention, Metadata, Note, Source};

/// The version of the serialized model. It changes when a field is renamed or removed,
/// or its meaning changes; adding an optional field does not change it.
pub const FORMAT_VERSION: u32 = 1;

/// One parsed article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// [`FORMAT_VERSION`] of the model that wrote this.
    pub format_version: u32,
    /// A stable id derived from the file name (ASCII letters, digits, `_`, `-`, `.`).
    pub id: String,
    /// The input file and its decoding.
    pub source: Source,
    /// The decoded text every span points into (BOM removed, line breaks as in the input).
    pub text: String,
    /// Title, authors, dates, venue, tags, kind, language, translation.
    pub metadata: Metadata,
    /// The blocks in text order; together they cover `text` exactly once.
    pub blocks: Vec<Block>,
    /// Note markers in the body, in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<Anchor>,
    /// Notes of the notes section, in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Every date mentioned in the text, in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<DateMention>,
    /// Every mention of an actor, alliance, framework or agreement, in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Mention>,
    /// The entities mentioned, with counts, and agreement events.
    #[serde(default)]
    pub entities: Entities,
    /// Problems found in the content.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

/// A section of the body: a heading and the blocks under it up to the next heading of
/// the same or a higher level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// Index of the heading block, or `None` for the text before the first heading.
    pub heading: Option<usize>,
    /// Heading level (0 for the part before the first heading).
    pub level: u8,
    /// Index of the first block after the heading.
    pub first: usize,
    /// One past the index of the last block of the section (subsections included).
    pub end: usize,
}

impl Document {
    /// The sections of the body, in order, derived from the heading blocks.
    pub fn sections(&self) -> Vec<Section> {
        use crate::BlockKind;
        let headings: Vec<(usize, u8)> = self
            .blocks
            .iter()
            .enumerate()
            .filter_map(|(i, b)| match b.kind {
                BlockKind::Heading { level, .. } => Some((i, level)),
                _ => None,
            })
            .collect();
        let body_end = self
            .blocks
            .iter()
            .rposition(|b| b.kind.is_body())
            .map_or(0, |i| i + 1);
        let mut out = Vec::with_capacity(headings.len() + 1);
        let first_body = self.blocks.iter().position(|b| b.kind.is_body());
        if let Some(first) = first_body {
            let end = headings.first().map_or(body_end, |h| h.0);
            if first < end {
                out.push(Section {
                    heading: None,
                    level: 0,
                    first,
                    end,
                });
            }
        }
        for (k, &(i, level)) in headings.iter().enumerate() {
            let end = headings[k + 1..]
                .iter()
                .find(|h| h.1 <= level)
                .map_or(body_end.max(i + 1), |h| h.0);
            out.push(Section {
                heading: Some(i),
                level,
                first: i + 1,
                end,
            });
        }
        out
    }

    /// The note with this id.
    pub fn note(&self, id: &str) -> Option<&Note> {
        self.notes.iter().find(|n| n.id == id)
    }
}
