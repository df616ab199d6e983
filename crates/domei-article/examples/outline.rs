//! Print the block outline of files: one line per block with its kind and first
//! characters, then the metadata. `cargo run -p domei-article --example outline FILE...`

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        match domei_article::parse_bytes(&path, &bytes) {
            Ok(doc) => {
                println!("== {path}");
                for b in &doc.blocks {
                    if matches!(b.kind, domei_model::BlockKind::Blank) {
                        continue;
                    }
                    let head: String = b.text.chars().take(40).collect();
                    println!("{:>4}-{:<4} {:?} | {head}", b.line, b.end_line, b.kind);
                }
                let mut meta = doc.metadata.clone();
                meta.translation.evidence.clear();
                println!("{}", serde_json::to_string(&meta).unwrap_or_default());
                for d in &doc.diagnostics {
                    println!("diag: {} {}", d.code, d.message);
                }
            }
            Err(e) => eprintln!("{e}"),
        }
    }
}
