//! The CSV tables on hand-made documents: golden files, read-back with the csv crate,
//! Python's `csv` module and pandas, row counts and joins.

mod common;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use domei_csv::{Options, Table, write_dir, write_table};
use domei_model::Document;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("domei-csv-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Read a table back with the csv crate: header and rows as maps.
fn read(path: &Path, excel: bool) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let bytes = std::fs::read(path).unwrap();
    let body = if excel {
        assert!(bytes.starts_with("\u{feff}".as_bytes()), "BOM in {path:?}");
        &bytes[3..]
    } else {
        &bytes[..]
    };
    let mut reader = csv::ReaderBuilder::new().from_reader(body);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), header.len(), "row width in {path:?}");
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    (header, rows)
}

fn expected_counts(docs: &[Document]) -> HashMap<&'static str, usize> {
    let refs: usize = docs
        .iter()
        .flat_map(|d| &d.notes)
        .map(|n| n.references.len())
        .sum();
    let ref_people: usize = docs
        .iter()
        .flat_map(|d| &d.notes)
        .flat_map(|n| &n.references)
        .map(|r| r.authors.len() + r.editors.len() + r.translators.len())
        .sum();
    let sum = |f: &dyn Fn(&Document) -> usize| docs.iter().map(f).sum::<usize>();
    HashMap::from([
        ("documents", docs.len()),
        ("authors", sum(&|d| d.metadata.authors.len())),
        ("sections", sum(&|d| d.sections().len())),
        (
            "paragraphs",
            sum(&|d| {
                d.blocks
                    .iter()
                    .filter(|b| b.kind != domei_model::BlockKind::Blank)
                    .count()
            }),
        ),
        ("notes", sum(&|d| d.notes.len())),
        ("anchors", sum(&|d| d.anchors.len())),
        ("references", refs),
        ("reference_authors", ref_people),
        ("dates", sum(&|d| d.dates.len())),
        ("mentions", sum(&|d| d.mentions.len())),
        ("actors", sum(&|d| d.entities.actors.len())),
        ("alliances", sum(&|d| d.entities.alliances.len())),
        ("agreements", sum(&|d| d.entities.agreements.len())),
        ("agreement_events", sum(&|d| d.entities.events.len())),
        ("diagnostics", sum(&|d| d.diagnostics.len())),
    ])
}

#[test]
fn golden_files() {
    let docs = common::documents();
    let bless = std::env::var_os("DOMEI_BLESS").is_some();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for (excel, suffix) in [(false, ""), (true, ".excel")] {
        for table in Table::ALL {
            let mut out = Vec::new();
            write_table(table, &docs, &mut out, &Options::new().excel(excel)).unwrap();
            let path = golden.join(format!("{}{suffix}.csv", table.name()));
            if bless {
                std::fs::write(&path, &out).unwrap();
            } else {
                let want = std::fs::read(&path)
                    .unwrap_or_else(|e| panic!("{path:?}: {e} (run with DOMEI_BLESS=1)"));
                assert!(want == out, "{} differs from {path:?}", table.name());
            }
        }
    }
}

