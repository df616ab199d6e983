//! Blocks: the ordered, lossless segmentation of a document's text.

use serde::{Deserialize, Serialize};

use crate::Span;

/// One block of the text. The blocks of a document tile its text: each `span` starts
/// where the previous one ended, and together they cover every byte exactly once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The whole lines of the block, line breaks and indentation included.
    pub span: Span,
    /// The content: `span` without surrounding white space and line breaks.
    pub content: Span,
    /// The text of `content`.
    pub text: String,
    /// 1-based first line.
    pub line: usize,
    /// 1-based last line (inclusive).
    pub end_line: usize,
}

/// What a block is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockKind {
    /// One or more empty (white-space only) lines.
    Blank,
    /// A line that holds metadata (title, byline, date, venue, tags …).
    Meta {
        /// Which metadata it holds.
        field: MetaField,
    },
    /// A section heading.
    Heading {
        /// 1 for a top-level section, 2 for a subsection.
        level: u8,
        /// The printed number (`1.`, `(1)`, `①`, `第1章`, `■`), if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        number: Option<String>,
    },
    /// A body paragraph: one non-empty line of body text.
    Paragraph,
    /// A block quotation.
    Quote,
    /// An item of a list in the body.
    ListItem {
        /// The printed marker (`・`, `-`, `1.`).
        marker: String,
    },
    /// The heading of the notes section (`脚注`, `注`, `Notes`).
    NotesHeading,
    /// One note of the notes section (possibly several lines).
    Note {
        /// The note's number as printed.
        label: String,
    },
    /// A closing signature (`(2024年10月21日、平和政策研究所上席研究員 西川佳秀)`).
    Signature,
    /// Page chrome: text of the web page that is not the article.
    Chrome {
        /// What kind of chrome.
        chrome: ChromeKind,
    },
}

/// The metadata a `Meta` block holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaField {
    /// The title (or a line holding title and more).
    Title,
    /// A repeat of the title.
    TitleRepeat,
    /// The subtitle.
    Subtitle,
    /// A byline (author names, affiliation).
    Byline,
    /// An author's biography.
    Bio,
    /// A date line.
    Date,
    /// A line with section, categories and a date.
    Dateline,
    /// The venue (`月刊『東亜』 No.680 …に掲載`).
    Venue,
    /// Tags or categories.
    Tags,
    /// A series name.
    Series,
    /// A summary or lead set apart from the body.
    Summary,
    /// An introductory notice about the article (editor's note).
    Notice,
    /// A title in another language or of another version.
    OtherTitle,
}

/// Kinds of page chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChromeKind {
    /// A banner or notice line (`【…のお知らせ】`).
    Banner,
    /// A block of links (`関連記事`, "read the English version").
    Links,
    /// A list of tags or categories as links.
    TagList,
    /// A comment form (`コメントを残す`).
    CommentForm,
    /// Share, like, follow buttons.
    Share,
    /// A support or tip prompt (`この記事が気に入ったらサポートを…`).
    Support,
    /// Site navigation, breadcrumbs, menus.
    Navigation,
    /// Anything else that is not the article.
    Other,
}

impl BlockKind {
    /// True for page chrome.
    pub fn is_chrome(&self) -> bool {
        matches!(self, BlockKind::Chrome { .. })
    }

    /// True for blocks that belong to the article body (headings, paragraphs, quotes, lists).
    pub fn is_body(&self) -> bool {
        matches!(
            self,
            BlockKind::Heading { .. }
                | BlockKind::Paragraph
                | BlockKind::Quote
                | BlockKind::ListItem { .. }
        )
    }
}
