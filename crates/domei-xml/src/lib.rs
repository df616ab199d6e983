//! domei XML and TEI P5: the whole [`domei_model::Document`] as XML in a versioned
//! namespace of ours ([`NAMESPACE`]), typed by the XSD `docs/schema/domei.xsd` and read
//! back by [`read`]; and the article as a TEI P5 document ([`tei::write`]).
//!
//! Both writers stream: they write to the output as they walk the model and keep
//! nothing but the set of ids. Characters XML 1.0 does not allow (C0 controls but tab,
//! line feed and carriage return; U+FFFE; U+FFFF) are replaced with U+FFFD, and the
//! domei XML writer then adds a diagnostic `xml.char_replaced`; markup characters are
//! escaped, carriage returns written as `&#13;` so that they survive parsing.
//!
//! ```
//! use domei_model::{Document, Source, Metadata, Entities, FORMAT_VERSION};
//!
//! let doc = Document {
//!     format_version: FORMAT_VERSION,
//!     id: "example".into(),
//!     source: Source::default(),
//!     text: "日米同盟 & <NATO>\r\n".into(),
//!     metadata: Metadata { language: "ja".into(), ..Metadata::default() },
//!     blocks: vec![],
//!     anchors: vec![],
//!     notes: vec![],
//!     dates: vec![],
//!     mentions: vec![],
//!     entities: Entities::default(),
//!     diagnostics: vec![],
//! };
//! let mut xml = Vec::new();
//! domei_xml::write(&doc, &mut xml)?;
//! let text = String::from_utf8(xml).expect("UTF-8");
//! assert!(text.contains("日米同盟 &amp; &lt;NATO&gt;&#13;\n"));
//! assert_eq!(domei_xml::read(text.as_bytes())?, doc);
//!
//! let mut tei = Vec::new();
//! domei_xml::tei::write(&doc, &mut tei)?;
//! assert!(String::from_utf8(tei).expect("UTF-8").contains("<teiHeader>"));
//! # Ok::<(), domei_xml::Error>(())
//! ```
#![deny(missing_docs)]

use std::io::{BufRead, Write};

use domei_model::Document;

mod names;
mod out;
mod read;
pub mod tei;
mod write;

pub use out::{is_xml_char, xml_safe};

/// The namespace of domei XML. Its last part is the version of the XML format: it
/// changes when an element or attribute is renamed or removed, not when one is added.
pub const NAMESPACE: &str = "urn:domei:xml:1";

/// Errors of the XML writers and reader.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing failed.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// The input is not well-formed XML.
    #[error("XML syntax error: {0}")]
    Syntax(String),
    /// The input is XML but not domei XML.
    #[error("invalid domei XML in <{element}>: {message}")]
    Invalid {
        /// The element where the problem is.
        element: String,
        /// What is wrong.
        message: String,
    },
    /// A model value has no name in the format (a unit enum variant that serde does
    /// not serialize as a string).
    #[error("model value cannot be written: {0}")]
    Model(String),
}

/// Write `doc` as domei XML (namespace [`NAMESPACE`], valid against
/// `docs/schema/domei.xsd`).
pub fn write<W: Write>(doc: &Document, out: W) -> Result<(), Error> {
    write::write_document(doc, out)
}

/// Read domei XML back into the model. Bad input gives an [`Error`], never a panic.
pub fn read<R: BufRead>(input: R) -> Result<Document, Error> {
    read::read_document(input)
}

/// The serialized (serde) name of a unit enum variant: the names of domei XML are the
/// names of the JSON form.
pub(crate) fn enum_name<T: serde::Serialize>(value: &T) -> Result<&'static str, Error> {
    value
        .serialize(names::NameOf)
        .map_err(|e| Error::Model(e.to_string()))
}

/// The unit enum variant with this serialized name.
pub(crate) fn parse_enum<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}
