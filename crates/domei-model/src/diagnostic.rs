//! Diagnostics: problems found in the content, returned beside the model.

use serde::{Deserialize, Serialize};

use crate::Span;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something was lost or could not be read; the model is still complete as far as it goes.
    Error,
    /// Something looks wrong in the input (a damaged date, an unmatched anchor).
    Warning,
    /// A decision the parser took that a user may want to know about.
    Info,
}

/// A problem with the content of one document. Parsing never fails on content: it
/// records a diagnostic and goes on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// A stable, dotted machine-readable code, e.g. `encoding.replaced`, `note.unmatched_anchor`.
    pub code: String,
    /// A sentence for people.
    pub message: String,
    /// Where it is, when it is somewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The 1-based line of `span.start`, filled in by whoever knows the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

impl Diagnostic {
    /// A diagnostic with no position yet.
    pub fn new(severity: Severity, code: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code: code.into(),
            message: message.into(),
            span: None,
            line: None,
        }
    }

    /// The same diagnostic placed at `span`.
    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }
}
