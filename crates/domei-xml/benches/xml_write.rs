//! Benchmark: MB/s of XML output of `domei_xml::write` and `domei_xml::tei::write` (one
//! core) on a generated article of ~8 MB of text with blocks, anchors, notes, dates and
//! mentions; also the reader. Run with `cargo bench -p domei-xml`.

use std::hint::black_box;
use std::time::Instant;

use domei_model::*;

fn corpus(paragraphs: usize) -> Document {
    let para = "2023年7月、NATOはビリニュスで首脳会議を開き、日本は「国別適合パートナーシップ計画 & ITPP」に署名した[1]。<米国>の関与は 2024年 も続く。";
    let mut text = String::new();
    let mut blocks = Vec::new();
    let mut anchors = Vec::new();
    let mut dates = Vec::new();
    let mut mentions = Vec::new();
    for i in 0..paragraphs {
        let start = text.len();
        if i % 20 == 0 {
            let h = format!("{}. 見出し\n", i / 20 + 1);
            text.push_str(&h);
            blocks.push(Block {
                kind: BlockKind::Heading {
                    level: 1,
                    number: Some(format!("{}.", i / 20 + 1)),
                },
                span: Span::new(start, text.len()),
                content: Span::new(start, text.len() - 1),
                text: h.trim_end().to_owned(),
                line: blocks.len() + 1,
                end_line: blocks.len() + 1,
            });
        }
        let start = text.len();
        text.push_str(para);
        let end = text.len();
        text.push('\n');
        let b = blocks.len();
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            span: Span::new(start, end + 1),
            content: Span::new(start, end),
            text: para.to_owned(),
            line: b + 1,
            end_line: b + 1,
        });
        let at = |needle: &str| {
            let s = start + para.find(needle).expect("needle");
            Span::new(s, s + needle.len())
        };
        anchors.push(Anchor {
            id: format!("a{}", i + 1),
            span: at("[1]"),
            text: "[1]".into(),
            style: AnchorStyle::Bracket,
            numbers: vec![1],
            notes: vec!["n1".into()],
            block: b,
        });
        dates.push(DateMention {
            span: at("2023年7月"),
            text: "2023年7月".into(),
            date: Date::absolute(Ymd::month(2023, 7)),
        });
        mentions.push(Mention {
            span: at("NATO"),
            text: "NATO".into(),
            category: EntityCategory::Alliance,
            entity: "nato".into(),
            compound: None,
            date: None,
            block: b,
        });
    }
    let note_start = text.len();
    text.push_str("[1] Ibid.\n");
    Document {
        format_version: FORMAT_VERSION,
        id: "bench".into(),
        source: Source {
            text_len: text.len(),
            ..Source::default()
        },
        metadata: Metadata {
            language: "ja".into(),
            ..Metadata::default()
        },
        blocks,
        anchors,
        notes: vec![Note {
            id: "n1".into(),
            number: 1,
            label: "[1]".into(),
            span: Span::new(note_start, text.len() - 1),
            text: Spanned::new("Ibid.".into(), Span::new(note_start + 4, text.len() - 1)),
            references: vec![],
            commentary: vec![],
            anchors: vec![],
            block: 0,
        }],
        dates,
        mentions,
        entities: Entities {
            alliances: vec![Entity {
                id: "nato".into(),
                category: EntityCategory::Alliance,
                name_ja: Some("北大西洋条約機構".into()),
                name_en: Some("NATO".into()),
                abbreviations: vec![],
                kind: None,
                parties: vec![],
                mentions: paragraphs,
                learnt: false,
            }],
            ..Entities::default()
        },
        diagnostics: vec![],
        text,
    }
}

fn measure(name: &str, runs: usize, mut f: impl FnMut() -> usize) {
    // DOMEI_BENCH_ONLY=<prefix> runs only the measurements whose name starts with it
    if std::env::var("DOMEI_BENCH_ONLY").is_ok_and(|only| !name.starts_with(&only)) {
        return;
    }
    f();
    let mut best = f64::MAX;
    let mut bytes = 0;
    for _ in 0..runs {
        let t = Instant::now();
        bytes = f();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{name:<28} {:>8.1} MB in {:>7.1} ms  {:>8.1} MB/s",
        bytes as f64 / 1e6,
        best * 1e3,
        bytes as f64 / 1e6 / best
    );
}

fn main() {
    let doc = corpus(40_000);
    println!(
        "corpus: {:.1} MB of text, {} blocks",
        doc.text.len() as f64 / 1e6,
        doc.blocks.len()
    );
    let mut buf = Vec::with_capacity(64 << 20);
    measure("domei XML write (output)", 5, || {
        buf.clear();
        domei_xml::write(black_box(&doc), &mut buf).expect("write");
        buf.len()
    });
    let mut xml = Vec::new();
    domei_xml::write(&doc, &mut xml).expect("write");
    measure("TEI write (output)", 5, || {
        buf.clear();
        domei_xml::tei::write(black_box(&doc), &mut buf).expect("write");
        buf.len()
    });
    measure("domei XML read (input)", 3, || {
        let back = domei_xml::read(black_box(xml.as_slice())).expect("read");
        assert_eq!(back.blocks.len(), doc.blocks.len());
        xml.len()
    });
}
