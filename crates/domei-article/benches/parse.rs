//! Parse throughput of the article parser on a corpus generated from the fixtures.
//!
//! `cargo bench -p domei-article` prints MB/s for (1) a corpus of at least 100 MB made of
//! fixture articles (each parsed as its own document, as a batch does) and (2) one
//! document of 10 MB and one of 100 MB, to show that time is linear in input size.

use std::time::Instant;

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
    let start = Instant::now();
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
    let secs = start.elapsed().as_secs_f64();
    println!(
        "batch: {} MB in {:.2} s = {:.0} MB/s ({} blocks)",
        total / (1024 * 1024),
        secs,
        total as f64 / secs / 1e6,
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
        let start = Instant::now();
        let doc = domei_article::parse_text("big.txt", big);
        let secs = start.elapsed().as_secs_f64();
        println!(
            "one document of {} MB: {:.2} s = {:.0} MB/s ({} blocks)",
            len / (1024 * 1024),
            secs,
            len as f64 / secs / 1e6,
            doc.blocks.len()
        );
    }
}
