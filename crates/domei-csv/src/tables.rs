//! The rows of every table.

use std::collections::HashMap;
use std::io::Write;

use domei_model::{
    Block, BlockKind, Date, DateMention, Document, Entity, LineIndex, Person, Section, Span,
    Spanned, Ymd,
};

use crate::{Error, Table};

/// A CSV writer that knows the excel mode and owns a scratch buffer for formatting.
pub(crate) struct Cells<W: Write> {
    writer: csv::Writer<W>,
    excel: bool,
    scratch: String,
}

impl<W: Write> Cells<W> {
    pub(crate) fn new(writer: csv::Writer<W>, excel: bool) -> Self {
        Cells {
            writer,
            excel,
            scratch: String::with_capacity(256),
        }
    }

    /// A text cell.
    pub(crate) fn text(&mut self, s: &str) -> Result<(), Error> {
        if self.excel && needs_quote_prefix(s) {
            self.scratch.clear();
            self.scratch.push('\'');
            self.scratch.push_str(s);
            self.writer.write_field(self.scratch.as_bytes())?;
        } else {
            self.writer.write_field(s.as_bytes())?;
        }
        Ok(())
    }

    fn opt(&mut self, s: Option<&str>) -> Result<(), Error> {
        self.text(s.unwrap_or(""))
    }

    fn spanned(&mut self, s: &Option<Spanned<String>>) -> Result<(), Error> {
        self.opt(s.as_ref().map(|s| s.value.as_str()))
    }

    fn empty(&mut self) -> Result<(), Error> {
        self.writer.write_field(b"")?;
        Ok(())
    }

    fn num(&mut self, n: usize) -> Result<(), Error> {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        let mut n = n;
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.writer.write_field(&buf[i..])?;
        Ok(())
    }

    fn boolean(&mut self, b: bool) -> Result<(), Error> {
        self.writer
            .write_field(if b { b"true".as_slice() } else { b"false" })?;
        Ok(())
    }

    /// A cell formatted into the scratch buffer by `f`.
    fn fmt(&mut self, f: impl FnOnce(&mut String)) -> Result<(), Error> {
        let mut s = std::mem::take(&mut self.scratch);
        s.clear();
        f(&mut s);
        let r = self.text(&s);
        self.scratch = s;
        r
    }

    /// An id `<doc>:<prefix><n>`.
    fn id(&mut self, doc: &str, prefix: &str, n: usize) -> Result<(), Error> {
        self.fmt(|s| {
            s.push_str(doc);
            s.push(':');
            s.push_str(prefix);
            push_num(s, n);
        })
    }

    /// An id `<doc>:<local>`.
    fn local_id(&mut self, doc: &str, local: &str) -> Result<(), Error> {
        self.fmt(|s| {
            s.push_str(doc);
            s.push(':');
            s.push_str(local);
        })
    }

    /// The span columns: start, end, line, end_line.
    fn span(&mut self, span: Span, index: &LineIndex) -> Result<(), Error> {
        self.num(span.start)?;
        self.num(span.end)?;
        self.num(index.line(span.start))?;
        self.num(end_line(span, index))
    }

    fn opt_span(&mut self, span: Option<Span>, index: &LineIndex) -> Result<(), Error> {
        match span {
            Some(span) => self.span(span, index),
            None => {
                for _ in 0..4 {
                    self.empty()?;
                }
                Ok(())
            }
        }
    }

    fn edtf(&mut self, date: Option<&Date>) -> Result<(), Error> {
        match date {
            Some(d) => self.fmt(|s| s.push_str(&d.edtf())),
            None => self.empty(),
        }
    }

    fn ymd(&mut self, ymd: Option<&Ymd>) -> Result<(), Error> {
        match ymd {
            Some(d) => self.fmt(|s| s.push_str(&d.iso())),
            None => self.empty(),
        }
    }

    fn json_list<'a>(&mut self, items: impl Iterator<Item = &'a str>) -> Result<(), Error> {
        let list: Vec<&str> = items.collect();
        if list.is_empty() {
            return self.empty();
        }
        let json = serde_json::to_string(&list).unwrap_or_default();
        self.text(&json)
    }

    fn enum_name<T: serde::Serialize>(&mut self, value: &T) -> Result<(), Error> {
        match serde_json::to_value(value) {
            Ok(serde_json::Value::String(s)) => self.text(&s),
            _ => self.empty(),
        }
    }

    fn opt_enum<T: serde::Serialize>(&mut self, value: Option<&T>) -> Result<(), Error> {
        match value {
            Some(v) => self.enum_name(v),
            None => self.empty(),
        }
    }

    /// End the row.
    pub(crate) fn end(&mut self) -> Result<(), Error> {
        self.writer.write_record(None::<&[u8]>)?;
        Ok(())
    }

    /// Flush everything to the underlying writer.
    pub(crate) fn finish(mut self) -> Result<(), Error> {
        self.writer.flush()?;
        Ok(())
    }
}

