//! CSL-JSON items from references.
//!
//! [`item`] maps one [`Reference`] to a standard CSL-JSON item (`type`, `author`,
//! `editor`, `translator` as `{family, given}` or `{literal}`, `title`,
//! `container-title`, `publisher`, `publisher-place`, `event-title`, `genre`, `issued`
//! and `accessed` as `{"date-parts": [[y, m, d]]}`, `volume`, `issue`, `number`,
//! `collection-title`, `collection-number`, `page`, `URL`, `DOI`, `language`, and the
//! cited `locator`; a name's `suffix`). [`write_items`] writes the references of
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
//!         suffix: None,
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
    if let Some(x) = &p.suffix {
        m.insert("suffix".into(), json!(x));
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
    let text_fields: [(&str, &Option<Spanned<String>>); 15] = [
        ("title", &r.title),
        ("container-title", &r.container_title),
        ("publisher", &r.publisher),
        ("publisher-place", &r.publisher_place),
        ("event-title", &r.event),
        ("genre", &r.genre),
        ("volume", &r.volume),
        ("issue", &r.issue),
        ("number", &r.number),
        ("collection-title", &r.collection_title),
        ("collection-number", &r.collection_number),
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
///
/// Each item is the JSON of [`item`] (keys in the same sorted order, strings escaped the
/// same way), written straight into the output instead of through a
/// [`serde_json::Value`].
pub fn write_items<W: Write>(docs: &[Document], mut writer: W) -> io::Result<()> {
    // Items are gathered in a buffer and written in large pieces.
    const CHUNK: usize = 1 << 16;
    let mut buf: Vec<u8> = Vec::with_capacity(CHUNK + 4096);
    buf.push(b'[');
    // The full references first, so that the texts of the items a few places ahead can
    // be read early: the work is waiting on scattered memory, and reads issued
    // together wait once instead of one after the other.
    let full: Vec<(&str, &Reference)> = docs
        .iter()
        .flat_map(|d| {
            d.notes
                .iter()
                .flat_map(|n| n.references.iter())
                .filter(|r| r.repeat.is_none())
                .map(move |r| (d.id.as_str(), r))
        })
        .collect();
    const AHEAD: usize = 4;
    for &(d, r) in full.iter().take(AHEAD) {
        std::hint::black_box(touch(d, r));
    }
    for (i, &(doc_id, r)) in full.iter().enumerate() {
        if let Some(&(d, next)) = full.get(i + AHEAD) {
            std::hint::black_box(touch(d, next));
        }
        buf.extend_from_slice(if i == 0 { b"\n  " } else { b",\n  " });
        write_item(&mut buf, doc_id, r);
        if buf.len() >= CHUNK {
            writer.write_all(&buf)?;
            buf.clear();
        }
    }
    let first = full.is_empty();
    buf.extend_from_slice(if first { b"]\n" } else { b"\n]\n" });
    writer.write_all(&buf)
}

/// Read the first byte of every text an item is written from and return their sum (a
/// prefetch in safe code; see [`write_items`]).
fn touch(doc_id: &str, r: &Reference) -> usize {
    let first = |v: &str| usize::from(v.as_bytes().first().copied().unwrap_or(0));
    crate::tex::touch(r) + first(doc_id) + r.locator.as_ref().map_or(0, |l| first(&l.value))
}

/// Byte → what JSON writes for it inside a string: 0 copy, `b'u'` as `\u00XX`, else the
/// letter after a backslash (the escapes serde_json uses).
static JSON_ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// Append `s` as a JSON string, quotes included.
fn push_json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    push_json_inner(out, s);
    out.push(b'"');
}

/// Append `s` escaped for a JSON string, without the quotes.
fn push_json_inner(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut copied = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let e = JSON_ESCAPE[usize::from(b)];
        if e == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[copied..i]);
        copied = i + 1;
        if e == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 15)]);
        } else {
            out.push(b'\\');
            out.push(e);
        }
    }
    out.extend_from_slice(&bytes[copied..]);
}

