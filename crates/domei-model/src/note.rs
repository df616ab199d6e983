//! Footnotes: anchors in the body, notes in the notes section, and the references
//! each note holds.

use serde::{Deserialize, Serialize};

use crate::{Date, Span, Spanned};

/// An inline note marker in the body (`[1]`, `([1])`, `注1`, `¹`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// Stable id within the document (`a1`, `a2`, … in text order).
    pub id: String,
    /// Where the marker stands, brackets included.
    pub span: Span,
    /// The marker as written.
    pub text: String,
    /// How it is written.
    pub style: AnchorStyle,
    /// The note numbers it points at (`[3-5]` gives 3, 4, 5).
    pub numbers: Vec<u32>,
    /// Ids of the notes it is linked to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Index of the block it stands in.
    pub block: usize,
}

/// The written style of an anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnchorStyle {
    /// `[1]`, `［1］`.
    Bracket,
    /// `([1])`.
    ParenBracket,
    /// `(1)`, `（１）`.
    Paren,
    /// `【1】`.
    LenticularBracket,
    /// `※1`.
    Kome,
    /// `*1`.
    Asterisk,
    /// `注1`, `注(1)`.
    Chu,
    /// `¹²`.
    Superscript,
}

/// One note of the notes section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// Stable id within the document (`n1`, … by number; `n1-2` for a repeated number).
    pub id: String,
    /// The note number.
    pub number: u32,
    /// The number as printed (`1. 1`, `([1])`, `注1`).
    pub label: String,
    /// The whole note, label included, over all its lines.
    pub span: Span,
    /// The note text after the label.
    pub text: Spanned<String>,
    /// The references the note holds, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// Note text that is not a reference (commentary, "See also").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commentary: Vec<Spanned<String>>,
    /// Ids of the anchors that point at this note.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<String>,
    /// Index of the first block of the note.
    pub block: usize,
}

/// A bibliographic reference, with fields aligned with CSL-JSON.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Reference {
    /// Stable id within the document: `<note id>-r<k>` (`n3-r1`); `r1` for a lone string.
    pub id: String,
    /// Where the reference stands.
    pub span: Span,
    /// The reference text, verbatim.
    pub raw: String,
    /// The CSL type.
    #[serde(rename = "type")]
    pub kind: ReferenceType,
    /// Authors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Spanned<Person>>,
    /// Editors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editors: Vec<Spanned<Person>>,
    /// Translators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translators: Vec<Spanned<Person>>,
    /// True when the author list ends in `et al.`, 他 or ほか.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub et_al: bool,
    /// Title of the work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Spanned<String>>,
    /// The newspaper, magazine, journal, site or book it appeared in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_title: Option<Spanned<String>>,
    /// Publisher or issuing body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Spanned<String>>,
    /// Place of publication or of the event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher_place: Option<Spanned<String>>,
    /// The event a speech or paper was given at (`Sorbonne University`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<Spanned<String>>,
    /// Genre or description (`news release`, `speech`, `transcript`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub genre: Option<Spanned<String>>,
    /// Date of issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<Spanned<Date>>,
    /// Date the URL was accessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<Spanned<Date>>,
    /// Volume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<Spanned<String>>,
    /// Issue of a journal, magazine or newspaper.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<Spanned<String>>,
    /// Number of a report, working paper, preprint or other numbered document
    /// (`R47258`, `788`, `RR-A1234-1`, `arXiv:2401.01234`; CSL `number`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<Spanned<String>>,
    /// Title of the series the work belongs to (`Policy Analysis`, `Adelphi Papers`;
    /// CSL `collection-title`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection_title: Option<Spanned<String>>,
    /// Number of a book within its series (CSL `collection-number`); a report's number
    /// is [`Reference::number`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection_number: Option<Spanned<String>>,
    /// Page range of the work (`21–23`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<Spanned<String>>,
    /// The cited page or place of this citation (`108`, `24–25`, `第3章`), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<Spanned<String>>,
    /// URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Spanned<String>>,
    /// DOI, without `https://doi.org/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<Spanned<String>>,
    /// BCP 47 language of the reference (`en`, `ja`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Set when this is a short form or ibid.: what it repeats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat: Option<Repeat>,
}

