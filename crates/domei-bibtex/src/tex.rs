//! Escaping and the fields of BibLaTeX and BibTeX entries.

use std::borrow::Cow;

use domei_model::{Date, Person, Precision, Reference, ReferenceType, Spanned, Ymd};

use crate::Entry;

/// Which dialect to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Biblatex,
    Bibtex,
}

/// Appending text to a buffer. The writers' buffers are bytes (`Vec<u8>`), so that the
/// escaping can copy whole blocks of eight bytes even where a block ends inside a
/// character (the text as a whole stays UTF-8); the keys are `String`s.
pub(crate) trait Buf {
    /// Append `s`.
    fn push_str(&mut self, s: &str);
}

impl Buf for Vec<u8> {
    #[inline(always)]
    fn push_str(&mut self, s: &str) {
        self.extend_from_slice(s.as_bytes());
    }
}

impl Buf for String {
    #[inline(always)]
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }
}

/// Escape text for a braced BibLaTeX/BibTeX field: the LaTeX specials
/// `# $ % & ~ _ ^ \ { }` become commands that print them, control characters
/// (line breaks included) become spaces, NUL is dropped. The result holds no
/// unbalanced brace and no command of the input, so `\input` or `\write18` come out as
/// text.
pub fn escape(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len() + 8);
    escape_into(s, &mut out);
    into_string(out)
}

/// The text of a buffer the escaping wrote (always UTF-8: it replaces ASCII bytes and
/// whole characters only).
fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Replacement strings of the escaping tables; index 0 means "copy as is".
const REPLACEMENTS: [&str; 14] = [
    "",
    "\\#",
    "\\$",
    "\\%",
    "\\&",
    "\\_",
    "\\textasciitilde{}",
    "\\textasciicircum{}",
    "\\textbackslash{}",
    "\\textbraceleft{}",
    "\\textbraceright{}",
    "",
    " ",
    "{=}",
];

/// Byte → index into [`REPLACEMENTS`] (0: copy), 0xC2 marked 255 (a C1 control may
/// follow). `names` also braces `=`.
const fn escape_table(names: bool) -> [u8; 256] {
    let mut t = [0u8; 256];
    t[b'#' as usize] = 1;
    t[b'$' as usize] = 2;
    t[b'%' as usize] = 3;
    t[b'&' as usize] = 4;
    t[b'_' as usize] = 5;
    t[b'~' as usize] = 6;
    t[b'^' as usize] = 7;
    t[b'\\' as usize] = 8;
    t[b'{' as usize] = 9;
    t[b'}' as usize] = 10;
    t[0] = 11;
    let mut b = 1;
    while b < 0x20 {
        t[b] = 12;
        b += 1;
    }
    t[0x7f] = 12;
    t[0xc2] = 255;
    if names {
        t[b'=' as usize] = 13;
    }
    t
}

static TEXT_TABLE: [u8; 256] = escape_table(false);
static NAME_TABLE: [u8; 256] = escape_table(true);

pub(crate) fn escape_into(s: &str, out: &mut Vec<u8>) {
    escape_with(s, out, &TEXT_TABLE);
}

/// The length [`REPLACEMENTS`] are padded to (the longest has 17 bytes).
const PADDED: usize = 24;

/// [`REPLACEMENTS`] padded with zeros to [`PADDED`] bytes, with their lengths: one is
/// appended as a copy of fixed length, then cut back to its own.
static PADDED_REPLACEMENTS: [([u8; PADDED], usize); REPLACEMENTS.len()] = {
    let mut t = [([0u8; PADDED], 0usize); REPLACEMENTS.len()];
    let mut k = 0;
    while k < REPLACEMENTS.len() {
        let r = REPLACEMENTS[k].as_bytes();
        assert!(r.len() <= PADDED);
        let mut j = 0;
        while j < r.len() {
            t[k].0[j] = r[j];
            j += 1;
        }
        t[k].1 = r.len();
        k += 1;
    }
    t
};

#[inline]
fn escape_with(s: &str, out: &mut Vec<u8>, table: &[u8; 256]) {
    // Every special is ASCII, and the only non-ASCII control characters (C1,
    // U+0080–U+009F) are encoded as 0xC2 0x80–0x9F. Whole blocks of eight bytes are
    // copied at once (no copy of a length known only at run time, no branch per byte),
    // then cut back to their first special, which is replaced; the next block starts
    // after it.
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(block) = bytes.get(i..i + 8) {
        let block: [u8; 8] = block.try_into().unwrap_or_default();
        let marks = u64::from_le_bytes(block.map(|b| table[usize::from(b)]));
        out.extend_from_slice(&block);
        if marks == 0 {
            i += 8;
            continue;
        }
        let j = (marks.trailing_zeros() / 8) as usize;
        out.truncate(out.len() - 8 + j);
        i += j;
        i += replace_special(bytes, i, table[usize::from(bytes[i])], out);
    }
    // The last bytes (fewer than eight), one at a time.
    while let Some(&b) = bytes.get(i) {
        let t = table[usize::from(b)];
        if t == 0 {
            out.push(b);
            i += 1;
        } else {
            i += replace_special(bytes, i, t, out);
        }
    }
}

/// Write what replaces the byte at `i` of `bytes`, whose table entry `t` is not 0;
/// return the number of bytes replaced.
#[inline(always)]
fn replace_special(bytes: &[u8], i: usize, t: u8, out: &mut Vec<u8>) -> usize {
    if t == 255 {
        // 0xC2: a C1 control becomes a space; another character is copied (its
        // second byte with what follows).
        if matches!(bytes.get(i + 1), Some(0x80..=0x9f)) {
            out.push(b' ');
            return 2;
        }
        out.push(0xC2);
        return 1;
    }
    let (padded, len) = &PADDED_REPLACEMENTS[usize::from(t)];
    out.extend_from_slice(padded);
    out.truncate(out.len() - PADDED + len);
    1
}

