//! Citation keys: ASCII folding, kana romanisation, and the key of a reference.

use domei_model::{Person, Reference};

/// Words a title key never starts with.
const STOPWORDS: &[&str] = &[
    "the", "and", "for", "from", "with", "into", "its", "der", "die", "das", "les", "des", "une",
    "how", "why", "what", "when", "are", "was", "not", "but",
];

/// Fold one Latin letter with a diacritic to ASCII, or `None`.
fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'ð' | 'Ď' | 'Đ' | 'Ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę'
        | 'Ě' => "e",
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => {
            "i"
        }
        'ł' | 'ľ' | 'Ł' | 'Ľ' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'Ť' | 'Ţ' => "t",
        'þ' | 'Þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű'
        | 'Ų' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => return None,
    })
}

/// Hepburn romanisation of one hiragana (katakana are mapped to hiragana first).
fn kana(c: char) -> Option<&'static str> {
    const TABLE: [&str; 84] = [
        "a", "a", "i", "i", "u", "u", "e", "e", "o", "o", // ぁあぃいぅうぇえぉお
        "ka", "ga", "ki", "gi", "ku", "gu", "ke", "ge", "ko", "go", // か…ご
        "sa", "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo", // さ…ぞ
        "ta", "da", "chi", "ji", "", "tsu", "zu", "te", "de", "to",
        "do", // た…ど (っ is "")
        "na", "ni", "nu", "ne", "no", // な…の
        "ha", "ba", "pa", "hi", "bi", "pi", "fu", "bu", "pu", "he", "be", "pe", "ho", "bo", "po",
        "ma", "mi", "mu", "me", "mo", // ま…も
        "ya", "ya", "yu", "yu", "yo", "yo", // ゃやゅゆょよ
        "ra", "ri", "ru", "re", "ro", // ら…ろ
        "wa", "wa", "i", "e", "o", "n", "vu", // ゎわゐゑをんゔ
    ];
    let h = match c {
        '\u{30A1}'..='\u{30F4}' => char::from_u32(c as u32 - 0x60)?,
        _ => c,
    };
    match h {
        '\u{3041}'..='\u{3094}' => TABLE.get((h as u32 - 0x3041) as usize).copied(),
        _ => None,
    }
}

fn is_small_y(c: char) -> bool {
    matches!(c, 'ゃ' | 'ゅ' | 'ょ' | 'ャ' | 'ュ' | 'ョ')
}

fn is_sokuon(c: char) -> bool {
    matches!(c, 'っ' | 'ッ')
}

/// Lower-case ASCII letters and digits of `s`: ASCII kept, full-width forms narrowed,
/// Latin diacritics folded, kana romanised (Hepburn), anything else dropped.
#[cfg(test)]
pub(crate) fn romanise(s: &str) -> String {
    let mut out = String::new();
    romanise_into(s, &mut out);
    out
}

/// [`romanise`], appending to `out`.
pub(crate) fn romanise_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        let mark = out.len();
        if s.bytes().all(|b| b.is_ascii_alphanumeric()) {
            out.push_str(s);
        } else {
            out.extend(s.bytes().filter(u8::is_ascii_alphanumeric).map(char::from));
        }
        out[mark..].make_ascii_lowercase();
        return;
    }
    let mut chars = s.chars().peekable();
    let mut double_next = false;
    while let Some(c) = chars.next() {
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            // Kanji (the most frequent case): dropped, without the lookups below.
            continue;
        }
        let c = match c {
            '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if is_sokuon(c) {
            double_next = true;
            continue;
        }
        // Kana before the (longer) Latin lookup: the two sets are disjoint.
        let Some(k) = kana(c) else {
            if let Some(f) = fold_latin(c) {
                out.push_str(f);
            }
            continue;
        };
        // The syllable, at most four ASCII letters.
        let mut syl = [0u8; 8];
        syl[..k.len()].copy_from_slice(k.as_bytes());
        let mut len = k.len();
        // き + ゃ → kya, し + ゃ → sha, ち + ゃ → cha, じ + ゃ → ja.
        if let Some(&next) = chars.peek() {
            if is_small_y(next) && k.ends_with('i') && k.len() >= 2 {
                let y = kana(next).unwrap_or("ya");
                len -= 1;
                let y = if matches!(&syl[..len], b"sh" | b"ch" | b"j") {
                    &y[1..]
                } else {
                    y
                };
                syl[len..len + y.len()].copy_from_slice(y.as_bytes());
                len += y.len();
                chars.next();
            }
        }
        let syl = &syl[..len];
        if double_next {
            if let Some(&first) = syl.first().filter(|c| !b"aiueon".contains(c)) {
                out.push(if syl.starts_with(b"ch") {
                    't'
                } else {
                    char::from(first)
                });
            }
            double_next = false;
        }
        out.extend(syl.iter().map(|&b| char::from(b)));
        // ー (long vowel), kanji and other scripts: dropped.
    }
}

/// `char::is_alphanumeric`, without the table search for kana and CJK ideographs
/// (all letters).
#[inline]
pub(crate) fn alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        matches!(c, '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '\u{4E00}'..='\u{9FFF}')
            || c.is_alphanumeric()
    }
}

/// Longest key part taken from a name or a title word.
const PART: usize = 20;

