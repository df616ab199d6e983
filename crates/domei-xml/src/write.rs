//! The domei XML writer. Every struct of the model is destructured without `..`, so a
//! field added to the model is a compile error here until it is written.

use std::collections::HashMap;
use std::io::Write;

use domei_model::{
    AgreementEvent, Anchor, Author, Block, BlockKind, Date, DateMention, Diagnostic, Document,
    Encoding, Entities, Entity, Mention, Metadata, Note, OtherTitle, Person, Reading, Reference,
    Relative, Repeat, Severity, Source, Span, Spanned, Translation, Venue, Ymd,
};

use crate::out::{Out, is_ncname};
use crate::{Error, NAMESPACE, enum_name};

type R = Result<(), Error>;

/// FNV-1a: a fast hasher for the short ids of one document (no untrusted keys that
/// could be chosen to collide matter here: the worst case is a slower write).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Which model ids can be written as `xs:ID`: ASCII NCNames defined exactly once.
pub(crate) struct Ids<'d> {
    /// Every defined id, and whether it is usable as an `xs:ID`.
    defined: FnvMap<&'d str, bool>,
}

impl<'d> Ids<'d> {
    pub(crate) fn of(doc: &'d Document) -> Self {
        let mut defined: FnvMap<&str, bool> = FnvMap::default();
        let mut add = |id: &'d str| {
            defined
                .entry(id)
                .and_modify(|usable| *usable = false)
                .or_insert_with(|| is_ncname(id));
        };
        doc.anchors.iter().for_each(|a| add(&a.id));
        for n in &doc.notes {
            add(&n.id);
            n.references.iter().for_each(|r| add(&r.id));
        }
        let e = &doc.entities;
        for ent in e.actors.iter().chain(&e.alliances).chain(&e.agreements) {
            add(&ent.id);
        }
        Ids { defined }
    }

    /// True when `id` is written as an `xs:ID` (and links to it as `xs:IDREF`).
    pub(crate) fn usable(&self, id: &str) -> bool {
        self.defined.get(id) == Some(&true)
    }
}

struct W<'d, O: Write> {
    o: Out<O>,
    ids: Ids<'d>,
}

/// Write `doc` as domei XML.
pub(crate) fn write_document<O: Write>(doc: &Document, out: O) -> R {
    let mut w = W {
        o: Out::new(out),
        ids: Ids::of(doc),
    };
    w.document(doc)?;
    w.o.finish()?;
    Ok(())
}

