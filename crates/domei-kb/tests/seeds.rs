//! The seed articles, one Paragraph block per line, annotated with the built-in base:
//! the actors, alliances, frameworks, agreements and events each one contains.

mod common;

use common::{annotate_published, count, events_of, seed};
use domei_model::{EntityCategory, EventKind, Ymd};

#[test]
fn seed_003_japan_and_nato() {
    let text = seed("003_");
    let doc = annotate_published(&text, Ymd::day(2024, 10, 27));
    for id in [
        "NATO",
        "JPN",
        "NAC",
        "ISAF",
        "IP4",
        "JPN-NATO",
        "NATO-TOKYO",
        "NATO-HQ",
        "CCDCOE",
        "JPN-NATO-ISA",
        "JPN-NATO-JPD",
        "JPN-NATO-IPCP",
        "JPN-NATO-ITPP",
        "NATO-RIGA-2006",
        "NATO-SC-2022",
        "INF",
        "US-JPN-GSOMIA",
        "US-JPN",
        "QUAD",
        "AUKUS",
        "JPN-USA-KOR",
        "JPN-USA-PHL",
        "USA",
        "CHN",
        "RUS",
        "PRK",
        "SUN",
    ] {
        assert!(count(&doc, id) > 0, "{id} not found in seed 003");
    }
    assert!(count(&doc, "NATO") > 100);
    // 日・NATO is a compound: Japan, NATO and the partnership.
    let compound: Vec<&str> = doc
        .mentions
        .iter()
        .filter(|m| m.compound.as_deref() == Some("日・NATO"))
        .map(|m| m.entity.as_str())
        .collect();
    assert!(
        compound.contains(&"JPN") && compound.contains(&"NATO") && compound.contains(&"JPN-NATO")
    );
    // Events.
    assert!(
        events_of(&doc, "JPN-NATO-ISA").contains(&(EventKind::Concluded, Some("2010-06".into())))
    );
    let ipcp = events_of(&doc, "JPN-NATO-IPCP");
    assert!(
        ipcp.contains(&(EventKind::Signed, Some("2014-05".into()))),
        "{ipcp:?}"
    );
    assert!(
        ipcp.contains(&(EventKind::Adopted, Some("2014".into()))),
        "{ipcp:?}"
    );
    assert!(
        ipcp.contains(&(EventKind::Revised, Some("2018-05".into()))),
        "{ipcp:?}"
    );
    assert!(
        ipcp.contains(&(EventKind::Revised, Some("2020-06".into()))),
        "{ipcp:?}"
    );
    assert!(
        ipcp.contains(&(EventKind::Revised, Some("2018".into()))),
        "{ipcp:?}"
    );
    let itpp = events_of(&doc, "JPN-NATO-ITPP");
    assert!(
        itpp.contains(&(EventKind::Agreed, Some("2023-07".into()))),
        "{itpp:?}"
    );
    assert!(
        events_of(&doc, "NATO-RIGA-2006")
            .iter()
            .any(|e| e.0 == EventKind::Adopted)
    );
    assert!(events_of(&doc, "INF").contains(&(EventKind::Signed, Some("1987-12".into()))));
    // Every event has the parties of its agreement.
    for e in &doc.entities.events {
        if e.agreement.starts_with("JPN-NATO") {
            assert_eq!(e.parties, ["JPN", "NATO"]);
        }
    }
    // The agreement mention carries the date of its event.
    let isa = doc
        .mentions
        .iter()
        .find(|m| m.entity == "JPN-NATO-ISA")
        .unwrap();
    assert_eq!(isa.date.as_ref().map(|d| d.edtf()), Some("2010-06".into()));
    // IPCP and ITPP are learnt as abbreviations and counted.
    assert!(
        doc.mentions
            .iter()
            .any(|m| m.text == "IPCP" && m.entity == "JPN-NATO-IPCP")
    );
    assert!(
        doc.mentions
            .iter()
            .filter(|m| m.text == "ITPP" && m.entity == "JPN-NATO-ITPP")
            .count()
            >= 3
    );
}

