//! CSV tables of domei documents.
//!
//! Fifteen tables ([`Table::ALL`]) hold what the model of a set of documents knows:
//! documents, authors, sections, paragraphs (every non-blank block), notes, anchors,
//! references, reference authors, dates, mentions, actors, alliances, agreements,
//! agreement events and diagnostics. Every row has a stable id that other tables join
//! on (`<document id>:<note id>:r<k>` for a reference, `<document id>:b<k>` for a
//! block, …), rows come in a deterministic order (documents sorted by id, then text
//! order), and everything taken from the text carries its span as UTF-8 byte offsets
//! (`start`, `end`) and 1-based line numbers (`line`, `end_line`).
//!
//! The files are RFC 4180 CSV in UTF-8 with a header row. [`Options::excel`] adds a
//! byte-order mark, CRLF line ends and a `'` before cells a spreadsheet would run as a
//! formula; it is off by default because it alters the data. `docs/csv.md` documents
//! every column, and [`Table::columns`] carries the same descriptions.
//!
//! ```
//! use domei_csv::{Options, Table, write_table};
//! use domei_model::Document;
//!
//! let json = r#"{"format_version":1,"id":"demo","source":{"path":"demo.txt","byte_len":6,
//!   "sha256":"","encoding":{"name":"UTF-8","bom":false,"detected_by":"valid_utf8"},
//!   "line_endings":"none","text_len":6},"text":"日米","metadata":{"language":"ja"},"blocks":[]}"#;
//! let doc: Document = serde_json::from_str(json).unwrap();
//! let mut out = Vec::new();
//! write_table(Table::Documents, &[doc], &mut out, &Options::default()).unwrap();
//! let csv = String::from_utf8(out).unwrap();
//! assert!(csv.starts_with("document_id,path,"));
//! assert!(csv.lines().nth(1).unwrap().starts_with("demo,demo.txt,"));
//! ```
#![deny(missing_docs)]

mod columns;
mod tables;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use domei_model::Document;

pub use columns::Column;

/// Options of the CSV export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Spreadsheet-safe output: a UTF-8 byte-order mark, CRLF line ends, and a `'`
    /// before every cell that starts with `=`, `+`, `-`, `@`, TAB, CR or NUL.
    pub excel: bool,
}

impl Options {
    /// The default options: plain RFC 4180 with LF line ends, data unchanged.
    pub const fn new() -> Options {
        Options { excel: false }
    }

    /// These options with spreadsheet-safe output switched on or off.
    pub const fn excel(mut self, excel: bool) -> Options {
        self.excel = excel;
        self
    }
}

/// An error of the CSV export. Content never causes one; only writing can fail.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be created or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
    /// The CSV writer failed (an I/O error of the underlying writer). Kept for
    /// compatibility: the tables are now written by this crate's own writer, whose
    /// failures are [`Error::Write`].
    #[error(transparent)]
    Csv(#[from] csv::Error),
    /// The underlying writer failed.
    #[error(transparent)]
    Write(#[from] io::Error),
}

/// One of the exported tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    /// One row per document.
    Documents,
    /// One row per credited author, translator or editor of a document.
    Authors,
    /// One row per section of the body (and one for the text before the first heading).
    Sections,
    /// One row per non-blank block (paragraphs, headings, notes, metadata lines, chrome).
    Paragraphs,
    /// One row per note of the notes section.
    Notes,
    /// One row per note marker in the body.
    Anchors,
    /// One row per reference held by a note.
    References,
    /// One row per author, editor or translator of a reference.
    ReferenceAuthors,
    /// One row per date mentioned in the text.
    Dates,
    /// One row per mention of an actor, alliance, framework or agreement.
    Mentions,
    /// One row per country or organisation a document mentions.
    Actors,
    /// One row per alliance or framework a document mentions.
    Alliances,
    /// One row per agreement a document mentions.
    Agreements,
    /// One row per agreement event.
    AgreementEvents,
    /// One row per diagnostic.
    Diagnostics,
}

