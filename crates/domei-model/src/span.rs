//! Source spans: UTF-8 byte ranges into the decoded text.

use serde::{Deserialize, Serialize};

/// A half-open range `start..end` of UTF-8 byte offsets into a document's decoded text.
///
/// Every value the parsers take from the text carries the span it came from, so a
/// consumer can always go back to the exact bytes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. Panics in debug builds when `end < start`.
    pub const fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers, or `None` when it is out of range or not on
    /// character boundaries.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// This span moved right by `offset` bytes (for spans computed on a slice).
    pub const fn shift(self, offset: usize) -> Span {
        Span {
            start: self.start + offset,
            end: self.end + offset,
        }
    }
}

/// A value together with the span of text it came from.
///
/// `span` is `None` for a *detached* value: one the parser inferred rather than read
/// (a year completed from 昨年, a party taken from the knowledge base).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it stands in the decoded text, if it stands there at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl<T> Spanned<T> {
    /// A value read from `span`.
    pub const fn new(value: T, span: Span) -> Self {
        Spanned {
            value,
            span: Some(span),
        }
    }

    /// A value with no place in the text.
    pub const fn detached(value: T) -> Self {
        Spanned { value, span: None }
    }
}

/// Maps byte offsets to 1-based line and column numbers.
///
/// Built once per text (one pass), then each look-up is a binary search. Columns count
/// Unicode scalar values, not bytes, because that is what an editor shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the line starts of `text`. `\n`, `\r\n` and a lone `\r` all end a line.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// Number of lines (a text without a final line break still counts its last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// Byte offset where the 1-based `line` starts, if there is such a line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        line.checked_sub(1)
            .and_then(|i| self.starts.get(i).copied())
    }

    /// 1-based line and column (in characters) of byte `offset` in `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.starts[line - 1];
        let end = offset.min(text.len());
        let col = text
            .get(start..end)
            .map_or(end - start, |s| s.chars().count());
        (line, col + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let text = "ab\r\ncd\re\nf";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(4), 2);
        assert_eq!(idx.line(7), 3);
        assert_eq!(idx.line_col(text, 9), (4, 1));
        let ja = "日本\n米国";
        let idx = LineIndex::new(ja);
        assert_eq!(idx.line_col(ja, ja.find('国').unwrap()), (2, 2));
    }

    #[test]
    fn span_helpers() {
        let s = Span::new(2, 5);
        assert_eq!(s.slice("abcdefg"), Some("cde"));
        assert_eq!(s.shift(1), Span::new(3, 6));
        assert!(Span::new(0, 9).contains(s));
        assert_eq!(s.cover(Span::new(7, 8)), Span::new(2, 8));
        assert_eq!(Span::new(1, 2).slice("日"), None);
    }
}
