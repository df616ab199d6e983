//! Writing dates back in the Japanese forms the scanner reads.

use domei_model::{Date, DatePart, Era, Precision, Season, Ymd};

use crate::era::{era_bounds, era_name};

fn year_ja(year: i32, era: Option<Era>) -> String {
    match era {
        Some(era) => {
            let n = year - era_bounds(era).0.year + 1;
            if n == 1 {
                format!("{}元年", era_name(era))
            } else {
                format!("{}{n}年", era_name(era))
            }
        }
        None => format!("{year}年"),
    }
}

fn ymd_ja(v: Ymd, era: Option<Era>) -> String {
    let mut s = year_ja(v.year, era);
    if let Some(m) = v.month {
        s.push_str(&format!("{m}月"));
        if let Some(d) = v.day {
            s.push_str(&format!("{d}日"));
        }
    }
    s
}

fn part_ja(part: DatePart) -> &'static str {
    match part {
        DatePart::EarlyMonth => "上旬",
        DatePart::MidMonth => "中旬",
        DatePart::LateMonth => "下旬",
        DatePart::YearStart => "初頭",
        DatePart::YearEnd => "末",
        DatePart::FirstHalf => "前半",
        DatePart::SecondHalf => "後半",
    }
}

/// The date in the Japanese form the scanner reads back: `2024年10月27日`,
/// `令和元年5月1日`, `2024年度`, `2023年冬`, `2024年10月上旬`, `2014年5月〜2018年5月`,
/// `1990年代`. Relative dates are written as their resolved value.
pub fn format_ja(date: &Date) -> String {
    let era = date.era;
    match date.precision {
        Precision::FiscalYear => format!("{}度", year_ja(date.start.year, era)),
        Precision::Season => {
            let season = match date.season {
                Some(Season::Spring) => "春",
                Some(Season::Summer) => "夏",
                Some(Season::Autumn) => "秋",
                Some(Season::Winter) => "冬",
                None => "",
            };
            format!("{}{season}", year_ja(date.start.year, era))
        }
        Precision::Range => {
            let end = date.end.unwrap_or(date.start);
            if era.is_none()
                && date.start.month.is_none()
                && end.month.is_none()
                && date.start.year % 10 == 0
                && end.year == date.start.year + 9
            {
                let mut s = format!("{}年代", date.start.year);
                if let Some(p) = date.part {
                    s.push_str(part_ja(p));
                }
                return s;
            }
            format!("{}〜{}", ymd_ja(date.start, era), ymd_ja(end, era))
        }
        _ => {
            let mut s = ymd_ja(date.start, era);
            if let Some(p) = date.part {
                s.push_str(part_ja(p));
            }
            s
        }
    }
}
