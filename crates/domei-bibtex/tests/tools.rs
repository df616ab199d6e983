//! BibLaTeX and BibTeX on hand-made documents: golden files, biber's data-model
//! validation, bibtex with plain.bst, and the biblatex crate reading the file back.

mod common;
mod support;

use std::path::Path;

use biblatex::ChunksExt;
use domei_bibtex::{Bibliography, write_biblatex, write_bibtex};
use domei_model::Document;
use support::{biber_problems, bibtex_run};

/// The fixtures plus a third document that cites the same works again.
fn documents() -> Vec<Document> {
    let mut docs = common::documents();
    let mut again = common::policy_paper();
    again.id = "001_again".into();
    docs.push(again);
    docs
}

fn biblatex_string(docs: &[Document]) -> String {
    let mut out = Vec::new();
    write_biblatex(docs, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn bibtex_string(docs: &[Document]) -> String {
    let mut out = Vec::new();
    write_bibtex(docs, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn golden_files() {
    let docs = documents();
    let bless = std::env::var_os("DOMEI_BLESS").is_some();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for (name, text) in [
        ("references.bib", biblatex_string(&docs)),
        ("references.bibtex.bib", bibtex_string(&docs)),
    ] {
        let path = golden.join(name);
        if bless {
            std::fs::write(&path, &text).unwrap();
        } else {
            let want = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{path:?}: {e} (run with DOMEI_BLESS=1)"));
            assert_eq!(want, text, "{name} differs from the golden file");
        }
    }
}

#[test]
fn one_entry_per_distinct_reference_and_repeats_resolve() {
    let docs = documents();
    let bib = Bibliography::new(&docs);
    // Seven references, two of them repeats, and a third document citing the first
    // document's works again: five entries.
    let keys: Vec<&str> = bib.entries().iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys.len(), 5, "{keys:?}");
    let pledge = bib.key_for("000_policy", "n1-r1").unwrap();
    assert_eq!(pledge, "nato2024industrial");
    assert_eq!(
        bib.key_for("000_policy", "n2-r1"),
        Some(pledge),
        "short form"
    );
    assert_eq!(
        bib.key_for("001_again", "n1-r1"),
        Some(pledge),
        "same work in another document"
    );
    assert_eq!(
        bib.key_for("003_monthly", "n2-r1"),
        bib.key_for("003_monthly", "n1-r1"),
        "ibid."
    );
    assert_eq!(bib.key_for("000_policy", "nope"), None);
    let e = bib.entries().iter().find(|e| e.key == pledge).unwrap();
    assert_eq!(e.documents, vec!["000_policy", "001_again"]);
    assert_eq!(bib.key_for("000_policy", "n2-r2"), Some("seo2024south"));
    // Keys are unique ASCII.
    let mut sorted = keys.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), keys.len());
    assert!(keys.iter().all(|k| {
        k.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    }));
    // The input order of the documents does not matter.
    let mut reversed = documents();
    reversed.reverse();
    assert_eq!(biblatex_string(&reversed), biblatex_string(&docs));
}

#[test]
fn biber_validates_the_biblatex_file() {
    let bib = biblatex_string(&documents());
    let problems = biber_problems(&bib, "golden");
    assert!(problems.is_empty(), "biber: {problems:#?}\n{bib}");
}

#[test]
fn bibtex_plain_accepts_the_classic_file() {
    let bib = bibtex_string(&documents());
    let (ok, warnings, log) = bibtex_run(&bib, "golden");
    assert!(ok, "bibtex failed:\n{log}");
    assert!(warnings.is_empty(), "bibtex warnings: {warnings:#?}\n{bib}");
    assert!(log.contains("\\bibitem{nato2024industrial}"), "{log}");
    assert_eq!(log.matches("\\bibitem{").count(), 5);
}

#[test]
fn biblatex_crate_reads_back_the_fields() {
    let docs = documents();
    let src = biblatex_string(&docs);
    let parsed = biblatex::Bibliography::parse(&src).unwrap();
    assert_eq!(parsed.len(), 5);
    let bib = Bibliography::new(&docs);
    for e in bib.entries() {
        let r = e.reference;
        let got = parsed
            .get(&e.key)
            .unwrap_or_else(|| panic!("{} parsed", e.key));
        assert_eq!(got.entry_type.to_string(), domei_bibtex::biblatex_type(r));
        let title = got.get("title").unwrap().format_verbatim();
        assert_eq!(title, r.title.as_ref().unwrap().value, "title of {}", e.key);
        let authors = got.author().unwrap();
        assert_eq!(authors.len(), r.authors.len());
        for (a, p) in authors.iter().zip(&r.authors) {
            let p = &p.value;
            assert_eq!(a.name, p.family.clone().or(p.literal.clone()).unwrap());
            assert_eq!(a.given_name, p.given.clone().unwrap_or_default());
        }
        if let Some(d) = &r.issued {
            assert_eq!(got.get("date").unwrap().format_verbatim(), d.value.edtf());
        }
        if let Some(u) = &r.url {
            assert_eq!(got.get("url").unwrap().format_verbatim(), u.value);
        }
    }
    let cnn = parsed.get("seo2024south").unwrap();
    assert_eq!(cnn.get("journaltitle").unwrap().format_verbatim(), "CNN");
    assert_eq!(
        cnn.get("entrysubtype").unwrap().format_verbatim(),
        "newspaper"
    );
    assert_eq!(cnn.get("urldate").unwrap().format_verbatim(), "2025-01-31");
    assert_eq!(cnn.get("langid").unwrap().format_verbatim(), "english");
    let chapter = parsed
        .iter()
        .find(|e| e.entry_type.to_string() == "incollection")
        .unwrap();
    assert_eq!(
        chapter.get("booktitle").unwrap().format_verbatim(),
        "安全保障論"
    );
    // The biblatex crate reads `--` back as an en dash.
    assert_eq!(chapter.get("pages").unwrap().format_verbatim(), "45–67");
    assert_eq!(chapter.get("location").unwrap().format_verbatim(), "東京");
    let report = parsed
        .iter()
        .find(|e| e.entry_type.to_string() == "report")
        .unwrap();
    assert_eq!(
        report.get("institution").unwrap().format_verbatim(),
        "防衛省"
    );
    assert_eq!(report.get("langid").unwrap().format_verbatim(), "japanese");
}

#[test]
fn the_tool_checks_are_not_vacuous() {
    // An entry without a date and with a field @online does not have.
    let bad = "@online{x,\n  title = {T},\n  url = {https://x.y},\n  publisher = {P},\n}\n";
    let problems = biber_problems(bad, "bad");
    assert!(problems.iter().any(|p| p.contains("WARN")), "{problems:?}");
    let (_, warnings, _) = bibtex_run("@article{x,\n  title = {T},\n}\n", "bad");
    assert!(!warnings.is_empty());
}

#[test]
fn colliding_keys_get_suffixes_and_no_references_give_an_empty_file() {
    let mut doc = common::policy_paper();
    // Three different works that all give the key `seo2024south`.
    let base = doc.notes[1].references[1].clone();
    let mut second = base.clone();
    second.id = "n2-r3".into();
    second.title.as_mut().unwrap().value = "South Korea Builds Lasers".into();
    let mut third = base.clone();
    third.id = "n2-r4".into();
    third.title.as_mut().unwrap().value = "South Korean Lasers Again".into();
    doc.notes[1].references.push(second);
    doc.notes[1].references.push(third);
    let docs = [doc];
    let bib = Bibliography::new(&docs);
    assert_eq!(bib.key_for("000_policy", "n2-r2"), Some("seo2024south"));
    assert_eq!(bib.key_for("000_policy", "n2-r3"), Some("seo2024southa"));
    assert_eq!(bib.key_for("000_policy", "n2-r4"), Some("seo2024southb"));
    assert!(biblatex_string(&[]).is_empty());
    assert!(bibtex_string(&[]).is_empty());
}

/// A conference paper, a thesis, a preprint, a numbered report in a series and a book
/// in a series, with a suffixed author: the entry types and fields they map to, clean
/// under biber's data-model check and bibtex with plain.bst.
#[test]
fn new_types_numbers_series_and_suffixes() {
    use domei_model::{Date, Person, Reference, ReferenceType, Spanned, Ymd};
    let s = |v: &str| Some(Spanned::detached(v.to_string()));
    let person = |f: &str, g: &str, x: Option<&str>| {
        Spanned::detached(Person {
            family: Some(f.into()),
            given: Some(g.into()),
            suffix: x.map(Into::into),
            ..Person::default()
        })
    };
    let year = |y| Some(Spanned::detached(Date::absolute(Ymd::year(y))));
    let refs = vec![
        Reference {
            kind: ReferenceType::PaperConference,
            authors: vec![person("Kim", "S.", None)],
            // plain.bst warns about a number of proceedings without a series: it goes
            // to the note in BibTeX.
            number: s("7"),
            title: s("Adaptive jamming detection"),
            container_title: s("Proc. IEEE Int. Conf. Commun."),
            event: s("ICC 2022"),
            publisher_place: s("Seoul"),
            page: s("101–106"),
            issued: year(2022),
            ..Reference::default()
        },
        Reference {
            kind: ReferenceType::Thesis,
            authors: vec![person("Mori", "Kenta", None)],
            title: s("Alliance Burden Sharing"),
            genre: s("PhD diss."),
            publisher: s("Georgetown University"),
            issued: year(2018),
            ..Reference::default()
        },
        Reference {
            kind: ReferenceType::Thesis,
            authors: vec![person("Sato", "Y.", None)],
            title: s("Deterrence and Reassurance"),
            genre: s("Master’s thesis"),
            publisher: s("Keio University"),
            issued: year(2020),
            ..Reference::default()
        },
        Reference {
            kind: ReferenceType::Article,
            authors: vec![person("Ito", "Akira", None)],
            title: s("Hypersonic Glide Vehicles"),
            number: s("arXiv:2401.01234"),
            issued: year(2024),
            ..Reference::default()
        },
        Reference {
            kind: ReferenceType::Report,
            authors: vec![person("Gomez", "Eric", None)],
            title: s("Taiwan and the Limits of Deterrence"),
            collection_title: s("Policy Analysis"),
            number: s("788"),
            publisher: s("Cato Institute"),
            issued: year(2020),
            ..Reference::default()
        },
        Reference {
            kind: ReferenceType::Book,
            authors: vec![person("Nye", "Joseph S.", Some("Jr."))],
            title: s("Soft Power"),
            collection_title: s("Adelphi Papers"),
            collection_number: s("445"),
            publisher: s("Routledge"),
            issued: year(2004),
            ..Reference::default()
        },
    ];
    let mut doc = common::policy_paper();
    doc.id = "new_types".into();
    doc.notes.truncate(1);
    doc.notes[0].references = refs
        .into_iter()
        .enumerate()
        .map(|(k, r)| Reference {
            id: format!("{}-r{}", doc.notes[0].id, k + 1),
            ..r
        })
        .collect();
    let docs = vec![doc];
    let bib = biblatex_string(&docs);
    for want in [
        "@inproceedings{",
        "booktitle = {Proc. IEEE Int. Conf. Commun.}",
        "eventtitle = {ICC 2022}",
        "@thesis{",
        "type = {phdthesis}",
        "type = {mathesis}",
        "institution = {Georgetown University}",
        "@online{",
        "eprint = {2401.01234}",
        "eprinttype = {arxiv}",
        "number = {788}",
        "series = {Adelphi Papers}",
        "number = {445}",
        "author = {Nye, Jr., Joseph S.}",
    ] {
        assert!(bib.contains(want), "{want} missing in:\n{bib}");
    }
    let problems = biber_problems(&bib, "new-types");
    assert!(problems.is_empty(), "biber: {problems:#?}\n{bib}");

    let classic = bibtex_string(&docs);
    for want in [
        "@inproceedings{",
        "@phdthesis{",
        "school = {Georgetown University}",
        "@techreport{",
        "number = {788}",
        "series = {Adelphi Papers}",
        "author = {Nye, Jr., Joseph S.}",
    ] {
        assert!(classic.contains(want), "{want} missing in:\n{classic}");
    }
    let (ok, warnings, log) = bibtex_run(&classic, "new-types");
    assert!(ok, "bibtex failed:\n{log}");
    assert!(
        warnings.is_empty(),
        "bibtex warnings: {warnings:#?}\n{classic}"
    );
}
