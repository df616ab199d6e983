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
/// ASCII edges (the common case) are read byte by byte, without decoding.
pub(crate) fn trim(t: &str, mut a: usize, mut b: usize, extra: &[char]) -> (usize, usize) {
    if t.get(a..b).is_none() {
        return (a, a);
    }
    let bytes = t.as_bytes();
    let strip = |c: char| is_ws(c) || extra.contains(&c);
    while a < b {
        let x = bytes[a];
        if x < 0x80 {
            if strip(char::from(x)) {
                a += 1;
                continue;
            }
            break;
        }
        let c = t[a..b].chars().next().unwrap_or(' ');
        if strip(c) {
            a += c.len_utf8();
        } else {
            break;
        }
    }
    while b > a {
        let x = bytes[b - 1];
        if x < 0x80 {
            if strip(char::from(x)) {
                b -= 1;
                continue;
            }
            break;
        }
        let c = t[a..b].chars().next_back().unwrap_or(' ');
        if strip(c) {
            b -= c.len_utf8();
        } else {
            break;
        }
    }
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
        // (abbreviated words, not dotted initialisms: "U.S. Department of State." ends
        // its sentence)
        && body
            .split_whitespace()
            .any(|w| w.ends_with('.') && !w[..w.len() - 1].contains('.'))
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
    #[inline]
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

/// How many ranges [`Pieces`] keeps without allocating.
const INLINE: usize = 16;

/// The ranges [`split_top`] returns: the first 16 kept inline (a reference rarely has
/// more pieces), the rest on the heap. Reads as a slice.
pub(crate) struct Pieces {
    len: usize,
    inline: [(usize, usize); INLINE],
    heap: Option<Vec<(usize, usize)>>,
}

impl Pieces {
    fn new() -> Self {
        Pieces {
            len: 0,
            inline: [(0, 0); INLINE],
            heap: None,
        }
    }

    fn push(&mut self, p: (usize, usize)) {
        if let Some(h) = &mut self.heap {
            h.push(p);
        } else if self.len < INLINE {
            self.inline[self.len] = p;
            self.len += 1;
        } else {
            let mut h = Vec::with_capacity(INLINE * 2);
            h.extend_from_slice(&self.inline);
            h.push(p);
            self.heap = Some(h);
        }
    }

    /// Remove and return the last range.
    pub(crate) fn pop(&mut self) -> Option<(usize, usize)> {
        if let Some(h) = &mut self.heap {
            return h.pop();
        }
        self.len = self.len.checked_sub(1)?;
        Some(self.inline[self.len])
    }
}

impl std::ops::Deref for Pieces {
    type Target = [(usize, usize)];

    fn deref(&self) -> &[(usize, usize)] {
        match &self.heap {
            Some(h) => h,
            None => &self.inline[..self.len],
        }
    }
}

/// By-value iteration over [`Pieces`].
pub(crate) struct PiecesIter {
    pieces: Pieces,
    next: usize,
}

impl Iterator for PiecesIter {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let p = self.pieces.get(self.next).copied();
        self.next += 1;
        p
    }
}

impl IntoIterator for Pieces {
    type Item = (usize, usize);
    type IntoIter = PiecesIter;

    fn into_iter(self) -> PiecesIter {
        PiecesIter {
            pieces: self,
            next: 0,
        }
    }
}

