//! Layouts beyond the fixtures, written inline: a news page with a timed date line and a
//! related-news block, an English bylined paper with plain numbered notes, and a report
//! that opens with a summary block and cites `(注1)` notes without a notes heading.

use domei_model::{BlockKind, ChromeKind, MetaField};

use crate::lossless::assert_lossless;
use crate::util::headings;

fn kinds(doc: &domei_model::Document) -> Vec<(usize, BlockKind)> {
    doc.blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Blank)
        .map(|b| (b.line, b.kind.clone()))
        .collect()
}

#[test]
fn news_page_with_time_and_related_news() {
    let text = "トップ > 政治 > 外交\n日米首脳会談、防衛協力の強化で一致\n2025年2月8日 10:30\n【ワシントン共同】両国の首脳は7日、会談し、同盟の抑止力を強化する方針で一致した。\n会談では指揮統制の見直しについても意見を交わした。\n関連ニュース\n・日米2プラス2、年内開催へ調整\n・防衛費増額、財源論議が本格化\n";
    let doc = domei_article::parse_text("news.txt", text.to_owned());
    assert_lossless(&doc);
    let m = &doc.metadata;
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "日米首脳会談、防衛協力の強化で一致"
    );
    assert_eq!(m.published.as_ref().unwrap().date.edtf(), "2025-02-08");
    assert!(m.tags.is_empty());
    let k = kinds(&doc);
    assert_eq!(
        k[0],
        (
            1,
            BlockKind::Chrome {
                chrome: ChromeKind::Navigation
            }
        )
    );
    assert_eq!(k[3], (4, BlockKind::Paragraph));
    assert_eq!(k[4], (5, BlockKind::Paragraph));
    assert!(
        k[5..].iter().all(|(_, kind)| *kind
            == BlockKind::Chrome {
                chrome: ChromeKind::Links
            }),
        "{k:?}"
    );
}

#[test]
fn english_paper_with_byline_affiliation_and_plain_notes() {
    let text = "The Quad at Five: Toward a Maritime Agenda\nJane Whitfield\nResearch Fellow, Institute for Indo-Pacific Studies\n12 September 2024\n\nIntroduction\nSince its revival in 2017, the Quad has moved from officials' talks to leaders' summits.1\n\nConclusion\nThe Quad will remain a coalition rather than an alliance.2\n\nNotes\n1 Tanvi Madan, \"The Rise, Fall, and Rebirth of the 'Quad',\" War on the Rocks, November 16, 2017.\n2 The White House, \"Quad Joint Leaders' Statement,\" May 24, 2022.\n";
    let doc = domei_article::parse_text("quad.txt", text.to_owned());
    assert_lossless(&doc);
    let m = &doc.metadata;
    assert_eq!(m.language, "en");
    assert_eq!(m.authors.len(), 1);
    assert_eq!(m.authors[0].name.value, "Jane Whitfield");
    assert_eq!(
        m.authors[0].affiliation.as_ref().unwrap().value,
        "Research Fellow, Institute for Indo-Pacific Studies"
    );
    assert_eq!(m.published.as_ref().unwrap().date.edtf(), "2024-09-12");
    assert!(m.tags.is_empty());
    let hs: Vec<String> = headings(&doc).into_iter().map(|h| h.2).collect();
    assert_eq!(hs, ["Introduction", "Conclusion"]);
    let notes = crate::util::note_labels(&doc);
    assert_eq!(notes, ["1", "2"]);
}

#[test]
fn report_with_summary_block_and_chu_notes_without_heading() {
    let text = "＜要旨＞\n・AUKUSは潜水艦だけの枠組みではない。\n・第2の柱は先端技術の共同開発である。\n\nAUKUSの第2の柱と日本の参画\n防衛研究所 主任研究官 田中一郎\n\n1．はじめに\n2021年9月、米英豪の3か国はAUKUSの創設を発表した。\n2．第2の柱の内容\n第2の柱は、量子技術など8つの分野での協力を定めている(注1)。\n3．おわりに\n日本の参画には、情報保全の制度整備が欠かせない(注2)。\n\n(注1) 米国防省「AUKUS Pillar II」2023年12月。\n(注2) 同上。\n";
    let doc = domei_article::parse_text("aukus.txt", text.to_owned());
    assert_lossless(&doc);
    let m = &doc.metadata;
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "AUKUSの第2の柱と日本の参画"
    );
    assert_eq!(
        m.summary.as_ref().unwrap().value,
        "・AUKUSは潜水艦だけの枠組みではない。\n・第2の柱は先端技術の共同開発である。"
    );
    assert_eq!(m.authors[0].name.value, "田中一郎");
    assert_eq!(
        m.authors[0].affiliation.as_ref().unwrap().value,
        "防衛研究所 主任研究官"
    );
    let k = kinds(&doc);
    assert_eq!(
        k[0].1,
        BlockKind::Meta {
            field: MetaField::Summary
        }
    );
    let hs: Vec<(u8, Option<String>)> = headings(&doc).into_iter().map(|h| (h.0, h.1)).collect();
    assert_eq!(
        hs,
        [
            (1, Some("1．".to_owned())),
            (1, Some("2．".to_owned())),
            (1, Some("3．".to_owned()))
        ]
    );
    let notes = crate::util::note_labels(&doc);
    assert_eq!(notes, ["(注1)", "(注2)"]);
}

