//! Hand-made documents that fill every list of the model, shared by the exporter tests
//! (`domei-csv`, `domei-bibtex`) as a dev-dependency.

use domei_model::*;

/// The span of the first occurrence of `needle` at or after `from`.
fn find(text: &str, needle: &str, from: usize) -> Span {
    let start = from + text[from..].find(needle).expect("needle in fixture text");
    Span::new(start, start + needle.len())
}

fn sp(text: &str, needle: &str) -> Spanned<String> {
    Spanned::new(needle.to_string(), find(text, needle, 0))
}

/// Blocks tiling `text`, one per line, with the given kinds (blank lines get Blank).
fn blocks(text: &str, kinds: &[BlockKind]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut k = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        let lead = content.len() - content.trim_start().len();
        let kind = if trimmed.is_empty() {
            BlockKind::Blank
        } else {
            let kind = kinds[k].clone();
            k += 1;
            kind
        };
        let cstart = start + lead;
        out.push(Block {
            kind,
            span: Span::new(start, start + line.len()),
            content: Span::new(cstart, cstart + trimmed.len()),
            text: trimmed.to_string(),
            line: i + 1,
            end_line: i + 1,
        });
        start += line.len();
    }
    out
}

fn person(family: &str, given: &str, text: &str) -> Spanned<Person> {
    Spanned {
        value: Person {
            family: Some(family.into()),
            given: Some(given.into()),
            literal: None,
            suffix: None,
        },
        span: text.find(family).map(|s| Span::new(s, s + family.len())),
    }
}

fn org(name: &str, text: &str) -> Spanned<Person> {
    Spanned {
        value: Person {
            family: None,
            given: None,
            literal: Some(name.into()),
            suffix: None,
        },
        span: text.find(name).map(|s| Span::new(s, s + name.len())),
    }
}

fn date_at(text: &str, needle: &str, date: Date) -> Spanned<Date> {
    Spanned::new(date, find(text, needle, 0))
}

