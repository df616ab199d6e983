//! The US alliance system: a knowledge base of actors, alliances, frameworks and
//! agreements, and a matcher that finds them in Japanese security-policy texts.
//!
//! The knowledge base is a set of CSV files (see `docs/knowledge-base.md`) compiled
//! into the crate ([`Kb::builtin`]) and extensible at run time
//! ([`Kb::extend_from_path`]). The [`Matcher`] runs one leftmost-longest
//! Aho–Corasick pass over a document's body, headings, quotes, lists, notes and
//! metadata, with boundaries that suit Japanese (`NATO加盟国` is NATO, `日本語` is not
//! Japan), expands compounds (`日米韓` gives Japan, the US, the ROK and the trilateral
//! framework), learns the abbreviations a text defines, recognises agreements not in
//! the base by their shape, and reads agreement events (a verb such as 署名 or 改定
//! beside an agreement, with the dates of its clause).
//!
//! ```
//! use domei_kb::{Kb, Matcher};
//!
//! let kb = Kb::builtin();
//! let matcher = Matcher::new(&kb);
//! let ids: Vec<&str> = matcher
//!     .find("日米韓の首脳はNATO加盟国と協力する。日本語の資料。")
//!     .iter()
//!     .map(|(_, id, _)| *id)
//!     .collect();
//! assert!(ids.contains(&"NATO"));
//! assert!(ids.contains(&"KOR"));
//! assert!(ids.contains(&"JPN-USA-KOR"));
//! assert_eq!(ids.iter().filter(|id| **id == "JPN").count(), 1); // not 日本語
//! assert_eq!(kb.find("NATO").map(|e| e.id.as_str()), Some("NATO"));
//! ```
#![deny(missing_docs)]

mod kb;
mod matcher;
mod text;

pub use kb::{
    Entry, KbEvent, Leader, Membership, SourceRef, Table, event_kind, event_kind_name, parse_ymd,
};
pub use matcher::Matcher;

#[doc(inline)]
pub use kb::Kb;

/// A knowledge-base file could not be read: which file, which line, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct Error {
    /// The file.
    pub file: String,
    /// The 1-based line (0 when the file could not be read at all).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}
