//! BibLaTeX and BibTeX of the seed articles with notes (000: 22 Chicago notes with
//! short forms; 001: Japanese notes), as the pipeline models them.
//!
//! `tests/seeds/seeds.jsonl` is a snapshot of `domei parse` on seeds 000 and 001 (one
//! document per line), used as model input. Regenerate it when the parsers change,
//! then the golden files with `DOMEI_BLESS=1`.

mod support;

use std::path::Path;

use biblatex::ChunksExt;
use domei_bibtex::{Bibliography, write_biblatex, write_bibtex};
use domei_model::Document;
use support::{biber_problems, bibtex_run};

fn seeds() -> Vec<Document> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seeds/seeds.jsonl");
    domei_tests::files::documents_jsonl(&path)
}

#[test]
fn seeds_golden_and_real_tools() {
    let docs = seeds();
    let mut out = Vec::new();
    write_biblatex(&docs, &mut out).unwrap();
    let bib = String::from_utf8(out).unwrap();
    let mut out = Vec::new();
    write_bibtex(&docs, &mut out).unwrap();
    let classic = String::from_utf8(out).unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for (name, text) in [("seeds.bib", &bib), ("seeds.bibtex.bib", &classic)] {
        let path = golden.join(name);
        if std::env::var_os("DOMEI_BLESS").is_some() {
            std::fs::write(&path, text).unwrap();
        } else {
            let want = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{path:?}: {e} (run with DOMEI_BLESS=1)"));
            assert_eq!(&want, text, "{name} differs from the golden file");
        }
    }
    let problems = biber_problems(&bib, "seeds");
    assert!(problems.is_empty(), "biber: {problems:#?}");
    let (ok, warnings, log) = bibtex_run(&classic, "seeds");
    assert!(ok, "{log}");
    assert!(warnings.is_empty(), "bibtex: {warnings:#?}");

    // Short forms resolve to their full reference and add no entry.
    let b = Bibliography::new(&docs);
    let full: usize = docs
        .iter()
        .flat_map(|d| &d.notes)
        .flat_map(|n| &n.references)
        .filter(|r| r.repeat.is_none())
        .count();
    assert!(b.entries().len() <= full);
    for d in &docs {
        for r in d.notes.iter().flat_map(|n| &n.references) {
            if let Some(target) = r.repeat.as_ref().and_then(|p| p.target.as_deref()) {
                assert_eq!(
                    b.key_for(&d.id, &r.id),
                    b.key_for(&d.id, target),
                    "{} {}",
                    d.id,
                    r.id
                );
                assert!(b.key_for(&d.id, &r.id).is_some());
            }
        }
    }
    let parsed = biblatex::Bibliography::parse(&bib).unwrap();
    assert_eq!(parsed.len(), b.entries().len());
    for e in b.entries() {
        let got = parsed.get(&e.key).unwrap();
        if let Some(t) = &e.reference.title {
            let want = t.value.replace("---", "—").replace("--", "–");
            assert_eq!(got.get("title").unwrap().format_verbatim(), want);
        }
    }
}
