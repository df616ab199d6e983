//! Benchmark of the BibLaTeX export (written below).
fn main() {}
