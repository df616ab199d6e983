//! Property tests: the matcher never panics and its output is well formed, whatever
//! the text.

mod common;

use std::sync::OnceLock;

use domei_kb::{Kb, Matcher};
use proptest::prelude::*;

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| Matcher::new(&Kb::builtin()))
}

fn pieces() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "日",
        "米",
        "韓",
        "中",
        "露",
        "・",
        "NATO",
        "日本",
        "語",
        "(",
        ")",
        "(IPCP)",
        "「",
        "」",
        "協定",
        "に署名",
        "2014年5月",
        "20年",
        "、",
        "。",
        "\n",
        "SOSASecurity of Supply Arrangement)",
        "Agreement",
        " ",
        "Treaty",
        "以下「",
        "13日",
        "改定された",
        "国別パートナーシップ協力計画",
        "キャンプ・デービッド",
        "ー",
        "ア",
        "a",
        "1",
    ]);
    prop::collection::vec(
        prop_oneof![words.prop_map(String::from), any::<String>()],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_and_spans_are_valid(text in pieces()) {
        let mut doc = common::document(&text);
        matcher().annotate(&mut doc);
        let mut last = 0;
        for m in &doc.mentions {
            prop_assert!(m.span.start >= last);
            last = m.span.start;
            prop_assert_eq!(m.span.slice(&doc.text), Some(m.text.as_str()));
        }
        for (span, _, _) in matcher().find(&text) {
            prop_assert!(span.slice(&text).is_some());
        }
    }

    #[test]
    fn bad_date_annotations_never_panic(
        text in pieces(),
        spans in prop::collection::vec((0usize..400, 0usize..40), 0..8),
    ) {
        let mut doc = common::document(&text);
        for (start, len) in spans {
            doc.dates.push(domei_model::DateMention {
                span: domei_model::Span::new(start, start + len),
                text: String::new(),
                date: domei_model::Date::absolute(domei_model::Ymd::year(2020)),
            });
        }
        matcher().annotate(&mut doc);
    }

    #[test]
    fn arbitrary_csv_never_panics(text in any::<String>()) {
        let mut kb = Kb::default();
        let _ = kb.extend_from_str(std::path::Path::new("actors.csv"), &text);
        let _ = kb.extend_from_str(std::path::Path::new("x.csv"), &text);
    }
}
