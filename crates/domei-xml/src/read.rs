//! The domei XML reader: a small element tree built with quick-xml, then the model built
//! from it with struct literals that name every field (a field added to the model is a
//! compile error here until it is read).

use std::io::BufRead;
use std::str::FromStr;

use domei_model::{
    AgreementEvent, Anchor, Author, Block, BlockKind, Date, DateMention, Diagnostic, Document,
    Encoding, Entities, Entity, Mention, Metadata, Note, OtherTitle, Person, Reading, Reference,
    Relative, Repeat, Source, Span, Spanned, Translation, Venue, Ymd,
};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::{Error, NAMESPACE, parse_enum};

/// One element: name, attributes, element children and character data.
#[derive(Debug, Default)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<El>,
    text: String,
}

type Res<T> = Result<T, Error>;

fn invalid(el: &El, message: impl Into<String>) -> Error {
    Error::Invalid {
        element: el.name.clone(),
        message: message.into(),
    }
}

fn syntax(e: impl std::fmt::Display) -> Error {
    Error::Syntax(e.to_string())
}

fn start_el(s: &BytesStart<'_>) -> Res<El> {
    let name = String::from_utf8_lossy(s.local_name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in s.attributes() {
        let a = a.map_err(syntax)?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let value = a.unescape_value().map_err(syntax)?.into_owned();
        attrs.push((key, value));
    }
    Ok(El {
        name,
        attrs,
        ..El::default()
    })
}

/// domei XML nests at most 7 deep; anything much deeper is not domei XML (and would
/// make the tree expensive to drop).
const MAX_DEPTH: usize = 64;

/// Parse the whole input into an element tree.
fn parse_tree<R: BufRead>(input: R) -> Res<El> {
    let mut reader = Reader::from_reader(input);
    let config = reader.config_mut();
    config.trim_text(false);
    config.expand_empty_elements = false;
    config.check_end_names = true;
    let mut buf = Vec::new();
    let mut stack: Vec<El> = Vec::new();
    let mut root: Option<El> = None;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| Error::Syntax(format!("{e} (at byte {})", reader.error_position())))?;
        match event {
            Event::Start(s) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(Error::Syntax(format!(
                        "elements nested deeper than {MAX_DEPTH}"
                    )));
                }
                stack.push(start_el(&s)?)
            }
            Event::Empty(s) => {
                let el = start_el(&s)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None if root.is_none() => root = Some(el),
                    None => return Err(Error::Syntax("more than one root element".into())),
                }
            }
            Event::End(_) => {
                let el = stack
                    .pop()
                    .ok_or_else(|| Error::Syntax("unmatched end tag".into()))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None if root.is_none() => root = Some(el),
                    None => return Err(Error::Syntax("more than one root element".into())),
                }
            }
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&t.unescape().map_err(syntax)?);
                }
            }
            Event::CData(c) => {
                if let Some(top) = stack.last_mut() {
                    let bytes = c.into_inner();
                    let s = std::str::from_utf8(&bytes).map_err(syntax)?;
                    top.text.push_str(s);
                }
            }
            Event::Eof => break,
            Event::DocType(_) => {
                return Err(Error::Syntax(
                    "a DOCTYPE is not allowed in domei XML".into(),
                ));
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
        buf.clear();
    }
    if !stack.is_empty() {
        return Err(Error::Syntax("unexpected end of input".into()));
    }
    root.ok_or_else(|| Error::Syntax("no root element".into()))
}

impl El {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn req(&self, key: &str) -> Res<&str> {
        self.attr(key)
            .ok_or_else(|| invalid(self, format!("missing attribute `{key}`")))
    }

    fn string(&self, key: &str) -> Res<String> {
        self.req(key).map(str::to_owned)
    }

    fn opt_string(&self, key: &str) -> Option<String> {
        self.attr(key).map(str::to_owned)
    }

    fn num<T: FromStr>(&self, key: &str) -> Res<T> {
        let v = self.req(key)?;
        v.parse()
            .map_err(|_| invalid(self, format!("attribute `{key}`: not a number: {v:?}")))
    }

    fn opt_num<T: FromStr>(&self, key: &str) -> Res<Option<T>> {
        match self.attr(key) {
            Some(_) => self.num(key).map(Some),
            None => Ok(None),
        }
    }

