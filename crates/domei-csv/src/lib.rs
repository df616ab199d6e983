//! CSV tables of domei documents. (Being written: see issue 7.)
#![deny(missing_docs)]
