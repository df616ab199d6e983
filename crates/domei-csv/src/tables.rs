//! The rows of every table.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Write;

use domei_model::{
    Block, BlockKind, Date, DateMention, Document, Entity, Person, Section, Span, Spanned, Ymd,
};

use crate::{Error, Table};

/// Bytes after which [`Cells`] hands its buffer to the underlying writer.
const CHUNK: usize = 1 << 16;

/// Byte → true when a cell holding it must be quoted: the delimiter, the quote, and
/// both line-end bytes (as the `csv` crate's `QuoteStyle::Necessary`).
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b',' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\r' as usize] = true;
    t[b'\n' as usize] = true;
    t
};

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The bytes of a word that equal `b` (each such byte's top bit set; a false match can
/// only follow a true one, so the lowest set bit is exact).
#[inline]
fn eq_mask(x: u64, b: u8) -> u64 {
    let y = x ^ (ONES * u64::from(b));
    y.wrapping_sub(ONES) & !y & HIGHS
}

/// The word of 8 bytes at `c`.
#[inline]
fn word(c: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(c);
    u64::from_le_bytes(w)
}

/// True when `bytes` holds a byte of [`SPECIAL`], eight bytes a step.
#[inline]
fn needs_quotes(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let x = word(c);
        if eq_mask(x, b',') | eq_mask(x, b'"') | eq_mask(x, b'\r') | eq_mask(x, b'\n') != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| SPECIAL[usize::from(b)])
}

/// The position of the first `"` in `bytes` at or after `from`, eight bytes a step.
#[inline]
fn find_quote(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i + 8 <= bytes.len() {
        let m = eq_mask(word(&bytes[i..i + 8]), b'"');
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes[i..].iter().position(|&b| b == b'"').map(|p| i + p)
}

/// The 1-based line numbers of a text (as [`domei_model::LineIndex`]: `\n`, `\r\n` and a lone `\r`
/// end a line), built eight bytes a step.
#[derive(Debug)]
pub(crate) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub(crate) fn new(text: &str) -> Lines {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 64 + 2);
        starts.push(0);
        // The position of a `\n` that ends a `\r\n` already counted.
        let mut skip = usize::MAX;
        let mut visit = |i: usize, starts: &mut Vec<usize>| match bytes[i] {
            b'\n' if i != skip => starts.push(i + 1),
            b'\r' => {
                if bytes.get(i + 1) == Some(&b'\n') {
                    skip = i + 1;
                    starts.push(i + 2);
                } else {
                    starts.push(i + 1);
                }
            }
            _ => {}
        };
        let mut i = 0;
        while i + 8 <= bytes.len() {
            let x = word(&bytes[i..i + 8]);
            let mut m = eq_mask(x, b'\n') | eq_mask(x, b'\r');
            if m != 0 {
                // Only bytes that may be line ends: the lowest mark is exact, the rest
                // are checked by `visit`.
                while m != 0 {
                    visit(i + (m.trailing_zeros() / 8) as usize, &mut starts);
                    m &= m - 1;
                }
            }
            i += 8;
        }
        while i < bytes.len() {
            visit(i, &mut starts);
            i += 1;
        }
        Lines { starts }
    }

    /// Number of lines (a text without a final line break still counts its last line).
    pub(crate) fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 1-based line holding byte `offset`.
    pub(crate) fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// An RFC 4180 CSV writer that knows the excel mode: cells are quoted only when they
/// hold `,`, `"`, CR or LF (quotes doubled), rows end in LF, or CRLF in excel mode.
/// The output is the same as the `csv` crate's writer with `QuoteStyle::Necessary`;
/// rows are gathered in a buffer and written in large pieces.
pub(crate) struct Cells<W: Write> {
    out: W,
    buf: Vec<u8>,
    excel: bool,
    /// True before the first cell of a row.
    row_start: bool,
    /// Where the current row starts in `buf`.
    row_at: usize,
    scratch: String,
    /// Scratch space for JSON cells.
    json: Vec<u8>,
}