    fn boolean(&self, key: &str) -> Res<bool> {
        match self.req(key)? {
            "true" | "1" => Ok(true),
            "false" | "0" => Ok(false),
            v => Err(invalid(
                self,
                format!("attribute `{key}`: not a boolean: {v:?}"),
            )),
        }
    }

    fn enumeration<T: serde::de::DeserializeOwned>(&self, key: &str) -> Res<T> {
        let v = self.req(key)?;
        parse_enum(v)
            .ok_or_else(|| invalid(self, format!("attribute `{key}`: unknown value {v:?}")))
    }

    fn opt_enumeration<T: serde::de::DeserializeOwned>(&self, key: &str) -> Res<Option<T>> {
        match self.attr(key) {
            Some(_) => self.enumeration(key).map(Some),
            None => Ok(None),
        }
    }

    fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a El> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    fn child(&self, name: &str) -> Option<&El> {
        self.children.iter().find(|c| c.name == name)
    }

    fn req_child(&self, name: &str) -> Res<&El> {
        self.child(name)
            .ok_or_else(|| invalid(self, format!("missing element `{name}`")))
    }

    fn span(&self) -> Res<Span> {
        Ok(Span {
            start: self.num("start")?,
            end: self.num("end")?,
        })
    }

    fn opt_span(&self) -> Res<Option<Span>> {
        match (self.attr("start"), self.attr("end")) {
            (None, None) => Ok(None),
            (Some(_), Some(_)) => self.span().map(Some),
            _ => Err(invalid(
                self,
                "`start` without `end` or `end` without `start`",
            )),
        }
    }

    fn spanned_str(&self) -> Res<Spanned<String>> {
        Ok(Spanned {
            value: self.text.clone(),
            span: self.opt_span()?,
        })
    }

    fn opt_spanned_str(&self, name: &str) -> Res<Option<Spanned<String>>> {
        self.child(name).map(El::spanned_str).transpose()
    }

    fn spanned_strs(&self, name: &str) -> Res<Vec<Spanned<String>>> {
        self.children(name).map(El::spanned_str).collect()
    }

    /// The target of a link written as `name` (xs:IDREF) or `key_name`.
    fn link(&self, name: &str, key_name: &str) -> Res<String> {
        match (self.attr(name), self.attr(key_name)) {
            (Some(v), None) | (None, Some(v)) => Ok(v.to_owned()),
            _ => Err(invalid(
                self,
                format!("needs exactly one of `{name}`, `{key_name}`"),
            )),
        }
    }

    fn links(&self, name: &str) -> Res<Vec<String>> {
        self.children(name)
            .map(|c| c.link("idref", "key"))
            .collect()
    }

    /// A defined id, written as `id` or `key`.
    fn id(&self) -> Res<String> {
        self.link("id", "key")
    }

    fn ymd(&self, key: &str) -> Res<Ymd> {
        let v = self.req(key)?;
        parse_ymd(v).ok_or_else(|| invalid(self, format!("attribute `{key}`: not a date: {v:?}")))
    }

    fn opt_ymd(&self, key: &str) -> Res<Option<Ymd>> {
        match self.attr(key) {
            Some(_) => self.ymd(key).map(Some),
            None => Ok(None),
        }
    }
}

fn parse_ymd(v: &str) -> Option<Ymd> {
    if let Some(rest) = v.strip_prefix('Y') {
        let (year, rest) = rest.split_once('M')?;
        let (month, day) = rest.split_once('D')?;
        let opt = |s: &str| -> Option<Option<u8>> {
            if s.is_empty() {
                Some(None)
            } else {
                s.parse().ok().map(Some)
            }
        };
        return Some(Ymd {
            year: year.parse().ok()?,
            month: opt(month)?,
            day: opt(day)?,
        });
    }
    let mut parts = v.split('-');
    let year = parts.next()?;
    if year.len() != 4 {
        return None;
    }
    let year = year.parse().ok()?;
    let month = parts.next().map(str::parse).transpose().ok()?;
    let day = parts.next().map(str::parse).transpose().ok()?;
    if parts.next().is_some() {
        return None;
    }
    Some(Ymd { year, month, day })
}

fn parse_float(v: &str) -> Option<f32> {
    match v {
        "NaN" => Some(f32::NAN),
        "INF" => Some(f32::INFINITY),
        "-INF" => Some(f32::NEG_INFINITY),
        _ => v.parse().ok(),
    }
}

