//! Unit tests on hand-made documents, anchor cases and property tests.

use super::*;
use crate::parse::{is_ja_division, is_ja_edition, is_label, ja_bare_series};
use domei_model::{Block, FORMAT_VERSION, Metadata, ReferenceType, Source};
use proptest::prelude::*;

/// A document from `(kind, line)` pairs, one block per line.
fn doc(lines: &[(BlockKind, &str)]) -> Document {
    let mut text = String::new();
    let mut blocks = Vec::new();
    for (i, (kind, line)) in lines.iter().enumerate() {
        let start = text.len();
        text.push_str(line);
        let end = text.len();
        text.push('\n');
        blocks.push(Block {
            kind: kind.clone(),
            span: Span::new(start, end + 1),
            content: Span::new(start, end),
            text: line.to_string(),
            line: i + 1,
            end_line: i + 1,
        });
    }
    Document {
        format_version: FORMAT_VERSION,
        id: "t".into(),
        source: Source::default(),
        text,
        metadata: Metadata::default(),
        blocks,
        anchors: vec![],
        notes: vec![],
        dates: vec![],
        mentions: vec![],
        entities: Default::default(),
        diagnostics: vec![],
    }
}

fn note(label: &str) -> BlockKind {
    BlockKind::Note {
        label: label.into(),
    }
}

fn codes(d: &Document) -> Vec<&str> {
    d.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn anchor_cases_from_fixtures() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/refs/anchors/cases.jsonl"
    );
    let text = std::fs::read_to_string(path).expect("anchor cases");
    let mut n = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let body = v["text"].as_str().expect("text");
        let want: Vec<Vec<u32>> = serde_json::from_value(v["anchors"].clone()).expect("numbers");
        let got: Vec<Vec<u32>> = anchors::scan(body).into_iter().map(|f| f.numbers).collect();
        assert_eq!(got, want, "{body}");
        n += 1;
    }
    assert!(n >= 20);
}

#[test]
fn links_anchors_and_notes_both_ways() {
    let mut d = doc(&[
        (
            BlockKind::Paragraph,
            "同盟は強化された[1]。さらに拡大した[2, 3]。",
        ),
        (BlockKind::NotesHeading, "注"),
        (
            note("[1]"),
            "[1] 山田太郎『同盟の論理』岩波書店、2020年、12頁。",
        ),
        (note("[2]"), "[2] 同上、15頁。"),
        (
            note("[3]"),
            "[3] 鈴木花子「日米関係」『国際問題』第700号、2021年、1-10頁; 山田、前掲書、30頁。",
        ),
    ]);
    annotate(&mut d);
    assert_eq!(d.anchors.len(), 2);
    assert_eq!(d.anchors[1].numbers, vec![2, 3]);
    assert_eq!(d.anchors[1].notes, vec!["n2", "n3"]);
    assert_eq!(d.notes[2].anchors, vec!["a2"]);
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    // 同上 repeats the reference of note 1; 前掲書 finds 山田's book.
    let ibid = d.notes[1].references[0].repeat.as_ref().unwrap();
    assert_eq!(ibid.kind, RepeatKind::Ibid);
    assert_eq!(ibid.target.as_deref(), Some("n1-r1"));
    assert_eq!(
        d.notes[1].references[0].locator.as_ref().unwrap().value,
        "15"
    );
    assert_eq!(d.notes[2].references.len(), 2);
    let opcit = d.notes[2].references[1].repeat.as_ref().unwrap();
    assert_eq!(opcit.kind, RepeatKind::OpCit);
    assert_eq!(opcit.target.as_deref(), Some("n1-r1"));
}

#[test]
fn diagnostics_for_unmatched_duplicate_and_out_of_order() {
    let mut d = doc(&[
        (BlockKind::Paragraph, "One claim.[1] Another.[4]"),
        (note("1."), "1. “A Title,” NATO, July 10, 2024."),
        (note("3."), "3. “B Title,” NATO, July 11, 2024."),
        (note("3."), "3. “C Title,” NATO, July 12, 2024."),
    ]);
    annotate(&mut d);
    let c = codes(&d);
    assert!(c.contains(&"note.unmatched_anchor"), "{c:?}");
    assert!(c.contains(&"note.unmatched_note"), "{c:?}");
    assert!(c.contains(&"note.duplicate"), "{c:?}");
    assert!(c.contains(&"note.out_of_order"), "{c:?}");
    assert_eq!(d.notes[2].id, "n3-2");
}

