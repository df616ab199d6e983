//! TEI P5: the article as a TEI document that validates against `tei_all.rng` (TEI P5
//! 4.12.0). The choices, with the Guidelines chapters they follow, are in `docs/tei.md`.
//!
//! - `teiHeader`: `titleStmt` (titles, authors, editors, translators as `respStmt`),
//!   `publicationStmt` (site as `publisher`, publication date, document id),
//!   `seriesStmt`, `notesStmt`, `sourceDesc` with a `bibl` of the venue, `profileDesc`
//!   (`abstract`, `langUsage`, `textClass/keywords`).
//! - `text/body`: `div`/`head` from the headings, `p`, `quote`, `list/item`, the closing
//!   signature as `closer/signed`; anchors as `ref type="noteAnchor"`, dates as `date
//!   when=` (or `from`/`to`, `notBefore`/`notAfter`), mentions as `rs ref=`.
//! - `text/back`: the notes as `note place="foot"` with `xml:id` and `n`, each
//!   reference inside as a `bibl` whose fields are marked where they stand; a `listBibl`
//!   of `biblStruct`s for the full references.
//! - `standOff`: actors, alliances and frameworks in `listOrg`, memberships and parties
//!   in `listRelation`, agreements and their events in `listEvent`.

use std::collections::HashSet;
use std::io::Write;

use domei_model::{
    AgreementEvent, Anchor, AuthorRole, BlockKind, Date, DateMention, Document, Entity, Mention,
    Note, Person, Precision, Reference, ReferenceType, Season, Span, Spanned, Ymd,
};

use crate::Error;
use crate::out::{Out, is_ncname};
use crate::write::{FnvMap, ymd_iso};

type R = Result<(), Error>;

/// The TEI namespace.
pub const TEI_NAMESPACE: &str = "http://www.tei-c.org/ns/1.0";

/// Write `doc` as TEI P5.
pub fn write<W: Write>(doc: &Document, out: W) -> Result<(), Error> {
    let mut t = Tei {
        o: Out::new(out),
        doc,
        ids: TeiIds::of(doc),
    };
    t.document()?;
    t.o.finish()?;
    Ok(())
}

/// `xml:id`s: model ids where they are NCNames, made-up ones elsewhere; all unique.
struct TeiIds<'d> {
    used: HashSet<String>,
    notes: FnvMap<&'d str, String>,
    refs: FnvMap<&'d str, String>,
    entities: FnvMap<&'d str, String>,
    note_ids: Vec<String>,
    /// The `xml:id` of each reference's `bibl`, by note and reference index.
    ref_ids: Vec<Vec<String>>,
    /// Entity `xml:id`s already written (an entity listed twice gets its id once).
    emitted: HashSet<String>,
}

impl<'d> TeiIds<'d> {
    fn of(doc: &'d Document) -> Self {
        let mut ids = TeiIds {
            used: HashSet::new(),
            notes: FnvMap::default(),
            refs: FnvMap::default(),
            entities: FnvMap::default(),
            note_ids: Vec::with_capacity(doc.notes.len()),
            ref_ids: Vec::with_capacity(doc.notes.len()),
            emitted: HashSet::new(),
        };
        for (i, n) in doc.notes.iter().enumerate() {
            let id = ids.claim(&n.id, &format!("note{}", i + 1));
            ids.notes.entry(&n.id).or_insert_with(|| id.clone());
            ids.note_ids.push(id);
            let mut refs = Vec::with_capacity(n.references.len());
            for (k, r) in n.references.iter().enumerate() {
                let id = ids.claim(&r.id, &format!("note{}-bibl{}", i + 1, k + 1));
                ids.refs.entry(&r.id).or_insert_with(|| id.clone());
                refs.push(id);
            }
            ids.ref_ids.push(refs);
        }
        let e = &doc.entities;
        for ent in e.actors.iter().chain(&e.alliances).chain(&e.agreements) {
            if ids.entities.contains_key(ent.id.as_str()) {
                continue;
            }
            let id = ids.claim(&ent.id, &sanitize(&ent.id));
            ids.entities.insert(&ent.id, id);
        }
        ids
    }

    /// `wanted` when it is a free NCName, else `fallback`, made unique.
    fn claim(&mut self, wanted: &str, fallback: &str) -> String {
        let base = if is_ncname(wanted) { wanted } else { fallback };
        let mut id = base.to_owned();
        let mut k = 2;
        while self.used.contains(&id) {
            id = format!("{base}-{k}");
            k += 1;
        }
        self.used.insert(id.clone());
        id
    }

    fn pointer(map: &FnvMap<&str, String>, key: &str) -> Option<String> {
        map.get(key).map(|id| format!("#{id}"))
    }
}

/// An NCName made from any id: letters, digits, `-`, `.`, `_` kept, the rest `-`.
fn sanitize(id: &str) -> String {
    let mut s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if !s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        s.insert_str(0, "e-");
    }
    s
}

