//! Property tests: random reference content always gives files the tools accept.
//!
//! The biblatex crate checks every case; biber and bibtex cost about a second a run, so
//! they check a few batches of many references each, one file per run.

mod support;

use biblatex::ChunksExt;
use domei_bibtex::{Bibliography, write_biblatex, write_bibtex};
use domei_model::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        4 => "[\\\\{}%#&$_^~@\"', a-zA-Z0-9日本語\n\t\r]{0,30}",
        1 => Just("\\input{/etc/passwd}".to_string()),
        1 => Just("\\write18{touch /tmp/pwned}".to_string()),
        1 => Just("}{ and , and".to_string()),
        1 => Just("  ".to_string()),
    ]
}

fn opt_text() -> impl Strategy<Value = Option<Spanned<String>>> {
    proptest::option::of(nasty().prop_map(Spanned::detached))
}

fn person() -> impl Strategy<Value = Spanned<Person>> {
    (
        proptest::option::of(nasty()),
        proptest::option::of(nasty()),
        proptest::option::of(nasty()),
        proptest::option::of(nasty()),
    )
        .prop_map(|(family, given, literal, suffix)| {
            Spanned::detached(Person {
                family,
                given,
                literal,
                suffix,
            })
        })
}

fn date() -> impl Strategy<Value = Option<Spanned<Date>>> {
    proptest::option::of(
        (
            -10i32..12000,
            proptest::option::of(0u8..14),
            proptest::option::of(0u8..33),
            proptest::option::of((1990i32..2030, 1u8..13)),
            any::<bool>(),
        )
            .prop_map(|(year, month, day, end, season)| {
                let mut d = Date::absolute(Ymd {
                    year,
                    month,
                    day: month.and(day),
                });
                if let Some((y, m)) = end {
                    d.end = Some(Ymd::month(y, m));
                    d.precision = Precision::Range;
                } else if season {
                    d.precision = Precision::Season;
                    d.season = Some(Season::Winter);
                }
                Spanned::detached(d)
            }),
    )
}

const TYPES: [ReferenceType; 15] = [
    ReferenceType::ArticleNewspaper,
    ReferenceType::ArticleMagazine,
    ReferenceType::ArticleJournal,
    ReferenceType::Report,
    ReferenceType::Webpage,
    ReferenceType::Book,
    ReferenceType::Chapter,
    ReferenceType::Speech,
    ReferenceType::Interview,
    ReferenceType::Legislation,
    ReferenceType::Post,
    ReferenceType::Document,
    ReferenceType::PaperConference,
    ReferenceType::Thesis,
    ReferenceType::Article,
];

fn reference() -> impl Strategy<Value = Reference> {
    (
        (
            0usize..TYPES.len(),
            nasty(),
            proptest::collection::vec(person(), 0..3),
            proptest::collection::vec(person(), 0..2),
            proptest::collection::vec(person(), 0..2),
            any::<bool>(),
        ),
        (
            opt_text(),
            opt_text(),
            opt_text(),
            opt_text(),
            opt_text(),
            opt_text(),
        ),
        (
            date(),
            date(),
            opt_text(),
            opt_text(),
            opt_text(),
            opt_text(),
        ),
        (
            opt_text(),
            proptest::option::of(prop_oneof![
                Just("ja".to_string()),
                Just("en".to_string()),
                nasty()
            ]),
            // A number: an arXiv id now and then (`eprint`), else any text.
            proptest::option::of(prop_oneof![
                nasty().prop_map(|s| format!("arXiv:{s}")),
                nasty()
            ])
            .prop_map(|n| n.map(Spanned::detached)),
            opt_text(),
            opt_text(),
        ),
    )
        .prop_map(|(a, b, c, d)| Reference {
            kind: TYPES[a.0],
            raw: a.1,
            authors: a.2,
            editors: a.3,
            translators: a.4,
            et_al: a.5,
            title: b.0,
            container_title: b.1,
            publisher: b.2,
            publisher_place: b.3,
            genre: b.4,
            event: b.5,
            issued: c.0,
            accessed: c.1,
            volume: c.2,
            issue: c.3,
            page: c.4,
            url: c.5,
            doi: d.0,
            language: d.1,
            number: d.2,
            collection_title: d.3,
            collection_number: d.4,
            ..Reference::default()
        })
}

