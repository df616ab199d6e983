//! `domei convert INPUT... -o OUTDIR --to csv,bibtex,csl,json,xml,tei`: parse a batch
//! of files in parallel and write every export.
//!
//! Output layout (each part only when asked for):
//! - `OUTDIR/csv/<table>.csv` — the CSV tables (`docs/csv.md`);
//! - `OUTDIR/references.bib` — BibLaTeX, or classic BibTeX with `--bibtex`;
//! - `OUTDIR/references.json` — CSL-JSON;
//! - `OUTDIR/json/<id>.json` — each document model as JSON (`docs/json.md`);
//! - `OUTDIR/xml/<id>.xml` — domei XML (`docs/xml.md`);
//! - `OUTDIR/tei/<id>.tei.xml` — TEI P5 (`docs/tei.md`).

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use indicatif::ParallelProgressIterator;
use rayon::prelude::*;

use domei_model::Document;

use super::{Outcome, report};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// CSV tables.
    Csv,
    /// BibLaTeX (classic BibTeX with `--bibtex`).
    Bibtex,
    /// CSL-JSON.
    Csl,
    /// The document model as JSON.
    Json,
    /// domei XML.
    Xml,
    /// TEI P5.
    Tei,
}

/// Arguments of `domei convert`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files or folders (folders are walked for `*.txt` files).
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Output folder (created when missing).
    #[arg(short = 'o', long = "out", value_name = "OUTDIR")]
    out: PathBuf,
    /// Formats to write, comma-separated.
    #[arg(long = "to", value_delimiter = ',', default_values = ["csv", "bibtex", "csl", "json", "xml", "tei"])]
    to: Vec<Format>,
    /// CSV for spreadsheets: UTF-8 with BOM, CRLF, and cells starting with = + - @ TAB CR
    /// prefixed with `'` (alters data; off by default).
    #[arg(long)]
    excel: bool,
    /// Write classic BibTeX (journal, year, month, howpublished) instead of BibLaTeX.
    #[arg(long)]
    bibtex: bool,
    /// Extra knowledge-base file(s) (CSV) to load beside the built-in one.
    #[arg(long = "kb", value_name = "FILE")]
    kb: Vec<String>,
}

/// Run `domei convert`.
pub fn run(args: Args) -> io::Result<Outcome> {
    let pipeline = super::pipeline(&args.kb)?;
    let mut failed = false;
    let files = collect_inputs(&args.inputs, &mut failed);
    // Parse in parallel; results come back in input order. The progress bar is drawn
    // only when standard error is a terminal.
    let progress = indicatif::ProgressBar::new(files.len() as u64).with_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} (eta {eta})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let parsed: Vec<Option<Document>> = files
        .par_iter()
        .progress_with(progress.clone())
        .map(|path| super::load(&pipeline, path))
        .collect();
    progress.finish_and_clear();
    failed |= parsed.iter().any(Option::is_none);
    let mut docs: Vec<Document> = parsed.into_iter().flatten().collect();
    unique_ids(&mut docs);
    fs::create_dir_all(&args.out)?;
    for format in dedup(&args.to) {
        if let Err(err) = write_format(format, &docs, &args) {
            report(format_args!("{}: {err}", args.out.display()));
            failed = true;
        }
    }
    eprintln!(
        "domei: converted {} of {} file(s) into {}",
        docs.len(),
        files.len(),
        args.out.display()
    );
    Ok(Outcome::from_failed(failed))
}

fn dedup(formats: &[Format]) -> Vec<Format> {
    let mut out: Vec<Format> = Vec::new();
    for f in formats {
        if !out.contains(f) {
            out.push(*f);
        }
    }
    out
}

fn write_format(format: Format, docs: &[Document], args: &Args) -> io::Result<()> {
    let out = &args.out;
    match format {
        Format::Csv => {
            let options = domei_csv::Options { excel: args.excel };
            domei_csv::write_dir(docs, &out.join("csv"), &options).map_err(io::Error::other)?;
        }
        Format::Bibtex => {
            let w = BufWriter::new(File::create(out.join("references.bib"))?);
            if args.bibtex {
                domei_bibtex::write_bibtex(docs, w)?
            } else {
                domei_bibtex::write_biblatex(docs, w)?
            }
        }
        Format::Csl => {
            let mut w = BufWriter::new(File::create(out.join("references.json"))?);
            domei_bibtex::csl::write_items(docs, &mut w)?;
            w.flush()?;
        }
        Format::Json => per_document(docs, &out.join("json"), "json", |doc, w| {
            serde_json::to_writer_pretty(&mut *w, doc).map_err(io::Error::other)?;
            w.write_all(b"\n")
        })?,
        Format::Xml => per_document(docs, &out.join("xml"), "xml", |doc, w| {
            domei_xml::write(doc, w).map_err(io::Error::other)
        })?,
        Format::Tei => per_document(docs, &out.join("tei"), "tei.xml", |doc, w| {
            domei_xml::tei::write(doc, w).map_err(io::Error::other)
        })?,
    }
    Ok(())
}

/// Write one file per document, in parallel, each into its own buffer. A document that
/// cannot be written is reported with its output path and the others are still written;
/// the result is an error when any failed.
fn per_document<F>(docs: &[Document], dir: &Path, ext: &str, write: F) -> io::Result<()>
where
    F: Fn(&Document, &mut BufWriter<File>) -> io::Result<()> + Sync,
{
    fs::create_dir_all(dir)?;
    let failures = docs
        .par_iter()
        .filter(|doc| {
            let path = dir.join(format!("{}.{ext}", doc.id));
            let shown = path.display().to_string();
            let written = File::create(&path).and_then(|file| {
                let mut w = BufWriter::new(file);
                super::guarded(|| write(doc, &mut w)).map_err(io::Error::other)??;
                w.flush()
            });
            match written {
                Ok(()) => false,
                Err(err) => {
                    report(format_args!("{shown}: {err}"));
                    true
                }
            }
        })
        .count();
    if failures == 0 {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "{failures} document(s) could not be written to {}",
            dir.display()
        )))
    }
}

/// Expand folders into their `*.txt` files (sorted), keep files as given.
fn collect_inputs(inputs: &[String], failed: &mut bool) -> Vec<String> {
    let mut files = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if input != "-" && path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found, failed);
            found.sort();
            files.extend(found.into_iter().map(|p| p.display().to_string()));
        } else {
            files.push(input.clone());
        }
    }
    files
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>, failed: &mut bool) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(err) => {
            report(format_args!("{}: {err}", dir.display()));
            *failed = true;
            return;
        }
    };
    for entry in entries.filter_map(Result::ok) {
        let p = entry.path();
        if p.is_dir() {
            walk(&p, found, failed);
        } else if p.extension().is_some_and(|x| x == "txt") {
            found.push(p);
        }
    }
}

/// Make document ids unique across the batch: a repeated id gets `-2`, `-3` ….
fn unique_ids(docs: &mut [Document]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for doc in docs {
        let n = seen.entry(doc.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            doc.id = format!("{}-{}", doc.id, n);
        }
    }
}
