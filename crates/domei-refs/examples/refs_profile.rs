//! Parse each line of standard input many times (a profiling aid: run under
//! `valgrind --tool=callgrind --toggle-collect=domei_refs::parse_reference` to count the
//! instructions one reference costs). `REPEAT` sets the count (default 1000).
use std::hint::black_box;
use std::io::BufRead;

fn main() {
    let repeat: usize = std::env::var("REPEAT")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1000);
    let lines: Vec<String> = std::io::stdin()
        .lock()
        .lines()
        .map_while(Result::ok)
        .collect();
    let mut found = 0usize;
    for line in &lines {
        for _ in 0..repeat {
            found += usize::from(black_box(domei_refs::parse_reference(black_box(line))).is_some());
        }
    }
    println!("{found}");
}