/// Append a decimal integer.
fn push_int(out: &mut Vec<u8>, n: i64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut m = n.unsigned_abs();
    loop {
        i -= 1;
        digits[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        out.push(b'-');
    }
    out.extend_from_slice(&digits[i..]);
}

/// Append the `date-parts` array of one date (as [`domei_model::Ymd::date_parts`]).
fn push_parts(out: &mut Vec<u8>, d: &domei_model::Ymd) {
    out.push(b'[');
    push_int(out, i64::from(d.year));
    if let Some(m) = d.month {
        out.push(b',');
        push_int(out, i64::from(m));
        if let Some(day) = d.day {
            out.push(b',');
            push_int(out, i64::from(day));
        }
    }
    out.push(b']');
}

/// Append [`date`] as JSON.
fn push_date(out: &mut Vec<u8>, d: &Date) {
    out.extend_from_slice(b"{\"date-parts\":[");
    push_parts(out, &d.start);
    if let Some(end) = &d.end {
        out.push(b',');
        push_parts(out, end);
    }
    out.push(b']');
    if let (Precision::Season, Some(season)) = (d.precision, d.season) {
        out.extend_from_slice(b",\"season\":");
        push_int(out, i64::from(season.edtf_code()) - 20);
    }
    out.push(b'}');
}

/// Append the names of a list as a JSON array (as `names`).
fn push_names(out: &mut Vec<u8>, list: &[Spanned<Person>]) {
    out.push(b'[');
    for (i, p) in list.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let p = &p.value;
        out.push(b'{');
        if let Some(l) = &p.literal {
            out.extend_from_slice(b"\"literal\":");
            push_json_str(out, l);
        } else {
            if let Some(f) = &p.family {
                out.extend_from_slice(b"\"family\":");
                push_json_str(out, f);
            }
            if let Some(g) = &p.given {
                if p.family.is_some() {
                    out.push(b',');
                }
                out.extend_from_slice(b"\"given\":");
                push_json_str(out, g);
            }
            if let Some(x) = &p.suffix {
                if p.family.is_some() || p.given.is_some() {
                    out.push(b',');
                }
                out.extend_from_slice(b"\"suffix\":");
                push_json_str(out, x);
            }
        }
        out.push(b'}');
    }
    out.push(b']');
}