impl<O: Write> W<'_, O> {
    /// ` id="…"` (xs:ID) or ` key="…"` for an id that cannot be one.
    fn def_id(&mut self, id: &str) -> R {
        let key = if self.ids.usable(id) { "id" } else { "key" };
        Ok(self.o.attr(key, id)?)
    }

    /// A link attribute: `name` (xs:IDREF) or `name-key` for a target that is not an xs:ID.
    fn link_attr(&mut self, name: &str, key_name: &str, target: &str) -> R {
        let name = if self.ids.usable(target) {
            name
        } else {
            key_name
        };
        Ok(self.o.attr(name, target)?)
    }

    /// `<name idref="…"/>` or `<name key="…"/>`.
    fn link_el(&mut self, name: &str, target: &str) -> R {
        self.o.open(name)?;
        self.link_attr("idref", "key", target)?;
        Ok(self.o.empty()?)
    }

    fn span(&mut self, span: &Span) -> R {
        let Span { start, end } = span;
        self.o.attr_display("start", start)?;
        Ok(self.o.attr_display("end", end)?)
    }

    fn opt_span(&mut self, span: &Option<Span>) -> R {
        match span {
            Some(s) => self.span(s),
            None => Ok(()),
        }
    }

    fn spanned_str(&mut self, name: &str, s: &Spanned<String>) -> R {
        let Spanned { value, span } = s;
        self.o.open(name)?;
        self.opt_span(span)?;
        self.o.gt()?;
        self.o.text(value)?;
        Ok(self.o.close(name)?)
    }

    fn opt_spanned_str(&mut self, name: &str, s: &Option<Spanned<String>>) -> R {
        match s {
            Some(s) => self.spanned_str(name, s),
            None => Ok(()),
        }
    }

    fn document(&mut self, doc: &Document) -> R {
        let Document {
            format_version,
            id,
            source,
            text,
            metadata,
            blocks,
            anchors,
            notes,
            dates,
            mentions,
            entities,
            diagnostics,
        } = doc;
        self.o.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
        self.o.open("document")?;
        self.o.attr("xmlns", NAMESPACE)?;
        self.o.attr_display("format-version", format_version)?;
        self.o.attr("id", id)?;
        self.o.raw(">\n")?;
        self.source(source)?;
        self.o.text_element("text", text)?;
        self.metadata(metadata)?;
        self.o.raw("<blocks>\n")?;
        for b in blocks {
            self.block(b)?;
        }
        self.o.raw("</blocks>\n<anchors>\n")?;
        for a in anchors {
            self.anchor(a)?;
        }
        self.o.raw("</anchors>\n<notes>\n")?;
        for n in notes {
            self.note(n)?;
        }
        self.o.raw("</notes>\n<dates>\n")?;
        for d in dates {
            self.date_mention("date-mention", d)?;
        }
        self.o.raw("</dates>\n<mentions>\n")?;
        for m in mentions {
            self.mention(m)?;
        }
        self.o.raw("</mentions>\n")?;
        self.entities(entities)?;
        self.o.raw("<diagnostics>\n")?;
        for d in diagnostics {
            self.diagnostic(d)?;
        }
        if self.o.replaced > 0 {
            let d = Diagnostic::new(
                Severity::Warning,
                "xml.char_replaced",
                format!(
                    "{} characters that XML 1.0 does not allow were replaced with U+FFFD",
                    self.o.replaced
                ),
            );
            self.diagnostic(&d)?;
        }
        self.o.raw("</diagnostics>\n</document>\n")?;
        Ok(())
    }

    fn source(&mut self, s: &Source) -> R {
        let Source {
            path,
            byte_len,
            sha256,
            encoding,
            line_endings,
            text_len,
        } = s;
        let Encoding {
            name,
            bom,
            detected_by,
            replacements,
        } = encoding;
        self.o.open("source")?;
        self.o.attr("path", path)?;
        self.o.attr_display("byte-len", byte_len)?;
        self.o.attr("sha256", sha256)?;
        self.o.attr("line-endings", enum_name(line_endings)?)?;
        self.o.attr_display("text-len", text_len)?;
        self.o.raw(">\n")?;
        self.o.open("encoding")?;
        self.o.attr("name", name)?;
        self.o.attr_display("bom", bom)?;
        self.o.attr("detected-by", enum_name(detected_by)?)?;
        self.o.attr_display("replacements", replacements)?;
        self.o.empty()?;
        Ok(self.o.close("source")?)
    }

    fn metadata(&mut self, m: &Metadata) -> R {
        let Metadata {
            title,
            subtitle,
            other_titles,
            authors,
            published,
            issue_date,
            written,
            venue,
            section,
            categories,
            tags,
            summary,
            kind,
            language,
            translation,
        } = m;
        self.o.open("metadata")?;
        self.o.attr("kind", enum_name(kind)?)?;
        self.o.attr("language", language)?;
        self.o.raw(">\n")?;
        self.opt_spanned_str("title", title)?;
        self.opt_spanned_str("subtitle", subtitle)?;
        for OtherTitle { title, language } in other_titles {
            let Spanned { value, span } = title;
            self.o.open("other-title")?;
            self.o.attr("language", language)?;
            self.opt_span(span)?;
            self.o.gt()?;
            self.o.text(value)?;
            self.o.close("other-title")?;
        }
        for a in authors {
            self.author(a)?;
        }
        if let Some(d) = published {
            self.date_mention("published", d)?;
        }
        if let Some(d) = issue_date {
            self.date_mention("issue-date", d)?;
        }
        if let Some(d) = written {
            self.date_mention("written", d)?;
        }
        self.venue(venue)?;
        self.opt_spanned_str("section", section)?;
        for c in categories {
            self.spanned_str("category", c)?;
        }
        for t in tags {
            self.spanned_str("tag", t)?;
        }
        self.opt_spanned_str("summary", summary)?;
        self.translation(translation)?;
        Ok(self.o.close("metadata")?)
    }

    fn author(&mut self, a: &Author) -> R {
        let Author {
            name,
            role,
            affiliation,
            bio,
        } = a;
        self.o.open("author")?;
        self.o.attr("role", enum_name(role)?)?;
        self.o.raw(">\n")?;
        self.spanned_str("name", name)?;
        self.opt_spanned_str("affiliation", affiliation)?;
        self.opt_spanned_str("bio", bio)?;
        Ok(self.o.close("author")?)
    }

    fn venue(&mut self, v: &Venue) -> R {
        let Venue {
            site,
            project,
            series,
            series_number,
            periodical,
            issue,
        } = v;
        self.o.raw("<venue>\n")?;
        self.opt_spanned_str("site", site)?;
        self.opt_spanned_str("project", project)?;
        self.opt_spanned_str("series", series)?;
        self.opt_spanned_str("series-number", series_number)?;
        self.opt_spanned_str("periodical", periodical)?;
        self.opt_spanned_str("issue", issue)?;
        Ok(self.o.close("venue")?)
    }

    fn translation(&mut self, t: &Translation) -> R {
        let Translation {
            is_translation,
            original_title,
            original_language,
            translator,
            machine_translation_likely,
            evidence,
        } = t;
        self.o.open("translation")?;
        self.o.attr_display("is-translation", is_translation)?;
        self.o
            .attr_display("machine-translation-likely", machine_translation_likely)?;
        self.o
            .attr_opt("original-language", original_language.as_deref())?;
        self.o.raw(">\n")?;
        self.opt_spanned_str("original-title", original_title)?;
        self.opt_spanned_str("translator", translator)?;
        for e in evidence {
            self.o.text_element("evidence", e)?;
        }
        Ok(self.o.close("translation")?)
    }

    fn block(&mut self, b: &Block) -> R {
        let Block {
            kind,
            span,
            content,
            text,
            line,
            end_line,
        } = b;
        let name = match kind {
            BlockKind::Blank => "blank",
            BlockKind::Meta { .. } => "meta",
            BlockKind::Heading { .. } => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Quote => "quote",
            BlockKind::ListItem { .. } => "list-item",
            BlockKind::NotesHeading => "notes-heading",
            BlockKind::Note { .. } => "note-block",
            BlockKind::Signature => "signature",
            BlockKind::Chrome { .. } => "chrome",
        };
        self.o.open(name)?;
        match kind {
            BlockKind::Blank
            | BlockKind::Paragraph
            | BlockKind::Quote
            | BlockKind::NotesHeading
            | BlockKind::Signature => {}
            BlockKind::Meta { field } => self.o.attr("field", enum_name(field)?)?,
            BlockKind::Heading { level, number } => {
                self.o.attr_display("level", level)?;
                self.o.attr_opt("number", number.as_deref())?;
            }
            BlockKind::ListItem { marker } => self.o.attr("marker", marker)?,
            BlockKind::Note { label } => self.o.attr("label", label)?,
            BlockKind::Chrome { chrome } => self.o.attr("chrome", enum_name(chrome)?)?,
        }
        self.span(span)?;
        let Span { start, end } = content;
        self.o.attr_display("content-start", start)?;
        self.o.attr_display("content-end", end)?;
        self.o.attr_display("line", line)?;
        self.o.attr_display("end-line", end_line)?;
        self.o.gt()?;
        self.o.text(text)?;
        Ok(self.o.close(name)?)
    }

    fn anchor(&mut self, a: &Anchor) -> R {
        let Anchor {
            id,
            span,
            text,
            style,
            numbers,
            notes,
            block,
        } = a;
        self.o.open("anchor")?;
        self.def_id(id)?;
        self.span(span)?;
        self.o.attr("text", text)?;
        self.o.attr("style", enum_name(style)?)?;
        self.o.raw(" numbers=\"")?;
        for (i, n) in numbers.iter().enumerate() {
            if i > 0 {
                self.o.raw(" ")?;
            }
            self.o.plain(n)?;
        }
        self.o.raw("\"")?;
        self.o.attr_display("block", block)?;
        self.o.raw(">\n")?;
        for n in notes {
            self.link_el("link", n)?;
        }
        Ok(self.o.close("anchor")?)
    }

    fn note(&mut self, n: &Note) -> R {
        let Note {
            id,
            number,
            label,
            span,
            text,
            references,
            commentary,
            anchors,
            block,
        } = n;
        self.o.open("note")?;
        self.def_id(id)?;
        self.o.attr_display("number", number)?;
        self.o.attr("label", label)?;
        self.span(span)?;
        self.o.attr_display("block", block)?;
        self.o.raw(">\n")?;
        self.spanned_str("text", text)?;
        for r in references {
            self.reference(r)?;
        }
        for c in commentary {
            self.spanned_str("commentary", c)?;
        }
        for a in anchors {
            self.link_el("link", a)?;
        }
        Ok(self.o.close("note")?)
    }

    fn person(&mut self, name: &str, p: &Spanned<Person>) -> R {
        let Spanned { value, span } = p;
        let Person {
            family,
            given,
            literal,
            suffix,
        } = value;
        self.o.open(name)?;
        self.o.attr_opt("family", family.as_deref())?;
        self.o.attr_opt("given", given.as_deref())?;
        self.o.attr_opt("literal", literal.as_deref())?;
        self.o.attr_opt("suffix", suffix.as_deref())?;
        self.opt_span(span)?;
        Ok(self.o.empty()?)
    }

    fn opt_spanned_date(&mut self, name: &str, d: &Option<Spanned<Date>>) -> R {
        if let Some(Spanned { value, span }) = d {
            self.o.open(name)?;
            self.opt_span(span)?;
            self.o.raw(">\n")?;
            self.date(value)?;
            self.o.close(name)?;
        }
        Ok(())
    }

    fn reference(&mut self, r: &Reference) -> R {
        let Reference {
            id,
            span,
            raw,
            kind,
            authors,
            editors,
            translators,
            et_al,
            title,
            container_title,
            publisher,
            publisher_place,
            event,
            genre,
            issued,
            accessed,
            volume,
            issue,
            number,
            collection_title,
            collection_number,
            page,
            locator,
            url,
            doi,
            language,
            repeat,
        } = r;
        self.o.open("reference")?;
        self.def_id(id)?;
        self.span(span)?;
        self.o.attr("type", enum_name(kind)?)?;
        self.o.attr_display("et-al", et_al)?;
        self.o.attr_opt("language", language.as_deref())?;
        self.o.raw(">\n")?;
        self.o.text_element("raw", raw)?;
        for p in authors {
            self.person("author", p)?;
        }
        for p in editors {
            self.person("editor", p)?;
        }
        for p in translators {
            self.person("translator", p)?;
        }
        self.opt_spanned_str("title", title)?;
        self.opt_spanned_str("container-title", container_title)?;
        self.opt_spanned_str("publisher", publisher)?;
        self.opt_spanned_str("publisher-place", publisher_place)?;
        self.opt_spanned_str("event", event)?;
        self.opt_spanned_str("genre", genre)?;
        self.opt_spanned_date("issued", issued)?;
        self.opt_spanned_date("accessed", accessed)?;
        self.opt_spanned_str("volume", volume)?;
        self.opt_spanned_str("issue", issue)?;
        self.opt_spanned_str("number", number)?;
        self.opt_spanned_str("collection-title", collection_title)?;
        self.opt_spanned_str("collection-number", collection_number)?;
        self.opt_spanned_str("page", page)?;
        self.opt_spanned_str("locator", locator)?;
        self.opt_spanned_str("url", url)?;
        self.opt_spanned_str("doi", doi)?;
        if let Some(Repeat { kind, target }) = repeat {
            self.o.open("repeat")?;
            self.o.attr("kind", enum_name(kind)?)?;
            if let Some(t) = target {
                self.link_attr("target", "target-key", t)?;
            }
            self.o.empty()?;
        }
        Ok(self.o.close("reference")?)
    }

    fn date(&mut self, d: &Date) -> R {
        let Date {
            start,
            end,
            precision,
            kind,
            season,
            part,
            era,
            relative,
            damaged,
            readings,
        } = d;
        self.o.open("date")?;
        self.o.attr("value", &ymd_lexical(start))?;
        if let Some(e) = end {
            self.o.attr("end-value", &ymd_lexical(e))?;
        }
        self.o.attr("precision", enum_name(precision)?)?;
        self.o.attr("kind", enum_name(kind)?)?;
        if let Some(s) = season {
            self.o.attr("season", enum_name(s)?)?;
        }
        if let Some(p) = part {
            self.o.attr("part", enum_name(p)?)?;
        }
        if let Some(e) = era {
            self.o.attr("era", enum_name(e)?)?;
        }
        self.o.attr_display("damaged", damaged)?;
        if relative.is_none() && readings.is_empty() {
            return Ok(self.o.empty()?);
        }
        self.o.raw(">\n")?;
        if let Some(Relative {
            expression,
            anchoring,
            against,
        }) = relative
        {
            self.o.open("relative")?;
            self.o.attr("expression", expression)?;
            self.o.attr("anchoring", enum_name(anchoring)?)?;
            if let Some(a) = against {
                self.o.attr("against", &ymd_lexical(a))?;
            }
            self.o.empty()?;
        }
        for Reading {
            value,
            score,
            reason,
        } in readings
        {
            self.o.open("reading")?;
            self.o.attr("value", &ymd_lexical(value))?;
            self.o.attr("score", &float_lexical(*score))?;
            self.o.attr("reason", reason)?;
            self.o.empty()?;
        }
        Ok(self.o.close("date")?)
    }

    fn date_mention(&mut self, name: &str, d: &DateMention) -> R {
        let DateMention { span, text, date } = d;
        self.o.open(name)?;
        self.span(span)?;
        self.o.attr("text", text)?;
        self.o.raw(">\n")?;
        self.date(date)?;
        Ok(self.o.close(name)?)
    }

    fn mention(&mut self, m: &Mention) -> R {
        let Mention {
            span,
            text,
            category,
            entity,
            compound,
            date,
            block,
        } = m;
        self.o.open("mention")?;
        self.span(span)?;
        self.o.attr("text", text)?;
        self.o.attr("category", enum_name(category)?)?;
        self.link_attr("entity", "entity-key", entity)?;
        self.o.attr_opt("compound", compound.as_deref())?;
        self.o.attr_display("block", block)?;
        match date {
            Some(d) => {
                self.o.raw(">\n")?;
                self.date(d)?;
                Ok(self.o.close("mention")?)
            }
            None => Ok(self.o.empty()?),
        }
    }

    fn entities(&mut self, e: &Entities) -> R {
        let Entities {
            actors,
            alliances,
            agreements,
            events,
        } = e;
        self.o.raw("<entities>\n<actors>\n")?;
        for x in actors {
            self.entity(x)?;
        }
        self.o.raw("</actors>\n<alliances>\n")?;
        for x in alliances {
            self.entity(x)?;
        }
        self.o.raw("</alliances>\n<agreements>\n")?;
        for x in agreements {
            self.entity(x)?;
        }
        self.o.raw("</agreements>\n<events>\n")?;
        for x in events {
            self.event(x)?;
        }
        Ok(self.o.raw("</events>\n</entities>\n")?)
    }

    fn entity(&mut self, e: &Entity) -> R {
        let Entity {
            id,
            category,
            name_ja,
            name_en,
            abbreviations,
            kind,
            parties,
            mentions,
            learnt,
        } = e;
        self.o.open("entity")?;
        self.def_id(id)?;
        self.o.attr("category", enum_name(category)?)?;
        self.o.attr_opt("name-ja", name_ja.as_deref())?;
        self.o.attr_opt("name-en", name_en.as_deref())?;
        self.o.attr_opt("kind", kind.as_deref())?;
        self.o.attr_display("mentions", mentions)?;
        self.o.attr_display("learnt", learnt)?;
        self.o.raw(">\n")?;
        for a in abbreviations {
            self.o.text_element("abbreviation", a)?;
        }
        for p in parties {
            self.link_el("party", p)?;
        }
        Ok(self.o.close("entity")?)
    }

    fn event(&mut self, ev: &AgreementEvent) -> R {
        let AgreementEvent {
            agreement,
            kind,
            date,
            parties,
            span,
        } = ev;
        self.o.open("event")?;
        self.link_attr("agreement", "agreement-key", agreement)?;
        self.o.attr("kind", enum_name(kind)?)?;
        self.opt_span(span)?;
        self.o.raw(">\n")?;
        if let Some(d) = date {
            self.date(d)?;
        }
        for p in parties {
            self.link_el("party", p)?;
        }
        Ok(self.o.close("event")?)
    }

    fn diagnostic(&mut self, d: &Diagnostic) -> R {
        let Diagnostic {
            severity,
            code,
            message,
            span,
            line,
        } = d;
        self.o.open("diagnostic")?;
        self.o.attr("severity", enum_name(severity)?)?;
        self.o.attr("code", code)?;
        self.opt_span(span)?;
        if let Some(l) = line {
            self.o.attr_display("line", l)?;
        }
        self.o.gt()?;
        self.o.text(message)?;
        Ok(self.o.close("diagnostic")?)
    }
}