#[test]
fn no_anchors_without_notes_and_none_outside_the_body() {
    let mut d = doc(&[
        (BlockKind::Paragraph, "See [1] here."),
        (
            BlockKind::Meta {
                field: domei_model::MetaField::Title,
            },
            "Title [2]",
        ),
    ]);
    annotate(&mut d);
    assert!(d.anchors.is_empty());
    let mut d = doc(&[
        (
            BlockKind::Meta {
                field: domei_model::MetaField::Title,
            },
            "Title [1]",
        ),
        (BlockKind::Paragraph, "Body [1]."),
        (note("[1]"), "[1] “Title,” NATO, 2024."),
    ]);
    annotate(&mut d);
    assert_eq!(d.anchors.len(), 1);
    assert_eq!(d.anchors[0].block, 1);
}

#[test]
fn english_commentary_and_see_also() {
    let (refs, comments) = parse_note(
        "See also Jane Doe, The Alliance Dilemma (Princeton: Princeton University Press, 2020), 5; Ibid., 7.",
    );
    assert_eq!(refs.len(), 2);
    assert_eq!(comments[0].value, "See also");
    assert_eq!(
        refs[0].title.as_ref().unwrap().value,
        "The Alliance Dilemma"
    );
    assert_eq!(refs[1].repeat.as_ref().unwrap().kind, RepeatKind::Ibid);
    let (refs, comments) = parse_note("This point is disputed by many observers.");
    assert!(refs.is_empty());
    assert_eq!(comments.len(), 1);
}

#[test]
fn label_numbers() {
    assert_eq!(label_number("1. 1"), Some(1));
    assert_eq!(label_number("([12])"), Some(12));
    assert_eq!(label_number("注１"), Some(1));
    assert_eq!(label_number("※"), None);
}

#[test]
fn a_one_megabyte_note_parses_and_scales_linearly() {
    let one = "Jane Doe, “Alliance Politics in Asia,” Survival 65, no. 4 (August 2023): 77–98; ";
    let count = |k: usize| parse_note(&one.repeat(k)).0.len();
    let k = (1 << 20) / one.len() + 1;
    assert_eq!(count(k), k);
    assert_eq!(count(2 * k), 2 * k);
    // A megabyte with no separator at all is one (long) piece, read without panicking.
    let long = "x".repeat(1 << 20);
    let _ = parse_reference(&long);
    let ja = "山田「題」『誌』2020年。".repeat((1 << 20) / 30);
    assert!(parse_note(&ja).0.len() > 1000);
}

