//! Unit tests of the personal-data detectors and of redaction.

use super::*;

#[test]
fn smoke() {
    let f = detect("Mit CPR-nummer er 010190-1234 og tlf. 23 45 67 89, mail a@b.dk, Algade 12.");
    assert_eq!(f.len(), 4, "{f:?}");
}