/// Read a domei XML document.
pub(crate) fn read_document<R: BufRead>(input: R) -> Res<Document> {
    let root = parse_tree(input)?;
    if root.name != "document" {
        return Err(invalid(&root, "the root element is not `document`"));
    }
    match root.attr("xmlns") {
        Some(NAMESPACE) => {}
        other => {
            return Err(invalid(
                &root,
                format!("namespace {other:?} is not {NAMESPACE:?}"),
            ));
        }
    }
    document(&root)
}

fn document(el: &El) -> Res<Document> {
    let blocks = el.req_child("blocks")?;
    Ok(Document {
        format_version: el.num("format-version")?,
        id: el.string("id")?,
        source: source(el.req_child("source")?)?,
        text: el.req_child("text")?.text.clone(),
        metadata: metadata(el.req_child("metadata")?)?,
        blocks: blocks.children.iter().map(block).collect::<Res<_>>()?,
        anchors: el
            .req_child("anchors")?
            .children("anchor")
            .map(anchor)
            .collect::<Res<_>>()?,
        notes: el
            .req_child("notes")?
            .children("note")
            .map(note)
            .collect::<Res<_>>()?,
        dates: el
            .req_child("dates")?
            .children("date-mention")
            .map(date_mention)
            .collect::<Res<_>>()?,
        mentions: el
            .req_child("mentions")?
            .children("mention")
            .map(mention)
            .collect::<Res<_>>()?,
        entities: entities(el.req_child("entities")?)?,
        diagnostics: el
            .req_child("diagnostics")?
            .children("diagnostic")
            .map(diagnostic)
            .collect::<Res<_>>()?,
    })
}

fn source(el: &El) -> Res<Source> {
    let enc = el.req_child("encoding")?;
    Ok(Source {
        path: el.string("path")?,
        byte_len: el.num("byte-len")?,
        sha256: el.string("sha256")?,
        encoding: Encoding {
            name: enc.string("name")?,
            bom: enc.boolean("bom")?,
            detected_by: enc.enumeration("detected-by")?,
            replacements: enc.num("replacements")?,
        },
        line_endings: el.enumeration("line-endings")?,
        text_len: el.num("text-len")?,
    })
}

fn metadata(el: &El) -> Res<Metadata> {
    let venue_el = el.req_child("venue")?;
    let tr = el.req_child("translation")?;
    Ok(Metadata {
        title: el.opt_spanned_str("title")?,
        subtitle: el.opt_spanned_str("subtitle")?,
        other_titles: el
            .children("other-title")
            .map(|t| {
                Ok(OtherTitle {
                    title: t.spanned_str()?,
                    language: t.string("language")?,
                })
            })
            .collect::<Res<_>>()?,
        authors: el
            .children("author")
            .map(|a| {
                Ok(Author {
                    name: a.req_child("name")?.spanned_str()?,
                    role: a.enumeration("role")?,
                    affiliation: a.opt_spanned_str("affiliation")?,
                    bio: a.opt_spanned_str("bio")?,
                })
            })
            .collect::<Res<_>>()?,
        published: el.child("published").map(date_mention).transpose()?,
        issue_date: el.child("issue-date").map(date_mention).transpose()?,
        written: el.child("written").map(date_mention).transpose()?,
        venue: Venue {
            site: venue_el.opt_spanned_str("site")?,
            project: venue_el.opt_spanned_str("project")?,
            series: venue_el.opt_spanned_str("series")?,
            series_number: venue_el.opt_spanned_str("series-number")?,
            periodical: venue_el.opt_spanned_str("periodical")?,
            issue: venue_el.opt_spanned_str("issue")?,
        },
        section: el.opt_spanned_str("section")?,
        categories: el.spanned_strs("category")?,
        tags: el.spanned_strs("tag")?,
        summary: el.opt_spanned_str("summary")?,
        kind: el.enumeration("kind")?,
        language: el.string("language")?,
        translation: Translation {
            is_translation: tr.boolean("is-translation")?,
            original_title: tr.opt_spanned_str("original-title")?,
            original_language: tr.opt_string("original-language"),
            translator: tr.opt_spanned_str("translator")?,
            machine_translation_likely: tr.boolean("machine-translation-likely")?,
            evidence: tr.children("evidence").map(|e| e.text.clone()).collect(),
        },
    })
}

