//! CSL-JSON items from references.
//!
//! [`item`] maps one [`Reference`] to a standard CSL-JSON item (`type`, `author`,
//! `editor`, `translator` as `{family, given}` or `{literal}`, `title`,
//! `container-title`, `publisher`, `publisher-place`, `event-title`, `genre`, `issued`
//! and `accessed` as `{"date-parts": [[y, m, d]]}`, `volume`, `issue`, `page`, `URL`,
//! `DOI`, `language`, and the cited `locator`). [`write_items`] writes the references of
//! many documents as one CSL-JSON array.
//!
//! ```
//! use domei_model::{Person, Reference, ReferenceType, Span, Spanned};
//!
//! let r = Reference {
//!     id: "r1".into(),
//!     kind: ReferenceType::Book,
//!     title: Some(Spanned::new("On War".into(), Span::new(0, 6))),
//!     authors: vec![Spanned::detached(Person {
//!         family: Some("Clausewitz".into()),
//!         given: Some("Carl von".into()),
//!         literal: None,
//!     })],
//!     ..Reference::default()
//! };
//! let v = domei_bibtex::csl::item(&r);
//! assert_eq!(v["type"], "book");
//! assert_eq!(v["author"][0]["family"], "Clausewitz");
//! ```

use std::io::{self, Write};

use domei_model::{Date, Document, Person, Precision, Reference, Spanned};
use serde_json::{Map, Value, json};

fn name(p: &Person) -> Value {
    let mut m = Map::new();
    if let Some(l) = &p.literal {
        m.insert("literal".into(), json!(l));
        return Value::Object(m);
    }
    if let Some(f) = &p.family {
        m.insert("family".into(), json!(f));
    }
    if let Some(g) = &p.given {
        m.insert("given".into(), json!(g));
    }
    Value::Object(m)
}

fn names(list: &[Spanned<Person>]) -> Value {
    Value::Array(list.iter().map(|p| name(&p.value)).collect())
}

/// A CSL-JSON date: `{"date-parts": [[y, m, d]]}`, with `season` (1–4) for seasons and
/// two parts for a range.
pub fn date(d: &Date) -> Value {
    let mut parts = vec![Value::from(d.start.date_parts())];
    if let Some(end) = &d.end {
        parts.push(Value::from(end.date_parts()));
    }
    let mut m = Map::new();
    m.insert("date-parts".into(), Value::Array(parts));
    if let (Precision::Season, Some(season)) = (d.precision, d.season) {
        m.insert("season".into(), json!(season.edtf_code() - 20));
    }
    Value::Object(m)
}

/// One reference as a CSL-JSON item. Repeats (`Ibid.`, short forms) map with the fields
/// they hold, typically an author, a short title and a locator, and no `type`.
pub fn item(r: &Reference) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(r.id));
    // A repeat (`Ibid.`, a short form) does not say what kind of work it cites.
    if r.repeat.is_none() {
        m.insert("type".into(), json!(r.kind.csl_name()));
    }
    let mut put_names = |key: &str, list: &[Spanned<Person>]| {
        if !list.is_empty() {
            m.insert(key.into(), names(list));
        }
    };
    put_names("author", &r.authors);
    put_names("editor", &r.editors);
    put_names("translator", &r.translators);
    let text_fields: [(&str, &Option<Spanned<String>>); 12] = [
        ("title", &r.title),
        ("container-title", &r.container_title),
        ("publisher", &r.publisher),
        ("publisher-place", &r.publisher_place),
        ("event-title", &r.event),
        ("genre", &r.genre),
        ("volume", &r.volume),
        ("issue", &r.issue),
        ("page", &r.page),
        ("URL", &r.url),
        ("DOI", &r.doi),
        ("locator", &r.locator),
    ];
    for (key, value) in text_fields {
        if let Some(v) = value {
            m.insert(key.into(), json!(v.value));
        }
    }
    if let Some(d) = &r.issued {
        m.insert("issued".into(), date(&d.value));
    }
    if let Some(d) = &r.accessed {
        m.insert("accessed".into(), date(&d.value));
    }
    if let Some(l) = &r.language {
        m.insert("language".into(), json!(l));
    }
    Value::Object(m)
}

/// Write the full references (not the repeats) of every document as one CSL-JSON array.
/// Item ids are `<document id>-<reference id>` so that they are unique across documents.
pub fn write_items<W: Write>(docs: &[Document], mut writer: W) -> io::Result<()> {
    writer.write_all(b"[")?;
    let mut first = true;
    for doc in docs {
        for note in &doc.notes {
            for r in note.references.iter().filter(|r| r.repeat.is_none()) {
                let mut v = item(r);
                v["id"] = json!(format!("{}-{}", doc.id, r.id));
                writer.write_all(if first { b"\n  " } else { b",\n  " })?;
                first = false;
                serde_json::to_writer(&mut writer, &v).map_err(io::Error::other)?;
            }
        }
    }
    writer.write_all(if first { b"]\n" } else { b"\n]\n" })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use domei_model::{ReferenceType, Season, Span, Ymd};

    #[test]
    fn maps_every_field() {
        let s = |v: &str| Some(Spanned::new(v.to_string(), Span::new(0, 1)));
        let r = Reference {
            id: "n8-r1".into(),
            kind: ReferenceType::ArticleJournal,
            authors: vec![Spanned::detached(Person {
                family: Some("Jeong".into()),
                given: Some("Keonyeong".into()),
                literal: None,
            })],
            editors: vec![Spanned::detached(Person {
                literal: Some("防衛研究所".into()),
                ..Person::default()
            })],
            title: s("What the War Means"),
            container_title: s("Issues in Science and Technology"),
            volume: s("39"),
            issue: s("2"),
            page: s("21–23"),
            doi: s("10.1/x"),
            issued: Some(Spanned::detached(Date {
                precision: Precision::Season,
                season: Some(Season::Winter),
                ..Date::absolute(Ymd::year(2023))
            })),
            accessed: Some(Spanned::detached(Date::absolute(Ymd::day(2025, 1, 31)))),
            language: Some("en".into()),
            ..Reference::default()
        };
        let v = item(&r);
        assert_eq!(v["type"], "article-journal");
        assert_eq!(
            v["author"],
            json!([{"family": "Jeong", "given": "Keonyeong"}])
        );
        assert_eq!(v["editor"], json!([{"literal": "防衛研究所"}]));
        assert_eq!(v["container-title"], "Issues in Science and Technology");
        assert_eq!(v["volume"], "39");
        assert_eq!(v["issue"], "2");
        assert_eq!(v["page"], "21–23");
        assert_eq!(v["DOI"], "10.1/x");
        assert_eq!(v["issued"], json!({"date-parts": [[2023]], "season": 4}));
        assert_eq!(v["accessed"], json!({"date-parts": [[2025, 1, 31]]}));
        assert_eq!(v["language"], "en");
        assert!(v.get("URL").is_none());
    }

    #[test]
    fn writes_an_array_without_repeats() {
        let mut out = Vec::new();
        write_items(&[], &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[]\n");
    }
}