impl<W: Write> Cells<W> {
    /// A writer into `out`; in excel mode, the byte-order mark comes first.
    pub(crate) fn new(out: W, excel: bool) -> Self {
        let mut buf = Vec::with_capacity(CHUNK + 4096);
        if excel {
            buf.extend_from_slice("\u{feff}".as_bytes());
        }
        Cells {
            out,
            row_at: buf.len(),
            buf,
            excel,
            row_start: true,
            scratch: String::with_capacity(256),
            json: Vec::with_capacity(256),
        }
    }

    /// Start a cell: the delimiter before every cell but the first of a row.
    #[inline]
    fn sep(&mut self) {
        if self.row_start {
            self.row_start = false;
        } else {
            self.buf.push(b',');
        }
    }

    /// A cell of raw bytes, quoted when needed.
    #[inline]
    fn field(&mut self, bytes: &[u8]) {
        if needs_quotes(bytes) {
            self.quoted(b"", bytes);
        } else {
            self.plain(bytes);
        }
    }

    /// A cell in quotes: `prefix` then `bytes` with every `"` doubled.
    #[cold]
    fn quoted(&mut self, prefix: &[u8], bytes: &[u8]) {
        self.sep();
        self.buf.push(b'"');
        self.buf.extend_from_slice(prefix);
        let mut copied = 0;
        while let Some(i) = find_quote(bytes, copied) {
            self.buf.extend_from_slice(&bytes[copied..=i]);
            self.buf.push(b'"');
            copied = i + 1;
        }
        self.buf.extend_from_slice(&bytes[copied..]);
        self.buf.push(b'"');
    }

    /// A cell that never needs quotes (numbers, booleans, ASCII names).
    #[inline]
    fn plain(&mut self, bytes: &[u8]) {
        self.buf.reserve(bytes.len() + 1);
        self.sep();
        self.buf.extend_from_slice(bytes);
    }

    /// A text cell.
    pub(crate) fn text(&mut self, s: &str) -> Result<(), Error> {
        if self.excel && needs_quote_prefix(s) {
            // Rare: a cell a spreadsheet would run gets a `'` before it.
            if needs_quotes(s.as_bytes()) {
                self.quoted(b"'", s.as_bytes());
            } else {
                self.buf.reserve(s.len() + 2);
                self.sep();
                self.buf.push(b'\'');
                self.buf.extend_from_slice(s.as_bytes());
            }
        } else {
            self.field(s.as_bytes());
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
        self.sep();
        Ok(())
    }

    fn num(&mut self, n: usize) -> Result<(), Error> {
        let mut buf = [0u8; 20];
        self.plain(digits(n, &mut buf));
        Ok(())
    }

    fn boolean(&mut self, b: bool) -> Result<(), Error> {
        self.plain(if b { b"true".as_slice() } else { b"false" });
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
    fn span(&mut self, span: Span, index: &Lines) -> Result<(), Error> {
        self.num(span.start)?;
        self.num(span.end)?;
        self.num(index.line(span.start))?;
        self.num(end_line(span, index))
    }

    fn opt_span(&mut self, span: Option<Span>, index: &Lines) -> Result<(), Error> {
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
            Some(d) => self.fmt(|s| push_edtf(s, d)),
            None => self.empty(),
        }
    }

    fn ymd(&mut self, ymd: Option<&Ymd>) -> Result<(), Error> {
        match ymd {
            Some(d) => self.fmt(|s| push_iso(s, d)),
            None => self.empty(),
        }
    }

    /// A JSON array of strings (as `serde_json::to_string` of the list), or an empty
    /// cell for no items.
    fn json_list<'a>(&mut self, items: impl Iterator<Item = &'a str>) -> Result<(), Error> {
        let mut json = std::mem::take(&mut self.json);
        json.clear();
        for item in items {
            json.push(if json.is_empty() { b'[' } else { b',' });
            // Writing a string into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut json, item);
        }
        let r = if json.is_empty() {
            self.empty()
        } else {
            json.push(b']');
            // serde_json writes UTF-8.
            self.text(std::str::from_utf8(&json).unwrap_or_default())
        };
        self.json = json;
        r
    }

