//! End to end over the shared seed articles 001, 002 and 003: every date mention of the
//! whole text, relative dates resolved against the publication date, and the
//! diagnostics for damaged dates. Fails when the seeds are missing.

use std::path::PathBuf;

use domei_model::{Document, Entities, Metadata, Source, Ymd};

fn seed(prefix: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the seeds must exist at {}: {e}", dir.display()));
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(prefix) {
            return std::fs::read_to_string(entry.path()).expect("a UTF-8 seed");
        }
    }
    panic!("seed {prefix} missing in {}", dir.display());
}

/// A document as the article parser leaves it: the text and the publication date
/// (the first date of the page header).
fn document(text: String) -> Document {
    let metadata = Metadata {
        published: domei_dates::scan(&text, &domei_dates::Context::default()).next(),
        ..Metadata::default()
    };
    Document {
        format_version: domei_model::FORMAT_VERSION,
        id: "seed".to_string(),
        source: Source::default(),
        text,
        metadata,
        blocks: Vec::new(),
        anchors: Vec::new(),
        notes: Vec::new(),
        dates: Vec::new(),
        mentions: Vec::new(),
        entities: Entities::default(),
        diagnostics: Vec::new(),
    }
}

fn pairs(doc: &Document) -> Vec<(String, String)> {
    doc.dates
        .iter()
        .map(|m| {
            assert_eq!(&doc.text[m.span.start..m.span.end], m.text);
            (m.text.clone(), m.date.edtf())
        })
        .collect()
}

fn expect(doc: &Document, expected: &[(&str, &str)]) {
    let got = pairs(doc);
    let want: Vec<(String, String)> = expected
        .iter()
        .map(|(t, v)| (t.to_string(), v.to_string()))
        .collect();
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "mention {i}");
    }
    assert_eq!(got.len(), want.len(), "{got:#?}");
}

#[test]
fn seed_001_dates() {
    let mut doc = document(seed("001_"));
    assert_eq!(
        doc.metadata.published.as_ref().map(|m| m.date.start),
        Some(Ymd::day(2024, 3, 1))
    );
    domei_dates::annotate(&mut doc);
    expect(
        &doc,
        &[
            ("2024.03.01", "2024-03-01"),
            ("2024年2月", "2024-02"),
            ("2024年2月1日", "2024-02-01"),
            ("昨年11月", "2023-11"),
            ("昨年1113日", "2023-11-13"),
            ("2053年", "2053"),
            ("昨年4月", "2023-04"),
            ("2053年", "2053"),
            ("20196月", "2019-06"),
            ("昨年8月", "2023-08"),
            ("20231113日", "2023-11-13"),
            ("November 13, 2023", "2023-11-13"),
            ("2023128日", "2023-12-08"),
            ("2021930日", "2021-09-30"),
        ],
    );
    let damaged: Vec<&str> = doc
        .dates
        .iter()
        .filter(|m| m.date.damaged)
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(
        damaged,
        [
            "昨年1113日",
            "20196月",
            "20231113日",
            "2023128日",
            "2021930日"
        ]
    );
    let two = doc.dates.iter().find(|m| m.text == "2023128日").unwrap();
    let values: Vec<Ymd> = two.date.readings.iter().map(|r| r.value).collect();
    assert_eq!(values, [Ymd::day(2023, 12, 8), Ymd::day(2023, 1, 28)]);
    let diagnostics = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == "date.damaged")
        .count();
    assert_eq!(diagnostics, 5);
    assert!(
        doc.diagnostics
            .iter()
            .all(|d| d.span.is_some() && d.line.is_some())
    );
    // Annotating again changes nothing.
    let before = doc.clone();
    domei_dates::annotate(&mut doc);
    assert_eq!(doc, before);
}

