//! Reading test inputs and checking outputs: JSON Lines snapshots of documents, golden
//! files, and Python reading what an exporter wrote.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use domei_model::Document;

/// The documents of a JSON Lines file (`domei parse` output, one document per line).
pub fn documents_jsonl(path: &Path) -> Vec<Document> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path:?}: {e}"))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{path:?}: {e}")))
        .collect()
}

/// Compare `text` with the golden file at `path`, or write it there when `DOMEI_BLESS`
/// is set.
pub fn golden(path: &Path, text: &str) {
    if std::env::var_os("DOMEI_BLESS").is_some() {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    } else {
        let want = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("{path:?}: {e} (run with DOMEI_BLESS=1)"));
        assert_eq!(want, text, "{path:?} differs from the golden file");
    }
}

/// Run a Python `script` with `input` on its standard input and return what it
/// printed; panics (naming the error) when python3 is missing or the script fails.
pub fn python(script: &str, input: &[u8]) -> String {
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
        .expect("stdin is piped")
        .write_all(input)
        .expect("write to python");
    let out = child.wait_with_output().expect("wait for python");
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("python printed UTF-8")
}