fn block(el: &El) -> Res<Block> {
    let kind = match el.name.as_str() {
        "blank" => BlockKind::Blank,
        "meta" => BlockKind::Meta {
            field: el.enumeration("field")?,
        },
        "heading" => BlockKind::Heading {
            level: el.num("level")?,
            number: el.opt_string("number"),
        },
        "paragraph" => BlockKind::Paragraph,
        "quote" => BlockKind::Quote,
        "list-item" => BlockKind::ListItem {
            marker: el.string("marker")?,
        },
        "notes-heading" => BlockKind::NotesHeading,
        "note-block" => BlockKind::Note {
            label: el.string("label")?,
        },
        "signature" => BlockKind::Signature,
        "chrome" => BlockKind::Chrome {
            chrome: el.enumeration("chrome")?,
        },
        _ => return Err(invalid(el, "not a block element")),
    };
    Ok(Block {
        kind,
        span: el.span()?,
        content: Span {
            start: el.num("content-start")?,
            end: el.num("content-end")?,
        },
        text: el.text.clone(),
        line: el.num("line")?,
        end_line: el.num("end-line")?,
    })
}

fn anchor(el: &El) -> Res<Anchor> {
    Ok(Anchor {
        id: el.id()?,
        span: el.span()?,
        text: el.string("text")?,
        style: el.enumeration("style")?,
        numbers: el
            .req("numbers")?
            .split_ascii_whitespace()
            .map(|n| {
                n.parse()
                    .map_err(|_| invalid(el, format!("not a number: {n:?}")))
            })
            .collect::<Res<_>>()?,
        notes: el.links("link")?,
        block: el.num("block")?,
    })
}

fn note(el: &El) -> Res<Note> {
    Ok(Note {
        id: el.id()?,
        number: el.num("number")?,
        label: el.string("label")?,
        span: el.span()?,
        text: el.req_child("text")?.spanned_str()?,
        references: el
            .children("reference")
            .map(reference)
            .collect::<Res<_>>()?,
        commentary: el.spanned_strs("commentary")?,
        anchors: el.links("link")?,
        block: el.num("block")?,
    })
}

fn person(el: &El) -> Res<Spanned<Person>> {
    Ok(Spanned {
        value: Person {
            family: el.opt_string("family"),
            given: el.opt_string("given"),
            literal: el.opt_string("literal"),
            suffix: el.opt_string("suffix"),
        },
        span: el.opt_span()?,
    })
}

fn opt_spanned_date(el: &El, name: &str) -> Res<Option<Spanned<Date>>> {
    el.child(name)
        .map(|c| {
            Ok(Spanned {
                value: date(c.req_child("date")?)?,
                span: c.opt_span()?,
            })
        })
        .transpose()
}

fn reference(el: &El) -> Res<Reference> {
    let people = |name| el.children(name).map(person).collect::<Res<Vec<_>>>();
    Ok(Reference {
        id: el.id()?,
        span: el.span()?,
        raw: el.req_child("raw")?.text.clone(),
        kind: el.enumeration("type")?,
        authors: people("author")?,
        editors: people("editor")?,
        translators: people("translator")?,
        et_al: el.boolean("et-al")?,
        title: el.opt_spanned_str("title")?,
        container_title: el.opt_spanned_str("container-title")?,
        publisher: el.opt_spanned_str("publisher")?,
        publisher_place: el.opt_spanned_str("publisher-place")?,
        event: el.opt_spanned_str("event")?,
        genre: el.opt_spanned_str("genre")?,
        issued: opt_spanned_date(el, "issued")?,
        accessed: opt_spanned_date(el, "accessed")?,
        volume: el.opt_spanned_str("volume")?,
        issue: el.opt_spanned_str("issue")?,
        number: el.opt_spanned_str("number")?,
        collection_title: el.opt_spanned_str("collection-title")?,
        collection_number: el.opt_spanned_str("collection-number")?,
        page: el.opt_spanned_str("page")?,
        locator: el.opt_spanned_str("locator")?,
        url: el.opt_spanned_str("url")?,
        doi: el.opt_spanned_str("doi")?,
        language: el.opt_string("language"),
        repeat: el
            .child("repeat")
            .map(|r| {
                Ok::<_, Error>(Repeat {
                    kind: r.enumeration("kind")?,
                    target: match (r.attr("target"), r.attr("target-key")) {
                        (None, None) => None,
                        _ => Some(r.link("target", "target-key")?),
                    },
                })
            })
            .transpose()?,
    })
}

