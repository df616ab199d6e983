//! Where a document came from and how its bytes were decoded.

use serde::{Deserialize, Serialize};

/// The input file of a document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Source {
    /// The file name as given by the user (`-` for standard input).
    pub path: String,
    /// Length of the raw input in bytes, before decoding.
    pub byte_len: u64,
    /// SHA-256 of the raw input bytes, lower-case hex.
    pub sha256: String,
    /// How the bytes were turned into text.
    pub encoding: Encoding,
    /// The line endings the decoded text uses.
    pub line_endings: LineEndings,
    /// Length of the decoded text in bytes (UTF-8); every span is below this.
    pub text_len: usize,
}

/// The decoding of the raw bytes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Encoding {
    /// The WHATWG name of the encoding (`UTF-8`, `UTF-16LE`, `Shift_JIS`, `EUC-JP`).
    pub name: String,
    /// True when the input began with a byte-order mark (not part of the text).
    pub bom: bool,
    /// How the encoding was chosen.
    pub detected_by: Detection,
    /// Number of byte sequences that could not be decoded and became U+FFFD.
    #[serde(default)]
    pub replacements: usize,
}

/// How an encoding was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Detection {
    /// A byte-order mark said so.
    Bom,
    /// The bytes are valid UTF-8.
    #[default]
    ValidUtf8,
    /// The bytes decode without error in this legacy encoding and not in UTF-8.
    Heuristic,
    /// The user named the encoding.
    User,
}

/// Line endings found in the decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineEndings {
    /// No line break at all.
    #[default]
    None,
    /// `\n` only.
    Lf,
    /// `\r\n` only.
    Crlf,
    /// A lone `\r` only.
    Cr,
    /// More than one kind.
    Mixed,
}
