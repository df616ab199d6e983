//! The US alliance system knowledge base and its matcher. (Being written: see issue 6.)
#![deny(missing_docs)]

use domei_model::Document;

/// The knowledge base.
#[derive(Debug, Clone, Default)]
pub struct Kb {}

impl Kb {
    /// The knowledge base compiled into the crate.
    pub fn builtin() -> Kb {
        Kb {}
    }
}

/// Finds mentions of the knowledge base's entities in documents.
#[derive(Debug, Clone)]
pub struct Matcher {}

impl Matcher {
    /// A matcher for `kb`.
    pub fn new(kb: &Kb) -> Matcher {
        let _ = kb;
        Matcher {}
    }

    /// Fill `doc.mentions` and `doc.entities`.
    pub fn annotate(&self, doc: &mut Document) {
        let _ = doc;
    }
}
