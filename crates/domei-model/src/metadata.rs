//! Article metadata: titles, authors, dates, venue, classification, translation.

use serde::{Deserialize, Serialize};

use crate::{DateMention, Spanned};

/// Everything the parser learnt about an article apart from its body.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Metadata {
    /// The main title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Spanned<String>>,
    /// The subtitle (`―その背景と戦略的な意義―`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<Spanned<String>>,
    /// Titles in other languages or versions (the English title of an English version).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_titles: Vec<OtherTitle>,
    /// Authors, translators and editors in the order given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author>,
    /// Date of publication on the site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateMention>,
    /// Date of the print issue (`2024年2月1日発行`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_date: Option<DateMention>,
    /// Date the text was written, from a closing signature (`(2024年10月21日、…)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<DateMention>,
    /// Where it appeared.
    #[serde(default)]
    pub venue: Venue,
    /// The site section (`メディア掲載`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Spanned<String>>,
    /// Categories (`外交・安全保障`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Spanned<String>>,
    /// Tags (`国際政治・外交`, `米国`, `朝鮮半島`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Spanned<String>>,
    /// A summary or lead the page gives apart from the body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Spanned<String>>,
    /// What kind of document it is.
    #[serde(default)]
    pub kind: DocumentKind,
    /// BCP 47 language of the body (`ja`, `en`).
    pub language: String,
    /// Whether and how it is a translation.
    #[serde(default)]
    pub translation: Translation,
}

/// A title in another language or of another version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherTitle {
    /// The title.
    pub title: Spanned<String>,
    /// Its BCP 47 language.
    pub language: String,
}

/// A person or organisation credited for the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// The name as written.
    pub name: Spanned<String>,
    /// What they did.
    #[serde(default)]
    pub role: AuthorRole,
    /// Their affiliation and position (`平和政策研究所上席研究員`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<Spanned<String>>,
    /// A short biography printed with the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bio: Option<Spanned<String>>,
}

/// The part a credited person played.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthorRole {
    /// Wrote it.
    #[default]
    Author,
    /// Translated it.
    Translator,
    /// Edited it.
    Editor,
    /// Wrote the original of a translation.
    OriginalAuthor,
}

/// Where an article appeared.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Venue {
    /// The web site or publisher (`IINA`, `平和政策研究所`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<Spanned<String>>,
    /// A project the publication belongs to (`Cooperation between European and
    /// Indo-Pacific Powers in the US alliance system project`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<Spanned<String>>,
    /// A series (`国際情勢マンスリーレポート`, `Policy Paper`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<Spanned<String>>,
    /// A number within the series (`Vol. 7`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series_number: Option<Spanned<String>>,
    /// A magazine or journal (`東亜`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periodical: Option<Spanned<String>>,
    /// The issue label as printed (`No.680 2024年2月号`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<Spanned<String>>,
}

/// The kind of document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A policy paper of a think tank or project.
    PolicyPaper,
    /// A monthly or periodic report.
    MonthlyReport,
    /// A column or article reprinted from a magazine or newspaper.
    MediaColumn,
    /// A blog post translated from another language.
    BlogTranslation,
    /// A translated research paper.
    TranslatedPaper,
    /// Anything else.
    #[default]
    Other,
}

/// Translation facts.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Translation {
    /// True when the article is a translation.
    #[serde(default)]
    pub is_translation: bool,
    /// The title of the original.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_title: Option<Spanned<String>>,
    /// The language of the original, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_language: Option<String>,
    /// Who translated it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translator: Option<Spanned<String>>,
    /// True when the text shows the marks of machine translation.
    #[serde(default)]
    pub machine_translation_likely: bool,
    /// What the decision rests on, in a few words each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}