proptest! {
    #[test]
    fn parse_never_panics(s in "\\PC{0,200}") {
        if let Some(r) = parse_reference(&s) {
            prop_assert_eq!(r.span.slice(&s), Some(r.raw.as_str()));
        }
        let (refs, comments) = parse_note(&s);
        for r in &refs {
            prop_assert!(r.span.slice(&s).is_some());
        }
        for c in &comments {
            prop_assert_eq!(c.span.unwrap().slice(&s), Some(c.value.as_str()));
        }
        let _ = anchors::scan(&s);
    }

    #[test]
    fn reference_like_strings_never_panic(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("“"), Just("”"), Just("「"), Just("」"), Just("『"), Just("』"), Just(", "),
                Just("("), Just(")"), Just("2024"), Just("July 10"), Just("年"), Just("頁"),
                Just("Ibid."), Just("同上"), Just("前掲"), Just("https://x.org/a"), Just("accessed "),
                Just("no. "), Just("vol. "), Just(": "), Just("12–34"), Just("et al."), Just("、"),
                Just("。"), Just("; "), Just("<"), Just(">"), Just("閲覧"), Just("ed. "), Just("Smith"),
            ],
            0..40,
        )
    ) {
        let s: String = parts.concat();
        let _ = parse_reference(&s);
        let (refs, _) = parse_note(&s);
        for r in refs {
            for f in [&r.title, &r.container_title, &r.publisher, &r.url, &r.locator, &r.page]
                .into_iter()
                .flatten()
            {
                prop_assert!(f.span.unwrap().slice(&s).is_some());
            }
        }
    }

    /// The pieces of the styles read since the probes (Vancouver, Springer, ACL, Harvard,
    /// APA chapters and brackets, IEEE places, newspaper pages), in any order.
    #[test]
    fn style_pieces_never_panic(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("In "), Just("In: "), Just("pp. "), Just("pages "), Just("["), Just("]"),
                Just("‘"), Just("’"), Just(";"), Just("Y. "), Just("Ito K"), Just("(Ed.). "),
                Just("(2024a)"), Just("2nd ed. "), Just("1面"), Just("朝刊"), Just("Tokyo, Japan"),
                Just(": "), Just(". "), Just("2021"), Just("12(3)"), Just(":45–67"), Just(", "),
                Just("Kim Boram"), Just("(Eds.), "), Just("edited by "), Just("Accessed: "),
                Just("参照"), Just("Vol.5"), Just("（2023年6月）"), Just("A23"), Just("–84"),
                Just("“"), Just("”"), Just("(“2+2”)"), Just("M.S. thesis"), Just("Winter 1983"),
            ],
            0..40,
        )
    ) {
        let s: String = parts.concat();
        if let Some(r) = parse_reference(&s) {
            prop_assert_eq!(r.span.slice(&s), Some(r.raw.as_str()));
            for f in [&r.title, &r.container_title, &r.publisher, &r.publisher_place, &r.page,
                &r.locator, &r.volume, &r.issue, &r.genre]
                .into_iter()
                .flatten()
            {
                prop_assert!(f.span.unwrap().slice(&s).is_some());
            }
        }
        let _ = parse_note(&s);
    }

    #[test]
    fn mixed_script_strings_never_panic(
        s in "[a-zA-Z0-9 .,:;()\\[\\]“”\"'’「」『』（）、。・年月日号巻頁第編訳他ほか同上前掲閲覧注※*¹²【】<>/-–]{0,80}"
    ) {
        if let Some(r) = parse_reference(&s) {
            prop_assert_eq!(r.span.slice(&s), Some(r.raw.as_str()));
        }
        let (refs, _) = parse_note(&s);
        for r in refs {
            prop_assert!(r.span.slice(&s).is_some());
        }
        let _ = anchors::scan(&s);
    }

    #[test]
    fn annotate_never_panics(body in "\\PC{0,120}", n in "\\PC{0,120}") {
        let mut d = doc(&[(BlockKind::Paragraph, &body), (note("1"), &n)]);
        annotate(&mut d);
        for a in &d.anchors {
            prop_assert_eq!(a.span.slice(&d.text), Some(a.text.as_str()));
        }
    }
}

#[test]
fn leading_labels_of_lone_references() {
    for (s, rest) in [
        ("1. 1 “A,” NATO, 2024.", "“A,” NATO, 2024."),
        (
            "12. Jane Doe, The Book (Pub, 2020).",
            "Jane Doe, The Book (Pub, 2020).",
        ),
        (
            "[3] A. Kumar, “T,” IEEE Access, 2023.",
            "A. Kumar, “T,” IEEE Access, 2023.",
        ),
        ("([1]) 外務省「声明」2023年。", "外務省「声明」2023年。"),
        (
            "(2) 山田『本』有斐閣、2020年。",
            "山田『本』有斐閣、2020年。",
        ),
        (
            "3) 山田『本』有斐閣、2020年。",
            "山田『本』有斐閣、2020年。",
        ),
        (
            "注4 山田『本』有斐閣、2020年。",
            "山田『本』有斐閣、2020年。",
        ),
        (
            "※5 山田『本』有斐閣、2020年。",
            "山田『本』有斐閣、2020年。",
        ),
    ] {
        let r = parse_reference(s).unwrap();
        assert_eq!(r.raw, rest, "{s}");
    }
    // Not labels: a year, a title that starts with a number.
    assert_eq!(label_len("2024 Defense Report, NATO, 2024."), 0);
    assert_eq!(label_len("1950s Alliances, 2020."), 0);
    assert_eq!(label_len("12345"), 0);
}

