//! Dates as Japanese security-policy texts write them.
//!
//! Reads every date mention of running text in one forward pass: Gregorian dates
//! (`2024年10月27日`, `2024.03.01`, `2025/06/27`, full-width and kanji numerals),
//! Japanese eras with their exact boundaries (`令和元年5月1日`, `R6.10.27`),
//! relative dates resolved against a reference or the date mentioned last
//! (`昨年11月`, `24年8月`, `同年1月9日`, `翌年`), seasons, parts of months and years
//! (`上旬`, `年末`, `上半期`, `第1四半期`), fiscal years (`2023年度`, and the United States'
//! `FY2025` and `2025会計年度`), decades and ranges (`2023〜26年`),
//! English dates of notes (`July 10, 2024`, `accessed January 31, 2025`), and damaged
//! forms whose `年`/`月` were lost (`20231113日`, `2023128日`), with every reading
//! ranked. Durations and counts (`100年`, `2年間`, `75周年`, `第55回`) are not dates.
//!
//! ```
//! use domei_dates::{Context, parse, scan};
//! use domei_model::{Precision, Ymd};
//!
//! assert_eq!(parse("2024年2月1日発行").unwrap().edtf(), "2024-02-01");
//! assert_eq!(parse("(2025/06/27)").unwrap().edtf(), "2025-06-27");
//!
//! let context = Context { reference: Some(Ymd::day(2024, 3, 1)) };
//! let found: Vec<_> = scan("昨年11月に開催。2023〜26年の計画。創立75年。", &context).collect();
//! assert_eq!(found.len(), 2);
//! assert_eq!(found[0].date.edtf(), "2023-11");
//! assert_eq!(found[0].text, "昨年11月");
//! assert_eq!(found[1].date.edtf(), "2023/2026");
//! assert_eq!(found[1].date.precision, Precision::Range);
//! ```
#![deny(missing_docs)]

mod era;
mod format;
mod scan;
mod text;

use domei_model::{Anchoring, Date, DateMention, Diagnostic, Document, LineIndex, Severity, Ymd};

pub use era::{era_bounds, era_name, era_problem, gregorian_year};
pub use format::format_ja;
pub use scan::Scanner;

/// What relative dates are resolved against.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The reference date (the article's publication date) for 昨年, 今年, 24年 ….
    pub reference: Option<Ymd>,
}

/// Parse one date string (`2024年10月27日`, `2024.03.01`, `(2025/06/27)`, `July 10, 2024`),
/// with no reference date: relative forms that need one give `None`.
pub fn parse(text: &str) -> Option<Date> {
    parse_with(text, &Context::default())
}

/// Words that may stand around a single date without being part of it.
const PREFIXES: &[&str] = &[
    "accessed ",
    "Accessed ",
    "published ",
    "Published ",
    "updated ",
    "Updated ",
    "公開日：",
    "公開日:",
    "掲載日：",
    "掲載日:",
    "更新日：",
    "更新日:",
    "発行日：",
    "発行日:",
    "投稿日：",
    "投稿日:",
];
const SUFFIXES: &[&str] = &[
    "発行", "刊行", "公開", "掲載", "更新", "発表", "付け", "付", "現在", "時点", "号",
];

fn is_wrapper(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | ')'
                | '（'
                | '）'
                | '['
                | ']'
                | '【'
                | '】'
                | '「'
                | '」'
                | '『'
                | '』'
                | '〔'
                | '〕'
                | '<'
                | '>'
                | '〈'
                | '〉'
                | '・'
                | '•'
                | ','
                | '、'
                | '。'
                | '.'
        )
}

/// Parse one date string against `context`: the whole string, apart from brackets,
/// whitespace and words like `発行` or `accessed`, must be one date.
pub fn parse_with(text: &str, context: &Context) -> Option<Date> {
    let mut t = text.trim_matches(is_wrapper);
    loop {
        let before = t;
        for p in PREFIXES {
            if let Some(rest) = t.strip_prefix(p) {
                t = rest.trim_matches(is_wrapper);
            }
        }
        for s in SUFFIXES {
            if let Some(rest) = t.strip_suffix(s) {
                t = rest.trim_matches(is_wrapper);
            }
        }
        if t == before {
            break;
        }
    }
    if let Some(date) = parse_iso(t) {
        return Some(date);
    }
    let mut scanner = Scanner::new(t, context);
    let hit = scanner.next_hit()?;
    let rest = strip_time(t[hit.end..].trim_matches(is_wrapper)).trim_matches(is_wrapper);
    let weekday_only = rest.chars().count() == 1
        && rest
            .chars()
            .all(|c| matches!(c, '日' | '月' | '火' | '水' | '木' | '金' | '土'));
    (hit.start == 0 && (rest.is_empty() || weekday_only)).then_some(hit.date)
}