/// Make a URL or DOI safe for a verbatim field: braces, backslashes, white space,
/// control characters and `"` are percent-encoded; everything else is kept as is.
pub fn escape_verbatim(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    escape_verbatim_into(s, &mut out);
    into_string(out)
}

fn push_percent(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push(b'%');
    out.push(HEX[usize::from(byte >> 4)]);
    out.push(HEX[usize::from(byte & 15)]);
}

/// Byte → 1 when [`escape_verbatim_into`] must look at it: white space, controls,
/// `{ } \ "` and every non-ASCII byte (a multi-byte character may be a space).
static VERBATIM_TABLE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c <= b' ' || c >= 0x7f || matches!(c, b'{' | b'}' | b'\\' | b'"') {
            t[b] = 1;
        }
        b += 1;
    }
    t
};

pub(crate) fn escape_verbatim_into(s: &str, out: &mut Vec<u8>) {
    let s = s.trim();
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes that copy as they are are passed over in one step.
        if let Some(c) = bytes.get(i..i + 8) {
            if c.iter()
                .fold(0u8, |a, &b| a | VERBATIM_TABLE[usize::from(b)])
                == 0
            {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if b < 0x80 {
            if b <= b' ' || matches!(b, 0x7f | b'{' | b'}' | b'\\' | b'"') {
                out.push_str(&s[copied..i]);
                push_percent(out, b);
                i += 1;
                copied = i;
            } else {
                i += 1;
            }
            continue;
        }
        let c = s[i..].chars().next().unwrap_or_default();
        let w = c.len_utf8();
        if c.is_control() || c.is_whitespace() {
            out.push_str(&s[copied..i]);
            for &byte in &bytes[i..i + w] {
                push_percent(out, byte);
            }
            copied = i + w;
        }
        i += w;
    }
    out.push_str(&s[copied..]);
}

/// `00`, `01` … `99`, one after the other.
const PAIRS: &str = "0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849\
5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

/// Append `n` in decimal, zero-padded to `width` digits (as `{:0width$}`).
pub(crate) fn push_padded<B: Buf>(out: &mut B, n: i64, width: usize) {
    if (0..10_000).contains(&n) && width <= 4 {
        let n = n as usize;
        // Two digits, or the last one, of a number below 100: fixed-length copies.
        let pair = |out: &mut B, p: usize| out.push_str(&PAIRS[2 * p..2 * p + 2]);
        let digit = |out: &mut B, d: usize| out.push_str(&PAIRS[2 * d + 1..2 * d + 2]);
        let len = if n >= 1000 {
            4
        } else if n >= 100 {
            3
        } else if n >= 10 {
            2
        } else {
            1
        };
        match len.max(width) {
            4 => {
                pair(out, n / 100);
                pair(out, n % 100);
            }
            3 => {
                digit(out, n / 100);
                pair(out, n % 100);
            }
            2 => pair(out, n),
            _ => digit(out, n),
        }
    } else {
        out.push_str(&format!("{n:0width$}"));
    }
}

/// Append [`Ymd::iso`] without allocating.
pub(crate) fn push_iso<B: Buf>(out: &mut B, d: &Ymd) {
    push_padded(out, i64::from(d.year), 4);
    if let Some(m) = d.month {
        out.push_str("-");
        push_padded(out, i64::from(m), 2);
        if let Some(day) = d.day {
            out.push_str("-");
            push_padded(out, i64::from(day), 2);
        }
    }
}

/// Append [`Date::edtf`] without allocating.
pub(crate) fn push_edtf<B: Buf>(out: &mut B, d: &Date) {
    if let Some(end) = &d.end {
        push_iso(out, &d.start);
        out.push_str("/");
        push_iso(out, end);
    } else if let (Precision::Season, Some(season)) = (d.precision, d.season) {
        push_padded(out, i64::from(d.start.year), 4);
        out.push_str("-");
        push_padded(out, i64::from(season.edtf_code()), 1);
    } else {
        push_iso(out, &d.start);
    }
}

fn valid_ymd(d: &Ymd) -> bool {
    if !(1..=9999).contains(&d.year) {
        return false;
    }
    match (d.month, d.day) {
        (None, None) => true,
        (Some(m), None) => (1..=12).contains(&m),
        (Some(m), Some(day)) => {
            let leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => return false,
            };
            (1..=days).contains(&day)
        }
        (None, Some(_)) => false,
    }
}

/// The issue date of a reference when it is a date biber accepts.
pub(crate) fn valid_issued(r: &Reference) -> Option<&Date> {
    r.issued
        .as_ref()
        .map(|d| &d.value)
        .filter(|d| valid_ymd(&d.start))
}

/// The BibLaTeX `date` value: EDTF at the date's precision (ranges and seasons
/// included), or `XXXX` (EDTF "year unspecified") when the reference has no date.
#[cfg(test)]
fn biblatex_date(r: &Reference) -> String {
    let mut out = Vec::new();
    push_biblatex_date(&mut out, r);
    into_string(out)
}

/// Append the BibLaTeX `date` value (see `biblatex_date`).
fn push_biblatex_date(out: &mut Vec<u8>, r: &Reference) {
    let Some(d) = valid_issued(r) else {
        out.push_str("XXXX");
        return;
    };
    if let Some(end) = d.end.filter(|e| valid_ymd(e) && *e >= d.start) {
        push_iso(out, &d.start);
        out.push(b'/');
        push_iso(out, &end);
        return;
    }
    if let (Precision::Season, Some(season)) = (d.precision, d.season) {
        push_padded(out, i64::from(d.start.year), 4);
        out.push(b'-');
        push_padded(out, i64::from(season.edtf_code()), 1);
        return;
    }
    push_iso(out, &d.start);
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn langid(lang: &str) -> Option<&'static str> {
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    let b = primary.as_bytes();
    if b.len() != 2 {
        return None;
    }
    Some(
        match [b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase()] {
            [b'j', b'a'] => "japanese",
            [b'e', b'n'] => "english",
            [b'k', b'o'] => "korean",
            [b'z', b'h'] => "chinese",
            [b'f', b'r'] => "french",
            [b'd', b'e'] => "german",
            [b'r', b'u'] => "russian",
            [b'e', b's'] => "spanish",
            [b'i', b't'] => "italian",
            _ => return None,
        },
    )
}

