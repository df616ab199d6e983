//! The five seeds (real web copies in `../shared/seeds/`) end to end: title, authors,
//! dates, venue, headings with levels, paragraph lines, notes and chrome lines.

use domei_model::{AuthorRole, BlockKind, Document, DocumentKind};

use crate::util::{headings, lines_where, note_blocks, parse_file, seeds_dir, segment_file};

fn seed(prefix: &str) -> Document {
    let dir = seeds_dir();
    let entry = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "the seeds folder {} is needed by this test: {e}",
                dir.display()
            )
        })
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix} in {}", dir.display()));
    segment_file(&entry.path())
}

fn value(s: &Option<domei_model::Spanned<String>>) -> Option<&str> {
    s.as_ref().map(|s| s.value.as_str())
}

fn paragraphs(doc: &Document) -> Vec<usize> {
    lines_where(doc, |k| matches!(k, BlockKind::Paragraph))
}

fn chrome(doc: &Document) -> Vec<usize> {
    lines_where(doc, BlockKind::is_chrome)
}

fn h(level: u8, number: Option<&str>, text: &str) -> (u8, Option<String>, String) {
    (level, number.map(str::to_owned), text.to_owned())
}

fn odd(from: usize, to: usize) -> Vec<usize> {
    (from..=to).step_by(2).collect()
}

#[test]
fn seed_000_policy_paper_with_chicago_notes() {
    let doc = seed("000");
    let m = &doc.metadata;
    // The Japanese title is not in the copy; the English version's title is.
    assert_eq!(value(&m.title), None);
    assert_eq!(m.other_titles.len(), 1);
    assert_eq!(
        m.other_titles[0].title.value,
        "Navigating the Opportunities and Challenges in NATO–South Korea Defense Industrial Cooperation"
    );
    assert_eq!(m.other_titles[0].language, "en");
    assert!(m.authors.is_empty());
    assert_eq!(
        m.published.as_ref().map(|d| d.date.edtf()),
        Some("2025-06-27".into())
    );
    assert_eq!(
        value(&m.venue.project),
        Some(
            "Cooperation between European and Indo-Pacific Powers in the US alliance system project"
        )
    );
    assert_eq!(value(&m.venue.series), Some("Policy Paper"));
    assert_eq!(value(&m.venue.series_number), Some("Vol. 7"));
    assert_eq!(m.kind, DocumentKind::PolicyPaper);
    assert_eq!(m.language, "ja");
    assert_eq!(
        headings(&doc),
        vec![
            h(1, None, "防衛技術イノベーションに向けたパートナー"),
            h(1, None, "防衛産業強靱化に向けたパートナー"),
            h(1, None, "課題と政策への影響")
        ]
    );
    assert_eq!(
        paragraphs(&doc),
        vec![6, 8, 10, 14, 16, 18, 22, 24, 26, 30, 32, 34, 36]
    );
    assert_eq!(chrome(&doc), vec![1, 40]);
    assert_eq!(
        lines_where(&doc, |k| *k
            == BlockKind::Meta {
                field: domei_model::MetaField::Notice
            }),
        vec![3]
    );
    assert_eq!(
        lines_where(&doc, |k| *k == BlockKind::NotesHeading),
        vec![44]
    );
    assert_eq!(note_blocks(&doc), 22);
    let labels = crate::util::note_labels(&doc);
    assert_eq!(labels[0], "1. 1");
    assert_eq!(labels[21], "22. 22");
}