/// `rest` without a leading time of day (`10:00`, `T10:00:00`, `10時30分`).
fn strip_time(rest: &str) -> &str {
    let r = rest.strip_prefix('T').unwrap_or(rest);
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let h = digits(r);
    if (1..=2).contains(&h) {
        let after = &r[h..];
        if let Some(m) = after.strip_prefix(':') {
            let mm = digits(m);
            if mm == 2 {
                let mut tail = &m[2..];
                if let Some(sec) = tail.strip_prefix(':') {
                    if digits(sec) == 2 {
                        tail = &sec[2..];
                    }
                }
                return tail;
            }
        }
        if let Some(m) = after.strip_prefix('時') {
            let mm = digits(m);
            return m[mm..].strip_prefix('分').unwrap_or(&m[mm..]);
        }
    }
    rest
}

/// `2024`, `2024-10` (ISO forms the scanner does not take from running text).
fn parse_iso(t: &str) -> Option<Date> {
    let b = t.as_bytes();
    let year = |s: &str| -> Option<i32> {
        (s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match b.len() {
        4 => Some(Date::absolute(Ymd::year(year(t)?))),
        7 if b[4] == b'-' => {
            let m: u8 = t[5..].parse().ok()?;
            let y = year(&t[..4])?;
            (t[5..].bytes().all(|c| c.is_ascii_digit()) && (1..=12).contains(&m))
                .then(|| Date::absolute(Ymd::month(y, m)))
        }
        _ => None,
    }
}

/// Days in `month` of `year` (proleptic Gregorian); 0 for a month outside 1–12.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Every date mention in `text`, in order, in one forward pass. Relative forms are
/// resolved against `context.reference` (`昨年`, `24年`) or the date mentioned
/// last (`同年`, `翌年`, `8月26日`). Without a reference, `昨年` and the like are read
/// against the latest date mentioned so far, with the anchoring `unresolved`;
/// those with nothing to be read against are left out.
pub fn scan<'t>(text: &'t str, context: &Context) -> impl Iterator<Item = DateMention> + 't {
    Scanner::new(text, context)
}

/// The full date as a chrono date, when it is known to the day.
pub fn to_chrono(date: &Date) -> Option<chrono::NaiveDate> {
    if date.end.is_some() {
        return None;
    }
    let v = date.start;
    chrono::NaiveDate::from_ymd_opt(v.year, u32::from(v.month?), u32::from(v.day?))
}

/// The diagnostic codes [`annotate`] adds.
pub const DIAGNOSTIC_CODES: &[&str] = &["date.era_boundary", "date.damaged", "date.unresolved"];

/// Fill `doc.dates` with every date of the text (all blocks), relative dates
/// resolved against the publication date (else the issue date, else the date the
/// text was written), and add a diagnostic for each suspicious date:
/// `date.era_boundary` (an era date outside its era), `date.damaged` (lost
/// characters, with the readings) and `date.unresolved` (a two-digit year or a
/// relative date read without a reference).
pub fn annotate(doc: &mut Document) {
    let meta = &doc.metadata;
    let reference = meta
        .published
        .as_ref()
        .or(meta.issue_date.as_ref())
        .or(meta.written.as_ref())
        .map(|m| m.date.start);
    let context = Context { reference };
    // Annotating twice gives the same document: drop what an earlier run added.
    doc.diagnostics
        .retain(|d| !DIAGNOSTIC_CODES.contains(&d.code.as_str()));
    let lines = LineIndex::new(&doc.text);
    let mut dates = Vec::new();
    for mention in scan(&doc.text, &context) {
        let mut diagnostics = Vec::new();
        if let Some(problem) = era_problem(&mention.date) {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "date.era_boundary",
                format!("「{}」: {problem}", mention.text),
            ));
        }
        if mention.date.damaged {
            let readings: Vec<String> = mention
                .date
                .readings
                .iter()
                .map(|r| format!("{} ({:.2}, {})", r.value.iso(), r.score, r.reason))
                .collect();
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "date.damaged",
                format!(
                    "「{}」 lost characters; read as {}",
                    mention.text,
                    readings.join(" or ")
                ),
            ));
        }
        if let Some(rel) = &mention.date.relative {
            if rel.anchoring == Anchoring::Unresolved {
                diagnostics.push(Diagnostic::new(
                    Severity::Info,
                    "date.unresolved",
                    format!(
                        "「{}」 has no reference date; read as {}",
                        mention.text,
                        mention.date.edtf()
                    ),
                ));
            }
        }
        for mut d in diagnostics {
            d = d.at(mention.span);
            d.line = Some(lines.line(mention.span.start));
            doc.diagnostics.push(d);
        }
        dates.push(mention);
    }
    doc.dates = dates;
}