/// True when `year-month-day` is a day of the proleptic Gregorian calendar.
pub(crate) fn valid_day(year: i32, month: u8, day: u8) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// The ISO 8601 form of a calendar point (`2024`, `2024-10`, `2024-10-27`) when it is a
/// real date in years 1–9999, else `None`.
pub(crate) fn ymd_iso(y: &Ymd) -> Option<String> {
    let Ymd { year, month, day } = *y;
    if !(1..=9999).contains(&year) {
        return None;
    }
    match (month, day) {
        (None, None) => Some(format!("{year:04}")),
        (Some(m), None) if (1..=12).contains(&m) => Some(format!("{year:04}-{m:02}")),
        (Some(m), Some(d)) if valid_day(year, m, d) => Some(format!("{year:04}-{m:02}-{d:02}")),
        _ => None,
    }
}

/// The domei XML form of a calendar point: ISO 8601 when it is a real date (an
/// `xs:date` for a day, a pattern for a year or month), else the raw parts as
/// `Y<year>M<month>D<day>` so that nothing is lost.
pub(crate) fn ymd_lexical(y: &Ymd) -> String {
    ymd_iso(y).unwrap_or_else(|| {
        let opt = |v: Option<u8>| v.map_or(String::new(), |v| v.to_string());
        format!("Y{}M{}D{}", y.year, opt(y.month), opt(y.day))
    })
}

/// An `xs:float` lexical form that reads back to the same `f32`.
pub(crate) fn float_lexical(f: f32) -> String {
    if f.is_nan() {
        "NaN".to_owned()
    } else if f == f32::INFINITY {
        "INF".to_owned()
    } else if f == f32::NEG_INFINITY {
        "-INF".to_owned()
    } else {
        format!("{f:?}")
    }
}
