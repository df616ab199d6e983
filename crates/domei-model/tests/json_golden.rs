//! The per-document JSON that `domei parse` prints and `domei convert --to json` writes
//! (`serde_json::to_writer_pretty` of a [`Document`]): golden files for the hand-made
//! documents, a read-back by Python's `json` module, and the way back to the model.
//!
//! Regenerate the golden files with `DOMEI_BLESS=1` after a deliberate change of the
//! model (and say so in docs/json.md).

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use domei_model::Document;

#[test]
fn sample_documents_json_golden_python_and_back() {
    for doc in domei_tests::sample::documents() {
        let json = serde_json::to_string_pretty(&doc).unwrap();
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(format!("{}.json", doc.id));
        if std::env::var_os("DOMEI_BLESS").is_some() {
            std::fs::write(&path, &json).unwrap();
        } else {
            let want = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{path:?}: {e} (run with DOMEI_BLESS=1)"));
            assert_eq!(want, json, "{} differs from the golden file", doc.id);
        }

        // Python reads it and finds the text, the blocks and the notes.
        let script = r#"
import json, sys
d = json.load(sys.stdin)
print(d["id"], len(d["text"]), len(d["blocks"]), len(d.get("notes", [])), sep="\t")
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
            "python: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8(out.stdout).unwrap().trim_end(),
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
