//! The columns of every table: names, types and meanings (mirrored in `docs/csv.md`).

use crate::Table;

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The header name.
    pub name: &'static str,
    /// The value type: `id`, `text`, `int`, `bool`, `edtf`, `date`, `float`, `ids`
    /// (space-separated ids), `json` (a JSON array of strings), or `enum`.
    pub kind: &'static str,
    /// What the column holds.
    pub doc: &'static str,
}

const fn c(name: &'static str, kind: &'static str, doc: &'static str) -> Column {
    Column { name, kind, doc }
}

macro_rules! span_columns {
    ($what:literal) => {
        [
            c(
                "start",
                "int",
                concat!("Byte offset of the first byte of ", $what, "."),
            ),
            c(
                "end",
                "int",
                concat!("Byte offset one past the last byte of ", $what, "."),
            ),
            c(
                "line",
                "int",
                concat!("1-based line where ", $what, " starts."),
            ),
            c(
                "end_line",
                "int",
                concat!("1-based line of the last byte of ", $what, "."),
            ),
        ]
    };
}

const fn cat<const A: usize, const B: usize, const N: usize>(
    a: [Column; A],
    b: [Column; B],
) -> [Column; N] {
    assert!(A + B == N, "column count");
    let mut out = [c("", "", ""); N];
    let mut i = 0;
    while i < A {
        out[i] = a[i];
        i += 1;
    }
    let mut j = 0;
    while j < B {
        out[A + j] = b[j];
        j += 1;
    }
    out
}

const DOCUMENTS: [Column; 36] = [
    c(
        "document_id",
        "id",
        "The document id (`Document.id`), derived from the file name.",
    ),
    c("path", "text", "The input file as given."),
    c(
        "sha256",
        "text",
        "SHA-256 of the raw input bytes, lower-case hex.",
    ),
    c("byte_len", "int", "Length of the raw input in bytes."),
    c(
        "text_len",
        "int",
        "Length of the decoded text in bytes (UTF-8).",
    ),
    c("line_count", "int", "Number of lines of the decoded text."),
    c("encoding", "text", "WHATWG name of the input encoding."),
    c(
        "bom",
        "bool",
        "True when the input began with a byte-order mark.",
    ),
    c(
        "line_endings",
        "enum",
        "`none`, `lf`, `crlf`, `cr` or `mixed`.",
    ),
    c("language", "text", "BCP 47 language of the body."),
    c(
        "kind",
        "enum",
        "Document kind (`policy_paper`, `monthly_report`, `media_column`, `blog_translation`, `translated_paper`, `other`).",
    ),
    c("title", "text", "Main title."),
    c("subtitle", "text", "Subtitle."),
    c(
        "published",
        "edtf",
        "Publication date (EDTF at its precision).",
    ),
    c("issue_date", "edtf", "Date of the print issue."),
    c(
        "written",
        "edtf",
        "Date the text was written (closing signature).",
    ),
    c("site", "text", "Web site or publisher."),
    c("series", "text", "Series or project."),
    c("series_number", "text", "Number within the series."),
    c("periodical", "text", "Magazine or journal."),
    c("issue", "text", "Issue label as printed."),
    c("section", "text", "Site section."),
    c("categories", "json", "Categories."),
    c("tags", "json", "Tags."),
    c(
        "summary",
        "text",
        "Summary or lead set apart from the body.",
    ),
    c(
        "is_translation",
        "bool",
        "True when the article is a translation.",
    ),
    c(
        "original_title",
        "text",
        "Title of the original of a translation.",
    ),
    c("original_language", "text", "Language of the original."),
    c("translator", "text", "Who translated it."),
    c(
        "machine_translation_likely",
        "bool",
        "True when the text shows marks of machine translation.",
    ),
    c(
        "block_count",
        "int",
        "Number of blocks (rows of `paragraphs` plus blank blocks).",
    ),
    c("note_count", "int", "Number of rows in `notes`."),
    c("anchor_count", "int", "Number of rows in `anchors`."),
    c("reference_count", "int", "Number of rows in `references`."),
    c("date_count", "int", "Number of rows in `dates`."),
    c(
        "diagnostic_count",
        "int",
        "Number of rows in `diagnostics`.",
    ),
];

