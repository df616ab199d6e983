//! Unit tests on hand-made documents.

use super::*;

#[test]
fn placeholder() {
    assert!(parse_reference("").is_none());
}