/// A document whose one note holds `refs` (ids `n1-r<k>`), the last one an ibid. of
/// the first.
fn document(id: &str, refs: Vec<Reference>) -> Document {
    let mut refs: Vec<Reference> = refs
        .into_iter()
        .enumerate()
        .map(|(k, r)| Reference {
            id: format!("n1-r{}", k + 1),
            ..r
        })
        .collect();
    if refs.len() > 1 {
        let n = refs.len();
        refs[n - 1].repeat = Some(Repeat {
            kind: RepeatKind::Ibid,
            target: Some("n1-r1".into()),
        });
    }
    let json = format!(
        r#"{{"format_version":1,"id":"{id}","source":{{"path":"x","byte_len":0,"sha256":"","encoding":{{"name":"UTF-8","bom":false,"detected_by":"valid_utf8"}},"line_endings":"none","text_len":0}},"text":"","metadata":{{"language":"ja"}},"blocks":[]}}"#
    );
    let mut doc: Document = serde_json::from_str(&json).unwrap();
    doc.notes.push(Note {
        id: "n1".into(),
        number: 1,
        label: "1".into(),
        span: Span::default(),
        text: Spanned::detached(String::new()),
        references: refs,
        commentary: vec![],
        anchors: vec![],
        block: 0,
    });
    doc
}

/// Braces balance the way BibTeX counts them (a backslash does not escape a brace),
/// and every backslash starts one of the commands the escaper writes.
fn check_inert(bib: &str) {
    let mut depth = 0i64;
    for c in bib.chars() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                assert!(depth >= 0, "unbalanced close brace");
            }
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unbalanced braces");
    const COMMANDS: [&str; 11] = [
        "\\#",
        "\\$",
        "\\%",
        "\\&",
        "\\_",
        "\\textasciitilde{}",
        "\\textasciicircum{}",
        "\\textbackslash{}",
        "\\textbraceleft{}",
        "\\textbraceright{}",
        "\\url{",
    ];
    for (i, _) in bib.match_indices('\\') {
        assert!(
            COMMANDS.iter().any(|c| bib[i..].starts_with(c)),
            "stray command at {:?}",
            &bib[i..bib.len().min(i + 20)]
        );
    }
}