const AUTHORS: [Column; 11] = cat(
    [
        c(
            "author_id",
            "id",
            "`<document_id>:au<k>`, k the 1-based position.",
        ),
        c("document_id", "id", "The document (joins `documents`)."),
        c("position", "int", "1-based position in the credits."),
        c("name", "text", "The name as written."),
        c(
            "role",
            "enum",
            "`author`, `translator`, `editor` or `original_author`.",
        ),
        c("affiliation", "text", "Affiliation and position."),
        c("bio", "text", "Short biography printed with the article."),
    ],
    span_columns!("the name"),
);

const SECTIONS: [Column; 14] = cat(
    [
        c(
            "section_id",
            "id",
            "`<document_id>:s<k>`, k the 1-based position in text order.",
        ),
        c("document_id", "id", "The document (joins `documents`)."),
        c(
            "position",
            "int",
            "1-based position among the document's sections.",
        ),
        c(
            "level",
            "int",
            "Heading level; 0 for the text before the first heading.",
        ),
        c(
            "number",
            "text",
            "The heading's printed number (`1.`, `(1)`, `■`).",
        ),
        c("heading", "text", "The heading text; empty for level 0."),
        c(
            "heading_block_id",
            "id",
            "The heading block (joins `paragraphs.block_id`).",
        ),
        c(
            "parent_section_id",
            "id",
            "The enclosing section of a lower level, if any.",
        ),
        c(
            "first_block",
            "int",
            "Index of the first block after the heading.",
        ),
        c(
            "end_block",
            "int",
            "One past the index of the last block (subsections included).",
        ),
    ],
    span_columns!("the section (heading included)"),
);

const PARAGRAPHS: [Column; 12] = cat(
    [
        c(
            "block_id",
            "id",
            "`<document_id>:b<i>`, i the 0-based block index.",
        ),
        c("document_id", "id", "The document (joins `documents`)."),
        c("block_index", "int", "0-based index in `Document.blocks`."),
        c(
            "kind",
            "enum",
            "Block kind: `meta`, `heading`, `paragraph`, `quote`, `list_item`, `notes_heading`, `note`, `signature`, `chrome`.",
        ),
        c(
            "detail",
            "text",
            "The meta field, heading number, list marker, note label or chrome kind.",
        ),
        c(
            "section_id",
            "id",
            "The innermost section holding the block (joins `sections`).",
        ),
        c(
            "text",
            "text",
            "The block's content without surrounding white space.",
        ),
        c(
            "block_start",
            "int",
            "Byte offset of the block's whole lines (`Block.span.start`).",
        ),
    ],
    span_columns!("the content"),
);

const NOTES: [Column; 14] = cat(
    [
        c("note_id", "id", "`<document_id>:<note id>` (`doc:n3`)."),
        c("document_id", "id", "The document (joins `documents`)."),
        c("number", "int", "The note number."),
        c("label", "text", "The number as printed."),
        c("text", "text", "The note text after the label."),
        c(
            "reference_count",
            "int",
            "Number of its rows in `references`.",
        ),
        c(
            "anchor_ids",
            "ids",
            "The anchors pointing at it (joins `anchors`).",
        ),
        c("commentary", "json", "Note text that is not a reference."),
        c("block_id", "id", "Its first block (joins `paragraphs`)."),
        c(
            "text_start",
            "int",
            "Byte offset of the note text after the label.",
        ),
    ],
    span_columns!("the whole note, label included"),
);

const ANCHORS: [Column; 11] = cat(
    [
        c("anchor_id", "id", "`<document_id>:<anchor id>` (`doc:a1`)."),
        c("document_id", "id", "The document (joins `documents`)."),
        c("text", "text", "The marker as written."),
        c(
            "style",
            "enum",
            "`bracket`, `paren_bracket`, `paren`, `lenticular_bracket`, `kome`, `asterisk`, `chu`, `superscript`.",
        ),
        c(
            "numbers",
            "ids",
            "The note numbers it points at, space-separated.",
        ),
        c(
            "note_ids",
            "ids",
            "The notes it is linked to (joins `notes`).",
        ),
        c(
            "block_id",
            "id",
            "The block it stands in (joins `paragraphs`).",
        ),
    ],
    span_columns!("the marker"),
);

