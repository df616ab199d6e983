//! The article parser of domei: bytes of an article copied from a web page in, a
//! segmented [`Document`] with its metadata out.
//!
//! The source format is plain text, one paragraph per line, as a browser copies a page:
//! header lines (title, date, byline, venue, tags), the body (headings, paragraphs,
//! quotations, list items), a closing signature, a notes section, and page chrome around
//! it all (banners, navigation, share buttons, related-article links, comment forms).
//! `docs/format.md` describes the layouts.
//!
//! The parser decides by structure and vocabulary, never by a site's exact sentence.
//! It never fails on content: [`parse_text`] always returns a document, and what looks
//! wrong becomes a [`domei_model::Diagnostic`]. Only bytes that are not text
//! ([`parse_bytes`]: binary data, an unknown encoding) are an [`Error`], which names
//! the file and the line.
//!
//! The blocks tile the decoded text: each block's span starts where the previous one
//! ended, and together they cover every byte exactly once.
//!
//! ```
//! use domei_model::BlockKind;
//!
//! let text = "日米同盟の新段階 ―抑止の再設計―\n2024年10月27日\n\n はじめに\n\n 日米両政府は協力を深めている。\n";
//! let doc = domei_article::parse_bytes("article.txt", text.as_bytes()).unwrap();
//! let meta = &doc.metadata;
//! assert_eq!(meta.title.as_ref().unwrap().value, "日米同盟の新段階");
//! assert_eq!(meta.subtitle.as_ref().unwrap().value, "抑止の再設計");
//! assert_eq!(meta.published.as_ref().unwrap().date.edtf(), "2024-10-27");
//! assert!(matches!(doc.blocks.last().unwrap().kind, BlockKind::Paragraph));
//! // Lossless: the blocks cover the text exactly once.
//! assert_eq!(doc.blocks.iter().map(|b| b.span.len()).sum::<usize>(), doc.text.len());
//! ```
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
    for (at, original) in &decoded.replaced {
        let hex: Vec<String> = original.iter().map(|b| format!("{b:02X}")).collect();
        let mut d = domei_model::Diagnostic::new(
            domei_model::Severity::Warning,
            "encoding.replaced",
            format!(
                "bytes {} are not UTF-8; replaced with U+FFFD in the text",
                hex.join(" ")
            ),
        );
        d.span = Some(domei_model::Span::new(*at, *at + '\u{FFFD}'.len_utf8()));
        d.line = Some(memchr::memchr_iter(b'\n', &doc.text.as_bytes()[..*at]).count() + 1);
        doc.diagnostics.push(d);
    }
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