fn expected_text(s: &str) -> String {
    s.chars()
        .filter(|&c| c != '\0')
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_content_parses_back_and_stays_inert(refs in proptest::collection::vec(reference(), 1..6)) {
        let docs = vec![document("d", refs)];
        let bib = Bibliography::new(&docs);
        let mut out = Vec::new();
        write_biblatex(&docs, &mut out).unwrap();
        let src = String::from_utf8(out).unwrap();
        check_inert(&src);
        let parsed = biblatex::Bibliography::parse(&src).unwrap();
        prop_assert_eq!(parsed.len(), bib.entries().len());
        let keys: std::collections::HashSet<&str> = bib.entries().iter().map(|e| e.key.as_str()).collect();
        prop_assert_eq!(keys.len(), bib.entries().len(), "keys are unique");
        for e in bib.entries() {
            let got = parsed.get(&e.key).unwrap();
            prop_assert!(e.key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
            if let Some(t) = e.reference.title.as_ref().map(|t| expected_text(&t.value)).filter(|t| !t.is_empty()) {
                let title = got.get("title").unwrap().format_verbatim();
                // The biblatex crate reads `--` and `---` as dashes.
                let want = t.replace("---", "—").replace("--", "–");
                prop_assert_eq!(title.split_whitespace().collect::<Vec<_>>(), want.split_whitespace().collect::<Vec<_>>());
            }
        }
        let mut out = Vec::new();
        write_bibtex(&docs, &mut out).unwrap();
        let classic = String::from_utf8(out).unwrap();
        check_inert(&classic);
        prop_assert_eq!(biblatex::RawBibliography::parse(&classic).unwrap().entries.len(), bib.entries().len());
    }
}

/// Batches of random references through the real tools.
#[test]
fn biber_and_bibtex_accept_random_batches() {
    let mut runner = TestRunner::new(Config {
        cases: 3,
        ..Config::default()
    });
    runner
        .run(&proptest::collection::vec(reference(), 40..60), |refs| {
            let docs = vec![document("batch", refs)];
            let mut out = Vec::new();
            write_biblatex(&docs, &mut out).unwrap();
            let bib = String::from_utf8(out).unwrap();
            let problems = support::biber_problems(&bib, "prop");
            prop_assert!(problems.is_empty(), "biber: {:#?}\n{}", problems, bib);
            let mut out = Vec::new();
            write_bibtex(&docs, &mut out).unwrap();
            let classic = String::from_utf8(out).unwrap();
            let (ok, warnings, log) = support::bibtex_run(&classic, "prop");
            prop_assert!(ok, "bibtex failed: {}", log);
            prop_assert!(
                warnings.is_empty(),
                "bibtex warnings: {:#?}\n{}",
                warnings,
                classic
            );
            Ok(())
        })
        .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The one-pass writers (`write_biblatex`, `write_bibtex`) write the same text as
    /// `Bibliography::new` then its writers: same entries, keys, suffixes and keywords,
    /// over documents that share references, share ids and come in any order.
    #[test]
    fn one_pass_writers_equal_new_then_write(
        pool in proptest::collection::vec(reference(), 1..6),
        picks in proptest::collection::vec((0usize..4, proptest::collection::vec(0usize..6, 1..5)), 1..6),
    ) {
        let docs: Vec<Document> = picks
            .iter()
            .map(|(id, refs)| {
                let refs = refs.iter().map(|&i| pool[i % pool.len()].clone()).collect();
                document(["d3", "d1", "d2", "d1"][*id], refs)
            })
            .collect();
        let bib = Bibliography::new(&docs);
        let (mut one, mut two) = (Vec::new(), Vec::new());
        write_biblatex(&docs, &mut one).unwrap();
        bib.write_biblatex(&mut two).unwrap();
        prop_assert_eq!(String::from_utf8(one).unwrap(), String::from_utf8(two).unwrap());
        let (mut one, mut two) = (Vec::new(), Vec::new());
        write_bibtex(&docs, &mut one).unwrap();
        bib.write_bibtex(&mut two).unwrap();
        prop_assert_eq!(String::from_utf8(one).unwrap(), String::from_utf8(two).unwrap());
    }
}

/// Batches of random references as CSL-JSON: Python's `json` reads every batch, with one
/// item per full reference holding the same id, type and title as `csl::item`.
#[test]
fn python_reads_csl_json_of_random_batches() {
    let mut runner = TestRunner::new(Config {
        cases: 4,
        ..Config::default()
    });
    runner
        .run(&proptest::collection::vec(reference(), 20..40), |refs| {
            let mut doc = document("b", refs);
            // An id that JSON must escape.
            doc.id = "b\"1\\".into();
            let docs = vec![doc];
            let mut out = Vec::new();
            domei_bibtex::csl::write_items(&docs, &mut out).unwrap();
            let script = "import json,sys\nfor it in json.load(sys.stdin): print(json.dumps([it['id'], it['type'], it.get('title')]))";
            let got: Vec<serde_json::Value> = domei_tests::files::python(script, &out)
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            let want: Vec<serde_json::Value> = docs[0]
                .notes
                .iter()
                .flat_map(|n| &n.references)
                .filter(|r| r.repeat.is_none())
                .map(|r| {
                    let item = domei_bibtex::csl::item(r);
                    serde_json::json!([format!("{}-{}", docs[0].id, r.id), item["type"], item.get("title")])
                })
                .collect();
            prop_assert_eq!(got, want);
            Ok(())
        })
        .unwrap();
}
