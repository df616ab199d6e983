//! Small text helpers shared by the scanners: trimming byte ranges, character classes,
//! bracket-aware splitting. Every function works on byte offsets into one text and never
//! allocates unless it returns a collection.

/// White space, including the ideographic space.
pub(crate) fn is_ws(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Hiragana.
pub(crate) fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309f}').contains(&c)
}

/// Kana, kanji and CJK punctuation: a sign of Japanese text.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}' | '\u{3005}' | '\u{3006}')
}

/// ASCII or full-width decimal digit value.
pub(crate) fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Trim `(a, b)` of white space and of every character in `extra`, on both sides.
pub(crate) fn trim(t: &str, mut a: usize, mut b: usize, extra: &[char]) -> (usize, usize) {
    let Some(s) = t.get(a..b) else {
        return (a, a);
    };
    let mut it = s.char_indices();
    let mut first = s.len();
    for (i, c) in it.by_ref() {
        if !(is_ws(c) || extra.contains(&c)) {
            first = i;
            break;
        }
    }
    let mut last = first;
    for (i, c) in s.char_indices().rev() {
        if i < first {
            break;
        }
        if !(is_ws(c) || extra.contains(&c)) {
            last = i + c.len_utf8();
            break;
        }
    }
    b = a + last.max(first);
    a += first;
    (a, b)
}

/// Trim white space and a leading or trailing list punctuation, keeping a final period
/// that ends an abbreviation (`U.S.`, `Inc.`, `et al.`).
pub(crate) fn trim_field(t: &str, a: usize, b: usize) -> (usize, usize) {
    let (a, mut b) = trim(t, a, b, &[',', ';', ':', '、', '。', '，', '：', '；']);
    let s = &t[a..b];
    if s.ends_with('.') && !s.ends_with("...") && !keeps_period(s) {
        b -= 1;
        let (_, b2) = trim(t, a, b, &[',', ';', ':']);
        b = b2;
    }
    (a, b)
}

/// True when the final period of `s` belongs to an abbreviation.
fn keeps_period(s: &str) -> bool {
    let body = &s[..s.len() - 1];
    let word = body
        .rsplit(|c: char| is_ws(c) || c == '(' || c == ',')
        .next()
        .unwrap_or("");
    if word.contains('.') {
        return true; // U.S., D.C.
    }
    // "IEEE Trans. Aerosp. Electron. Syst.": abbreviated words before.
    if body.contains(". ")
        && word.len() <= 5
        && word.chars().next().is_some_and(char::is_uppercase)
        && body.split_whitespace().filter(|w| w.ends_with('.')).count() >= 1
    {
        return true;
    }
    let mut cs = word.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        return c.is_uppercase();
    }
    matches!(
        word,
        "Inc" | "Co" | "Ltd" | "Jr" | "Sr" | "St" | "al" | "etc" | "Corp" | "Bros" | "No" | "no"
    )
}

/// Bracket depth tracker for quotes and brackets of both scripts.
#[derive(Default)]
pub(crate) struct Depth {
    depth: i32,
    ascii_quote: bool,
}

impl Depth {
    /// Feed one character; returns the depth *before* it.
    pub(crate) fn feed(&mut self, c: char) -> i32 {
        let before = self.depth + i32::from(self.ascii_quote);
        match c {
            '(' | '[' | '（' | '［' | '「' | '『' | '“' | '【' | '〈' | '《' | '<' => {
                self.depth += 1
            }
            ')' | ']' | '）' | '］' | '」' | '』' | '”' | '】' | '〉' | '》' | '>' => {
                self.depth = (self.depth - 1).max(0)
            }
            '"' => self.ascii_quote = !self.ascii_quote,
            _ => {}
        }
        before
    }
}

/// Split `(a, b)` at every top-level occurrence of one of `seps` (a separator is a
/// character; with `space_after` a `,` only splits when white space follows).
pub(crate) fn split_top(t: &str, a: usize, b: usize, seps: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let s = &t[a..b];
    let mut d = Depth::default();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let depth = d.feed(c);
        if depth == 0 && seps.contains(&c) {
            if c == ',' || c == '.' {
                // "1,000" and "no.2" do not split.
                let next = s[i + 1..].chars().next();
                if next.is_some_and(|n| !is_ws(n)) {
                    continue;
                }
            }
            out.push((a + start, a + i));
            start = i + c.len_utf8();
        }
    }
    out.push((a + start, b));
    out
}

/// Find `needle` in `t[a..b]`, giving an absolute offset.
pub(crate) fn find(t: &str, a: usize, b: usize, needle: &str) -> Option<usize> {
    find_bytes(t.get(a..b)?.as_bytes(), needle.as_bytes()).map(|i| i + a)
}

/// Substring search for the short needles of this crate: memchr on the first byte, then
/// a compare. No searcher to build, which is what costs on short references.
pub(crate) fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut from = 0;
    while from + needle.len() <= hay.len() {
        let i = from + memchr::memchr(first, &hay[from..=hay.len() - needle.len()])?;
        if hay[i + 1..i + needle.len()] == *rest {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// True when `hay` contains `needle` (see [`find_bytes`]).
pub(crate) fn has(hay: &str, needle: &str) -> bool {
    find_bytes(hay.as_bytes(), needle.as_bytes()).is_some()
}

/// True when `s` starts with `p` ignoring ASCII case.
pub(crate) fn starts_ci(s: &str, p: &str) -> bool {
    s.len() >= p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
}

/// Parse a run of ASCII or full-width digits.
pub(crate) fn number(s: &str) -> Option<u32> {
    let mut n: u32 = 0;
    let mut any = false;
    for c in s.chars() {
        let d = digit(c)?;
        n = n.checked_mul(10)?.checked_add(d)?;
        any = true;
    }
    any.then_some(n)
}

/// True when `s` is a page number or range (`108`, `24–25`, `xii`, `12-34`, `S3`).
pub(crate) fn is_pages(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.len() > 24 {
        return false;
    }
    let mut digits = 0;
    for c in s.chars() {
        if digit(c).is_some() {
            digits += 1;
        } else if !matches!(
            c,
            '–' | '-' | '—' | '〜' | '～' | '~' | ',' | ' ' | 'n' | 'f' | '.'
        ) {
            return false;
        }
    }
    digits > 0 && digits <= 12 && !s.starts_with(['–', '-', ','])
}
