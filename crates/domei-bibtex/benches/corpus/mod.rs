//! The generated corpus of the bibliography benchmarks (`bib_export`, `csl_export`).
#![allow(dead_code)]

/// The hand-made test documents (`domei_tests::sample`), `copies` times under new ids,
/// with every title made distinct (so each copy adds entries instead of merging into the
/// first) and holding characters that need escaping.
pub fn corpus(copies: usize) -> Vec<domei_model::Document> {
    domei_tests::sample::copies(copies, |i, d| {
        for n in &mut d.notes {
            for r in &mut n.references {
                if let Some(t) = &mut r.title {
                    t.value = format!("{} & part {i}: 50% {{draft}}", t.value);
                }
            }
        }
    })
}

pub use domei_tests::bench::{cpu_seconds, runs};