fn kinds_of(text: &str) -> (domei_model::Document, Vec<(usize, BlockKind)>) {
    let doc = domei_article::parse_text("t.txt", text.to_owned());
    assert_lossless(&doc);
    let k = kinds(&doc);
    (doc, k)
}

#[test]
fn news_header_with_menu_row_timed_date_and_correspondent() {
    let text = "毎朝新聞デジタル\nトップ　政治　経済　国際　社会\n\nNATO、東欧の防空強化で合意\n2025/02/13 18:30（最終更新 2025/02/13 21:05）\nブリュッセル＝佐々木健太\n\n北大西洋条約機構は13日、国防相会合を開き、東欧の防空体制を強化する計画で合意した。費用の分担も議題になった。\n";
    let (doc, k) = kinds_of(text);
    let m = &doc.metadata;
    assert_eq!(m.venue.site.as_ref().unwrap().value, "毎朝新聞デジタル");
    assert_eq!(
        k[1],
        (
            2,
            BlockKind::Chrome {
                chrome: ChromeKind::Navigation
            }
        )
    );
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "NATO、東欧の防空強化で合意"
    );
    assert_eq!(m.published.as_ref().unwrap().date.edtf(), "2025-02-13");
    assert_eq!(m.authors[0].name.value, "佐々木健太");
    assert_eq!(
        m.authors[0].affiliation.as_ref().unwrap().value,
        "ブリュッセル"
    );
}

#[test]
fn plain_subtitle_before_a_date_and_a_two_word_name_after_a_position() {
    let (doc, k) = kinds_of(
        "同盟網の変容\nハブからネットワークへ\n2023年12月20日\n慶明大学教授　石田 浩一\n\n冷戦期の同盟は放射状の形をとってきたが、近年は同盟国同士の横のつながりが強まっている。\n\n1. 日豪の接近\n日本とオーストラリアは円滑化協定に署名した。\n",
    );
    let m = &doc.metadata;
    assert_eq!(m.subtitle.as_ref().unwrap().value, "ハブからネットワークへ");
    assert_eq!(m.published.as_ref().unwrap().date.edtf(), "2023-12-20");
    assert_eq!(m.authors[0].name.value, "石田 浩一");
    assert_eq!(
        m.authors[0].affiliation.as_ref().unwrap().value,
        "慶明大学教授"
    );
    assert!(
        k.iter()
            .any(|(l, kind)| *l == 8 && matches!(kind, BlockKind::Heading { level: 1, .. }))
    );
    assert_eq!(k.last().unwrap(), &(9, BlockKind::Paragraph));
}

#[test]
fn a_table_of_contents_is_navigation_and_its_numbers_are_not_notes() {
    let (doc, k) = kinds_of(
        "日米同盟の70年\n2024年12月1日\n\n目次\n1. 旧条約の時代\n2. 新条約\n\n1. 旧条約の時代\n1951年9月8日、旧条約が署名されたが、米国の防衛義務は明記されていなかった。\n\n2. 新条約\n1960年1月19日、新条約が署名され、第5条で防衛義務が定められた。\n",
    );
    assert!(
        doc.blocks
            .iter()
            .all(|b| !matches!(b.kind, BlockKind::Note { .. }))
    );
    assert_eq!(
        &k[2..5],
        &[
            (
                4,
                BlockKind::Chrome {
                    chrome: ChromeKind::Navigation
                }
            ),
            (
                5,
                BlockKind::Chrome {
                    chrome: ChromeKind::Navigation
                }
            ),
            (
                6,
                BlockKind::Chrome {
                    chrome: ChromeKind::Navigation
                }
            )
        ]
    );
    assert_eq!(headings(&doc).len(), 2);
}

#[test]
fn a_note_ends_at_a_blank_line_before_unlabelled_text() {
    let (_, k) = kinds_of(
        "題名です\n\n本文は長い段落で、同盟の制度化について論じる。[1] さらに続けて論じる。[2]\n\n注\n[1] 外務省「共同声明」2023年8月18日。\n[2] 同上。\n\n石田浩一(いしだ・こういち)\n本稿の内容は執筆者個人の見解です。\n",
    );
    let notes: Vec<usize> = k
        .iter()
        .filter(|(_, kind)| matches!(kind, BlockKind::Note { .. }))
        .map(|(l, _)| *l)
        .collect();
    assert_eq!(notes, [6, 7]);
    assert!(
        k.iter()
            .all(|(l, kind)| *l < 9 || !matches!(kind, BlockKind::Note { .. }))
    );
}

#[test]
fn think_tank_page_with_breadcrumbs_genre_label_series_and_end_mark() {
    let (doc, k) = kinds_of(
        "国際戦略研究所\nホーム｜研究｜コメンタリー｜出版\n刊行物 ＞ コメンタリー ＞ 米比同盟\nコメンタリー\n米比同盟の再活性化と南シナ海\nワーキングペーパー No.24-07\n国際戦略研究所 上席研究員　藤井 美咲\n2024年11月5日\n\nⅠ．拠点の拡大\n米国とフィリピンは防衛協力強化協定に基づく拠点を9か所に広げ、南シナ海での即応性を高めた。＊1\n＊1　協定は2014年4月28日に署名された。\n（了）\n本稿の内容は執筆者個人の見解です。\n",
    );
    let m = &doc.metadata;
    assert_eq!(m.venue.site.as_ref().unwrap().value, "国際戦略研究所");
    assert_eq!(m.section.as_ref().unwrap().value, "コメンタリー");
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "米比同盟の再活性化と南シナ海"
    );
    assert_eq!(m.venue.series.as_ref().unwrap().value, "ワーキングペーパー");
    assert_eq!(m.venue.series_number.as_ref().unwrap().value, "No.24-07");
    assert_eq!(m.authors[0].name.value, "藤井 美咲");
    assert_eq!(m.published.as_ref().unwrap().date.edtf(), "2024-11-05");
    assert!(
        k[..3].iter().all(|x| x.1
            == BlockKind::Chrome {
                chrome: ChromeKind::Navigation
            }),
        "{k:?}"
    );
    let note = doc
        .blocks
        .iter()
        .find(|b| matches!(b.kind, BlockKind::Note { .. }))
        .unwrap();
    assert_eq!(
        (note.line, note.end_line),
        (12, 12),
        "the note stops before the end mark"
    );
    assert!(k.contains(&(
        13,
        BlockKind::Chrome {
            chrome: ChromeKind::Other
        }
    )));
}

