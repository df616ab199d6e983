//! Sentences written for these tests (not taken from any article): treaty alliances
//! named by a pair of countries, spelling variants in Japanese and English, words that
//! only look like names, and agreement events in English sentences.

mod common;

use common::{annotate, events_of, ids};
use domei_model::EventKind;

fn entities(text: &str) -> Vec<String> {
    ids(&annotate(text)).into_iter().map(String::from).collect()
}

/// A pair of countries names their treaty alliance only with a word that says so
/// (同盟, 安保 standing alone, 安保体制, English `alliance`); a bare pair, relations or
/// a summit name the two countries.
#[test]
fn country_pairs_and_their_alliances() {
    let table: &[(&str, &[&str])] = &[
        ("日米安保の信頼性が問われている。", &["US-JPN"]),
        ("日米安全保障体制を堅持する。", &["US-JPN"]),
        ("比米同盟は南シナ海で試されている。", &["US-PHL"]),
        ("米比同盟の近代化", &["US-PHL"]),
        ("豪米同盟の70年", &["US-AUS"]),
        ("韓米同盟の抑止力", &["US-KOR"]),
        ("米日同盟という言い方もある。", &["US-JPN"]),
        ("日米関係は良好だ。", &["JPN", "USA"]),
        ("日米首脳会談が開かれた。", &["JPN", "USA"]),
        ("日米の連携を深める。", &["JPN", "USA"]),
        ("日米安保協力の深化", &["JPN", "USA"]),
        ("比米同盟国との協力", &["PHL", "USA"]),
        ("日豪同盟という言葉はまだ早い。", &["JPN", "AUS"]),
        ("The U.S.-Japan alliance is the cornerstone.", &["US-JPN"]),
        ("The Japan–US alliance has deepened.", &["US-JPN"]),
        ("the ROK-U.S. Alliance and its future", &["US-KOR"]),
        ("US-Japan relations improved.", &["USA", "JPN"]),
    ];
    for (text, want) in table {
        assert_eq!(&entities(text), want, "{text}");
    }
}

#[test]
fn spelling_variants() {
    let table: &[(&str, &[&str])] = &[
        ("クワッドの外相会合", &["QUAD"]),
        ("クアッドとオーカス", &["QUAD", "AUKUS"]),
        ("北大西洋条約機構の首脳会合", &["NATO"]),
        ("JAPHUS defence ministers met.", &["SQUAD"]),
        ("米日韓の協力", &["JPN-USA-KOR", "USA", "JPN", "KOR"]),
        ("韓米日の首脳", &["JPN-USA-KOR", "KOR", "USA", "JPN"]),
        ("日・米・豪の連携", &["JPN-USA-AUS", "JPN", "USA", "AUS"]),
        (
            "the Australia–Japan–United States defence ministers",
            &["JPN-USA-AUS", "AUS", "JPN", "USA"],
        ),
        ("日英伊のGCAP", &["GCAP", "JPN", "GBR", "ITA", "GCAP"]),
        ("韓米が合意した。", &["KOR", "USA"]),
        ("Great Britain and Japan", &["GBR", "JPN"]),
        ("Allies reaffirmed the 2% pledge.", &["NATO-DIP-2014"]),
        ("the Camp David principles", &["CAMP-DAVID-PRINCIPLES"]),
        ("政府は国家安全保障戦略を改定した。", &["JPN-NSS-STRATEGY"]),
        ("米国の国家防衛戦略", &["US-NDS"]),
        ("AUSMINで豪米が協議した。", &["AUSMIN", "AUS", "USA"]),
    ];
    for (text, want) in table {
        assert_eq!(&entities(text), want, "{text}");
    }
}

#[test]
fn words_that_only_look_like_names() {
    for text in [
        "欧米諸国の対応と欧米の価値観",
        "米価が上がった。",
        "韓流ドラマが人気だ。",
        "The IPv4 address space is exhausted.",
        "The camera model G7X and the EURO 2024 final.",
        "EUV lithography and the G70 sedan.",
        "G7-2000型の機械とIP4.1の仕様",
    ] {
        let found = entities(text);
        assert!(found.is_empty(), "{text}: found {found:?}");
    }
}

