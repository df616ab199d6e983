//! The whole domei pipeline: decode the bytes, segment the article, find its dates,
//! footnotes and references, and the actors, alliances and agreements it mentions.
//!
//! ```
//! let kb = domei_kb::Kb::builtin();
//! let pipeline = domei::Pipeline::new(&kb);
//! let doc = pipeline.parse_bytes("note.txt", "日米同盟の強化\n\n本文です。\n".as_bytes()).unwrap();
//! assert_eq!(doc.metadata.title.unwrap().value, "日米同盟の強化");
//! ```
#![deny(missing_docs)]

use domei_model::Document;

pub use domei_article::Error;

/// The parsers, set up once and shared by every document of a batch.
#[derive(Debug, Clone)]
pub struct Pipeline {
    matcher: domei_kb::Matcher,
}

impl Pipeline {
    /// A pipeline whose entity matcher knows the entities of `kb`.
    pub fn new(kb: &domei_kb::Kb) -> Pipeline {
        Pipeline {
            matcher: domei_kb::Matcher::new(kb),
        }
    }

    /// Decode and parse one file's bytes into a fully annotated document.
    pub fn parse_bytes(&self, path: &str, bytes: &[u8]) -> Result<Document, Error> {
        let mut doc = domei_article::parse_bytes(path, bytes)?;
        self.annotate(&mut doc);
        Ok(doc)
    }

    /// Run the annotating parsers (dates, footnotes, entities) on a segmented document.
    pub fn annotate(&self, doc: &mut Document) {
        domei_dates::annotate(doc);
        domei_refs::annotate(doc);
        self.matcher.annotate(doc);
    }
}
