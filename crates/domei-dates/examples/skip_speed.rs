//! Scanning speed on text with no dates at all (the skip loop alone) and on the
//! seed-like mix; a development aid, not the benchmark.

use std::time::Instant;

fn main() {
    let plain =
        "抑止の信頼性を高めるには、同盟国が負担と役割を分かち合う必要がある。".repeat(200_000);
    let context = domei_dates::Context::default();
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let t = Instant::now();
        let n = domei_dates::scan(&plain, &context).count();
        assert_eq!(n, 0);
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mb = plain.len() as f64 / 1048576.0;
    println!("no dates: {mb:.1} MB, {:.0} MB/s", mb / best);
}