#[test]
fn english_agreement_events() {
    type Row = (
        &'static str,
        &'static str,
        &'static [(EventKind, &'static str)],
    );
    let table: &[Row] = &[
        (
            "Japan and the Philippines signed the Japan-Philippines Reciprocal Access Agreement on July 8, 2024.",
            "JPN-PHL-RAA",
            &[(EventKind::Signed, "2024-07-08")],
        ),
        (
            "The Japan-Australia Reciprocal Access Agreement was signed on 6 January 2022 and entered into force in August 2023.",
            "JPN-AUS-RAA",
            &[
                (EventKind::Signed, "2022-01-06"),
                (EventKind::EnteredIntoForce, "2023-08"),
            ],
        ),
        (
            "The leaders announced the AUKUS partnership in 2021.",
            "AUKUS",
            &[(EventKind::Announced, "2021")],
        ),
        (
            "In 2023, the three leaders adopted the Camp David Principles at the summit.",
            "CAMP-DAVID-PRINCIPLES",
            &[(EventKind::Adopted, "2023")],
        ),
        (
            "Tensions rose in 2019. The U.S. withdrew from the Intermediate-Range Nuclear Forces Treaty in August 2019.",
            "INF",
            &[(EventKind::Withdrawn, "2019-08")],
        ),
    ];
    for (text, id, want) in table {
        let doc = annotate(text);
        let got = events_of(&doc, id);
        let want: Vec<(EventKind, Option<String>)> = want
            .iter()
            .map(|(k, d)| (*k, Some(d.to_string())))
            .collect();
        assert_eq!(got, want, "{text}");
        // The agreement's mention carries the first event's date.
        let m = doc.mentions.iter().find(|m| m.entity == *id).expect(id);
        assert_eq!(
            m.date.as_ref().map(|d| d.edtf()),
            want[0].1.clone(),
            "{text}"
        );
    }
}

#[test]
fn english_sentences_without_an_event() {
    for text in [
        "The Japan-UK Reciprocal Access Agreement is yet to be signed.",
        "The North Atlantic Treaty was designed to deter an attack.",
        "Leaders will sign the Japan-Philippines Reciprocal Access Agreement next year.",
        "The Japan-Australia Reciprocal Access Agreement has not been renewed.",
    ] {
        let doc = annotate(text);
        assert!(
            doc.entities.events.is_empty(),
            "{text}: {:?}",
            doc.entities.events
        );
    }
}

#[test]
fn english_sentences_end_at_a_full_stop_not_inside_abbreviations() {
    // `U.S. Department` does not end a sentence, so the verb stays with its agreement;
    // a full stop before a capital does, so the date of the first sentence is not used.
    let doc = annotate(
        "The U.S. Department of State said so in 2020. The U.S. and Japan signed the Japan-U.S. ACSA.",
    );
    assert_eq!(events_of(&doc, "US-JPN-ACSA"), [(EventKind::Signed, None)]);
}

#[test]
fn japanese_coordinated_verbs_and_notices() {
    // The second verb follows the first one's conjunctive form.
    let doc = annotate("日豪円滑化協定は2022年1月6日に署名され、2023年8月13日に発効した。");
    assert_eq!(
        events_of(&doc, "JPN-AUS-RAA"),
        [
            (EventKind::Signed, Some("2022-01-06".to_string())),
            (EventKind::EnteredIntoForce, Some("2023-08-13".to_string())),
        ]
    );
    // A notice of termination that was averted is not a termination.
    let doc = annotate("日韓GSOMIAは2019年8月に破棄が通告されたが、失効は回避された。");
    assert!(doc.entities.events.is_empty(), "{:?}", doc.entities.events);
}