/// Append the decimal digits of `n`.
fn push_num(s: &mut String, n: usize) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        s.push(char::from(b));
    }
}

/// `<doc>:<note>:r<k>`.
fn reference_id(doc: &str, note: &str, k: usize) -> String {
    let mut s = String::with_capacity(doc.len() + note.len() + 6);
    s.push_str(doc);
    s.push(':');
    s.push_str(note);
    s.push_str(":r");
    push_num(&mut s, k);
    s
}

/// True for a cell a spreadsheet would read as a formula (or mangle).
pub(crate) fn needs_quote_prefix(s: &str) -> bool {
    matches!(
        s.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\0')
    )
}

fn end_line(span: Span, index: &LineIndex) -> usize {
    if span.end > span.start {
        index.line(span.end - 1)
    } else {
        index.line(span.start)
    }
}

/// The index of the block whose whole-line span holds byte `offset`.
fn block_at(doc: &Document, offset: usize) -> Option<usize> {
    let i = doc.blocks.partition_point(|b| b.span.end <= offset);
    doc.blocks
        .get(i)
        .filter(|b| b.span.start <= offset && offset < b.span.end)
        .map(|_| i)
}

/// Block kind name and detail.
fn block_kind(block: &Block) -> (&'static str, Option<String>) {
    fn ser<T: serde::Serialize>(v: &T) -> Option<String> {
        match serde_json::to_value(v) {
            Ok(serde_json::Value::String(s)) => Some(s),
            _ => None,
        }
    }
    match &block.kind {
        BlockKind::Blank => ("blank", None),
        BlockKind::Meta { field } => ("meta", ser(field)),
        BlockKind::Heading { number, .. } => ("heading", number.clone()),
        BlockKind::Paragraph => ("paragraph", None),
        BlockKind::Quote => ("quote", None),
        BlockKind::ListItem { marker } => ("list_item", Some(marker.clone())),
        BlockKind::NotesHeading => ("notes_heading", None),
        BlockKind::Note { label } => ("note", Some(label.clone())),
        BlockKind::Signature => ("signature", None),
        BlockKind::Chrome { chrome } => ("chrome", ser(chrome)),
    }
}

/// For every block, the position (1-based) of the innermost section holding it.
fn innermost_sections(doc: &Document, sections: &[Section]) -> Vec<usize> {
    let mut out = vec![0usize; doc.blocks.len()];
    // Sections come in text order and nest; a later section that holds a block is
    // inner to an earlier one that holds it too.
    for (k, s) in sections.iter().enumerate() {
        let from = s.heading.unwrap_or(s.first);
        for slot in out.iter_mut().take(s.end).skip(from) {
            *slot = k + 1;
        }
    }
    out
}

fn person_name(p: &Person) -> String {
    if let Some(l) = &p.literal {
        return l.clone();
    }
    match (&p.given, &p.family) {
        (Some(g), Some(f)) => format!("{g} {f}"),
        (Some(g), None) => g.clone(),
        (None, Some(f)) => f.clone(),
        (None, None) => String::new(),
    }
}

fn date_value(m: &DateMention) -> &Date {
    &m.date
}

fn entity_rows<W: Write>(
    doc: &Document,
    list: &[Entity],
    cells: &mut Cells<W>,
) -> Result<(), Error> {
    for e in list {
        cells.text(&doc.id)?;
        cells.text(&e.id)?;
        cells.text(e.category.as_str())?;
        cells.opt(e.name_ja.as_deref())?;
        cells.opt(e.name_en.as_deref())?;
        cells.json_list(e.abbreviations.iter().map(String::as_str))?;
        cells.opt(e.kind.as_deref())?;
        cells.fmt(|s| join_into(s, e.parties.iter().map(String::as_str)))?;
        cells.num(e.mentions)?;
        cells.boolean(e.learnt)?;
        cells.end()?;
    }
    Ok(())
}

fn join_into<'a>(s: &mut String, items: impl Iterator<Item = &'a str>) {
    for (i, item) in items.enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(item);
    }
}

