//! Byte-level helpers: the trigger table, numbers (ASCII, full-width, kanji) and
//! small look-ups around a position. Every index is a UTF-8 byte offset on a char
//! boundary.

/// Characters other than ASCII digits where a date may begin: full-width digits,
/// kanji numerals, the first characters of era names and of relative keywords.
const TRIGGER_CHARS: &[char] = &[
    '０', '１', '２', '３', '４', '５', '６', '７', '８', '９', // full-width digits
    '〇', '○', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', // kanji numerals
    '令', '平', '昭', '大', '明', // eras
    '昨', '去', '今', '本', '来', '再', '翌', '前', '同', '先', '年', // relative keywords
    '上', '下', '第', // 上半期, 下半期, 第1四半期
    '「', '」', // quotation marks, tracked by the scanner
];

/// Trigger characters that begin a date only when one of [`KEYWORD_NEXT`] follows
/// (`同年`, `昨年`, `令和`, but not `同盟`, `大統領`, `日本`).
const KEYWORD_CHARS: &[char] = &[
    '令', '平', '昭', '大', '明', '昨', '去', '今', '本', '来', '再', '翌', '前', '同', '先', '年',
    '上', '下', '第',
];

/// The second characters of relative keywords and era names.
const KEYWORD_NEXT: &[char] = &[
    '年', '月', '日', '昨', '来', '々', '和', '成', '正', '治', '春', '夏', '秋', '冬', '末', '初',
    '半', '一', '二', '三', '四',
];

/// For each of the 1024 values of bits 6–15 of a three-byte character, a mask of
/// its low six bits: one table look-up per Japanese character.
static TRIGGERS: [u64; 1024] = build_table(TRIGGER_CHARS);
static KEYWORDS: [u64; 1024] = build_table(KEYWORD_CHARS);
static NEXTS: [u64; 1024] = build_table(KEYWORD_NEXT);

const fn build_table(chars: &[char]) -> [u64; 1024] {
    let mut table = [0u64; 1024];
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k] as u32;
        table[((c >> 6) & 0x3FF) as usize] |= 1u64 << (c & 0x3F);
        k += 1;
    }
    table
}

/// The three-byte character at `i` is in `table`.
#[inline(always)]
fn in_table(table: &[u64; 1024], b: &[u8], i: usize) -> bool {
    match b.get(i..i + 3) {
        Some(&[c0, c1, c2]) if (0xE0..0xF0).contains(&c0) => {
            let key = (((c0 & 0x0F) as usize) << 6) | (c1 & 0x3F) as usize;
            (table[key] >> (c2 & 0x3F)) & 1 == 1
        }
        _ => false,
    }
}

/// The next position at or after `i` where a date may begin (an ASCII digit or a
/// trigger character) or a line break or quotation mark the scanner tracks. Skips
/// everything else a character at a time.
#[inline]
pub(crate) fn next_trigger(b: &[u8], mut i: usize) -> Option<usize> {
    let n = b.len();
    while i < n {
        let c = b[i];
        if c < 0x80 {
            if c.is_ascii_digit() || c == b'\n' {
                return Some(i);
            }
            i += 1;
        } else if c < 0xE0 {
            i += 2;
        } else if c < 0xF0 {
            if i + 2 < n {
                let key = (((c & 0x0F) as usize) << 6) | (b[i + 1] & 0x3F) as usize;
                let mask = TRIGGERS[key];
                if mask != 0
                    && (mask >> (b[i + 2] & 0x3F)) & 1 == 1
                    && (!in_table(&KEYWORDS, b, i)
                        || in_table(&NEXTS, b, i + 3)
                        || b.get(i + 3).is_some_and(u8::is_ascii_digit)
                        || b.get(i + 3..i + 5) == Some(&[0xEF, 0xBC]))
                {
                    return Some(i);
                }
            }
            i += 3;
        } else {
            i += 4;
        }
    }
    None
}

/// True when `s` has `pat` at byte `i`.
#[inline]
pub(crate) fn at(s: &str, i: usize, pat: &str) -> bool {
    // A byte loop the compiler inlines: the patterns are a few bytes long, where a
    // call to memcmp costs more than the comparison.
    let p = pat.as_bytes();
    match s.as_bytes().get(i..i + p.len()) {
        Some(w) => w.iter().zip(p).all(|(a, b)| a == b),
        None => false,
    }
}

/// The first of `pats` found at `i`, with its length.
pub(crate) fn at_any(s: &str, i: usize, pats: &[&str]) -> Option<usize> {
    pats.iter().find(|p| at(s, i, p)).map(|p| p.len())
}