#[test]
fn written_files_read_back_with_the_csv_crate() {
    let docs = common::documents();
    let dir = temp_dir("readback");
    let paths = write_dir(&docs, &dir, &Options::default()).unwrap();
    assert_eq!(paths.len(), 15);
    let counts = expected_counts(&docs);
    let mut tables = HashMap::new();
    for (table, path) in Table::ALL.iter().zip(&paths) {
        assert_eq!(
            path.file_name().unwrap().to_str().unwrap(),
            table.file_name()
        );
        let (header, rows) = read(path, false);
        let names: Vec<&str> = table.columns().iter().map(|c| c.name).collect();
        assert_eq!(header, names, "header of {}", table.name());
        assert_eq!(rows.len(), counts[table.name()], "rows of {}", table.name());
        assert!(!rows.is_empty(), "fixture leaves {} empty", table.name());
        tables.insert(table.name(), rows);
    }
    let ids = |t: &str, col: &str| -> HashSet<String> {
        tables[t].iter().map(|r| r[col].clone()).collect()
    };
    // Ids are unique.
    for (t, col) in [
        ("documents", "document_id"),
        ("paragraphs", "block_id"),
        ("notes", "note_id"),
        ("references", "reference_id"),
        ("sections", "section_id"),
        ("dates", "date_id"),
        ("mentions", "mention_id"),
    ] {
        assert_eq!(ids(t, col).len(), tables[t].len(), "unique {t}.{col}");
    }
    // Joins.
    let docs_ids = ids("documents", "document_id");
    for t in [
        "authors",
        "sections",
        "paragraphs",
        "notes",
        "anchors",
        "references",
        "reference_authors",
        "dates",
        "mentions",
        "actors",
        "alliances",
        "agreements",
        "agreement_events",
        "diagnostics",
    ] {
        for r in &tables[t] {
            assert!(docs_ids.contains(&r["document_id"]), "{t} joins documents");
        }
    }
    let blocks = ids("paragraphs", "block_id");
    for t in ["anchors", "mentions", "dates", "notes"] {
        for r in &tables[t] {
            assert!(
                blocks.contains(&r["block_id"]),
                "{t}.block_id {} joins paragraphs",
                r["block_id"]
            );
        }
    }
    let notes = ids("notes", "note_id");
    let refs = ids("references", "reference_id");
    for r in &tables["anchors"] {
        for n in r["note_ids"].split(' ') {
            assert!(notes.contains(n), "anchor note {n}");
        }
    }
    for r in &tables["references"] {
        assert!(notes.contains(&r["note_id"]));
        assert!(r["repeat_target_id"].is_empty() || refs.contains(&r["repeat_target_id"]));
        assert!(
            refs.contains(&r["full_reference_id"]),
            "full reference of {}",
            r["reference_id"]
        );
    }
    // The short form and the ibid. resolve to the full references.
    let by_id: HashMap<&str, &HashMap<String, String>> = tables["references"]
        .iter()
        .map(|r| (r["reference_id"].as_str(), r))
        .collect();
    assert_eq!(
        by_id["000_policy:n2:r1"]["full_reference_id"],
        "000_policy:n1:r1"
    );
    assert_eq!(
        by_id["003_monthly:n2:r1"]["full_reference_id"],
        "003_monthly:n1:r1"
    );
    assert_eq!(by_id["003_monthly:n2:r1"]["repeat_kind"], "ibid");
    for r in &tables["reference_authors"] {
        assert!(refs.contains(&r["reference_id"]));
    }
    let entities: HashSet<(String, String)> = ["actors", "alliances", "agreements"]
        .iter()
        .flat_map(|t| {
            tables[t]
                .iter()
                .map(|r| (r["document_id"].clone(), r["entity_id"].clone()))
        })
        .collect();
    for r in &tables["mentions"] {
        assert!(
            entities.contains(&(r["document_id"].clone(), r["entity_id"].clone())),
            "mention entity {}",
            r["entity_id"]
        );
    }
    for r in &tables["agreement_events"] {
        assert!(entities.contains(&(r["document_id"].clone(), r["agreement_id"].clone())));
    }
    let sections = ids("sections", "section_id");
    for r in &tables["sections"] {
        assert!(r["parent_section_id"].is_empty() || sections.contains(&r["parent_section_id"]));
    }
    for r in &tables["paragraphs"] {
        assert!(r["section_id"].is_empty() || sections.contains(&r["section_id"]));
    }
    // Spans point at the text they claim, and lines agree with the line index.
    let texts: HashMap<&str, &Document> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    for r in &tables["mentions"] {
        let d = texts[r["document_id"].as_str()];
        let (s, e): (usize, usize) = (r["start"].parse().unwrap(), r["end"].parse().unwrap());
        assert_eq!(&d.text[s..e], r["text"]);
        let line: usize = r["line"].parse().unwrap();
        assert_eq!(d.text[..s].matches('\n').count() + 1, line);
    }
    // The subsection's parent is the section of its level-1 heading.
    let sub = tables["sections"]
        .iter()
        .find(|r| r["level"] == "2")
        .unwrap();
    let parent = tables["sections"]
        .iter()
        .find(|r| r["section_id"] == sub["parent_section_id"])
        .unwrap();
    assert_eq!(parent["level"], "1");
    assert_eq!(parent["heading"], "1. 背景");
    // Documents come sorted by id whatever the input order.
    assert_eq!(tables["documents"][0]["document_id"], "000_policy");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn excel_mode_adds_bom_crlf_and_quote_prefix() {
    let docs = common::documents();
    let dir = temp_dir("excel");
    let paths = write_dir(&docs, &dir, &Options::new().excel(true)).unwrap();
    for path in &paths {
        let bytes = std::fs::read(path).unwrap();
        assert!(bytes.starts_with("\u{feff}".as_bytes()));
        let lf = bytes.iter().filter(|&&b| b == b'\n').count();
        let crlf = bytes.windows(2).filter(|w| w == b"\r\n").count();
        // The only bare LF could come from a multi-line cell; the fixture has none.
        assert_eq!(lf, crlf, "CRLF line ends in {path:?}");
    }
    let (_, rows) = read(&dir.join("paragraphs.csv"), true);
    let texts: Vec<&str> = rows.iter().map(|r| r["text"].as_str()).collect();
    assert!(texts.contains(&"'=SUM(A1) は式ではなく, \"引用\" を含む本文である。"));
    assert!(texts.contains(&"'+81 と -1 と @user は式ではない([2])。"));
    for t in &texts {
        assert!(
            !matches!(
                t.as_bytes()[0],
                b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | 0
            ),
            "{t}"
        );
    }
    // Default mode leaves the data alone.
    let mut out = Vec::new();
    write_table(Table::Paragraphs, &docs, &mut out, &Options::default()).unwrap();
    let plain = String::from_utf8(out).unwrap();
    assert!(plain.contains("\"=SUM(A1) は式ではなく, \"\"引用\"\" を含む本文である。\""));
    assert!(!plain.contains('\r'));
    let _ = std::fs::remove_dir_all(&dir);
}

const PYTHON_CHECK: &str = r#"
import csv, json, sys
import pandas as pd
d, excel, counts = sys.argv[1], sys.argv[2] == "1", json.loads(sys.argv[3])
enc = "utf-8-sig" if excel else "utf-8"
frames = {}
for name, n in counts.items():
    path = f"{d}/{name}.csv"
    with open(path, newline="", encoding=enc) as f:
        rows = list(csv.reader(f, strict=True))
    assert len(rows) - 1 == n, (name, len(rows) - 1, n)
    assert all(len(r) == len(rows[0]) for r in rows), name
    df = pd.read_csv(path, encoding=enc, dtype=str, keep_default_na=False)
    assert len(df) == n, (name, len(df), n)
    assert list(df.columns) == rows[0], name
    frames[name] = df
def unq(s):
    return s.str.lstrip("'") if excel else s
refs, notes = frames["references"], frames["notes"]
j = refs.merge(notes, on="note_id", how="left", indicator=True, suffixes=("", "_n"))
assert (j["_merge"] == "both").all(), "references -> notes"
full = refs.merge(refs[["reference_id"]].rename(columns={"reference_id": "full_reference_id"}), on="full_reference_id")
assert len(full) == len(refs), "full_reference_id joins references"
ra = frames["reference_authors"].merge(refs, on="reference_id", how="inner", suffixes=("", "_r"))
assert len(ra) == len(frames["reference_authors"]), "reference_authors -> references"
a = frames["anchors"].assign(note_id=frames["anchors"]["note_ids"].str.split(" ")).explode("note_id")
assert len(a.merge(notes, on="note_id")) == len(a), "anchors -> notes"
para = frames["paragraphs"]
for t in ["mentions", "dates", "anchors", "notes"]:
    m = frames[t].merge(para[["block_id"]], on="block_id", how="inner")
    assert len(m) == len(frames[t]), t + " -> paragraphs"
ents = pd.concat([frames[t][["document_id", "entity_id"]] for t in ["actors", "alliances", "agreements"]])
m = frames["mentions"].merge(ents, on=["document_id", "entity_id"], how="inner")
assert len(m) == len(frames["mentions"]), "mentions -> entities"
docs = frames["documents"]
for t in counts:
    if t != "documents":
        assert frames[t]["document_id"].isin(docs["document_id"]).all(), t
nref = refs.groupby("document_id").size()
for _, row in docs.iterrows():
    assert int(row["reference_count"]) == int(nref.get(row["document_id"], 0))
print("ok", sum(counts.values()))
"#;

fn python_check(dir: &Path, excel: bool, docs: &[Document]) {
    let counts = expected_counts(docs);
    let counts = serde_json::to_string(&counts).unwrap();
    let out = Command::new("python3")
        .arg("-c")
        .arg(PYTHON_CHECK)
        .arg(dir)
        .arg(if excel { "1" } else { "0" })
        .arg(&counts)
        .output()
        .expect("python3 must be installed (with pandas) for this test");
    assert!(
        out.status.success(),
        "python check failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok"));
}

