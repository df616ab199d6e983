//! Bad input gets a clear error or diagnostic naming the file and line, never a panic.

use domei_model::Severity;

#[test]
fn invalid_utf8_that_is_no_known_encoding_names_file_and_line() {
    let bytes = b"first line\nsecond \xFF\xFE\xFF\x80 line\n";
    let err = domei_article::parse_bytes("bad.txt", bytes).unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("bad.txt:2: "), "{msg}");
    assert!(msg.contains("unknown encoding"), "{msg}");
}

#[test]
fn binary_file_is_refused_with_its_line() {
    let bytes = b"PK\x03\x04\nabc\x00\x00\x01\x02";
    let err = domei_article::parse_bytes("archive.zip", bytes).unwrap_err();
    assert_eq!(err.line, 2);
    assert!(
        err.to_string().starts_with("archive.zip:2: binary file"),
        "{err}"
    );
}

#[test]
fn empty_file_gives_an_empty_document_with_a_diagnostic() {
    let doc = domei_article::parse_bytes("empty.txt", b"").unwrap();
    assert!(doc.blocks.is_empty());
    assert!(
        doc.diagnostics
            .iter()
            .any(|d| d.code == "input.empty" && d.severity == Severity::Warning)
    );
    let doc = domei_article::parse_bytes("blank.txt", b" \n\n\t\n").unwrap();
    assert_eq!(doc.blocks.len(), 1);
    assert!(doc.diagnostics.iter().any(|d| d.code == "input.empty"));
}

#[test]
fn a_50_mb_single_line_is_one_block_and_a_diagnostic() {
    let unit = "日米同盟とNATOの協力が進む中、2024年10月27日に会合が開かれた。";
    let mut text = String::with_capacity(50 * 1024 * 1024 + unit.len());
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(unit);
    }
    let len = text.len();
    let doc = domei_article::parse_bytes("huge.txt", text.as_bytes()).unwrap();
    assert_eq!(doc.text.len(), len);
    assert_eq!(doc.blocks.len(), 1);
    assert_eq!(doc.blocks[0].span.end, len);
    let d = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "input.long_line")
        .expect("long-line diagnostic");
    assert_eq!(d.line, Some(1));
}

#[test]
fn broken_note_markers_do_not_break_segmentation() {
    let text = "題名\n\n本文です。[1\n本文です。([2]\n\n脚注\n\n[1\n([3]) 何か\n";
    let doc = domei_article::parse_text("broken.txt", text.to_owned());
    crate::lossless::assert_lossless(&doc);
}

#[test]
fn utf8_damaged_in_a_few_places_parses_with_a_diagnostic_per_bad_sequence() {
    let mut bytes = "日米同盟の将来\n\n第一段落の本文です。\n"
        .as_bytes()
        .to_vec();
    // A character cut in half (its last byte lost) on line 4.
    bytes.extend_from_slice(b"\xE5\x90 cut here\n");
    bytes.extend_from_slice("最後の段落です。\n".as_bytes());
    let doc = domei_article::parse_bytes("damaged.txt", &bytes).expect("decoded");
    assert_eq!(doc.source.encoding.replacements, 1);
    let d = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "encoding.replaced")
        .expect("a diagnostic");
    assert_eq!(d.line, Some(4));
    assert!(d.message.contains("E5 90"), "{}", d.message);
    let span = d.span.expect("a span");
    assert_eq!(&doc.text[span.start..span.end], "\u{FFFD}");
    assert!(doc.text.ends_with("最後の段落です。\n"));
}
