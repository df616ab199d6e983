//! The built-in knowledge base: it loads, its ids are unique, every id it references
//! exists, its dates are valid, and it is big enough.

use std::collections::HashSet;
use std::path::Path;

use domei_kb::{Kb, Table};
use domei_model::EntityCategory;

fn kb() -> Kb {
    Kb::try_builtin().unwrap_or_else(|e| panic!("built-in data does not load: {e}"))
}

#[test]
fn loads_and_is_consistent() {
    let kb = kb();
    let problems = kb.check();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn ids_are_unique_and_counts_reach_the_minimum() {
    let kb = kb();
    let mut seen = HashSet::new();
    for e in kb.entries() {
        assert!(seen.insert(e.id.as_str()), "duplicate id {}", e.id);
    }
    let n = |cats: &[EntityCategory]| {
        kb.entries()
            .iter()
            .filter(|e| cats.contains(&e.category))
            .count()
    };
    let actors = n(&[EntityCategory::Country, EntityCategory::Organization]);
    let alliances = n(&[EntityCategory::Alliance, EntityCategory::Framework]);
    let agreements = n(&[EntityCategory::Agreement]);
    assert!(actors >= 80, "{actors} actors");
    assert!(alliances >= 30, "{alliances} alliances");
    assert!(agreements >= 80, "{agreements} agreements");
}

#[test]
fn countries_have_codes_and_every_entry_a_source() {
    let kb = kb();
    let mut iso = HashSet::new();
    for e in kb.entries() {
        assert!(!e.source.title.is_empty(), "{} has no source", e.id);
        if e.category == EntityCategory::Country {
            let code = e.iso3.as_deref().unwrap_or_default();
            assert!(
                code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()),
                "{}",
                e.id
            );
            assert!(iso.insert(code.to_string()), "iso3 {code} twice");
            assert!(e.cow.is_some_and(|c| c > 0), "{} has no COW code", e.id);
            assert!(!e.name_ja.is_empty() && !e.name_en.is_empty());
        }
        for s in &e.short {
            assert_eq!(s.chars().count(), 1, "{}: short form {s:?}", e.id);
        }
    }
    assert_eq!(kb.get("JPN").and_then(|e| e.cow), Some(740));
    assert_eq!(kb.get("USA").and_then(|e| e.cow), Some(2));
    assert_eq!(kb.get("KOR").and_then(|e| e.iso3.as_deref()), Some("KOR"));
}

#[test]
fn alliances_have_members_and_agreements_have_parties_and_events() {
    let kb = kb();
    for e in kb.entries() {
        match e.category {
            EntityCategory::Alliance | EntityCategory::Framework => {
                assert!(
                    kb.members_of(&e.id).next().is_some(),
                    "{} has no members",
                    e.id
                );
            }
            EntityCategory::Agreement => {
                assert!(
                    kb.parties_of(&e.id).next().is_some(),
                    "{} has no parties",
                    e.id
                );
            }
            _ => {}
        }
    }
    let dated = kb
        .entries()
        .iter()
        .filter(|e| e.category == EntityCategory::Agreement && kb.events_of(&e.id).next().is_some())
        .count();
    assert!(dated >= 80, "{dated} agreements with events");
    // Known facts.
    let nato: Vec<&str> = kb.members_of("NATO").map(|m| m.member.as_str()).collect();
    assert_eq!(nato.len(), 32);
    let swe = kb.members_of("NATO").find(|m| m.member == "SWE").unwrap();
    assert_eq!(swe.joined.map(|d| d.iso()), Some("2024-03-07".into()));
    let ipcp: Vec<String> = kb
        .events_of("JPN-NATO-IPCP")
        .map(|e| e.date.iso())
        .collect();
    assert_eq!(ipcp, ["2014-05", "2018-05", "2020-06"]);
}

#[test]
fn compounds_name_known_actors() {
    let kb = kb();
    let trilateral = kb.get("JPN-USA-KOR").unwrap();
    assert_eq!(trilateral.compound_of, ["JPN", "KOR", "USA"]);
    for e in kb.entries() {
        for id in &e.compound_of {
            assert!(kb.get(id).is_some(), "{}: {id}", e.id);
        }
    }
}