#[test]
fn names_with_either_dash_and_new_rows() {
    let table: &[(&str, &[&str])] = &[
        ("the Japan–Philippines RAA", &["JPN-PHL-RAA"]),
        (
            "the Japan-Australia Reciprocal Access Agreement",
            &["JPN-AUS-RAA"],
        ),
        (
            "the Japan–Australia Reciprocal Access Agreement",
            &["JPN-AUS-RAA"],
        ),
        ("the U.S.-ROK Alliance", &["US-KOR"]),
        ("日英RAAが発効した。", &["JPN-GBR-RAA"]),
        ("the Spirit of Camp David", &["CAMP-DAVID-SPIRIT"]),
        (
            "Allies agreed the 5% pledge at The Hague.",
            &["NATO-HAGUE-2025"],
        ),
        ("先進7カ国の首脳", &["G7"]),
    ];
    for (text, want) in table {
        assert_eq!(&entities(text), want, "{text}");
    }
}

#[test]
fn america_alone_but_not_the_continents() {
    // `Korea` alone is not a form: in English it starts names of newspapers and
    // institutes (`Korea Herald`, `Korea Research Institute …`) as often as it names
    // the Republic of Korea.
    let table: &[(&str, &[&str])] = &[
        ("America and South Korea held talks.", &["USA", "KOR"]),
        ("America's alliances in Asia", &["USA"]),
        ("trade with Latin America and North America", &[]),
        ("the Americas and the Korea Herald", &[]),
    ];
    for (text, want) in table {
        assert_eq!(&entities(text), want, "{text}");
    }
}

/// The mentions of `text` as (entity id, the exact text of the span).
fn spans(text: &str) -> Vec<(String, String)> {
    let doc = annotate(text);
    doc.mentions
        .iter()
        .map(|m| (m.entity.clone(), text[m.span.start..m.span.end].to_string()))
        .collect()
}

/// Full-width Latin letters and digits match like ASCII ones, also mixed with ASCII
/// (`Ｇ7`), and the spans are the bytes of the text as written.
#[test]
fn full_width_and_mixed_letters_and_digits() {
    let table: &[(&str, &[(&str, &str)])] = &[
        ("Ｇ7の首脳が集まった。", &[("G7", "Ｇ7")]),
        ("Ｇ７首脳会合", &[("G7", "Ｇ７")]),
        ("G７外相", &[("G7", "G７")]),
        ("ＮＡＴＯ加盟国", &[("NATO", "ＮＡＴＯ")]),
        ("ＮAＴO首脳会合", &[("NATO", "ＮAＴO")]),
        (
            "日本とＡＵＫＵＳの連携",
            &[("JPN", "日本"), ("AUKUS", "ＡＵＫＵＳ")],
        ),
        (
            "（ＩＰ４）とＱｕａｄ",
            &[("IP4", "ＩＰ４"), ("QUAD", "Ｑｕａｄ")],
        ),
        (
            "Ｔｈｅ Ｕ.Ｓ.-Ｊａｐａｎ ａｌｌｉａｎｃｅ",
            &[("US-JPN", "Ｕ.Ｓ.-Ｊａｐａｎ ａｌｌｉａｎｃｅ")],
        ),
        // Look-alikes: a longer word of letters or digits is not the name.
        ("Ｇ７Ｘのカメラ", &[]),
        ("Ｇ70のセダン", &[]),
        ("ＮＡＴＯｓ", &[]),
        ("ＩＰｖ４アドレス", &[]),
    ];
    for (text, want) in table {
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(id, s)| (id.to_string(), s.to_string()))
            .collect();
        assert_eq!(spans(text), want, "{text}");
    }
}