#[test]
fn seed_001_media_column_with_bracket_notes() {
    let doc = seed("001");
    let m = &doc.metadata;
    assert_eq!(value(&m.title), Some("「同盟100年」へ向け歩み始めた米韓"));
    assert!(m.authors.is_empty());
    assert_eq!(
        m.published.as_ref().map(|d| d.date.edtf()),
        Some("2024-03-01".into())
    );
    assert_eq!(
        m.issue_date.as_ref().map(|d| d.date.edtf()),
        Some("2024-02-01".into())
    );
    assert_eq!(value(&m.venue.periodical), Some("東亜"));
    assert_eq!(value(&m.venue.issue), Some("No.680 2024年2月号"));
    assert_eq!(value(&m.section), Some("メディア掲載"));
    assert_eq!(
        m.categories
            .iter()
            .map(|c| c.value.as_str())
            .collect::<Vec<_>>(),
        ["外交・安全保障"]
    );
    assert_eq!(
        m.tags.iter().map(|c| c.value.as_str()).collect::<Vec<_>>(),
        ["国際政治・外交", "米国", "朝鮮半島"]
    );
    assert_eq!(m.kind, DocumentKind::MediaColumn);
    assert!(headings(&doc).is_empty());
    assert_eq!(paragraphs(&doc), odd(9, 25));
    assert!(chrome(&doc).is_empty());
    assert_eq!(note_blocks(&doc), 3);
    // Note 2 runs onto its URL line.
    let note2 = doc
        .blocks
        .iter()
        .find(|b| matches!(&b.kind, BlockKind::Note { label } if label == "([2])"))
        .unwrap();
    assert_eq!((note2.line, note2.end_line), (30, 31));
    assert!(note2.text.ends_with("idx=41628>"));
}

#[test]
fn seed_002_machine_translated_blog() {
    let doc = seed("002");
    let m = &doc.metadata;
    assert_eq!(value(&m.title), Some("アジア:日本および韓国とのNATO協力"));
    assert_eq!(m.authors.len(), 1);
    assert_eq!(m.authors[0].name.value, "Amari Masaki");
    assert!(
        m.authors[0]
            .bio
            .as_ref()
            .unwrap()
            .value
            .starts_with("インターネットの忍者。")
    );
    assert_eq!(m.published, None);
    assert!(m.translation.machine_translation_likely);
    assert_eq!(m.kind, DocumentKind::BlogTranslation);
    assert_eq!(
        headings(&doc),
        vec![
            h(
                1,
                None,
                "韓国と日本との安全保障政策におけるパートナーシップは、NATOにとって戦略的な利点をもたらすだろう。"
            ),
            h(1, None, "日本と韓国は関係を大幅に改善する必要がある。"),
        ]
    );
    assert_eq!(paragraphs(&doc), vec![3, 5, 7, 9, 13, 15, 17, 21, 23]);
    assert_eq!(chrome(&doc), vec![29, 31]);
    assert_eq!(note_blocks(&doc), 0);
}

#[test]
fn seed_003_monthly_report_with_signature() {
    let doc = seed("003");
    let m = &doc.metadata;
    assert_eq!(
        value(&m.title),
        Some("進む日本と北大西洋条約機構(NATO)の安全保障協力")
    );
    assert_eq!(value(&m.subtitle), Some("その背景と戦略的な意義"));
    assert_eq!(m.authors.len(), 1);
    assert_eq!(m.authors[0].name.value, "西川佳秀");
    assert_eq!(
        value(&m.authors[0].affiliation),
        Some("平和政策研究所上席研究員")
    );
    assert_eq!(
        m.published.as_ref().map(|d| d.date.edtf()),
        Some("2024-10-27".into())
    );
    assert_eq!(
        m.written.as_ref().map(|d| d.date.edtf()),
        Some("2024-10-21".into())
    );
    assert_eq!(value(&m.venue.series), Some("国際情勢マンスリーレポート"));
    assert!(
        value(&m.summary)
            .unwrap()
            .starts_with("近年、日本とNATOが急速に接近しつつある")
    );
    assert_eq!(m.kind, DocumentKind::MonthlyReport);
    let hs = headings(&doc);
    assert_eq!(hs.len(), 20);
    assert_eq!(hs[0], h(1, None, "はじめに"));
    assert_eq!(
        hs[1],
        h(1, Some("1."), "中距離核ミサイル問題で見せた日米欧の連携")
    );
    assert_eq!(hs[3], h(2, None, "国際平和協力と地域安定化の取り組み"));
    assert_eq!(hs[19], h(1, Some("6."), "日本・NATO協力の今後"));
    assert_eq!(hs.iter().filter(|x| x.0 == 1).count(), 7);
    assert_eq!(
        lines_where(&doc, |k| *k == BlockKind::Quote),
        vec![37, 39, 41, 43]
    );
    let paras = paragraphs(&doc);
    assert_eq!(paras.len(), 77);
    assert_eq!(paras.first(), Some(&8));
    assert_eq!(paras.last(), Some(&145));
    assert!(
        paras.contains(&44),
        "a paragraph continuing after a quotation"
    );
    assert_eq!(lines_where(&doc, |k| *k == BlockKind::Signature), vec![147]);
    assert_eq!(chrome(&doc), vec![152, 154, 156]);
    assert_eq!(note_blocks(&doc), 0);
}