impl Table {
    /// Every table, in the order [`write_dir`] writes them.
    pub const ALL: [Table; 15] = [
        Table::Documents,
        Table::Authors,
        Table::Sections,
        Table::Paragraphs,
        Table::Notes,
        Table::Anchors,
        Table::References,
        Table::ReferenceAuthors,
        Table::Dates,
        Table::Mentions,
        Table::Actors,
        Table::Alliances,
        Table::Agreements,
        Table::AgreementEvents,
        Table::Diagnostics,
    ];

    /// The table's name, which is also its file name without `.csv`.
    pub const fn name(self) -> &'static str {
        match self {
            Table::Documents => "documents",
            Table::Authors => "authors",
            Table::Sections => "sections",
            Table::Paragraphs => "paragraphs",
            Table::Notes => "notes",
            Table::Anchors => "anchors",
            Table::References => "references",
            Table::ReferenceAuthors => "reference_authors",
            Table::Dates => "dates",
            Table::Mentions => "mentions",
            Table::Actors => "actors",
            Table::Alliances => "alliances",
            Table::Agreements => "agreements",
            Table::AgreementEvents => "agreement_events",
            Table::Diagnostics => "diagnostics",
        }
    }

    /// The file name `write_dir` gives the table (`references.csv`).
    pub fn file_name(self) -> String {
        format!("{}.csv", self.name())
    }

    /// The columns of the table, in order, with their types and meanings.
    pub fn columns(self) -> &'static [Column] {
        columns::of(self)
    }
}

/// Documents prepared for export: sorted by id, each with its line index.
///
/// Build it once and write several tables from it; [`write_table`] and [`write_dir`]
/// do this for you.
#[derive(Debug)]
pub struct Tables<'d> {
    docs: Vec<(&'d Document, tables::Lines)>,
}

impl<'d> Tables<'d> {
    /// Prepare `docs`: sort them by id (stable, so equal ids keep their order) and index
    /// the lines of each text once.
    pub fn new(docs: &'d [Document]) -> Tables<'d> {
        let mut sorted: Vec<&Document> = docs.iter().collect();
        sorted.sort_by(|a, b| a.id.cmp(&b.id));
        Tables {
            docs: sorted
                .into_iter()
                .map(|d| (d, tables::Lines::new(&d.text)))
                .collect(),
        }
    }

    /// Write `table` as CSV to `out`, header first.
    pub fn write<W: Write>(&self, table: Table, out: W, options: &Options) -> Result<(), Error> {
        let mut cells = tables::Cells::new(out, options.excel);
        for column in table.columns() {
            cells.text(column.name)?;
        }
        cells.end()?;
        for (doc, index) in &self.docs {
            tables::write_rows(table, doc, index, &mut cells)?;
        }
        cells.finish()
    }
}

/// Write one table of `docs` as CSV to `out`.
pub fn write_table<W: Write>(
    table: Table,
    docs: &[Document],
    out: W,
    options: &Options,
) -> Result<(), Error> {
    Tables::new(docs).write(table, out, options)
}

/// Write every table of `docs` into `dir` (created if needed) as `<table>.csv`, and
/// return the paths written, in the order of [`Table::ALL`].
pub fn write_dir(docs: &[Document], dir: &Path, options: &Options) -> Result<Vec<PathBuf>, Error> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let tables = Tables::new(docs);
    let mut paths = Vec::with_capacity(Table::ALL.len());
    for table in Table::ALL {
        let path = dir.join(table.file_name());
        let io_err = |source| Error::Io {
            path: path.clone(),
            source,
        };
        let file = File::create(&path).map_err(io_err)?;
        let mut out = BufWriter::with_capacity(1 << 16, file);
        match tables.write(table, &mut out, options) {
            Ok(()) => {}
            Err(Error::Write(source)) => return Err(io_err(source)),
            Err(Error::Csv(e)) => {
                let source = match e.into_kind() {
                    csv::ErrorKind::Io(source) => source,
                    kind => io::Error::other(format!("{kind:?}")),
                };
                return Err(io_err(source));
            }
            Err(e) => return Err(e),
        }
        out.flush().map_err(io_err)?;
        paths.push(path);
    }
    Ok(paths)
}
