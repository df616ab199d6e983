//! The raw layer: lines of the decoded text with their byte ranges, and the small
//! text predicates the classifier uses. Nothing here allocates per line except the
//! line table itself.

use domei_model::LineEndings;

/// One line of the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'t> {
    /// Byte offset of the first byte of the line.
    pub start: usize,
    /// Byte offset one past the line terminator (or the end of the text).
    pub end: usize,
    /// Byte offset of the first non-white-space byte (== `content_end` for a blank line).
    pub content_start: usize,
    /// Byte offset one past the last non-white-space byte.
    pub content_end: usize,
    /// The content: the line without surrounding white space.
    pub text: &'t str,
}

impl Line<'_> {
    /// True when the line holds only white space.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Split `text` into lines (`\n`, `\r\n`, lone `\r`), one scan, and report the endings.
pub(crate) fn split(text: &str) -> (Vec<Line<'_>>, LineEndings) {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 64 + 1);
    let (mut lf, mut crlf, mut cr) = (false, false, false);
    let mut start = 0;
    let mut i = 0;
    while start < bytes.len() {
        // Find the next terminator.
        let rel = memchr::memchr2(b'\n', b'\r', &bytes[i..]);
        let (line_end, next) = match rel {
            None => (bytes.len(), bytes.len()),
            Some(r) => {
                let p = i + r;
                if bytes[p] == b'\n' {
                    lf = true;
                    (p, p + 1)
                } else if bytes.get(p + 1) == Some(&b'\n') {
                    crlf = true;
                    (p, p + 2)
                } else {
                    cr = true;
                    (p, p + 1)
                }
            }
        };
        lines.push(make_line(text, start, line_end, next));
        start = next;
        i = next;
    }
    let endings = match (lf, crlf, cr) {
        (false, false, false) => LineEndings::None,
        (true, false, false) => LineEndings::Lf,
        (false, true, false) => LineEndings::Crlf,
        (false, false, true) => LineEndings::Cr,
        _ => LineEndings::Mixed,
    };
    (lines, endings)
}

fn make_line(text: &str, start: usize, line_end: usize, end: usize) -> Line<'_> {
    let raw = &text[start..line_end];
    let trimmed_start = raw.trim_start_matches(is_space);
    let content_start = start + (raw.len() - trimmed_start.len());
    let content = trimmed_start.trim_end_matches(is_space);
    Line {
        start,
        end,
        content_start,
        content_end: content_start + content.len(),
        text: content,
    }
}

/// White space as these texts use it: ASCII, NBSP, the ideographic space, BOM-like
/// zero-width characters left by copying.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

/// Number of characters.
pub(crate) fn chars(s: &str) -> usize {
    s.chars().count()
}

/// True when the text ends like a sentence (。 ． . ! ? and their full-width forms,
/// possibly followed by closing brackets or quotes).
pub(crate) fn ends_sentence(s: &str) -> bool {
    const PUNCT: [char; 7] = ['。', '．', '.', '!', '?', '！', '？'];
    let closing = |c: char| {
        matches!(
            c,
            '」' | '』' | ')' | '）' | '”' | '"' | '’' | '\'' | ']' | '］'
        ) || is_space(c)
    };
    let mut t = s.trim_end_matches(closing);
    // A note marker after the sentence (`…summits.1`, `…した。[3]`, `…だ。(注2)`, `…¹²`).
    for _ in 0..3 {
        let stripped = strip_trailing_marker(t);
        if stripped.len() == t.len() {
            break;
        }
        t = stripped.trim_end_matches(closing);
    }
    t.ends_with(PUNCT)
}

/// `t` without one trailing note marker: superscript digits, or digits (bracketed or
/// bare) that follow sentence punctuation or a closing quote.
fn strip_trailing_marker(t: &str) -> &str {
    let sup = t.trim_end_matches(|c: char| matches!(c, '¹' | '²' | '³' | '⁰'..='⁹'));
    if sup.len() < t.len() {
        return sup;
    }
    let no_digits = t.trim_end_matches(|c: char| digit(c).is_some());
    if no_digits.len() == t.len() {
        return t;
    }
    let opened = no_digits.trim_end_matches(['[', '［', '(', '（', '注', '※', '*']);
    if opened.len() < no_digits.len() {
        return opened;
    }
    if no_digits.ends_with(['。', '．', '!', '?', '！', '？', '」', '”', '"', ')', '）']) {
        return no_digits;
    }
    // After `.` only at the end of a long English sentence (`…summits.1`), never in
    // `No.23`, `Vol.7` or a date `2024.11.05`.
    if let Some(before) = no_digits.strip_suffix('.') {
        if before.ends_with(|c: char| c.is_ascii_lowercase()) && t.chars().count() >= 40 {
            return no_digits;
        }
    }
    t
}

/// Number of Japanese full stops in the text.
pub(crate) fn sentence_count(s: &str) -> usize {
    s.matches(['。', '！', '？']).count()
}

/// True when `c` is a CJK ideograph, kana or a Japanese punctuation mark.
pub(crate) fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF60}')
}

/// Share of Japanese characters among the letters of `s` (0.0 when there are none).
pub(crate) fn japanese_ratio(s: &str) -> f32 {
    let (mut ja, mut letters) = (0usize, 0usize);
    for c in s.chars() {
        if is_japanese(c) {
            ja += 1;
            letters += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    if letters == 0 {
        0.0
    } else {
        ja as f32 / letters as f32
    }
}

/// The value of an ASCII or full-width decimal digit.
pub(crate) fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Read a run of (ASCII or full-width) digits at the start of `s`: value and byte length.
pub(crate) fn leading_number(s: &str) -> Option<(u32, usize)> {
    let mut value: u32 = 0;
    let mut len = 0;
    for c in s.chars() {
        match digit(c) {
            Some(d) => {
                value = value.checked_mul(10)?.checked_add(d)?;
                len += c.len_utf8();
            }
            None => break,
        }
    }
    (len > 0).then_some((value, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_keeps_every_byte() {
        let text = " a\r\n\r\nb\rc\n\u{3000}日本\u{3000}";
        let (lines, endings) = split(text);
        assert_eq!(endings, LineEndings::Mixed);
        assert_eq!(lines.len(), 5);
        assert_eq!(lines[0].text, "a");
        assert!(lines[0].content_start > lines[0].start);
        assert!(lines[1].is_blank());
        assert_eq!(lines[4].text, "日本");
        let mut at = 0;
        for l in &lines {
            assert_eq!(l.start, at);
            at = l.end;
        }
        assert_eq!(at, text.len());
    }

    #[test]
    fn predicates() {
        assert!(ends_sentence("終わった。」"));
        assert!(!ends_sentence("はじめに"));
        assert!(ends_sentence(
            "the Quad has moved from talks among officials to summits.1"
        ));
        assert!(!ends_sentence("see also No.1"));
        assert!(ends_sentence("協力を深めた。[12]"));
        assert!(ends_sentence("欠かせない(注2)。"));
        assert!(ends_sentence("欠かせない。(注2)"));
        assert!(!ends_sentence("Chapter 1"));
        assert!(!ends_sentence("第2章"));
        assert!(!ends_sentence("政策レポート No.23"));
        assert!(!ends_sentence("メディア掲載  外交・安全保障  2024.11.05"));
        assert_eq!(leading_number("１２３x"), Some((123, 9)));
        assert_eq!(leading_number("x"), None);
        assert!(japanese_ratio("日本とNATO") > 0.3);
    }
}
