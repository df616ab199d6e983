//! Generated corpora of the export benchmarks, shared by the CSV bench and the JSON
//! bench of `domei-model` (which includes this file by path).
//!
//! - [`corpus`]: the hand-made test documents (`domei_tests::sample`), copied under new
//!   ids;
//! - [`article`]: an article shaped like the seeds (40 paragraphs, 40 notes).
#![allow(dead_code)]

/// The hand-made test documents, `copies` times, under new ids (`<id>-00042`).
pub fn corpus(copies: usize) -> Vec<domei_model::Document> {
    domei_tests::sample::copies(copies, |_, _| {})
}

/// An article shaped like the seeds: a title, 40 body paragraphs of about 300
/// characters, each with two dates, three entity mentions and a note anchor, then a
/// notes section of 40 notes with one reference each. Spans are exact.
pub fn article(n: usize) -> domei_model::Document {
    use domei_model::*;
    let sentence = "NATOと韓国は2024年7月10日に防衛産業協力を深め、日米韓の枠組みでも昨年8月に合意した。こうした動きは欧州とインド太平洋の安全保障を結び付けている。";
    let mut text = String::new();
    let mut blocks = Vec::new();
    let mut dates = Vec::new();
    let mut mentions = Vec::new();
    let mut anchors = Vec::new();
    let mut notes = Vec::new();
    let mut line = 1;
    let mut push_block =
        |text: &mut String, kind: BlockKind, content: &str, blocks: &mut Vec<Block>| {
            let start = text.len();
            text.push_str(content);
            text.push('\n');
            blocks.push(Block {
                kind,
                span: Span::new(start, text.len()),
                content: Span::new(start, start + content.len()),
                text: content.to_string(),
                line,
                end_line: line,
            });
            line += 1;
            start
        };
    push_block(
        &mut text,
        BlockKind::Meta {
            field: MetaField::Title,
        },
        &format!("同盟間協力の新局面 第{n}号"),
        &mut blocks,
    );
    for p in 0..40 {
        let body = format!("{sentence}{sentence}{sentence}[{}]", p + 1);
        let start = push_block(&mut text, BlockKind::Paragraph, &body, &mut blocks);
        let b = blocks.len() - 1;
        for (needle, date) in [
            ("2024年7月10日", Date::absolute(Ymd::day(2024, 7, 10))),
            ("昨年8月", Date::absolute(Ymd::month(2023, 8))),
        ] {
            let at = start + body.find(needle).unwrap_or(0);
            dates.push(DateMention {
                span: Span::new(at, at + needle.len()),
                text: needle.into(),
                date,
            });
        }
        for (needle, entity, category) in [
            ("NATO", "nato", EntityCategory::Alliance),
            ("韓国", "kor", EntityCategory::Country),
            ("日米韓", "jpn-usa-kor", EntityCategory::Framework),
        ] {
            let at = start + body.find(needle).unwrap_or(0);
            mentions.push(Mention {
                span: Span::new(at, at + needle.len()),
                text: needle.into(),
                category,
                entity: entity.into(),
                compound: None,
                date: None,
                block: b,
            });
        }
        let marker = format!("[{}]", p + 1);
        let at = start + body.rfind(&marker).unwrap_or(0);
        anchors.push(Anchor {
            id: format!("a{}", p + 1),
            span: Span::new(at, at + marker.len()),
            text: marker,
            style: AnchorStyle::Bracket,
            numbers: vec![p as u32 + 1],
            notes: vec![format!("n{}", p + 1)],
            block: b,
        });
    }
    push_block(&mut text, BlockKind::NotesHeading, "脚注", &mut blocks);
    for k in 1..=40 {
        let body = format!(
            "{k}. Yoonjung Seo and Brad Lendon, “South Korea to Mass Produce Lasers That Can Take Out Drones at $1.50 a Hit, part {k},” CNN, July 11, 2024, https://edition.cnn.com/2024/07/11/asia/south-korea-laser-{k}."
        );
        let start = push_block(
            &mut text,
            BlockKind::Note {
                label: format!("{k}."),
            },
            &body,
            &mut blocks,
        );
        let r_start = start + format!("{k}. ").len();
        let span = Span::new(r_start, start + body.len());
        let reference = Reference {
            id: format!("n{k}-r1"),
            span,
            raw: body[r_start - start..].to_string(),
            kind: ReferenceType::ArticleNewspaper,
            authors: vec![
                Spanned::detached(Person {
                    family: Some("Seo".into()),
                    given: Some("Yoonjung".into()),
                    literal: None,
                    suffix: None,
                }),
                Spanned::detached(Person {
                    family: Some("Lendon".into()),
                    given: Some("Brad".into()),
                    literal: None,
                    suffix: None,
                }),
            ],
            title: Some(Spanned::detached(format!(
                "South Korea to Mass Produce Lasers That Can Take Out Drones at $1.50 a Hit, part {k}"
            ))),
            container_title: Some(Spanned::detached("CNN".into())),
            issued: Some(Spanned::detached(Date::absolute(Ymd::day(2024, 7, 11)))),
            url: Some(Spanned::detached(format!(
                "https://edition.cnn.com/2024/07/11/asia/south-korea-laser-{k}"
            ))),
            language: Some("en".into()),
            ..Reference::default()
        };
        notes.push(Note {
            id: format!("n{k}"),
            number: k as u32,
            label: format!("{k}."),
            span: Span::new(start, start + body.len()),
            text: Spanned::new(reference.raw.clone(), span),
            references: vec![reference],
            commentary: vec![],
            anchors: vec![format!("a{k}")],
            block: blocks.len() - 1,
        });
    }
    let mut doc = domei_tests::sample::policy_paper();
    doc.id = format!("article-{n:05}");
    doc.source.text_len = text.len();
    doc.text = text;
    doc.blocks = blocks;
    doc.dates = dates;
    doc.mentions = mentions;
    doc.anchors = anchors;
    doc.notes = notes;
    doc
}

pub use domei_tests::bench::{cpu_seconds, runs};