#[test]
fn blog_author_line_with_a_bar_and_like_counts() {
    let (doc, k) = kinds_of(
        "AUKUSって結局なに？ 3年たって見えてきたこと\n\nたなか｜安全保障オタク\n2024年9月15日 21:04\n\nAUKUSの話を友人に説明しようとして、うまくできなかったので、自分なりに整理してみることにした。\n\nスキ\n12\nフォロー\n",
    );
    let m = &doc.metadata;
    assert_eq!(m.authors[0].name.value, "たなか");
    assert_eq!(m.authors[0].bio.as_ref().unwrap().value, "安全保障オタク");
    assert_eq!(m.published.as_ref().unwrap().date.edtf(), "2024-09-15");
    assert!(
        k.contains(&(
            9,
            BlockKind::Chrome {
                chrome: ChromeKind::Share
            }
        )),
        "{k:?}"
    );
}

#[test]
fn hard_wrapped_lines_that_end_in_a_particle_are_not_headings() {
    let (doc, k) = kinds_of(
        "拡大抑止の再保証\n\n1. ワシントン宣言\n宣言は、米国の戦略原潜の韓国寄港など、拡大抑止の\n可視性を高める措置を盛り込んだ。\n2. 核協議グループ\n",
    );
    let hs: Vec<String> = headings(&doc).into_iter().map(|h| h.2).collect();
    assert_eq!(hs, ["ワシントン宣言", "核協議グループ"]);
    assert!(k.contains(&(4, BlockKind::Paragraph)));
}

/// The value and the text under its span agree.
fn spanned_ok(doc: &domei_model::Document, s: &domei_model::Spanned<String>) -> bool {
    s.span
        .is_some_and(|sp| doc.text.get(sp.start..sp.end) == Some(s.value.as_str()))
}

#[test]
fn a_genre_prefix_is_set_apart_from_the_title_with_exact_spans() {
    let (doc, _) = kinds_of(
        "【特集】経済安全保障と同盟の再編\n2025年1月20日\n\n 半導体の供給網をめぐる競争は、同盟国の協力のあり方を変えつつある。本稿はその変化を整理する。\n",
    );
    let m = &doc.metadata;
    let title = m.title.as_ref().unwrap();
    assert_eq!(title.value, "経済安全保障と同盟の再編");
    assert!(spanned_ok(&doc, title));
    let section = m.section.as_ref().unwrap();
    assert_eq!(section.value, "特集");
    assert!(spanned_ok(&doc, section));
    // A title without a prefix keeps its brackets elsewhere untouched.
    let (doc, _) = kinds_of("日米同盟と【特集】の違い\n2025年1月20日\n\n本文の段落である。\n");
    assert_eq!(
        doc.metadata.title.as_ref().unwrap().value,
        "日米同盟と【特集】の違い"
    );
    assert!(doc.metadata.section.is_none());
}

#[test]
fn a_serial_prefix_gives_series_name_and_number() {
    let (doc, _) = kinds_of(
        "［連載］同盟の現場から（4） 海上保安庁と海上自衛隊の連携\n2025年4月2日\n\n 尖閣諸島の周辺では、海警局の船の活動が常態化している。連携の仕組みが見直されつつある。\n",
    );
    let m = &doc.metadata;
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "海上保安庁と海上自衛隊の連携"
    );
    assert_eq!(m.section.as_ref().unwrap().value, "連載");
    let series = m.venue.series.as_ref().unwrap();
    assert_eq!(series.value, "同盟の現場から");
    assert!(spanned_ok(&doc, series));
    assert_eq!(m.venue.series_number.as_ref().unwrap().value, "（4）");
    assert!(spanned_ok(&doc, m.title.as_ref().unwrap()));
}

#[test]
fn a_profile_after_the_body_is_the_authors_bio_not_a_paragraph() {
    let (doc, k) = kinds_of(
        "同盟の再編\n2025年1月20日\n山本 遥（防衛政策研究所 主任研究員）\n\n 半導体や重要鉱物の供給網をめぐる競争は、同盟国どうしの協力のあり方を変えつつある。本稿ではその変化を整理する。\n\n筆者プロフィール\n山本 遥（やまもと はるか）\n防衛政策研究所主任研究員。1983年生まれ。東京大学大学院修了。\n",
    );
    let m = &doc.metadata;
    assert_eq!(m.authors.len(), 1, "{:?}", m.authors);
    let bio = m.authors[0].bio.as_ref().expect("bio");
    assert!(
        bio.value
            .starts_with("防衛政策研究所主任研究員。1983年生まれ")
    );
    assert!(spanned_ok(&doc, bio));
    let para: Vec<usize> = k
        .iter()
        .filter(|(_, b)| *b == BlockKind::Paragraph)
        .map(|(l, _)| *l)
        .collect();
    assert_eq!(para, [5]);
    assert!(k.contains(&(
        8,
        BlockKind::Meta {
            field: MetaField::Byline
        }
    )));
    assert!(k.contains(&(
        9,
        BlockKind::Meta {
            field: MetaField::Bio
        }
    )));
}

