//! TEI P5: validation with jing against tei_all.rng, golden file, structure, safety.

mod common;

use common::*;
use domei_model::{Document, Span};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn to_tei(doc: &Document) -> String {
    let mut out = Vec::new();
    domei_xml::tei::write(doc, &mut out).expect("write");
    String::from_utf8(out).expect("UTF-8")
}

/// Pull every span of a generated document into its text, so that the inline markup
/// (anchors, dates, mentions, references and their fields) is exercised, crossing and
/// off character boundaries included.
fn densify(mut doc: Document) -> Document {
    if doc.text.is_empty() {
        doc.text = "日米 <NATO> & 同盟 ]]> 2024年".into();
    }
    let n = doc.text.len() + 1;
    let fix = |s: &mut Span| {
        let (a, b) = (s.start % n, s.end % n);
        *s = Span::new(a.min(b), a.max(b));
    };
    let fix_opt = |s: &mut Option<Span>| {
        if let Some(s) = s {
            let (a, b) = (s.start % n, s.end % n);
            *s = Span::new(a.min(b), a.max(b));
        }
    };
    let mut at = 0;
    let len = doc.blocks.len().max(1);
    let step = doc.text.len() / len;
    for b in &mut doc.blocks {
        b.span = Span::new(at, (at + step).min(doc.text.len()));
        b.content = b.span;
        at = b.span.end;
    }
    doc.anchors.iter_mut().for_each(|a| fix(&mut a.span));
    doc.dates.iter_mut().for_each(|d| fix(&mut d.span));
    doc.mentions.iter_mut().for_each(|m| fix(&mut m.span));
    for note in &mut doc.notes {
        fix_opt(&mut note.text.span);
        for r in &mut note.references {
            fix(&mut r.span);
            for p in r
                .authors
                .iter_mut()
                .chain(&mut r.editors)
                .chain(&mut r.translators)
            {
                fix_opt(&mut p.span);
            }
            for f in [
                &mut r.title,
                &mut r.container_title,
                &mut r.publisher,
                &mut r.url,
                &mut r.page,
            ]
            .into_iter()
            .flatten()
            {
                fix_opt(&mut f.span);
            }
            if let Some(d) = &mut r.issued {
                fix_opt(&mut d.span);
            }
        }
    }
    doc
}

#[test]
fn every_tei_file_validates_with_jing() {
    let dir = scratch("tei");
    let mut docs = vec![sample_document(), empty_document()];
    docs.extend(sample(document(xml_str()), 30));
    docs.extend(sample(document(any_str()), 30).into_iter().map(densify));
    docs.extend(sample(document(xml_str()), 30).into_iter().map(densify));
    let mut files: Vec<PathBuf> = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let path = dir.join(format!("{i}.tei.xml"));
        std::fs::write(&path, to_tei(doc)).expect("write file");
        files.push(path);
    }
    jing(&files);
}

#[test]
fn jing_can_fail() {
    let dir = scratch("tei-negative");
    let tei = to_tei(&sample_document());
    let bad = tei.replacen("<teiHeader>", "<teiHeader><bogus/>", 1);
    let path = dir.join("bad.tei.xml");
    std::fs::write(&path, bad).expect("write");
    let out = std::process::Command::new("jing")
        .arg(tei_rng())
        .arg(&path)
        .output()
        .expect("jing is required");
    assert!(!out.status.success());
}

#[test]
fn golden_sample_tei() {
    let actual = to_tei(&sample_document());
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/sample.tei.xml");
    if std::env::var_os("DOMEI_BLESS").is_some() {
        std::fs::write(&path, &actual).expect("bless");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with DOMEI_BLESS=1)", path.display()));
    assert!(
        expected == actual,
        "{} differs; rerun with DOMEI_BLESS=1 after checking the change",
        path.display()
    );
}

#[test]
fn sample_has_the_tei_structure() {
    let tei = to_tei(&sample_document());
    for needle in [
        "<title type=\"main\">日米同盟とNATOの接近</title>",
        "<title type=\"sub\">―インド太平洋の安全保障―</title>",
        "<author><name>山田太郎</name>\n<affiliation>平和政策研究所研究員</affiliation>\n</author>",
        "<resp>translation</resp>",
        "<publisher>平和政策研究所</publisher>",
        "<date when=\"2024-10-27\">2024年10月27日</date>",
        "<title level=\"j\">東亜</title>",
        "<language ident=\"ja\"/>",
        "<term type=\"tag\">米国</term>",
        "<div type=\"section\" n=\"1.\">\n<head>1. はじめに</head>",
        "<div type=\"section\" n=\"(1)\">\n<head>(1) 背景</head>",
        "<ref type=\"noteAnchor\" target=\"#n1\">[1]</ref>",
        "<rs type=\"alliance\" ref=\"#nato\">NATO</rs>",
        "<rs type=\"agreement\" ref=\"#nato-japan-itpp\">国別適合パートナーシップ計画</rs>",
        "<rs type=\"framework\" ref=\"#kb-aukus\">AUKUS</rs>",
        "&lt;<rs type=\"agreement\"",
        "<list>\n<item n=\"・\">",
        "<quote>「同盟は ]]&gt; 力である」と述べた。</quote>",
        "<closer>\n<signed>",
        "<note place=\"foot\" xml:id=\"n1\" n=\"1\">",
        "<bibl type=\"article-magazine\" xml:id=\"n1-r1\" xml:lang=\"en\"><author>John Smith</author>",
        "<title level=\"a\">NATO at 75</title>",
        "<biblScope unit=\"page\">21–23</biblScope>",
        "<idno type=\"URI\">https://example.org/nato?a=1&amp;b=2</idno>",
        "subtype=\"ibid\" corresp=\"#n1-r1\"",
        "<citedRange unit=\"page\">24</citedRange>",
        "<biblStruct type=\"article-magazine\" corresp=\"#n1-r1\">",
        "<forename>John</forename> <surname>Smith</surname>",
        "<listOrg>",
        "<org xml:id=\"japan\" type=\"country\">",
        "<orgName xml:lang=\"en\">North Atlantic Treaty Organization</orgName>",
        "<relation name=\"member\" active=\"#japan #kb-usa\" passive=\"#quad\"/>",
        "<event xml:id=\"nato-japan-itpp\" type=\"agreement\" subtype=\"partnership\">",
        "<event type=\"signed\" when=\"2023-07\">",
        "<ptr type=\"parties\" target=\"#nato #japan\"/>",
        "<event type=\"entered_into_force\" when=\"1949-08-24\">",
    ] {
        assert!(tei.contains(needle), "missing {needle:?} in\n{tei}");
    }
    // the body holds every body block's text once; page chrome and metadata stay out
    assert!(!tei.contains("コメントを残す"));
    assert!(tei.find("<back>").unwrap() > tei.find("</body>").unwrap());
}