#[test]
fn notes_split_into_references_and_commentary() {
    let cases: &[(&str, usize, &[&str])] = &[
        (
            "Jane Doe, The Alliance Dilemma (Princeton: Princeton University Press, 2020), 5; John Roe, “Allies,” Survival 60, no. 1 (2018): 7–20.",
            2,
            &[],
        ),
        (
            "See also Jane Doe, The Alliance Dilemma (Princeton: Princeton University Press, 2020), 5. This argument is contested.",
            1,
            &["See also", "This argument is contested."],
        ),
        (
            "For a critique, see Roe, “Allies,” 12.",
            1,
            &["For a critique, see"],
        ),
        (
            "山田太郎「同盟論」『国際問題』第1号、2020年、1-2頁；鈴木花子『安保』有斐閣、2019年。",
            2,
            &[],
        ),
        (
            "詳しくは、鈴木花子『安保』有斐閣、2019年、10頁を参照されたい。",
            1,
            &["詳しくは、", "を参照されたい。"],
        ),
        (
            "なお、この点については別稿で論じる。",
            0,
            &["なお、この点については別稿で論じる。"],
        ),
        ("Ibid.; Doe, The Alliance Dilemma, 7.", 2, &[]),
    ];
    for (note, n, comments) in cases {
        let (refs, c) = parse_note(note);
        assert_eq!(refs.len(), *n, "{note}");
        let c: Vec<&str> = c.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(c, *comments, "{note}");
        for r in &refs {
            assert_eq!(r.span.slice(note), Some(r.raw.as_str()));
        }
    }
    let (refs, _) = parse_note("For a critique, see Roe, “Allies,” 12.");
    assert_eq!(refs[0].authors[0].value.family.as_deref(), Some("Roe"));
    assert_eq!(refs[0].repeat.as_ref().unwrap().kind, RepeatKind::ShortForm);
}

#[test]
fn op_cit_by_note_number() {
    let mut d = doc(&[
        (BlockKind::Paragraph, "本文[1]。本文[2]。本文[3]。"),
        (
            note("[1]"),
            "[1] 山田太郎『同盟の論理』岩波書店、2020年、12頁。",
        ),
        (
            note("[2]"),
            "[2] 鈴木花子『安保の論理』有斐閣、2019年、3頁。",
        ),
        (note("[3]"), "[3] 山田・前掲注(1)、30頁。"),
    ]);
    annotate(&mut d);
    let r = &d.notes[2].references[0];
    assert_eq!(r.repeat.as_ref().unwrap().target.as_deref(), Some("n1-r1"));
    assert_eq!(r.locator.as_ref().unwrap().value, "30");
    let r = parse_reference("Smith, supra note 4, at 12.").unwrap();
    assert_eq!(r.repeat.as_ref().unwrap().kind, RepeatKind::OpCit);
    assert_eq!(r.locator.as_ref().unwrap().value, "12");
}

#[test]
fn author_date_short_forms_link_by_author_and_year() {
    let mut d = doc(&[
        (BlockKind::Paragraph, "Text[1]. Text[2]. Text[3]. Text[4]."),
        (
            note("[1]"),
            "[1] Lund, Petra. 2015. Alliance Politics. London: Routledge.",
        ),
        (
            note("[2]"),
            "[2] Lund, Petra. 2018. Naval Bases. Oxford: Clarendon Press.",
        ),
        (note("[3]"), "[3] Lund 2015, 45."),
        (note("[4]"), "[4] Lund (2018), p. 7; Id. at 9."),
    ]);
    annotate(&mut d);
    let short = &d.notes[2].references[0];
    let repeat = short.repeat.as_ref().unwrap();
    assert_eq!(repeat.kind, RepeatKind::ShortForm);
    // The 2015 book, though the 2018 one by the same author is nearer.
    assert_eq!(repeat.target.as_deref(), Some("n1-r1"));
    assert_eq!(short.locator.as_ref().unwrap().value, "45");
    let refs = &d.notes[3].references;
    assert_eq!(
        refs[0].repeat.as_ref().unwrap().target.as_deref(),
        Some("n2-r1")
    );
    assert_eq!(refs[0].locator.as_ref().unwrap().value, "7");
    // "Id." repeats the reference before it, at the page after "at".
    assert_eq!(refs[1].repeat.as_ref().unwrap().kind, RepeatKind::Ibid);
    assert_eq!(
        refs[1].repeat.as_ref().unwrap().target.as_deref(),
        Some("n2-r1")
    );
    assert_eq!(refs[1].locator.as_ref().unwrap().value, "9");
    // Not a short form: a title follows the year.
    let r = parse_reference("Lund 2015 Alliance Politics, 45.").unwrap();
    assert!(r.repeat.is_none() || r.issued.is_none());
    let r = parse_reference("Op. cit., p. 7.").unwrap();
    assert_eq!(r.repeat.as_ref().unwrap().kind, RepeatKind::OpCit);
    assert!(r.authors.is_empty());
}

