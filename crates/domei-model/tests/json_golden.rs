//! The per-document JSON that `domei parse` prints and `domei convert --to json` writes
//! (`serde_json::to_writer_pretty` of a [`Document`]): golden files for the hand-made
//! documents, a read-back by Python's `json` module, and the way back to the model.
//!
//! Regenerate the golden files with `DOMEI_BLESS=1` after a deliberate change of the
//! model (and say so in docs/json.md).

use std::path::Path;

use domei_model::Document;
use domei_tests::files::{golden, python};

#[test]
fn sample_documents_json_golden_python_and_back() {
    for doc in domei_tests::sample::documents() {
        let json = serde_json::to_string_pretty(&doc).unwrap();
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(format!("{}.json", doc.id));
        golden(&path, &json);

        // Python reads it and finds the text, the blocks and the notes.
        let script = "import json, sys\nd = json.load(sys.stdin)\nprint(d['id'], len(d['text']), len(d['blocks']), len(d.get('notes', [])), sep='\\t')";
        assert_eq!(
            python(script, json.as_bytes()).trim_end(),
            format!(
                "{}\t{}\t{}\t{}",
                doc.id,
                doc.text.chars().count(),
                doc.blocks.len(),
                doc.notes.len()
            )
        );

        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(serde_json::to_string_pretty(&back).unwrap(), json);
    }
}