#[test]
fn python_csv_and_pandas_read_every_table() {
    let docs = common::documents();
    for excel in [false, true] {
        let dir = temp_dir(if excel { "py-excel" } else { "py" });
        write_dir(&docs, &dir, &Options::new().excel(excel)).unwrap();
        python_check(&dir, excel, &docs);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn empty_document_set_writes_headers_only() {
    let dir = temp_dir("empty");
    let paths = write_dir(&[], &dir, &Options::default()).unwrap();
    for (table, path) in Table::ALL.iter().zip(&paths) {
        let (header, rows) = read(path, false);
        assert_eq!(header.len(), table.columns().len());
        assert!(rows.is_empty());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn docs_csv_md_documents_every_column() {
    let md =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/csv.md"))
            .unwrap();
    for table in Table::ALL {
        let head = format!("`{}`", table.file_name());
        let at = md
            .find(&head)
            .unwrap_or_else(|| panic!("docs/csv.md lacks {head}"));
        let section = &md[at..];
        let section = &section[..section[1..].find("\n### ").map_or(section.len(), |i| i + 1)];
        for col in table.columns() {
            assert!(
                section.contains(&format!("| `{}` |", col.name)),
                "docs/csv.md: {} lacks column {}",
                table.name(),
                col.name
            );
        }
    }
}

#[test]
fn report_number_series_and_name_suffix_have_their_columns() {
    use domei_model::{Person, ReferenceType, Span, Spanned};
    let mut docs = common::documents();
    let doc = docs
        .iter_mut()
        .find(|d| d.notes.iter().any(|n| !n.references.is_empty()))
        .expect("a document with a reference");
    let doc_id = doc.id.clone();
    let note = doc
        .notes
        .iter_mut()
        .find(|n| !n.references.is_empty())
        .unwrap();
    let note_id = note.id.clone();
    let r = &mut note.references[0];
    let at = r.span;
    let s = |v: &str| Some(Spanned::new(v.to_string(), Span::new(at.start, at.start)));
    r.kind = ReferenceType::Report;
    r.number = s("R47258");
    r.collection_title = s("Policy Analysis");
    r.collection_number = s("788");
    r.authors.insert(
        0,
        Spanned::detached(Person {
            family: Some("Nye".into()),
            given: Some("Joseph S.".into()),
            suffix: Some("Jr.".into()),
            ..Person::default()
        }),
    );
    let dir = temp_dir("new-columns");
    write_dir(&docs, &dir, &Options::default()).unwrap();
    let ref_id = format!("{doc_id}:{}:r1", note_id);
    let (_, refs) = read(&dir.join(Table::References.file_name()), false);
    let row = refs
        .iter()
        .find(|r| r["reference_id"] == ref_id)
        .expect("the reference row");
    assert_eq!(row["type"], "report");
    assert_eq!(row["number"], "R47258");
    assert_eq!(row["collection_title"], "Policy Analysis");
    assert_eq!(row["collection_number"], "788");
    let (_, people) = read(&dir.join(Table::ReferenceAuthors.file_name()), false);
    let row = people
        .iter()
        .find(|r| r["reference_author_id"] == format!("{ref_id}:author1"))
        .expect("the author row");
    assert_eq!(row["family"], "Nye");
    assert_eq!(row["suffix"], "Jr.");
    assert_eq!(row["name"], "Joseph S. Nye Jr.");
}
