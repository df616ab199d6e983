//! What the benchmarks share: a per-core clock and the number of runs.

/// CPU time of this thread in seconds (from `/proc/thread-self/schedstat`, Linux), so
/// that a figure is per core even when other processes load the machine; `None`
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
