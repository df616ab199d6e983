//! The typed, lossless domain model of domei.
//!
//! A [`Document`] is one article copied from a web page: its [`Source`] and decoding,
//! the decoded text, [`Metadata`], the [`Block`]s that tile the text, the footnote
//! [`Anchor`]s and [`Note`]s with their [`Reference`]s, the [`DateMention`]s, and the
//! [`Mention`]s of actors, alliances and agreements. Everything that comes from the
//! text carries a [`Span`] of UTF-8 byte offsets into [`Document::text`].
//!
//! This crate does no I/O and no parsing; the parsers (`domei-article`, `domei-dates`,
//! `domei-refs`, `domei-kb`) fill it, the exporters read it. It derives serde, and its
//! serialized form is a versioned format ([`FORMAT_VERSION`]).
//!
//! ```
//! use domei_model::{Date, Span, Spanned, Ymd};
//!
//! let text = "2024年10月27日";
//! let published = Spanned::new(Date::absolute(Ymd::day(2024, 10, 27)), Span::new(0, text.len()));
//! assert_eq!(published.value.edtf(), "2024-10-27");
//! assert_eq!(published.span.unwrap().slice(text), Some(text));
//! ```
#![deny(missing_docs)]

mod block;
mod date;
mod diagnostic;
mod document;
mod entity;
mod metadata;
mod note;
mod source;
mod span;

pub use block::{Block, BlockKind, ChromeKind, MetaField};
pub use date::{
    Anchoring, Date, DateKind, DateMention, DatePart, Era, Precision, Reading, Relative, Season,
    Ymd,
};
pub use diagnostic::{Diagnostic, Severity};
pub use document::{Document, FORMAT_VERSION, Section};
pub use entity::{AgreementEvent, Entities, Entity, EntityCategory, EventKind, Mention};
pub use metadata::{Author, AuthorRole, DocumentKind, Metadata, OtherTitle, Translation, Venue};
pub use note::{Anchor, AnchorStyle, Note, Person, Reference, ReferenceType, Repeat, RepeatKind};
pub use source::{Detection, Encoding, LineEndings, Source};
pub use span::{LineIndex, Span, Spanned};