#[test]
fn an_unlabelled_profile_with_a_reading_credits_a_new_author_with_bio() {
    let (doc, k) = kinds_of(
        "日米同盟の統合\n2024年9月12日\n聞き手：編集部 川口 直樹\n\n――今回の合意で何が変わるのでしょうか。\n\n森下 一番大きいのは、平時から共同で作戦を計画する体制ができることです。これまでは有事になってから調整していました。\n\n――今後の課題は\n\n森下 人材と通信です。\n\n森下 誠一（もりした・せいいち） 1962年生まれ。防衛大学校卒業後、陸上自衛隊で勤務。\n",
    );
    let m = &doc.metadata;
    let names: Vec<&str> = m.authors.iter().map(|a| a.name.value.as_str()).collect();
    assert_eq!(names, ["川口 直樹", "森下 誠一"]);
    assert_eq!(m.authors[0].role, domei_model::AuthorRole::Editor);
    assert_eq!(m.authors[0].affiliation.as_ref().unwrap().value, "編集部");
    let bio = m.authors[1].bio.as_ref().unwrap();
    assert_eq!(
        bio.value,
        "1962年生まれ。防衛大学校卒業後、陸上自衛隊で勤務。"
    );
    assert!(spanned_ok(&doc, bio));
    // The questions are running text, not headings; speaker names are no sign of machine
    // translation.
    assert!(k.contains(&(9, BlockKind::Paragraph)));
    assert!(headings(&doc).is_empty());
    assert!(!m.translation.machine_translation_likely);
}

#[test]
fn english_about_the_authors_gives_each_author_a_bio() {
    let (doc, k) = kinds_of(
        "Alliance Division of Labor\nKenji Arakawa and Sarah Whitmore\nFebruary 6, 2025\n\nJapan's decision to acquire counterstrike capabilities marks a departure from the shield and the spear.\n\nAbout the Authors\nKenji Arakawa is a senior fellow at the Institute for Alliance Studies.\nSarah Whitmore is an associate fellow at the Institute for Alliance Studies.\n",
    );
    let m = &doc.metadata;
    assert_eq!(m.authors.len(), 2);
    assert!(
        m.authors[0]
            .bio
            .as_ref()
            .unwrap()
            .value
            .starts_with("Kenji Arakawa is")
    );
    assert!(
        m.authors[1]
            .bio
            .as_ref()
            .unwrap()
            .value
            .starts_with("Sarah Whitmore is")
    );
    assert!(k.contains(&(
        7,
        BlockKind::Meta {
            field: MetaField::Bio
        }
    )));
}

#[test]
fn a_hard_wrapped_pdf_paragraph_is_one_block_and_running_heads_are_chrome() {
    let (doc, k) = kinds_of(
        "題名\n\n近年、インド太平洋では多国間の共同演習が急速に増え、その規模と内容も拡大してい\nる。加えて、英仏独などの欧州諸国も艦艇を派遣するようになり、訓練の内容も変わっ\nた。本稿では、その背景と日本にとっての意味を考える。\n紀要 第3号\n- 1 -\nまた、演習の数が増えるほど参加国の負担も大きくなる点には注意が必要である。ただ\nし、その負担をどう分け合うかはまだ決まっていない。\n紀要 第3号\n- 2 -\n",
    );
    let b = doc
        .blocks
        .iter()
        .find(|b| b.line == 3)
        .expect("a block at line 3");
    assert_eq!((b.kind.clone(), b.end_line), (BlockKind::Paragraph, 5));
    let chrome = BlockKind::Chrome {
        chrome: ChromeKind::Other,
    };
    assert!(k.contains(&(6, chrome.clone())), "{k:?}");
    assert!(k.contains(&(10, chrome)), "{k:?}");
    let b = doc.blocks.iter().find(|b| b.line == 8).expect("line 8");
    assert_eq!((b.kind.clone(), b.end_line), (BlockKind::Paragraph, 9));
}

#[test]
fn a_reading_in_the_last_paragraph_is_not_a_profile() {
    let (doc, k) = kinds_of(
        "同盟の将来\n2025年1月20日\n\n 日米の協議は続いている。両政府は指揮統制の連携を強める方針を確認し、具体的な手順の検討に入った。\n\n 山田（やまだ）氏は、協議の行方を注視すべきだと述べた。\n",
    );
    assert!(
        doc.metadata.authors.is_empty(),
        "{:?}",
        doc.metadata.authors
    );
    assert!(k.contains(&(6, BlockKind::Paragraph)), "{k:?}");
}

#[test]
fn one_bio_paragraph_for_two_authors_is_cut_between_them() {
    let (doc, _) = kinds_of(
        "Three Takeaways\nBy John Carter and Mei Tanaka\nMarch 3, 2025\n\nJapan stood up its Joint Operations Command in March 2025, the most important change in decades.\n\nJohn Carter is a senior fellow at the Center for Alliance Studies. Mei Tanaka is a research associate with the program.\n",
    );
    let a = &doc.metadata.authors;
    assert_eq!(a.len(), 2);
    let bio = |k: usize| a[k].bio.as_ref().map(|b| b.value.as_str());
    assert_eq!(
        bio(0),
        Some("John Carter is a senior fellow at the Center for Alliance Studies.")
    );
    assert_eq!(
        bio(1),
        Some("Mei Tanaka is a research associate with the program.")
    );
    for x in a {
        assert!(spanned_ok(&doc, x.bio.as_ref().unwrap()));
    }
}

