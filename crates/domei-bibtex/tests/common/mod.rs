//! The shared hand-made documents (`domei-tests`'s `sample` module).
#![allow(unused_imports)]

pub use domei_tests::sample::*;