/// One value of a CSL-JSON item.
enum V<'a> {
    Str(&'a str),
    Names(&'a [Spanned<Person>]),
    Date(&'a Date),
    /// The item id, `<document id>-<reference id>`.
    Id,
}

/// Append one full reference as the compact JSON of [`item`] with the id
/// `<document id>-<reference id>`. The keys come in the order of serde_json's sorted map
/// (byte order: `DOI` and `URL` first).
fn write_item(out: &mut Vec<u8>, doc_id: &str, r: &Reference) {
    fn text(v: &Option<Spanned<String>>) -> Option<V<'_>> {
        v.as_ref().map(|v| V::Str(&v.value))
    }
    fn names(list: &[Spanned<Person>]) -> Option<V<'_>> {
        (!list.is_empty()).then_some(V::Names(list))
    }
    let fields: [(&str, Option<V<'_>>); 23] = [
        ("DOI", text(&r.doi)),
        ("URL", text(&r.url)),
        ("accessed", r.accessed.as_ref().map(|d| V::Date(&d.value))),
        ("author", names(&r.authors)),
        ("collection-number", text(&r.collection_number)),
        ("collection-title", text(&r.collection_title)),
        ("container-title", text(&r.container_title)),
        ("editor", names(&r.editors)),
        ("event-title", text(&r.event)),
        ("genre", text(&r.genre)),
        ("id", Some(V::Id)),
        ("issue", text(&r.issue)),
        ("issued", r.issued.as_ref().map(|d| V::Date(&d.value))),
        ("language", r.language.as_deref().map(V::Str)),
        ("locator", text(&r.locator)),
        ("number", text(&r.number)),
        ("page", text(&r.page)),
        ("publisher", text(&r.publisher)),
        ("publisher-place", text(&r.publisher_place)),
        ("title", text(&r.title)),
        ("translator", names(&r.translators)),
        // Repeats never get here; `item` leaves their type out.
        (
            "type",
            r.repeat.is_none().then_some(V::Str(r.kind.csl_name())),
        ),
        ("volume", text(&r.volume)),
    ];
    out.push(b'{');
    let mut first = true;
    for (key, value) in fields {
        let Some(value) = value else { continue };
        if !first {
            out.push(b',');
        }
        first = false;
        out.push(b'"');
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(b"\":");
        match value {
            V::Str(s) => push_json_str(out, s),
            V::Names(list) => push_names(out, list),
            V::Date(d) => push_date(out, d),
            V::Id => {
                // `<document id>-<reference id>`, escaped as one string.
                out.push(b'"');
                push_json_inner(out, doc_id);
                out.push(b'-');
                push_json_inner(out, &r.id);
                out.push(b'"');
            }
        }
    }
    out.push(b'}');
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
                suffix: Some("Jr.".into()),
            })],
            editors: vec![Spanned::detached(Person {
                literal: Some("防衛研究所".into()),
                ..Person::default()
            })],
            title: s("What the War Means"),
            container_title: s("Issues in Science and Technology"),
            volume: s("39"),
            issue: s("2"),
            number: s("R47258"),
            collection_title: s("Adelphi Papers"),
            collection_number: s("445"),
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
            json!([{"family": "Jeong", "given": "Keonyeong", "suffix": "Jr."}])
        );
        assert_eq!(v["editor"], json!([{"literal": "防衛研究所"}]));
        assert_eq!(v["container-title"], "Issues in Science and Technology");
        assert_eq!(v["volume"], "39");
        assert_eq!(v["issue"], "2");
        assert_eq!(v["number"], "R47258");
        assert_eq!(v["collection-title"], "Adelphi Papers");
        assert_eq!(v["collection-number"], "445");
        assert_eq!(v["page"], "21–23");
        assert_eq!(v["DOI"], "10.1/x");
        assert_eq!(v["issued"], json!({"date-parts": [[2023]], "season": 4}));
        assert_eq!(v["accessed"], json!({"date-parts": [[2025, 1, 31]]}));
        assert_eq!(v["language"], "en");
        assert!(v.get("URL").is_none());
    }

    /// What `write_items` wrote before it wrote JSON itself: each item through a
    /// `serde_json::Value`.
    fn through_values(docs: &[Document]) -> Vec<u8> {
        let mut out = b"[".to_vec();
        let mut first = true;
        for doc in docs {
            for r in doc.notes.iter().flat_map(|n| &n.references) {
                if r.repeat.is_some() {
                    continue;
                }
                let mut v = item(r);
                v["id"] = json!(format!("{}-{}", doc.id, r.id));
                out.extend_from_slice(if first { b"\n  " } else { b",\n  " });
                first = false;
                serde_json::to_writer(&mut out, &v).unwrap();
            }
        }
        out.extend_from_slice(if first { b"]\n" } else { b"\n]\n" });
        out
    }

    #[test]
    fn writes_the_json_of_item() {
        let mut docs = domei_tests::sample::documents();
        // Every field, names of each form, a range, a season, and strings that need
        // escaping (quotes, backslashes, every control character, DEL, U+2028).
        let odd: String = (0u8..0x20)
            .map(char::from)
            .chain("\"\\/\u{7f}\u{2028}日米".chars())
            .collect();
        let s = |v: &str| Some(Spanned::new(format!("{v}{odd}"), Span::new(0, 1)));
        let person = |f: Option<&str>, g: Option<&str>, l: Option<&str>| {
            Spanned::detached(Person {
                family: f.map(|v| format!("{v}{odd}")),
                given: g.map(Into::into),
                literal: l.map(Into::into),
                suffix: None,
            })
        };
        let suffixed = |f: Option<&str>, g: Option<&str>| {
            Spanned::detached(Person {
                suffix: Some(format!("Jr.{odd}")),
                ..person(f, g, None).value
            })
        };
        let full = Reference {
            id: format!("r\"{odd}"),
            kind: ReferenceType::Chapter,
            authors: vec![
                person(Some("Family"), Some("Given"), None),
                person(None, Some("Only given"), None),
                person(Some("Only family"), None, None),
                person(Some("ignored"), None, Some("Literal")),
                person(None, None, None),
                suffixed(Some("Family"), Some("Given")),
                suffixed(None, Some("Only given")),
                suffixed(None, None),
            ],
            editors: vec![person(Some("Ed"), None, None)],
            translators: vec![person(None, None, Some("Tr"))],
            title: s("Title"),
            container_title: s("Container"),
            publisher: s("Publisher"),
            publisher_place: s("Place"),
            event: s("Event"),
            genre: s("Genre"),
            volume: s("1"),
            issue: s("2"),
            number: s("No"),
            collection_title: s("Series"),
            collection_number: s("7"),
            page: s("3–4"),
            url: s("https://x.y/"),
            doi: s("10.1/x"),
            locator: s("5"),
            issued: Some(Spanned::detached(Date {
                end: Some(Ymd::day(2025, 2, 3)),
                ..Date::absolute(Ymd::month(-44, 3))
            })),
            accessed: Some(Spanned::detached(Date {
                precision: Precision::Season,
                season: Some(Season::Summer),
                ..Date::absolute(Ymd::year(2023))
            })),
            language: Some(odd.clone()),
            ..Reference::default()
        };
        let bare = Reference {
            id: String::new(),
            ..Reference::default()
        };
        let note = docs[0].notes[0].clone();
        docs[0].id.push_str(&odd);
        docs[0].notes.push(domei_model::Note {
            references: vec![full, bare],
            ..note
        });
        assert!(
            docs.iter()
                .flat_map(|d| &d.notes)
                .flat_map(|n| &n.references)
                .any(|r| r.repeat.is_some())
        );
        let mut out = Vec::new();
        write_items(&docs, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            String::from_utf8(through_values(&docs)).unwrap()
        );
    }

    #[test]
    fn writes_an_array_without_repeats() {
        let mut out = Vec::new();
        write_items(&[], &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[]\n");
    }
}