#[test]
fn a_profile_heading_over_body_text_is_not_an_authors_profile() {
    let (doc, k) = kinds_of(
        "Coast Guards in the Alliance\nMarch 3, 2025\n\nThe Japan Coast Guard is a law enforcement agency, not a military one, and its role in a crisis is often misunderstood.\n\nProfile\nThe agency operates more than 470 vessels and employs about 14,000 people.\n",
    );
    assert!(doc.metadata.authors.is_empty());
    assert!(k.contains(&(7, BlockKind::Paragraph)), "{k:?}");
}

#[test]
fn a_hard_wrapped_abstract_with_a_hyphenated_break_is_one_summary() {
    let (doc, k) = kinds_of(
        "Extended Deterrence in a Multipolar Asia\nMichael Brenner\nMarch 2025\n\nAbstract\nThis paper examines how the credibility of extended deterrence is maintained when\nthe protector faces more than one nuclear-armed rival. It argues that allies' con-\ncerns cannot be resolved by reassurance alone.\n\n1. Introduction\nFor most of the Cold War, American extended deterrence in Asia had one target.\n",
    );
    let summary = doc.metadata.summary.as_ref().expect("summary");
    assert!(summary.value.starts_with("This paper examines"));
    assert!(summary.value.ends_with("by reassurance alone."));
    assert!(spanned_ok(&doc, summary));
    for line in 5..=8 {
        assert!(
            k.contains(&(
                line,
                BlockKind::Meta {
                    field: MetaField::Summary
                }
            )),
            "{k:?}"
        );
    }
}

#[test]
fn numbered_lines_over_a_page_number_are_notes_only_when_they_cite_in_sequence() {
    // A list at the foot of a page that does not cite anything stays body text.
    let (doc, k) = kinds_of(
        "題名\n\n本文の段落である。協議は続いている。\n1 第一の論点\n2 第二の論点\n- 1 -\n本文の続きである。\n- 2 -\n",
    );
    assert_eq!(crate::util::note_blocks(&doc), 0, "{k:?}");
}

#[test]
fn a_magazine_web_edition_is_a_media_column() {
    let (doc, _) = kinds_of(
        "月刊 国際安全保障ジャーナル ONLINE\n【連載】同盟の現場から（4） 海上保安庁と海上自衛隊の連携\n2025年4月2日\n\n 尖閣諸島の周辺では、海警局の船の活動が常態化している。連携の仕組みが見直されつつある。\n",
    );
    assert_eq!(
        doc.metadata.venue.site.as_ref().unwrap().value,
        "月刊 国際安全保障ジャーナル ONLINE"
    );
    assert_eq!(doc.metadata.kind, domei_model::DocumentKind::MediaColumn);
}

fn chrome_at(k: &[(usize, BlockKind)], line: usize) -> bool {
    k.iter().any(|(l, kind)| *l == line && kind.is_chrome())
}

fn kind_at(k: &[(usize, BlockKind)], line: usize) -> Option<&BlockKind> {
    k.iter().find(|(l, _)| *l == line).map(|(_, kind)| kind)
}

#[test]
fn a_comment_heading_with_a_count_opens_the_comment_region() {
    let (doc, k) = kinds_of(
        "米比同盟と第一列島線\n2024年11月2日　田村 光\n\n　フィリピン北部の基地をめぐる合意は、同盟の地理的な重心を動かしつつある。\n\nコメント（2件）\nみどり 2024年11月2日 20:10\n基地の数より運用の中身が気になります。\n返信\nsato_k 2024年11月3日 7:45\n台湾海峡との距離を地図で見ると、議論の意味がよく分かりますね。\n返信\n",
    );
    assert_eq!(doc.metadata.authors[0].name.value, "田村 光");
    assert_eq!(kind_at(&k, 4), Some(&BlockKind::Paragraph));
    for line in 6..=12 {
        assert!(chrome_at(&k, line), "line {line}: {k:?}");
    }
}

#[test]
fn a_journal_issue_line_gives_periodical_issue_and_date_and_keywords_are_tags() {
    let (doc, k) = kinds_of(
        "同盟研究年報　第8巻第1号（2023年3月）\n論文\nクアッドの制度化と限界\n森 早苗（北都大学法学部）\n\nキーワード：クアッド、制度化、インド太平洋\n受理日：2022年12月1日\n\n1. はじめに\nクアッドは首脳会合を重ねる中で作業部会を増やしてきた。\n",
    );
    let m = &doc.metadata;
    assert_eq!(m.venue.periodical.as_ref().unwrap().value, "同盟研究年報");
    assert_eq!(m.venue.issue.as_ref().unwrap().value, "第8巻第1号");
    assert_eq!(m.section.as_ref().unwrap().value, "論文");
    assert_eq!(m.title.as_ref().unwrap().value, "クアッドの制度化と限界");
    // Without a date of its own the article is dated by its issue; the review date is not
    // its publication date.
    assert_eq!(m.published.as_ref().unwrap().date.edtf(), "2023-03");
    let tags: Vec<&str> = m.tags.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(tags, ["クアッド", "制度化", "インド太平洋"]);
    assert!(m.tags.iter().all(|t| spanned_ok(&doc, t)));
    assert!(!chrome_at(&k, 6), "{k:?}");
    assert_eq!(
        kind_at(&k, 7),
        Some(&BlockKind::Meta {
            field: MetaField::Date
        })
    );
    assert_eq!(headings(&doc).len(), 1);
}

