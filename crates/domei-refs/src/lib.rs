//! Footnote anchors, notes and typed references. (Being written: see issue 5.)
#![deny(missing_docs)]

use domei_model::{Document, Reference};

/// Find anchors in the body, split the notes into references, link anchors to notes.
pub fn annotate(doc: &mut Document) {
    let _ = doc;
}

/// Parse one reference string (one line of `domei refs`).
pub fn parse_reference(text: &str) -> Option<Reference> {
    let _ = text;
    None
}
