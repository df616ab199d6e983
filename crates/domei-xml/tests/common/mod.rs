//! Hand-made documents and proptest strategies over the whole model, shared by the tests.
#![allow(dead_code)]

use domei_model::*;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The span of the `nth` (0-based) occurrence of `needle` in `text`.
pub fn sp(text: &str, needle: &str, nth: usize) -> Span {
    let mut from = 0;
    for _ in 0..nth {
        from += text[from..].find(needle).expect("needle") + needle.len();
    }
    let start = from + text[from..].find(needle).expect("needle");
    Span::new(start, start + needle.len())
}

fn s(text: &str, needle: &str) -> Spanned<String> {
    Spanned::new(needle.to_owned(), sp(text, needle, 0))
}

fn dm(text: &str, needle: &str, nth: usize, date: Date) -> DateMention {
    DateMention {
        span: sp(text, needle, nth),
        text: needle.to_owned(),
        date,
    }
}

/// A hand-made article that fills every list of the model: metadata of every kind,
/// blocks of every kind, anchors, notes with references (full and ibid.), dates,
/// mentions, entities of every group, agreement events and diagnostics. Its text holds
/// markup-like characters, a CRLF line and a tab.
pub fn sample_document() -> Document {
    let lines: Vec<(&str, BlockKind)> = vec![
        (
            "日米同盟とNATOの接近\n",
            BlockKind::Meta {
                field: MetaField::Title,
            },
        ),
        (
            "―インド太平洋の安全保障―\r\n",
            BlockKind::Meta {
                field: MetaField::Subtitle,
            },
        ),
        (
            "2024年10月27日\n",
            BlockKind::Meta {
                field: MetaField::Date,
            },
        ),
        (
            "山田太郎（平和政策研究所研究員）\n",
            BlockKind::Meta {
                field: MetaField::Byline,
            },
        ),
        (
            "タグ：米国 / 安全保障\n",
            BlockKind::Meta {
                field: MetaField::Tags,
            },
        ),
        ("\n", BlockKind::Blank),
        (
            "1. はじめに\n",
            BlockKind::Heading {
                level: 1,
                number: Some("1.".into()),
            },
        ),
        (
            "2023年7月、NATOはビリニュスで首脳会議を開いた[1]。日本は「<国別適合パートナーシップ計画> & ITPP」に署名した[2]。\n",
            BlockKind::Paragraph,
        ),
        (
            "・日米豪印（Quad）\n",
            BlockKind::ListItem {
                marker: "・".into(),
            },
        ),
        (
            "・AUKUS & \"IP4\"\n",
            BlockKind::ListItem {
                marker: "・".into(),
            },
        ),
        ("\t「同盟は ]]> 力である」と述べた。\n", BlockKind::Quote),
        (
            "(1) 背景\n",
            BlockKind::Heading {
                level: 2,
                number: Some("(1)".into()),
            },
        ),
        ("昨年11月、日米韓の協力が進んだ。\n", BlockKind::Paragraph),
        ("\n", BlockKind::Blank),
        ("脚注\n", BlockKind::NotesHeading),
        (
            "[1] John Smith, \"NATO at 75,\" Foreign Affairs 103, no. 2 (2024): 21–23, https://example.org/nato?a=1&b=2.\n",
            BlockKind::Note {
                label: "[1]".into(),
            },
        ),
        (
            "[2] Ibid., 24.\n",
            BlockKind::Note {
                label: "[2]".into(),
            },
        ),
        (
            "(2024年10月21日、平和政策研究所上席研究員 山田太郎)\n",
            BlockKind::Signature,
        ),
        (
            "コメントを残す",
            BlockKind::Chrome {
                chrome: ChromeKind::CommentForm,
            },
        ),
    ];
    let text: String = lines.iter().map(|l| l.0).collect();
    let mut blocks = Vec::new();
    let mut at = 0;
    for (i, (line, kind)) in lines.iter().enumerate() {
        let trimmed = line.trim();
        let lead = line.len() - line.trim_start().len();
        let content = Span::new(at + lead, at + lead + trimmed.len());
        blocks.push(Block {
            kind: kind.clone(),
            span: Span::new(at, at + line.len()),
            content,
            text: trimmed.to_owned(),
            line: i + 1,
            end_line: i + 1,
        });
        at += line.len();
    }
    let t = text.as_str();
    let published = Date::absolute(Ymd::day(2024, 10, 27));
    let july = Date::absolute(Ymd::month(2023, 7));
    let last_november = Date {
        kind: DateKind::Relative,
        relative: Some(Relative {
            expression: "昨年".into(),
            anchoring: Anchoring::Reference,
            against: Some(Ymd::day(2024, 10, 27)),
        }),
        ..Date::absolute(Ymd::month(2023, 11))
    };
    let written = Date::absolute(Ymd::day(2024, 10, 21));
    let issued = Date {
        damaged: true,
        readings: vec![
            Reading {
                value: Ymd::year(2024),
                score: 0.75,
                reason: "as printed".into(),
            },
            Reading {
                value: Ymd::year(2042),
                score: 0.125,
                reason: "digits <swapped>".into(),
            },
        ],
        ..Date::absolute(Ymd::year(2024))
    };
    let full = Reference {
        id: "n1-r1".into(),
        span: sp(t, "John Smith, \"NATO at 75,\" Foreign Affairs 103, no. 2 (2024): 21–23, https://example.org/nato?a=1&b=2", 0),
        raw: "John Smith, \"NATO at 75,\" Foreign Affairs 103, no. 2 (2024): 21–23, https://example.org/nato?a=1&b=2".into(),
        kind: ReferenceType::ArticleMagazine,
        authors: vec![Spanned::new(
            Person { family: Some("Smith".into()), given: Some("John".into()), literal: None, suffix: Some("Jr.".into()) },
            sp(t, "John Smith", 0),
        )],
        editors: vec![Spanned::detached(Person { literal: Some("Council on Foreign Relations".into()), ..Person::default() })],
        translators: vec![],
        et_al: false,
        title: Some(s(t, "NATO at 75")),
        container_title: Some(s(t, "Foreign Affairs")),
        publisher: None,
        publisher_place: Some(Spanned::detached("New York".into())),
        event: None,
        genre: None,
        issued: Some(Spanned::new(issued, sp(t, "2024", 1))),
        accessed: None,
        volume: Some(s(t, "103")),
        issue: Some(Spanned::new("2".into(), { let x = sp(t, "2 (", 0); Span::new(x.start, x.start + 1) })),
        number: Some(Spanned::detached("RR-A1234-1".into())),
        collection_title: Some(Spanned::detached("Adelphi Papers".into())),
        collection_number: Some(Spanned::detached("445".into())),
        page: Some(s(t, "21–23")),
        locator: None,
        url: Some(s(t, "https://example.org/nato?a=1&b=2")),
        doi: None,
        language: Some("en".into()),
        repeat: None,
    };
    let ibid = Reference {
        id: "n2-r1".into(),
        span: sp(t, "Ibid., 24", 0),
        raw: "Ibid., 24".into(),
        locator: Some(Spanned::new("24".into(), {
            let x = sp(t, "Ibid., 24", 0);
            Span::new(x.end - 2, x.end)
        })),
        repeat: Some(Repeat {
            kind: RepeatKind::Ibid,
            target: Some("n1-r1".into()),
        }),
        ..Reference::default()
    };
    let note_text = |label: &str, body: &str| {
        Spanned::new(body.to_owned(), {
            let whole = sp(t, &format!("{label} {body}"), 0);
            Span::new(whole.start + label.len() + 1, whole.end)
        })
    };
    let notes = vec![
        Note {
            id: "n1".into(),
            number: 1,
            label: "[1]".into(),
            span: blocks[15].content,
            text: note_text(
                "[1]",
                "John Smith, \"NATO at 75,\" Foreign Affairs 103, no. 2 (2024): 21–23, https://example.org/nato?a=1&b=2.",
            ),
            references: vec![full],
            commentary: vec![],
            anchors: vec!["a1".into()],
            block: 15,
        },
        Note {
            id: "n2".into(),
            number: 2,
            label: "[2]".into(),
            span: blocks[16].content,
            text: note_text("[2]", "Ibid., 24."),
            references: vec![ibid],
            commentary: vec![Spanned::detached("repeats note 1".into())],
            anchors: vec!["a2".into()],
            block: 16,
        },
    ];
    let anchors = vec![
        Anchor {
            id: "a1".into(),
            span: sp(t, "[1]", 0),
            text: "[1]".into(),
            style: AnchorStyle::Bracket,
            numbers: vec![1],
            notes: vec!["n1".into()],
            block: 7,
        },
        Anchor {
            id: "a2".into(),
            span: sp(t, "[2]", 0),
            text: "[2]".into(),
            style: AnchorStyle::Bracket,
            numbers: vec![2],
            notes: vec!["n2".into()],
            block: 7,
        },
    ];
    let dates = vec![
        dm(t, "2024年10月27日", 0, published.clone()),
        dm(t, "2023年7月", 0, july.clone()),
        dm(t, "昨年11月", 0, last_november),
        dm(t, "2024年10月21日", 0, written.clone()),
    ];
    let mention = |needle: &str,
                   nth: usize,
                   category,
                   entity: &str,
                   compound: Option<&str>,
                   block,
                   date: Option<Date>| Mention {
        span: sp(t, needle, nth),
        text: needle.into(),
        category,
        entity: entity.into(),
        compound: compound.map(Into::into),
        date,
        block,
    };
    let mentions = vec![
        mention("NATO", 1, EntityCategory::Alliance, "nato", None, 7, None),
        mention("日本", 0, EntityCategory::Country, "japan", None, 7, None),
        mention(
            "国別適合パートナーシップ計画",
            0,
            EntityCategory::Agreement,
            "nato-japan-itpp",
            None,
            7,
            Some(july.clone()),
        ),
        mention(
            "日米豪印",
            0,
            EntityCategory::Framework,
            "quad",
            Some("日米豪印"),
            8,
            None,
        ),
        mention(
            "AUKUS",
            0,
            EntityCategory::Framework,
            "kb:aukus",
            None,
            9,
            None,
        ),
        mention(
            "日米韓",
            0,
            EntityCategory::Country,
            "kb:usa",
            Some("日米韓"),
            12,
            None,
        ),
    ];
    let entity = |id: &str,
                  category,
                  ja: &str,
                  en: &str,
                  abbr: &[&str],
                  kind: Option<&str>,
                  parties: &[&str],
                  mentions,
                  learnt| Entity {
        id: id.into(),
        category,
        name_ja: Some(ja.into()),
        name_en: Some(en.into()),
        abbreviations: abbr.iter().map(|a| a.to_string()).collect(),
        kind: kind.map(Into::into),
        parties: parties.iter().map(|a| a.to_string()).collect(),
        mentions,
        learnt,
    };
    let entities = Entities {
        actors: vec![
            entity(
                "japan",
                EntityCategory::Country,
                "日本",
                "Japan",
                &["JPN"],
                None,
                &[],
                2,
                false,
            ),
            entity(
                "kb:usa",
                EntityCategory::Country,
                "米国",
                "United States",
                &["US", "USA"],
                None,
                &[],
                1,
                false,
            ),
        ],
        alliances: vec![
            entity(
                "nato",
                EntityCategory::Alliance,
                "北大西洋条約機構",
                "North Atlantic Treaty Organization",
                &["NATO"],
                Some("collective_defence"),
                &["kb:usa"],
                1,
                false,
            ),
            entity(
                "quad",
                EntityCategory::Framework,
                "日米豪印",
                "Quad",
                &[],
                None,
                &["japan", "kb:usa"],
                1,
                false,
            ),
            entity(
                "kb:aukus",
                EntityCategory::Framework,
                "オーカス",
                "AUKUS",
                &["AUKUS"],
                None,
                &[],
                1,
                true,
            ),
        ],
        agreements: vec![entity(
            "nato-japan-itpp",
            EntityCategory::Agreement,
            "国別適合パートナーシップ計画",
            "Individually Tailored Partnership Programme",
            &["ITPP"],
            Some("partnership"),
            &["nato", "japan"],
            1,
            false,
        )],
        events: vec![
            AgreementEvent {
                agreement: "nato-japan-itpp".into(),
                kind: EventKind::Signed,
                date: Some(july),
                parties: vec!["nato".into(), "japan".into()],
                span: Some(sp(
                    t,
                    "日本は「<国別適合パートナーシップ計画> & ITPP」に署名した",
                    0,
                )),
            },
            AgreementEvent {
                agreement: "nato".into(),
                kind: EventKind::EnteredIntoForce,
                date: Some(Date::absolute(Ymd::day(1949, 8, 24))),
                parties: vec![],
                span: None,
            },
        ],
    };
    let metadata = Metadata {
        title: Some(s(t, "日米同盟とNATOの接近")),
        subtitle: Some(s(t, "―インド太平洋の安全保障―")),
        other_titles: vec![OtherTitle {
            title: Spanned::detached("The US-Japan Alliance & NATO".into()),
            language: "en".into(),
        }],
        authors: vec![
            Author {
                name: s(t, "山田太郎"),
                role: AuthorRole::Author,
                affiliation: Some(s(t, "平和政策研究所研究員")),
                bio: None,
            },
            Author {
                name: Spanned::detached("Jane Doe".into()),
                role: AuthorRole::Translator,
                affiliation: None,
                bio: Some(Spanned::detached("Translator <and> editor".into())),
            },
        ],
        published: Some(dm(t, "2024年10月27日", 0, published)),
        issue_date: Some(DateMention {
            span: sp(t, "2024年10月27日", 0),
            text: "2024年10月27日".into(),
            date: Date::absolute(Ymd::month(2024, 10)),
        }),
        written: Some(dm(t, "2024年10月21日", 0, written)),
        venue: Venue {
            site: Some(Spanned::detached("平和政策研究所".into())),
            project: Some(Spanned::detached("Alliances & Partners project".into())),
            series: Some(Spanned::detached("Policy Paper".into())),
            series_number: Some(Spanned::detached("Vol. 7".into())),
            periodical: Some(Spanned::detached("東亜".into())),
            issue: Some(Spanned::detached("No.680 2024年2月号".into())),
        },
        section: Some(Spanned::detached("メディア掲載".into())),
        categories: vec![Spanned::detached("外交・安全保障".into())],
        tags: vec![
            s(t, "米国"),
            Spanned::new("安全保障".into(), sp(t, "安全保障", 1)),
        ],
        summary: Some(Spanned::detached("NATO & Japan draw closer.".into())),
        kind: DocumentKind::PolicyPaper,
        language: "ja".into(),
        translation: Translation {
            is_translation: true,
            original_title: Some(Spanned::detached("NATO and Japan".into())),
            original_language: Some("en".into()),
            translator: Some(Spanned::detached("Jane Doe".into())),
            machine_translation_likely: false,
            evidence: vec!["byline names a translator".into()],
        },
    };
    Document {
        format_version: FORMAT_VERSION,
        id: "sample-001".into(),
        source: Source {
            path: "fixtures/sample 001.txt".into(),
            byte_len: text.len() as u64 + 3,
            sha256: "0".repeat(64),
            encoding: Encoding {
                name: "UTF-8".into(),
                bom: true,
                detected_by: Detection::Bom,
                replacements: 0,
            },
            line_endings: LineEndings::Mixed,
            text_len: text.len(),
        },
        metadata,
        blocks,
        anchors,
        notes,
        dates,
        mentions,
        entities,
        diagnostics: vec![
            Diagnostic::new(
                Severity::Warning,
                "date.damaged",
                "the year of note 1 may be damaged",
            )
            .at(sp(t, "2024", 1)),
            Diagnostic {
                severity: Severity::Info,
                code: "line.count".into(),
                message: "19 lines & <no> problems".into(),
                span: None,
                line: Some(19),
            },
        ],
        text,
    }
}

