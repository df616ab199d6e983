//! Character classes and a small date reader used when no date annotations exist.

use domei_model::{Span, Ymd};

/// A CJK ideograph (kanji), including the iteration mark 々.
pub(crate) fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々' | '〆')
}

/// Katakana, including the long-vowel mark (not the middle dot).
pub(crate) fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}')
}

/// An ASCII or full-width letter or digit.
pub(crate) fn is_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９')
}

/// The ASCII letter or digit a full-width one (`Ａ`–`Ｚ`, `ａ`–`ｚ`, `０`–`９`) stands for.
pub(crate) fn narrow(c: char) -> Option<char> {
    match c {
        'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

/// `s` with its full-width letters and digits written in ASCII (`Ｇ7` → `G7`), and
/// the byte offsets in the folded text of the folded characters, in order (each was
/// three bytes in `s` and is one now; [`unfold`] maps an offset back). `None` when `s`
/// has no full-width letter or digit (the common case, found by one pass over the
/// bytes: they are `EF BC 90..99`, `EF BC A1..BA`, `EF BD 81..9A`).
pub(crate) fn fold_width(s: &str) -> Option<(String, Vec<usize>)> {
    let bytes = s.as_bytes();
    let wide_at = |k: usize| match (bytes.get(k + 1), bytes.get(k + 2)) {
        (Some(0xBC), Some(b)) => matches!(b, 0x90..=0x99 | 0xA1..=0xBA),
        (Some(0xBD), Some(b)) => matches!(b, 0x81..=0x9A),
        _ => false,
    };
    // `memchr` finds the lead byte with SIMD: most texts have none, or only
    // full-width punctuation.
    let next_wide = |from: usize| {
        memchr::memchr_iter(0xEF, bytes.get(from..)?)
            .find_map(|p| wide_at(from + p).then_some(from + p))
    };
    let mut at = next_wide(0)?;
    let mut folded = String::with_capacity(s.len());
    let mut folds = Vec::new();
    let mut copied = 0;
    loop {
        folded.push_str(&s[copied..at]);
        copied = at;
        // A run of full-width characters (`ＮＡＴＯ`) is folded without searching.
        while bytes.get(copied) == Some(&0xEF) && wide_at(copied) {
            let c = char_at(s, copied).and_then(narrow).unwrap_or('?');
            folds.push(folded.len());
            folded.push(c);
            copied += 3;
        }
        match next_wide(copied) {
            Some(n) => at = n,
            None => break,
        }
    }
    folded.push_str(&s[copied..]);
    Some((folded, folds))
}

/// Maps offsets of a folded text back to the original text, given the folded
/// characters' offsets from [`fold_width`]; offsets asked for in increasing order
/// are mapped in one pass.
pub(crate) struct Unfold<'a> {
    folds: &'a [usize],
    /// How many folded characters lie before the last offset asked for.
    before: usize,
}

impl<'a> Unfold<'a> {
    pub(crate) fn new(folds: &'a [usize]) -> Unfold<'a> {
        Unfold { folds, before: 0 }
    }

    /// The byte offset in the original text of offset `f` of the folded text.
    pub(crate) fn at(&mut self, f: usize) -> usize {
        if self.before > 0 && self.folds.get(self.before - 1).is_some_and(|&p| p >= f) {
            // Asked out of order: search from the start.
            self.before = 0;
        }
        while self.folds.get(self.before).is_some_and(|&p| p < f) {
            self.before += 1;
        }
        f + 2 * self.before
    }
}

/// Maps offsets both ways between a text and its folded form from [`fold_width`], in
/// any order (binary search): [`Matcher::annotate`](crate::Matcher::annotate) works on
/// the folded text of a document and gives its spans in the original one.
pub(crate) struct Remap {
    /// Offsets in the folded text of the folded characters.
    folded: Vec<usize>,
    /// Offsets in the original text of the same characters.
    original: Vec<usize>,
}

impl Remap {
    pub(crate) fn new(folds: &[usize]) -> Remap {
        Remap {
            folded: folds.to_vec(),
            original: folds.iter().enumerate().map(|(k, &f)| f + 2 * k).collect(),
        }
    }

    /// The offset in the original text of offset `f` of the folded text.
    pub(crate) fn to_original(&self, f: usize) -> usize {
        f + 2 * self.folded.partition_point(|&p| p < f)
    }

    /// The offset in the folded text of offset `o` of the original text; an offset
    /// inside a folded character gives that character's.
    pub(crate) fn to_folded(&self, o: usize) -> usize {
        let n = self.original.partition_point(|&p| p < o);
        match n.checked_sub(1) {
            Some(k) if o < self.original[k] + 3 => self.folded[k],
            _ => o.saturating_sub(2 * n),
        }
    }
}

/// A digit of any kind the texts use for dates (ASCII, full-width, kanji numerals).
pub(crate) fn is_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '０'
                ..='９'
                    | '〇'
                    | '一'
                    | '二'
                    | '三'
                    | '四'
                    | '五'
                    | '六'
                    | '七'
                    | '八'
                    | '九'
                    | '十'
                    | '百'
        )
}