/// True when a name part needs braces to survive name parsing: a comma, the word
/// `and`, or a lower-case start (which BibTeX would read as a "von" part).
fn needs_braces(part: &str) -> bool {
    if part.is_ascii() {
        // The same tests in one pass over the bytes (white space as `char::is_whitespace`
        // has it in ASCII, vertical tab included).
        let b = part.as_bytes();
        let space = |c: &u8| matches!(c, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b' ');
        return b
            .first()
            .is_some_and(|c| c.is_ascii_lowercase() || space(c))
            || b.last().is_some_and(space)
            || b.contains(&b',')
            || b.split(space).any(|w| w.eq_ignore_ascii_case(b"and"));
    }
    // A word `and` needs an `a` (most names in other scripts have none); a part
    // differs from its trim when it starts or ends with white space.
    part.starts_with(|c: char| c.is_lowercase() || c.is_whitespace())
        || part.ends_with(char::is_whitespace)
        || part.contains(',')
        || (part.bytes().any(|b| b | 0x20 == b'a')
            && part
                .split_whitespace()
                .any(|w| w.eq_ignore_ascii_case("and")))
}

/// True when a name part needs no trimming, braces or escaping: it starts with an ASCII
/// capital or a character of U+3001–U+9FFF (kana and CJK, none lower case), and holds
/// only ASCII letters, digits, `.`, `-`, `'` and non-ASCII characters that are neither
/// white space nor control characters (the leads C2, E1 and E2 and the sequence of
/// U+3000 hold all of those), and is not the word `and`.
fn plain_part(b: &[u8]) -> bool {
    if !matches!(b.first(), Some(b'A'..=b'Z' | 0xE3..=0xE9)) || b.eq_ignore_ascii_case(b"and") {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let ok = if c < 0x80 {
            c.is_ascii_alphanumeric() | matches!(c, b'.' | b'-' | b'\'')
        } else {
            let space = c == 0xE3 && b.get(i + 1..i + 3) == Some(&[0x80, 0x80]);
            !(matches!(c, 0xC2 | 0xE1 | 0xE2) || space)
        };
        if !ok {
            return false;
        }
        i += 1;
    }
    true
}

fn push_part(out: &mut Vec<u8>, part: &str) {
    if plain_part(part.as_bytes()) {
        out.push_str(part);
        return;
    }
    let part = part.trim();
    if needs_braces(part) {
        out.push(b'{');
        escape_name_into(part, out);
        out.push(b'}');
    } else {
        escape_name_into(part, out);
    }
}

/// Escape a name part: as [`escape`], and `=` braced, because biber reads
/// `family=…` in a name as its extended name format.
fn escape_name_into(s: &str, out: &mut Vec<u8>) {
    escape_with(s, out, &NAME_TABLE);
}

/// True when the character starting at byte `i` of `bytes` is known to be neither white
/// space nor a control character without decoding it: printable ASCII, U+00C0–U+0FFF
/// (leads C3–E0), U+3001–U+3FFF (lead E3, not U+3000) and everything from U+4000
/// (leads E4 and up). False means "look closer", not "invisible".
#[inline]
fn plainly_visible(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(&b) if b < 0x80 => (0x21..0x7f).contains(&b),
        Some(0xc3..=0xe0 | 0xe4..) => true,
        Some(0xe3) => bytes.get(i + 1..i + 3) != Some(&[0x80, 0x80]),
        _ => false,
    }
}

fn clean(s: Option<&str>) -> Option<&str> {
    let s = s?;
    // Most values start and end with a visible character: nothing to trim.
    let bytes = s.as_bytes();
    if plainly_visible(bytes, 0) {
        // The start of the last character: at most three continuation bytes back.
        let mut last = bytes.len() - 1;
        while last > 0 && bytes[last] & 0xc0 == 0x80 {
            last -= 1;
        }
        if plainly_visible(bytes, last) {
            return Some(s);
        }
    }
    Some(s.trim()).filter(|s| s.chars().any(|c| !c.is_control() && !c.is_whitespace()))
}

/// One name in BibTeX syntax: `{{Organisation}}`, `Family, Given`, or `{Name}`.
fn push_name(out: &mut Vec<u8>, p: &Person) -> bool {
    // Most names: a family and a given name that need no trimming, braces or escaping
    // (so no comma either), and no suffix.
    if let (None, None, Some(f), Some(g)) = (&p.literal, &p.suffix, &p.family, &p.given) {
        if plain_part(f.as_bytes()) && plain_part(g.as_bytes()) {
            out.push_str(f);
            out.push_str(", ");
            out.push_str(g);
            return true;
        }
    }
    push_name_generally(out, p)
}

/// [`push_name`] without its fast path.
fn push_name_generally(out: &mut Vec<u8>, p: &Person) -> bool {
    let (family, given, literal) = (
        clean(p.family.as_deref()),
        clean(p.given.as_deref()),
        clean(p.literal.as_deref()),
    );
    match (literal, family, given) {
        (Some(l), _, _) => {
            out.push(b'{');
            escape_name_into(l, out);
            out.push(b'}');
        }
        // biber allows at most two commas in a name, braces or not: a part with a
        // comma goes into the comma-free "{Given} {Family}" form.
        (None, Some(f), Some(g)) if f.contains(',') || g.contains(',') => {
            out.push(b'{');
            escape_name_into(g, out);
            out.push_str("} {");
            escape_name_into(f, out);
            out.push(b'}');
        }
        // "Family, Suffix, Given": the three-part form, with a suffix (`Jr.`).
        (None, Some(f), Some(g)) => {
            push_part(out, f);
            if let Some(x) = clean(p.suffix.as_deref()).filter(|x| !x.contains(',')) {
                out.push_str(", ");
                push_part(out, x);
            }
            out.push_str(", ");
            push_part(out, g);
        }
        (None, Some(one), None) | (None, None, Some(one)) => {
            out.push(b'{');
            escape_name_into(one, out);
            out.push(b'}');
        }
        (None, None, None) => return false,
    }
    true
}