/// A document with nothing in its lists.
pub fn empty_document() -> Document {
    Document {
        format_version: FORMAT_VERSION,
        id: "empty".into(),
        source: Source::default(),
        text: String::new(),
        metadata: Metadata::default(),
        blocks: vec![],
        anchors: vec![],
        notes: vec![],
        dates: vec![],
        mentions: vec![],
        entities: Entities::default(),
        diagnostics: vec![],
    }
}

// ---------- strategies ----------

/// Strings of characters XML allows, rich in markup, white space and CJK.
pub fn xml_str() -> BoxedStrategy<String> {
    "[a-zA-Z0-9 <>&\"'\t\r\n\\]日米同盟―・]{0,10}".boxed()
}

/// Any string at all, control characters and U+FFFE/U+FFFF included.
pub fn any_str() -> BoxedStrategy<String> {
    prop_oneof![
        any::<String>(),
        "[\u{0}-\u{1f}\u{fffe}\u{ffff}a<&>\\]]{0,8}",
    ]
    .boxed()
}

fn id_str() -> BoxedStrategy<String> {
    prop_oneof![
        "[a-c][1-3]",
        "n[1-3]-r[12]",
        "kb:[a-c]",
        "kb-[a-c]",
        "note[12]",
        "[0-9]x",
        Just(String::new())
    ]
    .boxed()
}