/// `the Alliance` names the alliance mentioned before it only when exactly one
/// alliance was, and it is a bilateral treaty alliance.
#[test]
fn the_alliance_refers_back_to_the_one_bilateral_alliance() {
    let table: &[(&str, &[(&str, &str)])] = &[
        (
            "The U.S.-Japan alliance is strong. The Alliance must adapt.",
            &[("US-JPN", "U.S.-Japan alliance"), ("US-JPN", "Alliance")],
        ),
        (
            "the ROK-U.S. Alliance endures.\nSeoul values the Alliance, and the Alliance.",
            &[
                ("US-KOR", "ROK-U.S. Alliance"),
                ("US-KOR", "Alliance"),
                ("US-KOR", "Alliance"),
            ],
        ),
        (
            "日米同盟について。The Alliance is the cornerstone.",
            &[("US-JPN", "日米同盟"), ("US-JPN", "Alliance")],
        ),
        // Nothing before it.
        (
            "The Alliance must adapt. The U.S.-Japan alliance is strong.",
            &[("US-JPN", "U.S.-Japan alliance")],
        ),
        // Two alliances before it: ambiguous.
        (
            "The U.S.-Japan alliance and the U.S.-ROK Alliance differ. The Alliance must adapt.",
            &[
                ("US-JPN", "U.S.-Japan alliance"),
                ("US-KOR", "U.S.-ROK Alliance"),
            ],
        ),
        // NATO is the alliance of NATO texts: with it, `the Alliance` is not resolved.
        (
            "NATO and the U.S.-Japan alliance. The Alliance must adapt.",
            &[("NATO", "NATO"), ("US-JPN", "U.S.-Japan alliance")],
        ),
        // Another name, lower case, a plural, no article.
        (
            "The U.S.-Japan alliance. The Alliance for Progress, the alliance, the Alliances, Alliance Party.",
            &[("US-JPN", "U.S.-Japan alliance")],
        ),
        // A pair of countries is not an alliance.
        (
            "US-Japan relations. The Alliance must adapt.",
            &[("USA", "US"), ("JPN", "Japan")],
        ),
    ];
    for (text, want) in table {
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(id, s)| (id.to_string(), s.to_string()))
            .collect();
        assert_eq!(spans(text), want, "{text}");
    }
}

/// A possessor right before a bare strategy name says whose document it is.
#[test]
fn the_owner_of_a_strategy_document() {
    let table: &[(&str, &[&str])] = &[
        ("トランプ大統領の国家安全保障戦略", &["US-NSS"]),
        ("米国の国家安全保障戦略", &["US-NSS"]),
        ("バイデン政権の国家防衛戦略", &["US-NDS"]),
        ("オバマ政権の国家安全保障戦略", &["US-NSS"]),
        ("第2次トランプ政権の国家防衛戦略", &["US-NDS"]),
        ("クリントン元大統領の国家安全保障戦略", &["US-NSS"]),
        ("米国政府の国家安全保障戦略", &["USA", "US-NSS"]),
        ("U.S. National Security Strategy", &["US-NSS"]),
        // Japan's own, or no possessor: Japan's document.
        ("政府は国家安全保障戦略を改定した。", &["JPN-NSS-STRATEGY"]),
        ("日本政府の国家安全保障戦略", &["JPN", "JPN-NSS-STRATEGY"]),
        ("岸田政権の国家防衛戦略", &["JPN-NDS-STRATEGY"]),
        // Not right before the name.
        (
            "トランプ大統領が演説し、国家安全保障戦略に触れた。",
            &["JPN-NSS-STRATEGY"],
        ),
        // Another country's document that the base does not hold: not Japan's.
        ("韓国の国家安全保障戦略", &["KOR"]),
        ("中国政府の国家防衛戦略", &["CHN"]),
        // Several countries: each one's document the base holds, not the last's alone.
        (
            "日米の国家安全保障戦略",
            &["JPN", "USA", "JPN-NSS-STRATEGY", "US-NSS"],
        ),
        (
            "米日の国家防衛戦略",
            &["USA", "JPN", "JPN-NDS-STRATEGY", "US-NDS"],
        ),
        (
            "日・米の国家安全保障戦略",
            &["JPN", "USA", "JPN-NSS-STRATEGY", "US-NSS"],
        ),
        (
            "日本と米国政府の国家安全保障戦略",
            &["JPN", "USA", "JPN-NSS-STRATEGY", "US-NSS"],
        ),
        ("米韓の国家安全保障戦略", &["USA", "KOR", "US-NSS"]),
        ("中韓の国家安全保障戦略", &["CHN", "KOR"]),
        // A country further back, not joined to the possessor, does not count.
        ("日本は米国の国家安全保障戦略", &["JPN", "US-NSS"]),
    ];
    for (text, want) in table {
        assert_eq!(&entities(text), want, "{text}");
    }
}

