//! Note markers in body text: `[1]`, `([1])`, `(1)`, `（１）`, `［1］`, `【1】`, `※1`,
//! `*1`, `注1`, `注(1)`, `¹²`, ranges and lists (`[3-5]`, `[3, 4]`).

use domei_model::AnchorStyle;

use crate::text::digit;

/// One marker found in a text: byte range (relative), style, numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) style: AnchorStyle,
    pub(crate) numbers: Vec<u32>,
}

/// Highest note number an anchor may carry (years and other look-alikes are larger).
const MAX_NUMBER: u32 = 999;

/// Parse the inside of a bracket: `1`, `3-5`, `3, 4`, `３–５`. `None` for anything else.
fn numbers(s: &str) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    let mut cur: Option<u32> = None;
    let mut range_from: Option<u32> = None;
    let push = |n: u32, from: Option<u32>, out: &mut Vec<u32>| -> Option<()> {
        if n == 0 || n > MAX_NUMBER {
            return None;
        }
        match from {
            Some(f) if f < n && n - f <= 50 => out.extend(f..=n),
            Some(_) => return None,
            None => out.push(n),
        }
        Some(())
    };
    for c in s.chars() {
        if let Some(d) = digit(c) {
            let v = cur.unwrap_or(0).checked_mul(10)?.checked_add(d)?;
            if v > MAX_NUMBER {
                return None;
            }
            cur = Some(v);
        } else if matches!(c, '-' | '–' | '—' | '〜' | '～' | '‐' | '−') {
            range_from = Some(cur.take()?);
        } else if matches!(c, ',' | '，' | '、') {
            push(cur.take()?, range_from.take(), &mut out)?;
        } else if c == ' ' {
        } else {
            return None;
        }
    }
    push(cur?, range_from, &mut out)?;
    Some(out)
}

fn superscript(c: char) -> Option<u32> {
    Some(match c {
        '⁰' => 0,
        '¹' => 1,
        '²' => 2,
        '³' => 3,
        '⁴' => 4,
        '⁵' => 5,
        '⁶' => 6,
        '⁷' => 7,
        '⁸' => 8,
        '⁹' => 9,
        _ => return None,
    })
}

/// Every marker in `s`, in order. `content_start` is true when `s` starts a line (a
/// list number there is not a marker).
pub(crate) fn scan(s: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let w = c.len_utf8();
        let found = match c {
            '(' | '（' => paren(s, i),
            '0'..='9' | '０'..='９' => half_paren(s, i),
            '[' | '［' => bracket(s, i, AnchorStyle::Bracket),
            '【' => closed(s, i, '【', '】', AnchorStyle::LenticularBracket),
            '※' | '*' | '＊' => prefixed(
                s,
                i,
                w,
                if c == '※' {
                    AnchorStyle::Kome
                } else {
                    AnchorStyle::Asterisk
                },
            ),
            '注' => chu(s, i),
            _ if superscript(c).is_some() => sup(s, i),
            _ => None,
        };
        match found {
            Some(f) => {
                i = f.end;
                out.push(f);
            }
            None => i += w,
        }
    }
    let _ = b;
    out
}

fn closed(s: &str, i: usize, open: char, close: char, style: AnchorStyle) -> Option<Found> {
    let inner_start = i + open.len_utf8();
    let rest = &s[inner_start..];
    let k = rest.char_indices().take(16).find(|&(_, c)| c == close)?.0;
    let nums = numbers(&rest[..k])?;
    Some(Found {
        start: i,
        end: inner_start + k + close.len_utf8(),
        style,
        numbers: nums,
    })
}

fn bracket(s: &str, i: usize, style: AnchorStyle) -> Option<Found> {
    let open = s[i..].chars().next()?;
    let close = if open == '[' { ']' } else { '］' };
    closed(s, i, open, close, style)
}

/// `([1])`, `(1)`, `（１）`, `(注1)`.
fn paren(s: &str, i: usize) -> Option<Found> {
    let open = s[i..].chars().next()?;
    let close = if open == '(' { ')' } else { '）' };
    let inner = i + open.len_utf8();
    if s[inner..].starts_with('[') || s[inner..].starts_with('［') {
        let f = bracket(s, inner, AnchorStyle::ParenBracket)?;
        if s[f.end..].starts_with(close) {
            return Some(Found {
                start: i,
                end: f.end + close.len_utf8(),
                style: AnchorStyle::ParenBracket,
                numbers: f.numbers,
            });
        }
        return None;
    }
    let f = closed(s, i, open, close, AnchorStyle::Paren)?;
    // An inline enumeration "(1)北朝鮮、(2)中国" or a list number at the start is not a marker:
    // a marker stands after text and is followed by punctuation, space, the end or another marker.
    let before = s[..i].chars().next_back();
    if before
        .is_none_or(|c| c.is_whitespace() || matches!(c, '、' | '，' | ',' | '：' | ':' | '・'))
    {
        return None;
    }
    let after = s[f.end..].chars().next();
    let ok_after = after.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '。' | '、' | '，' | ',' | '.' | ';' | '）' | ')' | '」' | '(' | '（' | '[' | '※'
            )
    });
    if !ok_after {
        return None;
    }
    Some(f)
}