fn span() -> BoxedStrategy<Span> {
    (0usize..10_000, 0usize..100)
        .prop_map(|(s, l)| Span::new(s, s + l))
        .boxed()
}

fn opt_span() -> BoxedStrategy<Option<Span>> {
    prop::option::of(span()).boxed()
}

fn spanned(st: BoxedStrategy<String>) -> BoxedStrategy<Spanned<String>> {
    (st, opt_span())
        .prop_map(|(value, span)| Spanned { value, span })
        .boxed()
}

fn opt_spanned(st: BoxedStrategy<String>) -> BoxedStrategy<Option<Spanned<String>>> {
    prop::option::of(spanned(st)).boxed()
}

fn ymd() -> BoxedStrategy<Ymd> {
    prop_oneof![
        (
            1900i32..2100,
            prop::option::of(1u8..=12),
            prop::option::of(1u8..=28)
        )
            .prop_map(|(year, month, day)| Ymd {
                year,
                month,
                day: month.and(day)
            }),
        (
            any::<i32>(),
            prop::option::of(any::<u8>()),
            prop::option::of(any::<u8>())
        )
            .prop_map(|(year, month, day)| Ymd { year, month, day }),
    ]
    .boxed()
}

fn score() -> BoxedStrategy<f32> {
    prop_oneof![
        0.0f32..=1.0,
        any::<f32>().prop_filter("not NaN", |f| !f.is_nan())
    ]
    .boxed()
}