/// A Japanese policy paper with two English notes, one of them a short form.
pub fn policy_paper() -> Document {
    let text = "NATOと韓国の防衛産業協力\n\
佐藤 花子（研究員）\n\
2024年10月27日\n\
\n\
1. 背景\n\
NATOと韓国は2024年7月10日に協力を深めた[1]。\n\
=SUM(A1) は式ではなく, \"引用\" を含む本文である。\n\
(1) 日米韓の枠組み\n\
日米韓は昨年8月に合意した[2]。\n\
脚注\n\
1. “NATO Industrial Capacity Expansion Pledge,” NATO, July 10, 2024, https://www.nato.int/cps/en/natohq/official_texts_227463.htm.\n\
2. NATO, “Pledge,” 3; Yoonjung Seo and Brad Lendon, “South Korea to Mass Produce Lasers,” CNN, July 11, 2024.\n";
    let kinds = vec![
        BlockKind::Meta {
            field: MetaField::Title,
        },
        BlockKind::Meta {
            field: MetaField::Byline,
        },
        BlockKind::Meta {
            field: MetaField::Date,
        },
        BlockKind::Heading {
            level: 1,
            number: Some("1.".into()),
        },
        BlockKind::Paragraph,
        BlockKind::Paragraph,
        BlockKind::Heading {
            level: 2,
            number: Some("(1)".into()),
        },
        BlockKind::Paragraph,
        BlockKind::NotesHeading,
        BlockKind::Note { label: "1.".into() },
        BlockKind::Note { label: "2.".into() },
    ];
    let blocks = blocks(text, &kinds);
    let a1 = find(text, "[1]", 0);
    let a2 = find(text, "[2]", 0);
    let n1_line = &blocks[10];
    let n2_line = &blocks[11];
    let n1_text_start = n1_line.content.start + 3;
    let n2_text_start = n2_line.content.start + 3;
    let r1_raw = &text[n1_text_start..n1_line.content.end];
    let r2a_raw = "NATO, “Pledge,” 3";
    let r2b_raw =
        "Yoonjung Seo and Brad Lendon, “South Korea to Mass Produce Lasers,” CNN, July 11, 2024.";
    let r1 = Reference {
        id: "n1-r1".into(),
        span: Span::new(n1_text_start, n1_line.content.end),
        raw: r1_raw.into(),
        kind: ReferenceType::Webpage,
        authors: vec![org("NATO", text)],
        title: Some(sp(text, "NATO Industrial Capacity Expansion Pledge")),
        container_title: None,
        publisher: Some(Spanned::detached("NATO".into())),
        issued: Some(date_at(
            text,
            "July 10, 2024",
            Date::absolute(Ymd::day(2024, 7, 10)),
        )),
        url: Some(sp(
            text,
            "https://www.nato.int/cps/en/natohq/official_texts_227463.htm",
        )),
        language: Some("en".into()),
        ..Reference::default()
    };
    let r2a = Reference {
        id: "n2-r1".into(),
        span: find(text, r2a_raw, 0),
        raw: r2a_raw.into(),
        kind: ReferenceType::Webpage,
        authors: vec![org("NATO", "")],
        title: Some(sp(text, "Pledge")),
        locator: Some(Spanned::new("3".into(), find(text, "3;", n2_text_start))),
        repeat: Some(Repeat {
            kind: RepeatKind::ShortForm,
            target: Some("n1-r1".into()),
        }),
        ..Reference::default()
    };
    let r2b = Reference {
        id: "n2-r2".into(),
        span: find(text, r2b_raw, 0),
        raw: r2b_raw.into(),
        kind: ReferenceType::ArticleNewspaper,
        authors: vec![
            person("Seo", "Yoonjung", text),
            person("Lendon", "Brad", text),
        ],
        title: Some(sp(text, "South Korea to Mass Produce Lasers")),
        container_title: Some(sp(text, "CNN")),
        issued: Some(date_at(
            text,
            "July 11, 2024",
            Date::absolute(Ymd::day(2024, 7, 11)),
        )),
        accessed: Some(Spanned::detached(Date::absolute(Ymd::day(2025, 1, 31)))),
        language: Some("en".into()),
        ..Reference::default()
    };
    let notes = vec![
        Note {
            id: "n1".into(),
            number: 1,
            label: "1.".into(),
            span: n1_line.content,
            text: Spanned::new(r1_raw.into(), Span::new(n1_text_start, n1_line.content.end)),
            references: vec![r1],
            commentary: vec![],
            anchors: vec!["a1".into()],
            block: 10,
        },
        Note {
            id: "n2".into(),
            number: 2,
            label: "2.".into(),
            span: n2_line.content,
            text: Spanned::new(
                text[n2_text_start..n2_line.content.end].into(),
                Span::new(n2_text_start, n2_line.content.end),
            ),
            references: vec![r2a, r2b],
            commentary: vec![Spanned::new("3".into(), find(text, "3;", n2_text_start))],
            anchors: vec!["a2".into()],
            block: 11,
        },
    ];
    let anchors = vec![
        Anchor {
            id: "a1".into(),
            span: a1,
            text: "[1]".into(),
            style: AnchorStyle::Bracket,
            numbers: vec![1],
            notes: vec!["n1".into()],
            block: 5,
        },
        Anchor {
            id: "a2".into(),
            span: a2,
            text: "[2]".into(),
            style: AnchorStyle::Bracket,
            numbers: vec![2],
            notes: vec!["n2".into()],
            block: 8,
        },
    ];
    let pub_span = find(text, "2024年10月27日", 0);
    let published = DateMention {
        span: pub_span,
        text: "2024年10月27日".into(),
        date: Date::absolute(Ymd::day(2024, 10, 27)),
    };
    let d1 = DateMention {
        span: find(text, "2024年7月10日", 0),
        text: "2024年7月10日".into(),
        date: Date::absolute(Ymd::day(2024, 7, 10)),
    };
    let d2 = DateMention {
        span: find(text, "昨年8月", 0),
        text: "昨年8月".into(),
        date: Date {
            kind: DateKind::Relative,
            relative: Some(Relative {
                expression: "昨年".into(),
                anchoring: Anchoring::Reference,
                against: Some(Ymd::day(2024, 10, 27)),
            }),
            ..Date::absolute(Ymd::month(2023, 8))
        },
    };
    let mentions = vec![
        Mention {
            span: find(text, "NATO", 0),
            text: "NATO".into(),
            category: EntityCategory::Alliance,
            entity: "nato".into(),
            compound: None,
            date: None,
            block: 0,
        },
        Mention {
            span: find(text, "韓国", 0),
            text: "韓国".into(),
            category: EntityCategory::Country,
            entity: "kor".into(),
            compound: None,
            date: None,
            block: 0,
        },
        Mention {
            span: {
                let s = find(text, "日米韓は", 0);
                Span::new(s.start, s.start + "日米韓".len())
            },
            text: "日米韓".into(),
            category: EntityCategory::Framework,
            entity: "jpn-usa-kor".into(),
            compound: Some("日米韓".into()),
            date: Some(Date::absolute(Ymd::month(2023, 8))),
            block: 8,
        },
    ];
    let entity = |id: &str, cat: EntityCategory, ja: &str, en: &str, n: usize| Entity {
        id: id.into(),
        category: cat,
        name_ja: Some(ja.into()),
        name_en: Some(en.into()),
        abbreviations: vec![],
        kind: None,
        parties: vec![],
        mentions: n,
        learnt: false,
    };
    let entities = Entities {
        actors: vec![entity(
            "kor",
            EntityCategory::Country,
            "韓国",
            "Republic of Korea",
            1,
        )],
        alliances: vec![
            Entity {
                abbreviations: vec!["NATO".into(), "OTAN".into()],
                kind: Some("collective_defence".into()),
                parties: vec!["usa".into(), "fra".into()],
                ..entity(
                    "nato",
                    EntityCategory::Alliance,
                    "北大西洋条約機構",
                    "North Atlantic Treaty Organization",
                    1,
                )
            },
            Entity {
                parties: vec!["jpn".into(), "usa".into(), "kor".into()],
                ..entity(
                    "jpn-usa-kor",
                    EntityCategory::Framework,
                    "日米韓",
                    "Japan–US–ROK trilateral",
                    1,
                )
            },
        ],
        agreements: vec![Entity {
            learnt: true,
            kind: Some("pledge".into()),
            ..entity(
                "doc:industrial-capacity-pledge",
                EntityCategory::Agreement,
                "産業能力拡大誓約",
                "Industrial Capacity Expansion Pledge",
                0,
            )
        }],
        events: vec![
            AgreementEvent {
                agreement: "doc:industrial-capacity-pledge".into(),
                kind: EventKind::Announced,
                date: Some(Date::absolute(Ymd::day(2024, 7, 10))),
                parties: vec!["nato".into(), "kor".into()],
                span: Some(blocks[5].content),
            },
            AgreementEvent {
                agreement: "doc:industrial-capacity-pledge".into(),
                kind: EventKind::Adopted,
                date: None,
                parties: vec![],
                span: None,
            },
        ],
    };
    let diagnostics = vec![
        Diagnostic::new(
            Severity::Warning,
            "note.short_form",
            "short form \"Pledge\", resolved to note 1",
        )
        .at(find(text, r2a_raw, 0)),
        Diagnostic::new(
            Severity::Info,
            "metadata.kind",
            "kind guessed from the title, with a comma",
        ),
    ];
    let len = text.len();
    Document {
        format_version: FORMAT_VERSION,
        id: "000_policy".into(),
        source: Source {
            path: "seeds/000, policy \"paper\".txt".into(),
            byte_len: len as u64,
            sha256: "0".repeat(64),
            encoding: Encoding {
                name: "UTF-8".into(),
                bom: false,
                detected_by: Detection::ValidUtf8,
                replacements: 0,
            },
            line_endings: LineEndings::Lf,
            text_len: len,
        },
        text: text.into(),
        metadata: Metadata {
            title: Some(sp(text, "NATOと韓国の防衛産業協力")),
            authors: vec![Author {
                name: sp(text, "佐藤 花子"),
                role: AuthorRole::Author,
                affiliation: Some(sp(text, "研究員")),
                bio: None,
            }],
            published: Some(published),
            venue: Venue {
                site: Some(Spanned::detached("IINA".into())),
                ..Venue::default()
            },
            tags: vec![
                Spanned::detached("米国".into()),
                Spanned::detached("NATO, \"韓国\"".into()),
            ],
            kind: DocumentKind::PolicyPaper,
            language: "ja".into(),
            ..Metadata::default()
        },
        blocks,
        anchors,
        notes,
        dates: vec![d1, d2],
        mentions,
        entities,
        diagnostics,
    }
}