    fn enum_name<T: serde::Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let mut s = std::mem::take(&mut self.scratch);
        s.clear();
        let r = match push_enum_name(&mut s, value) {
            true => self.text(&s),
            false => self.empty(),
        };
        self.scratch = s;
        r
    }

    fn opt_enum<T: serde::Serialize>(&mut self, value: Option<&T>) -> Result<(), Error> {
        match value {
            Some(v) => self.enum_name(v),
            None => self.empty(),
        }
    }

    /// End the row.
    pub(crate) fn end(&mut self) -> Result<(), Error> {
        if self.buf.len() == self.row_at {
            // A row of one empty cell (or none) is written as `""`, so that it is not
            // read as no row at all.
            self.buf.extend_from_slice(b"\"\"");
        }
        self.buf
            .extend_from_slice(if self.excel { b"\r\n" } else { b"\n" });
        self.row_start = true;
        if self.buf.len() >= CHUNK {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        self.row_at = self.buf.len();
        Ok(())
    }

    /// Flush everything to the underlying writer.
    pub(crate) fn finish(mut self) -> Result<(), Error> {
        self.out.write_all(&self.buf)?;
        self.out.flush()?;
        Ok(())
    }
}

/// Append the serde name of a unit enum variant (what `serde_json::to_value` gives as a
/// string), or return false when `value` does not serialise to a plain string.
fn push_enum_name<T: serde::Serialize>(out: &mut String, value: &T) -> bool {
    let mut json = Vec::with_capacity(32);
    if serde_json::to_writer(&mut json, value).is_err() {
        return false;
    }
    match json.as_slice() {
        [b'"', inner @ .., b'"'] if !inner.contains(&b'\\') && !inner.contains(&b'"') => {
            match std::str::from_utf8(inner) {
                Ok(name) => {
                    out.push_str(name);
                    true
                }
                Err(_) => false,
            }
        }
        _ => false,
    }
}

/// Append `n` zero-padded to `width` characters, sign included (as `{:0width$}`).
fn push_padded(s: &mut String, n: i64, width: usize) {
    let digits_width = if n < 0 {
        s.push('-');
        width.saturating_sub(1)
    } else {
        width
    };
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut m = n.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    for _ in (buf.len() - i)..digits_width {
        s.push('0');
    }
    for &b in &buf[i..] {
        s.push(char::from(b));
    }
}

/// Append [`Ymd::iso`] without allocating.
fn push_iso(s: &mut String, d: &Ymd) {
    push_padded(s, i64::from(d.year), 4);
    if let Some(m) = d.month {
        s.push('-');
        push_padded(s, i64::from(m), 2);
        if let Some(day) = d.day {
            s.push('-');
            push_padded(s, i64::from(day), 2);
        }
    }
}

/// Append [`Date::edtf`] without allocating.
fn push_edtf(s: &mut String, d: &Date) {
    if let Some(end) = &d.end {
        push_iso(s, &d.start);
        s.push('/');
        push_iso(s, end);
    } else if let (domei_model::Precision::Season, Some(season)) = (d.precision, d.season) {
        push_padded(s, i64::from(d.start.year), 4);
        s.push('-');
        push_padded(s, i64::from(season.edtf_code()), 1);
    } else {
        push_iso(s, &d.start);
    }
}

/// The decimal digits of `n`, written at the end of `buf`.
fn digits(mut n: usize, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buf[i..]
}

