//! Recognising the *shape* of a date inside a reference. The value is read by
//! `domei_dates::parse`; this module only decides where a date stands.

use crate::text::{digit, is_ws};

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const SEASONS: &[&str] = &["winter", "spring", "summer", "fall", "autumn"];

/// True for an English month name or abbreviation (`July`, `Sept.`).
pub(crate) fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    w.len() >= 3 && w.len() <= 9 && MONTHS.iter().any(|m| m.eq_ignore_ascii_case(w))
}

fn is_season(w: &str) -> bool {
    SEASONS.iter().any(|m| m.eq_ignore_ascii_case(w))
}

fn year_like(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',', ')']);
    let n = w.chars().count();
    n == 4 && w.chars().all(|c| c.is_ascii_digit()) && (w.starts_with("1") || w.starts_with("2"))
}

/// True when all of `s` is an English or numeric date: `July 10, 2024`, `10 July 2024`,
/// `Winter 2023`, `March/April 2024`, `2024`, `2024-07-10`, `7/10/2024`, `Jul. 2020`.
pub(crate) fn is_date_en(s: &str) -> bool {
    let s = s.trim().trim_end_matches('.');
    // Every date form holds a year: no digit, no date.
    if s.is_empty() || s.len() > 40 || !s.bytes().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // Numeric forms.
    if s.bytes()
        .all(|c| c.is_ascii_digit() || matches!(c, b'-' | b'/' | b'.'))
    {
        let mut groups = ["", "", "", ""];
        let mut n = 0;
        for g in s.split(['-', '/', '.']) {
            if n == groups.len() {
                return false;
            }
            groups[n] = g;
            n += 1;
        }
        let groups = &groups[..n];
        return match n {
            1 => year_like(s),
            3 => {
                groups.iter().any(|g| year_like(g))
                    && groups.iter().all(|g| !g.is_empty() && g.len() <= 4)
            }
            2 => year_like(groups[0]) && groups[1].len() <= 2 && !groups[1].is_empty(),
            _ => false,
        };
    }
    let mut years = 0;
    let mut words = 0;
    let mut named = false;
    for w in s.split(|c: char| is_ws(c) || c == ',' || c == '/' || c == '–' || c == '-') {
        if w.is_empty() {
            continue;
        }
        words += 1;
        if year_like(w) {
            years += 1;
        } else if is_month(w) || is_season(w) {
            named = true;
        } else if w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit()) {
            // a day
        } else if matches!(w, "st" | "nd" | "rd" | "th") {
        } else {
            return false;
        }
    }
    (1..=2).contains(&years) && words <= 6 && (named || words == years)
}

/// True when `s` is a month and day without its year (`July 10`), which a comma split
/// separates from the year.
pub(crate) fn is_month_day(s: &str) -> bool {
    if !s.bytes().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let mut it = s.split_whitespace();
    match (it.next(), it.next(), it.next()) {
        (Some(x), Some(y), None) => {
            let day =
                |d: &str| !d.is_empty() && d.len() <= 2 && d.chars().all(|c| c.is_ascii_digit());
            (is_month(x) && day(y)) || (day(x) && is_month(y))
        }
        _ => false,
    }
}

/// True when all of `s` is a Japanese date: `2024年2月1日`, `20231113日` (damaged),
/// `2024年2月号`, `令和5年3月`, `2024.3.1`.
pub(crate) fn is_date_ja(s: &str) -> bool {
    let s = s.trim();
    let body = s
        .strip_prefix("令和")
        .or_else(|| s.strip_prefix("平成"))
        .or_else(|| s.strip_prefix("昭和"))
        .unwrap_or(s);
    let era = body.len() != s.len();
    let mut digits = 0;
    let mut marks = 0;
    for c in body.chars() {
        if digit(c).is_some() {
            digits += 1;
        } else if matches!(c, '年' | '月' | '日' | '元') {
            marks += 1;
        } else if !(matches!(c, '.' | '/' | '／' | '．' | '-') || is_ws(c)) {
            return false;
        }
    }
    if digits == 0 || digits > 12 {
        return false;
    }
    if marks > 0 {
        return body.contains('年') || body.ends_with('日') || era;
    }
    is_date_en(body)
}

/// Length in bytes of a Japanese date at the start of `s` (digits and 年月日, era
/// prefix), when there is one.
pub(crate) fn ja_date_prefix(s: &str) -> Option<usize> {
    let mut end = 0;
    let mut seen_mark = false;
    let start = ["令和", "平成", "昭和"]
        .iter()
        .find(|e| s.starts_with(**e))
        .map_or(0, |e| e.len());
    for (i, c) in s[start..].char_indices() {
        if digit(c).is_some() || matches!(c, '.' | '/' | '／') {
            end = start + i + c.len_utf8();
        } else if matches!(c, '年' | '月' | '日' | '元') {
            end = start + i + c.len_utf8();
            seen_mark = true;
        } else {
            break;
        }
    }
    let cand = &s[..end];
    (end > 0 && (seen_mark || cand.contains(['.', '/'])) && is_date_ja(cand)).then_some(end)
}
