//! Throughput of the whole pipeline (decode, segment, dates, footnotes, entities) on a
//! batch made of the fixture articles and, when present, the seeds. `cargo bench -p domei`.

use std::time::Instant;

use domei_tests::bench::cpu_seconds;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut docs: Vec<Vec<u8>> = Vec::new();
    for dir in [root.join("fixtures/articles"), root.join("../shared/seeds")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        docs.extend(paths.iter().filter_map(|p| std::fs::read(p).ok()));
    }
    let pipeline = domei::Pipeline::new(&domei_kb::Kb::builtin());
    let target = 20 * 1024 * 1024;
    let (mut total, mut mentions) = (0usize, 0usize);
    let (wall, cpu) = (Instant::now(), cpu_seconds());
    'outer: loop {
        for d in &docs {
            let doc = pipeline.parse_bytes("bench.txt", d).expect("parses");
            total += d.len();
            mentions += doc.mentions.len() + doc.dates.len() + doc.anchors.len();
            if total >= target {
                break 'outer;
            }
        }
    }
    let secs = wall.elapsed().as_secs_f64();
    let mb = total as f64 / 1e6;
    print!(
        "pipeline: {:.1} MB of articles in {:.2} s wall = {:.1} MB/s",
        mb,
        secs,
        mb / secs
    );
    if let (Some(a), Some(b)) = (cpu, cpu_seconds()) {
        print!("; {:.2} s CPU = {:.1} MB/s per core", b - a, mb / (b - a));
    }
    println!(" ({mentions} dates, anchors and mentions)");
}