/// Append the decimal digits of `n`.
fn push_num(s: &mut String, n: usize) {
    let mut buf = [0u8; 20];
    s.extend(digits(n, &mut buf).iter().map(|&b| char::from(b)));
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

fn end_line(span: Span, index: &Lines) -> usize {
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
fn block_kind(block: &Block) -> (&'static str, Option<Cow<'_, str>>) {
    fn ser<T: serde::Serialize>(v: &T) -> Option<Cow<'static, str>> {
        let mut s = String::new();
        push_enum_name(&mut s, v).then_some(Cow::Owned(s))
    }
    match &block.kind {
        BlockKind::Blank => ("blank", None),
        BlockKind::Meta { field } => ("meta", ser(field)),
        BlockKind::Heading { number, .. } => ("heading", number.as_deref().map(Cow::Borrowed)),
        BlockKind::Paragraph => ("paragraph", None),
        BlockKind::Quote => ("quote", None),
        BlockKind::ListItem { marker } => ("list_item", Some(Cow::Borrowed(marker))),
        BlockKind::NotesHeading => ("notes_heading", None),
        BlockKind::Note { label } => ("note", Some(Cow::Borrowed(label))),
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

/// Append the display name of a person: the literal name, else `Given Family Suffix`.
fn push_person_name(s: &mut String, p: &Person) {
    if let Some(l) = &p.literal {
        s.push_str(l);
        return;
    }
    let start = s.len();
    match (&p.given, &p.family) {
        (Some(g), Some(f)) => {
            s.push_str(g);
            s.push(' ');
            s.push_str(f);
        }
        (Some(one), None) | (None, Some(one)) => s.push_str(one),
        (None, None) => {}
    }
    if let Some(x) = &p.suffix {
        if s.len() > start {
            s.push(' ');
        }
        s.push_str(x);
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
    index: &Lines,
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
            // The maps serve repeats only (their target and the full reference).
            let repeats = doc
                .notes
                .iter()
                .flat_map(|n| n.references.iter())
                .any(|r| r.repeat.is_some());
            let (ids, by_id): (_, HashMap<&str, &domei_model::Reference>) = if repeats {
                let by_id = doc
                    .notes
                    .iter()
                    .flat_map(|n| n.references.iter())
                    .map(|r| (r.id.as_str(), r))
                    .collect();
                (reference_ids(doc), by_id)
            } else {
                (HashMap::new(), HashMap::new())
            };
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
                    cells.spanned(&r.number)?;
                    cells.spanned(&r.collection_title)?;
                    cells.spanned(&r.collection_number)?;
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
                            cells.opt(p.value.suffix.as_deref())?;
                            cells.fmt(|s| push_person_name(s, &p.value))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the `csv` crate's writer makes of `rows`.
    fn with_csv_crate(rows: &[Vec<String>], excel: bool) -> Vec<u8> {
        let mut builder = csv::WriterBuilder::new();
        builder.flexible(true);
        if excel {
            builder.terminator(csv::Terminator::CRLF);
        }
        let mut w = builder.from_writer(Vec::new());
        for row in rows {
            w.write_record(row).unwrap();
        }
        w.into_inner().unwrap()
    }

    fn with_cells(rows: &[Vec<String>], excel: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let mut cells = Cells::new(&mut out, excel);
        for row in rows {
            for cell in row {
                cells.field(cell.as_bytes());
            }
            cells.end().unwrap();
        }
        cells.finish().unwrap();
        if excel {
            out.drain(..3);
        }
        out
    }

    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![any::<String>(), "[,\"\r\n a-z日本語]{0,40}", "[a-z]{0,20}",]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn cells_write_what_the_csv_crate_writes(
            rows in prop::collection::vec(prop::collection::vec(cell(), 1..6), 0..6),
            excel in any::<bool>(),
        ) {
            prop_assert_eq!(with_cells(&rows, excel), with_csv_crate(&rows, excel));
        }

        #[test]
        fn lines_are_those_of_the_line_index(
            text in prop_oneof![any::<String>(), "[\r\na日]{0,80}"],
        ) {
            let ours = Lines::new(&text);
            let model = domei_model::LineIndex::new(&text);
            prop_assert_eq!(ours.line_count(), model.line_count());
            for offset in 0..=text.len() + 1 {
                prop_assert_eq!(ours.line(offset), model.line(offset), "offset {}", offset);
            }
        }
    }

    #[test]
    fn quotes_and_line_ends() {
        let rows = vec![
            vec![
                "a,b".to_string(),
                "say \"hi\"".into(),
                "x\ny".into(),
                "".into(),
            ],
            vec!["".into()],
            vec!["\"".into(), "0123456789\"abcdef\"".into(), "cr\r".into()],
        ];
        let out = String::from_utf8(with_cells(&rows, false)).unwrap();
        assert_eq!(
            out,
            "\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\n\"\"\n\"\"\"\",\"0123456789\"\"abcdef\"\"\",\"cr\r\"\n"
        );
        let text = "one\r\ntwo\rthree\n\nfour\r";
        let lines = Lines::new(text);
        assert_eq!(lines.line_count(), 6);
        assert_eq!(lines.line(text.find("two").unwrap()), 2);
        assert_eq!(lines.line(text.find("three").unwrap()), 3);
        assert_eq!(lines.line(text.find("four").unwrap()), 5);
    }
}
