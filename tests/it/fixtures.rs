//! Every fixture article against the expectations a human reader wrote beside it.

use serde_json::Value;

use domei_model::BlockKind;

use crate::util::{headings, lines_where, note_blocks, root, segment_file};

fn str_or_null(v: Option<&str>) -> Value {
    v.map_or(Value::Null, |s| Value::String(s.to_owned()))
}

fn check(name: &str) -> Vec<String> {
    let dir = root().join("fixtures/articles");
    let doc = segment_file(&dir.join(format!("{name}.txt")));
    let expect: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(format!("{name}.expect.json"))).unwrap(),
    )
    .unwrap();
    let m = &doc.metadata;
    let mut got = serde_json::Map::new();
    got.insert(
        "title".into(),
        str_or_null(m.title.as_ref().map(|t| t.value.as_str())),
    );
    got.insert(
        "subtitle".into(),
        str_or_null(m.subtitle.as_ref().map(|t| t.value.as_str())),
    );
    got.insert(
        "authors".into(),
        m.authors
            .iter()
            .map(|a| Value::String(a.name.value.clone()))
            .collect(),
    );
    got.insert(
        "published".into(),
        str_or_null(m.published.as_ref().map(|d| d.date.edtf()).as_deref()),
    );
    got.insert(
        "venue".into(),
        serde_json::json!({
            "site": m.venue.site.as_ref().map(|s| &s.value),
            "series": m.venue.series.as_ref().map(|s| &s.value),
            "periodical": m.venue.periodical.as_ref().map(|s| &s.value),
            "issue": m.venue.issue.as_ref().map(|s| &s.value),
        }),
    );
    got.insert(
        "headings".into(),
        serde_json::to_value(headings(&doc)).unwrap(),
    );
    got.insert(
        "paragraph_lines".into(),
        serde_json::to_value(lines_where(&doc, |k| matches!(k, BlockKind::Paragraph))).unwrap(),
    );
    got.insert(
        "quote_lines".into(),
        serde_json::to_value(lines_where(&doc, |k| matches!(k, BlockKind::Quote))).unwrap(),
    );
    got.insert(
        "list_lines".into(),
        serde_json::to_value(lines_where(&doc, |k| {
            matches!(k, BlockKind::ListItem { .. })
        }))
        .unwrap(),
    );
    got.insert("notes".into(), note_blocks(&doc).into());
    got.insert(
        "notes_heading_line".into(),
        doc.blocks
            .iter()
            .find(|b| b.kind == BlockKind::NotesHeading)
            .map(|b| b.line)
            .into(),
    );
    got.insert(
        "chrome_lines".into(),
        serde_json::to_value(lines_where(&doc, BlockKind::is_chrome)).unwrap(),
    );
    got.insert(
        "signature_line".into(),
        doc.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Signature)
            .map(|b| b.line)
            .into(),
    );
    got.insert("encoding".into(), doc.source.encoding.name.clone().into());
    got.insert("bom".into(), doc.source.encoding.bom.into());
    got.insert(
        "line_endings".into(),
        serde_json::to_value(doc.source.line_endings).unwrap(),
    );
    let mut problems = Vec::new();
    for (key, want) in expect.as_object().unwrap() {
        let have = got.get(key).unwrap_or(&Value::Null);
        if have != want {
            problems.push(format!("{name}: {key}: expected {want}, got {have}"));
        }
    }
    problems
}

#[test]
fn every_fixture_matches_its_expectations() {
    let dir = root().join("fixtures/articles");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".expect.json"))
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(
        names.len() >= 12,
        "at least 12 fixture articles, found {}",
        names.len()
    );
    let problems: Vec<String> = names.iter().flat_map(|n| check(n)).collect();
    assert!(
        problems.is_empty(),
        "{} mismatches:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