/// `GSOMIA` and `RAA` alone name one of several agreements: the one whose parties the
/// sentence, else the paragraph, names, else the one mentioned earlier; otherwise
/// nothing.
#[test]
fn ambiguous_abbreviations_need_their_pair() {
    let table: &[(&str, &[(&str, &str)])] = &[
        // The pair in the same sentence.
        (
            "日韓両政府はGSOMIAを延長した。",
            &[("JPN", "日"), ("KOR", "韓"), ("JPN-KOR-GSOMIA", "GSOMIA")],
        ),
        (
            "日米はGSOMIAに署名した。",
            &[("JPN", "日"), ("USA", "米"), ("US-JPN-GSOMIA", "GSOMIA")],
        ),
        (
            "日本とフィリピンはRAAに署名した。",
            &[
                ("JPN", "日本"),
                ("PHL", "フィリピン"),
                ("JPN-PHL-RAA", "RAA"),
            ],
        ),
        // The pair in the paragraph, not the sentence.
        (
            "日豪の防衛協力が進む。RAAはその柱である。",
            &[("JPN", "日"), ("AUS", "豪"), ("JPN-AUS-RAA", "RAA")],
        ),
        // A full form earlier in the document.
        (
            "日英RAAが発効した。\nRAAにより共同訓練が容易になる。",
            &[("JPN-GBR-RAA", "日英RAA"), ("JPN-GBR-RAA", "RAA")],
        ),
        // Full-width letters.
        (
            "日韓はＧＳＯＭＩＡを維持する。",
            &[
                ("JPN", "日"),
                ("KOR", "韓"),
                ("JPN-KOR-GSOMIA", "ＧＳＯＭＩＡ"),
            ],
        ),
        // No pair anywhere: unmatched.
        ("GSOMIAの意義は大きい。", &[]),
        ("RAAの締結が相次いでいる。", &[]),
        // Two pairs in the sentence: ambiguous, unmatched.
        (
            "日米韓の首脳はGSOMIAの重要性を確認した。",
            &[
                ("JPN-USA-KOR", "日米韓"),
                ("JPN", "日"),
                ("USA", "米"),
                ("KOR", "韓"),
            ],
        ),
        // Other shared abbreviations read the same way.
        (
            "在韓米軍の地位を定めるSOFAについて米韓が協議した。",
            &[
                ("USFK", "在韓米軍"),
                ("US-KOR-SOFA", "SOFA"),
                ("USA", "米"),
                ("KOR", "韓"),
            ],
        ),
        // The capitals that end one agreement's name only (`Minsk II`, `New START`)
        // are not ambiguous abbreviations: nothing to resolve.
        (
            "ロシアとウクライナはWorld War IIの記憶を語った。",
            &[("RUS", "ロシア"), ("UKR", "ウクライナ")],
        ),
        (
            "米国とロシアのSTART交渉",
            &[("USA", "米国"), ("RUS", "ロシア")],
        ),
        // Not a whole word.
        ("日韓はGSOMIASを", &[("JPN", "日"), ("KOR", "韓")]),
        // A long form the text defines the abbreviation for (rule 4).
        (
            "日米秘密軍事情報保護協定(GSOMIA)が発効した。\n韓国はGSOMIAを評価した。",
            &[
                ("US-JPN-GSOMIA", "日米秘密軍事情報保護協定"),
                ("US-JPN-GSOMIA", "GSOMIA"),
                ("KOR", "韓国"),
                ("US-JPN-GSOMIA", "GSOMIA"),
            ],
        ),
        ("日豪のRAAF基地", &[("JPN", "日"), ("AUS", "豪")]),
    ];
    for (text, want) in table {
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(id, s)| (id.to_string(), s.to_string()))
            .collect();
        assert_eq!(spans(text), want, "{text}");
    }
}

