//! The low-level XML emitter shared by the domei XML and TEI writers: buffered output,
//! escaping, and replacement of characters XML 1.0 does not allow.

use std::io::{self, BufWriter, Write};

/// Bytes that need a look in text content: C0 controls, `&`, `<`, `>`, and 0xEF (the lead
/// byte of U+FFFE and U+FFFF).
const TEXT: [bool; 256] = table(false);
/// The same for attribute values, which also escape `"`, tab and line breaks.
const ATTR: [bool; 256] = table(true);

const fn table(attr: bool) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    if !attr {
        t[b'\t' as usize] = false;
        t[b'\n' as usize] = false;
    }
    t[b'&' as usize] = true;
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'"' as usize] = attr;
    t[0xEF] = true;
    t
}

/// Values written without escaping: unsigned integers and booleans.
pub(crate) trait Plain {
    /// The lexical form, in `buf` or static.
    fn lexical(self, buf: &mut [u8; 20]) -> &[u8];
}

impl Plain for bool {
    fn lexical(self, _: &mut [u8; 20]) -> &[u8] {
        if self { b"true" } else { b"false" }
    }
}

impl Plain for u64 {
    fn lexical(self, buf: &mut [u8; 20]) -> &[u8] {
        let mut n = self;
        let mut i = buf.len();
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        &buf[i..]
    }
}

macro_rules! plain_via_u64 {
    ($($t:ty),*) => {$(
        impl Plain for $t {
            fn lexical(self, buf: &mut [u8; 20]) -> &[u8] {
                (self as u64).lexical(buf)
            }
        }
        impl Plain for &$t {
            fn lexical(self, buf: &mut [u8; 20]) -> &[u8] {
                (*self as u64).lexical(buf)
            }
        }
    )*};
}
plain_via_u64!(u8, u16, u32, usize);

impl Plain for &u64 {
    fn lexical(self, buf: &mut [u8; 20]) -> &[u8] {
        (*self).lexical(buf)
    }
}

impl Plain for &bool {
    fn lexical(self, buf: &mut [u8; 20]) -> &[u8] {
        (*self).lexical(buf)
    }
}

/// U+FFFD REPLACEMENT CHARACTER, which stands for every character XML forbids.
const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();

/// A buffered XML emitter. It counts the characters it had to replace.
pub(crate) struct Out<W: Write> {
    w: BufWriter<W>,
    /// Number of characters XML does not allow that were replaced with U+FFFD.
    pub(crate) replaced: usize,
}

impl<W: Write> Out<W> {
    pub(crate) fn new(w: W) -> Self {
        Out {
            w: BufWriter::with_capacity(1 << 16, w),
            replaced: 0,
        }
    }

    /// Flush and give the writer back.
    pub(crate) fn finish(self) -> io::Result<()> {
        let mut w = self.w;
        w.flush()
    }

    /// Markup written as is.
    #[inline]
    pub(crate) fn raw(&mut self, s: &str) -> io::Result<()> {
        self.w.write_all(s.as_bytes())
    }

    /// `<name` (attributes follow; end with [`Out::gt`] or [`Out::empty`]).
    #[inline]
    pub(crate) fn open(&mut self, name: &str) -> io::Result<()> {
        self.w.write_all(b"<")?;
        self.w.write_all(name.as_bytes())
    }

    /// `>`.
    #[inline]
    pub(crate) fn gt(&mut self) -> io::Result<()> {
        self.w.write_all(b">")
    }

    /// `/>` and a line break.
    #[inline]
    pub(crate) fn empty(&mut self) -> io::Result<()> {
        self.w.write_all(b"/>\n")
    }

    /// `</name>` and a line break.
    #[inline]
    pub(crate) fn close(&mut self, name: &str) -> io::Result<()> {
        self.w.write_all(b"</")?;
        self.w.write_all(name.as_bytes())?;
        self.w.write_all(b">\n")
    }

    /// `</name>` without a line break (inside mixed content).
    #[inline]
    pub(crate) fn close_inline(&mut self, name: &str) -> io::Result<()> {
        self.w.write_all(b"</")?;
        self.w.write_all(name.as_bytes())?;
        self.w.write_all(b">")
    }

    /// ` key="value"`, the value escaped.
    #[inline]
    pub(crate) fn attr(&mut self, key: &str, value: &str) -> io::Result<()> {
        self.w.write_all(b" ")?;
        self.w.write_all(key.as_bytes())?;
        self.w.write_all(b"=\"")?;
        self.escape(value, &ATTR)?;
        self.w.write_all(b"\"")
    }

    /// ` key="value"` for a number or boolean.
    #[inline]
    pub(crate) fn attr_display(&mut self, key: &str, value: impl Plain) -> io::Result<()> {
        self.w.write_all(b" ")?;
        self.w.write_all(key.as_bytes())?;
        self.w.write_all(b"=\"")?;
        self.plain(value)?;
        self.w.write_all(b"\"")
    }