#[test]
fn a_katakana_author_over_a_translator_and_a_closing_bio_with_the_name() {
    let (doc, k) = kinds_of(
        "抑止は言葉で始まる\nアンナ・ケラー\n訳：森田 朋子\n2025年1月8日\n\n　抑止の第一歩は、相手に意図を正しく伝えることである。\n　同盟国の間で言葉がそろわなければ、抑止は弱まる。\n※本稿は英語で書かれた原稿を訳したものです。\nアンナ・ケラー　安全保障論を専門とする研究者。ベルリン在住。\n",
    );
    let m = &doc.metadata;
    assert_eq!(m.subtitle, None);
    let names: Vec<(&str, domei_model::AuthorRole)> = m
        .authors
        .iter()
        .map(|a| (a.name.value.as_str(), a.role))
        .collect();
    assert_eq!(
        names,
        [
            ("アンナ・ケラー", domei_model::AuthorRole::OriginalAuthor),
            ("森田 朋子", domei_model::AuthorRole::Translator)
        ]
    );
    assert_eq!(
        m.authors[0].bio.as_ref().unwrap().value,
        "安全保障論を専門とする研究者。ベルリン在住。"
    );
    assert!(spanned_ok(&doc, m.authors[0].bio.as_ref().unwrap()));
    assert_eq!(
        kind_at(&k, 8),
        Some(&BlockKind::Meta {
            field: MetaField::Notice
        })
    );
    assert_eq!(
        kind_at(&k, 9),
        Some(&BlockKind::Meta {
            field: MetaField::Bio
        })
    );
}

#[test]
fn a_site_name_over_joined_sections_and_a_genre_label_over_the_title() {
    let (doc, k) = kinds_of(
        "北海タイムス\n社説・論説\n論説\n同盟の負担　数字だけで語るな\n2025年5月3日\n\n　同盟の負担は、防衛費の額だけでは測れない。\n論説の一覧へ\n",
    );
    let m = &doc.metadata;
    assert_eq!(m.venue.site.as_ref().unwrap().value, "北海タイムス");
    assert_eq!(m.section.as_ref().unwrap().value, "論説");
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "同盟の負担　数字だけで語るな"
    );
    assert!(m.authors.is_empty());
    assert!(
        chrome_at(&k, 1) && chrome_at(&k, 2) && chrome_at(&k, 8),
        "{k:?}"
    );
    assert_eq!(kind_at(&k, 7), Some(&BlockKind::Paragraph));
}

#[test]
fn particulars_after_a_list_are_not_headings_and_an_office_signs_with_its_org() {
    let (doc, k) = kinds_of(
        "研究会「日韓の安全保障協力」報告\n2024年6月30日\n\n日時：2024年6月21日\n報告者：\n・金 秀賢（慶東大学 教授）\n・岡部 実（本研究所 研究員）\n司会：岡部 実\n\n　研究会では、日米韓の安全保障協力の制度化について議論した。\n（文責：東アジア研究所 編集部）\n",
    );
    assert!(headings(&doc).is_empty(), "{k:?}");
    assert_eq!(kind_at(&k, 8), Some(&BlockKind::Paragraph));
    let names: Vec<&str> = doc
        .metadata
        .authors
        .iter()
        .map(|a| a.name.value.as_str())
        .collect();
    assert_eq!(names, ["東アジア研究所 編集部"]);
}

#[test]
fn a_press_release_with_a_language_switch_era_date_and_office_block() {
    let (doc, k) = kinds_of(
        "防衛省\nEnglish\nホーム > 報道資料\nプレスリリース\n日英防衛相会談の結果について\n令和6年9月3日\n\n　防衛大臣は英国国防大臣と会談し、次期戦闘機の共同開発の進展を確認した。\n\n【本件担当】\n整備計画局\n",
    );
    let m = &doc.metadata;
    assert_eq!(m.venue.site.as_ref().unwrap().value, "防衛省");
    assert_eq!(m.section.as_ref().unwrap().value, "プレスリリース");
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "日英防衛相会談の結果について"
    );
    assert_eq!(m.published.as_ref().unwrap().date.edtf(), "2024-09-03");
    assert!(
        chrome_at(&k, 2) && chrome_at(&k, 10) && chrome_at(&k, 11),
        "{k:?}"
    );
    assert_eq!(kind_at(&k, 8), Some(&BlockKind::Paragraph));
}

#[test]
fn bare_page_numbers_count_only_beside_a_repeated_running_head() {
    let (doc, k) = kinds_of(
        "Alliance Brief No. 4\nBurden Sharing in Northeast Asia\nKenji Sato\nMarch 2024\n\nThe allies have argued about costs since the treaty was signed.\n\nAlliance Brief No. 4\n7\n\nThe host nation support agreement is renewed every five years.\n\nAlliance Brief No. 4\n8\n\nNeither side expects the debate to end.\n",
    );
    for line in [8, 9, 13, 14] {
        assert!(chrome_at(&k, line), "line {line}: {k:?}");
    }
    assert_eq!(
        doc.metadata.venue.series.as_ref().unwrap().value,
        "Alliance Brief"
    );
    assert_eq!(kind_at(&k, 11), Some(&BlockKind::Paragraph));
    // Bare numbers without a running head beside them are the text's own.
    let (_, k) = kinds_of(
        "Budget Lines\n\nThe ministry asked for three items.\n12\nThe first is a radar.\n40\nThe second is a ship.\n",
    );
    assert!(!chrome_at(&k, 4) && !chrome_at(&k, 6), "{k:?}");
}

