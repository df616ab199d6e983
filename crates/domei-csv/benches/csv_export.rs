//! Benchmark of the CSV export: MB/s of output on a generated corpus.
//!
//! The corpus is the hand-made test documents, copied under new ids and with their
//! body paragraphs repeated, so that every table has rows. Run with
//! `cargo bench -p domei-csv`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use domei_csv::{Options, Table, Tables};

fn corpus(copies: usize) -> Vec<domei_model::Document> {
    let mut docs = Vec::with_capacity(copies * 2);
    for i in 0..copies {
        for mut d in common::documents() {
            d.id = format!("{}-{i:05}", d.id);
            docs.push(d);
        }
    }
    docs
}

fn main() {
    let docs = corpus(4000);
    for excel in [false, true] {
        let options = Options::new().excel(excel);
        let mut best = f64::MAX;
        let mut bytes = 0usize;
        let mut out = Vec::with_capacity(64 << 20);
        for _ in 0..5 {
            let start = Instant::now();
            let tables = Tables::new(&docs);
            bytes = 0;
            for table in Table::ALL {
                out.clear();
                tables.write(table, &mut out, &options).expect("write to memory");
                bytes += out.len();
            }
            best = best.min(start.elapsed().as_secs_f64());
        }
        println!(
            "csv{}: {} documents, {:.1} MB in {:.3} s = {:.0} MB/s (best of 5, one core)",
            if excel { " --excel" } else { "" },
            docs.len(),
            bytes as f64 / 1e6,
            best,
            bytes as f64 / 1e6 / best
        );
    }
}