fn date(el: &El) -> Res<Date> {
    if el.name != "date" {
        return Err(invalid(el, "expected `date`"));
    }
    Ok(Date {
        start: el.ymd("value")?,
        end: el.opt_ymd("end-value")?,
        precision: el.enumeration("precision")?,
        kind: el.enumeration("kind")?,
        season: el.opt_enumeration("season")?,
        part: el.opt_enumeration("part")?,
        era: el.opt_enumeration("era")?,
        relative: el
            .child("relative")
            .map(|r| {
                Ok::<_, Error>(Relative {
                    expression: r.string("expression")?,
                    anchoring: r.enumeration("anchoring")?,
                    against: r.opt_ymd("against")?,
                })
            })
            .transpose()?,
        damaged: el.boolean("damaged")?,
        readings: el
            .children("reading")
            .map(|r| {
                let score = r.req("score")?;
                Ok(Reading {
                    value: r.ymd("value")?,
                    score: parse_float(score)
                        .ok_or_else(|| invalid(r, format!("not a float: {score:?}")))?,
                    reason: r.string("reason")?,
                })
            })
            .collect::<Res<_>>()?,
    })
}

fn date_mention(el: &El) -> Res<DateMention> {
    Ok(DateMention {
        span: el.span()?,
        text: el.string("text")?,
        date: date(el.req_child("date")?)?,
    })
}

fn mention(el: &El) -> Res<Mention> {
    Ok(Mention {
        span: el.span()?,
        text: el.string("text")?,
        category: el.enumeration("category")?,
        entity: el.link("entity", "entity-key")?,
        compound: el.opt_string("compound"),
        date: el.child("date").map(date).transpose()?,
        block: el.num("block")?,
    })
}

fn entities(el: &El) -> Res<Entities> {
    let list = |name: &str| -> Res<Vec<Entity>> {
        el.req_child(name)?.children("entity").map(entity).collect()
    };
    Ok(Entities {
        actors: list("actors")?,
        alliances: list("alliances")?,
        agreements: list("agreements")?,
        events: el
            .req_child("events")?
            .children("event")
            .map(event)
            .collect::<Res<_>>()?,
    })
}

fn entity(el: &El) -> Res<Entity> {
    Ok(Entity {
        id: el.id()?,
        category: el.enumeration("category")?,
        name_ja: el.opt_string("name-ja"),
        name_en: el.opt_string("name-en"),
        abbreviations: el
            .children("abbreviation")
            .map(|a| a.text.clone())
            .collect(),
        kind: el.opt_string("kind"),
        parties: el.links("party")?,
        mentions: el.num("mentions")?,
        learnt: el.boolean("learnt")?,
    })
}

fn event(el: &El) -> Res<AgreementEvent> {
    Ok(AgreementEvent {
        agreement: el.link("agreement", "agreement-key")?,
        kind: el.enumeration("kind")?,
        date: el.child("date").map(date).transpose()?,
        parties: el.links("party")?,
        span: el.opt_span()?,
    })
}

fn diagnostic(el: &El) -> Res<Diagnostic> {
    Ok(Diagnostic {
        severity: el.enumeration("severity")?,
        code: el.string("code")?,
        message: el.text.clone(),
        span: el.opt_span()?,
        line: el.opt_num("line")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ymd_forms() {
        assert_eq!(parse_ymd("2024"), Some(Ymd::year(2024)));
        assert_eq!(parse_ymd("2024-03"), Some(Ymd::month(2024, 3)));
        assert_eq!(parse_ymd("2024-03-09"), Some(Ymd::day(2024, 3, 9)));
        assert_eq!(
            parse_ymd("Y-5MD31"),
            Some(Ymd {
                year: -5,
                month: None,
                day: Some(31)
            })
        );
        assert_eq!(parse_ymd("24-03"), None);
        assert_eq!(parse_ymd("2024-03-09-1"), None);
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        for bad in [
            "",
            "<document",
            "<a/>",
            "<document xmlns='urn:other'/>",
            "<document xmlns='urn:domei:xml:1'/>",
            "<document xmlns='urn:domei:xml:1'></x>",
            &"<a>".repeat(100_000),
        ] {
            assert!(read_document(bad.as_bytes()).is_err(), "{bad}");
        }
    }
}
