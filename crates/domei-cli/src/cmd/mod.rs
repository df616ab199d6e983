//! The subcommands, one module each, and what they share.

use std::io::{self, Read, Write};

use domei_model::Document;

pub mod convert;
pub mod dates;
pub mod entities;
pub mod kb;
pub mod parse;
pub mod refs;

/// How a run went, when it could run at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every input was processed.
    Success,
    /// At least one input failed; the others were processed.
    SomeFailed,
}

impl Outcome {
    /// `SomeFailed` when `failed`, else `Success`.
    pub fn from_failed(failed: bool) -> Outcome {
        if failed {
            Outcome::SomeFailed
        } else {
            Outcome::Success
        }
    }
}

/// Read a whole input: a file, or standard input for `-`.
pub fn read_input(path: &str) -> io::Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        io::stdin().lock().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

/// Report a per-file failure on standard error as `domei: <file>: <message>`.
pub fn report(message: impl std::fmt::Display) {
    eprintln!("domei: {message}");
}

/// Read and fully parse one input (decode, segment, dates, footnotes, entities).
/// A failure is reported on standard error and gives `None`.
pub fn load(pipeline: &domei::Pipeline, path: &str) -> Option<Document> {
    let bytes = match read_input(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            report(format_args!("{path}: {err}"));
            return None;
        }
    };
    match guarded(|| pipeline.parse_bytes(path, &bytes)) {
        Ok(Ok(doc)) => Some(doc),
        Ok(Err(err)) => {
            report(err);
            None
        }
        Err(message) => {
            report(format_args!("{path}: {message}"));
            None
        }
    }
}

/// Run `work` for one input so that a panic (a bug in domei, never an expected outcome)
/// costs only that input: it comes back as `Err` with a message for the caller to report
/// beside the file's name, and a batch goes on with the other files.
pub fn guarded<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        format!("internal error (a bug in domei, please report it): {what}")
    })
}

/// Write one JSON value as a line.
pub fn write_json_line<W: Write, T: serde::Serialize>(out: &mut W, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(json_io)?;
    out.write_all(b"\n")
}

/// Turn a serde_json error into an I/O error, keeping the kind of an I/O failure (so a
/// closed pipe stays a closed pipe).
pub fn json_io(err: serde_json::Error) -> io::Error {
    match err.io_error_kind() {
        Some(kind) => io::Error::new(kind, err),
        None => io::Error::other(err),
    }
}

/// The full pipeline with the built-in knowledge base and any `--kb` files.
pub fn pipeline(kb_files: &[String]) -> io::Result<domei::Pipeline> {
    let mut kb = domei_kb::Kb::builtin();
    for file in kb_files {
        kb.extend_from_path(std::path::Path::new(file))
            .map_err(|err| io::Error::new(io::ErrorKind::InvalidData, err.to_string()))?;
    }
    Ok(domei::Pipeline::new(&kb))
}

#[cfg(test)]
mod tests {
    use super::guarded;

    #[test]
    fn a_panic_in_one_input_becomes_an_error_message() {
        let out: Result<(), String> = guarded(|| panic!("index out of range"));
        let message = out.expect_err("the panic is caught");
        assert!(message.starts_with("internal error"), "{message}");
        assert!(message.ends_with("index out of range"), "{message}");
        let formatted: Result<(), String> = guarded(|| panic!("at {}", 7));
        assert!(formatted.expect_err("caught").ends_with("at 7"));
        assert_eq!(guarded(|| 41 + 1), Ok(42));
    }
}
