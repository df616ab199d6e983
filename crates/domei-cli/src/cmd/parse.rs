//! `domei parse FILE...`: each document as JSON.

use std::io::{self, BufWriter, Write};

use super::{Outcome, load, write_json_line};

/// Arguments of `domei parse`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files (`-` reads standard input).
    #[arg(required = true)]
    files: Vec<String>,
    /// Print one indented JSON object per document instead of one line each.
    #[arg(long)]
    pretty: bool,
    /// Extra knowledge-base file(s) (CSV) to load beside the built-in one.
    #[arg(long = "kb", value_name = "FILE")]
    kb: Vec<String>,
}

/// Run `domei parse`.
pub fn run(args: Args) -> io::Result<Outcome> {
    let pipeline = super::pipeline(&args.kb)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in &args.files {
        let Some(doc) = load(&pipeline, path) else {
            failed = true;
            continue;
        };
        if args.pretty {
            serde_json::to_writer_pretty(&mut out, &doc).map_err(super::json_io)?;
            out.write_all(b"\n")?;
        } else {
            write_json_line(&mut out, &doc)?;
        }
    }
    out.flush()?;
    Ok(Outcome::from_failed(failed))
}