/// The character at byte `i`.
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// The character ending at byte `i`.
#[inline]
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// A number as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Num {
    /// Its value.
    pub value: u64,
    /// How many digits were written (0 for kanji with 十/百/千).
    pub digits: u8,
    /// Byte offset one past the number.
    pub end: usize,
    /// Written in kanji numerals.
    pub kanji: bool,
    /// Written only with ASCII digits.
    pub ascii: bool,
}

fn kanji_digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '○' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn kanji_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

/// Read a number at `i`: ASCII and full-width digits (mixed), or kanji numerals
/// (positional `二〇二四` or with units `二十七`). At most 12 digits.
pub(crate) fn read_num(s: &str, i: usize) -> Option<Num> {
    let b = s.as_bytes();
    let mut j = i;
    let mut value: u64 = 0;
    let mut digits: u8 = 0;
    let mut ascii = true;
    loop {
        if j < b.len() && b[j].is_ascii_digit() {
            value = value * 10 + u64::from(b[j] - b'0');
            j += 1;
        } else if j + 2 < b.len()
            && b[j] == 0xEF
            && b[j + 1] == 0xBC
            && (0x90..=0x99).contains(&b[j + 2])
        {
            value = value * 10 + u64::from(b[j + 2] - 0x90);
            ascii = false;
            j += 3;
        } else {
            break;
        }
        digits += 1;
        if digits > 12 {
            return None;
        }
    }
    if digits > 0 {
        return Some(Num {
            value,
            digits,
            end: j,
            kanji: false,
            ascii,
        });
    }
    // Kanji numerals.
    let mut positional: u64 = 0;
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut has_unit = false;
    let mut count: u8 = 0;
    let mut j = i;
    while let Some(c) = char_at(s, j) {
        if let Some(d) = kanji_digit(c) {
            positional = positional * 10 + d;
            current = d;
        } else if let Some(u) = kanji_unit(c) {
            has_unit = true;
            total += current.max(1) * u;
            current = 0;
        } else {
            break;
        }
        j += c.len_utf8();
        count += 1;
        if count > 8 {
            return None;
        }
    }
    if count == 0 {
        return None;
    }
    let (value, digits) = if has_unit {
        (total + current, 0)
    } else {
        (positional, count)
    };
    Some(Num {
        value,
        digits,
        end: j,
        kanji: true,
        ascii: false,
    })
}

/// The end of the run of digits (ASCII, full-width or kanji) starting at `i`.
pub(crate) fn skip_number(s: &str, i: usize) -> usize {
    let mut j = i;
    while let Some(c) = char_at(s, j) {
        if c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || kanji_digit(c).is_some()
            || kanji_unit(c).is_some()
        {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j.max(i + char_at(s, i).map_or(1, char::len_utf8))
}

/// Hiragana.
pub(crate) fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309F}').contains(&c)
}

/// Kanji (CJK unified ideographs) or katakana: a character inside a word.
pub(crate) fn is_word_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
        || ('\u{30A0}'..='\u{30FF}').contains(&c)
        || ('\u{3400}'..='\u{4DBF}').contains(&c)
        || c == '々'
}

/// A digit of any script we read.
pub(crate) fn is_any_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        let n = read_num("２０２４年", 0).unwrap();
        assert_eq!((n.value, n.digits, n.end, n.ascii), (2024, 4, 12, false));
        let n = read_num("二〇二四年", 0).unwrap();
        assert_eq!((n.value, n.digits, n.kanji), (2024, 4, true));
        let n = read_num("二十七日", 0).unwrap();
        assert_eq!((n.value, n.digits), (27, 0));
        let n = read_num("十月", 0).unwrap();
        assert_eq!(n.value, 10);
        assert!(read_num("年", 0).is_none());
    }

    #[test]
    fn triggers() {
        // 同盟 is skipped at once; 同年 and the digits are not.
        let s = "あいう同盟2024";
        assert_eq!(next_trigger(s.as_bytes(), 0), Some(15));
        let s = "あ同年";
        assert_eq!(next_trigger(s.as_bytes(), 0), Some(3));
        assert_eq!(next_trigger("二〇".as_bytes(), 0), Some(0));
        assert_eq!(next_trigger("令和".as_bytes(), 0), Some(0));
        assert_eq!(next_trigger("令".as_bytes(), 0), None);
        assert_eq!(next_trigger("日米関係".as_bytes(), 0), None);
    }
}
