//! Words that contain a country's letter or name but are not a mention of it, and the
//! forms that are.

mod common;

use common::{annotate, ids};

fn entities(text: &str) -> Vec<String> {
    ids(&annotate(text)).into_iter().map(String::from).collect()
}

#[test]
fn ordinary_words_are_not_countries() {
    for text in [
        "中長期的な課題を検討する。",
        "英語で講演した。",
        "日本語と英語で掲載する。",
        "議論の中心となった。",
        "日中は暑く、夜は冷える。",
        "今日中に提出する。",
        "中東情勢と中南米、北米の動き。",
        "印象的な演説だった。",
        "両者を比較すると、独自の立場が露呈した。",
        "豪雨で被害が出た。",
        "仏教と独立運動。",
        "朝鮮半島の情勢、台頭する勢力。",
        "彼は披露宴で加速した。",
        "インド太平洋の秩序とインド洋。",
        "ソフトウェアとロケット。",
        "2023年11月13日米国は声明を出した。",
        "東京に滞在中、印紙を台紙に貼った。",
    ] {
        let found = entities(text);
        let wrong: Vec<&String> = found.iter().filter(|id| *id != "USA").collect();
        assert!(wrong.is_empty(), "{text}: found {found:?}");
    }
}

#[test]
fn the_day_after_a_date_is_not_japan() {
    let found = entities("2023年11月13日米韓が合意した。");
    assert_eq!(found, ["USA", "KOR"]);
}

#[test]
fn one_letter_forms_in_compounds_and_contexts() {
    assert_eq!(entities("米国債を購入した。"), ["USA"]);
    assert_eq!(entities("米政府は反対した。"), ["USA"]);
    assert_eq!(entities("首相が訪米した。"), ["USA"]);
    assert_eq!(entities("対中政策を見直す。"), ["CHN"]);
    assert_eq!(entities("駐日大使が語った。"), ["JPN"]);
    assert_eq!(entities("在韓米軍"), ["USFK"]);
    assert_eq!(entities("在韓の米軍部隊"), ["KOR", "USA"]);
    assert_eq!(entities("中露の接近"), ["CHN", "RUS"]);
    assert_eq!(entities("露朝の軍事協力"), ["RUS", "PRK"]);
    assert_eq!(entities("米比の連携"), ["USA", "PHL"]);
    assert_eq!(entities("日中関係が改善した。"), ["JPN", "CHN"]);
}

#[test]
fn compounds_expand_to_actors_and_framework() {
    let doc = annotate("日米韓の首脳が会談した。");
    let found = ids(&doc);
    assert_eq!(found, ["JPN-USA-KOR", "JPN", "USA", "KOR"]);
    assert!(
        doc.mentions
            .iter()
            .all(|m| m.compound.as_deref() == Some("日米韓"))
    );
    assert_eq!(
        entities("日米豪印の枠組み"),
        ["QUAD", "JPN", "USA", "AUS", "IND"]
    );
    assert_eq!(
        entities("日英伊の次期戦闘機"),
        ["GCAP", "JPN", "GBR", "ITA"]
    );
    assert_eq!(entities("日・NATOの協力"), ["JPN-NATO", "JPN", "NATO"]);
    assert_eq!(entities("日NATO協力"), ["JPN-NATO", "JPN", "NATO"]);
    assert_eq!(entities("日米の連携"), ["JPN", "USA"]);
    assert_eq!(
        entities("日本・米国・韓国の3か国"),
        ["JPN-USA-KOR", "JPN", "USA", "KOR"]
    );
    assert_eq!(entities("日本・NATO関係"), ["JPN-NATO", "JPN", "NATO"]);
    assert_eq!(entities("日本・ドイツ"), ["JPN", "DEU"]);
}

#[test]
fn names_inside_longer_words() {
    assert_eq!(entities("NATO加盟国が集まった。"), ["NATO"]);
    assert_eq!(entities("ＮＡＴＯとＥＵ、Ｇ７"), ["NATO", "EU", "G7"]);
    assert_eq!(entities("日本語の資料"), Vec::<String>::new());
    assert_eq!(entities("インドネシアとインド"), ["IDN", "IND"]);
    assert_eq!(entities("NATOs and EUROPE"), Vec::<String>::new());
    assert_eq!(entities("タイトルとタイミング"), Vec::<String>::new());
}

#[test]
fn abbreviations_defined_in_the_text_are_learnt() {
    let doc = annotate(
        "両国は海洋協力計画(MCPX)に署名した。MCPXは2025年に改定された。\n「北極海航行安全宣言」を採択した。",
    );
    let m: Vec<(&str, &str)> = doc
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.entity.as_str()))
        .collect();
    assert!(m.contains(&("MCPX", "doc:MCPX")), "{m:?}");
    assert!(m.iter().filter(|x| x.1 == "doc:MCPX").count() >= 3, "{m:?}");
    assert!(
        m.contains(&("北極海航行安全宣言", "doc:北極海航行安全宣言")),
        "{m:?}"
    );
    let learnt: Vec<&str> = doc
        .entities
        .agreements
        .iter()
        .filter(|e| e.learnt)
        .map(|e| e.id.as_str())
        .collect();
    assert!(learnt.contains(&"doc:MCPX") && learnt.contains(&"doc:北極海航行安全宣言"));
    let ev: Vec<_> = doc
        .entities
        .events
        .iter()
        .filter(|e| e.agreement == "doc:MCPX")
        .map(|e| (e.kind, e.date.as_ref().map(|d| d.edtf())))
        .collect();
    assert!(
        ev.contains(&(domei_model::EventKind::Revised, Some("2025".into()))),
        "{ev:?}"
    );
}

#[test]
fn english_abbreviation_definitions() {
    let doc =
        annotate("They adopted the Arctic Shipping Safety Arrangement (ASSA). ASSA was renewed.");
    let m: Vec<(&str, &str)> = doc
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.entity.as_str()))
        .collect();
    assert!(m.contains(&("ASSA", "doc:ASSA")), "{m:?}");
    assert!(
        m.contains(&("Arctic Shipping Safety Arrangement", "doc:ASSA")),
        "{m:?}"
    );
}

#[test]
fn chrome_blocks_are_not_searched() {
    let kb = domei_kb::Kb::builtin();
    let matcher = domei_kb::Matcher::new(&kb);
    let mut doc = common::document("NATOの会議\n日本の関連記事\n");
    doc.blocks[1].kind = domei_model::BlockKind::Chrome {
        chrome: domei_model::ChromeKind::Links,
    };
    matcher.annotate(&mut doc);
    assert_eq!(ids(&doc), ["NATO"]);
    assert_eq!(doc.mentions[0].block, 0);
}

#[test]
fn generic_words_and_quoted_clauses_are_not_agreements() {
    let doc = annotate(
        "NATOのパートナーシップ計画に参加し、「国連憲章の原則と決議に基づき、協力を拡大する原則」を確認した。",
    );
    assert!(
        doc.entities.agreements.iter().all(|e| !e.learnt),
        "{:?}",
        doc.entities.agreements
    );
    let doc = annotate(
        "「新たな安全保障協力の枠組み」を作る。「日米豪印の精神」と「北極に関する共同声明」。",
    );
    let learnt: Vec<&str> = doc
        .entities
        .agreements
        .iter()
        .filter(|e| e.learnt)
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(learnt, ["doc:北極に関する共同声明"]);
    let doc = annotate("両国はシンガポール協定を結んだ。");
    assert!(
        doc.entities
            .agreements
            .iter()
            .any(|e| e.id == "doc:シンガポール協定")
    );
}
