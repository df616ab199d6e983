//! Property tests: any model content gives CSV that reads back to the same values.

mod common;

use domei_csv::{Options, Table, write_table};
use domei_model::{Diagnostic, Severity, Spanned};
use proptest::prelude::*;

fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[=+@\\-\t\r\n\",;'{}\\\\ a-z日本語\u{0}\u{feff}]{0,24}",
    ]
}

/// Put `values` into text columns of a fixture document.
fn with_content(values: &[String]) -> domei_model::Document {
    let mut doc = common::policy_paper();
    doc.blocks[5].text = values[0].clone();
    doc.notes[0].text.value = values[1].clone();
    doc.notes[0].references[0].raw = values[2].clone();
    doc.notes[0].references[0].title = Some(Spanned::detached(values[3].clone()));
    doc.metadata.tags = vec![
        Spanned::detached(values[4].clone()),
        Spanned::detached(values[5].clone()),
    ];
    doc.diagnostics.push(Diagnostic::new(
        Severity::Error,
        values[6].clone(),
        values[7].clone(),
    ));
    doc
}

fn read_table(table: Table, doc: &domei_model::Document, excel: bool) -> Vec<csv::StringRecord> {
    let mut out = Vec::new();
    write_table(
        table,
        std::slice::from_ref(doc),
        &mut out,
        &Options::new().excel(excel),
    )
    .unwrap();
    let body = if excel {
        assert!(out.starts_with("\u{feff}".as_bytes()));
        &out[3..]
    } else {
        &out[..]
    };
    let mut reader = csv::ReaderBuilder::new().from_reader(body);
    let width = reader.headers().unwrap().len();
    assert_eq!(width, table.columns().len());
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), width);
            r
        })
        .collect()
}

/// What excel mode makes of `value`: a `'` before a cell a spreadsheet would evaluate.
fn excel_form(value: &str, excel: bool) -> String {
    if excel && domei_csv_needs_prefix(value) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

fn domei_csv_needs_prefix(s: &str) -> bool {
    matches!(
        s.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\0')
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn values_round_trip(values in proptest::collection::vec(nasty(), 8), excel in any::<bool>()) {
        let doc = with_content(&values);
        let paragraphs = read_table(Table::Paragraphs, &doc, excel);
        let row = paragraphs.iter().find(|r| &r[0] == "000_policy:b5").unwrap();
        prop_assert_eq!(row[6].to_string(), excel_form(&values[0], excel));
        let notes = read_table(Table::Notes, &doc, excel);
        prop_assert_eq!(notes[0][4].to_string(), excel_form(&values[1], excel));
        let refs = read_table(Table::References, &doc, excel);
        prop_assert_eq!(refs[0][6].to_string(), excel_form(&values[2], excel));
        prop_assert_eq!(refs[0][7].to_string(), excel_form(&values[3], excel));
        let docs = read_table(Table::Documents, &doc, excel);
        let tags: Vec<String> = serde_json::from_str(&docs[0][23]).unwrap();
        prop_assert_eq!(tags, vec![values[4].clone(), values[5].clone()]);
        let diags = read_table(Table::Diagnostics, &doc, excel);
        let last = diags.last().unwrap();
        prop_assert_eq!(last[3].to_string(), excel_form(&values[6], excel));
        prop_assert_eq!(last[4].to_string(), excel_form(&values[7], excel));
        for table in Table::ALL {
            read_table(table, &doc, excel);
        }
    }

    #[test]
    fn bad_spans_and_ids_never_panic(start in 0usize..10_000, len in 0usize..10_000, block in 0usize..100, id in any::<String>()) {
        let mut doc = common::policy_paper();
        doc.id = id;
        doc.dates[0].span = domei_model::Span { start, end: start + len };
        doc.mentions[0].block = block;
        doc.anchors[0].span = domei_model::Span { start: start + len, end: start };
        doc.notes[1].references[0].repeat = Some(domei_model::Repeat { kind: domei_model::RepeatKind::Ibid, target: Some("n2-r1".into()) });
        for table in Table::ALL {
            let mut out = Vec::new();
            write_table(table, std::slice::from_ref(&doc), &mut out, &Options::default()).unwrap();
        }
    }
}

/// Random content read back by Python's `csv` module and pandas: one batch of
/// documents per run, values compared cell by cell.
#[test]
fn python_and_pandas_read_random_content() {
    use proptest::test_runner::{Config, TestRunner};
    let mut runner = TestRunner::new(Config {
        cases: 4,
        ..Config::default()
    });
    runner
        .run(
            &proptest::collection::vec(proptest::collection::vec(nasty(), 8), 1..12),
            |batch| {
                let docs: Vec<domei_model::Document> = batch
                    .iter()
                    .enumerate()
                    .map(|(i, values)| {
                        let mut d = with_content(values);
                        d.id = format!("doc{i:03}");
                        d
                    })
                    .collect();
                for excel in [false, true] {
                    let dir = std::env::temp_dir()
                        .join(format!("domei-csv-prop-{}-{excel}", std::process::id()));
                    let _ = std::fs::remove_dir_all(&dir);
                    domei_csv::write_dir(&docs, &dir, &Options::new().excel(excel)).unwrap();
                    let expected: Vec<String> =
                        batch.iter().map(|v| excel_form(&v[0], excel)).collect();
                    std::fs::write(
                        dir.join("expected.json"),
                        serde_json::to_string(&expected).unwrap(),
                    )
                    .unwrap();
                    let script = r#"
import csv, json, sys
import pandas as pd
d, excel = sys.argv[1], sys.argv[2] == "1"
enc = "utf-8-sig" if excel else "utf-8"
expected = json.load(open(f"{d}/expected.json", encoding="utf-8"))
with open(f"{d}/paragraphs.csv", newline="", encoding=enc) as f:
    rows = list(csv.DictReader(f, strict=True))
got = [r["text"] for r in rows if r["block_id"].endswith(":b5")]
assert got == expected, (got, expected)
df = pd.read_csv(f"{d}/paragraphs.csv", encoding=enc, dtype=str, keep_default_na=False)
assert len(df) == len(rows)
assert list(df[df["block_id"].str.endswith(":b5")]["text"]) == expected
for name in ["documents", "notes", "references", "diagnostics"]:
    with open(f"{d}/{name}.csv", newline="", encoding=enc) as f:
        n = len(list(csv.reader(f, strict=True))) - 1
    assert n == len(pd.read_csv(f"{d}/{name}.csv", encoding=enc, dtype=str, keep_default_na=False)), name
print("ok")
"#;
                    let out = std::process::Command::new("python3")
                        .arg("-c")
                        .arg(script)
                        .arg(&dir)
                        .arg(if excel { "1" } else { "0" })
                        .output()
                        .expect("python3 with pandas must be installed");
                    prop_assert!(
                        out.status.success(),
                        "{}{}",
                        String::from_utf8_lossy(&out.stdout),
                        String::from_utf8_lossy(&out.stderr)
                    );
                    let _ = std::fs::remove_dir_all(&dir);
                }
                Ok(())
            },
        )
        .unwrap();
}