#[test]
fn seed_004_translated_paper_on_a_blog() {
    let doc = seed("004");
    let m = &doc.metadata;
    assert_eq!(
        value(&m.title),
        Some("北東アジアにおける米国の脆弱な同盟関係")
    );
    assert_eq!(value(&m.subtitle), Some("北東アジアにおける核の影響"));
    let authors: Vec<(&str, AuthorRole)> = m
        .authors
        .iter()
        .map(|a| (a.name.value.as_str(), a.role))
        .collect();
    assert_eq!(
        authors,
        [
            ("エリック・ヘギンボサム", AuthorRole::OriginalAuthor),
            ("リチャード・J・サミュエルズ", AuthorRole::OriginalAuthor)
        ]
    );
    assert!(m.translation.is_translation);
    assert_eq!(m.kind, DocumentKind::TranslatedPaper);
    let hs = headings(&doc);
    let texts: Vec<&str> = hs.iter().map(|x| x.2.as_str()).collect();
    assert_eq!(
        texts,
        [
            "安全保障の状況",
            "パワーバランスの変化",
            "深い関与に関する米国のコンセンサスの終焉",
            "地域のパワーバランスを守りつつ、「プランB」を模索する日本",
            "通常防衛の強化",
            "地域安全保障パートナーシップの深化",
            "中国との融和を含む協力的な安全保障体制",
            "核兵器",
            "韓国 限られた外交的選択肢、拡大する防衛",
            "同盟関係の縮小がもたらすもの",
            "インプリケーション",
        ]
    );
    assert!(hs.iter().all(|x| x.0 == 1));
    // The quoted line, and pull quotes that the next paragraph repeats.
    assert_eq!(
        lines_where(&doc, |k| *k == BlockKind::Quote),
        vec![90, 136, 142, 146, 171]
    );
    assert_eq!(
        lines_where(&doc, |k| matches!(k, BlockKind::ListItem { .. })),
        vec![30]
    );
    assert_eq!(paragraphs(&doc).len(), 82);
    assert_eq!(chrome(&doc), vec![202]);
    assert_eq!(note_blocks(&doc), 0);
}

/// The whole pipeline on every seed: still lossless, and the footnotes of 000 and 001
/// are linked both ways.
#[test]
fn the_pipeline_keeps_every_seed_lossless_and_links_notes() {
    let mut paths: Vec<_> = std::fs::read_dir(seeds_dir())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 5);
    for p in &paths {
        let doc = parse_file(p);
        crate::lossless::assert_lossless(&doc);
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let (notes, anchors) = match &name[..3] {
            "000" => (22, 22),
            "001" => (3, 3),
            _ => (0, 0),
        };
        assert_eq!(doc.notes.len(), notes, "{name}");
        assert_eq!(doc.anchors.len(), anchors, "{name}");
        for a in &doc.anchors {
            assert_eq!(
                a.notes.len(),
                1,
                "{name}: anchor {} links to one note",
                a.text
            );
            let note = doc.note(&a.notes[0]).unwrap();
            assert!(note.anchors.contains(&a.id));
            assert_eq!(a.numbers, vec![note.number]);
        }
        for m in &doc.mentions {
            assert_eq!(
                m.span.slice(&doc.text),
                Some(m.text.as_str()),
                "{name}: mention span"
            );
        }
        for d in &doc.dates {
            assert_eq!(
                d.span.slice(&doc.text),
                Some(d.text.as_str()),
                "{name}: date span"
            );
        }
    }
}