const REFERENCES: [Column; 33] = cat(
    [
        c(
            "reference_id",
            "id",
            "`<document_id>:<note id>:r<k>`, k the 1-based position in the note.",
        ),
        c("document_id", "id", "The document (joins `documents`)."),
        c("note_id", "id", "The note holding it (joins `notes`)."),
        c("position", "int", "1-based position in the note."),
        c("model_id", "text", "`Reference.id` in the JSON model."),
        c(
            "type",
            "enum",
            "CSL type (`webpage`, `article-newspaper`, `report`, `book`, `chapter` …).",
        ),
        c("raw", "text", "The reference text, verbatim."),
        c("title", "text", "Title of the work."),
        c(
            "container_title",
            "text",
            "Newspaper, journal, site or book it appeared in.",
        ),
        c("publisher", "text", "Publisher or issuing body."),
        c("publisher_place", "text", "Place of publication."),
        c("genre", "text", "Genre or description."),
        c("issued", "edtf", "Date of issue at its precision."),
        c("accessed", "edtf", "Date the URL was accessed."),
        c("volume", "text", "Volume."),
        c(
            "issue",
            "text",
            "Issue of a journal, magazine or newspaper.",
        ),
        c(
            "number",
            "text",
            "Number of a report, working paper or preprint (`R47258`, `arXiv:2401.01234`).",
        ),
        c(
            "collection_title",
            "text",
            "Series the work belongs to (`Policy Analysis`, `Adelphi Papers`).",
        ),
        c(
            "collection_number",
            "text",
            "Number of a book within its series.",
        ),
        c("page", "text", "Page range of the work."),
        c(
            "locator",
            "text",
            "The cited page or division (第3章, ch. 4) of this citation, as written.",
        ),
        c("url", "text", "URL."),
        c("doi", "text", "DOI."),
        c("language", "text", "BCP 47 language."),
        c(
            "et_al",
            "bool",
            "True when the author list ends in et al. / 他.",
        ),
        c(
            "author_count",
            "int",
            "Number of its authors in `reference_authors`.",
        ),
        c(
            "repeat_kind",
            "enum",
            "`ibid`, `op_cit` or `short_form` for a repeated citation.",
        ),
        c(
            "repeat_target_id",
            "id",
            "The full reference a repeat points at (joins `references.reference_id`).",
        ),
        c(
            "full_reference_id",
            "id",
            "This row's id, or for a repeat the id of the full reference it resolves to.",
        ),
    ],
    span_columns!("the reference"),
);

const REFERENCE_AUTHORS: [Column; 15] = cat(
    [
        c(
            "reference_author_id",
            "id",
            "`<reference_id>:<role><k>` (`…:author1`).",
        ),
        c("reference_id", "id", "The reference (joins `references`)."),
        c("document_id", "id", "The document (joins `documents`)."),
        c("role", "enum", "`author`, `editor` or `translator`."),
        c("position", "int", "1-based position within the role."),
        c("family", "text", "Family name."),
        c("given", "text", "Given names."),
        c(
            "literal",
            "text",
            "The whole name, for organisations and names that do not split.",
        ),
        c("suffix", "text", "Name suffix (`Jr.`, `III`)."),
        c(
            "name",
            "text",
            "The name for display: literal, or given, family and suffix.",
        ),
        c(
            "detached",
            "bool",
            "True when the name has no place in the text (span columns empty).",
        ),
    ],
    span_columns!("the name"),
);

const DATES: [Column; 21] = cat(
    [
        c(
            "date_id",
            "id",
            "`<document_id>:d<k>`, k the 1-based position in text order.",
        ),
        c("document_id", "id", "The document (joins `documents`)."),
        c(
            "block_id",
            "id",
            "The block it stands in (joins `paragraphs`).",
        ),
        c("text", "text", "The date as written."),
        c(
            "edtf",
            "edtf",
            "EDTF value at its precision (`2024`, `2024-10-27`, `2023-24`, `2023/2026`).",
        ),
        c(
            "start_date",
            "date",
            "Start (or only) point, ISO 8601 at its precision.",
        ),
        c("end_date", "date", "End of a range."),
        c(
            "precision",
            "enum",
            "`year`, `month`, `day`, `season`, `fiscal_year`, `range`.",
        ),
        c(
            "kind",
            "enum",
            "`absolute`, `era`, `relative`, `fiscal`, `range`.",
        ),
        c("season", "enum", "`spring`, `summer`, `autumn`, `winter`."),
        c(
            "part",
            "enum",
            "`early_month`, `mid_month`, `late_month`, `year_start`, `year_end`, `first_half`, `second_half`.",
        ),
        c(
            "era",
            "enum",
            "`meiji`, `taisho`, `showa`, `heisei`, `reiwa`.",
        ),
        c(
            "relative_expression",
            "text",
            "The relative expression (`昨年`, `同年`).",
        ),
        c(
            "anchoring",
            "enum",
            "`reference`, `previous_mention` or `unresolved`.",
        ),
        c(
            "against",
            "date",
            "The date a relative date was resolved against.",
        ),
        c("damaged", "bool", "True when the text lost characters."),
        c(
            "readings",
            "ids",
            "Every reading of a damaged date, best first, ISO dates space-separated.",
        ),
    ],
    span_columns!("the date"),
);

