//! The lossless invariant: for any input, the blocks tile the decoded text exactly once,
//! in order, and every span slices back to the text it claims.

use proptest::prelude::*;

use domei_model::{BlockKind, Document, Span};

/// Check every structural invariant of a segmented document.
pub fn assert_lossless(doc: &Document) {
    let text = &doc.text;
    let mut at = 0;
    for (i, b) in doc.blocks.iter().enumerate() {
        assert_eq!(
            b.span.start,
            at,
            "block {i} does not start where block {} ended",
            i.wrapping_sub(1)
        );
        assert!(b.span.end > b.span.start, "block {i} is empty");
        assert!(
            b.span.contains(b.content),
            "block {i}: content outside the block"
        );
        assert_eq!(
            b.content.slice(text),
            Some(b.text.as_str()),
            "block {i}: content span does not slice to its text"
        );
        if b.kind == BlockKind::Blank {
            assert!(
                text[b.span.start..b.span.end].trim().is_empty(),
                "blank block {i} holds text"
            );
        }
        at = b.span.end;
    }
    assert_eq!(
        at,
        text.len(),
        "the blocks do not reach the end of the text"
    );
    let check = |what: &str, span: Option<Span>, value: &str| {
        if let Some(span) = span {
            assert_eq!(
                span.slice(text),
                Some(value),
                "{what}: span does not slice to its value"
            );
        }
    };
    let m = &doc.metadata;
    for (what, field) in [
        ("title", &m.title),
        ("subtitle", &m.subtitle),
        ("section", &m.section),
        ("summary", &m.summary),
    ] {
        if let Some(f) = field {
            check(what, f.span, &f.value);
        }
    }
    for a in &m.authors {
        check("author", a.name.span, &a.name.value);
        if let Some(aff) = &a.affiliation {
            check("affiliation", aff.span, &aff.value);
        }
    }
    for t in m.tags.iter().chain(&m.categories) {
        check("tag", t.span, &t.value);
    }
    for d in [&m.published, &m.issue_date, &m.written]
        .into_iter()
        .flatten()
    {
        check("date", Some(d.span), &d.text);
    }
}

#[test]
fn fixtures_and_seeds_are_lossless() {
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for dir in [
        crate::util::root().join("fixtures/articles"),
        crate::util::seeds_dir(),
    ] {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        files.extend(
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt")),
        );
    }
    assert!(files.len() >= 17);
    for f in files {
        let doc = crate::util::segment_file(&f);
        assert_lossless(&doc);
    }
}

/// Lines made of the pieces these texts are built from, so the generator reaches the
/// classifier's branches (headings, notes, chrome, dates, quotes) and not only noise.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("脚注".to_owned()),
        Just("  1. 1 “Title,” NATO, July 10, 2024.".to_owned()),
        Just("([1]) 韓国国防部「声明」20231113日。".to_owned()),
        Just("1.見出し".to_owned()),
        Just("（２）日米同盟".to_owned()),
        Just("【お知らせ】".to_owned()),
        Just("関連記事".to_owned()),
        Just("コメントを残す".to_owned()),
        Just("(2024年10月21日、研究所研究員 山田太郎)".to_owned()),
        Just("メディア掲載  外交  2024.03.01".to_owned()),
        Just("「引用です。」".to_owned()),
        Just(" NATOと日本は協力を深めている。[1]".to_owned()),
        Just("By Jane Doe".to_owned()),
        Just("2024年10月27日".to_owned()),
        Just("\u{3000}".to_owned()),
        Just("―副題―".to_owned()),
        "\\PC{0,30}",
        "[ -~]{0,20}",
    ]
}

fn document_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(piece(), 0..30),
        prop::collection::vec(
            prop_oneof![Just("\n"), Just("\r\n"), Just("\r"), Just("\n\n")],
            30,
        ),
    )
        .prop_map(|(pieces, ends)| {
            pieces
                .iter()
                .zip(ends.iter().cycle())
                .map(|(p, e)| format!("{p}{e}"))
                .collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn segmentation_is_lossless_for_any_text(text in document_text()) {
        let doc = domei_article::parse_text("prop.txt", text.clone());
        prop_assert_eq!(&doc.text, &text);
        assert_lossless(&doc);
    }

    #[test]
    fn any_bytes_decode_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        match domei_article::parse_bytes("bytes.bin", &bytes) {
            Ok(doc) => assert_lossless(&doc),
            Err(err) => prop_assert!(err.to_string().starts_with("bytes.bin:")),
        }
    }

    #[test]
    fn full_pipeline_never_panics(text in document_text()) {
        let doc = crate::util::pipeline().parse_bytes("prop.txt", text.as_bytes()).unwrap();
        assert_lossless(&doc);
    }
}
