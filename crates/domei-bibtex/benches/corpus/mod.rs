//! The generated corpus of the bibliography benchmarks (`bib_export`, `csl_export`).
#![allow(dead_code)]

/// The hand-made test documents (`domei_tests::sample`), `copies` times under new ids,
/// with every title made distinct (so each copy adds entries instead of merging into the
/// first) and holding characters that need escaping.
pub fn corpus(copies: usize) -> Vec<domei_model::Document> {
    let mut docs = Vec::with_capacity(copies * 2);
    for i in 0..copies {
        for mut d in domei_tests::sample::documents() {
            d.id = format!("{}-{i:05}", d.id);
            for n in &mut d.notes {
                for r in &mut n.references {
                    if let Some(t) = &mut r.title {
                        t.value = format!("{} & part {i}: 50% {{draft}}", t.value);
                    }
                }
            }
            docs.push(d);
        }
    }
    docs
}

/// CPU time of this thread in seconds (from `/proc/thread-self/schedstat`, Linux), so
/// that the figure is per core even when other processes load the machine; `None`
/// elsewhere.
pub fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// The number of runs: `<PREFIX>_RUNS` (e.g. 1 under callgrind), else 10.
pub fn runs(prefix: &str) -> usize {
    std::env::var(format!("{prefix}_RUNS"))
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10)
}
