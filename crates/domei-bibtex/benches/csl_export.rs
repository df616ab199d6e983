//! Benchmark of the CSL-JSON export (`csl::write_items`): MB/s of output on the
//! generated corpus of `bib_export` (see `corpus/mod.rs`). Run with
//! `cargo bench -p domei-bibtex --bench csl_export`. `CSL_EXPORT_RUNS` sets the number
//! of runs (10); `CSL_EXPORT_DUMP=dir` writes the output there, to compare versions.

mod corpus;

use std::time::Instant;

fn main() {
    let docs = corpus::corpus(4000);
    let runs = corpus::runs("CSL_EXPORT");
    let mut best = f64::MAX;
    let mut best_wall = f64::MAX;
    let mut out = Vec::with_capacity(64 << 20);
    for _ in 0..runs {
        out.clear();
        let start = Instant::now();
        let cpu0 = corpus::cpu_seconds();
        domei_bibtex::csl::write_items(&docs, &mut out).expect("write to memory");
        let wall = start.elapsed().as_secs_f64();
        let cpu = corpus::cpu_seconds().zip(cpu0).map_or(wall, |(b, a)| b - a);
        best = best.min(cpu);
        best_wall = best_wall.min(wall);
    }
    if let Some(dir) = std::env::var_os("CSL_EXPORT_DUMP") {
        std::fs::write(std::path::Path::new(&dir).join("csl.json"), &out).expect("dump");
    }
    let items = out
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        .saturating_sub(2);
    println!(
        "csl-json: {} documents, {items} items, {:.1} MB; CPU {:.3} s = {:.0} MB/s per core (wall {:.3} s; best of {runs})",
        docs.len(),
        out.len() as f64 / 1e6,
        best,
        out.len() as f64 / 1e6 / best,
        best_wall
    );
}