/// Append the romanised form of the first word of `s` that `ok` accepts, cut to
/// [`PART`] characters; append nothing when no word is accepted.
fn first_word_into(s: &str, out: &mut String, ok: impl Fn(&str) -> bool) {
    if s.is_ascii() {
        // Words of ASCII letters and digits, found on the bytes; romanised, a word is
        // itself in lower case. (Empty words, between two separators, are never
        // accepted.)
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            while i < bytes.len() && !bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if start == i {
                break;
            }
            let mark = out.len();
            out.push_str(&s[start..i]);
            out[mark..].make_ascii_lowercase();
            if ok(&out[mark..]) {
                out.truncate(mark + (i - start).min(PART));
                return;
            }
            out.truncate(mark);
        }
        return;
    }
    for word in s.split(|c: char| !alnum(c)).filter(|w| !w.is_empty()) {
        let mark = out.len();
        romanise_into(word, out);
        if ok(&out[mark..]) {
            // Romanised text is ASCII, so any byte length is a character boundary.
            out.truncate(mark + (out.len() - mark).min(PART));
            return;
        }
        out.truncate(mark);
    }
}

fn significant(w: &str) -> bool {
    !w.is_empty() && !STOPWORDS.contains(&w)
}

/// Append the romanised key part of a name: the family name, or the first
/// significant word of an organisation's (or a one-part) name.
fn name_into(p: &Person, out: &mut String) {
    if let Some(family) = p.family.as_deref() {
        let mark = out.len();
        romanise_into(family, out);
        out.truncate(mark + (out.len() - mark).min(PART));
    } else if let Some(name) = p.literal.as_deref().or(p.given.as_deref()) {
        first_word_into(name, out, significant);
    }
}

/// FNV-1a, 32 bits: a stable hash (not the randomised std hasher).
pub(crate) fn fnv1a(s: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in s {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The key of a reference before collision suffixes: romanised first author (or
/// editor, else publisher or container), year, first significant title word
/// (`nato2024industrial`); `ref<year><hash>` when neither gives ASCII letters.
/// `title` is scratch space; the key is written to `key` (cleared first).
pub(crate) fn base_key(
    r: &Reference,
    year: Option<i32>,
    fingerprint: &[u8],
    title: &mut String,
    key: &mut String,
) {
    key.clear();
    // The first author or editor; without one, the issuing body (publisher, else the
    // site or periodical), as an organisation.
    match r.authors.first().or(r.editors.first()) {
        Some(p) => name_into(&p.value, key),
        None => {
            if let Some(o) = r.publisher.as_ref().or(r.container_title.as_ref()) {
                first_word_into(&o.value, key, significant);
            }
        }
    }
    title.clear();
    if let Some(t) = &r.title {
        first_word_into(&t.value, title, |w| {
            w.len() >= 3 && w != key.as_str() && significant(w)
        });
    }
    if key.is_empty() && title.is_empty() {
        key.push_str("ref");
        if let Some(y) = year {
            crate::tex::push_padded(key, i64::from(y), 1);
        }
        let h = fnv1a(fingerprint) & 0xff_ffff;
        for shift in (0..6).rev() {
            key.push(char::from(
                b"0123456789abcdef"[((h >> (shift * 4)) & 15) as usize],
            ));
        }
        return;
    }
    if key.is_empty() {
        key.push_str(title);
        title.clear();
    }
    if let Some(y) = year {
        crate::tex::push_padded(key, i64::from(y), 1);
    }
    key.push_str(title);
    if !key.starts_with(|c: char| c.is_ascii_lowercase()) {
        key.insert_str(0, "ref");
    }
}

/// Append the `n`-th collision suffix (0 → `a`, 25 → `z`, 26 → `aa`).
pub(crate) fn push_suffix(out: &mut String, mut n: usize) {
    let mut s = [0u8; 16];
    let mut i = s.len();
    loop {
        i -= 1;
        s[i] = b'a' + (n % 26) as u8;
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.extend(s[i..].iter().map(|&b| char::from(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanises_kana_and_folds_latin() {
        assert_eq!(romanise("やまだ"), "yamada");
        assert_eq!(romanise("キシダ"), "kishida");
        assert_eq!(romanise("しょうへい"), "shouhei");
        assert_eq!(romanise("きょう"), "kyou");
        assert_eq!(romanise("ほっかいどう"), "hokkaidou");
        assert_eq!(romanise("マッチ"), "matchi");
        assert_eq!(romanise("Gödel-Çelik"), "godelcelik");
        assert_eq!(romanise("ＮＡＴＯ２０２４"), "nato2024");
        assert_eq!(romanise("山田"), "");
    }

    /// `first_word_into` without its ASCII fast path.
    fn first_word_slowly(s: &str, ok: impl Fn(&str) -> bool) -> String {
        let mut out = String::new();
        for word in s.split(|c: char| !alnum(c)) {
            let mut w = String::new();
            for c in word.chars() {
                let mut one = String::new();
                romanise_into(&c.to_string(), &mut one);
                w.push_str(&one);
            }
            if ok(&w) {
                out.push_str(&w[..w.len().min(PART)]);
                break;
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn first_word_ascii_fast_path_agrees(s in "[a-zA-Z0-9 ,.:&%{}'-]{0,40}") {
            let ok = |w: &str| w.len() >= 3 && significant(w);
            let mut fast = String::from("x");
            first_word_into(&s, &mut fast, ok);
            proptest::prop_assert_eq!(&fast[1..], first_word_slowly(&s, ok));
            let mut name = String::new();
            romanise_into(&s, &mut name);
            let want: String = s.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
            proptest::prop_assert_eq!(name, want);
        }
    }

    #[test]
    fn suffixes() {
        let suffix = |n| {
            let mut s = String::new();
            push_suffix(&mut s, n);
            s
        };
        assert_eq!(suffix(0), "a");
        assert_eq!(suffix(25), "z");
        assert_eq!(suffix(26), "aa");
        assert_eq!(suffix(27), "ab");
        assert_eq!(suffix(26 * 27), "aaa");
    }
}