const MENTIONS: [Column; 12] = cat(
    [
        c(
            "mention_id",
            "id",
            "`<document_id>:m<k>`, k the 1-based position in text order.",
        ),
        c("document_id", "id", "The document (joins `documents`)."),
        c(
            "entity_id",
            "id",
            "The entity (joins `actors`, `alliances`, `agreements` on `document_id`, `entity_id`).",
        ),
        c(
            "category",
            "enum",
            "`country`, `organization`, `alliance`, `framework`, `agreement`.",
        ),
        c("text", "text", "The text as written."),
        c(
            "compound",
            "text",
            "The compound form it is part of (`日米韓`).",
        ),
        c("date", "edtf", "A date tied to the mention."),
        c(
            "block_id",
            "id",
            "The block it stands in (joins `paragraphs`).",
        ),
    ],
    span_columns!("the mention"),
);

const ENTITIES: [Column; 10] = [
    c("document_id", "id", "The document (joins `documents`)."),
    c(
        "entity_id",
        "id",
        "Knowledge-base id, or `doc:…` for one learnt from the document.",
    ),
    c(
        "category",
        "enum",
        "`country`, `organization`, `alliance`, `framework`, `agreement`.",
    ),
    c("name_ja", "text", "Japanese name."),
    c("name_en", "text", "English name."),
    c("abbreviations", "json", "Abbreviations."),
    c(
        "kind",
        "text",
        "A finer type (`collective_defence`, `treaty` …).",
    ),
    c("parties", "ids", "Members or parties (entity ids)."),
    c("mentions", "int", "Number of mentions in the document."),
    c(
        "learnt",
        "bool",
        "True when it was learnt from the document, not the knowledge base.",
    ),
];

const EVENTS: [Column; 10] = cat(
    [
        c(
            "event_id",
            "id",
            "`<document_id>:e<k>`, k the 1-based position.",
        ),
        c("document_id", "id", "The document (joins `documents`)."),
        c(
            "agreement_id",
            "id",
            "The agreement (joins `agreements.entity_id`).",
        ),
        c(
            "kind",
            "enum",
            "`signed`, `concluded`, `adopted`, `announced`, `entered_into_force`, `revised`, `renewed`, `suspended`, `terminated`, `withdrawn`, `agreed`.",
        ),
        c("date", "edtf", "When."),
        c("parties", "ids", "Who took part (entity ids)."),
    ],
    span_columns!("the clause it was read from (empty when it comes from the knowledge base)"),
);

const DIAGNOSTICS: [Column; 9] = cat(
    [
        c(
            "diagnostic_id",
            "id",
            "`<document_id>:x<k>`, k the 1-based position.",
        ),
        c("document_id", "id", "The document (joins `documents`)."),
        c("severity", "enum", "`error`, `warning` or `info`."),
        c("code", "text", "Dotted machine-readable code."),
        c("message", "text", "A sentence for people."),
    ],
    span_columns!("the problem (empty when it has no place)"),
);

/// The columns of `table`.
pub(crate) fn of(table: Table) -> &'static [Column] {
    match table {
        Table::Documents => &DOCUMENTS,
        Table::Authors => &AUTHORS,
        Table::Sections => &SECTIONS,
        Table::Paragraphs => &PARAGRAPHS,
        Table::Notes => &NOTES,
        Table::Anchors => &ANCHORS,
        Table::References => &REFERENCES,
        Table::ReferenceAuthors => &REFERENCE_AUTHORS,
        Table::Dates => &DATES,
        Table::Mentions => &MENTIONS,
        Table::Actors | Table::Alliances | Table::Agreements => &ENTITIES,
        Table::AgreementEvents => &EVENTS,
        Table::Diagnostics => &DIAGNOSTICS,
    }
}
