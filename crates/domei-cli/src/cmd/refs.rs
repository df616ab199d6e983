//! `domei refs`: one reference string per input line in, one CSL-JSON item per output
//! line out (JSON Lines), same number of lines in the same order, `{}` for a line that
//! holds no reference.

use std::io::{self, BufRead, BufWriter, Write};

use super::Outcome;

/// Arguments of `domei refs`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A file with one reference per line; standard input when absent or `-`.
    file: Option<String>,
}

/// Run `domei refs`.
pub fn run(args: Args) -> io::Result<Outcome> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.file.as_deref() {
        None | Some("-") => convert(io::stdin().lock(), &mut out)?,
        Some(path) => {
            let file = match std::fs::File::open(path) {
                Ok(f) => f,
                Err(err) => {
                    super::report(format_args!("{path}: {err}"));
                    return Ok(Outcome::SomeFailed);
                }
            };
            convert(io::BufReader::new(file), &mut out)?;
        }
    }
    out.flush()?;
    Ok(Outcome::Success)
}

/// Convert every line of `input`; invalid UTF-8 is replaced, never fatal.
fn convert<R: BufRead, W: Write>(mut input: R, out: &mut W) -> io::Result<()> {
    let mut buf = Vec::new();
    let mut n = 0usize;
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        n += 1;
        let line = String::from_utf8_lossy(&buf);
        let line = line.trim_end_matches(['\n', '\r']);
        match domei_refs::parse_reference(line) {
            Some(mut r) => {
                r.id = format!("r{n}");
                super::write_json_line(out, &domei_bibtex::csl::item(&r))?;
            }
            None => out.write_all(b"{}\n")?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_out_per_line_in() {
        let input = "“NATO Industrial Capacity Expansion Pledge,” NATO, July 10, 2024.\n\nhello\r\n山田太郎『同盟の論理』岩波書店、2020年。";
        let mut out = Vec::new();
        convert(input.as_bytes(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4);
        let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(first["title"], "NATO Industrial Capacity Expansion Pledge");
        assert_eq!(first["id"], "r1");
        assert_eq!(lines[1], "{}");
        assert_eq!(lines[2], "{}");
        let last: serde_json::Value = serde_json::from_str(lines[3]).unwrap();
        assert_eq!(last["title"], "同盟の論理");
        assert_eq!(last["publisher"], "岩波書店");
    }
}
