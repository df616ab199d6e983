//! Dates as the texts write them: a value, its precision, how it was written, and
//! whether the text was damaged.
//!
//! The parsing lives in `domei-dates`; this module only holds the values and the
//! conversions that need no parsing (EDTF strings, CSL-JSON date-parts).

use serde::{Deserialize, Serialize};

use crate::Span;

/// A calendar point at year, month or day precision.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Ymd {
    /// Proleptic Gregorian year.
    pub year: i32,
    /// Month 1–12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// Day 1–31 (only with a month).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
}

impl Ymd {
    /// A year.
    pub const fn year(year: i32) -> Ymd {
        Ymd {
            year,
            month: None,
            day: None,
        }
    }

    /// A month of a year.
    pub const fn month(year: i32, month: u8) -> Ymd {
        Ymd {
            year,
            month: Some(month),
            day: None,
        }
    }

    /// A full date.
    pub const fn day(year: i32, month: u8, day: u8) -> Ymd {
        Ymd {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// ISO 8601 at this value's precision: `2024`, `2024-10`, `2024-10-27`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }

    /// CSL-JSON date-parts: `[2024]`, `[2024, 10]`, `[2024, 10, 27]`.
    pub fn date_parts(&self) -> Vec<i32> {
        let mut parts = vec![self.year];
        if let Some(m) = self.month {
            parts.push(i32::from(m));
            if let Some(d) = self.day {
                parts.push(i32::from(d));
            }
        }
        parts
    }
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A year.
    Year,
    /// A month.
    Month,
    /// A day.
    #[default]
    Day,
    /// A season of a year (`2023年冬`, `Winter 2023/24`).
    Season,
    /// A Japanese fiscal year, April to March (`2024年度`).
    FiscalYear,
    /// A range from `start` to `end`.
    Range,
}

/// How a date was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// A Gregorian date written out (`2024年10月27日`, `2024.03.01`, `July 10, 2024`).
    #[default]
    Absolute,
    /// A Japanese era date (`令和6年`, `R6.10.27`).
    Era,
    /// A date relative to another (`昨年11月`, `同年3月`, `24年8月`).
    Relative,
    /// A fiscal year (`2024年度`).
    Fiscal,
    /// A range (`2023〜26年`, `2014年5月〜2018年5月`).
    Range,
}

/// A season.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Season {
    /// 春, Spring.
    Spring,
    /// 夏, Summer.
    Summer,
    /// 秋, Autumn/Fall.
    Autumn,
    /// 冬, Winter.
    Winter,
}

impl Season {
    /// The EDTF level-1 month code of the season (21–24).
    pub const fn edtf_code(self) -> u8 {
        match self {
            Season::Spring => 21,
            Season::Summer => 22,
            Season::Autumn => 23,
            Season::Winter => 24,
        }
    }
}

/// A part of a month or year (`上旬`, `年末`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePart {
    /// 上旬, the first ten days of a month.
    EarlyMonth,
    /// 中旬, the middle ten days of a month.
    MidMonth,
    /// 下旬, the last days of a month.
    LateMonth,
    /// 年初, 年頭, the start of a year.
    YearStart,
    /// 年末, the end of a year.
    YearEnd,
    /// 前半, 上半期, the first half.
    FirstHalf,
    /// 後半, 下半期, the second half.
    SecondHalf,
}

/// A Japanese era.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Era {
    /// 明治 (1868–1912).
    Meiji,
    /// 大正 (1912–1926).
    Taisho,
    /// 昭和 (1926–1989).
    Showa,
    /// 平成 (1989–2019).
    Heisei,
    /// 令和 (2019–).
    Reiwa,
}

/// What a relative date was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchoring {
    /// The document's publication (or reference) date: 昨年, 今年, 24年.
    Reference,
    /// The date mentioned last before it: 同年, 同月, 翌年.
    PreviousMention,
    /// Nothing to resolve against; the value is a guess or missing.
    Unresolved,
}