#[test]
fn a_blog_name_over_the_entry_dates_and_title_is_the_site() {
    let (doc, k) = kinds_of(
        "防衛ノート\n投稿日：2024年5月2日\n更新日：2024年6月1日\n日豪円滑化協定の一年を振り返る\n\n協定の発効から一年がたち、共同訓練の手続きは目に見えて簡単になった。\n",
    );
    let m = &doc.metadata;
    assert_eq!(m.venue.site.as_ref().unwrap().value, "防衛ノート");
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "日豪円滑化協定の一年を振り返る"
    );
    assert_eq!(m.published.as_ref().unwrap().date.edtf(), "2024-05-02");
    assert!(chrome_at(&k, 1), "{k:?}");
    // A title over its date, then a section heading after a blank line: no site.
    let (doc, _) = kinds_of(
        "日豪円滑化協定の一年\n2024年5月2日\n\n協定の発効から一年を振り返る\n協定の発効から一年がたち、共同訓練の手続きは目に見えて簡単になった。\n",
    );
    assert_eq!(doc.metadata.venue.site, None);
    assert_eq!(
        doc.metadata.title.as_ref().unwrap().value,
        "日豪円滑化協定の一年"
    );
}

#[test]
fn a_newsletter_masthead_publisher_and_contents_before_numbered_articles() {
    let (doc, k) = kinds_of(
        "同盟通信　第12号（2024年7月1日発行）\n編集・発行：海洋安全保障フォーラム\n\n今号の内容\n1. 日比首脳会談\n2. お知らせ\n\n1. 日比首脳会談\n　日比の首脳は円滑化協定の早期発効で一致した。\n2. お知らせ\n　次号は9月に発行します。\n配信停止はこちら\n",
    );
    let m = &doc.metadata;
    assert_eq!(m.venue.periodical.as_ref().unwrap().value, "同盟通信");
    assert_eq!(m.venue.issue.as_ref().unwrap().value, "第12号");
    assert_eq!(
        m.venue.site.as_ref().unwrap().value,
        "海洋安全保障フォーラム"
    );
    assert_eq!(m.published.as_ref().unwrap().date.edtf(), "2024-07-01");
    // No title line: the first article's heading is a heading, not the title.
    assert_eq!(m.title, None);
    let hs: Vec<String> = headings(&doc).into_iter().map(|h| h.2).collect();
    assert_eq!(hs, ["日比首脳会談", "お知らせ"]);
    for line in [4, 5, 6, 12] {
        assert!(chrome_at(&k, line), "line {line}: {k:?}");
    }
}

#[test]
fn a_written_answer_head_number_signatory_and_addressee_before_the_title() {
    let (doc, k) = kinds_of(
        "令和六年十一月五日受領\n答弁第一二号\n\n内閣参質二一六第一二号\n令和六年十一月五日\n内閣総理大臣　石破　茂\n参議院議長　関口昌一　殿\n\n参議院議員川村花子君提出日豪円滑化協定に関する質問に対する答弁書\n\n一について\n　お尋ねの件数は、現時点で把握していない。\n",
    );
    let m = &doc.metadata;
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "参議院議員川村花子君提出日豪円滑化協定に関する質問に対する答弁書"
    );
    assert_eq!(m.published.as_ref().unwrap().date.edtf(), "2024-11-05");
    assert_eq!(m.authors.len(), 1);
    assert_eq!(m.authors[0].name.value, "石破　茂");
    assert_eq!(
        m.authors[0].affiliation.as_ref().unwrap().value,
        "内閣総理大臣"
    );
    for line in [2, 4, 7] {
        assert!(
            matches!(kind_at(&k, line), Some(BlockKind::Meta { .. })),
            "line {line}: {k:?}"
        );
    }
    let hs: Vec<String> = headings(&doc).into_iter().map(|h| h.2).collect();
    assert_eq!(hs, ["一について"]);
}

#[test]
fn an_original_title_line_marks_a_translation() {
    let (doc, k) = kinds_of(
        "海の同盟\nポール・ニールセン\n訳：石井 直\n原題：“Allies at Sea”（2024年8月）\n2024年10月1日\n\n　海の同盟は陸の同盟とは違う論理で動く。\n",
    );
    let t = &doc.metadata.translation;
    assert!(t.is_translation);
    let original = t.original_title.as_ref().unwrap();
    assert_eq!(original.value, "Allies at Sea");
    assert!(spanned_ok(&doc, original));
    assert_eq!(
        kind_at(&k, 4),
        Some(&BlockKind::Meta {
            field: MetaField::OtherTitle
        })
    );
    assert_eq!(
        doc.metadata.published.as_ref().unwrap().date.edtf(),
        "2024-10-01"
    );
}