/// A short form or ibid. and the full reference it repeats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repeat {
    /// How it is written.
    pub kind: RepeatKind,
    /// Id of the full reference it repeats, when found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

/// Kinds of repeated citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RepeatKind {
    /// `Ibid.`, `同上`, `同前`.
    Ibid,
    /// `op. cit.`, `前掲`, `前掲書`.
    OpCit,
    /// A Chicago short form (`Author, Short Title, 5.`).
    ShortForm,
}

/// CSL item types domei uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceType {
    /// A newspaper or news-agency article.
    ArticleNewspaper,
    /// A magazine article.
    ArticleMagazine,
    /// A journal article.
    ArticleJournal,
    /// A report or policy paper.
    Report,
    /// A web page.
    #[default]
    Webpage,
    /// A book.
    Book,
    /// A chapter of a book.
    Chapter,
    /// A speech.
    Speech,
    /// An interview.
    Interview,
    /// A treaty or legal document.
    Legislation,
    /// A social-media or blog post.
    Post,
    /// A press release or other document.
    Document,
    /// A paper in conference proceedings or presented at a conference.
    PaperConference,
    /// A thesis or dissertation.
    Thesis,
    /// A preprint or working paper not published in a journal (arXiv, SSRN).
    Article,
}

impl ReferenceType {
    /// The CSL-JSON type name.
    pub const fn csl_name(self) -> &'static str {
        match self {
            ReferenceType::ArticleNewspaper => "article-newspaper",
            ReferenceType::ArticleMagazine => "article-magazine",
            ReferenceType::ArticleJournal => "article-journal",
            ReferenceType::Report => "report",
            ReferenceType::Webpage => "webpage",
            ReferenceType::Book => "book",
            ReferenceType::Chapter => "chapter",
            ReferenceType::Speech => "speech",
            ReferenceType::Interview => "interview",
            ReferenceType::Legislation => "legislation",
            ReferenceType::Post => "post",
            ReferenceType::Document => "document",
            ReferenceType::PaperConference => "paper-conference",
            ReferenceType::Thesis => "thesis",
            ReferenceType::Article => "article",
        }
    }
}

/// A name, in CSL-JSON's parts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Person {
    /// Family name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// Given names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    /// The whole name as one string, for organisations and names that do not split.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub literal: Option<String>,
    /// Name suffix (`Jr.`, `III`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_fields_are_left_out_when_empty_and_named_in_snake_case() {
        let empty = serde_json::to_value(Reference::default()).unwrap();
        for key in ["number", "collection_title", "collection_number"] {
            assert!(empty.get(key).is_none(), "{key} written when empty");
        }
        let person = serde_json::to_value(Person::default()).unwrap();
        assert_eq!(person, serde_json::json!({}));

        let r = Reference {
            kind: ReferenceType::PaperConference,
            number: Some(Spanned::detached("R47258".into())),
            collection_title: Some(Spanned::detached("Adelphi Papers".into())),
            collection_number: Some(Spanned::detached("445".into())),
            authors: vec![Spanned::detached(Person {
                family: Some("Nye".into()),
                suffix: Some("Jr.".into()),
                ..Person::default()
            })],
            ..Reference::default()
        };
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["type"], "paper-conference");
        assert_eq!(v["number"]["value"], "R47258");
        assert_eq!(v["collection_title"]["value"], "Adelphi Papers");
        assert_eq!(v["collection_number"]["value"], "445");
        assert_eq!(v["authors"][0]["value"]["suffix"], "Jr.");
        let back: Reference = serde_json::from_value(v).unwrap();
        assert_eq!(back, r);
        for (t, name) in [
            (ReferenceType::PaperConference, "paper-conference"),
            (ReferenceType::Thesis, "thesis"),
            (ReferenceType::Article, "article"),
        ] {
            assert_eq!(t.csl_name(), name);
            assert_eq!(serde_json::to_value(t).unwrap(), name);
        }
    }
}