/// The value and the text its span covers, for a field read from `raw`.
fn spanned<'a>(raw: &'a str, f: &'a Option<Spanned<String>>) -> Option<(&'a str, &'a str)> {
    f.as_ref().map(|f| {
        (
            f.value.as_str(),
            f.span.and_then(|s| s.slice(raw)).unwrap_or(""),
        )
    })
}

#[test]
fn report_numbers_and_series_are_kept_apart_from_journal_issues() {
    let raw =
        "Eric Gomez, “Taiwan and Deterrence,” Policy Analysis no. 788, Cato Institute, March 2020.";
    let r = parse_reference(raw).expect("reference");
    assert_eq!(spanned(raw, &r.number), Some(("788", "788")));
    assert_eq!(
        spanned(raw, &r.collection_title),
        Some(("Policy Analysis", "Policy Analysis"))
    );
    assert_eq!(r.container_title, None);
    assert_eq!(r.volume, None);
    assert_eq!(r.kind, ReferenceType::Report);

    // A journal keeps its volume and issue and gets no number.
    let raw =
        "Ruth Abrams, “Burden Sharing,” International Security 48, no. 1 (Summer 2023): 9–45.";
    let r = parse_reference(raw).expect("reference");
    assert_eq!(r.number, None);
    assert_eq!(r.collection_title, None);
    assert_eq!(r.issue.as_ref().map(|v| v.value.as_str()), Some("1"));
    assert_eq!(r.kind, ReferenceType::ArticleJournal);

    // A year or a date is not a number.
    let r = parse_reference("“Allies Agree,” NATO, June 3, 2024.").expect("reference");
    assert_eq!(r.number, None);
    let r = parse_reference("Jane Doe, Deterrence (Santa Monica, CA: RAND Corporation, 2020).")
        .expect("reference");
    assert_eq!(r.number, None);

    // Generic words with an acronym are a genre; a name of its own is a series.
    let raw = "Mark Manyin, “U.S.-Japan Relations,” CRS Report R47258 (Washington, DC: Congressional Research Service, 2023).";
    let r = parse_reference(raw).expect("reference");
    assert_eq!(spanned(raw, &r.genre), Some(("CRS Report", "CRS Report")));
    assert_eq!(spanned(raw, &r.number), Some(("R47258", "R47258")));
    assert_eq!(r.collection_title, None);

    let raw = "防衛研究所「日米同盟の課題」『NIDSコメンタリー』第123号、2020年6月。";
    let r = parse_reference(raw).expect("reference");
    assert_eq!(
        spanned(raw, &r.collection_title),
        Some(("NIDSコメンタリー", "NIDSコメンタリー"))
    );
    assert_eq!(spanned(raw, &r.number), Some(("123", "123")));
    assert_eq!(r.issue, None);
    let raw = "山田太郎「日米同盟の新局面」『国際問題』第712号、2023年5月、15-27頁。";
    let r = parse_reference(raw).expect("reference");
    assert_eq!(r.number, None);
    assert_eq!(r.issue.as_ref().map(|v| v.value.as_str()), Some("712"));
}

#[test]
fn name_suffixes_are_kept_with_their_person() {
    for (raw, given) in [
        (
            "Nye, Joseph S., Jr. Soft Power. New York: PublicAffairs, 2004.",
            "Joseph S.",
        ),
        (
            "Joseph S. Nye Jr., “Soft Power,” Foreign Policy, Fall 1990.",
            "Joseph S.",
        ),
        (
            "Martin Luther King, Jr., “Beyond Vietnam,” speech at Riverside Church, New York, April 4, 1967.",
            "Martin Luther",
        ),
    ] {
        let r = parse_reference(raw).expect("reference");
        let p = &r.authors[0];
        assert_eq!(p.value.given.as_deref(), Some(given), "{raw}");
        assert_eq!(p.value.suffix.as_deref(), Some("Jr."), "{raw}");
        let covered = p.span.and_then(|s| s.slice(raw)).expect("span");
        assert!(
            covered.ends_with("Jr.") || covered.ends_with("Jr"),
            "{raw}: {covered}"
        );
    }
    let r = parse_reference("Lloyd J. Austin III, “Remarks,” speech, Singapore, June 1, 2024.")
        .expect("reference");
    assert_eq!(r.authors[0].value.family.as_deref(), Some("Austin"));
    assert_eq!(r.authors[0].value.suffix.as_deref(), Some("III"));
}

