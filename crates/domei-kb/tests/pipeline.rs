//! The seeds end to end through `domei::Pipeline` (decoding, the article parser, the
//! date crate, the references, then this crate's matcher).

use domei_kb::Kb;
use domei_model::{BlockKind, Document, EventKind};

fn parse(prefix: &str) -> Document {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let entry = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "the seeds folder {} is needed by this test: {e}",
                dir.display()
            )
        })
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("seed {prefix} not found"));
    let bytes = std::fs::read(entry.path()).expect("seed readable");
    let pipeline = domei::Pipeline::new(&Kb::builtin());
    pipeline
        .parse_bytes(&entry.path().to_string_lossy(), &bytes)
        .expect("seed parses")
}

fn has_event(doc: &Document, agreement: &str, kind: EventKind, date: &str) -> bool {
    doc.entities.events.iter().any(|e| {
        e.agreement == agreement
            && e.kind == kind
            && e.date.as_ref().map(|d| d.edtf()).as_deref() == Some(date)
    })
}

#[test]
fn seed_003_through_the_pipeline() {
    let doc = parse("003_");
    let ids: Vec<&str> = doc.mentions.iter().map(|m| m.entity.as_str()).collect();
    for id in [
        "NATO",
        "JPN",
        "NAC",
        "ISAF",
        "IP4",
        "JPN-NATO-ISA",
        "JPN-NATO-JPD",
        "JPN-NATO-IPCP",
        "JPN-NATO-ITPP",
        "NATO-RIGA-2006",
        "NATO-SC-2022",
    ] {
        assert!(ids.contains(&id), "{id} missing");
    }
    assert!(
        has_event(&doc, "JPN-NATO-ISA", EventKind::Concluded, "2010-06"),
        "{:?}",
        doc.entities.events
    );
    assert!(has_event(
        &doc,
        "JPN-NATO-IPCP",
        EventKind::Revised,
        "2018-05"
    ));
    assert!(has_event(
        &doc,
        "JPN-NATO-IPCP",
        EventKind::Revised,
        "2020-06"
    ));
    assert!(has_event(
        &doc,
        "JPN-NATO-ITPP",
        EventKind::Agreed,
        "2023-07"
    ));
    // Nothing is found in page chrome.
    for m in &doc.mentions {
        assert!(!matches!(
            doc.blocks[m.block].kind,
            BlockKind::Chrome { .. } | BlockKind::Blank
        ));
        assert!(doc.blocks[m.block].span.contains(m.span));
    }
}

#[test]
fn seed_001_through_the_pipeline() {
    let doc = parse("001_");
    let ids: Vec<&str> = doc.mentions.iter().map(|m| m.entity.as_str()).collect();
    for id in [
        "US-KOR",
        "US-KOR-SCM",
        "US-KOR-MDT",
        "CAMP-DAVID-SPIRIT",
        "US-KOR-SOSA",
        "US-KOR-RDPA",
        "UNC",
    ] {
        assert!(ids.contains(&id), "{id} missing");
    }
    assert!(!ids.contains(&"CAN"));
}