/// A Japanese monthly report with CRLF line ends, a Japanese book reference with kanji
/// authors, a report, a chapter, and an ibid.
pub fn monthly_report() -> Document {
    let text = "国際情勢マンスリーレポート\r\n\r\n日米同盟は1960年に改定された([1])。\r\n+81 と -1 と @user は式ではない([2])。\r\n\r\n([1]) 山田太郎『日米同盟の歴史』有斐閣、2020年、12頁。\r\n([2]) 同上。防衛省『防衛白書』2024年度版; 田中 一郎「同盟と抑止」鈴木編『安全保障論』(東京大学出版会, 2019), 45–67.\r\n";
    let kinds = vec![
        BlockKind::Meta {
            field: MetaField::Title,
        },
        BlockKind::Paragraph,
        BlockKind::Paragraph,
        BlockKind::Note {
            label: "([1])".into(),
        },
        BlockKind::Note {
            label: "([2])".into(),
        },
    ];
    let blocks = blocks(text, &kinds);
    let n1 = &blocks[5];
    let n2 = &blocks[6];
    let r = |id: &str, raw: &str| Reference {
        id: id.into(),
        span: find(text, raw, 0),
        raw: raw.into(),
        language: Some("ja".into()),
        ..Reference::default()
    };
    let book = Reference {
        kind: ReferenceType::Book,
        authors: vec![Spanned {
            value: Person {
                family: Some("山田".into()),
                given: Some("太郎".into()),
                literal: None,
                suffix: None,
            },
            span: Some(find(text, "山田太郎", 0)),
        }],
        title: Some(sp(text, "日米同盟の歴史")),
        publisher: Some(sp(text, "有斐閣")),
        issued: Some(date_at(text, "2020年", Date::absolute(Ymd::year(2020)))),
        locator: Some(sp(text, "12")),
        ..r("n1-r1", "山田太郎『日米同盟の歴史』有斐閣、2020年、12頁。")
    };
    let ibid = Reference {
        kind: ReferenceType::Book,
        repeat: Some(Repeat {
            kind: RepeatKind::Ibid,
            target: Some("n1-r1".into()),
        }),
        ..r("n2-r1", "同上。")
    };
    let report = Reference {
        kind: ReferenceType::Report,
        authors: vec![org("防衛省", text)],
        title: Some(sp(text, "防衛白書")),
        publisher: Some(Spanned::detached("防衛省".into())),
        issued: Some(date_at(
            text,
            "2024年度",
            Date {
                precision: Precision::FiscalYear,
                kind: DateKind::Fiscal,
                ..Date::absolute(Ymd::year(2024))
            },
        )),
        ..r("n2-r2", "防衛省『防衛白書』2024年度版")
    };
    let chapter = Reference {
        kind: ReferenceType::Chapter,
        authors: vec![person("田中", "一郎", text)],
        editors: vec![Spanned {
            value: Person {
                family: Some("鈴木".into()),
                given: None,
                literal: None,
                suffix: None,
            },
            span: Some(find(text, "鈴木", 0)),
        }],
        title: Some(sp(text, "同盟と抑止")),
        container_title: Some(sp(text, "安全保障論")),
        publisher: Some(sp(text, "東京大学出版会")),
        publisher_place: Some(Spanned::detached("東京".into())),
        issued: Some(date_at(text, "2019", Date::absolute(Ymd::year(2019)))),
        page: Some(sp(text, "45–67")),
        ..r(
            "n2-r3",
            "田中 一郎「同盟と抑止」鈴木編『安全保障論』(東京大学出版会, 2019), 45–67.",
        )
    };
    let notes = vec![
        Note {
            id: "n1".into(),
            number: 1,
            label: "([1])".into(),
            span: n1.content,
            text: Spanned::new(
                text[n1.content.start + 6..n1.content.end].into(),
                Span::new(n1.content.start + 6, n1.content.end),
            ),
            references: vec![book],
            commentary: vec![],
            anchors: vec!["a1".into()],
            block: 5,
        },
        Note {
            id: "n2".into(),
            number: 2,
            label: "([2])".into(),
            span: n2.content,
            text: Spanned::new(
                text[n2.content.start + 6..n2.content.end].into(),
                Span::new(n2.content.start + 6, n2.content.end),
            ),
            references: vec![ibid, report, chapter],
            commentary: vec![],
            anchors: vec!["a2".into()],
            block: 6,
        },
    ];
    let anchors = vec![
        Anchor {
            id: "a1".into(),
            span: find(text, "([1])", 0),
            text: "([1])".into(),
            style: AnchorStyle::ParenBracket,
            numbers: vec![1],
            notes: vec!["n1".into()],
            block: 2,
        },
        Anchor {
            id: "a2".into(),
            span: find(text, "([2])", 0),
            text: "([2])".into(),
            style: AnchorStyle::ParenBracket,
            numbers: vec![2],
            notes: vec!["n2".into()],
            block: 3,
        },
    ];
    let dates = vec![DateMention {
        span: find(text, "1960年", 0),
        text: "1960年".into(),
        date: Date::absolute(Ymd::year(1960)),
    }];
    let len = text.len();
    Document {
        format_version: FORMAT_VERSION,
        id: "003_monthly".into(),
        source: Source {
            path: "003.txt".into(),
            byte_len: len as u64 + 3,
            sha256: "f".repeat(64),
            encoding: Encoding {
                name: "UTF-8".into(),
                bom: true,
                detected_by: Detection::Bom,
                replacements: 0,
            },
            line_endings: LineEndings::Crlf,
            text_len: len,
        },
        text: text.into(),
        metadata: Metadata {
            title: Some(sp(text, "国際情勢マンスリーレポート")),
            kind: DocumentKind::MonthlyReport,
            language: "ja".into(),
            ..Metadata::default()
        },
        blocks,
        anchors,
        notes,
        dates,
        mentions: vec![Mention {
            span: find(text, "日米同盟", 0),
            text: "日米同盟".into(),
            category: EntityCategory::Alliance,
            entity: "jpn-usa".into(),
            compound: None,
            date: Some(Date::absolute(Ymd::year(1960))),
            block: 2,
        }],
        entities: Entities {
            alliances: vec![Entity {
                id: "jpn-usa".into(),
                category: EntityCategory::Alliance,
                name_ja: Some("日米同盟".into()),
                name_en: Some("Japan–US Alliance".into()),
                abbreviations: vec![],
                kind: None,
                parties: vec!["jpn".into(), "usa".into()],
                mentions: 1,
                learnt: false,
            }],
            ..Entities::default()
        },
        diagnostics: vec![],
    }
}

/// [`documents`] `n` times, each copy under new ids (`<id>-00042`), with `edit` applied
/// to every copy (given the copy's number): a corpus for benchmarks.
pub fn copies(n: usize, mut edit: impl FnMut(usize, &mut Document)) -> Vec<Document> {
    let mut docs = Vec::with_capacity(n * 2);
    for i in 0..n {
        for mut d in documents() {
            d.id = format!("{}-{i:05}", d.id);
            edit(i, &mut d);
            docs.push(d);
        }
    }
    docs
}

/// Both fixtures, in an order that is not sorted by id.
pub fn documents() -> Vec<Document> {
    vec![monthly_report(), policy_paper()]
}
