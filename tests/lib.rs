//! Test support shared across the workspace. The end-to-end tests themselves live in
//! `it/`; [`sample`] holds hand-made documents for the exporters' tests, [`bench`](mod@bench) what
//! the benchmarks share.

pub mod bench;
pub mod sample;