fn date(st: BoxedStrategy<String>) -> BoxedStrategy<Date> {
    let relative = prop::option::of(
        (
            st.clone(),
            prop_oneof![
                Just(Anchoring::Reference),
                Just(Anchoring::PreviousMention),
                Just(Anchoring::Unresolved)
            ],
            prop::option::of(ymd()),
        )
            .prop_map(|(expression, anchoring, against)| Relative {
                expression,
                anchoring,
                against,
            }),
    );
    let readings = prop::collection::vec(
        (ymd(), score(), st).prop_map(|(value, score, reason)| Reading {
            value,
            score,
            reason,
        }),
        0..3,
    );
    (
        ymd(),
        prop::option::of(ymd()),
        prop_oneof![
            Just(Precision::Year),
            Just(Precision::Month),
            Just(Precision::Day),
            Just(Precision::Season),
            Just(Precision::FiscalYear),
            Just(Precision::Range)
        ],
        prop_oneof![
            Just(DateKind::Absolute),
            Just(DateKind::Era),
            Just(DateKind::Relative),
            Just(DateKind::Fiscal),
            Just(DateKind::Range)
        ],
        prop::option::of(prop_oneof![
            Just(Season::Spring),
            Just(Season::Summer),
            Just(Season::Autumn),
            Just(Season::Winter)
        ]),
        prop::option::of(prop_oneof![
            Just(DatePart::EarlyMonth),
            Just(DatePart::MidMonth),
            Just(DatePart::LateMonth),
            Just(DatePart::YearStart),
            Just(DatePart::YearEnd),
            Just(DatePart::FirstHalf),
            Just(DatePart::SecondHalf)
        ]),
        prop::option::of(prop_oneof![
            Just(Era::Meiji),
            Just(Era::Taisho),
            Just(Era::Showa),
            Just(Era::Heisei),
            Just(Era::Reiwa)
        ]),
        relative,
        any::<bool>(),
        readings,
    )
        .prop_map(
            |(start, end, precision, kind, season, part, era, relative, damaged, readings)| Date {
                start,
                end,
                precision,
                kind,
                season,
                part,
                era,
                relative,
                damaged,
                readings,
            },
        )
        .boxed()
}

