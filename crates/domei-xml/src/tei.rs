//! TEI P5.
use std::io::Write;
use domei_model::Document;
use crate::Error;
/// Write `doc` as TEI P5.
pub fn write<W: Write>(_doc: &Document, _out: W) -> Result<(), Error> { Ok(()) }
