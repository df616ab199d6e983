//! domei XML and TEI P5. (Being written: see issue 8.)
#![deny(missing_docs)]
