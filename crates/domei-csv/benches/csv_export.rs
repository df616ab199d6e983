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

/// CPU time of this thread in seconds (from `/proc/thread-self/schedstat`, Linux), so
/// that the figure is per core even when other processes load the machine; `None`
/// elsewhere.
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() {
    let docs = corpus(4000);
    for excel in [false, true] {
        let options = Options::new().excel(excel);
        let mut best = f64::MAX;
        let mut best_wall = f64::MAX;
        let mut bytes = 0usize;
        let mut out = Vec::with_capacity(64 << 20);
        for _ in 0..5 {
            let start = Instant::now();
            let cpu0 = cpu_seconds();
            let tables = Tables::new(&docs);
            bytes = 0;
            for table in Table::ALL {
                out.clear();
                tables
                    .write(table, &mut out, &options)
                    .expect("write to memory");
                bytes += out.len();
            }
            let wall = start.elapsed().as_secs_f64();
            let cpu = cpu_seconds().zip(cpu0).map_or(wall, |(b, a)| b - a);
            best = best.min(cpu);
            best_wall = best_wall.min(wall);
        }
        println!(
            "csv{}: {} documents, {:.1} MB; CPU {:.3} s = {:.0} MB/s per core (wall {:.3} s; best of 5)",
            if excel { " --excel" } else { "" },
            docs.len(),
            bytes as f64 / 1e6,
            best,
            bytes as f64 / 1e6 / best,
            best_wall
        );
    }
}