#[test]
fn lookups() {
    let kb = kb();
    assert_eq!(kb.find("NATO").map(|e| e.id.as_str()), Some("NATO"));
    assert_eq!(kb.find("nato").map(|e| e.id.as_str()), Some("NATO"));
    assert_eq!(
        kb.find("北大西洋条約機構").map(|e| e.id.as_str()),
        Some("NATO")
    );
    assert_eq!(
        kb.find("IPCP").map(|e| e.id.as_str()),
        Some("JPN-NATO-IPCP")
    );
    assert!(kb.search("パートナーシップ").len() >= 3);
    assert!(kb.find("no such thing").is_none());
    assert_eq!(
        kb.find("日米韓").map(|e| e.id.as_str()),
        Some("JPN-USA-KOR")
    );
    assert_eq!(
        kb.find("日・米・豪・印").map(|e| e.id.as_str()),
        Some("QUAD")
    );
    assert!(kb.find("日米").is_none());
}

#[test]
fn extends_from_files_and_reports_file_and_line() {
    let dir = std::env::temp_dir().join(format!("domei-kb-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("my_agreements.csv");
    std::fs::write(
        &good,
        "id,kind,name_ja,name_en,abbreviations,variants,source_title,source_date\n\
         X-TEST,treaty,架空相互協定,Imaginary Accord,IMAC,,Test source,2020-01-02\n",
    )
    .unwrap();
    let mut kb = kb();
    kb.extend_from_path(&good).unwrap();
    assert_eq!(kb.find("IMAC").map(|e| e.id.as_str()), Some("X-TEST"));
    // Detected by header even with an unrelated name.
    let by_header = dir.join("extra.csv");
    std::fs::write(&by_header, "agreement,party\nX-TEST,JPN\n").unwrap();
    kb.extend_from_path(&by_header).unwrap();
    assert_eq!(kb.parties_of("X-TEST").collect::<Vec<_>>(), ["JPN"]);
    // Errors name the file and the line.
    let bad = dir.join("agreement_events.csv");
    std::fs::write(
        &bad,
        "agreement,event,date,note\nX-TEST,signed,2020-02-30,\n",
    )
    .unwrap();
    let err = kb.extend_from_path(&bad).unwrap_err();
    assert_eq!(err.line, 2);
    assert!(err.file.ends_with("agreement_events.csv"));
    assert!(err.to_string().contains("2020-02-30"), "{err}");
    let unknown = dir.join("mystery.csv");
    std::fs::write(&unknown, "a,b\n1,2\n").unwrap();
    assert_eq!(kb.extend_from_path(&unknown).unwrap_err().line, 1);
    let missing = kb.extend_from_path(&dir.join("nope.csv")).unwrap_err();
    assert_eq!(missing.line, 0);
    std::fs::remove_dir_all(&dir).ok();
    // The new entity is matched.
    let m = domei_kb::Matcher::new(&kb);
    assert_eq!(m.find("架空相互協定を結ぶ")[0].1, "X-TEST");
}

#[test]
fn table_names_and_columns() {
    for t in Table::ALL {
        assert!(!t.columns().is_empty());
        let _ = Path::new(t.name());
    }
}

#[test]
fn leaders_are_us_presidents_by_consecutive_terms() {
    let kb = Kb::try_builtin().expect("built-in data loads");
    let leaders = kb.leaders();
    assert_eq!(leaders.len(), 7);
    for w in leaders.windows(2) {
        assert_eq!(w[0].to, Some(w[1].from), "{} then {}", w[0].id, w[1].id);
    }
    assert!(
        leaders
            .iter()
            .all(|l| l.country == "USA" && !l.name_ja.is_empty())
    );
    assert_eq!(leaders.last().and_then(|l| l.to), None);
    // A user file adds a leader, and an unknown country is reported.
    let mut kb = kb;
    kb.extend_from_str(
        Path::new("my_leaders.csv"),
        "id,country,office,name_ja,name_en,from,to,source\nX-1,XXX,president,テスト,Test,2020,,\n",
    )
    .expect("loads");
    assert_eq!(kb.leaders().len(), 8);
    assert!(kb.check().iter().any(|p| p.contains("X-1")));
}
