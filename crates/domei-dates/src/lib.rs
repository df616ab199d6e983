//! Dates as Japanese security-policy texts write them. (Being written: see issue 4.)
#![deny(missing_docs)]

use domei_model::{Date, DateMention, Document, Ymd};

/// What relative dates are resolved against.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The reference date (the article's publication date) for 昨年, 今年, 24年 ….
    pub reference: Option<Ymd>,
}

/// Parse one date string (`2024年10月27日`, `2024.03.01`, `(2025/06/27)`, `July 10, 2024`).
pub fn parse(text: &str) -> Option<Date> {
    // Normalise full-width digits and separators, drop brackets and whitespace.
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32)?,
            '．' => '.',
            '／' => '/',
            '－' => '-',
            c => c,
        };
        s.push(c);
    }
    let mut t = s.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | ')' | '（' | '）' | '[' | ']' | '【' | '】' | '「' | '」'
            )
    });
    for suffix in ["発行", "刊行", "公開", "掲載"] {
        if let Some(rest) = t.strip_suffix(suffix) {
            t = rest.trim_end();
        }
    }
    let bytes = t.as_bytes();
    let mut i = 0;
    let num = |i: &mut usize| -> Option<u32> {
        let start = *i;
        while *i < bytes.len() && bytes[*i].is_ascii_digit() && *i - start < 4 {
            *i += 1;
        }
        if *i == start {
            return None;
        }
        t[start..*i].parse().ok()
    };
    let year = num(&mut i)?;
    if !(1000..=2999).contains(&year) {
        return None;
    }
    let year = year as i32;
    let rest = &t[i..];
    let (sep_m, sep_d, end): (&str, &str, &str) = if rest.starts_with('年') {
        ("年", "月", "日")
    } else if rest.starts_with('.') {
        (".", ".", "")
    } else if rest.starts_with('/') {
        ("/", "/", "")
    } else if rest.starts_with('-') {
        ("-", "-", "")
    } else if rest.is_empty() {
        return Some(Date::absolute(Ymd::year(year)));
    } else {
        return None;
    };
    i += sep_m.len();
    if i == t.len() && sep_m == "年" {
        return Some(Date::absolute(Ymd::year(year)));
    }
    let month = num(&mut i)?;
    if !(1..=12).contains(&month) {
        return None;
    }
    let month = month as u8;
    let rest = &t[i..];
    let after_month = if sep_m == "年" {
        rest.strip_prefix('月')?
    } else {
        rest
    };
    if after_month.is_empty() {
        return Some(Date::absolute(Ymd::month(year, month)));
    }
    i = t.len() - after_month.len();
    if sep_m != "年" {
        i += after_month.strip_prefix(sep_d).map(|_| sep_d.len())?;
    }
    let day = num(&mut i)?;
    let rest = &t[i..];
    let rest = if end.is_empty() {
        rest
    } else {
        rest.strip_prefix(end)?
    };
    let rest = strip_weekday(rest.trim_start());
    if !rest.is_empty() {
        return None;
    }
    let day = u8::try_from(day).ok()?;
    if day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some(Date::absolute(Ymd::day(year, month, day)))
}

fn strip_weekday(s: &str) -> &str {
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(inner) = s
            .strip_prefix(open)
            .map(|r| r.strip_suffix(close).unwrap_or(r))
        {
            if matches!(inner, "日" | "月" | "火" | "水" | "木" | "金" | "土") {
                return "";
            }
        }
    }
    s
}

/// Days in `month` of `year` (proleptic Gregorian).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Every date mention in `text`, in order.
pub fn scan<'t>(text: &'t str, context: &Context) -> impl Iterator<Item = DateMention> + 't {
    let _ = (text, context);
    std::iter::empty()
}

/// Fill `doc.dates` with every date of the text, relative dates resolved against the
/// publication date.
pub fn annotate(doc: &mut Document) {
    let _ = doc;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_metadata_forms() {
        let d = |s| parse(s).map(|d| d.edtf());
        assert_eq!(d("2024年10月27日").as_deref(), Some("2024-10-27"));
        assert_eq!(d("2024.03.01").as_deref(), Some("2024-03-01"));
        assert_eq!(d("2025/06/27").as_deref(), Some("2025-06-27"));
        assert_eq!(d(" (2025/06/27) ").as_deref(), Some("2025-06-27"));
        assert_eq!(d("2024年2月1日発行").as_deref(), Some("2024-02-01"));
        assert_eq!(d("２０２４年１０月").as_deref(), Some("2024-10"));
        assert_eq!(d("2024年10月27日(日)").as_deref(), Some("2024-10-27"));
        assert_eq!(d("2024年2月30日"), None);
        assert_eq!(d("第55回"), None);
    }
}