    /// A number or boolean.
    #[inline]
    pub(crate) fn plain(&mut self, value: impl Plain) -> io::Result<()> {
        let mut buf = [0u8; 20];
        self.w.write_all(value.lexical(&mut buf))
    }

    /// ` key="value"` when there is a value.
    #[inline]
    pub(crate) fn attr_opt(&mut self, key: &str, value: Option<&str>) -> io::Result<()> {
        match value {
            Some(v) => self.attr(key, v),
            None => Ok(()),
        }
    }

    /// Escaped character data.
    #[inline]
    pub(crate) fn text(&mut self, s: &str) -> io::Result<()> {
        self.escape(s, &TEXT)
    }

    /// `<name>text</name>` and a line break.
    pub(crate) fn text_element(&mut self, name: &str, text: &str) -> io::Result<()> {
        self.open(name)?;
        self.gt()?;
        self.text(text)?;
        self.close(name)
    }

    /// Write `s` escaped: markup characters as entity or character references, `\r`
    /// (and in attributes tab and `\n`) as character references so that parsers keep
    /// them, and every character XML 1.0 forbids (C0 controls but tab, LF and CR;
    /// U+FFFE; U+FFFF) as U+FFFD. One pass; clean runs are copied whole.
    fn escape(&mut self, s: &str, table: &[bool; 256]) -> io::Result<()> {
        let bytes = s.as_bytes();
        let mut last = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if !table[usize::from(b)] {
                i += 1;
                continue;
            }
            let (rep, skip): (&[u8], usize) = match b {
                b'&' => (b"&amp;", 1),
                b'<' => (b"&lt;", 1),
                b'>' => (b"&gt;", 1),
                b'"' => (b"&quot;", 1),
                b'\t' => (b"&#9;", 1),
                b'\n' => (b"&#10;", 1),
                b'\r' => (b"&#13;", 1),
                0xEF => {
                    if bytes.get(i + 1) == Some(&0xBF)
                        && matches!(bytes.get(i + 2), Some(0xBE | 0xBF))
                    {
                        self.replaced += 1;
                        (REPLACEMENT, 3)
                    } else {
                        i += 1;
                        continue;
                    }
                }
                _ => {
                    self.replaced += 1;
                    (REPLACEMENT, 1)
                }
            };
            self.w.write_all(&bytes[last..i])?;
            self.w.write_all(rep)?;
            i += skip;
            last = i;
        }
        self.w.write_all(&bytes[last..])
    }
}

/// The text with every character XML 1.0 forbids replaced by U+FFFD (what the writers
/// output for it, before escaping).
pub fn xml_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(
            s.chars()
                .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
                .collect(),
        )
    }
}

/// True for the characters XML 1.0 allows (production `Char`).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// True for an ASCII NCName (`[A-Za-z_][A-Za-z0-9._-]*`): what domei uses as `xs:ID`
/// and `xml:id` values as they are.
pub(crate) fn is_ncname(s: &str) -> bool {
    let mut bytes = s.bytes();
    match bytes.next() {
        Some(b) if b.is_ascii_alphabetic() || b == b'_' => {}
        _ => return false,
    }
    bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(s: &str, attr: bool) -> (String, usize) {
        let mut buf = Vec::new();
        let mut o = Out::new(&mut buf);
        if attr {
            o.attr("a", s).unwrap();
        } else {
            o.text(s).unwrap();
        }
        let n = o.replaced;
        o.finish().unwrap();
        (String::from_utf8(buf).unwrap(), n)
    }

    #[test]
    fn escapes_markup_and_line_breaks() {
        assert_eq!(esc("a<b>&c]]>", false).0, "a&lt;b&gt;&amp;c]]&gt;");
        assert_eq!(esc("x\r\ny\tz", false).0, "x&#13;\ny\tz");
        assert_eq!(esc("\"q\"\n\t", true).0, " a=\"&quot;q&quot;&#10;&#9;\"");
    }

    #[test]
    fn replaces_forbidden_characters() {
        let (s, n) = esc("a\u{0}b\u{1b}c\u{FFFE}d\u{FFFF}e\u{FFFD}日本", false);
        assert_eq!(s, "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}日本");
        assert_eq!(n, 4);
        assert_eq!(xml_safe("a\u{1}b"), "a\u{FFFD}b");
    }

    #[test]
    fn plain_numbers() {
        let mut buf = [0u8; 20];
        assert_eq!(0u64.lexical(&mut buf), b"0");
        assert_eq!(u64::MAX.lexical(&mut buf), u64::MAX.to_string().as_bytes());
        assert_eq!(1200usize.lexical(&mut buf), b"1200");
        assert_eq!(true.lexical(&mut buf), b"true");
    }

    #[test]
    fn ncnames() {
        assert!(is_ncname("n3-r1"));
        assert!(is_ncname("_a.b"));
        assert!(!is_ncname("3a"));
        assert!(!is_ncname("kb:nato"));
        assert!(!is_ncname(""));
    }
}
