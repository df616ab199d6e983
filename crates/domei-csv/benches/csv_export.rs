//! Benchmark of the CSV export: MB/s of output on a generated corpus.
//!
//! Two corpora (see `corpus/mod.rs`): the hand-made test documents copied 4,000 times
//! under new ids (8,000 small documents), and 400 articles shaped like the seeds. Run
//! with `cargo bench -p domei-csv`. `CSV_EXPORT_RUNS` sets the number of runs (10),
//! e.g. 1 under callgrind; `CSV_EXPORT_DUMP=dir` writes every table there, to compare
//! versions.

mod corpus;

use std::time::Instant;

use domei_csv::{Options, Table, Tables};

fn main() {
    let runs = corpus::runs("CSV_EXPORT");
    let dump = std::env::var_os("CSV_EXPORT_DUMP");
    let small = corpus::corpus(4000);
    let articles: Vec<domei_model::Document> = (0..400).map(corpus::article).collect();
    for (name, docs) in [
        ("fixtures x4000", &small),
        ("seed-like articles", &articles),
    ] {
        for excel in [false, true] {
            let options = Options::new().excel(excel);
            let mut best = f64::MAX;
            let mut best_wall = f64::MAX;
            let mut bytes = 0usize;
            let mut outs: Vec<Vec<u8>> = Table::ALL
                .iter()
                .map(|_| Vec::with_capacity(16 << 20))
                .collect();
            for _ in 0..runs {
                for out in &mut outs {
                    out.clear();
                }
                let start = Instant::now();
                let cpu0 = corpus::cpu_seconds();
                let tables = Tables::new(docs);
                for (table, out) in Table::ALL.into_iter().zip(&mut outs) {
                    tables.write(table, out, &options).expect("write to memory");
                }
                let wall = start.elapsed().as_secs_f64();
                let cpu = corpus::cpu_seconds().zip(cpu0).map_or(wall, |(b, a)| b - a);
                best = best.min(cpu);
                best_wall = best_wall.min(wall);
                bytes = outs.iter().map(Vec::len).sum();
            }
            if let Some(dir) = &dump {
                for (table, out) in Table::ALL.into_iter().zip(&outs) {
                    let file = format!(
                        "{}-{}{}.csv",
                        name.replace(' ', "_"),
                        table.name(),
                        if excel { "-excel" } else { "" }
                    );
                    std::fs::write(std::path::Path::new(dir).join(file), out).expect("dump");
                }
            }
            println!(
                "csv{} ({name}): {} documents, {:.1} MB; CPU {:.3} s = {:.0} MB/s per core (wall {:.3} s; best of {runs})",
                if excel { " --excel" } else { "" },
                docs.len(),
                bytes as f64 / 1e6,
                best,
                bytes as f64 / 1e6 / best,
                best_wall
            );
        }
    }
}
