//! Parse throughput of the article parser on a corpus generated from the fixtures.
//!
//! `cargo bench -p domei-article` prints MB/s for (1) a corpus of at least 100 MB made of
//! fixture articles (each parsed as its own document, as a batch does) and (2) one
//! document of 10 MB and one of 100 MB, to show that time is linear in input size.

use std::time::Instant;

use domei_tests::bench::cpu_seconds;

/// `wall MB/s (cpu MB/s per core)` for `bytes` processed since `(wall, cpu)`.
fn rate(bytes: usize, since: (Instant, Option<f64>)) -> String {
    let wall = since.0.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    match (since.1, cpu_seconds()) {
        (Some(a), Some(b)) => format!(
            "{:.2} s wall = {:.0} MB/s; {:.2} s CPU = {:.0} MB/s per core",
            wall,
            mb / wall,
            b - a,
            mb / (b - a)
        ),
        _ => format!("{:.2} s = {:.0} MB/s", wall, mb / wall),
    }
}

fn fixtures() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles");
    let mut out: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .expect("fixtures/articles")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read(p).expect("read fixture"))
        .collect();
    out.sort();
    out
}

fn main() {
    let docs = fixtures();
    let target = 100 * 1024 * 1024;
    // (1) A batch of documents.
    let mut total = 0usize;
    let mut parsed = 0usize;
    let start = (Instant::now(), cpu_seconds());
    'outer: loop {
        for d in &docs {
            let doc = domei_article::parse_bytes("bench.txt", d).expect("fixture parses");
            total += d.len();
            parsed += doc.blocks.len();
            if total >= target {
                break 'outer;
            }
        }
    }
    println!(
        "batch of fixture documents: {} MB in {} ({} blocks)",
        total / (1024 * 1024),
        rate(total, start),
        parsed
    );

    // (2) Linearity: one long document made of fixture bodies.
    let texts: Vec<String> = docs
        .iter()
        .filter_map(|d| domei_article::decode(d).ok())
        .map(|d| d.text)
        .collect();
    for mb in [10usize, 100] {
        let mut big = String::with_capacity(mb * 1024 * 1024 + 65536);
        while big.len() < mb * 1024 * 1024 {
            for t in &texts {
                big.push_str(t);
                big.push('\n');
            }
        }
        let len = big.len();
        let start = (Instant::now(), cpu_seconds());
        let doc = domei_article::parse_text("big.txt", big);
        println!(
            "one document of {} MB: {} ({} blocks)",
            len / (1024 * 1024),
            rate(len, start),
            doc.blocks.len()
        );
    }
}