fn date_mention(st: BoxedStrategy<String>) -> BoxedStrategy<DateMention> {
    (span(), st.clone(), date(st))
        .prop_map(|(span, text, date)| DateMention { span, text, date })
        .boxed()
}

fn block(st: BoxedStrategy<String>) -> BoxedStrategy<Block> {
    let meta = prop_oneof![
        Just(MetaField::Title),
        Just(MetaField::TitleRepeat),
        Just(MetaField::Subtitle),
        Just(MetaField::Byline),
        Just(MetaField::Bio),
        Just(MetaField::Date),
        Just(MetaField::Dateline),
        Just(MetaField::Venue),
        Just(MetaField::Tags),
        Just(MetaField::Series),
        Just(MetaField::Summary),
        Just(MetaField::Notice),
        Just(MetaField::OtherTitle)
    ];
    let chrome = prop_oneof![
        Just(ChromeKind::Banner),
        Just(ChromeKind::Links),
        Just(ChromeKind::TagList),
        Just(ChromeKind::CommentForm),
        Just(ChromeKind::Share),
        Just(ChromeKind::Support),
        Just(ChromeKind::Navigation),
        Just(ChromeKind::Other)
    ];
    let kind = prop_oneof![
        Just(BlockKind::Blank),
        meta.prop_map(|field| BlockKind::Meta { field }),
        (any::<u8>(), prop::option::of(st.clone()))
            .prop_map(|(level, number)| BlockKind::Heading { level, number }),
        Just(BlockKind::Paragraph),
        Just(BlockKind::Quote),
        st.clone().prop_map(|marker| BlockKind::ListItem { marker }),
        Just(BlockKind::NotesHeading),
        st.clone().prop_map(|label| BlockKind::Note { label }),
        Just(BlockKind::Signature),
        chrome.prop_map(|chrome| BlockKind::Chrome { chrome }),
    ];
    (kind, span(), span(), st, any::<usize>(), any::<usize>())
        .prop_map(|(kind, span, content, text, line, end_line)| Block {
            kind,
            span,
            content,
            text,
            line,
            end_line,
        })
        .boxed()
}

