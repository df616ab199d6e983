//! CSL-JSON (`csl::write_items`) of the hand-made documents and of the seed snapshot:
//! golden files, and a read-back by Python's `json` module (what citeproc-py and
//! Zotero's importers read), checking every item against the documents.
//!
//! Regenerate the golden files with `DOMEI_BLESS=1` after a deliberate change.

mod common;

use std::path::Path;

use domei_bibtex::csl::write_items;
use domei_model::Document;
use domei_tests::files::{documents_jsonl, golden, python};

/// Python reads the array and prints, per item, its id, type and title (or `-`).
const READ_ITEMS: &str = r#"
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
    golden(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(name),
        &json,
    );
    let items: Vec<String> = python(READ_ITEMS, json.as_bytes())
        .lines()
        .map(str::to_owned)
        .collect();
    assert!(!items.is_empty());
    assert_eq!(items, expected(docs));
}

#[test]
fn sample_documents_golden_and_python() {
    check(&common::documents(), "references.csl.json");
}

#[test]
fn seeds_golden_and_python() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seeds/seeds.jsonl");
    check(&documents_jsonl(&seeds), "seeds.csl.json");
}
