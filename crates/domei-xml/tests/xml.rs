//! domei XML: round trips, XSD validation with xmllint, golden files, safety.

mod common;

use common::*;
use domei_model::Document;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn to_xml(doc: &Document) -> String {
    let mut out = Vec::new();
    domei_xml::write(doc, &mut out).expect("write");
    String::from_utf8(out).expect("UTF-8")
}

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("DOMEI_BLESS").is_some() {
        std::fs::write(&path, actual).expect("bless");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with DOMEI_BLESS=1 to create)", path.display()));
    assert!(
        expected == actual,
        "{} differs from the output; rerun with DOMEI_BLESS=1 after checking the change",
        path.display()
    );
}

#[test]
fn hand_made_documents_round_trip() {
    for doc in [sample_document(), empty_document()] {
        let xml = to_xml(&doc);
        let back = domei_xml::read(xml.as_bytes()).expect("read");
        assert_eq!(back, doc);
    }
}

#[test]
fn sample_fills_every_list() {
    let d = sample_document();
    let m = &d.metadata;
    assert!(!d.blocks.is_empty() && !d.anchors.is_empty() && !d.notes.is_empty());
    assert!(!d.dates.is_empty() && !d.mentions.is_empty() && !d.diagnostics.is_empty());
    let e = &d.entities;
    assert!(
        !e.actors.is_empty()
            && !e.alliances.is_empty()
            && !e.agreements.is_empty()
            && !e.events.is_empty()
    );
    assert!(
        !m.other_titles.is_empty()
            && !m.authors.is_empty()
            && !m.categories.is_empty()
            && !m.tags.is_empty()
    );
    assert!(!m.translation.evidence.is_empty());
    let r = &d.notes[0].references[0];
    assert!(!r.authors.is_empty() && !r.editors.is_empty());
    assert!(
        r.issued
            .as_ref()
            .is_some_and(|i| !i.value.readings.is_empty())
    );
    // spans are honest: each block's content is its text
    for b in &d.blocks {
        assert_eq!(b.content.slice(&d.text), Some(b.text.as_str()));
    }
    for dm in &d.dates {
        assert_eq!(dm.span.slice(&d.text), Some(dm.text.as_str()));
    }
}

#[test]
fn golden_sample_xml() {
    golden("sample.xml", &to_xml(&sample_document()));
}

#[test]
fn links_are_idrefs_where_ids_allow() {
    let xml = to_xml(&sample_document());
    assert!(xml.contains("<anchor id=\"a1\""));
    assert!(xml.contains("<link idref=\"n1\"/>"));
    assert!(xml.contains("<repeat kind=\"ibid\" target=\"n1-r1\"/>"));
    // `kb:usa` is not an NCName: written as a key, and links to it as keys
    assert!(xml.contains("<entity key=\"kb:usa\""));
    assert!(xml.contains("<party key=\"kb:usa\"/>"));
    assert!(xml.contains("entity-key=\"kb:usa\""));
    assert!(xml.contains("<mention start=") && xml.contains("entity=\"nato\""));
    // full dates as xs:date, partial dates by pattern
    assert!(xml.contains("value=\"2024-10-27\""));
    assert!(xml.contains("value=\"2023-07\""));
}

#[test]
fn every_file_validates_against_the_xsd() {
    let dir = scratch("xsd");
    let mut files: Vec<PathBuf> = Vec::new();
    let mut docs = vec![sample_document(), empty_document()];
    docs.extend(sample(document(xml_str()), 40));
    docs.extend(sample(document(any_str()), 40));
    for (i, doc) in docs.iter().enumerate() {
        let path = dir.join(format!("{i}.xml"));
        std::fs::write(&path, to_xml(doc)).expect("write file");
        files.push(path);
    }
    xmllint(&files);
}

#[test]
fn xsd_rejects_what_is_not_domei_xml() {
    // the validator must be able to fail: a broken date and a dangling IDREF
    let dir = scratch("xsd-negative");
    let xml = to_xml(&sample_document());
    for (i, (from, to)) in [
        ("value=\"2024-10-27\"", "value=\"2024-02-30\""),
        ("<link idref=\"n1\"/>", "<link idref=\"nowhere\"/>"),
        ("style=\"bracket\"", "style=\"round\""),
    ]
    .iter()
    .enumerate()
    {
        assert!(xml.contains(from));
        let path = dir.join(format!("bad{i}.xml"));
        std::fs::write(&path, xml.replacen(from, to, 1)).expect("write");
        let out = std::process::Command::new("xmllint")
            .args(["--noout", "--schema"])
            .arg(xsd())
            .arg(&path)
            .output()
            .expect("xmllint is required");
        assert!(!out.status.success(), "xmllint accepted {from} -> {to}");
    }
}

#[test]
fn forbidden_characters_are_replaced_with_a_diagnostic() {
    let mut doc = sample_document();
    doc.text.push_str("\u{1}\u{FFFF}x");
    doc.blocks[0].text.push('\u{0}');
    let back = domei_xml::read(to_xml(&doc).as_bytes()).expect("read");
    assert!(back.text.ends_with("\u{FFFD}\u{FFFD}x"));
    assert!(back.blocks[0].text.ends_with('\u{FFFD}'));
    let last = back.diagnostics.last().expect("diagnostic");
    assert_eq!(last.code, "xml.char_replaced");
    assert!(last.message.starts_with("3 "), "{}", last.message);
}

#[test]
fn reader_reports_errors() {
    let xml = to_xml(&sample_document());
    for (from, to) in [
        ("format-version=\"1\"", "format-version=\"x\""),
        ("style=\"bracket\"", "style=\"round\""),
        ("<link idref=\"n1\"/>", "<link/>"),
        ("</notes>", ""),
    ] {
        let bad = xml.replacen(from, to, 1);
        assert!(
            domei_xml::read(bad.as_bytes()).is_err(),
            "accepted {from} -> {to}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn generated_models_round_trip(doc in document(xml_str())) {
        let xml = to_xml(&doc);
        let back = domei_xml::read(xml.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e}\n{xml}")))?;
        prop_assert_eq!(back, doc);
    }

    #[test]
    fn any_content_gives_well_formed_xml_that_reads_back(doc in document(any_str())) {
        let xml = to_xml(&doc);
        prop_assert!(xml.chars().all(domei_xml::is_xml_char));
        let back = domei_xml::read(xml.as_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back.text, &domei_xml::xml_safe(&doc.text).into_owned());
        prop_assert_eq!(back.notes.len(), doc.notes.len());
    }

    #[test]
    fn reader_never_panics(input in "(<[a-z/!?]{0,3}|[a-z\"'=& ]{0,4}|>|&#[0-9]{1,3};)*") {
        let _ = domei_xml::read(input.as_bytes());
        let _ = domei_xml::read(format!("<document xmlns=\"urn:domei:xml:1\">{input}</document>").as_bytes());
    }
}