/// `1)` right after Japanese text, as academic papers write a note number
/// (`…扱われたのである1)。`). Style `paren`.
fn half_paren(s: &str, i: usize) -> Option<Found> {
    let before = s[..i].chars().next_back()?;
    if !(crate::text::is_cjk(before) || matches!(before, '。' | '」' | '』')) {
        return None;
    }
    let rest = &s[i..];
    let k = rest
        .char_indices()
        .find(|&(_, c)| digit(c).is_none())
        .map(|(k, _)| k)?;
    let close = rest[k..].chars().next()?;
    if close != ')' && close != '）' || k > 9 {
        return None;
    }
    let end = i + k + close.len_utf8();
    let after = s[end..].chars().next();
    if !after
        .is_none_or(|c| c.is_whitespace() || matches!(c, '。' | '、' | '，' | '」' | '）' | ')'))
    {
        return None;
    }
    Some(Found {
        start: i,
        end,
        style: AnchorStyle::Paren,
        numbers: numbers(&rest[..k])?,
    })
}

/// `※1`, `*1`.
fn prefixed(s: &str, i: usize, w: usize, style: AnchorStyle) -> Option<Found> {
    // "2*3" is arithmetic.
    if s[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && style == AnchorStyle::Asterisk
    {
        return None;
    }
    let rest = &s[i + w..];
    let k = rest
        .char_indices()
        .find(|&(_, c)| digit(c).is_none())
        .map_or(rest.len(), |(k, _)| k);
    if k == 0 || k > 9 {
        return None;
    }
    let nums = numbers(&rest[..k])?;
    Some(Found {
        start: i,
        end: i + w + k,
        style,
        numbers: nums,
    })
}

/// `注1`, `注(1)`, `注（1）`.
fn chu(s: &str, i: usize) -> Option<Found> {
    let w = '注'.len_utf8();
    let rest = &s[i + w..];
    if rest.starts_with('(') || rest.starts_with('（') {
        let open = rest.chars().next()?;
        let close = if open == '(' { ')' } else { '）' };
        let f = closed(s, i + w, open, close, AnchorStyle::Chu)?;
        return Some(Found { start: i, ..f });
    }
    prefixed(s, i, w, AnchorStyle::Chu)
}

/// A run of superscript digits (`¹²` is 12; `¹,²` style lists are two markers).
fn sup(s: &str, i: usize) -> Option<Found> {
    let mut n: u32 = 0;
    let mut end = i;
    for (k, c) in s[i..].char_indices() {
        match superscript(c) {
            Some(d) => {
                n = n.checked_mul(10)?.checked_add(d)?;
                end = i + k + c.len_utf8();
            }
            None => break,
        }
    }
    if n == 0 || n > MAX_NUMBER {
        return None;
    }
    // After a digit or a unit letter (m², km³) it is an exponent.
    let before = s[..i].chars().next_back();
    if before.is_none_or(|c| {
        c.is_ascii_alphanumeric() && !c.is_ascii_lowercase()
            || c.is_ascii_digit()
            || c.is_whitespace()
    }) {
        return None;
    }
    if before.is_some_and(|c| c == 'm') {
        return None;
    }
    Some(Found {
        start: i,
        end,
        style: AnchorStyle::Superscript,
        numbers: vec![n],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(s: &str) -> Vec<Vec<u32>> {
        scan(s).into_iter().map(|f| f.numbers).collect()
    }

    #[test]
    fn styles() {
        assert_eq!(nums("示したものだ。[1] EUも"), vec![vec![1]]);
        assert_eq!(nums("共同声明文([1])は"), vec![vec![1]]);
        assert_eq!(scan("文([1])は")[0].style, AnchorStyle::ParenBracket);
        assert_eq!(nums("である（１）。"), vec![vec![1]]);
        assert_eq!(
            nums("である［2］。【3】※4 *5 注6 注(7)"),
            vec![vec![2], vec![3], vec![4], vec![5], vec![6], vec![7]]
        );
        assert_eq!(nums("as shown¹² here"), vec![vec![12]]);
        assert_eq!(
            nums("see [3-5] and [3, 4]"),
            vec![vec![3, 4, 5], vec![3, 4]]
        );
    }

    #[test]
    fn look_alikes() {
        assert!(scan("[Exclusive] and [2024] and (2023)").is_empty());
        assert!(scan("(1)北朝鮮、(2)中国、(3)ロシア").is_empty());
        assert!(scan("(1) 概要").is_empty());
        assert!(scan("面積は3km²で注目された").is_empty());
    }
}