/// Split `(a, b)` at every top-level occurrence of one of `seps` (a separator is a
/// character); a `,` or `.` only splits when no non-space follows it (`1,000`, `no.2`).
pub(crate) fn split_top(t: &str, a: usize, b: usize, seps: &[char]) -> Pieces {
    let mut out = Pieces::new();
    let s = &t[a..b];
    let bytes = s.as_bytes();
    let mut d = Depth::default();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let x = bytes[i];
        // ASCII letters, digits and spaces neither nest nor separate (no separator or
        // bracket is one): the bulk of an English reference is skipped here.
        if x.is_ascii_alphanumeric() || x == b' ' {
            i += 1;
            continue;
        }
        let c = if x < 0x80 {
            char::from(x)
        } else {
            s[i..].chars().next().unwrap_or(' ')
        };
        let here = i;
        i += c.len_utf8();
        let depth = d.feed(c);
        if depth == 0 && seps.contains(&c) {
            if c == ',' || c == '.' {
                // "1,000" and "no.2" do not split.
                let next = s[i..].chars().next();
                if next.is_some_and(|n| !is_ws(n)) {
                    continue;
                }
            }
            out.push((a + start, a + here));
            start = i;
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

/// [`find_bytes`] anchored on byte `j` of the needle instead of the first: for needles
/// that start with a common byte (the space of ` and `, the `e` of `et al`), which would
/// stop `memchr` at every word.
pub(crate) fn find_bytes_at(hay: &[u8], needle: &[u8], j: usize) -> Option<usize> {
    let n = needle.len();
    if j >= n || hay.len() < n {
        return None;
    }
    let anchor = needle[j];
    let stop = hay.len() - (n - 1 - j);
    let mut from = j;
    while from < stop {
        let k = from + memchr::memchr(anchor, &hay[from..stop])?;
        let i = k - j;
        if hay[i..i + n] == *needle {
            return Some(i);
        }
        from = k + 1;
    }
    None
}

/// True when `hay` contains `needle` (see [`find_bytes`]).
pub(crate) fn has(hay: &str, needle: &str) -> bool {
    find_bytes(hay.as_bytes(), needle.as_bytes()).is_some()
}

/// `contains` for string needles through [`find_bytes`]: no searcher to set up, which
/// is what `str::contains` spends most on short texts.
pub(crate) trait Has {
    /// True when `needle` occurs in `self`.
    fn has(&self, needle: &str) -> bool;
}

impl Has for str {
    #[inline]
    fn has(&self, needle: &str) -> bool {
        has(self, needle)
    }
}

/// What a reference may hold, found in one pass over its bytes (see [`marks`]).
pub(crate) mod mark {
    /// `http` or `www.`
    pub(crate) const URL: u8 = 1;
    /// `doi:` or `DOI`
    pub(crate) const DOI: u8 = 2;
    /// `ccessed`, `etrieved `, `viewed `
    pub(crate) const ACCESS: u8 = 4;
    /// `閲覧`, `アクセス`, `参照`
    pub(crate) const JA_ACCESS: u8 = 8;
    /// `op`, `前掲`, `supra`
    pub(crate) const OP_CIT: u8 = 16;
}

/// The first two bytes of every key of [`marks`].
const MARK_PAIRS: [[u8; 2]; 14] = [
    *b"ht",
    *b"ww",
    *b"do",
    *b"DO",
    *b"cc",
    *b"et",
    *b"vi",
    *b"op",
    *b"Op",
    *b"su",
    [0xE3, 0x82], // ア
    [0xE9, 0x96], // 閲
    [0xE5, 0x8F], // 参
    [0xE5, 0x89], // 前
];

/// One bit per byte pair: set for the pairs of [`MARK_PAIRS`].
static PAIR_BITS: [u64; 1024] = {
    let mut bits = [0u64; 1024];
    let mut k = 0;
    while k < MARK_PAIRS.len() {
        let p = (MARK_PAIRS[k][0] as usize) << 8 | MARK_PAIRS[k][1] as usize;
        bits[p >> 6] |= 1 << (p & 63);
        k += 1;
    }
    bits
};

/// The [`mark`]s whose key occurs in `s`: one pass instead of a search per key, since
/// the keys start with common letters and most references hold none of them. Each byte
/// pair is looked up in a bit set; the key is compared only where its pair stands.
pub(crate) fn marks(s: &[u8]) -> u8 {
    let mut m = 0;
    for (i, w) in s.windows(2).enumerate() {
        let p = (w[0] as usize) << 8 | w[1] as usize;
        if PAIR_BITS[p >> 6] & (1 << (p & 63)) == 0 {
            continue;
        }
        let r = &s[i..];
        m |= match (w[0], w[1]) {
            (b'h', _) if r.starts_with(b"http") => mark::URL,
            (b'w', _) if r.starts_with(b"www.") => mark::URL,
            (b'd', _) if r.starts_with(b"doi:") => mark::DOI,
            (b'D', _) if r.starts_with(b"DOI") => mark::DOI,
            (b'c', _) if r.starts_with(b"ccessed") => mark::ACCESS,
            (b'e', _) if r.starts_with(b"etrieved ") => mark::ACCESS,
            (b'v', _) if r.starts_with(b"viewed ") => mark::ACCESS,
            (b'o' | b'O', _) => mark::OP_CIT,
            (b's', _) if r.starts_with(b"supra") => mark::OP_CIT,
            (0xE3, _) if r.starts_with("アクセス".as_bytes()) => mark::JA_ACCESS,
            (0xE9, _) if r.starts_with("閲覧".as_bytes()) => mark::JA_ACCESS,
            (0xE5, 0x8F) if r.starts_with("参照".as_bytes()) => mark::JA_ACCESS,
            (0xE5, 0x89) if r.starts_with("前掲".as_bytes()) => mark::OP_CIT,
            _ => 0,
        };
    }
    m
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