#[test]
fn an_english_journal_head_with_volume_abstract_keywords_and_review_dates() {
    let (doc, k) = kinds_of(
        "Journal of Alliance Studies Vol. 12, No. 2 (2024)\nResearch Article\nThe Quad and the Limits of Minilateralism\nSarah Lindqvist\nDepartment of Politics, Northfield University\n\nAbstract\nThis article asks why the Quad has stopped short of becoming an alliance.\nKeywords: Quad, minilateralism, India\nReceived: 3 March 2024; Accepted: 12 June 2024\n\n1. Introduction\nThe Quad was revived in 2017 after a decade of silence.\n",
    );
    let m = &doc.metadata;
    assert_eq!(
        m.venue.periodical.as_ref().unwrap().value,
        "Journal of Alliance Studies"
    );
    assert_eq!(m.venue.issue.as_ref().unwrap().value, "Vol. 12, No. 2");
    assert_eq!(m.venue.series, None);
    assert_eq!(m.section.as_ref().unwrap().value, "Research Article");
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "The Quad and the Limits of Minilateralism"
    );
    assert_eq!(m.authors[0].name.value, "Sarah Lindqvist");
    let tags: Vec<&str> = m.tags.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(tags, ["Quad", "minilateralism", "India"]);
    // Dated by the year of its issue.
    assert_eq!(m.published.as_ref().unwrap().date.edtf(), "2024");
    assert_eq!(
        kind_at(&k, 10),
        Some(&BlockKind::Meta {
            field: MetaField::Date
        })
    );
    assert_eq!(headings(&doc).len(), 1);
}

#[test]
fn a_leading_comment_count_opens_the_comments_and_replies_stay_inside() {
    let (_, k) = kinds_of(
        "Why Seoul Wants Its Own Deterrent\nBy Lee Ji-ho\nMarch 4, 2025\n\nSouth Korea's debate on nuclear weapons has moved from the fringe to the mainstream.\n\n12 Comments\nTom R. March 4, 2025\nGood piece, but the costs are understated.\nReply\nAnn March 5, 2025\nThe US will never accept it.\n",
    );
    assert_eq!(kind_at(&k, 5), Some(&BlockKind::Paragraph));
    for line in 7..=12 {
        assert!(chrome_at(&k, line), "line {line}: {k:?}");
    }
}

#[test]
fn event_particulars_in_english_and_a_press_release_label_over_date_and_office() {
    let (doc, k) = kinds_of(
        "Event Report\nAlliances in an Age of Drones\nApril 2, 2025\n\nVenue: Pacific Forum Hall, Tokyo\nSpeakers:\n- Mark Ellis (Senior Fellow, Pacific Forum)\nModerator: Ken Ito (Research Fellow, Pacific Forum)\n\nThe forum discussed how small drones change the defence of islands.\n",
    );
    assert_eq!(doc.metadata.section.as_ref().unwrap().value, "Event Report");
    assert!(headings(&doc).is_empty(), "{k:?}");
    let (doc, k) = kinds_of(
        "報道発表\n令和7年4月1日\n防衛省\n日比防衛相会談の結果について\n1　日時\n　令和7年3月31日（月）10時00分～10時45分\n2　概要\n　両大臣は、海洋での協力を進めることで一致しました。\n担当：防衛政策局国際政策課　電話：03-0000-0000\n",
    );
    let m = &doc.metadata;
    assert_eq!(m.section.as_ref().unwrap().value, "報道発表");
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "日比防衛相会談の結果について"
    );
    assert_eq!(m.authors[0].name.value, "防衛省");
    let hs: Vec<(Option<String>, String)> =
        headings(&doc).into_iter().map(|h| (h.1, h.2)).collect();
    assert_eq!(
        hs,
        [
            (Some("1".to_owned()), "日時".to_owned()),
            (Some("2".to_owned()), "概要".to_owned())
        ]
    );
    assert_eq!(kind_at(&k, 6), Some(&BlockKind::Paragraph));
    assert!(chrome_at(&k, 9), "{k:?}");
}

#[test]
fn an_issuing_office_under_the_date_and_a_blog_name_over_a_blank_and_a_date() {
    let (doc, k) = kinds_of(
        "在外公館の警備体制について\n\n令和6年10月1日\n領事局海外邦人安全課\n\n第1　概要\n　各公館の警備体制を見直した。\n",
    );
    let names: Vec<&str> = doc
        .metadata
        .authors
        .iter()
        .map(|a| a.name.value.as_str())
        .collect();
    assert_eq!(names, ["領事局海外邦人安全課"]);
    assert_eq!(
        kind_at(&k, 4),
        Some(&BlockKind::Meta {
            field: MetaField::Byline
        })
    );
    let (doc, k) = kinds_of(
        "外交手帖\n\n2024-04-11\n日米首脳会談の共同声明を読む\n\n共同声明は指揮統制の見直しに触れていた。\n",
    );
    assert_eq!(doc.metadata.venue.site.as_ref().unwrap().value, "外交手帖");
    assert_eq!(
        doc.metadata.title.as_ref().unwrap().value,
        "日米首脳会談の共同声明を読む"
    );
    assert!(chrome_at(&k, 1), "{k:?}");
}

#[test]
fn a_bracketed_photo_caption_between_paragraphs_is_chrome() {
    let (_, k) = kinds_of(
        "日韓防衛相が会談\n2024年7月28日\n\n日韓両政府は28日、防衛相会談を開いた。\n【写真】握手を交わす両防衛相＝28日、東京都新宿区\n次回の会談は年内にソウルで開く。\n",
    );
    assert!(chrome_at(&k, 5), "{k:?}");
    assert_eq!(kind_at(&k, 6), Some(&BlockKind::Paragraph));
}
