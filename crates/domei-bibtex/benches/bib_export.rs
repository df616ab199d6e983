//! Benchmark of the BibLaTeX and BibTeX export: MB/s of output on a generated corpus.
//!
//! The corpus is the hand-made test documents, copied under new ids with every title
//! made distinct (so each copy adds entries instead of merging into the first; see
//! `corpus/mod.rs`). Run with `cargo bench -p domei-bibtex --bench bib_export`.

mod corpus;

use std::time::Instant;

use domei_bibtex::{Bibliography, write_biblatex, write_bibtex};

fn main() {
    // `BIB_COPIES` sets the number of copies (4,000: 8,000 documents).
    let copies = std::env::var("BIB_COPIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4000);
    let docs = corpus::corpus(copies);
    // `BIB_EXPORT_RUNS` sets the number of runs (10), e.g. 1 under callgrind;
    // `BIB_EXPORT_DUMP=dir` writes each output there, to compare versions.
    let runs = corpus::runs("BIB_EXPORT");
    let dump = std::env::var_os("BIB_EXPORT_DUMP");
    // `BIB_EXPORT_MODE=2` runs one mode only (numbered below), e.g. to profile it.
    let only: Option<usize> = std::env::var("BIB_EXPORT_MODE")
        .ok()
        .and_then(|v| v.parse().ok());
    for dialect in ["biblatex", "bibtex"] {
        // 0: `Bibliography::write_*` of a prepared bibliography; 1: `Bibliography::new`
        // then write; 2: the one-pass `write_biblatex`/`write_bibtex` from the documents
        // (what `domei convert` runs).
        for mode in (0..3).filter(|m| only.is_none_or(|o| o == *m)) {
            let mut best = f64::MAX;
            let mut best_wall = f64::MAX;
            let mut bytes = 0;
            let mut entries = 0;
            let mut out = Vec::with_capacity(64 << 20);
            let prepared = Bibliography::new(&docs);
            for _ in 0..runs {
                out.clear();
                let start = Instant::now();
                let cpu0 = corpus::cpu_seconds();
                let built;
                let bib = if mode == 1 {
                    built = Bibliography::new(&docs);
                    &built
                } else {
                    &prepared
                };
                match (dialect, mode) {
                    ("biblatex", 2) => write_biblatex(&docs, &mut out),
                    (_, 2) => write_bibtex(&docs, &mut out),
                    ("biblatex", _) => bib.write_biblatex(&mut out),
                    _ => bib.write_bibtex(&mut out),
                }
                .expect("write to memory");
                let wall = start.elapsed().as_secs_f64();
                let cpu = corpus::cpu_seconds().zip(cpu0).map_or(wall, |(b, a)| b - a);
                best = best.min(cpu);
                best_wall = best_wall.min(wall);
                bytes = out.len();
                entries = bib.entries().len();
            }
            if let Some(dir) = &dump {
                let name = format!("{dialect}-{mode}.bib");
                std::fs::write(std::path::Path::new(dir).join(name), &out).expect("dump");
            }
            println!(
                "{dialect}{}: {} documents, {entries} entries, {:.1} MB; CPU {:.3} s = {:.0} MB/s per core (wall {:.3} s; best of {runs})",
                [
                    " write only",
                    " Bibliography::new + write",
                    " one pass from the documents"
                ][mode],
                docs.len(),
                bytes as f64 / 1e6,
                best,
                bytes as f64 / 1e6 / best,
                best_wall
            );
        }
    }
}