/// Write the field `name` with the names of `list`; nothing when no name is written.
fn names_field(out: &mut Vec<u8>, name: &str, list: &[Spanned<Person>], et_al: bool) -> bool {
    let field = out.len();
    out.push_str("  ");
    out.push_str(name);
    out.push_str(" = {");
    let start = out.len();
    for p in list {
        let mark = out.len();
        if mark != start {
            out.push_str(" and ");
        }
        if !push_name(out, &p.value) {
            out.truncate(mark);
        }
    }
    if out.len() == start {
        out.truncate(field);
        return false;
    }
    if et_al {
        out.push_str(" and others");
    }
    out.push_str("},\n");
    true
}

fn text(s: &Option<Spanned<String>>) -> Option<&str> {
    clean(s.as_ref().map(|s| s.value.as_str()))
}

/// A page range biber reads as a range (`45--67`, `12`, `ix--xii, 30`), or `None`.
fn pages(s: &str) -> Option<Cow<'_, str>> {
    let p: Cow<'_, str> = if s.is_ascii() {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.replace(['–', '—', '‐', '−'], "--"))
    };
    let ok = p.split(',').all(|part| {
        let part = part.trim();
        let mut ends = part.splitn(2, '-');
        let first = ends.next().unwrap_or("").trim();
        let rest = ends.next().map(|r| r.trim_start_matches('-').trim());
        let word = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric());
        word(first) && rest.is_none_or(word)
    });
    ok.then_some(p)
}

/// A volume biblatex accepts (an integer; full-width digits narrowed), or `None`.
fn integer(s: &str) -> Option<Cow<'_, str>> {
    let t = s.trim();
    if !t.is_empty() && t.len() <= 9 && t.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Cow::Borrowed(t));
    }
    let v: String = s
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect();
    (!v.is_empty() && v.len() <= 9 && v.chars().all(|c| c.is_ascii_digit()))
        .then_some(Cow::Owned(v))
}

/// Read the first byte of each text of a reference that the writers use, and return
/// their sum: called on a reference a few entries ahead, it brings the scattered
/// memory of the reference into the cache in one burst of parallel loads (a prefetch
/// in safe code), so that the entry's own reads do not wait on each miss in turn.
/// Texts read only now and then are left out, each would cost a line from memory for
/// every reference: `raw` (only without a title) and `id` (only to find the target of
/// a repeat).
pub(crate) fn touch(r: &Reference) -> usize {
    touch_key(r)
        + p(&r.translators)
        + o(&r.publisher_place)
        + o(&r.event)
        + o(&r.genre)
        + o(&r.volume)
        + o(&r.issue)
        + o(&r.page)
        + r.language.as_deref().map_or(0, s)
        + usize::from(r.accessed.is_some())
}

fn s(v: &str) -> usize {
    usize::from(v.as_bytes().first().copied().unwrap_or(0))
}

fn o(v: &Option<Spanned<String>>) -> usize {
    v.as_ref().map_or(0, |v| s(&v.value))
}

fn p(list: &[Spanned<Person>]) -> usize {
    list.first().map_or(0, |p| {
        let p = &p.value;
        p.family.as_deref().map_or(0, s)
            + p.given.as_deref().map_or(0, s)
            + p.literal.as_deref().map_or(0, s)
    })
}

/// [`touch`] for the texts that fingerprints and keys read.
pub(crate) fn touch_key(r: &Reference) -> usize {
    p(&r.authors)
        + p(&r.editors)
        + o(&r.title)
        + o(&r.container_title)
        + o(&r.publisher)
        + o(&r.url)
        + o(&r.doi)
        + usize::from(r.issued.is_some())
        + usize::from(r.repeat.is_some())
}

/// The entry types the writers use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Article,
    Book,
    Collection,
    InCollection,
    InBook,
    Report,
    Online,
    Misc,
    /// `@inproceedings`: a conference paper with its proceedings.
    InProceedings,
    /// `@thesis` (BibTeX `@phdthesis`).
    Thesis,
}

fn has_names(list: &[Spanned<Person>]) -> bool {
    list.iter().any(|p| {
        clean(p.value.literal.as_deref())
            .or(clean(p.value.family.as_deref()))
            .or(clean(p.value.given.as_deref()))
            .is_some()
    })
}

fn has_url(r: &Reference) -> bool {
    text(&r.url).is_some() || text(&r.doi).is_some()
}

fn kind(r: &Reference) -> Kind {
    kind_with(
        r,
        text(&r.container_title).is_some(),
        text(&r.publisher).is_some(),
        has_url(r),
    )
}

