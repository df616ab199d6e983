//! Bytes to text: byte-order marks, UTF-8, UTF-16, Shift_JIS, EUC-JP, ISO-2022-JP.

use domei_model::{Detection, Encoding};

/// Why bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// The input holds a NUL byte and no UTF-16 byte-order mark: it is not text.
    #[error("binary file: NUL byte at byte offset {offset}")]
    Binary {
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// The input is neither UTF-8 nor any Japanese legacy encoding.
    #[error(
        "unknown encoding: byte 0x{byte:02X} at byte offset {offset} is not UTF-8, and the file is not Shift_JIS, EUC-JP or ISO-2022-JP either"
    )]
    UnknownEncoding {
        /// Offset of the first byte that is not UTF-8.
        offset: usize,
        /// That byte.
        byte: u8,
    },
}

impl DecodeError {
    /// Byte offset in the raw input the error points at.
    pub fn offset(&self) -> usize {
        match *self {
            DecodeError::Binary { offset } | DecodeError::UnknownEncoding { offset, .. } => offset,
        }
    }
}

/// Decoded text and how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without byte-order mark.
    pub text: String,
    /// The decoding.
    pub encoding: Encoding,
    /// Byte sequences of a mostly-UTF-8 input that are not UTF-8, each replaced by one
    /// U+FFFD in `text`: the byte offset of that U+FFFD in `text`, and the original
    /// bytes (so that nothing of the input is lost).
    pub replaced: Vec<(usize, Vec<u8>)>,
}

/// Decode raw bytes. A byte-order mark decides; otherwise valid UTF-8 is UTF-8, and
/// anything else must decode without a single error as Shift_JIS, EUC-JP or
/// ISO-2022-JP (the one that reads most like Japanese wins).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if enc == encoding_rs::UTF_8 {
            if let Some(offset) = memchr::memchr(0, body) {
                return Err(DecodeError::Binary {
                    offset: offset + bom_len,
                });
            }
        }
        let (text, had_errors) = enc.decode_without_bom_handling(body);
        let replacements = if had_errors {
            text.matches('\u{FFFD}').count()
        } else {
            0
        };
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: Encoding {
                name: enc.name().to_owned(),
                bom: true,
                detected_by: Detection::Bom,
                replacements,
            },
            replaced: Vec::new(),
        });
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(DecodeError::Binary { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            if text.contains("\u{1b}$B") || text.contains("\u{1b}$@") {
                if let Some(text) = strict(encoding_rs::ISO_2022_JP, bytes) {
                    return Ok(legacy(text, encoding_rs::ISO_2022_JP));
                }
            }
            Ok(Decoded {
                text: text.to_owned(),
                encoding: Encoding {
                    name: "UTF-8".to_owned(),
                    bom: false,
                    detected_by: Detection::ValidUtf8,
                    replacements: 0,
                },
                replaced: Vec::new(),
            })
        }
        Err(err) => {
            let offset = err.valid_up_to();
            let sjis = strict(encoding_rs::SHIFT_JIS, bytes);
            let euc = strict(encoding_rs::EUC_JP, bytes);
            match (sjis, euc) {
                (Some(s), Some(e)) => {
                    if japaneseness(&e) >= japaneseness(&s) {
                        Ok(legacy(e, encoding_rs::EUC_JP))
                    } else {
                        Ok(legacy(s, encoding_rs::SHIFT_JIS))
                    }
                }
                (Some(s), None) => Ok(legacy(s, encoding_rs::SHIFT_JIS)),
                (None, Some(e)) => Ok(legacy(e, encoding_rs::EUC_JP)),
                (None, None) => mostly_utf8(bytes).ok_or(DecodeError::UnknownEncoding {
                    offset,
                    byte: bytes[offset],
                }),
            }
        }
    }
}

fn strict(enc: &'static encoding_rs::Encoding, bytes: &[u8]) -> Option<String> {
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| c.into_owned())
}

fn legacy(text: String, enc: &'static encoding_rs::Encoding) -> Decoded {
    Decoded {
        text,
        encoding: Encoding {
            name: enc.name().to_owned(),
            bom: false,
            detected_by: Detection::Heuristic,
            replacements: 0,
        },
        replaced: Vec::new(),
    }
}

