//! What the benchmarks share: a per-core clock and the number of runs.

/// CPU time of this thread in seconds, so that a figure is per core even when other
/// processes load the machine; `None` where there is no such clock.
///
/// Read from `CLOCK_THREAD_CPUTIME_ID` (through rustix), which counts to the
/// nanosecond. `/proc/thread-self/schedstat`, read before, only advances at scheduler
/// ticks (4 ms on the project's machine): a 30 ms export then read as 28 or 32 ms, and
/// the best of ten runs took the luckiest rounding.
#[cfg(unix)]
pub fn cpu_seconds() -> Option<f64> {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Some(t.tv_sec as f64 + t.tv_nsec as f64 / 1e9)
}

/// See the Unix version: no per-thread clock here.
#[cfg(not(unix))]
pub fn cpu_seconds() -> Option<f64> {
    None
}

/// The number of runs: `<PREFIX>_RUNS` (e.g. 1 under callgrind), else 10.
pub fn runs(prefix: &str) -> usize {
    std::env::var(format!("{prefix}_RUNS"))
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10)
}