fn person(st: BoxedStrategy<String>) -> BoxedStrategy<Spanned<Person>> {
    (
        prop::option::of(st.clone()),
        prop::option::of(st.clone()),
        prop::option::of(st.clone()),
        prop::option::of(st),
        opt_span(),
    )
        .prop_map(|(family, given, literal, suffix, span)| Spanned {
            value: Person {
                family,
                given,
                literal,
                suffix,
            },
            span,
        })
        .boxed()
}

fn reference(st: BoxedStrategy<String>) -> BoxedStrategy<Reference> {
    let ty = prop_oneof![
        Just(ReferenceType::ArticleNewspaper),
        Just(ReferenceType::ArticleMagazine),
        Just(ReferenceType::ArticleJournal),
        Just(ReferenceType::Report),
        Just(ReferenceType::Webpage),
        Just(ReferenceType::Book),
        Just(ReferenceType::Chapter),
        Just(ReferenceType::Speech),
        Just(ReferenceType::Interview),
        Just(ReferenceType::Legislation),
        Just(ReferenceType::Post),
        Just(ReferenceType::Document),
        Just(ReferenceType::PaperConference),
        Just(ReferenceType::Thesis),
        Just(ReferenceType::Article)
    ];
    let os = || opt_spanned(st.clone());
    let sd = || {
        prop::option::of(
            (date(st.clone()), opt_span()).prop_map(|(value, span)| Spanned { value, span }),
        )
    };
    let people = || prop::collection::vec(person(st.clone()), 0..2);
    let repeat = prop::option::of(
        (
            prop_oneof![
                Just(RepeatKind::Ibid),
                Just(RepeatKind::OpCit),
                Just(RepeatKind::ShortForm)
            ],
            prop::option::of(id_str()),
        )
            .prop_map(|(kind, target)| Repeat { kind, target }),
    );
    (
        (
            id_str(),
            span(),
            st.clone(),
            ty,
            people(),
            people(),
            people(),
            any::<bool>(),
        ),
        (os(), os(), os(), os(), os(), os(), sd(), sd()),
        (
            os(),
            os(),
            os(),
            os(),
            os(),
            os(),
            prop::option::of(st.clone()),
            repeat,
        ),
        (os(), os(), os()),
    )
        .prop_map(
            |(
                (id, span, raw, kind, authors, editors, translators, et_al),
                (
                    title,
                    container_title,
                    publisher,
                    publisher_place,
                    event,
                    genre,
                    issued,
                    accessed,
                ),
                (volume, issue, page, locator, url, doi, language, repeat),
                (number, collection_title, collection_number),
            )| Reference {
                id,
                span,
                raw,
                kind,
                authors,
                editors,
                translators,
                et_al,
                title,
                container_title,
                publisher,
                publisher_place,
                event,
                genre,
                issued,
                accessed,
                volume,
                issue,
                number,
                collection_title,
                collection_number,
                page,
                locator,
                url,
                doi,
                language,
                repeat,
            },
        )
        .boxed()
}

fn anchor_style() -> BoxedStrategy<AnchorStyle> {
    prop_oneof![
        Just(AnchorStyle::Bracket),
        Just(AnchorStyle::ParenBracket),
        Just(AnchorStyle::Paren),
        Just(AnchorStyle::LenticularBracket),
        Just(AnchorStyle::Kome),
        Just(AnchorStyle::Asterisk),
        Just(AnchorStyle::Chu),
        Just(AnchorStyle::Superscript)
    ]
    .boxed()
}

fn category() -> BoxedStrategy<EntityCategory> {
    prop_oneof![
        Just(EntityCategory::Country),
        Just(EntityCategory::Organization),
        Just(EntityCategory::Alliance),
        Just(EntityCategory::Framework),
        Just(EntityCategory::Agreement)
    ]
    .boxed()
}

fn entity(st: BoxedStrategy<String>) -> BoxedStrategy<Entity> {
    (
        id_str(),
        category(),
        prop::option::of(st.clone()),
        prop::option::of(st.clone()),
        prop::collection::vec(st.clone(), 0..2),
        prop::option::of(st),
        prop::collection::vec(id_str(), 0..3),
        any::<usize>(),
        any::<bool>(),
    )
        .prop_map(
            |(id, category, name_ja, name_en, abbreviations, kind, parties, mentions, learnt)| {
                Entity {
                    id,
                    category,
                    name_ja,
                    name_en,
                    abbreviations,
                    kind,
                    parties,
                    mentions,
                    learnt,
                }
            },
        )
        .boxed()
}

