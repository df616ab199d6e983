//! `domei entities FILE...`: every mention of an actor, alliance, framework or agreement
//! as JSON Lines `{"file","start","end","text","category","id","date"}`.

use std::io::{self, BufWriter, Write};

use serde::Serialize;

use super::{Outcome, load, write_json_line};

/// Arguments of `domei entities`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files (`-` reads standard input).
    #[arg(required = true)]
    files: Vec<String>,
    /// Extra knowledge-base file(s) (CSV) to load beside the built-in one.
    #[arg(long = "kb", value_name = "FILE")]
    kb: Vec<String>,
}

/// One line of output.
#[derive(Debug, Serialize)]
struct Line<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    category: &'static str,
    id: &'a str,
    date: Option<String>,
}

/// Run `domei entities`.
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
        for m in &doc.mentions {
            let line = Line {
                file: path,
                start: m.span.start,
                end: m.span.end,
                text: &m.text,
                category: m.category.as_str(),
                id: &m.entity,
                date: m.date.as_ref().map(|d| d.edtf()),
            };
            write_json_line(&mut out, &line)?;
        }
    }
    out.flush()?;
    Ok(Outcome::from_failed(failed))
}
