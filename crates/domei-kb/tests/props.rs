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

/// The words the generated texts are made of.
const WORDS: &[&str] = &[
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
    "ＮＡ",
    "ＴＯ",
    "Ｇ",
    "7",
    "７",
    "G7",
    "AUKUS",
    "Ｘ",
    "the Alliance",
    "The U.S.-Japan alliance",
    "日米同盟",
    "トランプ大統領の",
    "バイデン政権の",
    "米国の",
    "国家安全保障戦略",
    "国家防衛戦略",
    "の",
    "日・米",
    "日本と",
    "GSOMIA",
    "ＧＳＯＭＩＡ",
    "RAA",
    "日豪",
    "（以下、",
    "ＸＹ４",
    "）",
    "ＡＢＣ協定",
    "R6.10",
    "FY2024-25",
    "24.10.27に開催",
];

fn words() -> impl Strategy<Value = String> {
    prop::sample::select(WORDS.to_vec()).prop_map(String::from)
}

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![words(), any::<String>()], 0..40).prop_map(|v| v.concat())
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

    /// Writing the ASCII letters and digits of a text full-width changes none of
    /// the knowledge-base mentions, only their byte offsets.
    #[test]
    fn full_width_text_has_the_same_mentions(v in prop::collection::vec(words(), 0..30)) {
        let text = v.concat();
        let wide: String = text
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect();
        let ids = |t: &str| -> Vec<String> {
            matcher().find(t).iter().map(|(_, id, _)| id.to_string()).collect()
        };
        prop_assert_eq!(ids(&wide), ids(&text), "{} / {}", text, wide);
        for (span, _, _) in matcher().find(&wide) {
            prop_assert!(span.slice(&wide).is_some());
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

/// Date annotations whose spans cut into a full-width character (or run past the
/// text) are mapped onto the folded text without panicking.
#[test]
fn date_spans_inside_full_width_characters_do_not_panic() {
    for (start, end) in [(1, 2), (0, 1), (2, 5), (4, 100), (100, 200)] {
        let mut doc = common::document("ＧＳＯＭＩＡは日韓が2019年に延長した。");
        doc.dates.push(domei_model::DateMention {
            span: domei_model::Span::new(start, end),
            text: String::new(),
            date: domei_model::Date::absolute(domei_model::Ymd::year(2019)),
        });
        matcher().annotate(&mut doc);
        for m in &doc.mentions {
            assert_eq!(m.span.slice(&doc.text), Some(m.text.as_str()));
        }
    }
}