fn event() -> BoxedStrategy<AgreementEvent> {
    let kind = prop_oneof![
        Just(EventKind::Signed),
        Just(EventKind::Concluded),
        Just(EventKind::Adopted),
        Just(EventKind::Announced),
        Just(EventKind::EnteredIntoForce),
        Just(EventKind::Revised),
        Just(EventKind::Renewed),
        Just(EventKind::Suspended),
        Just(EventKind::Terminated),
        Just(EventKind::Withdrawn),
        Just(EventKind::Agreed)
    ];
    (
        id_str(),
        kind,
        prop::option::of(date(xml_str())),
        prop::collection::vec(id_str(), 0..3),
        opt_span(),
    )
        .prop_map(|(agreement, kind, date, parties, span)| AgreementEvent {
            agreement,
            kind,
            date,
            parties,
            span,
        })
        .boxed()
}

/// Whole documents; `st` gives every free string (use [`xml_str`] for round trips,
/// [`any_str`] for safety).
pub fn document(st: BoxedStrategy<String>) -> BoxedStrategy<Document> {
    let os = || opt_spanned(st.clone());
    let metadata = (
        (
            os(),
            os(),
            prop::collection::vec(
                (spanned(st.clone()), st.clone())
                    .prop_map(|(title, language)| OtherTitle { title, language }),
                0..2,
            ),
            prop::collection::vec(
                (
                    spanned(st.clone()),
                    prop_oneof![
                        Just(AuthorRole::Author),
                        Just(AuthorRole::Translator),
                        Just(AuthorRole::Editor),
                        Just(AuthorRole::OriginalAuthor)
                    ],
                    os(),
                    os(),
                )
                    .prop_map(|(name, role, affiliation, bio)| Author {
                        name,
                        role,
                        affiliation,
                        bio,
                    }),
                0..3,
            ),
            prop::option::of(date_mention(st.clone())),
            prop::option::of(date_mention(st.clone())),
            prop::option::of(date_mention(st.clone())),
        ),
        (
            (os(), os(), os(), os(), os(), os()).prop_map(
                |(site, project, series, series_number, periodical, issue)| Venue {
                    site,
                    project,
                    series,
                    series_number,
                    periodical,
                    issue,
                },
            ),
            os(),
            prop::collection::vec(spanned(st.clone()), 0..2),
            prop::collection::vec(spanned(st.clone()), 0..3),
            os(),
            prop_oneof![
                Just(DocumentKind::PolicyPaper),
                Just(DocumentKind::MonthlyReport),
                Just(DocumentKind::MediaColumn),
                Just(DocumentKind::BlogTranslation),
                Just(DocumentKind::TranslatedPaper),
                Just(DocumentKind::Other)
            ],
            st.clone(),
            (
                any::<bool>(),
                os(),
                prop::option::of(st.clone()),
                os(),
                any::<bool>(),
                prop::collection::vec(st.clone(), 0..2),
            )
                .prop_map(
                    |(
                        is_translation,
                        original_title,
                        original_language,
                        translator,
                        machine_translation_likely,
                        evidence,
                    )| Translation {
                        is_translation,
                        original_title,
                        original_language,
                        translator,
                        machine_translation_likely,
                        evidence,
                    },
                ),
        ),
    )
        .prop_map(
            |(
                (title, subtitle, other_titles, authors, published, issue_date, written),
                (venue, section, categories, tags, summary, kind, language, translation),
            )| Metadata {
                title,
                subtitle,
                other_titles,
                authors,
                published,
                issue_date,
                written,
                venue,
                section,
                categories,
                tags,
                summary,
                kind,
                language,
                translation,
            },
        )
        .boxed();
    let source = (
        st.clone(),
        any::<u64>(),
        st.clone(),
        st.clone(),
        any::<bool>(),
        prop_oneof![
            Just(Detection::Bom),
            Just(Detection::ValidUtf8),
            Just(Detection::Heuristic),
            Just(Detection::User)
        ],
        any::<usize>(),
        prop_oneof![
            Just(LineEndings::None),
            Just(LineEndings::Lf),
            Just(LineEndings::Crlf),
            Just(LineEndings::Cr),
            Just(LineEndings::Mixed)
        ],
        any::<usize>(),
    )
        .prop_map(
            |(
                path,
                byte_len,
                sha256,
                name,
                bom,
                detected_by,
                replacements,
                line_endings,
                text_len,
            )| Source {
                path,
                byte_len,
                sha256,
                encoding: Encoding {
                    name,
                    bom,
                    detected_by,
                    replacements,
                },
                line_endings,
                text_len,
            },
        )
        .boxed();
    let anchor = (
        id_str(),
        span(),
        st.clone(),
        anchor_style(),
        prop::collection::vec(any::<u32>(), 0..3),
        prop::collection::vec(id_str(), 0..3),
        any::<usize>(),
    )
        .prop_map(|(id, span, text, style, numbers, notes, block)| Anchor {
            id,
            span,
            text,
            style,
            numbers,
            notes,
            block,
        })
        .boxed();
    let note = (
        id_str(),
        any::<u32>(),
        st.clone(),
        span(),
        spanned(st.clone()),
        prop::collection::vec(reference(st.clone()), 0..3),
        prop::collection::vec(spanned(st.clone()), 0..2),
        prop::collection::vec(id_str(), 0..2),
        any::<usize>(),
    )
        .prop_map(
            |(id, number, label, span, text, references, commentary, anchors, block)| Note {
                id,
                number,
                label,
                span,
                text,
                references,
                commentary,
                anchors,
                block,
            },
        )
        .boxed();
    let mention = (
        span(),
        st.clone(),
        category(),
        id_str(),
        prop::option::of(st.clone()),
        prop::option::of(date(st.clone())),
        any::<usize>(),
    )
        .prop_map(
            |(span, text, category, entity, compound, date, block)| Mention {
                span,
                text,
                category,
                entity,
                compound,
                date,
                block,
            },
        )
        .boxed();
    let entities = (
        prop::collection::vec(entity(st.clone()), 0..3),
        prop::collection::vec(entity(st.clone()), 0..3),
        prop::collection::vec(entity(st.clone()), 0..2),
        prop::collection::vec(event(), 0..3),
    )
        .prop_map(|(actors, alliances, agreements, events)| Entities {
            actors,
            alliances,
            agreements,
            events,
        })
        .boxed();
    let diagnostic = (
        prop_oneof![
            Just(Severity::Error),
            Just(Severity::Warning),
            Just(Severity::Info)
        ],
        st.clone(),
        st.clone(),
        opt_span(),
        prop::option::of(any::<usize>()),
    )
        .prop_map(|(severity, code, message, span, line)| Diagnostic {
            severity,
            code,
            message,
            span,
            line,
        })
        .boxed();
    (
        (
            any::<u32>(),
            st.clone(),
            source,
            prop::collection::vec(st.clone(), 0..4).prop_map(|v| v.concat()),
            metadata,
        ),
        (
            prop::collection::vec(block(st.clone()), 0..6),
            prop::collection::vec(anchor, 0..3),
            prop::collection::vec(note, 0..3),
            prop::collection::vec(date_mention(st.clone()), 0..3),
        ),
        (
            prop::collection::vec(mention, 0..3),
            entities,
            prop::collection::vec(diagnostic, 0..2),
        ),
    )
        .prop_map(
            |(
                (format_version, id, source, text, metadata),
                (blocks, anchors, notes, dates),
                (mentions, entities, diagnostics),
            )| Document {
                format_version,
                id,
                source,
                text,
                metadata,
                blocks,
                anchors,
                notes,
                dates,
                mentions,
                entities,
                diagnostics,
            },
        )
        .boxed()
}

