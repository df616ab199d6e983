//! End to end: the real seed articles and the article fixtures, through the whole
//! pipeline, to domei XML (round trip + xmllint) and TEI (jing).

mod common;

use common::*;
use std::path::{Path, PathBuf};

fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        root.join("../../../shared/seeds"),
        root.join("../../fixtures/articles"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn seeds_round_trip_and_validate() {
    let files = inputs();
    assert!(files.len() >= 5, "the seed articles are missing: {files:?}");
    let kb = domei_kb::Kb::builtin();
    let pipeline = domei::Pipeline::new(&kb);
    let dir = scratch("seeds");
    let mut xml_files = Vec::new();
    let mut tei_files = Vec::new();
    let mut notes_with_mentions = 0;
    for f in &files {
        let bytes = std::fs::read(f).expect("read seed");
        let name = f.file_name().expect("name").to_string_lossy().into_owned();
        let doc = pipeline.parse_bytes(&name, &bytes).expect("parse");
        let mut xml = Vec::new();
        domei_xml::write(&doc, &mut xml).expect("write");
        let back = domei_xml::read(xml.as_slice()).expect("read back");
        assert!(back == doc, "{name}: the model does not survive domei XML");
        let mut tei = Vec::new();
        domei_xml::tei::write(&doc, &mut tei).expect("tei");
        let tei_text = String::from_utf8(tei).expect("UTF-8");
        // every body paragraph's text is in the TEI body
        if let Some(b) = doc.blocks.iter().find(|b| {
            b.kind == domei_model::BlockKind::Paragraph && !b.text.contains(['<', '&', '>', '"'])
        }) {
            let plain = strip_tags(&tei_text);
            assert!(
                plain.contains(&b.text),
                "{name}: paragraph text missing from TEI: {}",
                b.text
            );
        }
        // mentions inside the notes are marked up in the notes of <back>
        let in_notes = doc
            .notes
            .iter()
            .filter_map(|n| n.text.span)
            .any(|s| doc.mentions.iter().any(|m| s.contains(m.span)));
        if in_notes {
            notes_with_mentions += 1;
            let back = &tei_text[tei_text.find("<back>").expect("a <back>")..];
            assert!(
                back.contains("<rs type="),
                "{name}: mentions inside notes are not marked up in TEI"
            );
        }
        let x = dir.join(format!("{name}.xml"));
        let t = dir.join(format!("{name}.tei.xml"));
        std::fs::write(&x, &xml).expect("write");
        std::fs::write(&t, tei_text).expect("write");
        xml_files.push(x);
        tei_files.push(t);
    }
    assert!(
        notes_with_mentions > 0,
        "no input has mentions inside its notes"
    );
    xmllint(&xml_files);
    jing(&tei_files);
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
