//! The CSV tables of the five seed articles, as the pipeline models them.
//!
//! `tests/seeds/seeds.jsonl` is a snapshot of `domei parse /work/shared/seeds/*.txt`
//! (one document per line); it is model input here, so these tests exercise the
//! exporter on real articles without depending on the parsers' crates. Regenerate it
//! when the parsers change, then the golden files with `DOMEI_BLESS=1`.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use domei_csv::{Options, Table, write_dir, write_table};
use domei_model::Document;

fn seeds() -> Vec<Document> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seeds/seeds.jsonl");
    domei_tests::files::documents_jsonl(&path)
}

#[test]
fn golden_files_of_the_seeds() {
    let docs = seeds();
    assert_eq!(docs.len(), 5);
    let bless = std::env::var_os("DOMEI_BLESS").is_some();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/seeds");
    if bless {
        std::fs::create_dir_all(&golden).unwrap();
    }
    for table in Table::ALL {
        let mut out = Vec::new();
        write_table(table, &docs, &mut out, &Options::default()).unwrap();
        let path = golden.join(table.file_name());
        if bless {
            std::fs::write(&path, &out).unwrap();
        } else {
            let want = std::fs::read(&path)
                .unwrap_or_else(|e| panic!("{path:?}: {e} (run with DOMEI_BLESS=1)"));
            assert!(want == out, "{} differs from {path:?}", table.name());
        }
    }
}

#[test]
fn python_and_pandas_read_the_seed_tables() {
    let docs = seeds();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for table in Table::ALL {
        let mut out = Vec::new();
        write_table(table, &docs, &mut out, &Options::default()).unwrap();
        let mut reader = csv::Reader::from_reader(&out[..]);
        let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap();
        let n = rows.len();
        counts.insert(table.name(), n);
    }
    let refs: usize = docs
        .iter()
        .flat_map(|d| &d.notes)
        .map(|n| n.references.len())
        .sum();
    assert_eq!(counts["references"], refs);
    assert_eq!(
        counts["mentions"],
        docs.iter().map(|d| d.mentions.len()).sum::<usize>()
    );
    assert!(
        counts["mentions"] > 100 && counts["notes"] >= 25 && counts["dates"] > 50,
        "{counts:?}"
    );
    for excel in [false, true] {
        let dir =
            std::env::temp_dir().join(format!("domei-csv-seeds-{}-{excel}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        write_dir(&docs, &dir, &Options::new().excel(excel)).unwrap();
        let script = r#"
import csv, json, sys
import pandas as pd
d, excel, counts = sys.argv[1], sys.argv[2] == "1", json.loads(sys.argv[3])
enc = "utf-8-sig" if excel else "utf-8"
f = {}
for name, n in counts.items():
    with open(f"{d}/{name}.csv", newline="", encoding=enc) as fh:
        rows = list(csv.reader(fh, strict=True))
    assert len(rows) - 1 == n, (name, len(rows) - 1, n)
    f[name] = pd.read_csv(f"{d}/{name}.csv", encoding=enc, dtype=str, keep_default_na=False)
    assert len(f[name]) == n, name
m = f["mentions"].merge(f["paragraphs"][["block_id", "kind"]], on="block_id", how="inner")
assert len(m) == len(f["mentions"]), "mentions -> paragraphs"
r = f["references"].merge(f["notes"][["note_id"]], on="note_id", how="inner")
assert len(r) == len(f["references"]), "references -> notes"
full = f["references"]["full_reference_id"]
assert full[full != ""].isin(f["references"]["reference_id"]).all(), "full references"
a = f["anchors"].assign(note_id=f["anchors"]["note_ids"].str.split(" ")).explode("note_id")
a = a[a["note_id"].notna() & (a["note_id"] != "")]
assert a["note_id"].isin(f["notes"]["note_id"]).all(), "anchors -> notes"
d = f["dates"].merge(f["paragraphs"][["block_id"]], on="block_id", how="inner")
assert len(d) == len(f["dates"]), "dates -> paragraphs"
print("ok")
"#;
        let out = Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(&dir)
            .arg(if excel { "1" } else { "0" })
            .arg(serde_json::to_string(&counts).unwrap())
            .output()
            .expect("python3 with pandas must be installed");
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