/// The relative form of a date, kept beside its resolved value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Relative {
    /// The relative expression as written (`昨年`, `同年`, `24年`).
    pub expression: String,
    /// What it was resolved against.
    pub anchoring: Anchoring,
    /// The date it was resolved against, when there was one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub against: Option<Ymd>,
}

/// One possible reading of a damaged date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    /// The value under this reading.
    pub value: Ymd,
    /// Rank score in `0.0..=1.0`; readings are sorted best first.
    pub score: f32,
    /// Why this reading, in a few words.
    pub reason: String,
}

/// A date value: a point or a range, with its precision and how it was written.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Date {
    /// The date, or the start of a range.
    pub start: Ymd,
    /// The end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Ymd>,
    /// How precisely it is known.
    pub precision: Precision,
    /// How it was written.
    pub kind: DateKind,
    /// The season, for season precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub season: Option<Season>,
    /// A part of the month or year (上旬, 年末).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<DatePart>,
    /// The era, for era dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub era: Option<Era>,
    /// The relative form, for dates resolved against another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relative: Option<Relative>,
    /// True when the text lost characters (`20231113日`); `readings` then lists the candidates.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub damaged: bool,
    /// Every reading of a damaged date, best first; the first is `start`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
}

impl Date {
    /// A plain Gregorian date at the precision of `value`.
    pub fn absolute(value: Ymd) -> Date {
        let precision = match (value.month, value.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        };
        Date {
            start: value,
            precision,
            ..Date::default()
        }
    }

    /// EDTF (ISO 8601-2) form at this date's precision: `2024`, `2024-10`, `2024-10-27`,
    /// `2023-24` for Winter 2023, `2023/2026` for a range.
    pub fn edtf(&self) -> String {
        if let Some(end) = &self.end {
            return format!("{}/{}", self.start.iso(), end.iso());
        }
        if let (Precision::Season, Some(season)) = (self.precision, self.season) {
            return format!("{:04}-{}", self.start.year, season.edtf_code());
        }
        self.start.iso()
    }

    /// CSL-JSON `date-parts`: `[[2024, 10, 27]]` for a point, `[[2014, 5], [2018, 5]]`
    /// for a range or a fiscal year (the season of a season date goes in CSL's
    /// separate `season` field).
    pub fn csl_date_parts(&self) -> Vec<Vec<i32>> {
        let mut parts = vec![self.start.date_parts()];
        if let Some(end) = &self.end {
            parts.push(end.date_parts());
        }
        parts
    }

    /// True when the date spans from `start` to `end` (a range or a fiscal year).
    pub fn is_interval(&self) -> bool {
        self.end.is_some()
    }
}

/// A date found in the text: where, as written, and its value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// Where it stands.
    pub span: Span,
    /// The text as written.
    pub text: String,
    /// Its value.
    pub date: Date,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edtf_at_precision() {
        assert_eq!(Date::absolute(Ymd::year(2024)).edtf(), "2024");
        assert_eq!(Date::absolute(Ymd::month(2024, 3)).edtf(), "2024-03");
        assert_eq!(Date::absolute(Ymd::day(2024, 10, 27)).edtf(), "2024-10-27");
        let winter = Date {
            precision: Precision::Season,
            season: Some(Season::Winter),
            ..Date::absolute(Ymd::year(2023))
        };
        assert_eq!(winter.edtf(), "2023-24");
        let range = Date {
            end: Some(Ymd::year(2026)),
            precision: Precision::Range,
            kind: DateKind::Range,
            ..Date::absolute(Ymd::year(2023))
        };
        assert_eq!(range.edtf(), "2023/2026");
        assert_eq!(Ymd::day(2024, 1, 2).date_parts(), vec![2024, 1, 2]);
        assert_eq!(range.csl_date_parts(), vec![vec![2023], vec![2026]]);
        assert!(range.is_interval());
        assert_eq!(
            Date::absolute(Ymd::month(2024, 3)).csl_date_parts(),
            vec![vec![2024, 3]]
        );
    }
}