/// `n` values of a strategy from a deterministic runner.
pub fn sample<S: Strategy>(strategy: S, n: usize) -> Vec<S::Value> {
    let mut runner = TestRunner::deterministic();
    (0..n)
        .map(|_| strategy.new_tree(&mut runner).expect("value").current())
        .collect()
}

// ---------- tools ----------

/// The workspace's `docs/schema/domei.xsd`.
pub fn xsd() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema/domei.xsd")
}

/// `/work/shared/schemas/tei_all.rng`, found from the crate directory.
pub fn tei_rng() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/schemas/tei_all.rng")
}

/// A fresh scratch directory for this test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("domei-xml-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Run a validator; panic (fail) when it is missing or any file is invalid.
pub fn run_tool(program: &str, args: &[&std::ffi::OsStr]) {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("`{program}` is required for this test and could not be run ({e}); install it: apt-get install -y jing libxml2-utils"));
    assert!(
        out.status.success(),
        "{program} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Validate files with `xmllint --noout --schema docs/schema/domei.xsd`, all in one run.
pub fn xmllint(files: &[PathBuf]) {
    let xsd = xsd();
    let mut args: Vec<&std::ffi::OsStr> =
        vec!["--noout".as_ref(), "--schema".as_ref(), xsd.as_os_str()];
    args.extend(files.iter().map(|f| f.as_os_str()));
    run_tool("xmllint", &args);
}

/// Validate files against TEI P5 (`tei_all.rng`) with jing, all in one run.
pub fn jing(files: &[PathBuf]) {
    let rng = tei_rng();
    assert!(rng.exists(), "TEI schema missing at {}", rng.display());
    let mut args: Vec<&std::ffi::OsStr> = vec![rng.as_os_str()];
    args.extend(files.iter().map(|f| f.as_os_str()));
    run_tool("jing", &args);
}
