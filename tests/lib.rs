//! Test support shared across the workspace. The end-to-end tests themselves live in
//! `it/`; [`sample`] holds hand-made documents for the exporters' tests, [`files`] reads
//! snapshots and checks golden files and Python's reading, [`bench`](mod@bench) what
//! the benchmarks share.

pub mod bench;
pub mod files;
pub mod sample;