#[test]
fn seed_003_dates() {
    let mut doc = document(seed("003_"));
    assert_eq!(
        doc.metadata.published.as_ref().map(|m| m.date.start),
        Some(Ymd::day(2024, 10, 27))
    );
    domei_dates::annotate(&mut doc);
    expect(
        &doc,
        &[
            ("2024年10月27日", "2024-10-27"),
            ("24年8月", "2024-08"),
            // `第一段階は1990年代から2000年代にかけて`: one period, like
            // `2003年10月から2006年6月末` below (two mentions before today's change).
            ("1990年代から2000年代", "1990/2009"),
            ("2010年代", "2010/2019"),
            ("1977年", "1977"),
            ("1979年", "1979"),
            ("1981年", "1981"),
            ("1983年", "1983"),
            ("1987年12月", "1987-12"),
            ("1991年6月", "1991-06"),
            ("1990年代", "1990/1999"),
            ("1991年", "1991"),
            ("1992年", "1992"),
            ("2001年", "2001"),
            ("同年秋", "2001-23"),
            ("2003年", "2003"),
            ("2003年10月から2006年6月末", "2003-10/2006-06"),
            ("2003年から08年", "2003/2008"),
            ("2006年5月", "2006-05"),
            ("2001年11月", "2001-11"),
            ("06年11月", "2006-11"),
            ("2007年1月", "2007-01"),
            ("同年1月9日", "2007-01-09"),
            ("2009年", "2009"),
            ("前年", "2008"),
            ("2010年6月", "2010-06"),
            ("2012年5月", "2012-05"),
            ("2013年半ば", "2013"),
            ("2014年末", "2014"),
            ("2015年", "2015"),
            ("7月", "2012-07"),
            ("2013年1月", "2013-01"),
            ("4月", "2013-04"),
            ("2014年", "2014"),
            ("2014年5月", "2014-05"),
            ("9月", "2014-09"),
            ("11月", "2014-11"),
            ("2015", "2015"),
            ("16年", "2016"),
            ("19年", "2019"),
            ("2017年", "2017"),
            ("2018年", "2018"),
            ("20年", "2020"),
            ("18年", "2018"),
            ("20年", "2020"),
            ("2019年", "2019"),
            ("2019年", "2019"),
            ("2020年12月", "2020-12"),
            ("21年3月", "2021-03"),
            ("2022年2月", "2022-02"),
            ("22年4月", "2022-04"),
            ("6月", "2022-06"),
            ("2023年1月", "2023-01"),
            ("2023年1月", "2023-01"),
            ("前年12月", "2022-12"),
            ("2014年", "2014"),
            ("2018年5月", "2018-05"),
            ("2020年6月", "2020-06"),
            ("23年度", "2023-04/2024-03"),
            ("23年7月", "2023-07"),
            ("2023〜26年", "2023/2026"),
            ("23年7月", "2023-07"),
            ("24年7月", "2024-07"),
            ("21年", "2021"),
            ("23年", "2023"),
            ("2022年", "2022"),
            ("23年", "2023"),
            ("一昨年", "2022"),
            ("昨年", "2023"),
            ("24年8月", "2024-08"),
            ("9月", "2024-09"),
            ("24年10月", "2024-10"),
            ("22年", "2022"),
            ("8月26日", "2024-08-26"),
            ("8月31日", "2024-08-31"),
            ("9月18日", "2024-09-18"),
            ("2024年10月21日", "2024-10-21"),
            ("2024年7月29日", "2024-07-29"),
        ],
    );
    assert!(doc.diagnostics.is_empty(), "{:#?}", doc.diagnostics);
}

/// Seed 002 has no publication date: bare months follow the narrative (2022), and a
/// look back to 2019 in an earlier paragraph does not move it (`8月の決定`).
#[test]
fn seed_002_dates() {
    let mut doc = document(seed("002_"));
    doc.metadata.published = None;
    domei_dates::annotate(&mut doc);
    expect(
        &doc,
        &[
            ("2022 年", "2022"),
            ("6月", "2022-06"),
            ("2006年", "2006"),
            ("12月28日", "2022-12-28"),
            ("5月", "2022-05"),
            ("2019年", "2019"),
            ("2027年", "2027"),
            ("2019年", "2019"),
            ("8月", "2022-08"),
        ],
    );
}
