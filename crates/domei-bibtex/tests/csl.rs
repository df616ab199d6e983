//! CSL-JSON (`csl::write_items`) of the hand-made documents and of the seed snapshot:
//! golden files, and a read-back by Python's `json` module (what citeproc-py and
//! Zotero's importers read), checking every item against the documents.
//!
//! Regenerate the golden files with `DOMEI_BLESS=1` after a deliberate change.

mod common;

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use domei_bibtex::csl::write_items;
use domei_model::Document;

fn seeds() -> Vec<Document> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seeds/seeds.jsonl");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn golden(name: &str, text: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("DOMEI_BLESS").is_some() {
        std::fs::write(&path, text).unwrap();
    } else {
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{path:?}: {e} (run with DOMEI_BLESS=1)"));
        assert_eq!(want, text, "{name} differs from the golden file");
    }
}

/// Python reads the array and prints, per item, its id, type and title (or `-`).
fn python_items(json: &str) -> Vec<String> {
    let script = r#"
import json, sys
items = json.load(sys.stdin)
assert isinstance(items, list)
for it in items:
    assert isinstance(it["id"], str) and isinstance(it["type"], str)
    for k in ("author", "editor", "translator"):
        for n in it.get(k, []):
            assert any(p in n for p in ("family", "given", "literal")), n
    for k in ("issued", "accessed"):
        if k in it:
            parts = it[k].get("date-parts")
            assert parts is None or all(all(isinstance(x, int) for x in p) for p in parts), it[k]
    print(it["id"], it["type"], it.get("title", "-"), sep="\t")
"#;
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 is needed for this test (tools/test.sh installs it)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(json.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "python could not read the CSL-JSON: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Every full reference of `docs`, as Python should print it.
fn expected(docs: &[Document]) -> Vec<String> {
    docs.iter()
        .flat_map(|d| {
            d.notes
                .iter()
                .flat_map(|n| &n.references)
                .filter(|r| r.repeat.is_none())
                .map(move |r| {
                    format!(
                        "{}-{}\t{}\t{}",
                        d.id,
                        r.id,
                        r.kind.csl_name(),
                        r.title.as_ref().map_or("-", |t| t.value.as_str())
                    )
                })
        })
        .collect()
}

fn check(docs: &[Document], name: &str) {
    let mut out = Vec::new();
    write_items(docs, &mut out).unwrap();
    let json = String::from_utf8(out).unwrap();
    golden(name, &json);
    let items = python_items(&json);
    assert!(!items.is_empty());
    assert_eq!(items, expected(docs));
}

#[test]
fn sample_documents_golden_and_python() {
    check(&common::documents(), "references.csl.json");
}

#[test]
fn seeds_golden_and_python() {
    check(&seeds(), "seeds.csl.json");
}