/// A character that can be part of a name written without spaces.
pub(crate) fn is_name_char(c: char) -> bool {
    is_kanji(c) || is_katakana(c) || is_alnum(c) || matches!(c, '・' | '･' | '＝' | '=')
}

/// The character before byte `i` of `s`.
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// The character at byte `i` of `s`.
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Read a run of ASCII or full-width digits at byte `i`: (value, digit count, end).
fn digits(s: &str, i: usize) -> Option<(u32, usize, usize)> {
    let mut value: u32 = 0;
    let mut n = 0;
    let mut end = i;
    for (k, c) in s.get(i..)?.char_indices() {
        match digit_value(c) {
            Some(d) if n < 6 => {
                value = value * 10 + d;
                n += 1;
                end = i + k + c.len_utf8();
            }
            _ => break,
        }
    }
    (n > 0).then_some((value, n, end))
}

/// Dates written `2024年10月27日`, `2024年10月`, `2024年`, `06年11月` (two-digit years
/// resolved against `reference_year`), `2024.03.01`, `2024/03/01`, in text order.
///
/// This is a fallback for when the date crate has filled nothing; it reads only the
/// plain Gregorian forms an agreement event needs.
pub(crate) fn scan_dates(s: &str, reference_year: Option<i32>) -> Vec<(Span, Ymd)> {
    let mut out: Vec<(Span, Ymd)> = Vec::new();
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < s.len() {
        // Only a digit can start a date: jump to the next ASCII digit or the lead
        // byte of a full-width one (U+FF10..U+FF19 are EF BC 90..99).
        match bytes[i..]
            .iter()
            .position(|b| b.is_ascii_digit() || *b == 0xEF)
        {
            Some(p) => i += p,
            None => break,
        }
        let c = match char_at(s, i) {
            Some(c) => c,
            None => break,
        };
        if digit_value(c).is_none() || char_before(s, i).and_then(digit_value).is_some() {
            i += c.len_utf8();
            continue;
        }
        let Some((value, n, end)) = digits(s, i) else {
            i += c.len_utf8();
            continue;
        };
        let next = char_at(s, end);
        let mut found: Option<(usize, Ymd)> = None;
        if next == Some('年') && (n == 4 || n == 2) {
            let after_year = end + '年'.len_utf8();
            let follow = char_at(s, after_year);
            let decade = matches!(follow, Some('代' | '間' | '前' | '後' | 'ぶ' | '目' | '来'));
            let mut ymd = None;
            let month = digits(s, after_year)
                .filter(|&(m, _, e)| (1..=12).contains(&m) && char_at(s, e) == Some('月'));
            let year = if n == 4 {
                Some(value as i32)
            } else {
                let enumerated = out
                    .last()
                    .is_some_and(|(sp, _)| i.saturating_sub(sp.end) <= 12);
                (month.is_some() || enumerated)
                    .then(|| two_digit_year(value as i32, reference_year))
            };
            if let (Some(year), false) = (year, decade) {
                if (1000..=2999).contains(&year) {
                    let mut e = after_year;
                    let mut v = Ymd::year(year);
                    if let Some((m, _, me)) = month {
                        e = me + '月'.len_utf8();
                        v = Ymd::month(year, m as u8);
                        if let Some((d, _, de)) = digits(s, e) {
                            if char_at(s, de) == Some('日')
                                && d >= 1
                                && d <= u32::from(crate::kb::days_in_month(year, m as u8))
                            {
                                e = de + '日'.len_utf8();
                                v = Ymd::day(year, m as u8, d as u8);
                            }
                        }
                    }
                    ymd = Some((e, v));
                }
            }
            found = ymd;
        } else if n == 4 && matches!(next, Some('.' | '/')) {
            let sep = bytes[end];
            if let Some((m, _, me)) = digits(s, end + 1) {
                if (1..=12).contains(&m) && bytes.get(me) == Some(&sep) {
                    if let Some((d, _, de)) = digits(s, me + 1) {
                        if d >= 1 && d <= u32::from(crate::kb::days_in_month(value as i32, m as u8))
                        {
                            found = Some((de, Ymd::day(value as i32, m as u8, d as u8)));
                        }
                    }
                }
            }
        }
        match found {
            Some((e, v)) => {
                out.push((Span::new(i, e), v));
                i = e;
            }
            None => i = end,
        }
    }
    out
}