#[test]
fn a_title_before_one_family_name_is_not_part_of_the_name() {
    use crate::names::person_en;
    for (s, family) in [
        ("President Biden", "Biden"),
        ("Secretary Blinken", "Blinken"),
        ("Prime Minister Kishida", "Kishida"),
        ("Foreign Minister Kamikawa", "Kamikawa"),
        ("Secretary General Stoltenberg", "Stoltenberg"),
        ("Secretary-General Guterres", "Guterres"),
        ("Gen. Milley", "Milley"),
        ("Dr. Kissinger", "Kissinger"),
        ("Chief Cabinet Secretary Hayashi", "Hayashi"),
        ("National Security Advisor Sullivan", "Sullivan"),
        ("Japanese Defense Minister Kihara", "Kihara"),
        ("Vice President Harris", "Harris"),
        ("Major General Ryan", "Ryan"),
        ("Secretary of State Blinken", "Blinken"),
        ("Minister of Foreign Affairs Hayashi", "Hayashi"),
        ("Secretary of the Navy Smith", "Smith"),
    ] {
        let p = person_en(s);
        assert_eq!(p.family.as_deref(), Some(family), "{s}");
        assert_eq!(p.given, None, "{s}");
        assert_eq!(p.literal, None, "{s}");
    }
    // A title alone, or before a word that is no name, keeps its words.
    for s in [
        "Secretary General",
        "Secretary of Defense",
        "Representative Office",
        "National Security Council",
        "Chief Cabinet Secretary",
        "President of the United States",
        "Assistant Secretary of Defense",
        "UN General Assembly",
    ] {
        assert_eq!(person_en(s).literal.as_deref(), Some(s), "{s}");
    }
}

#[test]
fn a_family_name_in_capitals_is_the_family_name_wherever_it_stands() {
    use crate::names::person_en;
    for (s, family, given) in [
        ("KITAOKA Shinichi", "KITAOKA", "Shinichi"),
        ("Shinichi KITAOKA", "KITAOKA", "Shinichi"),
        ("KIM Dae-jung", "KIM", "Dae-jung"),
        ("OH Seung-yeol", "OH", "Seung-yeol"),
        ("ITO Go Tadashi", "ITO", "Go Tadashi"),
        // Initials and acronyms in capitals are not family names.
        ("MK Narayanan", "Narayanan", "MK"),
        // Without capitals the Western order stays.
        ("Akihiko Tanaka", "Tanaka", "Akihiko"),
    ] {
        let p = person_en(s);
        assert_eq!(p.family.as_deref(), Some(family), "{s}");
        assert_eq!(p.given.as_deref(), Some(given), "{s}");
    }
}

#[test]
fn news_outlets_and_acronyms_are_organisations() {
    use crate::names::is_org;
    for s in [
        "Yomiuri Shimbun",
        "Chosun Ilbo",
        "NHK World",
        "CNN Politics",
        "JFK Library",
    ] {
        assert!(is_org(s), "{s}");
    }
    for s in [
        "JD Vance",
        "KITAOKA Shinichi",
        "Kim Ilbong",
        "Shinichi Kitaoka",
    ] {
        assert!(!is_org(s), "{s}");
    }
}

#[test]
fn labels_of_the_file_are_told_from_names_and_publishers() {
    for s in [
        "PDF",
        "pdf",
        "PDF: 1.2MB",
        "PDF：345KB",
        "PDF形式",
        "in Japanese",
        "Japanese",
        "provisional translation",
        "video",
        "仮訳",
        "英文",
        "概要",
        "外部リンク",
    ] {
        assert!(is_label(s), "{s}");
    }
    for s in [
        "PDF Press",
        "Japan",
        "in Japan",
        "Tokyo: Ministry of Defense, 2023",
        "仮訳者",
        "概要版の解説",
        "有斐閣",
        "東京大学出版会",
        "2023年",
        "",
    ] {
        assert!(!is_label(s), "{s}");
    }
}