/// [`kind`], given whether the reference has a container, a publisher and a URL or
/// DOI (the writer has these at hand).
fn kind_with(r: &Reference, container: bool, publisher: bool, url: bool) -> Kind {
    let author = || has_names(&r.authors);
    let editor = || has_names(&r.editors);
    let web = if url { Kind::Online } else { Kind::Misc };
    match r.kind {
        ReferenceType::ArticleNewspaper
        | ReferenceType::ArticleMagazine
        | ReferenceType::ArticleJournal => {
            if container && author() {
                Kind::Article
            } else {
                web
            }
        }
        ReferenceType::Report => {
            if publisher && author() {
                Kind::Report
            } else {
                web
            }
        }
        ReferenceType::Book => {
            if author() {
                Kind::Book
            } else if editor() {
                Kind::Collection
            } else {
                Kind::Misc
            }
        }
        ReferenceType::Chapter => match (container && author(), editor()) {
            (true, true) => Kind::InCollection,
            (true, false) => Kind::InBook,
            _ => Kind::Misc,
        },
        ReferenceType::Webpage | ReferenceType::Post => web,
        // A preprint: @online, which an arXiv id (eprint) satisfies without a URL.
        ReferenceType::Article if arxiv_id(r).is_some() => Kind::Online,
        ReferenceType::Article => web,
        ReferenceType::PaperConference if container && has_names(&r.authors) => Kind::InProceedings,
        ReferenceType::PaperConference => Kind::Misc,
        ReferenceType::Thesis if publisher && has_names(&r.authors) => Kind::Thesis,
        ReferenceType::Thesis => web,
        ReferenceType::Speech
        | ReferenceType::Interview
        | ReferenceType::Legislation
        | ReferenceType::Document => Kind::Misc,
    }
}

pub(crate) fn biblatex_type(r: &Reference) -> &'static str {
    biblatex_name(kind(r))
}

fn biblatex_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Article => "article",
        Kind::Book => "book",
        Kind::Collection => "collection",
        Kind::InCollection => "incollection",
        Kind::InBook => "inbook",
        Kind::Report => "report",
        Kind::Online => "online",
        Kind::Misc => "misc",
        Kind::InProceedings => "inproceedings",
        Kind::Thesis => "thesis",
    }
}

/// The arXiv id of a preprint (`2401.01234` of `arXiv:2401.01234`), for `eprint`.
fn arxiv_id(r: &Reference) -> Option<&str> {
    text(&r.number)?
        .strip_prefix("arXiv:")
        .filter(|id| !id.trim().is_empty())
}

/// The `type` of a thesis: `mathesis` for a master's thesis, else `phdthesis`.
fn thesis_type(r: &Reference) -> &'static str {
    let genre = text(&r.genre).unwrap_or("").to_lowercase();
    if ["master", "m.a.", "m.s.", "msc", "修士"]
        .iter()
        .any(|w| genre.contains(w))
    {
        "mathesis"
    } else {
        "phdthesis"
    }
}

/// The classic type: plain.bst's required fields decide, else `misc`.
fn bibtex_kind(r: &Reference) -> Kind {
    bibtex_kind_with(r, kind(r), text(&r.publisher).is_some())
}

/// [`bibtex_kind`], given the BibLaTeX kind and whether there is a publisher.
fn bibtex_kind_with(r: &Reference, kind: Kind, publisher: bool) -> Kind {
    let year = valid_issued(r).is_some();
    match kind {
        Kind::Article if year => Kind::Article,
        k @ (Kind::Book | Kind::Collection) if year && publisher => k,
        Kind::InCollection | Kind::InBook if year && publisher => Kind::InCollection,
        Kind::Report if year => Kind::Report,
        Kind::InProceedings if year => Kind::InProceedings,
        Kind::Thesis if year => Kind::Thesis,
        _ => Kind::Misc,
    }
}

pub(crate) fn bibtex_type(r: &Reference) -> &'static str {
    bibtex_name(bibtex_kind(r))
}

fn bibtex_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Article => "article",
        Kind::Book | Kind::Collection => "book",
        Kind::InCollection | Kind::InBook => "incollection",
        Kind::Report => "techreport",
        Kind::Online | Kind::Misc => "misc",
        Kind::InProceedings => "inproceedings",
        Kind::Thesis => "phdthesis",
    }
}

/// The BibLaTeX types whose work sits in a numbered volume of a series or periodical
/// (they take `series` and `volume`).
fn in_a_volume(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Article
            | Kind::Book
            | Kind::Collection
            | Kind::InBook
            | Kind::InCollection
            | Kind::InProceedings
    )
}

/// Field writer for one entry.
struct Fields<'a> {
    out: &'a mut Vec<u8>,
    /// The `note` value so far, escaped; notes are joined with `. `.
    notes: &'a mut Vec<u8>,
    note_count: usize,
}

impl Fields<'_> {
    /// Start a new note; the caller appends its escaped text to `self.notes`.
    fn note(&mut self) -> &mut Vec<u8> {
        if self.note_count > 0 {
            self.notes.push_str(". ");
        }
        self.note_count += 1;
        self.notes
    }

    /// A note of plain text.
    fn note_text(&mut self, prefix: &str, value: &str) {
        let n = self.note();
        n.push_str(prefix);
        escape_into(value, n);
    }

    /// The start of a field whose value the caller writes, then closes with `end`.
    #[inline(always)]
    fn start(&mut self, name: &str) -> &mut Vec<u8> {
        self.out.push_str("  ");
        self.out.push_str(name);
        self.out.push_str(" = {");
        self.out
    }

    #[inline(always)]
    fn end(&mut self) {
        self.out.push_str("},\n");
    }

    /// A field whose value is already in BibTeX syntax.
    #[inline(always)]
    fn raw(&mut self, name: &str, value: &str) {
        self.start(name).push_str(value);
        self.end();
    }

    /// A text field, escaped.
    #[inline(always)]
    fn text(&mut self, name: &str, value: Option<&str>) {
        if let Some(v) = value {
            escape_into(v, self.start(name));
            self.end();
        }
    }

    /// A field whose value is a macro (`month = oct`).
    #[inline(always)]
    fn bare(&mut self, name: &str, value: &str) {
        self.out.push_str("  ");
        self.out.push_str(name);
        self.out.push_str(" = ");
        self.out.push_str(value);
        self.out.push_str(",\n");
    }
}

