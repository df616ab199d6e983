//! The article parser of domei.
#![deny(missing_docs)]

mod decode;
mod lines;
mod parse;
mod vocab;

pub use decode::{DecodeError, Decoded, decode};
pub use parse::{document_id, parse_text};

use domei_model::Document;

/// A file that could not be parsed at all. Content problems are never errors: they are
/// diagnostics in the document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}: {kind}")]
pub struct Error {
    /// The file as named by the user.
    pub path: String,
    /// 1-based line of the problem in the raw input.
    pub line: usize,
    /// What went wrong.
    pub kind: DecodeError,
}

/// Decode `bytes` and parse them into a segmented document with its metadata.
pub fn parse_bytes(path: &str, bytes: &[u8]) -> Result<Document, Error> {
    let decoded = decode(bytes).map_err(|kind| {
        let offset = kind.offset().min(bytes.len());
        let line = memchr::memchr_iter(b'\n', &bytes[..offset]).count() + 1;
        Error {
            path: path.to_owned(),
            line,
            kind,
        }
    })?;
    let mut doc = parse_text(path, decoded.text);
    doc.source.encoding = decoded.encoding;
    doc.source.byte_len = bytes.len() as u64;
    doc.source.sha256 = sha256_hex(bytes);
    Ok(doc)
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        out.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
    }
    out
}
