//! Japanese eras: names, first years and exact boundaries.

use domei_model::{Date, Era, Precision, Ymd};

/// First and last day of each era (the day an era began is its first day; the
/// previous era ended the day before).
const ERAS: &[(Era, &str, char, Ymd, Ymd)] = &[
    (
        Era::Meiji,
        "明治",
        'M',
        Ymd::day(1868, 1, 25),
        Ymd::day(1912, 7, 29),
    ),
    (
        Era::Taisho,
        "大正",
        'T',
        Ymd::day(1912, 7, 30),
        Ymd::day(1926, 12, 24),
    ),
    (
        Era::Showa,
        "昭和",
        'S',
        Ymd::day(1926, 12, 25),
        Ymd::day(1989, 1, 7),
    ),
    (
        Era::Heisei,
        "平成",
        'H',
        Ymd::day(1989, 1, 8),
        Ymd::day(2019, 4, 30),
    ),
    (
        Era::Reiwa,
        "令和",
        'R',
        Ymd::day(2019, 5, 1),
        Ymd::day(9999, 12, 31),
    ),
];

/// The era whose name is at byte `i` of `s`, with the name's length.
pub(crate) fn era_name_at(s: &str, i: usize) -> Option<(Era, usize)> {
    ERAS.iter()
        .find(|e| crate::text::at(s, i, e.1))
        .map(|e| (e.0, e.1.len()))
}

/// The era of a one-letter abbreviation (`R`, `H`, `S`, `T`, `M`).
pub(crate) fn era_of_letter(c: char) -> Option<Era> {
    ERAS.iter().find(|e| e.2 == c).map(|e| e.0)
}

/// The Japanese name of an era (`令和`).
pub fn era_name(era: Era) -> &'static str {
    ERAS.iter().find(|e| e.0 == era).map_or("", |e| e.1)
}

/// First and last day of an era.
pub fn era_bounds(era: Era) -> (Ymd, Ymd) {
    ERAS.iter()
        .find(|e| e.0 == era)
        .map_or((Ymd::year(0), Ymd::year(0)), |e| (e.3, e.4))
}

/// The Gregorian year of year `n` of `era` (元年 is 1).
pub fn gregorian_year(era: Era, n: i32) -> i32 {
    era_bounds(era).0.year + n - 1
}

/// The first and the last day a value at its precision may mean.
pub(crate) fn first_last(v: Ymd) -> (Ymd, Ymd) {
    match (v.month, v.day) {
        (Some(m), Some(d)) => (Ymd::day(v.year, m, d), Ymd::day(v.year, m, d)),
        (Some(m), None) => (
            Ymd::day(v.year, m, 1),
            Ymd::day(v.year, m, crate::days_in_month(v.year, m)),
        ),
        _ => (Ymd::day(v.year, 1, 1), Ymd::day(v.year, 12, 31)),
    }
}

/// Why an era date cannot be right: it lies wholly outside its era
/// (`平成31年5月1日`, `令和元年4月`). `None` for dates that fit, and for non-era dates.
pub fn era_problem(date: &Date) -> Option<String> {
    let era = date.era?;
    let (era_first, era_last) = era_bounds(era);
    let (first, _) = first_last(date.start);
    let value = date.end.unwrap_or(date.start);
    let (_, last) = first_last(if date.precision == Precision::FiscalYear {
        date.start
    } else {
        value
    });
    let name = era_name(era);
    if last < era_first {
        Some(format!(
            "{} is before the {name} era began on {}",
            date.edtf(),
            era_first.iso()
        ))
    } else if first > era_last {
        Some(format!(
            "{} is after the {name} era ended on {}",
            date.edtf(),
            era_last.iso()
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        assert_eq!(gregorian_year(Era::Reiwa, 1), 2019);
        assert_eq!(gregorian_year(Era::Heisei, 31), 2019);
        assert_eq!(gregorian_year(Era::Showa, 64), 1989);
        let d = |era, v| Date {
            era: Some(era),
            ..Date::absolute(v)
        };
        assert!(era_problem(&d(Era::Heisei, Ymd::day(2019, 5, 1))).is_some());
        assert!(era_problem(&d(Era::Heisei, Ymd::day(2019, 4, 30))).is_none());
        assert!(era_problem(&d(Era::Reiwa, Ymd::day(2019, 5, 1))).is_none());
        assert!(era_problem(&d(Era::Reiwa, Ymd::month(2019, 4))).is_some());
        assert!(era_problem(&d(Era::Reiwa, Ymd::year(2019))).is_none());
    }
}