/// Write one entry; `notes` is scratch space.
pub(crate) fn entry(out: &mut Vec<u8>, notes: &mut Vec<u8>, e: &Entry<'_>, dialect: Dialect) {
    let has_notes = entry_fields(out, notes, e.reference, &e.key, dialect);
    if dialect == Dialect::Biblatex {
        keywords(out, e.documents.iter().copied());
    }
    entry_end(out, notes, has_notes);
}

/// The `keywords` field of a BibLaTeX entry: the ids of the documents citing it, or
/// nothing when there are none.
pub(crate) fn keywords<'a>(out: &mut Vec<u8>, documents: impl IntoIterator<Item = &'a str>) {
    let mut documents = documents.into_iter();
    let Some(first) = documents.next() else {
        return;
    };
    out.push_str("  keywords = {");
    escape_into(first, out);
    for d in documents {
        out.push(b',');
        escape_into(d, out);
    }
    out.push_str("},\n");
}

/// The end of an entry: the `note` field gathered by [`entry_fields`] in `notes` (when
/// `has_notes`), and the closing brace.
pub(crate) fn entry_end(out: &mut Vec<u8>, notes: &[u8], has_notes: bool) {
    if has_notes {
        out.push_str("  note = {");
        out.extend_from_slice(notes);
        out.push_str("},\n");
    }
    out.push_str("}\n");
}

