//! Japanese eras: names, first years and exact boundaries.

use domei_model::{Date, Era, Precision, Ymd};

/// One era: its value, its name, its one-letter abbreviation, its first and last day.
struct EraRow {
    era: Era,
    name: &'static str,
    letter: char,
    first: Ymd,
    last: Ymd,
}

/// An era row from its first and last day as `(year, month, day)`.
const fn row(
    era: Era,
    name: &'static str,
    letter: char,
    first: (i32, u8, u8),
    last: (i32, u8, u8),
) -> EraRow {
    EraRow {
        era,
        name,
        letter,
        first: Ymd::day(first.0, first.1, first.2),
        last: Ymd::day(last.0, last.1, last.2),
    }
}

/// First and last day of each era (the day an era began is its first day; the
/// previous era ended the day before).
const ERAS: &[EraRow] = &[
    row(Era::Meiji, "明治", 'M', (1868, 1, 25), (1912, 7, 29)),
    row(Era::Taisho, "大正", 'T', (1912, 7, 30), (1926, 12, 24)),
    row(Era::Showa, "昭和", 'S', (1926, 12, 25), (1989, 1, 7)),
    row(Era::Heisei, "平成", 'H', (1989, 1, 8), (2019, 4, 30)),
    row(Era::Reiwa, "令和", 'R', (2019, 5, 1), (9999, 12, 31)),
];

fn find(era: Era) -> Option<&'static EraRow> {
    ERAS.iter().find(|e| e.era == era)
}

/// The era whose name is at byte `i` of `s`, with the name's length.
pub(crate) fn era_name_at(s: &str, i: usize) -> Option<(Era, usize)> {
    ERAS.iter()
        .find(|e| crate::text::at(s, i, e.name))
        .map(|e| (e.era, e.name.len()))
}

/// The era of a one-letter abbreviation (`R`, `H`, `S`, `T`, `M`).
pub(crate) fn era_of_letter(c: char) -> Option<Era> {
    ERAS.iter().find(|e| e.letter == c).map(|e| e.era)
}

/// The Japanese name of an era (`令和`).
pub fn era_name(era: Era) -> &'static str {
    find(era).map_or("", |e| e.name)
}

/// First and last day of an era.
pub fn era_bounds(era: Era) -> (Ymd, Ymd) {
    find(era).map_or((Ymd::year(0), Ymd::year(0)), |e| (e.first, e.last))
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