/// UTF-8 damaged in a few places (a truncated copy, a flipped byte): the input holds
/// multi-byte UTF-8 text, and the bytes that are not UTF-8 are at most 8, or one in a
/// thousand. Each bad sequence becomes U+FFFD and is kept in `replaced`. Text with
/// more damage, or without any multi-byte UTF-8 (Latin-1, say), is not guessed at.
fn mostly_utf8(bytes: &[u8]) -> Option<Decoded> {
    let limit = (bytes.len() / 1000).max(8);
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut replaced = Vec::new();
    let mut bad = 0;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                text.push_str(valid);
                break;
            }
            Err(err) => {
                let (valid, after) = rest.split_at(err.valid_up_to());
                // The prefix is valid UTF-8 by the error's own account.
                text.push_str(std::str::from_utf8(valid).ok()?);
                let n = err.error_len().unwrap_or(after.len());
                bad += n;
                if bad > limit {
                    return None;
                }
                replaced.push((text.len(), after[..n].to_vec()));
                text.push('\u{FFFD}');
                rest = &after[n..];
            }
        }
    }
    if text.chars().all(|c| c.is_ascii() || c == '\u{FFFD}') {
        return None;
    }
    Some(Decoded {
        text,
        encoding: Encoding {
            name: "UTF-8".to_owned(),
            bom: false,
            detected_by: Detection::Heuristic,
            replacements: replaced.len(),
        },
        replaced,
    })
}

/// Score how much a text reads like Japanese: kana and common kanji count, half-width
/// katakana and private-use or rare symbols (what a wrong legacy decoding gives) cost.
fn japaneseness(text: &str) -> i64 {
    let mut score = 0i64;
    for c in text.chars() {
        score += match c {
            '\u{3040}'..='\u{30FF}' => 2,
            '\u{4E00}'..='\u{9FFF}' | '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF5E}' => 1,
            '\u{FF61}'..='\u{FF9F}' => -2,
            '\u{E000}'..='\u{F8FF}' | '\u{2460}'..='\u{24FF}' => -1,
            _ => 0,
        };
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "日米同盟の強化について、北大西洋条約機構と協力する。";

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode(SAMPLE.as_bytes()).unwrap();
        assert_eq!(d.text, SAMPLE);
        assert_eq!(d.encoding.name, "UTF-8");
        assert!(!d.encoding.bom);
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(SAMPLE.as_bytes());
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, SAMPLE);
        assert!(d.encoding.bom);
    }

    #[test]
    fn legacy_encodings() {
        for enc in [
            encoding_rs::SHIFT_JIS,
            encoding_rs::EUC_JP,
            encoding_rs::ISO_2022_JP,
        ] {
            let (bytes, _, _) = enc.encode(SAMPLE);
            let d = decode(&bytes).unwrap();
            assert_eq!(d.text, SAMPLE, "{}", enc.name());
            assert_eq!(d.encoding.name, enc.name());
        }
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in SAMPLE.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, SAMPLE);
        assert_eq!(decode(&be).unwrap().encoding.name, "UTF-16BE");
    }

    #[test]
    fn damaged_utf8_is_decoded_with_the_bad_bytes_kept() {
        let mut bytes = SAMPLE.as_bytes().to_vec();
        bytes.extend_from_slice(b"\n\xE3\x81 truncated, and a stray \xFF byte\n");
        bytes.extend_from_slice(SAMPLE.as_bytes());
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding.name, "UTF-8");
        assert_eq!(d.encoding.detected_by, Detection::Heuristic);
        assert_eq!(d.encoding.replacements, 2);
        assert_eq!(d.replaced.len(), 2);
        assert_eq!(d.replaced[0].1, b"\xE3\x81");
        assert_eq!(d.replaced[1].1, b"\xFF");
        for (at, _) in &d.replaced {
            assert!(d.text[*at..].starts_with('\u{FFFD}'));
        }
        assert!(d.text.starts_with(SAMPLE) && d.text.ends_with(SAMPLE));
        // Without multi-byte UTF-8 around it, a high byte is no evidence of UTF-8.
        assert!(decode(b"caf\xE9 au lait, a long enough line of plain text\n").is_err());
        // Too much damage is not guessed at.
        let mut noisy = SAMPLE.as_bytes().to_vec();
        noisy.extend_from_slice(&[0xFF; 9]);
        assert!(decode(&noisy).is_err());
    }

    #[test]
    fn binary_and_unknown() {
        assert_eq!(decode(b"abc\0def"), Err(DecodeError::Binary { offset: 3 }));
        let err = decode(b"ok\n\xFF\xFE\xFD\x80\x80").unwrap_err();
        assert!(
            matches!(
                err,
                DecodeError::UnknownEncoding {
                    offset: 3,
                    byte: 0xFF
                }
            ),
            "{err:?}"
        );
    }
}
