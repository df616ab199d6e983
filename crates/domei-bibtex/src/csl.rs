//! CSL-JSON items from references. (Being written: see issues 5 and 7.)