/// Bare years in English running text: `in 2021`, `since 2006`, `by 2030`, `In 2023,`
/// (a four-digit year from 1900 to 2099 after one of these words, not followed by a
/// letter, a digit or a unit such as `%`).
pub(crate) fn english_years(s: &str) -> Vec<(Span, Ymd)> {
    const WORDS: [&[u8]; 6] = [b"in ", b"In ", b"since ", b"Since ", b"by ", b"By "];
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    // One pass: a space followed by four digits, then the word before the space.
    let mut i = 0;
    // `str::find` of one ASCII byte runs the library's word-at-a-time memchr; `i` is
    // always just after a space, so on a character boundary.
    while let Some(p) = s.get(i..).and_then(|rest| rest.find(' ')) {
        let sp = i + p;
        i = sp + 1;
        let y = sp + 1;
        let Some(year) = bytes.get(y..y + 4) else {
            break;
        };
        if !year.iter().all(u8::is_ascii_digit) {
            continue;
        }
        let after = bytes.get(y + 4).copied();
        let unit = after.is_some_and(|b| {
            b.is_ascii_alphanumeric()
                || b == b'%'
                || (b == b'-' && bytes.get(y + 5).is_some_and(u8::is_ascii_digit))
        });
        let word = WORDS.iter().any(|w| {
            y >= w.len()
                && &bytes[y - w.len()..y] == *w
                && !(y > w.len() && bytes[y - w.len() - 1].is_ascii_alphanumeric())
        });
        if unit || !word {
            continue;
        }
        let v = year.iter().fold(0i32, |a, d| a * 10 + i32::from(d - b'0'));
        if (1900..=2099).contains(&v) {
            out.push((Span::new(y, y + 4), Ymd::year(v)));
        }
    }
    out
}

fn two_digit_year(yy: i32, reference_year: Option<i32>) -> i32 {
    let reference = reference_year.unwrap_or(2030);
    let century = reference - reference.rem_euclid(100);
    let y = century + yy;
    if y > reference + 1 { y - 100 } else { y }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_letters_and_digits_only() {
        assert!(fold_width("NATO（北大西洋条約機構）、ｶﾀｶﾅ").is_none());
        let s = "Ｇ7とＮＡＴＯ（Ａ）ｚ９";
        let (f, folds) = fold_width(s).expect("has full-width letters");
        assert_eq!(f, "G7とNATO（A）z9");
        let mut unfold = Unfold::new(&folds);
        for (k, c) in f.char_indices() {
            let o = char_at(s, unfold.at(k)).expect("a character of s");
            assert_eq!(narrow(o).unwrap_or(o), c);
        }
        assert_eq!(unfold.at(f.len()), s.len());
        // Out of order too.
        assert_eq!(unfold.at(0), 0);
        assert_eq!(unfold.at(1), 3);
        assert_eq!(unfold.at(f.len()), s.len());
    }

    #[test]
    fn remaps_offsets_both_ways() {
        let s = "Ｇ7とＮＡＴＯ（Ａ）ｚ９";
        let (f, folds) = fold_width(s).expect("has full-width letters");
        let r = Remap::new(&folds);
        let mut unfold = Unfold::new(&folds);
        for (k, _) in f.char_indices().chain([(f.len(), ' ')]) {
            let o = r.to_original(k);
            assert_eq!(o, unfold.at(k));
            assert!(s.is_char_boundary(o));
            assert_eq!(r.to_folded(o), k);
        }
        // Out of order.
        assert_eq!(r.to_original(f.len()), s.len());
        assert_eq!(r.to_original(1), 3);
        assert_eq!(r.to_folded(s.len()), f.len());
        assert_eq!(r.to_folded(0), 0);
        // Inside a folded character: that character.
        assert_eq!(r.to_folded(1), 0);
        assert_eq!(r.to_folded(2), 0);
        assert_eq!(r.to_folded(8), 5);
    }

    #[test]
    fn reads_english_bare_years() {
        let s = "In 2021, signed in 2023 and in force since 2024; in 20 years, in 2030s, \
                 within 2025, in 2.5%, by 2027-28, Berlin 2019, in 1066.";
        let d: Vec<(&str, String)> = english_years(s)
            .iter()
            .map(|(sp, y)| (&s[sp.start..sp.end], y.iso()))
            .collect();
        assert_eq!(
            d,
            [
                ("2021", "2021".to_string()),
                ("2023", "2023".to_string()),
                ("2024", "2024".to_string())
            ]
        );
    }

    #[test]
    fn reads_plain_dates() {
        let s = "2010年6月、日本は2014年5月6日に、06年11月と2018年と20年の二回、創立75年";
        let d: Vec<String> = scan_dates(s, Some(2024))
            .iter()
            .map(|(_, y)| y.iso())
            .collect();
        assert_eq!(d, ["2010-06", "2014-05-06", "2006-11", "2018", "2020"]);
        let s = "(2025/06/27) 1990年代";
        let d: Vec<String> = scan_dates(s, None).iter().map(|(_, y)| y.iso()).collect();
        assert_eq!(d, ["2025-06-27"]);
    }
}