/// `s` with every ASCII letter and digit written full-width.
fn widen(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// `s` with every full-width letter and digit written in ASCII.
fn narrow(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// Learnt abbreviations, agreement shapes and events (Japanese and English) read a
/// text written with full-width letters and digits as its ASCII form, with the spans
/// of the text as written.
#[test]
fn full_width_text_learns_shapes_and_events_like_ascii() {
    let texts = [
        // A learnt abbreviation, then used alone.
        "日本、オーストラリア、韓国、ニュージーランドの4か国によるXYZ協議会議(以下、XYZ4)が開かれた。XYZ4は毎年開かれる。",
        "国別パートナーシップ協力計画(IPCP)に署名した。IPCPは2020年6月に改訂された。",
        "Security of Supply Arrangement (SOSA) was signed in 2023. The SOSA matters.",
        // Agreement shapes: Latin letters make a name, quoted or not.
        "両国はABC協力協定に2024年5月に署名した。",
        "「XQ防衛協定」が2023年に発効した。",
        // English events.
        "The Japan-Australia RAA was signed in 2022 and entered into force in 2023.",
        "日本、オーストラリア、韓国、ニュージーランド(以下、IP4)の首脳が会談した。",
        "In 2021 the leaders announced the AUKUS partnership.",
        "The Camp Pacific Accord was signed in 2019.",
    ];
    for ascii in texts {
        let wide = widen(ascii);
        let a = annotate(ascii);
        let w = annotate(&wide);
        let view = |doc: &domei_model::Document, text: &str| -> Vec<(String, String)> {
            doc.mentions
                .iter()
                .map(|m| {
                    assert_eq!(&text[m.span.start..m.span.end], m.text, "{text}");
                    (m.entity.clone(), narrow(&m.text))
                })
                .collect()
        };
        assert!(!a.mentions.is_empty(), "{ascii}");
        assert_eq!(view(&w, &wide), view(&a, ascii), "{wide}");
        let events = |doc: &domei_model::Document, text: &str| -> Vec<String> {
            doc.entities
                .events
                .iter()
                .map(|e| {
                    let span = e.span.map(|s| narrow(&text[s.start..s.end]));
                    format!(
                        "{} {:?} {:?} {:?}",
                        e.agreement,
                        e.kind,
                        e.date.as_ref().map(|d| d.edtf()),
                        span
                    )
                })
                .collect()
        };
        assert_eq!(events(&w, &wide), events(&a, ascii), "{wide}");
        let learnt = |doc: &domei_model::Document| -> Vec<String> {
            doc.entities
                .agreements
                .iter()
                .chain(&doc.entities.alliances)
                .chain(&doc.entities.actors)
                .map(|e| format!("{} {} {}", e.id, e.learnt, e.mentions))
                .collect()
        };
        assert_eq!(learnt(&w), learnt(&a), "{wide}");
    }
}

/// The exact spans of a learnt full-width abbreviation and of a full-width shape.
#[test]
fn full_width_learnt_abbreviation_spans() {
    assert_eq!(
        spans("ＸＹＺ協議会議（以下、ＸＹＺ４）が開かれた。ＸＹＺ４は毎年開かれる。"),
        vec![
            ("doc:XYZ4".to_string(), "ＸＹＺ協議会議".to_string()),
            ("doc:XYZ4".to_string(), "ＸＹＺ４".to_string()),
            ("doc:XYZ4".to_string(), "ＸＹＺ４".to_string()),
        ]
    );
    assert_eq!(
        spans("両国はＡＢＣ協力協定に署名した。"),
        vec![("doc:ABC協力協定".to_string(), "ＡＢＣ協力協定".to_string())]
    );
}

/// A strategy name owned by several countries is each one's document, and an event of
/// the sentence is each document's event, with the date on each mention.
#[test]
fn several_owners_share_the_event() {
    let doc = annotate("日米の国家安全保障戦略は2022年12月に改定された。");
    for id in ["JPN-NSS-STRATEGY", "US-NSS"] {
        assert_eq!(
            events_of(&doc, id),
            vec![(EventKind::Revised, Some("2022-12".to_string()))],
            "{id}"
        );
        let m = doc.mentions.iter().find(|m| m.entity == id).expect(id);
        assert_eq!(m.date.as_ref().map(|d| d.edtf()), Some("2022-12".into()));
    }
    // One owner: one document, one event.
    let doc = annotate("米国政府の国家安全保障戦略は2022年10月に発表された。");
    assert_eq!(
        events_of(&doc, "US-NSS"),
        vec![(EventKind::Announced, Some("2022-10".to_string()))]
    );
    assert!(events_of(&doc, "JPN-NSS-STRATEGY").is_empty());
}

/// Two owners joined by と, および, 及び, や or 、 before a strategy name own it together,
/// as a compound like 日米 does, even when the second owner and the name make a form of
/// one country's document (`米国の国家安全保障戦略`, `日本の国家安全保障戦略`).
#[test]
fn owners_joined_by_a_particle_share_the_strategy_name() {
    let table: &[(&str, &[&str])] = &[
        (
            "日本と米国の国家安全保障戦略",
            &["JPN", "USA", "JPN-NSS-STRATEGY", "US-NSS"],
        ),
        (
            "日本およびアメリカの国家安全保障戦略を比べる。",
            &["JPN", "USA", "JPN-NSS-STRATEGY", "US-NSS"],
        ),
        (
            "日本及び米国の国家防衛戦略",
            &["JPN", "USA", "JPN-NDS-STRATEGY", "US-NDS"],
        ),
        (
            "米国や日本の国家安全保障戦略",
            &["USA", "JPN", "JPN-NSS-STRATEGY", "US-NSS"],
        ),
        (
            "米国と日本の国家防衛戦略",
            &["USA", "JPN", "JPN-NDS-STRATEGY", "US-NDS"],
        ),
        (
            "韓国、日本、米国の国家安全保障戦略",
            &["KOR", "JPN", "USA", "JPN-NSS-STRATEGY", "US-NSS"],
        ),
        // Only the documents the base holds: Australia's is not one of them.
        (
            "日本と豪州の国家安全保障戦略",
            &["JPN", "AUS", "JPN-NSS-STRATEGY"],
        ),
        // One owner named with the document stays one mention of it.
        ("米国の国家安全保障戦略", &["US-NSS"]),
        ("日本の国家安全保障戦略", &["JPN-NSS-STRATEGY"]),
        // A country not joined to the owner (a subject, another clause) does not own it.
        (
            "日本は米国の国家安全保障戦略を分析した。",
            &["JPN", "US-NSS"],
        ),
        (
            "日本が懸念を示し、米国の国家防衛戦略は修正された。",
            &["JPN", "US-NDS"],
        ),
    ];
    for (text, want) in table {
        assert_eq!(&entities(text), want, "{text}");
    }
    // The spans: each country where it is written, the name shared by both documents.
    assert_eq!(
        spans("日本と米国の国家安全保障戦略"),
        vec![
            ("JPN".to_string(), "日本".to_string()),
            ("USA".to_string(), "米国".to_string()),
            (
                "JPN-NSS-STRATEGY".to_string(),
                "国家安全保障戦略".to_string()
            ),
            ("US-NSS".to_string(), "国家安全保障戦略".to_string()),
        ]
    );
}
