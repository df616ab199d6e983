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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_reference_date_takes_the_reading_ranked_in_context() {
        let text = "メディア掲載  2024.03.01\n\n米韓同盟の新しい段階\n\n\
                    昨年11月13日に会議が開かれた([1])。\n\n\
                    脚注\n\n[1] 国防研究所「会議の成果と意義」『季刊アングル』2023128日。\n";
        let kb = domei_kb::Kb::builtin();
        let doc = Pipeline::new(&kb)
            .parse_bytes("a.txt", text.as_bytes())
            .expect("parses");
        let reference = &doc.notes[0].references[0];
        let issued = reference.issued.as_ref().expect("an issued date");
        // Alone, `2023128日` reads 2023-01-28 and 2023-12-08 alike; after a mention
        // of 2023-11-13 in an article of 2024-03-01, December is the likely one.
        assert!(issued.value.damaged);
        assert_eq!(issued.value.start, domei_model::Ymd::day(2023, 12, 8));
        let mention = doc
            .dates
            .iter()
            .find(|m| Some(m.span) == issued.span)
            .expect("the scanner read the same span");
        assert_eq!(mention.date, issued.value);
    }
}
