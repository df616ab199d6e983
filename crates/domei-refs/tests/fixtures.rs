//! Every reference of `fixtures/refs/*.jsonl`, parsed and mapped to CSL-JSON, checked
//! field by field against the expected item. A field listed in a fixture's `miss` is a
//! known limitation (documented in docs/references.md): it is reported, not asserted.

use std::path::PathBuf;

use serde_json::Value;

use domei_bibtex::csl;

fn fixtures() -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/refs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/refs exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("readable fixture");
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", f.display(), i + 1));
            out.push((
                format!("{}:{}", f.file_name().unwrap().to_string_lossy(), i + 1),
                v,
            ));
        }
    }
    out
}

#[test]
fn every_fixture_field_by_field() {
    let mut failures = Vec::new();
    let mut references = 0;
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    let mut known = 0;
    for (at, fx) in fixtures() {
        let raw = fx["raw"].as_str().expect("raw string");
        let expected = fx["expected"].as_object().expect("expected object");
        let miss: Vec<&str> = fx["miss"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if !expected.is_empty() {
            references += 1;
        }
        let got = match domei_refs::parse_reference(raw) {
            Some(r) => {
                check_spans(&r, raw, &at, &mut failures);
                csl::item(&r)
            }
            None => Value::Object(Default::default()),
        };
        let got = got.as_object().expect("object");
        let mut keys: Vec<&String> = expected.keys().chain(got.keys()).collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            if k == "id" {
                continue;
            }
            let (e, g) = (expected.get(k), got.get(k));
            match (e, g) {
                (Some(e), Some(g)) if e == g => tp += 1,
                (Some(_), Some(_)) => {
                    fp += 1;
                    fneg += 1;
                }
                (Some(_), None) => fneg += 1,
                (None, Some(_)) => fp += 1,
                (None, None) => {}
            }
            if e != g {
                if miss.contains(&k.as_str()) {
                    known += 1;
                } else {
                    failures.push(format!("{at}: {k}: expected {e:?}, got {g:?}\n    {raw}"));
                }
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fneg).max(1) as f64;
    eprintln!(
        "{references} references; field precision {p:.3}, recall {r:.3}, F1 {:.3}; {known} known misses",
        2.0 * p * r / (p + r).max(f64::EPSILON)
    );
    assert!(
        references >= 200,
        "only {references} references in fixtures/refs"
    );
    assert!(
        failures.is_empty(),
        "{} field mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every field's span lies inside the reference and, for verbatim fields, holds the value.
fn check_spans(r: &domei_model::Reference, raw: &str, at: &str, failures: &mut Vec<String>) {
    // The raw text is verbatim: the line without a leading label (`[1] `) or white space.
    if !raw.trim().ends_with(r.raw.as_str()) || r.span.slice(raw) != Some(r.raw.as_str()) {
        failures.push(format!("{at}: raw/span mismatch"));
    }
    let verbatim = [
        &r.container_title,
        &r.publisher,
        &r.publisher_place,
        &r.volume,
        &r.issue,
        &r.page,
        &r.locator,
        &r.url,
        &r.doi,
        &r.genre,
        &r.event,
        &r.number,
        &r.collection_title,
        &r.collection_number,
    ];
    for f in verbatim.into_iter().flatten() {
        let span = f.span.expect("read from the text");
        if !r.span.contains(span) || span.slice(raw) != Some(f.value.as_str()) {
            failures.push(format!(
                "{at}: span of {:?} is {:?}",
                f.value,
                span.slice(raw)
            ));
        }
    }
    for d in [&r.issued, &r.accessed].into_iter().flatten() {
        let span = d.span.expect("read from the text");
        if !r.span.contains(span) || span.slice(raw).is_none() {
            failures.push(format!("{at}: date span {span:?} out of the reference"));
        }
    }
    for p in r.authors.iter().chain(&r.editors).chain(&r.translators) {
        let span = p.span.expect("read from the text");
        if !r.span.contains(span) || span.slice(raw).is_none() {
            failures.push(format!("{at}: name span {span:?} out of the reference"));
        }
    }
    if let Some(t) = &r.title {
        let span = t.span.expect("read from the text");
        if !r.span.contains(span) || span.slice(raw).is_none() {
            failures.push(format!("{at}: title span {span:?} out of the reference"));
        }
    }
}
