//! Property tests: every date we format parses back to itself, nothing panics, and
//! spans are ordered, disjoint char boundaries inside the text.

use domei_dates::{Context, days_in_month, era_bounds, format_ja, parse, scan};
use domei_model::{Date, DateKind, DatePart, Era, Precision, Season, Ymd};
use proptest::prelude::*;

fn ymd() -> impl Strategy<Value = Ymd> {
    (1000i32..2200, 1u8..=12, 1u8..=31, 0u8..3).prop_map(|(y, m, d, p)| match p {
        0 => Ymd::year(y),
        1 => Ymd::month(y, m),
        _ => Ymd::day(y, m, d.min(days_in_month(y, m))),
    })
}

fn precision_of(v: Ymd) -> Precision {
    Date::absolute(v).precision
}

fn absolute() -> impl Strategy<Value = Date> {
    ymd().prop_map(Date::absolute)
}

fn with_part() -> impl Strategy<Value = Date> {
    (1000i32..2200, 1u8..=12, 0usize..7).prop_map(|(y, m, p)| {
        let parts = [
            DatePart::EarlyMonth,
            DatePart::MidMonth,
            DatePart::LateMonth,
            DatePart::YearStart,
            DatePart::YearEnd,
            DatePart::FirstHalf,
            DatePart::SecondHalf,
        ];
        let part = parts[p];
        let start = if p < 3 {
            Ymd::month(y, m)
        } else {
            Ymd::year(y)
        };
        Date {
            part: Some(part),
            ..Date::absolute(start)
        }
    })
}

fn fiscal() -> impl Strategy<Value = Date> {
    (1000i32..2199).prop_map(|y| Date {
        start: Ymd::month(y, 4),
        end: Some(Ymd::month(y + 1, 3)),
        precision: Precision::FiscalYear,
        kind: DateKind::Fiscal,
        ..Date::default()
    })
}

fn season() -> impl Strategy<Value = Date> {
    (1000i32..2200, 0usize..4).prop_map(|(y, s)| Date {
        precision: Precision::Season,
        season: Some(
            [
                Season::Spring,
                Season::Summer,
                Season::Autumn,
                Season::Winter,
            ][s],
        ),
        ..Date::absolute(Ymd::year(y))
    })
}

fn range() -> impl Strategy<Value = Date> {
    (ymd(), 0i32..150, 1u8..=12, 1u8..=31).prop_filter_map("ordered", |(a, span, m, d)| {
        let year = a.year + span;
        if year > 2199 {
            return None;
        }
        // The end at the same precision as the start.
        let b = match precision_of(a) {
            Precision::Year => Ymd::year(year),
            Precision::Month => Ymd::month(year, m),
            _ => Ymd::day(year, m, d.min(days_in_month(year, m))),
        };
        if b <= a {
            return None;
        }
        Some(Date {
            end: Some(b),
            precision: Precision::Range,
            kind: DateKind::Range,
            ..Date::absolute(a)
        })
    })
}

fn era_date() -> impl Strategy<Value = Date> {
    (0usize..5, 0i32..70, 1u8..=12, 1u8..=31, 0u8..3).prop_filter_map(
        "inside the era",
        |(e, offset, m, d, p)| {
            let era = [Era::Meiji, Era::Taisho, Era::Showa, Era::Heisei, Era::Reiwa][e];
            let (first, last) = era_bounds(era);
            let year = first.year + offset;
            if year > last.year.min(2199) {
                return None;
            }
            let v = match p {
                0 => Ymd::year(year),
                1 => Ymd::month(year, m),
                _ => Ymd::day(year, m, d.min(days_in_month(year, m))),
            };
            Some(Date {
                era: Some(era),
                kind: DateKind::Era,
                ..Date::absolute(v)
            })
        },
    )
}

fn any_date() -> impl Strategy<Value = Date> {
    prop_oneof![
        absolute(),
        with_part(),
        fiscal(),
        season(),
        range(),
        era_date()
    ]
}

/// Characters that make up dates, to reach the scanner's corners.
fn datey() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "0",
        "1",
        "2",
        "9",
        "12",
        "24",
        "2023",
        "20231113",
        "１",
        "２０２４",
        "〇",
        "一",
        "十",
        "二十",
        "年",
        "月",
        "日",
        "度",
        "代",
        "末",
        "春",
        "冬",
        "上旬",
        "半ば",
        "間",
        "周年",
        "〜",
        "～",
        "から",
        "まで",
        "-",
        "/",
        ".",
        ",",
        "、",
        "。",
        "(",
        ")",
        "（",
        "）",
        " ",
        "\n",
        "昨年",
        "一昨年",
        "今年",
        "来年",
        "先月",
        "同年",
        "同月",
        "同日",
        "翌年",
        "翌日",
        "前年",
        "令和",
        "平成",
        "昭和",
        "元年",
        "R",
        "H",
        "July ",
        "Jan. ",
        "Winter ",
        "accessed ",
        "第",
        "約",
        "の",
        "と",
        "は",
        "ア",
        "漢",
        "é",
        "🎌",
        "年末",
        "年初",
        "翌",
        "会計年度",
        "四半期",
        "'",
        "’",
        "from ",
        " to ",
        "between ",
        " and ",
        "in ",
        "s",
        "–",
        "October ",
        "pp. ",
        "の夏",
        "前後",
        "上期",
        "99",
        "FY",
        "Ｒ",
        "Ｈ",
        "．",
        "に開催",
        "現在",
        "倍",
        "\n2019年に",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

fn check_spans(text: &str, context: &Context) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for m in scan(text, context) {
        prop_assert!(m.span.start <= m.span.end);
        prop_assert!(m.span.start >= last_end, "overlap in {text:?}");
        prop_assert!(m.span.end <= text.len());
        prop_assert!(text.is_char_boundary(m.span.start));
        prop_assert!(text.is_char_boundary(m.span.end));
        prop_assert_eq!(&text[m.span.start..m.span.end], m.text.as_str());
        if m.date.damaged {
            prop_assert!(!m.date.readings.is_empty());
            prop_assert_eq!(m.date.readings[0].value, m.date.start);
        }
        last_end = m.span.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn formatted_dates_parse_back(date in any_date()) {
        let written = format_ja(&date);
        prop_assert_eq!(parse(&written), Some(date.clone()), "{}", written);
    }

    #[test]
    fn iso_dates_parse_back(v in ymd()) {
        let date = Date::absolute(v);
        prop_assert_eq!(parse(&date.edtf()), Some(date));
    }

    #[test]
    fn scanning_any_string_is_safe(text in any::<String>(), r in prop::option::of(ymd())) {
        check_spans(&text, &Context { reference: r })?;
        let _ = parse(&text);
    }

    #[test]
    fn scanning_date_like_strings_is_safe(text in datey(), r in prop::option::of(ymd())) {
        check_spans(&text, &Context { reference: r })?;
        let _ = parse(&text);
    }

    #[test]
    fn a_date_in_running_text_is_found_with_its_span(
        date in any_date(),
        before in "[あ-ん]{0,6}",
        after in "[あ-ん]{0,6}",
    ) {
        let written = format_ja(&date);
        let text = format!("{before}。{written}、{after}");
        let found: Vec<_> = scan(&text, &Context::default()).collect();
        prop_assert_eq!(found.len(), 1, "{}", text);
        prop_assert_eq!(&found[0].text, &written);
        prop_assert_eq!(&found[0].date, &date);
    }
}
