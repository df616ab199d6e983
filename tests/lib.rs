//! End-to-end tests of domei live in `it/`; this library is empty.