/// Write the start of an entry, `@type{key,` and every field before `keywords`; the
/// `note` text gathered on the way is left in `notes` (scratch space, cleared first) for
/// [`entry_end`]. Returns whether there is a note.
pub(crate) fn entry_fields(
    out: &mut Vec<u8>,
    notes: &mut Vec<u8>,
    r: &Reference,
    key: &str,
    dialect: Dialect,
) -> bool {
    let container = text(&r.container_title);
    let publisher = text(&r.publisher);
    let url = text(&r.url);
    let doi = text(&r.doi);
    let biblatex_kind = kind_with(
        r,
        container.is_some(),
        publisher.is_some(),
        url.is_some() || doi.is_some(),
    );
    let kind = match dialect {
        Dialect::Biblatex => biblatex_kind,
        Dialect::Bibtex => bibtex_kind_with(r, biblatex_kind, publisher.is_some()),
    };
    let type_name = match dialect {
        Dialect::Biblatex => biblatex_name(kind),
        Dialect::Bibtex => bibtex_name(kind),
    };
    out.push(b'@');
    out.push_str(type_name);
    out.push(b'{');
    out.push_str(key);
    out.push_str(",\n");
    notes.clear();
    let mut f = Fields {
        out,
        notes,
        note_count: 0,
    };

    // Every entry type needs a title: the title, else the reference text, else the
    // container or publisher, else "Untitled".
    let title = text(&r.title)
        .or(clean(Some(r.raw.as_str())))
        .or(container)
        .or(publisher)
        .or(Some("Untitled"));
    let place = text(&r.publisher_place);
    let genre = text(&r.genre);
    let event = text(&r.event);
    let volume = text(&r.volume);
    let number = text(&r.issue)
        .or(text(&r.number))
        .or(text(&r.collection_number));
    let page_text = text(&r.page);
    let page = page_text.and_then(pages);

    match dialect {
        Dialect::Biblatex => {
            names_field(f.out, "author", &r.authors, r.et_al);
            // Every type used has an editor field except report and thesis.
            if matches!(kind, Kind::Report | Kind::Thesis) {
                if has_names(&r.editors) {
                    let n = f.note();
                    n.push_str("Edited by ");
                    push_plain_names(n, &r.editors);
                }
            } else {
                names_field(f.out, "editor", &r.editors, false);
            }
            if matches!(
                kind,
                Kind::Article | Kind::Book | Kind::InBook | Kind::InCollection | Kind::Collection
            ) {
                names_field(f.out, "translator", &r.translators, false);
            } else if has_names(&r.translators) {
                let n = f.note();
                n.push_str("Translated by ");
                push_plain_names(n, &r.translators);
            }
            f.text("title", title);
            match kind {
                Kind::Article => {
                    f.text("journaltitle", container);
                    let sub = match r.kind {
                        ReferenceType::ArticleNewspaper => Some("newspaper"),
                        ReferenceType::ArticleMagazine => Some("magazine"),
                        _ => None,
                    };
                    if let Some(sub) = sub {
                        f.raw("entrysubtype", sub);
                    }
                }
                Kind::Book | Kind::Collection => f.text("maintitle", container),
                Kind::InBook | Kind::InCollection | Kind::InProceedings => {
                    f.text("booktitle", container)
                }
                Kind::Online => f.text("organization", publisher.or(container)),
                Kind::Misc => f.text("howpublished", container),
                Kind::Report | Kind::Thesis => {}
            }
            if in_a_volume(kind) {
                f.text("series", text(&r.collection_title));
            }
            match kind {
                Kind::Book
                | Kind::Collection
                | Kind::InBook
                | Kind::InCollection
                | Kind::InProceedings => f.text("publisher", publisher),
                Kind::Report => {
                    f.text("institution", publisher);
                    f.text("type", Some(genre.unwrap_or("Report")));
                }
                Kind::Thesis => {
                    f.text("institution", publisher);
                    f.raw("type", thesis_type(r));
                }
                Kind::Misc => {
                    f.text("organization", publisher);
                    f.text("type", genre);
                }
                Kind::Online => {
                    if publisher.is_some() {
                        if let Some(c) = container {
                            f.note_text("", c);
                        }
                    }
                }
                Kind::Article => {
                    if let Some(p) = publisher {
                        f.note_text("", p);
                    }
                }
            }
            if !matches!(kind, Kind::Report | Kind::Misc) {
                if let Some(g) = genre {
                    f.note_text("", g);
                }
            }
            if matches!(
                kind,
                Kind::Book
                    | Kind::Collection
                    | Kind::InBook
                    | Kind::InCollection
                    | Kind::Report
                    | Kind::Misc
                    | Kind::InProceedings
                    | Kind::Thesis
            ) {
                f.text("location", place);
            }
            match event {
                Some(ev) if kind == Kind::InProceedings => f.text("eventtitle", Some(ev)),
                Some(ev) => f.note_text("", ev),
                None => {}
            }
            if in_a_volume(kind) {
                match volume.map(|v| (v, integer(v))) {
                    Some((_, Some(v))) => f.raw("volume", &v),
                    Some((v, None)) => f.note_text("Vol. ", v),
                    None => {}
                }
            }
            if in_a_volume(kind) || kind == Kind::Report {
                f.text("number", number);
                match (&page, page_text) {
                    (Some(p), _) => f.text("pages", Some(p)),
                    (None, Some(p)) => f.note_text("Pages ", p),
                    (None, None) => {}
                }
            }
            push_biblatex_date(f.start("date"), r);
            f.end();
            if let Some(acc) = r.accessed.as_ref().filter(|d| valid_ymd(&d.value.start)) {
                push_iso(f.start("urldate"), &acc.value.start);
                f.end();
            }
            if let Some(id) = arxiv_id(r) {
                escape_verbatim_into(id, f.start("eprint"));
                f.end();
                f.raw("eprinttype", "arxiv");
            }
            if let Some(u) = url {
                escape_verbatim_into(u, f.start("url"));
                f.end();
            }
            if let Some(d) = doi {
                escape_verbatim_into(d, f.start("doi"));
                f.end();
            }
            if let Some(l) = r.language.as_deref().and_then(langid) {
                f.raw("langid", l);
            }
        }
        Dialect::Bibtex => {
            let authors = names_field(f.out, "author", &r.authors, r.et_al);
            // plain.bst rejects a book with both author and editor.
            if !(authors && kind == Kind::Book) {
                names_field(f.out, "editor", &r.editors, false);
            }
            f.text("title", title);
            // plain.bst sorts by author (or editor), else by `key`.
            if !authors {
                f.text("key", title);
            }
            match kind {
                Kind::Article => f.text("journal", container),
                Kind::InCollection | Kind::InBook | Kind::InProceedings => {
                    f.text("booktitle", container)
                }
                Kind::Book | Kind::Collection => {
                    f.text("series", container.or(text(&r.collection_title)))
                }
                Kind::Report => {
                    f.text("institution", publisher);
                    f.text("type", genre);
                }
                Kind::Thesis => {
                    f.text("school", publisher);
                    if thesis_type(r) == "mathesis" {
                        f.text("type", Some(genre.unwrap_or("Master's thesis")));
                    }
                }
                Kind::Misc | Kind::Online => {
                    match (url, container) {
                        (Some(u), _) => {
                            let h = f.start("howpublished");
                            h.push_str("\\url{");
                            escape_verbatim_into(u, h);
                            h.push(b'}');
                            f.end();
                        }
                        (None, Some(c)) => f.text("howpublished", Some(c)),
                        (None, None) => {}
                    }
                    if url.is_some() {
                        if let Some(c) = container {
                            f.note_text("", c);
                        }
                    }
                    if let Some(p) = publisher {
                        f.note_text("", p);
                    }
                    if let Some(g) = genre {
                        f.note_text("", g);
                    }
                }
            }
            if matches!(
                kind,
                Kind::Book
                    | Kind::Collection
                    | Kind::InBook
                    | Kind::InCollection
                    | Kind::InProceedings
            ) {
                f.text("publisher", publisher);
            }
            if matches!(
                kind,
                Kind::Book
                    | Kind::Collection
                    | Kind::InBook
                    | Kind::InCollection
                    | Kind::Report
                    | Kind::InProceedings
                    | Kind::Thesis
            ) {
                f.text("address", place);
            }
            if let Some(ev) = event {
                f.note_text("", ev);
            }
            if kind != Kind::Misc {
                f.text("volume", volume);
                // plain.bst wants a number of a book only with a series, and never
                // beside a volume.
                let book = matches!(
                    kind,
                    Kind::Book
                        | Kind::Collection
                        | Kind::InBook
                        | Kind::InCollection
                        | Kind::InProceedings
                );
                let series = matches!(kind, Kind::Book | Kind::Collection)
                    && (container.is_some() || text(&r.collection_title).is_some());
                // An article's number only beside a volume.
                let article = kind == Kind::Article;
                match number {
                    Some(n)
                        if (book && (volume.is_some() || !series))
                            || (article && volume.is_none()) =>
                    {
                        f.note_text("No. ", n)
                    }
                    n => f.text("number", n),
                }
                f.text("pages", page.as_deref().or(page_text));
            }
            if let Some(d) = valid_issued(r) {
                push_padded(f.start("year"), i64::from(d.start.year), 4);
                f.end();
                if let Some(m) = d.start.month.filter(|m| (1..=12).contains(m)) {
                    f.bare("month", MONTHS[usize::from(m - 1)]);
                }
            }
            if let Some(acc) = r.accessed.as_ref().filter(|d| valid_ymd(&d.value.start)) {
                let n = f.note();
                n.push_str("Accessed ");
                push_iso(n, &acc.value.start);
            }
            if let Some(u) = url {
                escape_verbatim_into(u, f.start("url"));
                f.end();
            }
            if let Some(d) = doi {
                escape_verbatim_into(d, f.start("doi"));
                f.end();
            }
        }
    }
    f.note_count > 0
}

