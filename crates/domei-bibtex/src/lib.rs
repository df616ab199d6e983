//! BibLaTeX, BibTeX and CSL-JSON export. (Being written: see issue 7.)
#![deny(missing_docs)]

pub mod csl;
