//! Parse every fixture article `N` times (default 20), as a batch does: a small, fixed
//! workload for profilers (`valgrind --tool=callgrind`), where the benchmark's 100 MB
//! would take too long. `cargo run --release -p domei-article --example batch [N]`

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles");
    let mut docs: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .filter_map(|p| std::fs::read(p).ok())
                .collect()
        })
        .unwrap_or_default();
    docs.sort();
    let mut blocks = 0usize;
    let mut bytes = 0usize;
    for _ in 0..rounds {
        for d in &docs {
            if let Ok(doc) = domei_article::parse_bytes("batch.txt", d) {
                blocks += doc.blocks.len();
                bytes += d.len();
            }
        }
    }
    println!("{bytes} bytes, {blocks} blocks");
}