/// True for a BCP 47-looking tag TEI accepts in `xml:lang` and `ident`.
fn is_language(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// TEI dating attributes of a date (`when`, `from`/`to`, `notBefore`/`notAfter`), in
/// W3C forms only; none when the value is not a real date.
fn date_attrs(d: &Date) -> Vec<(&'static str, String)> {
    let mut attrs = Vec::new();
    if let Some(end) = &d.end {
        if let (Some(a), Some(b)) = (ymd_iso(&d.start), ymd_iso(end)) {
            attrs.push(("from", a));
            attrs.push(("to", b));
        }
        return attrs;
    }
    let y = d.start.year;
    let months = match (d.precision, d.season) {
        (Precision::FiscalYear, _) => Some(((y, 4), (y + 1, 3))),
        (Precision::Season, Some(Season::Spring)) => Some(((y, 3), (y, 5))),
        (Precision::Season, Some(Season::Summer)) => Some(((y, 6), (y, 8))),
        (Precision::Season, Some(Season::Autumn)) => Some(((y, 9), (y, 11))),
        (Precision::Season, Some(Season::Winter)) => Some(((y, 12), (y + 1, 2))),
        _ => None,
    };
    if let Some(((y1, m1), (y2, m2))) = months {
        if let (Some(a), Some(b)) = (ymd_iso(&Ymd::month(y1, m1)), ymd_iso(&Ymd::month(y2, m2))) {
            attrs.push(("notBefore", a));
            attrs.push(("notAfter", b));
        }
        return attrs;
    }
    if let Some(w) = ymd_iso(&d.start) {
        attrs.push(("when", w));
    }
    attrs
}

/// An element to put around a span of text.
struct Mark {
    span: Span,
    /// Order among marks with the same span: lower opens first (outside).
    rank: u8,
    name: &'static str,
    attrs: Attrs,
}

/// The attributes of a mark: given, or made when the element is written from the
/// anchor, date or mention it stands for (the body has many; no allocation for them).
enum Attrs {
    Given(Vec<(&'static str, String)>),
    Anchor(usize),
    Date(usize),
    Mention(usize),
}

impl Mark {
    fn new(span: Span, rank: u8, name: &'static str, attrs: Vec<(&'static str, String)>) -> Self {
        Mark {
            span,
            rank,
            name,
            attrs: Attrs::Given(attrs),
        }
    }
}

struct Tei<'d, W: Write> {
    o: Out<W>,
    doc: &'d Document,
    ids: TeiIds<'d>,
}

impl<W: Write> Tei<'_, W> {
    fn el(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> R {
        self.o.open(name)?;
        for (k, v) in attrs {
            self.o.attr(k, v)?;
        }
        self.o.gt()?;
        self.o.text(text)?;
        Ok(self.o.close(name)?)
    }

    fn document(&mut self) -> R {
        let doc = self.doc;
        self.o.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
        self.o.open("TEI")?;
        self.o.attr("xmlns", TEI_NAMESPACE)?;
        if is_language(&doc.metadata.language) {
            self.o.attr("xml:lang", &doc.metadata.language)?;
        }
        self.o.raw(">\n")?;
        self.header()?;
        self.o.raw("<text>\n")?;
        self.body()?;
        self.back()?;
        self.o.raw("</text>\n")?;
        self.stand_off()?;
        Ok(self.o.raw("</TEI>\n")?)
    }

    // ---------- header ----------

    fn header(&mut self) -> R {
        let doc = self.doc;
        let m = &doc.metadata;
        self.o.raw("<teiHeader>\n<fileDesc>\n<titleStmt>\n")?;
        match &m.title {
            Some(t) => self.el("title", &[("type", "main")], &t.value)?,
            None => self.o.raw("<title/>\n")?,
        }
        if let Some(t) = &m.subtitle {
            self.el("title", &[("type", "sub")], &t.value)?;
        }
        for ot in &m.other_titles {
            if is_language(&ot.language) {
                self.el(
                    "title",
                    &[("type", "alt"), ("xml:lang", &ot.language)],
                    &ot.title.value,
                )?;
            } else {
                self.el("title", &[("type", "alt")], &ot.title.value)?;
            }
        }
        for a in &m.authors {
            match a.role {
                AuthorRole::Author if a.affiliation.is_none() && a.bio.is_none() => {
                    self.el("author", &[], &a.name.value)?
                }
                AuthorRole::Author => {
                    self.o.raw("<author>")?;
                    self.el("name", &[], &a.name.value)?;
                    if let Some(aff) = &a.affiliation {
                        self.el("affiliation", &[], &aff.value)?;
                    }
                    if let Some(bio) = &a.bio {
                        self.el("note", &[("type", "bio")], &bio.value)?;
                    }
                    self.o.raw("</author>\n")?;
                }
                AuthorRole::Editor => self.el("editor", &[], &a.name.value)?,
                AuthorRole::Translator | AuthorRole::OriginalAuthor => {
                    let resp = if a.role == AuthorRole::Translator {
                        "translation"
                    } else {
                        "author of the original"
                    };
                    self.o.raw("<respStmt>\n")?;
                    self.el("resp", &[], resp)?;
                    self.el("name", &[], &a.name.value)?;
                    self.o.raw("</respStmt>\n")?;
                }
            }
        }
        if let Some(t) = &m.translation.translator {
            if !m.authors.iter().any(|a| a.role == AuthorRole::Translator) {
                self.o.raw("<respStmt>\n")?;
                self.el("resp", &[], "translation")?;
                self.el("name", &[], &t.value)?;
                self.o.raw("</respStmt>\n")?;
            }
        }
        self.o.raw("</titleStmt>\n<publicationStmt>\n")?;
        match &m.venue.site {
            Some(site) => {
                self.el("publisher", &[], &site.value)?;
                if let Some(p) = &m.published {
                    self.date_el(p, None, false)?;
                }
                self.el("idno", &[("type", "domei")], &doc.id)?;
            }
            None => {
                self.o.raw("<p>Publisher not stated in the source.")?;
                if let Some(p) = &m.published {
                    self.o.raw(" Published ")?;
                    self.date_el(p, None, true)?;
                }
                self.o.raw("</p>\n")?;
            }
        }
        self.o.raw("</publicationStmt>\n")?;
        if let Some(series) = &m.venue.series {
            self.o.raw("<seriesStmt>\n")?;
            self.el("title", &[("level", "s")], &series.value)?;
            if let Some(n) = &m.venue.series_number {
                self.el("biblScope", &[("unit", "volume")], &n.value)?;
            }
            self.o.raw("</seriesStmt>\n")?;
        }
        let tr = &m.translation;
        if tr.is_translation || tr.machine_translation_likely || !tr.evidence.is_empty() {
            self.o.raw("<notesStmt>\n")?;
            let mut text = String::new();
            if tr.is_translation {
                text.push_str("A translation");
                if let Some(l) = &tr.original_language {
                    text.push_str(" from ");
                    text.push_str(l);
                }
                text.push('.');
            } else {
                text.push_str("Not a translation.");
            }
            if tr.machine_translation_likely {
                text.push_str(" Probably machine-translated.");
            }
            for e in &tr.evidence {
                text.push_str(" Evidence: ");
                text.push_str(e);
                text.push('.');
            }
            self.el("note", &[("type", "translation")], &text)?;
            self.o.raw("</notesStmt>\n")?;
        }
        self.source_desc()?;
        self.o.raw("</fileDesc>\n")?;
        self.o
            .raw("<encodingDesc>\n<appInfo>\n<application ident=\"domei\" version=\"")?;
        self.o.raw(env!("CARGO_PKG_VERSION"))?;
        self.o
            .raw("\">\n<label>domei</label>\n</application>\n</appInfo>\n</encodingDesc>\n")?;
        self.o.raw("<profileDesc>\n")?;
        if let Some(s) = &m.summary {
            self.o.raw("<abstract>\n")?;
            self.el("p", &[], &s.value)?;
            self.o.raw("</abstract>\n")?;
        }
        let lang = if is_language(&m.language) {
            m.language.as_str()
        } else {
            "und"
        };
        self.o.raw("<langUsage>\n")?;
        self.o.open("language")?;
        self.o.attr("ident", lang)?;
        self.o.empty()?;
        self.o.raw("</langUsage>\n")?;
        if m.section.is_some() || !m.categories.is_empty() || !m.tags.is_empty() {
            self.o.raw("<textClass>\n<keywords>\n")?;
            if let Some(s) = &m.section {
                self.el("term", &[("type", "section")], &s.value)?;
            }
            for c in &m.categories {
                self.el("term", &[("type", "category")], &c.value)?;
            }
            for t in &m.tags {
                self.el("term", &[("type", "tag")], &t.value)?;
            }
            self.o.raw("</keywords>\n</textClass>\n")?;
        }
        self.o.raw("</profileDesc>\n</teiHeader>\n")?;
        Ok(())
    }

    fn source_desc(&mut self) -> R {
        let doc = self.doc;
        let m = &doc.metadata;
        let v = &m.venue;
        self.o.raw("<sourceDesc>\n<bibl>\n")?;
        if let Some(t) = &m.title {
            self.el("title", &[("level", "a")], &t.value)?;
        }
        for a in m.authors.iter().filter(|a| a.role == AuthorRole::Author) {
            self.el("author", &[], &a.name.value)?;
        }
        if let Some(p) = &v.periodical {
            self.el("title", &[("level", "j")], &p.value)?;
        }
        if let Some(s) = &v.series {
            self.el("title", &[("level", "s")], &s.value)?;
        }
        if let Some(n) = &v.series_number {
            self.el("biblScope", &[("unit", "volume")], &n.value)?;
        }
        if let Some(i) = &v.issue {
            self.el("biblScope", &[("unit", "issue")], &i.value)?;
        }
        if let Some(s) = &v.site {
            self.el("publisher", &[], &s.value)?;
        }
        if let Some(d) = &m.issue_date {
            self.date_el(d, Some("issue"), false)?;
        }
        if let Some(d) = &m.published {
            self.date_el(d, Some("published"), false)?;
        }
        if let Some(d) = &m.written {
            self.date_el(d, Some("written"), false)?;
        }
        if let Some(p) = &v.project {
            self.el("note", &[("type", "project")], &p.value)?;
        }
        self.el("idno", &[("type", "sha256")], &doc.source.sha256)?;
        if let Some(orig) = &m.translation.original_title {
            self.o.raw("<relatedItem type=\"original\">\n<bibl>\n")?;
            self.el("title", &[], &orig.value)?;
            self.o.raw("</bibl>\n</relatedItem>\n")?;
        }
        self.o.raw("</bibl>\n</sourceDesc>\n")?;
        Ok(())
    }

    fn date_el(&mut self, d: &DateMention, ty: Option<&str>, inline: bool) -> R {
        self.o.open("date")?;
        if let Some(t) = ty {
            self.o.attr("type", t)?;
        }
        for (k, v) in date_attrs(&d.date) {
            self.o.attr(k, &v)?;
        }
        self.o.gt()?;
        self.o.text(&d.text)?;
        if inline {
            Ok(self.o.close_inline("date")?)
        } else {
            Ok(self.o.close("date")?)
        }
    }

    // ---------- body ----------

    /// Marks of the body (anchors, dates, mentions) with the index of the block whose
    /// content holds them, sorted by block.
    fn body_marks(&self) -> Vec<(usize, Mark)> {
        let doc = self.doc;
        let mut marks =
            Vec::with_capacity(doc.anchors.len() + doc.dates.len() + doc.mentions.len());
        let find = |span: Span| -> Option<usize> {
            let i = doc
                .blocks
                .partition_point(|b| b.content.start <= span.start);
            let i = i.checked_sub(1)?;
            doc.blocks[i].content.contains(span).then_some(i)
        };
        let mut push = |span: Span, rank, name, attrs| {
            if let Some(i) = find(span) {
                marks.push((
                    i,
                    Mark {
                        span,
                        rank,
                        name,
                        attrs,
                    },
                ));
            }
        };
        for (k, a) in doc.anchors.iter().enumerate() {
            push(a.span, 0, "ref", Attrs::Anchor(k));
        }
        for (k, d) in doc.dates.iter().enumerate() {
            push(d.span, 2, "date", Attrs::Date(k));
        }
        for (k, m) in doc.mentions.iter().enumerate() {
            push(m.span, 1, "rs", Attrs::Mention(k));
        }
        marks.sort_by_key(|m| m.0);
        marks
    }

    /// Write the attributes of a mark.
    fn mark_attrs(&mut self, attrs: &Attrs) -> R {
        let doc = self.doc;
        match attrs {
            Attrs::Given(list) => {
                for (k, v) in list {
                    self.o.attr(k, v)?;
                }
            }
            Attrs::Anchor(i) => {
                let Anchor { notes, .. } = &doc.anchors[*i];
                self.o.raw(" type=\"noteAnchor\"")?;
                let mut first = true;
                for n in notes {
                    // the ids are NCNames: nothing to escape
                    if let Some(id) = self.ids.notes.get(n.as_str()) {
                        self.o.raw(if first { " target=\"#" } else { " #" })?;
                        self.o.raw(id)?;
                        first = false;
                    }
                }
                if !first {
                    self.o.raw("\"")?;
                }
            }
            Attrs::Date(i) => {
                for (k, v) in date_attrs(&doc.dates[*i].date) {
                    self.o.attr(k, &v)?;
                }
            }
            Attrs::Mention(i) => {
                let Mention {
                    category, entity, ..
                } = &doc.mentions[*i];
                self.o.raw(" type=\"")?;
                self.o.raw(category.as_str())?;
                self.o.raw("\"")?;
                if let Some(id) = self.ids.entities.get(entity.as_str()) {
                    self.o.raw(" ref=\"#")?;
                    self.o.raw(id)?;
                    self.o.raw("\"")?;
                }
            }
        }
        Ok(())
    }

    fn body(&mut self) -> R {
        let doc = self.doc;
        let mut marks = self.body_marks();
        let mut cursor = 0;
        // open divs: (level, has content)
        let mut divs: Vec<(u8, bool)> = Vec::new();
        let mut in_list = false;
        let mut any = false;
        let mut signatures = Vec::new();
        self.o.raw("<body>\n")?;
        for (i, b) in doc.blocks.iter().enumerate() {
            let lo = cursor;
            while cursor < marks.len() && marks[cursor].0 == i {
                cursor += 1;
            }
            let hi = cursor;
            let is_item = matches!(b.kind, BlockKind::ListItem { .. });
            let is_content = b.kind.is_body();
            if in_list && is_content && !is_item {
                self.o.raw("</list>\n")?;
                in_list = false;
            }
            match &b.kind {
                BlockKind::Heading { level, number } => {
                    while divs.last().is_some_and(|d| d.0 >= *level) {
                        self.close_div(&mut divs)?;
                    }
                    if let Some(top) = divs.last_mut() {
                        top.1 = true;
                    }
                    self.o.open("div")?;
                    self.o.attr("type", "section")?;
                    if let Some(n) = number {
                        self.o.attr("n", n)?;
                    }
                    self.o.raw(">\n")?;
                    divs.push((*level, false));
                    self.inline_block("head", &[], b.content, &b.text, &mut marks[lo..hi])?;
                }
                BlockKind::Paragraph => {
                    self.inline_block("p", &[], b.content, &b.text, &mut marks[lo..hi])?;
                }
                BlockKind::Quote => {
                    self.inline_block("quote", &[], b.content, &b.text, &mut marks[lo..hi])?;
                }
                BlockKind::ListItem { marker } => {
                    if !in_list {
                        self.o.raw("<list>\n")?;
                        in_list = true;
                    }
                    self.inline_block(
                        "item",
                        &[("n", marker.as_str())],
                        b.content,
                        &b.text,
                        &mut marks[lo..hi],
                    )?;
                }
                BlockKind::Signature => signatures.push((b.content, &b.text, lo, hi)),
                BlockKind::Blank
                | BlockKind::Meta { .. }
                | BlockKind::NotesHeading
                | BlockKind::Note { .. }
                | BlockKind::Chrome { .. } => {}
            }
            if is_content && !matches!(b.kind, BlockKind::Heading { .. }) {
                any = true;
                if let Some(top) = divs.last_mut() {
                    top.1 = true;
                }
            }
        }
        if in_list {
            self.o.raw("</list>\n")?;
        }
        while !divs.is_empty() {
            self.close_div(&mut divs)?;
        }
        if !any
            && doc
                .blocks
                .iter()
                .all(|b| !matches!(b.kind, BlockKind::Heading { .. }))
        {
            self.o.raw("<p/>\n")?;
        }
        for (content, text, lo, hi) in signatures {
            self.o.raw("<closer>\n")?;
            self.inline_block("signed", &[], content, text, &mut marks[lo..hi])?;
            self.o.raw("</closer>\n")?;
        }
        Ok(self.o.raw("</body>\n")?)
    }

    fn close_div(&mut self, divs: &mut Vec<(u8, bool)>) -> R {
        if let Some((_, has_content)) = divs.pop() {
            if !has_content {
                self.o.raw("<p/>\n")?;
            }
            self.o.raw("</div>\n")?;
        }
        Ok(())
    }

    /// `<name>` with the text of `content` (or `fallback` when the span does not fit the
    /// text) and the marks nested in it.
    fn inline_block(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        content: Span,
        fallback: &str,
        marks: &mut [(usize, Mark)],
    ) -> R {
        self.o.open(name)?;
        for (k, v) in attrs {
            self.o.attr(k, v)?;
        }
        self.o.gt()?;
        match content.slice(&self.doc.text) {
            Some(text) => self.inline(text, content.start, marks)?,
            None => self.o.text(fallback)?,
        }
        Ok(self.o.close(name)?)
    }

    /// Text from byte `base` with the marks that nest properly; a mark that crosses
    /// another, or falls off character boundaries, is left out (its text stays).
    fn inline(&mut self, text: &str, base: usize, marks: &mut [(usize, Mark)]) -> R {
        marks.sort_by(|(_, a), (_, b)| {
            (a.span.start, std::cmp::Reverse(a.span.end), a.rank).cmp(&(
                b.span.start,
                std::cmp::Reverse(b.span.end),
                b.rank,
            ))
        });
        let end = base + text.len();
        let mut pos = base;
        let mut open: Vec<(usize, &'static str)> = Vec::new();
        for (_, m) in marks.iter() {
            let Span { start, end: m_end } = m.span;
            if start < base
                || m_end > end
                || !text.is_char_boundary(start - base)
                || !text.is_char_boundary(m_end - base)
            {
                continue;
            }
            while let Some(&(e, name)) = open.last() {
                if e > start {
                    break;
                }
                self.o.text(&text[pos - base..e - base])?;
                pos = e;
                self.o.close_inline(name)?;
                open.pop();
            }
            if start < pos || open.last().is_some_and(|&(e, _)| e < m_end) {
                continue;
            }
            // The parts of a reference (author, publisher, biblScope …) stand only in
            // a bibl, not inside a phrase such as a date, title or rs that happens to
            // cover them.
            if is_bibl_part(m.name) && open.last().is_some_and(|&(_, name)| name != "bibl") {
                continue;
            }
            // A bibl stands only at the top (TEI allows none inside a date, title, rs or
            // another bibl).
            if m.name == "bibl" && !open.is_empty() {
                continue;
            }
            self.o.text(&text[pos - base..start - base])?;
            pos = start;
            self.o.open(m.name)?;
            self.mark_attrs(&m.attrs)?;
            self.o.gt()?;
            open.push((m_end, m.name));
        }
        while let Some((e, name)) = open.pop() {
            self.o.text(&text[pos - base..e - base])?;
            pos = e;
            self.o.close_inline(name)?;
        }
        Ok(self.o.text(&text[pos - base..])?)
    }

    // ---------- back ----------

    fn back(&mut self) -> R {
        let doc = self.doc;
        let fallback_notes: Vec<_> = if doc.notes.is_empty() {
            doc.blocks
                .iter()
                .filter_map(|b| match &b.kind {
                    BlockKind::Note { label } => Some((label, b)),
                    _ => None,
                })
                .collect()
        } else {
            Vec::new()
        };
        let structs: Vec<(&Reference, String)> = doc
            .notes
            .iter()
            .zip(&self.ids.ref_ids)
            .flat_map(|(n, ids)| n.references.iter().zip(ids))
            .filter(|(r, _)| r.repeat.is_none() && r.title.is_some())
            .map(|(r, id)| (r, id.clone()))
            .collect();
        if doc.notes.is_empty() && fallback_notes.is_empty() {
            return Ok(());
        }
        self.o.raw("<back>\n")?;
        for (i, n) in doc.notes.iter().enumerate() {
            self.note(i, n)?;
        }
        for (label, b) in fallback_notes {
            self.o.open("note")?;
            self.o.attr("place", "foot")?;
            self.o.attr("n", label)?;
            self.o.gt()?;
            self.o.text(&b.text)?;
            self.o.close("note")?;
        }
        if !structs.is_empty() {
            self.o.raw("<listBibl>\n")?;
            for (r, id) in structs {
                self.bibl_struct(r, &id)?;
            }
            self.o.raw("</listBibl>\n")?;
        }
        Ok(self.o.raw("</back>\n")?)
    }

    fn note(&mut self, i: usize, n: &Note) -> R {
        let id = self.ids.note_ids[i].clone();
        self.o.open("note")?;
        self.o.attr("place", "foot")?;
        self.o.attr("xml:id", &id)?;
        self.o.attr_display("n", n.number)?;
        self.o.gt()?;
        let Spanned { value, span } = &n.text;
        let slice = span.and_then(|s| s.slice(&self.doc.text).map(|t| (s, t)));
        let mut placed = vec![false; n.references.len()];
        match slice {
            Some((s, text)) => {
                let mut marks = Vec::new();
                for (k, r) in n.references.iter().enumerate() {
                    if s.contains(r.span) && r.span.slice(&self.doc.text).is_some() {
                        placed[k] = true;
                        marks.push((
                            0,
                            Mark::new(
                                r.span,
                                0,
                                "bibl",
                                self.bibl_attrs(r, &self.ids.ref_ids[i][k]),
                            ),
                        ));
                        self.field_marks(r, &mut marks);
                    }
                }
                self.note_marks(s, &mut marks);
                self.inline(text, s.start, &mut marks)?;
            }
            None => self.o.text(value)?,
        }
        for (k, r) in n.references.iter().enumerate() {
            if !placed[k] {
                self.o.open("bibl")?;
                for (key, v) in self.bibl_attrs(r, &self.ids.ref_ids[i][k]) {
                    self.o.attr(key, &v)?;
                }
                self.o.gt()?;
                self.o.text(&r.raw)?;
                self.o.close_inline("bibl")?;
            }
        }
        Ok(self.o.close("note")?)
    }

    /// The date and entity mentions inside a note's text, as marks; a date that is
    /// already a reference's date field is not marked twice.
    fn note_marks(&self, note: Span, marks: &mut Vec<(usize, Mark)>) {
        let doc = self.doc;
        let fields: Vec<Span> = marks.iter().map(|(_, m)| m.span).collect();
        let from = doc.dates.partition_point(|d| d.span.start < note.start);
        for (k, d) in doc.dates.iter().enumerate().skip(from) {
            if d.span.start >= note.end {
                break;
            }
            if note.contains(d.span) && !fields.contains(&d.span) {
                marks.push((
                    0,
                    Mark {
                        span: d.span,
                        rank: 2,
                        name: "date",
                        attrs: Attrs::Date(k),
                    },
                ));
            }
        }
        let from = doc.mentions.partition_point(|m| m.span.start < note.start);
        for (k, m) in doc.mentions.iter().enumerate().skip(from) {
            if m.span.start >= note.end {
                break;
            }
            if note.contains(m.span) {
                marks.push((
                    0,
                    Mark {
                        span: m.span,
                        rank: 1,
                        name: "rs",
                        attrs: Attrs::Mention(k),
                    },
                ));
            }
        }
    }

    fn bibl_attrs(&self, r: &Reference, id: &str) -> Vec<(&'static str, String)> {
        let mut attrs = vec![
            ("type", r.kind.csl_name().to_owned()),
            ("xml:id", id.to_owned()),
        ];
        if let Some(rep) = &r.repeat {
            let sub = match rep.kind {
                domei_model::RepeatKind::Ibid => "ibid",
                domei_model::RepeatKind::OpCit => "opCit",
                domei_model::RepeatKind::ShortForm => "shortForm",
            };
            attrs.push(("subtype", sub.to_owned()));
            if let Some(p) = rep
                .target
                .as_deref()
                .and_then(|t| TeiIds::pointer(&self.ids.refs, t))
            {
                attrs.push(("corresp", p));
            }
        }
        if let Some(l) = r.language.as_deref().filter(|l| is_language(l)) {
            attrs.push(("xml:lang", l.to_owned()));
        }
        attrs
    }

    fn field_marks(&self, r: &Reference, marks: &mut Vec<(usize, Mark)>) {
        let mut add = |s: &Option<Span>, name: &'static str, attrs: Vec<(&'static str, String)>| {
            if let Some(span) = s {
                marks.push((0, Mark::new(*span, 1, name, attrs)));
            }
        };
        let unit = |u: &str| vec![("unit", u.to_owned())];
        for p in &r.authors {
            add(&p.span, "author", vec![]);
        }
        for p in &r.editors {
            add(&p.span, "editor", vec![]);
        }
        for p in &r.translators {
            add(&p.span, "editor", vec![("role", "translator".to_owned())]);
        }
        let (title_level, container_level) = levels(r.kind);
        if let Some(t) = &r.title {
            add(&t.span, "title", vec![("level", title_level.to_owned())]);
        }
        if let Some(t) = &r.container_title {
            add(
                &t.span,
                "title",
                vec![("level", container_level.to_owned())],
            );
        }
        if let Some(t) = &r.publisher {
            add(&t.span, "publisher", vec![]);
        }
        if let Some(t) = &r.publisher_place {
            add(&t.span, "pubPlace", vec![]);
        }
        if let Some(t) = &r.event {
            add(&t.span, "meeting", vec![]);
        }
        if let Some(d) = &r.issued {
            add(&d.span, "date", date_attrs(&d.value));
        }
        if let Some(d) = &r.accessed {
            let mut attrs = date_attrs(&d.value);
            attrs.insert(0, ("type", "accessed".to_owned()));
            add(&d.span, "date", attrs);
        }
        if let Some(t) = &r.volume {
            add(&t.span, "biblScope", unit("volume"));
        }
        if let Some(t) = &r.issue {
            add(&t.span, "biblScope", unit("issue"));
        }
        if let Some(t) = &r.page {
            add(&t.span, "biblScope", unit("page"));
        }
        if let Some(t) = &r.number {
            add(&t.span, "idno", vec![("type", "number".to_owned())]);
        }
        if let Some(t) = &r.collection_title {
            add(&t.span, "title", vec![("level", "s".to_owned())]);
        }
        if let Some(t) = &r.collection_number {
            add(
                &t.span,
                "idno",
                vec![("type", "collection-number".to_owned())],
            );
        }
        if let Some(t) = &r.locator {
            add(&t.span, "citedRange", unit(locator_unit(&t.value)));
        }
        if let Some(t) = &r.url {
            add(&t.span, "idno", vec![("type", "URI".to_owned())]);
        }
        if let Some(t) = &r.doi {
            add(&t.span, "idno", vec![("type", "DOI".to_owned())]);
        }
        if let Some(t) = &r.genre {
            add(&t.span, "note", vec![("type", "genre".to_owned())]);
        }
    }

    fn person_el(&mut self, name: &str, role: Option<&str>, p: &Person) -> R {
        self.o.open(name)?;
        if let Some(r) = role {
            self.o.attr("role", r)?;
        }
        self.o.gt()?;
        match (&p.family, &p.given, &p.literal) {
            (_, _, Some(l)) => self.o.text(l)?,
            (None, None, None) if p.suffix.is_none() => {}
            (f, g, None) => {
                self.o.raw("<persName>")?;
                if let Some(g) = g {
                    self.o.raw("<forename>")?;
                    self.o.text(g)?;
                    self.o.raw("</forename>")?;
                }
                if let Some(f) = f {
                    if g.is_some() {
                        self.o.raw(" ")?;
                    }
                    self.o.raw("<surname>")?;
                    self.o.text(f)?;
                    self.o.raw("</surname>")?;
                }
                if let Some(x) = &p.suffix {
                    if f.is_some() || g.is_some() {
                        self.o.raw(" ")?;
                    }
                    self.o.raw("<genName>")?;
                    self.o.text(x)?;
                    self.o.raw("</genName>")?;
                }
                self.o.raw("</persName>")?;
            }
        }
        Ok(self.o.close(name)?)
    }

    /// A `biblStruct` (analytic when the work is part of a container, monogr, imprint).
    fn bibl_struct(&mut self, r: &Reference, bibl_id: &str) -> R {
        let (title_level, container_level) = levels(r.kind);
        self.o.open("biblStruct")?;
        self.o.attr("type", r.kind.csl_name())?;
        self.o.attr("corresp", &format!("#{bibl_id}"))?;
        self.o.raw(">\n")?;
        let analytic = r.container_title.is_some();
        let people = |t: &mut Self| -> R {
            for p in &r.authors {
                t.person_el("author", None, &p.value)?;
            }
            for p in &r.editors {
                t.person_el("editor", None, &p.value)?;
            }
            for p in &r.translators {
                t.person_el("editor", Some("translator"), &p.value)?;
            }
            Ok(())
        };
        if analytic {
            self.o.raw("<analytic>\n")?;
            people(self)?;
            if let Some(t) = &r.title {
                self.el("title", &[("level", title_level)], &t.value)?;
            }
            self.o.raw("</analytic>\n<monogr>\n")?;
            if let Some(t) = &r.event {
                self.el("meeting", &[], &t.value)?;
            }
            if let Some(t) = &r.container_title {
                self.el("title", &[("level", container_level)], &t.value)?;
            }
        } else {
            self.o.raw("<monogr>\n")?;
            people(self)?;
            if let Some(t) = &r.event {
                self.el("meeting", &[], &t.value)?;
            }
            if let Some(t) = &r.title {
                self.el("title", &[("level", title_level)], &t.value)?;
            }
        }
        if let Some(t) = &r.url {
            self.el("idno", &[("type", "URI")], &t.value)?;
        }
        if let Some(t) = &r.doi {
            self.el("idno", &[("type", "DOI")], &t.value)?;
        }
        if let Some(t) = &r.number {
            self.el("idno", &[("type", "number")], &t.value)?;
        }
        self.o.raw("<imprint>\n")?;
        let mut any = false;
        if let Some(t) = &r.publisher_place {
            self.el("pubPlace", &[], &t.value)?;
            any = true;
        }
        if let Some(t) = &r.publisher {
            self.el("publisher", &[], &t.value)?;
            any = true;
        }
        for (d, ty) in [(&r.issued, None), (&r.accessed, Some("accessed"))] {
            if let Some(d) = d {
                self.o.open("date")?;
                if let Some(ty) = ty {
                    self.o.attr("type", ty)?;
                }
                for (k, v) in date_attrs(&d.value) {
                    self.o.attr(k, &v)?;
                }
                self.o.empty()?;
                any = true;
            }
        }
        if !any {
            self.o.raw("<date/>\n")?;
        }
        self.o.raw("</imprint>\n")?;
        for (t, unit) in [
            (&r.volume, "volume"),
            (&r.issue, "issue"),
            (&r.page, "page"),
        ] {
            if let Some(t) = t {
                self.el("biblScope", &[("unit", unit)], &t.value)?;
            }
        }
        self.o.raw("</monogr>\n")?;
        if r.collection_title.is_some() || r.collection_number.is_some() {
            self.o.raw("<series>\n")?;
            if let Some(t) = &r.collection_title {
                self.el("title", &[("level", "s")], &t.value)?;
            }
            if let Some(n) = &r.collection_number {
                self.el("biblScope", &[("unit", "volume")], &n.value)?;
            }
            self.o.raw("</series>\n")?;
        }
        if let Some(t) = &r.genre {
            self.el("note", &[("type", "genre")], &t.value)?;
        }
        Ok(self.o.close("biblStruct")?)
    }

    // ---------- standOff ----------

    fn stand_off(&mut self) -> R {
        let doc = self.doc;
        let e = &doc.entities;
        let orgs: Vec<&Entity> = e.actors.iter().chain(&e.alliances).collect();
        let has_relations = orgs
            .iter()
            .copied()
            .chain(e.agreements.iter())
            .any(|x| !x.parties.is_empty());
        if orgs.is_empty() && e.agreements.is_empty() && e.events.is_empty() {
            return Ok(());
        }
        self.o.raw("<standOff>\n")?;
        if !orgs.is_empty() {
            self.o.raw("<listOrg>\n")?;
            let mut seen = HashSet::new();
            for x in orgs {
                if seen.insert(x.id.as_str()) {
                    self.org(x)?;
                }
            }
            self.o.raw("</listOrg>\n")?;
        }
        if !e.agreements.is_empty() || !e.events.is_empty() {
            self.o.raw("<listEvent>\n")?;
            let mut seen = HashSet::new();
            for a in &e.agreements {
                if seen.insert(a.id.as_str()) {
                    self.agreement(a)?;
                }
            }
            for ev in e.events.iter().filter(|ev| !has_agreement(doc, ev)) {
                self.event(ev)?;
            }
            self.o.raw("</listEvent>\n")?;
        }
        if has_relations {
            let mut relations = Vec::new();
            for x in e.actors.iter().chain(&e.alliances).chain(&e.agreements) {
                let Some(me) = TeiIds::pointer(&self.ids.entities, &x.id) else {
                    continue;
                };
                let parties: Vec<String> = x
                    .parties
                    .iter()
                    .filter_map(|p| TeiIds::pointer(&self.ids.entities, p))
                    .collect();
                if !parties.is_empty() {
                    let name = if x.category == domei_model::EntityCategory::Agreement {
                        "party"
                    } else {
                        "member"
                    };
                    relations.push((name, parties.join(" "), me));
                }
            }
            if !relations.is_empty() {
                self.o.raw("<listRelation>\n")?;
                for (name, active, passive) in relations {
                    self.o.open("relation")?;
                    self.o.attr("name", name)?;
                    self.o.attr("active", &active)?;
                    self.o.attr("passive", &passive)?;
                    self.o.empty()?;
                }
                self.o.raw("</listRelation>\n")?;
            }
        }
        Ok(self.o.raw("</standOff>\n")?)
    }

    fn names(&mut self, name: &str, x: &Entity) -> R {
        let mut any = false;
        if let Some(n) = &x.name_ja {
            self.el(name, &[("xml:lang", "ja")], n)?;
            any = true;
        }
        if let Some(n) = &x.name_en {
            self.el(name, &[("xml:lang", "en")], n)?;
            any = true;
        }
        for a in &x.abbreviations {
            self.el(name, &[("type", "abbreviation")], a)?;
            any = true;
        }
        if !any {
            self.el(name, &[], &x.id)?;
        }
        Ok(())
    }

    fn entity_attrs(&mut self, x: &Entity) -> R {
        if let Some(id) = self.ids.entities.get(x.id.as_str()) {
            if self.ids.emitted.insert(id.clone()) {
                let id = id.clone();
                self.o.attr("xml:id", &id)?;
            }
        }
        self.o.attr("type", x.category.as_str())?;
        if let Some(k) = &x.kind {
            self.o.attr("subtype", &sanitize(k))?;
        }
        Ok(())
    }

    fn org(&mut self, x: &Entity) -> R {
        self.o.open("org")?;
        self.entity_attrs(x)?;
        self.o.raw(">\n")?;
        self.names("orgName", x)?;
        self.entity_note(x)?;
        Ok(self.o.close("org")?)
    }

    fn entity_note(&mut self, x: &Entity) -> R {
        let text = format!(
            "{} mention{} in the document{}; id {}.",
            x.mentions,
            if x.mentions == 1 { "" } else { "s" },
            if x.learnt {
                ", learnt from the document"
            } else {
                ""
            },
            x.id
        );
        self.el("note", &[("type", "domei")], &text)
    }

    fn agreement(&mut self, x: &Entity) -> R {
        self.o.open("event")?;
        self.entity_attrs(x)?;
        self.o.raw(">\n")?;
        self.names("label", x)?;
        self.entity_note(x)?;
        let doc = self.doc;
        for ev in doc.entities.events.iter().filter(|ev| ev.agreement == x.id) {
            self.event(ev)?;
        }
        Ok(self.o.close("event")?)
    }

    fn event(&mut self, ev: &AgreementEvent) -> R {
        let kind = crate::enum_name(&ev.kind)?;
        self.o.open("event")?;
        self.o.attr("type", kind)?;
        if let Some(d) = &ev.date {
            for (k, v) in date_attrs(d) {
                self.o.attr(k, &v)?;
            }
        }
        self.o.raw(">\n")?;
        self.el("label", &[], &kind.replace('_', " "))?;
        if !has_agreement(self.doc, ev) {
            self.el("note", &[("type", "agreement")], &ev.agreement)?;
        }
        let parties: Vec<String> = ev
            .parties
            .iter()
            .filter_map(|p| TeiIds::pointer(&self.ids.entities, p))
            .collect();
        if !parties.is_empty() {
            self.o.open("ptr")?;
            self.o.attr("type", "parties")?;
            self.o.attr("target", &parties.join(" "))?;
            self.o.empty()?;
        }
        Ok(self.o.close("event")?)
    }
}

/// True when the event's agreement is among the document's agreements (the event is
/// then written inside it).
/// Elements TEI allows in a `bibl` but not inside phrase-level elements.
fn is_bibl_part(name: &str) -> bool {
    matches!(
        name,
        "author" | "editor" | "publisher" | "pubPlace" | "meeting" | "biblScope" | "citedRange"
    )
}

fn has_agreement(doc: &Document, ev: &AgreementEvent) -> bool {
    doc.entities.agreements.iter().any(|a| a.id == ev.agreement)
}

/// TEI title levels (`title/@level`) of a reference's title and its container.
fn levels(kind: ReferenceType) -> (&'static str, &'static str) {
    match kind {
        ReferenceType::Book
        | ReferenceType::Report
        | ReferenceType::Legislation
        | ReferenceType::Thesis
        | ReferenceType::Article => ("m", "s"),
        ReferenceType::Chapter | ReferenceType::PaperConference => ("a", "m"),
        ReferenceType::ArticleJournal
        | ReferenceType::ArticleMagazine
        | ReferenceType::ArticleNewspaper => ("a", "j"),
        ReferenceType::Webpage
        | ReferenceType::Speech
        | ReferenceType::Interview
        | ReferenceType::Post
        | ReferenceType::Document => ("a", "m"),
    }
}

/// The TEI `unit` of a cited locator, from how it is written: the smallest division
/// it names (`第2部第1章` is a chapter, `ch. 3` too), else a page (`24`, `pp. 24–25`,
/// `15頁`).
fn locator_unit(text: &str) -> &'static str {
    let has_word = |w: &str| {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .any(|x| x.eq_ignore_ascii_case(w))
    };
    if text.contains('頁')
        || has_word("p")
        || has_word("pp")
        || has_word("page")
        || has_word("pages")
    {
        "page"
    } else if text.contains('節') || text.contains('§') || has_word("sec") || has_word("section")
    {
        "section"
    } else if text.contains('章') || has_word("ch") || has_word("chap") || has_word("chapter") {
        "chapter"
    } else if text.contains('部') || has_word("pt") || has_word("part") {
        "part"
    } else if text.contains('¶') || has_word("para") || has_word("paras") {
        "paragraph"
    } else {
        "page"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locator_units_from_how_the_locator_is_written() {
        for (text, unit) in [
            ("24", "page"),
            ("24–25", "page"),
            ("pp. 24–25", "page"),
            ("p. 3", "page"),
            ("15頁", "page"),
            ("第3章、45頁", "page"),
            ("第3章", "chapter"),
            ("第三章", "chapter"),
            ("第2部第1章", "chapter"),
            ("ch. 4", "chapter"),
            ("Chapter 4", "chapter"),
            ("第1章第2節", "section"),
            ("§ 12", "section"),
            ("sec. 2", "section"),
            ("第1部", "part"),
            ("Part II", "part"),
            ("para. 27", "paragraph"),
            ("¶ 12", "paragraph"),
        ] {
            assert_eq!(locator_unit(text), unit, "{text}");
        }
    }

    #[test]
    fn sanitized_ids_are_ncnames() {
        assert_eq!(sanitize("kb:usa"), "kb-usa");
        assert_eq!(sanitize("3x"), "e-3x");
        assert!(is_ncname(&sanitize("日本")));
        assert!(is_ncname(&sanitize("")));
    }

    #[test]
    fn languages() {
        assert!(is_language("ja"));
        assert!(is_language("en-US"));
        assert!(!is_language(""));
        assert!(!is_language("日本語"));
        assert!(!is_language("e"));
    }

    #[test]
    fn dating_attributes() {
        let a = |d: &Date| date_attrs(d);
        assert_eq!(
            a(&Date::absolute(Ymd::day(2024, 10, 27))),
            vec![("when", "2024-10-27".to_owned())]
        );
        let winter = Date {
            precision: Precision::Season,
            season: Some(Season::Winter),
            ..Date::absolute(Ymd::year(2023))
        };
        assert_eq!(
            a(&winter),
            vec![
                ("notBefore", "2023-12".to_owned()),
                ("notAfter", "2024-02".to_owned())
            ]
        );
        let range = Date {
            end: Some(Ymd::year(2026)),
            precision: Precision::Range,
            ..Date::absolute(Ymd::year(2023))
        };
        assert_eq!(
            a(&range),
            vec![("from", "2023".to_owned()), ("to", "2026".to_owned())]
        );
        assert!(a(&Date::absolute(Ymd::day(2023, 2, 30))).is_empty());
    }
}
