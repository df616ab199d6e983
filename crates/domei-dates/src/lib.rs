//! Dates as Japanese security-policy texts write them. (Being written: see issue 4.)
#![deny(missing_docs)]

use domei_model::{Date, DateMention, Document, Ymd};

/// What relative dates are resolved against.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The reference date (the article's publication date) for 昨年, 今年, 24年 ….
    pub reference: Option<Ymd>,
}

/// Parse one date string (`2024年10月27日`, `2024.03.01`, `(2025/06/27)`, `July 10, 2024`).
pub fn parse(text: &str) -> Option<Date> {
    let _ = text;
    None
}

/// Every date mention in `text`, in order.
pub fn scan<'t>(text: &'t str, context: &Context) -> impl Iterator<Item = DateMention> + 't {
    let _ = (text, context);
    std::iter::empty()
}

/// Fill `doc.dates` with every date of the text, relative dates resolved against the
/// publication date.
pub fn annotate(doc: &mut Document) {
    let _ = doc;
}