#[test]
fn theses_conference_papers_and_preprints_have_their_types() {
    let cases = [
        (
            "Kenta Mori, “Alliance Politics” (PhD diss., Georgetown University, 2018).",
            ReferenceType::Thesis,
        ),
        (
            "高橋花子「拡大抑止の研究」博士論文、東京大学、2019年。",
            ReferenceType::Thesis,
        ),
        (
            "[5] S. Kim, “Jamming detection,” in Proc. IEEE Int. Conf. Commun., Seoul, South Korea, 2022, pp. 101–106.",
            ReferenceType::PaperConference,
        ),
        (
            "Yuki Tanaka, “Reassurance” (paper presented at the ISA Annual Meeting, Toronto, March 27, 2019).",
            ReferenceType::PaperConference,
        ),
        (
            "Akira Ito, “Hypersonic Glide Vehicles,” arXiv:2401.01234, January 2024.",
            ReferenceType::Article,
        ),
        (
            "Nakano, R. (2023). Economic coercion. SSRN. https://doi.org/10.2139/ssrn.4412345",
            ReferenceType::Article,
        ),
    ];
    for (raw, kind) in cases {
        let r = parse_reference(raw).expect("reference");
        assert_eq!(r.kind, kind, "{raw}");
    }
    let raw = "Akira Ito, “Hypersonic Glide Vehicles,” arXiv:2401.01234, January 2024.";
    let r = parse_reference(raw).expect("reference");
    assert_eq!(
        spanned(raw, &r.number),
        Some(("arXiv:2401.01234", "arXiv:2401.01234"))
    );
    assert_eq!(r.container_title, None);
}

/// Japanese chapter locators, bare 新書/文庫/選書 series and volume or edition marks are
/// read into their own fields, with spans that slice the reference; look-alikes are not.
#[test]
fn japanese_marks_leave_the_title_and_publisher() {
    let raw = "大森実『海洋国家の戦略』中公新書 1999、2008年、第2部第4章。";
    let r = parse_reference(raw).expect("reference");
    assert_eq!(spanned(raw, &r.locator), Some(("第2部第4章", "第2部第4章")));
    assert_eq!(
        spanned(raw, &r.collection_title),
        Some(("中公新書", "中公新書"))
    );
    assert_eq!(spanned(raw, &r.collection_number), Some(("1999", "1999")));
    assert_eq!(r.publisher, None);
    assert_eq!(
        spanned(raw, &r.title),
        Some(("海洋国家の戦略", "海洋国家の戦略"))
    );

    let raw = "大森実『海洋国家の戦略（中）』文藝春秋（新版）、2008年。";
    let r = parse_reference(raw).expect("reference");
    assert_eq!(spanned(raw, &r.volume), Some(("中", "中")));
    assert_eq!(
        spanned(raw, &r.title),
        Some(("海洋国家の戦略", "海洋国家の戦略"))
    );
    assert_eq!(spanned(raw, &r.publisher), Some(("文藝春秋", "文藝春秋")));

    // A page cited with the chapter is the locator.
    let raw = "大森実『海洋国家の戦略』文藝春秋、2008年、第七章、45頁。";
    let r = parse_reference(raw).expect("reference");
    assert_eq!(spanned(raw, &r.locator), Some(("45", "45")));

    assert!(is_ja_division("第3章"));
    assert!(is_ja_division("第１部第２節"));
    assert!(is_ja_division("第十二章"));
    for s in ["第3号", "第3章の謎", "3章", "第章", "第3回", "第2巻", "章"] {
        assert!(!is_ja_division(s), "{s}");
    }
    assert!(is_ja_edition("第2版"));
    assert!(is_ja_edition("増補改訂版"));
    assert!(is_ja_edition("第３版補訂版"));
    for s in ["出版", "日経出版", "2016年", "版元", "第3号", "新書"] {
        assert!(!is_ja_edition(s), "{s}");
    }
    assert_eq!(ja_bare_series("岩波新書"), Some(("岩波新書".len(), None)));
    for s in [
        "新書",
        "新書館",
        "岩波書店",
        "叢書・安全保障研究",
        "文庫本の歴史",
    ] {
        assert_eq!(ja_bare_series(s), None, "{s}");
    }
}
