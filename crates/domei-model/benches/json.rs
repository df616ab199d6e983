//! Benchmark of the per-document JSON (`serde_json::to_writer_pretty` of a
//! [`domei_model::Document`], as `domei convert --to json` writes it): MB/s of output.
//!
//! The corpora are those of the CSV bench (`crates/domei-csv/benches/corpus/mod.rs`):
//! 8,000 copies of the hand-made test documents, and 400 articles shaped like the
//! seeds. Run with `cargo bench -p domei-model`. `JSON_RUNS` sets the number of runs
//! (10); `JSON_DUMP=dir` writes the output of each corpus there, to compare versions.

#[path = "../../domei-csv/benches/corpus/mod.rs"]
mod corpus;

use std::time::Instant;

fn main() {
    let runs = corpus::runs("JSON");
    let dump = std::env::var_os("JSON_DUMP");
    let small = corpus::corpus(4000);
    let articles: Vec<domei_model::Document> = (0..400).map(corpus::article).collect();
    for (name, docs) in [
        ("fixtures x4000", &small),
        ("seed-like articles", &articles),
    ] {
        for pretty in [true, false] {
            let mut best = f64::MAX;
            let mut best_wall = f64::MAX;
            let mut out: Vec<u8> = Vec::with_capacity(128 << 20);
            for _ in 0..runs {
                out.clear();
                let start = Instant::now();
                let cpu0 = corpus::cpu_seconds();
                // One document after the other, as `domei convert` writes one file each.
                for doc in docs.iter() {
                    if pretty {
                        serde_json::to_writer_pretty(&mut out, doc).expect("write to memory");
                    } else {
                        serde_json::to_writer(&mut out, doc).expect("write to memory");
                    }
                    out.push(b'\n');
                }
                let wall = start.elapsed().as_secs_f64();
                let cpu = corpus::cpu_seconds().zip(cpu0).map_or(wall, |(b, a)| b - a);
                best = best.min(cpu);
                best_wall = best_wall.min(wall);
            }
            if let Some(dir) = &dump {
                let file = format!(
                    "{}{}.json",
                    name.replace(' ', "_"),
                    if pretty { "" } else { "-compact" }
                );
                std::fs::write(std::path::Path::new(dir).join(file), &out).expect("dump");
            }
            println!(
                "json{} ({name}): {} documents, {:.1} MB; CPU {:.3} s = {:.0} MB/s per core (wall {:.3} s; best of {runs})",
                if pretty { " pretty" } else { " compact" },
                docs.len(),
                out.len() as f64 / 1e6,
                best,
                out.len() as f64 / 1e6 / best,
                best_wall
            );
        }
    }
}