/// The character data of `<body>`, unescaped.
fn body_text(tei: &str) -> String {
    let mut reader = quick_xml::Reader::from_str(tei);
    let mut depth_in_body = 0usize;
    let mut out = String::new();
    loop {
        match reader.read_event().expect("well-formed") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e)
                if depth_in_body > 0 || e.local_name().as_ref() == b"body" =>
            {
                depth_in_body += 1;
            }
            quick_xml::events::Event::End(_) => depth_in_body = depth_in_body.saturating_sub(1),
            quick_xml::events::Event::Text(t) if depth_in_body > 0 => {
                out.push_str(&t.unescape().expect("unescape"))
            }
            _ => {}
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Inline markup never loses or moves text: the body's character data is the text of
    /// the body blocks, in order.
    #[test]
    fn tei_body_keeps_the_text_of_every_body_block(doc in document(xml_str())) {
        let doc = densify(doc);
        let body = body_text(&to_tei(&doc));
        let mut from = 0;
        for b in doc.blocks.iter().filter(|b| b.kind.is_body()) {
            let text = b.content.slice(&doc.text).unwrap_or(&b.text);
            match body[from..].find(text) {
                Some(i) => from += i + text.len(),
                None => return Err(TestCaseError::fail(format!("block text {text:?} missing after byte {from} of {body:?}"))),
            }
        }
    }

    #[test]
    fn any_content_gives_well_formed_tei(doc in document(any_str())) {
        for d in [densify(doc.clone()), doc] {
            let tei = to_tei(&d);
            prop_assert!(tei.chars().all(domei_xml::is_xml_char));
            let mut reader = quick_xml::Reader::from_str(&tei);
            reader.config_mut().check_end_names = true;
            let mut depth = 0i64;
            loop {
                match reader.read_event() {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(quick_xml::events::Event::Start(_)) => depth += 1,
                    Ok(quick_xml::events::Event::End(_)) => depth -= 1,
                    Ok(_) => {}
                    Err(e) => return Err(TestCaseError::fail(format!("{e}\n{tei}"))),
                }
            }
            prop_assert_eq!(depth, 0);
        }
    }
}

/// A date or an entity mention of a note that starts where a part of a reference starts
/// (author, volume, pages …) and runs on: TEI has no room for those parts inside a
/// `date` or `rs`, so they are left unmarked there and the file stays valid.
#[test]
fn reference_parts_covered_by_a_date_or_mention_stay_valid() {
    use domei_model::{Date, DateMention, EntityCategory, Mention, Ymd};
    let mut doc = sample_document();
    let mut dates = Vec::new();
    let mut mentions = Vec::new();
    for r in doc.notes.iter().flat_map(|n| &n.references) {
        let parts = r.authors.iter().filter_map(|p| p.span).chain(
            [
                &r.volume,
                &r.issue,
                &r.page,
                &r.publisher,
                &r.publisher_place,
            ]
            .into_iter()
            .flatten()
            .filter_map(|f| f.span),
        );
        for (k, part) in parts.enumerate() {
            let cover = Span::new(part.start, r.span.end);
            let text = doc.text[cover.start..cover.end].to_string();
            if k % 2 == 0 {
                dates.push(DateMention {
                    span: cover,
                    text,
                    date: Date::absolute(Ymd::year(2024)),
                });
            } else {
                mentions.push(Mention {
                    span: cover,
                    text,
                    category: EntityCategory::Organization,
                    entity: "nato".into(),
                    compound: None,
                    date: None,
                    block: 0,
                });
            }
        }
    }
    assert!(
        dates.len() >= 2 && !mentions.is_empty(),
        "the sample's references have parts"
    );
    doc.dates.extend(dates);
    doc.dates.sort_by_key(|d| d.span.start);
    doc.mentions.extend(mentions);
    doc.mentions.sort_by_key(|m| m.span.start);
    let tei = to_tei(&doc);
    let path = scratch("tei-covered").join("covered.tei.xml");
    std::fs::write(&path, &tei).expect("write file");
    jing(&[path]);
    assert!(
        tei.contains("John Smith"),
        "the covered text is still there"
    );
}