/// Append the names of `list` as plain text, escaped: `Given Family, Literal`.
fn push_plain_names(out: &mut Vec<u8>, list: &[Spanned<Person>]) {
    for (i, p) in list.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let p = &p.value;
        if let Some(l) = &p.literal {
            escape_into(l, out);
        } else {
            let mut first = true;
            for part in [p.given.as_deref(), p.family.as_deref()]
                .into_iter()
                .flatten()
            {
                if !first {
                    out.push(b' ');
                }
                first = false;
                escape_into(part, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `clean` without its fast path.
    fn clean_slowly(s: &str) -> Option<&str> {
        Some(s.trim()).filter(|s| s.chars().any(|c| !c.is_control() && !c.is_whitespace()))
    }

    /// `escape` one character at a time.
    fn escape_slowly(s: &str, names: bool) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match c {
                '#' | '$' | '%' | '&' | '_' => {
                    out.push('\\');
                    out.push(c);
                }
                '~' => out.push_str("\\textasciitilde{}"),
                '^' => out.push_str("\\textasciicircum{}"),
                '\\' => out.push_str("\\textbackslash{}"),
                '{' => out.push_str("\\textbraceleft{}"),
                '}' => out.push_str("\\textbraceright{}"),
                '=' if names => out.push_str("{=}"),
                '\0' => {}
                c if c.is_control() => out.push(' '),
                c => out.push(c),
            }
        }
        out
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[ \t\n\u{3000}\u{a0}\u{85}\u{2028}\u{1680}\u{7f}a日あé#%{}=\\\\]{0,24}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        #[test]
        fn needs_braces_fast_paths_agree(s in "[ \t\n\x0b\x0c\r\u{3000}\u{85}a-zA-Z,.\\-山田Éé]{0,12}") {
            let slow = s.contains(',')
                || s.split_whitespace().any(|w| w.eq_ignore_ascii_case("and"))
                || s.starts_with(|c: char| c.is_lowercase())
                || s.trim() != s;
            prop_assert_eq!(needs_braces(&s), slow);
        }

        #[test]
        fn name_parts_fast_path_writes_what_the_general_path_writes(
            s in "[ a-zA-Z.'\\-,&{}_=é山田あ\u{3000}\u{a0}\u{2003}\u{1680}\u{85}\u{9c}]{0,10}|[A-Z山][a-zA-Z.'\\-山田あ]{0,8}|[aA][nN][dD]",
        ) {
            let mut fast = Vec::new();
            push_part(&mut fast, &s);
            let part = s.trim();
            let mut slow = Vec::new();
            if needs_braces(part) {
                slow.push(b'{');
                escape_name_into(part, &mut slow);
                slow.push(b'}');
            } else {
                escape_name_into(part, &mut slow);
            }
            prop_assert_eq!(fast, slow);
        }

        #[test]
        fn names_fast_path_writes_what_the_general_path_writes(
            family in proptest::option::of("[A-Z山][a-z田 ,&{]{0,6}|[a-z ]{0,3}"),
            given in proptest::option::of("[A-Zあ][a-z.\\-=]{0,6}|[A-Z] and [A-Z]|And"),
            suffix in proptest::option::of("Jr\\.| |"),
            literal in proptest::option::of("[A-Z]{1,4}"),
        ) {
            let p = Person { family, given, suffix, literal };
            let (mut fast, mut general) = (Vec::new(), Vec::new());
            prop_assert_eq!(push_name(&mut fast, &p), push_name_generally(&mut general, &p));
            prop_assert_eq!(fast, general);
        }

        #[test]
        fn clean_trims_as_str_trim(s in text()) {
            prop_assert_eq!(clean(Some(&s)), clean_slowly(&s));
        }

        #[test]
        fn verbatim_escapes_one_character_at_a_time(
            s in prop_oneof![text(), "[a-z0-9/:.?=&%#_~ {}\\\\\"\u{3000}\u{a0}é日]{0,40}"],
        ) {
            let mut slow = String::new();
            for c in s.trim().chars() {
                if c.is_control() || c.is_whitespace() || matches!(c, '{' | '}' | '\\' | '"') {
                    let mut b = [0u8; 4];
                    for byte in c.encode_utf8(&mut b).bytes() {
                        slow.push_str(&format!("%{byte:02X}"));
                    }
                } else {
                    slow.push(c);
                }
            }
            prop_assert_eq!(escape_verbatim(&s), slow);
        }

        #[test]
        fn escapes_one_character_at_a_time(s in text()) {
            prop_assert_eq!(escape(&s), escape_slowly(&s, false));
            let mut names = Vec::new();
            escape_name_into(&s, &mut names);
            prop_assert_eq!(into_string(names), escape_slowly(&s, true));
        }
    }

    #[test]
    fn escapes_specials_and_commands() {
        assert_eq!(escape("50% & $5 #1 a_b"), "50\\% \\& \\$5 \\#1 a\\_b");
        assert_eq!(
            escape("\\input{/etc/passwd}"),
            "\\textbackslash{}input\\textbraceleft{}/etc/passwd\\textbraceright{}"
        );
        assert_eq!(escape("~^"), "\\textasciitilde{}\\textasciicircum{}");
        assert_eq!(escape("a\nb\tc\0d"), "a b cd");
        assert_eq!(escape("日米「同盟」"), "日米「同盟」");
    }

    #[test]
    fn verbatim_urls() {
        assert_eq!(
            escape_verbatim("https://x.y/a b{c}"),
            "https://x.y/a%20b%7Bc%7D"
        );
        assert_eq!(
            escape_verbatim("https://x.y/a_b%20#c"),
            "https://x.y/a_b%20#c"
        );
    }

    #[test]
    fn dates_at_precision() {
        let r = |d: Date| Reference {
            issued: Some(Spanned::detached(d)),
            ..Reference::default()
        };
        assert_eq!(biblatex_date(&r(Date::absolute(Ymd::year(2024)))), "2024");
        assert_eq!(
            biblatex_date(&r(Date::absolute(Ymd::month(2024, 10)))),
            "2024-10"
        );
        assert_eq!(
            biblatex_date(&r(Date::absolute(Ymd::day(2024, 10, 27)))),
            "2024-10-27"
        );
        assert_eq!(
            biblatex_date(&r(Date::absolute(Ymd::day(2024, 2, 30)))),
            "XXXX"
        );
        assert_eq!(biblatex_date(&Reference::default()), "XXXX");
    }
}