/// Write the rows of `table` for one document.
pub(crate) fn write_rows<W: Write>(
    table: Table,
    doc: &Document,
    index: &LineIndex,
    cells: &mut Cells<W>,
) -> Result<(), Error> {
    let id = doc.id.as_str();
    match table {
        Table::Documents => {
            let m = &doc.metadata;
            cells.text(id)?;
            cells.text(&doc.source.path)?;
            cells.text(&doc.source.sha256)?;
            cells.num(usize::try_from(doc.source.byte_len).unwrap_or(usize::MAX))?;
            cells.num(doc.text.len())?;
            cells.num(index.line_count())?;
            cells.text(&doc.source.encoding.name)?;
            cells.boolean(doc.source.encoding.bom)?;
            cells.enum_name(&doc.source.line_endings)?;
            cells.text(&m.language)?;
            cells.enum_name(&m.kind)?;
            cells.spanned(&m.title)?;
            cells.spanned(&m.subtitle)?;
            cells.edtf(m.published.as_ref().map(date_value))?;
            cells.edtf(m.issue_date.as_ref().map(date_value))?;
            cells.edtf(m.written.as_ref().map(date_value))?;
            cells.spanned(&m.venue.site)?;
            cells.spanned(&m.venue.series)?;
            cells.spanned(&m.venue.series_number)?;
            cells.spanned(&m.venue.periodical)?;
            cells.spanned(&m.venue.issue)?;
            cells.spanned(&m.section)?;
            cells.json_list(m.categories.iter().map(|s| s.value.as_str()))?;
            cells.json_list(m.tags.iter().map(|s| s.value.as_str()))?;
            cells.spanned(&m.summary)?;
            cells.boolean(m.translation.is_translation)?;
            cells.spanned(&m.translation.original_title)?;
            cells.opt(m.translation.original_language.as_deref())?;
            cells.spanned(&m.translation.translator)?;
            cells.boolean(m.translation.machine_translation_likely)?;
            cells.num(doc.blocks.len())?;
            cells.num(doc.notes.len())?;
            cells.num(doc.anchors.len())?;
            cells.num(doc.notes.iter().map(|n| n.references.len()).sum())?;
            cells.num(doc.dates.len())?;
            cells.num(doc.diagnostics.len())?;
            cells.end()?;
        }
        Table::Authors => {
            for (k, a) in doc.metadata.authors.iter().enumerate() {
                cells.id(id, "au", k + 1)?;
                cells.text(id)?;
                cells.num(k + 1)?;
                cells.text(&a.name.value)?;
                cells.enum_name(&a.role)?;
                cells.spanned(&a.affiliation)?;
                cells.spanned(&a.bio)?;
                cells.opt_span(a.name.span, index)?;
                cells.end()?;
            }
        }
        Table::Sections => {
            let sections = doc.sections();
            for (k, s) in sections.iter().enumerate() {
                cells.id(id, "s", k + 1)?;
                cells.text(id)?;
                cells.num(k + 1)?;
                cells.num(usize::from(s.level))?;
                let heading = s.heading.and_then(|h| doc.blocks.get(h));
                match heading.map(|b| &b.kind) {
                    Some(BlockKind::Heading {
                        number: Some(n), ..
                    }) => cells.text(n)?,
                    _ => cells.empty()?,
                }
                cells.opt(heading.map(|b| b.text.as_str()))?;
                match s.heading {
                    Some(h) => cells.id(id, "b", h)?,
                    None => cells.empty()?,
                }
                let parent = sections[..k].iter().rposition(|p| {
                    p.level < s.level && p.heading.is_some_and(|h| h < s.first) && p.end >= s.end
                });
                match parent {
                    Some(p) => cells.id(id, "s", p + 1)?,
                    None => cells.empty()?,
                }
                cells.num(s.first)?;
                cells.num(s.end)?;
                let first = s.heading.unwrap_or(s.first);
                let start = doc.blocks.get(first).map_or(0, |b| b.span.start);
                let end = s
                    .end
                    .checked_sub(1)
                    .and_then(|i| doc.blocks.get(i))
                    .map_or(start, |b| b.span.end.max(start));
                cells.span(Span { start, end }, index)?;
                cells.end()?;
            }
        }
        Table::Paragraphs => {
            let sections = doc.sections();
            let inner = innermost_sections(doc, &sections);
            for (i, b) in doc.blocks.iter().enumerate() {
                let (kind, detail) = block_kind(b);
                if kind == "blank" {
                    continue;
                }
                cells.id(id, "b", i)?;
                cells.text(id)?;
                cells.num(i)?;
                cells.text(kind)?;
                cells.opt(detail.as_deref())?;
                match inner.get(i).copied().unwrap_or(0) {
                    0 => cells.empty()?,
                    k => cells.id(id, "s", k)?,
                }
                cells.text(&b.text)?;
                cells.num(b.span.start)?;
                cells.span(b.content, index)?;
                cells.end()?;
            }
        }
        Table::Notes => {
            for n in &doc.notes {
                cells.local_id(id, &n.id)?;
                cells.text(id)?;
                cells.num(n.number as usize)?;
                cells.text(&n.label)?;
                cells.text(&n.text.value)?;
                cells.num(n.references.len())?;
                cells.fmt(|s| {
                    for (i, a) in n.anchors.iter().enumerate() {
                        if i > 0 {
                            s.push(' ');
                        }
                        s.push_str(id);
                        s.push(':');
                        s.push_str(a);
                    }
                })?;
                cells.json_list(n.commentary.iter().map(|c| c.value.as_str()))?;
                cells.id(id, "b", n.block)?;
                match n.text.span {
                    Some(sp) => cells.num(sp.start)?,
                    None => cells.empty()?,
                }
                cells.span(n.span, index)?;
                cells.end()?;
            }
        }
        Table::Anchors => {
            for a in &doc.anchors {
                cells.local_id(id, &a.id)?;
                cells.text(id)?;
                cells.text(&a.text)?;
                cells.enum_name(&a.style)?;
                cells.fmt(|s| {
                    for (i, n) in a.numbers.iter().enumerate() {
                        if i > 0 {
                            s.push(' ');
                        }
                        push_num(s, *n as usize);
                    }
                })?;
                cells.fmt(|s| {
                    for (i, n) in a.notes.iter().enumerate() {
                        if i > 0 {
                            s.push(' ');
                        }
                        s.push_str(id);
                        s.push(':');
                        s.push_str(n);
                    }
                })?;
                cells.id(id, "b", a.block)?;
                cells.span(a.span, index)?;
                cells.end()?;
            }
        }
        Table::References => {
            let ids = reference_ids(doc);
            let by_id: HashMap<&str, &domei_model::Reference> = doc
                .notes
                .iter()
                .flat_map(|n| n.references.iter())
                .map(|r| (r.id.as_str(), r))
                .collect();
            for n in &doc.notes {
                for (k, r) in n.references.iter().enumerate() {
                    let own = reference_id(id, &n.id, k + 1);
                    cells.text(&own)?;
                    cells.text(id)?;
                    cells.local_id(id, &n.id)?;
                    cells.num(k + 1)?;
                    cells.text(&r.id)?;
                    cells.text(r.kind.csl_name())?;
                    cells.text(&r.raw)?;
                    cells.spanned(&r.title)?;
                    cells.spanned(&r.container_title)?;
                    cells.spanned(&r.publisher)?;
                    cells.spanned(&r.publisher_place)?;
                    cells.spanned(&r.genre)?;
                    cells.edtf(r.issued.as_ref().map(|d| &d.value))?;
                    cells.edtf(r.accessed.as_ref().map(|d| &d.value))?;
                    cells.spanned(&r.volume)?;
                    cells.spanned(&r.issue)?;
                    cells.spanned(&r.page)?;
                    cells.spanned(&r.locator)?;
                    cells.spanned(&r.url)?;
                    cells.spanned(&r.doi)?;
                    cells.opt(r.language.as_deref())?;
                    cells.boolean(r.et_al)?;
                    cells.num(r.authors.len())?;
                    cells.opt_enum(r.repeat.as_ref().map(|p| &p.kind))?;
                    let target = r
                        .repeat
                        .as_ref()
                        .and_then(|p| p.target.as_deref())
                        .and_then(|t| ids.get(t));
                    cells.opt(target.map(String::as_str))?;
                    let full = if r.repeat.is_some() {
                        resolve(&by_id, &ids, &r.id)
                    } else {
                        Some(own.as_str())
                    };
                    cells.opt(full)?;
                    cells.span(r.span, index)?;
                    cells.end()?;
                }
            }
        }
        Table::ReferenceAuthors => {
            for n in &doc.notes {
                for (k, r) in n.references.iter().enumerate() {
                    let ref_id = reference_id(id, &n.id, k + 1);
                    for (role, list) in [
                        ("author", &r.authors),
                        ("editor", &r.editors),
                        ("translator", &r.translators),
                    ] {
                        for (j, p) in list.iter().enumerate() {
                            cells.fmt(|s| {
                                s.push_str(&ref_id);
                                s.push(':');
                                s.push_str(role);
                                push_num(s, j + 1);
                            })?;
                            cells.text(&ref_id)?;
                            cells.text(id)?;
                            cells.text(role)?;
                            cells.num(j + 1)?;
                            cells.opt(p.value.family.as_deref())?;
                            cells.opt(p.value.given.as_deref())?;
                            cells.opt(p.value.literal.as_deref())?;
                            cells.text(&person_name(&p.value))?;
                            cells.boolean(p.span.is_none())?;
                            cells.opt_span(p.span, index)?;
                            cells.end()?;
                        }
                    }
                }
            }
        }
        Table::Dates => {
            for (k, m) in doc.dates.iter().enumerate() {
                let d = &m.date;
                cells.id(id, "d", k + 1)?;
                cells.text(id)?;
                match block_at(doc, m.span.start) {
                    Some(b) => cells.id(id, "b", b)?,
                    None => cells.empty()?,
                }
                cells.text(&m.text)?;
                cells.edtf(Some(d))?;
                cells.ymd(Some(&d.start))?;
                cells.ymd(d.end.as_ref())?;
                cells.enum_name(&d.precision)?;
                cells.enum_name(&d.kind)?;
                cells.opt_enum(d.season.as_ref())?;
                cells.opt_enum(d.part.as_ref())?;
                cells.opt_enum(d.era.as_ref())?;
                cells.opt(d.relative.as_ref().map(|r| r.expression.as_str()))?;
                cells.opt_enum(d.relative.as_ref().map(|r| &r.anchoring))?;
                cells.ymd(d.relative.as_ref().and_then(|r| r.against.as_ref()))?;
                cells.boolean(d.damaged)?;
                cells.fmt(|s| {
                    join_into(
                        s,
                        d.readings
                            .iter()
                            .map(|r| r.value.iso())
                            .collect::<Vec<_>>()
                            .iter()
                            .map(String::as_str),
                    )
                })?;
                cells.span(m.span, index)?;
                cells.end()?;
            }
        }
        Table::Mentions => {
            for (k, m) in doc.mentions.iter().enumerate() {
                cells.id(id, "m", k + 1)?;
                cells.text(id)?;
                cells.text(&m.entity)?;
                cells.text(m.category.as_str())?;
                cells.text(&m.text)?;
                cells.opt(m.compound.as_deref())?;
                cells.edtf(m.date.as_ref())?;
                cells.id(id, "b", m.block)?;
                cells.span(m.span, index)?;
                cells.end()?;
            }
        }
        Table::Actors => entity_rows(doc, &doc.entities.actors, cells)?,
        Table::Alliances => entity_rows(doc, &doc.entities.alliances, cells)?,
        Table::Agreements => entity_rows(doc, &doc.entities.agreements, cells)?,
        Table::AgreementEvents => {
            for (k, e) in doc.entities.events.iter().enumerate() {
                cells.id(id, "e", k + 1)?;
                cells.text(id)?;
                cells.text(&e.agreement)?;
                cells.enum_name(&e.kind)?;
                cells.edtf(e.date.as_ref())?;
                cells.fmt(|s| join_into(s, e.parties.iter().map(String::as_str)))?;
                cells.opt_span(e.span, index)?;
                cells.end()?;
            }
        }
        Table::Diagnostics => {
            for (k, d) in doc.diagnostics.iter().enumerate() {
                cells.id(id, "x", k + 1)?;
                cells.text(id)?;
                cells.enum_name(&d.severity)?;
                cells.text(&d.code)?;
                cells.text(&d.message)?;
                cells.opt_span(d.span, index)?;
                cells.end()?;
            }
        }
    }
    Ok(())
}

/// Map each `Reference.id` of a document to its CSV id `<doc>:<note>:r<k>`. When a
/// model id repeats, the first keeps it.
fn reference_ids(doc: &Document) -> HashMap<&str, String> {
    let mut ids = HashMap::new();
    for n in &doc.notes {
        for (k, r) in n.references.iter().enumerate() {
            ids.entry(r.id.as_str())
                .or_insert_with(|| reference_id(&doc.id, &n.id, k + 1));
        }
    }
    ids
}

/// Follow repeat targets from the reference with model id `start` to a full reference.
fn resolve<'m>(
    by_id: &HashMap<&str, &domei_model::Reference>,
    ids: &'m HashMap<&str, String>,
    start: &str,
) -> Option<&'m str> {
    let mut current = start;
    for _ in 0..=by_id.len() {
        let r = by_id.get(current)?;
        match &r.repeat {
            None => return ids.get(current).map(String::as_str),
            Some(p) => current = p.target.as_deref()?,
        }
    }
    None
}