#[test]
fn seed_001_us_rok_alliance() {
    let text = seed("001_");
    let doc = annotate_published(&text, Ymd::day(2024, 3, 1));
    for id in [
        "US-KOR",
        "US-KOR-SCM",
        "US-KOR-MDT",
        "CAMP-DAVID-SPIRIT",
        "US-KOR-SOSA",
        "US-KOR-RDPA",
        "UNC",
        "USA",
        "KOR",
        "JPN",
        "PRK",
        "ASEAN",
        "US-JPN",
        "KOREAN-ARMISTICE",
        "UN-CHARTER",
        "US-KOR-TDS",
        "US-KOR-70-JS",
        "ROK-MND",
        "SCM55-JC",
    ] {
        assert!(count(&doc, id) > 0, "{id} not found in seed 001");
    }
    // SCM is defined in the text and counted under the framework.
    assert!(count(&doc, "US-KOR-SCM") >= 5);
    // `SOSASecurity of Supply Arrangement`: abbreviation and English name both found.
    assert!(
        doc.mentions
            .iter()
            .any(|m| m.text == "SOSA" && m.entity == "US-KOR-SOSA")
    );
    assert!(
        doc.mentions
            .iter()
            .any(|m| m.text == "Reciprocal Defense Procurement Agreement"
                && m.entity == "US-KOR-RDPA")
    );
    // 締結を控えた / 締結に向けた are not events; 締結70周年 is not one either.
    assert!(events_of(&doc, "US-KOR-SOSA").is_empty());
    assert!(events_of(&doc, "US-KOR-RDPA").is_empty());
    assert!(events_of(&doc, "US-KOR-MDT").is_empty());
    // 国連軍司令部加盟国 is not Canada; 米韓 gives both countries.
    assert_eq!(count(&doc, "CAN"), 0);
    let us_rok: Vec<&str> = doc
        .mentions
        .iter()
        .filter(|m| m.compound.as_deref() == Some("米韓"))
        .map(|m| m.entity.as_str())
        .collect();
    assert!(us_rok.contains(&"USA") && us_rok.contains(&"KOR"));
}

#[test]
fn seed_000_nato_rok_defence_industry() {
    let text = seed("000_");
    let doc = annotate_published(&text, Ymd::day(2025, 6, 27));
    for id in [
        "NATO",
        "KOR",
        "IP4",
        "NATO-ICEP-2024",
        "PIPIR",
        "EU",
        "PRK",
        "RUS",
        "UKR",
        "POL",
        "USA",
    ] {
        assert!(count(&doc, id) > 0, "{id} not found in seed 000");
    }
    assert!(doc.mentions.iter().any(|m| m.text == "産業能力拡大誓約"));
    assert!(
        doc.mentions
            .iter()
            .any(|m| m.text == "NATO Industrial Capacity Expansion Pledge")
    );
    // 日韓豪ニュージーランド is not in this seed but 韓国、豪州、日本 are; the compound
    // 日韓豪 names the three countries.
    assert!(
        doc.mentions
            .iter()
            .any(|m| m.compound.as_deref() == Some("日韓豪"))
    );
    // 日本語と英語 in the banner are not Japan or the UK.
    assert!(
        !doc.mentions
            .iter()
            .any(|m| m.text == "日本" && text[m.span.end..].starts_with('語'))
    );
    assert!(!doc.mentions.iter().any(|m| m.text == "英"));
}

#[test]
fn mentions_are_in_text_order_and_point_at_their_text() {
    for prefix in ["000_", "001_", "002_", "003_", "004_"] {
        let text = seed(prefix);
        let doc = annotate_published(&text, Ymd::day(2024, 1, 1));
        let mut last = 0;
        for m in &doc.mentions {
            assert!(m.span.start >= last, "{prefix}: mentions out of order");
            last = m.span.start;
            assert_eq!(m.span.slice(&doc.text), Some(m.text.as_str()));
        }
        let total: usize = doc
            .entities
            .actors
            .iter()
            .chain(&doc.entities.alliances)
            .chain(&doc.entities.agreements)
            .map(|e| e.mentions)
            .sum();
        assert_eq!(total, doc.mentions.len());
        for e in &doc.entities.alliances {
            assert!(matches!(
                e.category,
                EntityCategory::Alliance | EntityCategory::Framework
            ));
        }
    }
}
