//! Finding the knowledge base's entities, and new agreements, in a document.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use domei_model::{
    AgreementEvent, BlockKind, Date, Document, Entities, Entity, EntityCategory, EventKind,
    Mention, Span, Ymd,
};

use crate::Kb;
use crate::text::{
    Remap, Unfold, char_at, char_before, english_years, fold_width, is_alnum, is_kanji,
    is_katakana, is_name_char, is_numeral, narrow, scan_dates,
};

/// Characters before a one-character country form that make it a mention (`訪米`,
/// `対中`, `駐日`, `在韓`).
const SHORT_PREFIXES: &[char] = &[
    '訪', '対', '駐', '在', '親', '反', '嫌', '知', '渡', '来', '離', '脱', '全', '排', '滞',
];

/// Words after a one-character country form that make it a mention (`米政府`, `英軍`).
const SHORT_SUFFIXES: &[&str] = &[
    "政府",
    "軍",
    "側",
    "大統領",
    "首相",
    "外相",
    "国防",
    "国務",
    "議会",
    "大使",
    "当局",
    "企業",
    "紙",
    "国債",
    "海軍",
    "陸軍",
    "空軍",
    "海兵隊",
    "本土",
    "首脳",
    "両国",
    "主導",
    "製",
    "防衛",
    "外務",
    "同盟",
];

/// One-character forms that count before a katakana place or person name (`米ハワイ`).
const KATAKANA_PLACE_SHORTS: &[&str] = &["米", "英", "仏", "独", "露", "豪", "韓"];

/// Endings of agreement names.
const JA_AGREEMENT_SUFFIXES: &[&str] = &[
    "協定",
    "条約",
    "宣言",
    "声明",
    "計画",
    "誓約",
    "原則",
    "覚書",
    "枠組み",
    "枠組",
    "約定",
    "議定書",
    "憲章",
    "協約",
    "コミュニケ",
    "共同文書",
];

/// Katakana words that do not make a name on their own (`パートナーシップ計画`).
const GENERIC_KATAKANA: &[&str] = &[
    "パートナーシップ",
    "プロジェクト",
    "プログラム",
    "ロードマップ",
    "アクション",
    "イニシアチブ",
    "イニシアティブ",
    "ビジョン",
    "システム",
    "ネットワーク",
    "セキュリティ",
    "サイバー",
    "エネルギー",
    "ミサイル",
    "ドローン",
    "アクセス",
    "パートナー",
];

/// Endings of organisation names (for abbreviations defined in the text).
const JA_ORG_SUFFIXES: &[&str] = &[
    "機構",
    "部隊",
    "センター",
    "司令部",
    "理事会",
    "委員会",
    "事務所",
    "機関",
    "本部",
    "省",
    "庁",
];

/// Endings of framework names (for abbreviations defined in the text).
const JA_FRAMEWORK_SUFFIXES: &[&str] = &["会議", "対話", "パートナーシップ", "協議", "同盟"];

/// English endings of agreement names that need a definition in the text
/// (`Individually Tailored Partnership Programme (ITPP)`), besides [`EN_SHAPE_WORDS`].
const EN_AGREEMENT_WORDS: &[&str] = &["Statement", "Programme", "Program", "Commitment", "Plan"];
/// English endings that make a capitalised phrase an agreement name on their own.
const EN_SHAPE_WORDS: &[&str] = &[
    "Treaty",
    "Agreement",
    "Declaration",
    "Pledge",
    "Arrangement",
    "Communiqué",
    "Communique",
    "Accord",
    "Charter",
    "Memorandum",
    "Protocol",
    "Principles",
];
const EN_ORG_WORDS: &[&str] = &[
    "Organization",
    "Organisation",
    "Agency",
    "Command",
    "Center",
    "Centre",
    "Council",
    "Committee",
    "Office",
    "Ministry",
    "Department",
    "Force",
    "Headquarters",
];
const EN_FRAMEWORK_WORDS: &[&str] = &["Meeting", "Dialogue", "Partnership", "Alliance", "Group"];
const EN_CONNECTORS: &[&str] = &["of", "on", "for", "to"];
const EN_STOP_VERBS: &[&str] = &[
    "Sign",
    "Signs",
    "Signed",
    "Adopt",
    "Adopts",
    "Adopted",
    "Launch",
    "Launches",
    "Announce",
    "Announces",
    "Conclude",
    "Concludes",
    "Renew",
    "Renews",
    "Under",
    "With",
    "The",
    "A",
    "An",
    "New",
    "And",
];

/// Verbs of agreement events and what they mean.
const EVENT_VERBS: &[(&str, EventKind)] = &[
    ("署名", EventKind::Signed),
    ("調印", EventKind::Signed),
    ("締結", EventKind::Concluded),
    ("採択", EventKind::Adopted),
    ("策定", EventKind::Adopted),
    ("制定", EventKind::Adopted),
    ("発表", EventKind::Announced),
    ("発出", EventKind::Announced),
    ("公表", EventKind::Announced),
    ("発効", EventKind::EnteredIntoForce),
    ("改定", EventKind::Revised),
    ("改訂", EventKind::Revised),
    ("改正", EventKind::Revised),
    ("更新", EventKind::Renewed),
    ("延長", EventKind::Renewed),
    ("停止", EventKind::Suspended),
    ("失効", EventKind::Terminated),
    ("破棄", EventKind::Terminated),
    ("終了", EventKind::Terminated),
    ("脱退", EventKind::Withdrawn),
    ("離脱", EventKind::Withdrawn),
    ("合意", EventKind::Agreed),
    // English: past tenses and participles only, so that `will sign` and `to adopt`
    // give nothing.
    ("signed", EventKind::Signed),
    ("concluded", EventKind::Concluded),
    ("adopted", EventKind::Adopted),
    ("endorsed", EventKind::Adopted),
    ("announced", EventKind::Announced),
    ("issued", EventKind::Announced),
    ("released", EventKind::Announced),
    ("unveiled", EventKind::Announced),
    ("launched", EventKind::Announced),
    ("established", EventKind::Announced),
    ("entered into force", EventKind::EnteredIntoForce),
    ("came into force", EventKind::EnteredIntoForce),
    ("took effect", EventKind::EnteredIntoForce),
    ("revised", EventKind::Revised),
    ("amended", EventKind::Revised),
    ("updated", EventKind::Revised),
    ("renewed", EventKind::Renewed),
    ("extended", EventKind::Renewed),
    ("suspended", EventKind::Suspended),
    ("terminated", EventKind::Terminated),
    ("withdrew from", EventKind::Withdrawn),
    ("withdrawn from", EventKind::Withdrawn),
    ("agreed", EventKind::Agreed),
];

/// English words before a participle that make it passive (`was signed`): the
/// agreement is then before the verb.
const EN_PASSIVE: &[&str] = &["was", "were", "been", "is", "are", "be", "being"];

/// English words before a participle that say the event has not happened (`to be
/// signed`, `has not been renewed`).
const EN_NOT_YET: &[&str] = &[
    "to be",
    "will be",
    "would be",
    "not been",
    "not be",
    "yet to be",
    "could be",
    "should be",
    "may be",
    "might be",
    "must be",
    "never been",
    "not yet",
];

/// English verbs that can found a framework named right after them (`the leaders
/// announced the AUKUS partnership`).
const EN_FOUNDING: &[&str] = &["announced", "launched", "established", "unveiled"];

/// What follows a verb when the event has not (yet) happened.
const NOT_YET: &[&str] = &[
    "に向け",
    "へ向け",
    "を控え",
    "を目指",
    "の予定",
    "予定",
    "周年",
    "交渉",
    "を求め",
    "を要請",
    "の可能性",
    "を検討",
    "する方向",
    "に至らず",
    "されていない",
    "していない",
    "すれば",
    "した場合",
    "する場合",
    "すべき",
    "しない",
    "せず",
    "されず",
    "できる",
    "の是非",
    // A notice, a hint or a threat of the act, or the act averted.
    "を通告",
    "が通告",
    "の通告",
    "は回避",
    "が回避",
    "を回避",
    "を示唆",
    "を警告",
    "の方針",
    "も辞さ",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pat {
    /// A full name, abbreviation or variant of entity `ent`.
    Name(u32),
    /// A one-character form of entity `ent`.
    Short(u32),
    /// A word that is not a mention.
    Block,
}

#[derive(Debug, Clone)]
struct Ent {
    id: String,
    category: EntityCategory,
    name_ja: Option<String>,
    name_en: Option<String>,
    abbreviations: Vec<String>,
    kind: Option<String>,
    parties: Vec<String>,
    learnt: bool,
}

impl Ent {
    fn is_actor(&self) -> bool {
        matches!(
            self.category,
            EntityCategory::Country | EntityCategory::Organization
        )
    }
}

/// The matcher's entities and those learnt from one document, indexed as one list
/// (the learnt ones after the knowledge base's), without copying the knowledge base.
struct Ents<'a> {
    base: &'a [Ent],
    extra: Vec<Ent>,
}

impl Ents<'_> {
    fn len(&self) -> usize {
        self.base.len() + self.extra.len()
    }

    fn push(&mut self, e: Ent) {
        self.extra.push(e);
    }

    /// A learnt entity, to change it (the knowledge base's are never changed).
    fn get_mut(&mut self, i: usize) -> Option<&mut Ent> {
        let n = self.base.len();
        i.checked_sub(n).and_then(|k| self.extra.get_mut(k))
    }
}

impl std::ops::Index<usize> for Ents<'_> {
    type Output = Ent;

    fn index(&self, i: usize) -> &Ent {
        match self.base.get(i) {
            Some(e) => e,
            None => &self.extra[i - self.base.len()],
        }
    }
}

/// One match in the text, before it becomes a [`Mention`].
#[derive(Debug, Clone)]
struct Hit {
    start: usize,
    end: usize,
    ent: u32,
    compound: Option<Span>,
    block: usize,
}

impl Hit {
    /// Text order: by start, the longer first, then by entity.
    fn text_order(a: &Hit, b: &Hit) -> std::cmp::Ordering {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.ent.cmp(&b.ent))
    }
}

/// Finds mentions of the knowledge base's entities in documents.
///
/// Built once from a [`Kb`] (one Aho–Corasick automaton over every form), then shared
/// by any number of documents.
#[derive(Debug, Clone)]
pub struct Matcher {
    ac: AhoCorasick,
    pats: Vec<Pat>,
    ents: Vec<Ent>,
    compounds: HashMap<Vec<u32>, u32>,
    /// Treaty alliances of exactly two members, by their sorted member indexes
    /// (`日米` + `同盟` is the US–Japan alliance).
    pairs: HashMap<Vec<u32>, u32>,
    verbs: AhoCorasick,
    suffixes: AhoCorasick,
    /// Another country's document of the same kind as a bare strategy name: the
    /// (form, country) of `米国の国家安全保障戦略` gives the US NSS for a `国家安全保障戦略`
    /// owned by the US. Derived from the forms `<country>の<name>` in the base.
    owned_forms: HashMap<(String, u32), u32>,
    /// The forms `<country>の<name>` of strategy documents (`米国の国家安全保障戦略`,
    /// `日本の国家安全保障戦略`), by the form: the country, the length of its name in
    /// the form, and the document the bare name is (`国家安全保障戦略`: Japan's). A
    /// country joined before such a form (`日本と米国の国家安全保障戦略`) makes it a
    /// country and a bare name owned by both (see [`Matcher::split_joined_owner`]).
    owner_prefixed: HashMap<String, (u32, usize, u32)>,
    /// Leaders' Japanese names (`バイデン`) and the index of the country they led.
    leaders: Vec<(String, u32)>,
    /// Abbreviations that end the pair-prefixed forms of several agreements
    /// (`GSOMIA` of `日韓GSOMIA` and `日米GSOMIA`, `RAA` of `日豪RAA` …) but are no
    /// form on their own, with those agreements (see [`Matcher::ambiguous_hits`]).
    ambiguous: Vec<(String, Vec<u32>)>,
    /// An automaton over the abbreviations of `ambiguous`, in the same order.
    ambiguous_ac: AhoCorasick,
}

impl Matcher {
    /// A matcher for `kb`.
    pub fn new(kb: &Kb) -> Matcher {
        let mut ents = Vec::with_capacity(kb.entries().len());
        let mut index: HashMap<&str, u32> = HashMap::new();
        let mut forms: Vec<String> = Vec::new();
        let mut pats: Vec<Pat> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut add = |form: &str, pat: Pat, forms: &mut Vec<String>, pats: &mut Vec<Pat>| {
            if form.is_empty() || seen.contains_key(form) {
                return;
            }
            seen.insert(form.to_string(), pats.len());
            forms.push(form.to_string());
            pats.push(pat);
        };
        for (i, e) in kb.entries().iter().enumerate() {
            let i = i as u32;
            index.insert(e.id.as_str(), i);
            let parties: Vec<String> = match e.category {
                EntityCategory::Agreement => kb.parties_of(&e.id).map(String::from).collect(),
                EntityCategory::Alliance | EntityCategory::Framework => kb
                    .members_of(&e.id)
                    .filter(|m| m.left.is_none())
                    .map(|m| m.member.clone())
                    .collect(),
                _ => Vec::new(),
            };
            ents.push(Ent {
                id: e.id.clone(),
                category: e.category,
                name_ja: non_empty(&e.name_ja),
                name_en: non_empty(&e.name_en),
                abbreviations: e.abbreviations.clone(),
                kind: non_empty(&e.kind),
                parties,
                learnt: false,
            });
        }
        // Japanese pages write Latin letters and digits full-width (`ＮＡＴＯ`, `Ｇ７`)
        // or half and half (`Ｇ7`): the automaton holds the forms with ASCII letters
        // and digits and runs over the text folded the same way (`scan_scope`).
        // Blockers first so that a blocker equal to a name wins.
        for b in kb.blockers() {
            add(&fold_form(b), Pat::Block, &mut forms, &mut pats);
        }
        for (i, e) in kb.entries().iter().enumerate() {
            for f in e.forms() {
                let f = fold_form(f);
                add(&f, Pat::Name(i as u32), &mut forms, &mut pats);
                // `Japan–Australia` and `Japan-Australia`: either dash between words.
                for other in other_dashes(&f) {
                    add(&other, Pat::Name(i as u32), &mut forms, &mut pats);
                }
            }
        }
        for (i, e) in kb.entries().iter().enumerate() {
            for s in &e.short {
                add(&fold_form(s), Pat::Short(i as u32), &mut forms, &mut pats);
            }
        }
        // A bare strategy name (`国家安全保障戦略`) and, for each country, the document
        // of that country whose form is `<country>の<name>` (`米国の国家安全保障戦略`).
        let mut owned_forms = HashMap::new();
        let mut owner_prefixed = HashMap::new();
        for (a, e) in kb.entries().iter().enumerate() {
            if e.category != EntityCategory::Agreement || e.kind != "national_strategy" {
                continue;
            }
            for f in e.forms().filter(|f| !f.is_ascii()) {
                for (c, country) in kb.entries().iter().enumerate() {
                    if country.category != EntityCategory::Country {
                        continue;
                    }
                    for cf in country.forms() {
                        let whole = format!("{cf}の{f}");
                        let owned = seen.get(&whole).map(|&p| pats[p]);
                        if let Some(Pat::Name(b)) = owned {
                            if b as usize != a {
                                owned_forms.insert((f.to_string(), c as u32), b);
                            }
                            owner_prefixed.insert(whole, (c as u32, cf.len(), a as u32));
                        }
                    }
                }
            }
        }
        let mut leaders: Vec<(String, u32)> = Vec::new();
        for l in kb.leaders() {
            if let Some(&c) = index.get(l.country.as_str()) {
                if !l.name_ja.is_empty() && !leaders.iter().any(|(n, k)| *n == l.name_ja && *k == c)
                {
                    leaders.push((l.name_ja.clone(), c));
                }
            }
        }
        // `GSOMIA` from `日韓GSOMIA`, `RAA` from `Japan-Australia RAA`: a run of
        // capitals ending a form of an agreement between two or more parties, after a
        // non-Latin character or a space, that is no form of its own.
        let mut ambiguous: Vec<(String, Vec<u32>)> = Vec::new();
        for (a, e) in kb.entries().iter().enumerate() {
            if e.category != EntityCategory::Agreement || kb.parties_of(&e.id).count() < 2 {
                continue;
            }
            for f in e.forms() {
                let f = fold_form(f);
                let head = f.trim_end_matches(|c: char| c.is_ascii_uppercase());
                let abbr = &f[head.len()..];
                if abbr.len() < 2
                    || head.is_empty()
                    || head.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '.')
                    || seen.contains_key(abbr)
                {
                    continue;
                }
                match ambiguous.iter_mut().find(|(x, _)| x == abbr) {
                    Some((_, list)) if !list.contains(&(a as u32)) => list.push(a as u32),
                    Some(_) => {}
                    None => ambiguous.push((abbr.to_string(), vec![a as u32])),
                }
            }
        }
        // Only an abbreviation several agreements share is ambiguous (`New START` or
        // `Minsk II` do not make `START` or `II` a name).
        ambiguous.retain(|(_, list)| list.len() >= 2);
        let mut compounds = HashMap::new();
        for (i, e) in kb.entries().iter().enumerate() {
            if e.compound_of.is_empty() {
                continue;
            }
            let mut key: Vec<u32> = e
                .compound_of
                .iter()
                .filter_map(|id| index.get(id.as_str()).copied())
                .collect();
            if key.len() == e.compound_of.len() {
                key.sort_unstable();
                key.dedup();
                compounds.insert(key, i as u32);
            }
        }
        let mut pairs = HashMap::new();
        for (i, e) in kb.entries().iter().enumerate() {
            if e.category != EntityCategory::Alliance {
                continue;
            }
            let mut key: Vec<u32> = kb
                .members_of(&e.id)
                .filter_map(|m| index.get(m.member.as_str()).copied())
                .collect();
            key.sort_unstable();
            key.dedup();
            if key.len() == 2 {
                pairs.entry(key).or_insert(i as u32);
            }
        }
        Matcher {
            ac: build(&forms),
            pats,
            ents,
            compounds,
            pairs,
            verbs: build(EVENT_VERBS.iter().map(|(v, _)| *v)),
            suffixes: build(JA_AGREEMENT_SUFFIXES.iter().chain(EN_SHAPE_WORDS)),
            owned_forms,
            owner_prefixed,
            leaders,
            ambiguous_ac: build(ambiguous.iter().map(|(a, _)| a.as_str())),
            ambiguous,
        }
    }

    /// Every mention of a knowledge-base entity in `text` as (start, end, entity id,
    /// category), without learning anything from the text. This is the fast path the
    /// benchmark measures; [`Matcher::annotate`] does this and more.
    pub fn find(&self, text: &str) -> Vec<(Span, &str, EntityCategory)> {
        let mut hits = Vec::new();
        self.scan_scope(text, 0, text.len(), 0, &mut hits);
        hits.iter()
            .map(|h| {
                let e = &self.ents[h.ent as usize];
                (Span::new(h.start, h.end), e.id.as_str(), e.category)
            })
            .collect()
    }

    /// Fill `doc.mentions` (in text order) and `doc.entities` (actors, alliances and
    /// agreements with their mention counts, and agreement events).
    pub fn annotate(&self, doc: &mut Document) {
        let original = doc.text.as_str();
        let scopes: Vec<(usize, usize, usize)> = if doc.blocks.is_empty() {
            vec![(0, original.len(), 0)]
        } else {
            doc.blocks
                .iter()
                .enumerate()
                .filter(|(_, b)| {
                    matches!(
                        b.kind,
                        BlockKind::Paragraph
                            | BlockKind::Heading { .. }
                            | BlockKind::Quote
                            | BlockKind::ListItem { .. }
                            | BlockKind::Note { .. }
                            | BlockKind::Meta { .. }
                    )
                })
                .filter(|(_, b)| {
                    b.content.end <= original.len() && b.content.start <= b.content.end
                })
                .filter(|(_, b)| {
                    original.is_char_boundary(b.content.start)
                        && original.is_char_boundary(b.content.end)
                })
                .map(|(i, b)| (b.content.start, b.content.end, i))
                .collect()
        };
        // Every rule reads the text with its full-width Latin letters and digits
        // written in ASCII (`（以下、ＩＰ４）`, `ｓｉｇｎｅｄ`), one byte each; the spans
        // found are mapped back to the text as written at the end.
        let folded = fold_width(original);
        let (text, remap) = match &folded {
            Some((f, folds)) => (f.as_str(), Some(Remap::new(folds))),
            None => (original, None),
        };
        let scopes: Vec<(usize, usize, usize)> = match &remap {
            Some(r) => scopes
                .iter()
                .map(|&(s, e, b)| (r.to_folded(s), r.to_folded(e), b))
                .collect(),
            None => scopes,
        };
        let mut hits: Vec<Hit> = Vec::new();
        for &(start, end, block) in &scopes {
            self.scan_scope(text, start, end, block, &mut hits);
        }
        let mut ents = Ents {
            base: &self.ents,
            extra: Vec::new(),
        };
        let mut extra = Vec::new();
        let learnt = self.learn(text, &scopes, &hits, &mut ents, &mut extra);
        if !learnt.is_empty() {
            add_learnt_hits(text, &scopes, &learnt, &mut hits, &ents);
        }
        for h in extra {
            if !hits.iter().any(|o| o.start < h.end && h.start < o.end) {
                hits.push(h);
            }
        }
        if !self.ambiguous.is_empty() {
            let resolved = self.ambiguous_hits(text, &scopes, &hits);
            hits.extend(resolved);
        }
        hits.sort_by(Hit::text_order);
        hits.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.ent == b.ent);
        self.strategy_owners(text, &scopes, &mut hits);
        alliance_references(text, &scopes, &mut hits, &ents);
        let dates = document_dates(doc, text, remap.as_ref());
        let (mut events, tied) = self.events(text, &scopes, &hits, &ents, &dates);
        if let Some(r) = &remap {
            let back = |s: Span| Span::new(r.to_original(s.start), r.to_original(s.end));
            for h in &mut hits {
                (h.start, h.end) = (r.to_original(h.start), r.to_original(h.end));
                h.compound = h.compound.map(back);
            }
            for ev in &mut events {
                ev.span = ev.span.map(back);
            }
        }
        let text = original;
        let mut mentions = Vec::with_capacity(hits.len());
        // Mentions per entity, and the entities in order of their first mention.
        let mut counts: Vec<usize> = vec![0; ents.len()];
        let mut order: Vec<u32> = Vec::new();
        for (k, h) in hits.iter().enumerate() {
            let e = &ents[h.ent as usize];
            let n = &mut counts[h.ent as usize];
            if *n == 0 {
                order.push(h.ent);
            }
            *n += 1;
            mentions.push(Mention {
                span: Span::new(h.start, h.end),
                text: text[h.start..h.end].to_string(),
                category: e.category,
                entity: e.id.clone(),
                compound: h.compound.map(|c| text[c.start..c.end].to_string()),
                date: tied.get(&k).map(|y| Date::absolute(*y)),
                block: h.block,
            });
        }
        let mut entities = Entities {
            events,
            ..Entities::default()
        };
        for id in order {
            let e = &ents[id as usize];
            let entity = Entity {
                id: e.id.clone(),
                category: e.category,
                name_ja: e.name_ja.clone(),
                name_en: e.name_en.clone(),
                abbreviations: e.abbreviations.clone(),
                kind: e.kind.clone(),
                parties: e.parties.clone(),
                mentions: counts[id as usize],
                learnt: e.learnt,
            };
            match e.category {
                EntityCategory::Country | EntityCategory::Organization => {
                    entities.actors.push(entity)
                }
                EntityCategory::Alliance | EntityCategory::Framework => {
                    entities.alliances.push(entity)
                }
                EntityCategory::Agreement => entities.agreements.push(entity),
            }
        }
        doc.mentions = mentions;
        doc.entities = entities;
    }

    /// Knowledge-base matches in `text[start..end]`, validated, compounds expanded.
    fn scan_scope(&self, text: &str, start: usize, end: usize, block: usize, out: &mut Vec<Hit>) {
        let Some(scope) = text.get(start..end) else {
            return;
        };
        // (start, end, pattern) of the raw matches, blockers left out.
        let mut raw: Vec<(usize, usize, Pat)> = Vec::new();
        // Full-width letters and digits are matched as ASCII ones; the offsets of a
        // match in the folded text are mapped back to the scope's own bytes.
        let folded = fold_width(scope);
        let (hay, mut unfold) = match &folded {
            Some((f, folds)) => (f.as_str(), Some(Unfold::new(folds))),
            None => (scope, None),
        };
        for m in self.ac.find_iter(hay) {
            let (ms, me) = match &mut unfold {
                Some(u) => (u.at(m.start()), u.at(m.end())),
                None => (m.start(), m.end()),
            };
            let (s, e) = (start + ms, start + me);
            match self.pats[m.pattern().as_usize()] {
                Pat::Block => {}
                Pat::Name(ent) => {
                    if boundary_ok(scope, ms, me) {
                        raw.push((s, e, Pat::Name(ent)));
                    }
                }
                Pat::Short(ent) => {
                    // `13日米国`: a 日 after a numeral is a day, not Japan.
                    if char_before(text, s).is_some_and(is_numeral) || !boundary_ok(scope, ms, me) {
                        continue;
                    }
                    raw.push((s, e, Pat::Short(ent)));
                }
            }
        }
        let mut i = 0;
        while i < raw.len() {
            // A run of actor forms, adjacent or joined by a middle dot.
            let mut j = i + 1;
            while j < raw.len() && self.is_actor_pat(raw[j - 1].2) && self.is_actor_pat(raw[j].2) {
                let gap = &text[raw[j - 1].1..raw[j].0];
                // `U.S.-Japan`, `US–ROK`: Latin names joined by a dash or a slash.
                let latin_join = matches!(gap, "-" | "–" | "—" | "‐" | "/")
                    && char_before(text, raw[j - 1].1).is_some_and(|c| is_latin(c) || c == '.')
                    && char_at(text, raw[j].0).is_some_and(is_latin);
                if gap.is_empty() || gap == "・" || gap == "･" || latin_join {
                    j += 1;
                } else {
                    break;
                }
            }
            let run = &raw[i..j];
            let shorts = run.iter().filter(|r| matches!(r.2, Pat::Short(_))).count();
            if shorts == 0 {
                // Names joined by a middle dot (`日本・米国・韓国`) denote a framework
                // when their set is one; otherwise each stands alone.
                let mut compound = None;
                if run.len() >= 2 {
                    let key = run_key(run);
                    if let Some((fw, ae)) =
                        self.pair_alliance(text, &key, run[run.len() - 1].1, end)
                    {
                        out.push(hit(run[0].0, ae, fw, None, block));
                        i = j;
                        continue;
                    }
                    if let Some(&fw) = self.compounds.get(&key) {
                        let span = Span::new(run[0].0, run[run.len() - 1].1);
                        out.push(hit(span.start, span.end, fw, Some(span), block));
                        compound = Some(span);
                    }
                }
                for r in run {
                    if let Pat::Name(ent) = r.2 {
                        out.push(hit(r.0, r.1, ent, compound, block));
                    }
                }
            } else if run.len() == 1 {
                let (s, e, pat) = run[0];
                if let Pat::Short(ent) = pat {
                    if short_context_ok(text, s, e, start) {
                        out.push(hit(s, e, ent, None, block));
                    }
                }
            } else {
                let (rs, re) = (run[0].0, run[run.len() - 1].1);
                let before = if rs > start {
                    char_before(text, rs)
                } else {
                    None
                };
                let prefixed = before.is_some_and(|c| SHORT_PREFIXES.contains(&c));
                // `13日米韓`: the day of a date ends a word.
                let after_date = matches!(before, Some('日' | '月' | '年'))
                    && char_before(text, rs - 3).is_some_and(is_numeral);
                let glued = before.is_some_and(is_kanji) && !prefixed && !after_date;
                let day_time = &text[rs..re] == "日中"
                    && !prefixed
                    && !char_at(text, re).is_some_and(|c| is_kanji(c) || c == '・');
                if glued || day_time {
                    for r in run {
                        if let Pat::Name(ent) = r.2 {
                            out.push(hit(r.0, r.1, ent, None, block));
                        }
                    }
                } else {
                    let span = Span::new(rs, re);
                    let key = run_key(run);
                    if let Some((fw, ae)) = self.pair_alliance(text, &key, re, end) {
                        out.push(hit(rs, ae, fw, None, block));
                        i = j;
                        continue;
                    }
                    if let Some(&fw) = self.compounds.get(&key) {
                        out.push(hit(rs, re, fw, Some(span), block));
                    }
                    for r in run {
                        if let Pat::Name(ent) | Pat::Short(ent) = r.2 {
                            out.push(hit(r.0, r.1, ent, Some(span), block));
                        }
                    }
                }
            }
            i = j;
        }
    }

    /// The treaty alliance of a two-country compound followed by a word that names
    /// the alliance (`日米同盟`, `比米同盟`, `日米安保`, `U.S.-Japan alliance`), and
    /// where that word ends. A bare pair (`日米の連携`, `日米関係`, `日米首脳会談`)
    /// names the two countries only.
    fn pair_alliance(
        &self,
        text: &str,
        key: &[u32],
        re: usize,
        end: usize,
    ) -> Option<(u32, usize)> {
        if key.len() != 2 {
            return None;
        }
        let &al = self.pairs.get(key)?;
        let rest = text.get(re..end)?;
        let word = alliance_word(rest)?;
        Some((al, re + word))
    }

    /// Whose document a bare strategy name (`国家安全保障戦略`) is: a possessor right
    /// before it — a country (`米国の`, `米国政府の`, `韓国政権の`) or a leader's name
    /// with a title (`トランプ大統領の`, `バイデン政権の`, from `leaders.csv`) — gives
    /// that country's document of the same kind; a country with no such document in
    /// the base gives no mention at all (it is not the base's document). Without a
    /// possessor, or with one of the document's own parties, the name stays as it is.
    /// A compound of countries (`日米の国家安全保障戦略`) names several owners: the
    /// name is a mention of each owner's document the base holds (`JPN-NSS-STRATEGY`
    /// and `US-NSS`), never of the last country's alone.
    fn strategy_owners(&self, text: &str, scopes: &[(usize, usize, usize)], hits: &mut Vec<Hit>) {
        let mut drop = vec![false; hits.len()];
        let mut added: Vec<Hit> = Vec::new();
        let mut changed = false;
        let mut split = false;
        for k in 0..hits.len() {
            let Some(e) = self.ents.get(hits[k].ent as usize) else {
                continue;
            };
            if e.kind.as_deref() != Some("national_strategy") {
                continue;
            }
            if let Some(country) = self.split_joined_owner(text, scopes, hits, k) {
                // `日本と米国の国家安全保障戦略`: now `米国` and a bare name.
                hits.push(country);
                drop.push(false);
                (changed, split) = (true, true);
            }
            let h = &hits[k];
            let Some(e) = self.ents.get(h.ent as usize) else {
                continue;
            };
            let Some(name) = text.get(h.start..h.end) else {
                continue;
            };
            if !self.owned_forms.keys().any(|(f, _)| f == name) {
                continue;
            }
            let scope_start = scopes
                .iter()
                .find(|s| s.0 <= h.start && h.start <= s.1)
                .map_or(0, |s| s.0);
            let Some(before) = text
                .get(scope_start..h.start)
                .and_then(|b| b.strip_suffix('の'))
            else {
                continue;
            };
            let owners = self.possessor(text, before, scope_start, hits);
            if owners.is_empty() {
                continue;
            }
            // Each owner's document: the name's own for one of its parties, another
            // country's from the base, or none.
            let mut docs: Vec<u32> = Vec::new();
            for owner in owners {
                let own = &self.ents[owner as usize].id;
                let doc = if e.parties.iter().any(|p| p == own) {
                    Some(h.ent)
                } else {
                    self.owned_forms.get(&(name.to_string(), owner)).copied()
                };
                if let Some(d) = doc.filter(|d| !docs.contains(d)) {
                    docs.push(d);
                }
            }
            if docs == [h.ent] {
                continue;
            }
            let (start, end, block) = (h.start, h.end, h.block);
            match docs.split_first() {
                Some((&first, rest)) => {
                    hits[k].ent = first;
                    added.extend(rest.iter().map(|&d| hit(start, end, d, None, block)));
                }
                None => drop[k] = true,
            }
            changed = true;
        }
        if changed {
            let mut k = 0;
            hits.retain(|_| {
                k += 1;
                !drop[k - 1]
            });
            if !added.is_empty() || split {
                hits.extend(added);
                hits.sort_by(Hit::text_order);
            }
        }
    }

    /// A strategy document named with its owner (`米国の国家安全保障戦略`, one form of
    /// the US NSS) after another country joined to that owner (`日本と米国の…`,
    /// `日本および米国の…`, `米国や日本の…`): `hits[k]` becomes the bare name
    /// (`国家安全保障戦略`) and the owner a mention of the country, returned, so that
    /// [`Matcher::strategy_owners`] reads the name as each joined country's document, as
    /// it reads `日米の…`. Without a country joined before, nothing changes.
    fn split_joined_owner(
        &self,
        text: &str,
        scopes: &[(usize, usize, usize)],
        hits: &mut [Hit],
        k: usize,
    ) -> Option<Hit> {
        let h = &hits[k];
        let &(country, prefix, bare) = self.owner_prefixed.get(text.get(h.start..h.end)?)?;
        let scope_start = scopes
            .iter()
            .find(|s| s.0 <= h.start && h.start <= s.1)
            .map_or(0, |s| s.0);
        let joined = hits.iter().any(|o| {
            o.end <= h.start
                && o.start >= scope_start
                && o.ent != country
                && self.is_country(o.ent)
                && text
                    .get(o.end..h.start)
                    .is_some_and(|gap| JOINING_WORDS.contains(&gap))
        });
        let (start, end, block) = (h.start, h.end, h.block);
        let name_start = start + prefix + "の".len();
        if !joined || name_start >= end {
            return None;
        }
        hits[k] = hit(name_start, end, bare, None, block);
        Some(hit(start, start + prefix, country, None, block))
    }

    /// The entity at index `ent` is a country.
    fn is_country(&self, ent: u32) -> bool {
        self.ents
            .get(ent as usize)
            .is_some_and(|e| e.category == EntityCategory::Country)
    }

    /// The countries that `before` (the scope's text up to a possessive `の`) ends
    /// with: a country mention, optionally followed by 政府 or 政権 — with every
    /// country joined to it before (`日米の`, `日本・米国の`, `日本と米国の`) — or a
    /// leader's name followed by 大統領 or 政権. Empty when there is none.
    fn possessor(&self, text: &str, before: &str, scope_start: usize, hits: &[Hit]) -> Vec<u32> {
        let Some((owner, start)) = self.possessor_one(text, before, scope_start, hits) else {
            return Vec::new();
        };
        let mut owners = vec![owner];
        let Some(mut cur) = start else {
            return owners;
        };
        // Countries joined to it: side by side (a compound), or by `・`, `と`, `、`,
        // `及び`, `および`, `や`.
        while let Some(o) = hits.iter().find(|o| {
            o.end <= cur
                && o.start >= scope_start
                && (o.ent as usize) < self.ents.len()
                && self.ents[o.ent as usize].category == EntityCategory::Country
                && text
                    .get(o.end..cur)
                    .is_some_and(|gap| gap.is_empty() || JOINING_WORDS.contains(&gap))
        }) {
            if !owners.contains(&o.ent) {
                owners.push(o.ent);
            }
            cur = o.start;
        }
        owners.reverse();
        owners
    }

    /// The country that `before` ends with, and where its mention starts (`None` for
    /// a leader's name; see [`Matcher::possessor`]).
    fn possessor_one(
        &self,
        text: &str,
        before: &str,
        scope_start: usize,
        hits: &[Hit],
    ) -> Option<(u32, Option<usize>)> {
        let gov = before
            .strip_suffix("政府")
            .or_else(|| before.strip_suffix("政権"))
            .unwrap_or(before);
        let at = scope_start + gov.len();
        let country = hits.iter().find(|o| {
            o.end == at
                && (o.ent as usize) < self.ents.len()
                && self.ents[o.ent as usize].category == EntityCategory::Country
        });
        if let Some(o) = country {
            return Some((o.ent, Some(o.start)));
        }
        let titled = ["前大統領", "元大統領", "大統領", "政権"]
            .iter()
            .find_map(|t| before.strip_suffix(t))?;
        self.leaders.iter().find_map(|(name, c)| {
            let rest = titled.strip_suffix(name.as_str())?;
            // The whole katakana word is the name (`ブッシュ`, not a longer word).
            let whole = !char_before(text, scope_start + rest.len()).is_some_and(is_katakana);
            whole.then_some((*c, None))
        })
    }

    /// Bare ambiguous abbreviations (`GSOMIA`, `RAA`; rule 9): each occurrence that
    /// no other mention covers is the one agreement among its candidates whose
    /// parties are all named as countries in the same sentence (`日韓両政府は
    /// GSOMIAを延長した`), else in the same block, else the one candidate mentioned
    /// earlier in the document (`日韓GSOMIA … GSOMIA`, or a long form the text
    /// defined it for). When two candidates fit at the first level that has any, or
    /// none fits anywhere, it is left unmatched.
    fn ambiguous_hits(
        &self,
        text: &str,
        scopes: &[(usize, usize, usize)],
        hits: &[Hit],
    ) -> Vec<Hit> {
        let mut out: Vec<Hit> = Vec::new();
        for &(start, end, block) in scopes {
            let Some(scope) = text.get(start..end) else {
                continue;
            };
            for m in self.ambiguous_ac.find_iter(scope) {
                let candidates = &self.ambiguous[m.pattern().as_usize()].1;
                let (ms, me) = (m.start(), m.end());
                if !boundary_ok(scope, ms, me) {
                    continue;
                }
                let (s, e) = (start + ms, start + me);
                if hits.iter().any(|o| o.start < e && s < o.end) {
                    continue;
                }
                let (a, b) = sentence_around(scope, ms, me);
                let named = |from: usize, to: usize| -> Vec<u32> {
                    let countries: Vec<&str> = hits
                        .iter()
                        .filter(|o| o.start >= from && o.end <= to)
                        .filter_map(|o| self.ents.get(o.ent as usize))
                        .filter(|x| x.category == EntityCategory::Country)
                        .map(|x| x.id.as_str())
                        .collect();
                    candidates
                        .iter()
                        .copied()
                        .filter(|&c| {
                            let parties = &self.ents[c as usize].parties;
                            !parties.is_empty()
                                && parties.iter().all(|p| countries.contains(&p.as_str()))
                        })
                        .collect()
                };
                let mut fits = named(start + a, start + b);
                if fits.is_empty() {
                    fits = named(start, end);
                }
                if fits.is_empty() {
                    for o in hits.iter().chain(&out).filter(|o| o.start < s) {
                        if candidates.contains(&o.ent) && !fits.contains(&o.ent) {
                            fits.push(o.ent);
                        }
                    }
                }
                if let [one] = fits[..] {
                    out.push(hit(s, e, one, None, block));
                }
            }
        }
        out
    }

    fn is_actor_pat(&self, p: Pat) -> bool {
        match p {
            Pat::Short(_) => true,
            Pat::Name(e) => {
                self.ents[e as usize].is_actor()
                    || self.ents[e as usize].category == EntityCategory::Alliance
            }
            Pat::Block => false,
        }
    }

    /// Abbreviations defined in the text and agreements recognised by their shape.
    /// Returns the forms to look for, each with its entity (index into `ents`).
    fn learn(
        &self,
        text: &str,
        scopes: &[(usize, usize, usize)],
        hits: &[Hit],
        ents: &mut Ents<'_>,
        extra: &mut Vec<Hit>,
    ) -> Vec<(String, u32)> {
        let mut forms: Vec<(String, u32)> = Vec::new();
        let mut by_name: HashMap<String, u32> = HashMap::new();
        let max_len = hits.iter().map(|h| h.end - h.start).max().unwrap_or(0);
        let hit_ending = |end: usize| {
            near(hits, end.saturating_sub(1), end, max_len)
                .iter()
                .filter(|h| h.end == end && h.compound.is_none())
                .max_by_key(|h| h.end - h.start)
                .map(|h| h.ent)
        };
        let kb_forms = |ent: u32, form: &str| -> bool {
            let e = &self.ents.get(ent as usize);
            e.is_some_and(|e| {
                e.abbreviations.iter().any(|a| a == form)
                    || e.name_en.as_deref() == Some(form)
                    || e.name_ja.as_deref() == Some(form)
            })
        };
        let new_ent = |ents: &mut Ents<'_>,
                       by_name: &mut HashMap<String, u32>,
                       category: EntityCategory,
                       ja: Option<&str>,
                       en: Option<&str>,
                       abbr: Option<&str>|
         -> u32 {
            let key = abbr.or(ja).or(en).unwrap_or_default().to_string();
            if let Some(&i) = by_name.get(&key) {
                return i;
            }
            for name in [ja, en].into_iter().flatten() {
                if let Some(&i) = by_name.get(name) {
                    // A name learnt by its shape, now given an abbreviation.
                    if let (Some(a), Some(e)) = (abbr, ents.get_mut(i as usize)) {
                        if e.abbreviations.is_empty() {
                            e.abbreviations.push(a.to_string());
                            e.id = format!("doc:{a}");
                            by_name.insert(a.to_string(), i);
                        }
                    }
                    return i;
                }
            }
            let i = ents.len() as u32;
            ents.push(Ent {
                id: format!("doc:{key}"),
                category,
                name_ja: ja.map(String::from),
                name_en: en.map(String::from),
                abbreviations: abbr.map(|a| vec![a.to_string()]).unwrap_or_default(),
                kind: Some(
                    match category {
                        EntityCategory::Agreement => "agreement",
                        EntityCategory::Organization => "organization",
                        _ => "framework",
                    }
                    .to_string(),
                ),
                parties: Vec::new(),
                learnt: true,
            });
            for name in [Some(key.as_str()), ja, en].into_iter().flatten() {
                by_name.insert(name.to_string(), i);
            }
            i
        };
        for &(start, end, block) in scopes {
            let scope = &text[start..end];
            let offset = |part: &str| part.as_ptr() as usize - scope.as_ptr() as usize + start;
            let glued_hits = |def: &AbbrDef<'_>, ent: u32, extra: &mut Vec<Hit>| {
                if def.glued {
                    let a = offset(def.abbr);
                    extra.push(hit(a, a + def.abbr.len(), ent, None, block));
                    if let Some(en) = def.english {
                        let e = offset(en);
                        extra.push(hit(e, e + en.len(), ent, None, block));
                    }
                }
            };
            // 1. 「…」 names with an agreement ending.
            let mut k = 0;
            while let Some(open) = scope[k..].find('「').map(|p| p + k) {
                let inner = open + '「'.len_utf8();
                let Some(close) = scope[inner..].find(['」', '「', '。']).map(|p| p + inner)
                else {
                    break;
                };
                k = close;
                if !scope[close..].starts_with('」') {
                    continue;
                }
                let name = scope[inner..close].trim();
                let n = name.chars().count();
                // A quoted clause (`「…を強化していく」`) is not a name.
                let clause = is_clause(name);
                if clause
                    || !(3..=40).contains(&n)
                    || !JA_AGREEMENT_SUFFIXES.iter().any(|s| name.ends_with(s))
                {
                    continue;
                }
                let (ns, ne) = (start + inner, start + close);
                let known = near(hits, ns, ne, max_len).iter().any(|h| {
                    h.end == ne
                        && h.start >= ns
                        && self.ents[h.ent as usize].category == EntityCategory::Agreement
                });
                if !known {
                    let i = new_ent(
                        ents,
                        &mut by_name,
                        EntityCategory::Agreement,
                        Some(name),
                        None,
                        None,
                    );
                    forms.push((name.to_string(), i));
                }
            }
            // 2. Unquoted agreement names by their ending.
            for m in self.suffixes.find_iter(scope) {
                let (ms, me) = (start + m.start(), start + m.end());
                if near(hits, ms, me, max_len).iter().any(|h| {
                    h.start < me
                        && ms < h.end
                        && !self.ents.get(h.ent as usize).is_some_and(Ent::is_actor)
                }) {
                    continue;
                }
                let suffix = &scope[m.start()..m.end()];
                if suffix.is_ascii() {
                    if !boundary_ok(scope, m.start(), m.end()) {
                        continue;
                    }
                    if let Some(name) = english_name_before(scope, m.end()) {
                        if !by_name.contains_key(name) && !self.is_kb_name(name) {
                            let i = new_ent(
                                ents,
                                &mut by_name,
                                EntityCategory::Agreement,
                                None,
                                Some(name),
                                None,
                            );
                            forms.push((name.to_string(), i));
                        }
                    }
                    continue;
                }
                let run_start = name_run_start(scope, m.start());
                if char_at(scope, m.end()).is_some_and(|c| is_kanji(c) || is_katakana(c)) {
                    continue; // 計画的, 宣言文 …: the suffix is inside a longer word.
                }
                let head = &scope[run_start..m.start()];
                if head.chars().count() < 2 {
                    continue;
                }
                let anchored = near(hits, start + run_start, start + run_start + 1, max_len)
                    .iter()
                    .any(|h| {
                        h.start == start + run_start
                            && self.ents.get(h.ent as usize).is_some_and(Ent::is_actor)
                    });
                let generic = GENERIC_KATAKANA.contains(&head);
                let foreign = !generic
                    && head
                        .chars()
                        .any(|c| is_katakana(c) || c.is_ascii_alphabetic());
                if !(anchored || foreign) {
                    continue;
                }
                let name = &scope[run_start..m.end()];
                if by_name.contains_key(name) || self.is_kb_name(name) {
                    continue;
                }
                let i = new_ent(
                    ents,
                    &mut by_name,
                    EntityCategory::Agreement,
                    Some(name),
                    None,
                    None,
                );
                forms.push((name.to_string(), i));
            }
            // 3. Abbreviations defined in parentheses.
            for (p, open) in scope.match_indices(['(', '（']) {
                let c = char_at(open, 0).unwrap_or('(');
                let Some(def) = read_abbreviation(scope, p + c.len_utf8()) else {
                    continue;
                };
                let abbr = def.abbr;
                // The long form before the parenthesis.
                let mut lend = p;
                while let Some(b) = char_before(scope, lend) {
                    if matches!(b, ' ' | '　' | '」' | '”' | '"' | '』') {
                        lend -= b.len_utf8();
                    } else {
                        break;
                    }
                }
                if let Some(ent) = hit_ending(start + lend) {
                    glued_hits(&def, ent, extra);
                    if !kb_forms(ent, abbr) && (ent as usize) < ents.len() {
                        if (ent as usize) < self.ents.len() && self.is_kb_name(abbr) {
                            continue; // the abbreviation already names another entity
                        }
                        forms.push((abbr.to_string(), ent));
                        if let Some(en) = def.english {
                            forms.push((en.to_string(), ent));
                        }
                    }
                    continue;
                }
                if self.is_kb_name(abbr) {
                    continue;
                }
                let quoted = scope[lend..p].contains(['」', '』']);
                let ja_long = if quoted {
                    let open = scope[..lend]
                        .rfind(['「', '『'])
                        .map(|o| o + '「'.len_utf8());
                    open.map(|o| &scope[o..lend])
                        .filter(|s| !s.contains(['」', '。']))
                } else {
                    let rs = name_run_start(scope, lend);
                    Some(&scope[rs..lend])
                }
                .filter(|s| s.chars().count() >= 2 && !s.is_ascii());
                let en_long = def
                    .english
                    .or_else(|| english_name_before(scope, lend).filter(|_| ja_long.is_none()));
                let category = ja_long
                    .and_then(classify_ja)
                    .or_else(|| en_long.and_then(classify_en));
                let Some(category) = category else {
                    continue;
                };
                let i = new_ent(ents, &mut by_name, category, ja_long, en_long, Some(abbr));
                glued_hits(&def, i, extra);
                forms.push((abbr.to_string(), i));
                if let Some(ja) = ja_long {
                    forms.push((ja.to_string(), i));
                }
                if let Some(en) = en_long {
                    forms.push((en.to_string(), i));
                }
            }
        }
        forms.sort();
        forms.dedup();
        forms
    }

    fn is_kb_name(&self, form: &str) -> bool {
        self.ac.find(form).is_some_and(|m| {
            m.start() == 0
                && m.end() == form.len()
                && self.pats[m.pattern().as_usize()] != Pat::Block
        })
    }

    /// Agreement events: an event verb next to an agreement mention, with the dates of
    /// its clause. Returns the events and, per agreement hit, the date tied to it.
    fn events(
        &self,
        text: &str,
        scopes: &[(usize, usize, usize)],
        hits: &[Hit],
        ents: &Ents<'_>,
        dates: &[(Span, Ymd)],
    ) -> (Vec<AgreementEvent>, HashMap<usize, Ymd>) {
        let mut events: Vec<AgreementEvent> = Vec::new();
        let mut tied: HashMap<usize, Ymd> = HashMap::new();
        for &(start, end, _) in scopes {
            let scope = &text[start..end];
            // Only the sentences that hold an agreement (or a named framework) are
            // read, each once.
            let hlo = hits.partition_point(|h| h.start < start);
            let hhi = hits.partition_point(|h| h.start < end);
            let mut spans: Vec<(usize, usize)> = Vec::new();
            let mut done = start;
            for h in &hits[hlo..hhi] {
                let c = ents[h.ent as usize].category;
                let target = c == EntityCategory::Agreement
                    || (c == EntityCategory::Framework && h.compound.is_none());
                if !target || h.start < done || h.end > end {
                    continue;
                }
                let (s0, s1) = sentence_around(scope, h.start - start, h.end - start);
                spans.push((s0, s1));
                done = start + s1;
            }
            for (s0, s1) in spans {
                let (ss, se) = (start + s0, start + s1);
                let sentence = &text[ss..se];
                let lo = hits.partition_point(|h| h.start < ss);
                let hi = hits.partition_point(|h| h.start < se);
                // Agreements, and frameworks named by name (an English sentence may
                // say that one was announced or launched).
                let agreements: Vec<usize> = (lo..hi)
                    .filter(|&k| {
                        let h = &hits[k];
                        let c = ents[h.ent as usize].category;
                        h.end <= se
                            && (c == EntityCategory::Agreement
                                || (c == EntityCategory::Framework && h.compound.is_none()))
                    })
                    .collect();
                if agreements.is_empty() {
                    continue;
                }
                let is_agreement =
                    |k: usize| ents[hits[k].ent as usize].category == EntityCategory::Agreement;
                let verbs: Vec<(usize, usize, EventKind)> = self
                    .verbs
                    .find_iter(sentence)
                    .filter(|m| {
                        // English verbs are whole words (`signed`, not `designed`).
                        !sentence.as_bytes()[m.start()].is_ascii()
                            || boundary_ok(sentence, m.start(), m.end())
                    })
                    .map(|m| {
                        (
                            ss + m.start(),
                            ss + m.end(),
                            EVENT_VERBS[m.pattern().as_usize()].1,
                        )
                    })
                    .collect();
                let dlo = dates.partition_point(|(s, _)| s.start < ss);
                let dhi = dates.partition_point(|(s, _)| s.start < se);
                let in_sentence: Vec<&(Span, Ymd)> = dates[dlo..dhi]
                    .iter()
                    .filter(|(s, _)| s.end <= se)
                    .collect();
                // A date that opens an earlier sentence of the paragraph and sets the
                // time of what follows (`2014年5月、安倍首相は…`).
                let earlier = dates[..dlo]
                    .iter()
                    .rev()
                    .take_while(|(s, _)| s.start >= start)
                    .filter(|(s, _)| s.end <= ss)
                    .find(|(s, _)| {
                        let opens = s.start == start
                            || char_before(text, s.start)
                                .is_some_and(|c| matches!(c, '。' | '　' | ' '));
                        opens && matches!(char_at(text, s.end), Some('、' | 'に'))
                    })
                    .map(|(_, y)| *y);
                let parties_here: Vec<String> = {
                    let mut v: Vec<String> = Vec::new();
                    for h in hits[lo..hi].iter().filter(|h| h.end <= se) {
                        let e = &ents[h.ent as usize];
                        if e.is_actor() && !v.contains(&e.id) {
                            v.push(e.id.clone());
                        }
                    }
                    v
                };
                let mut prev_verb_end = ss;
                for (vi, &(vs, ve, kind)) in verbs.iter().enumerate() {
                    let bound = prev_verb_end;
                    prev_verb_end = ve;
                    if text.as_bytes()[vs].is_ascii() {
                        if let Some(ev) = self.english_event(
                            text,
                            (ss, se),
                            (vi, &verbs),
                            &agreements,
                            hits,
                            ents,
                            &in_sentence,
                            earlier,
                        ) {
                            let (k, when) = ev;
                            let h = &hits[k];
                            let e = &ents[h.ent as usize];
                            let parties = event_parties(kind, e, &parties_here);
                            if let Some(d) = when {
                                tied.entry(k).or_insert(d);
                            }
                            push_event(
                                &mut events,
                                AgreementEvent {
                                    agreement: e.id.clone(),
                                    kind,
                                    date: when.map(Date::absolute),
                                    parties,
                                    span: Some(Span::new(ss.min(h.start), se)),
                                },
                            );
                        }
                        continue;
                    }
                    let after = text[ve..se].trim_start_matches(is_numeral);
                    if NOT_YET.iter().any(|n| after.starts_with(n)) {
                        continue;
                    }
                    let agreements: Vec<usize> = agreements
                        .iter()
                        .copied()
                        .filter(|&k| is_agreement(k))
                        .collect();
                    // The agreement: the nearest mention before the verb (no verb in
                    // between, or only a chain of dated verbs), else right after it.
                    let chained = vi > 0 && only_dates_between(text, verbs[vi - 1].1, vs, dates);
                    let before = agreements
                        .iter()
                        .rev()
                        .find(|&&k| hits[k].end <= vs)
                        .copied()
                        .filter(|&k| {
                            let h = &hits[k];
                            let gap = &text[h.end..vs];
                            gap.chars().count() <= 30
                                && (verbs[..vi].iter().all(|v| v.1 <= h.end) || chained)
                        });
                    let target = before.or_else(|| {
                        agreements
                            .iter()
                            .find(|&&k| hits[k].start >= ve)
                            .copied()
                            .filter(|&k| {
                                let gap = &text[ve..hits[k].start];
                                gap.chars().count() <= 10
                                    && ["された", "した", "する", "され"]
                                        .iter()
                                        .any(|p| gap.starts_with(p))
                                    && !verbs[vi + 1..].iter().any(|v| v.0 < hits[k].start)
                            })
                    });
                    let Some(k) = target else {
                        continue;
                    };
                    let h = &hits[k];
                    let lo = if chained { bound } else { ss };
                    let mut when: Vec<Ymd> = in_sentence
                        .iter()
                        .filter(|(s, _)| s.start >= lo && s.end <= vs)
                        .map(|(_, y)| *y)
                        .collect();
                    if !chained && when.len() > 1 {
                        // Several dates before a single verb: keep those joined to the
                        // last one by と, 及び, 、 (an enumeration), else the last.
                        let last = in_sentence
                            .iter()
                            .filter(|(s, _)| s.start >= lo && s.end <= vs)
                            .collect::<Vec<_>>();
                        let mut keep = vec![last[last.len() - 1].1];
                        for w in last.windows(2).rev() {
                            let gap = text.get(w[0].0.end..w[1].0.start);
                            if gap.is_some_and(is_enumeration) {
                                keep.push(w[0].1);
                            } else {
                                break;
                            }
                        }
                        keep.reverse();
                        when = keep;
                    }
                    if when.is_empty() {
                        if let Some(d) = in_sentence
                            .iter()
                            .find(|(s, _)| s.start >= ve)
                            .map(|(_, y)| *y)
                        {
                            when.push(d);
                        } else if let Some(d) = earlier {
                            when.push(d);
                        }
                    }
                    let span = Span::new(ss.min(h.start), se);
                    let dated: Vec<Option<Ymd>> = if when.is_empty() {
                        vec![None]
                    } else {
                        when.iter().copied().map(Some).collect()
                    };
                    // Every agreement named by the same words (`日米の国家安全保障戦略`
                    // is both countries' documents) takes the event.
                    for &k in agreements
                        .iter()
                        .filter(|&&o| hits[o].start == h.start && hits[o].end == h.end)
                    {
                        let e = &ents[hits[k].ent as usize];
                        let parties = event_parties(kind, e, &parties_here);
                        if let Some(first) = when.first() {
                            tied.entry(k).or_insert(*first);
                        }
                        for d in &dated {
                            push_event(
                                &mut events,
                                AgreementEvent {
                                    agreement: e.id.clone(),
                                    kind,
                                    date: d.map(Date::absolute),
                                    parties: parties.clone(),
                                    span: Some(span),
                                },
                            );
                        }
                    }
                }
            }
        }
        let dated: std::collections::HashSet<(String, EventKind)> = events
            .iter()
            .filter(|e| e.date.is_some())
            .map(|e| (e.agreement.clone(), e.kind))
            .collect();
        events.retain(|e| {
            e.date.is_some() || !dated.iter().any(|(a, k)| *a == e.agreement && *k == e.kind)
        });
        (events, tied)
    }

    /// The agreement (or framework) an English event verb is about, and the event's
    /// date. A passive verb (`the RAA was signed`) looks back, an active one forward
    /// (`the leaders signed the RAA`); `to be signed`, `has not been renewed` give
    /// nothing. The date is the first one after the verb in the sentence, else the
    /// last one before it, else one opening an earlier sentence.
    #[allow(clippy::too_many_arguments)]
    fn english_event(
        &self,
        text: &str,
        (ss, se): (usize, usize),
        (vi, verbs): (usize, &[(usize, usize, EventKind)]),
        targets: &[usize],
        hits: &[Hit],
        ents: &Ents<'_>,
        in_sentence: &[&(Span, Ymd)],
        earlier: Option<Ymd>,
    ) -> Option<(usize, Option<Ymd>)> {
        let (vs, ve, _) = verbs[vi];
        let verb = &text[vs..ve];
        let head = text[ss..vs].trim_end();
        let lower_tail = |n: usize| {
            let start = head.len().saturating_sub(n);
            head.get(start..).unwrap_or("").to_ascii_lowercase()
        };
        let tail = lower_tail(20);
        if EN_NOT_YET.iter().any(|w| {
            tail.ends_with(w)
                && !tail[..tail.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
        }) {
            return None;
        }
        let last_word = head
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let passive = EN_PASSIVE.contains(&last_word.as_str());
        // `was signed in 2022 and entered into force in 2023`: the second verb shares
        // the subject of the first.
        let coordinated = vi > 0 && last_word == "and";
        let founding = EN_FOUNDING.contains(&verb);
        let allowed =
            |k: usize| ents[hits[k].ent as usize].category == EntityCategory::Agreement || founding;
        let prev_verb_end = if vi > 0 { verbs[vi - 1].1 } else { ss };
        let next_verb_start = verbs.get(vi + 1).map_or(se, |v| v.0);
        let before = targets
            .iter()
            .rev()
            .copied()
            .find(|&k| hits[k].end <= vs)
            .filter(|&k| allowed(k) && (coordinated || hits[k].start >= prev_verb_end))
            .filter(|&k| coordinated || text[hits[k].end..vs].chars().count() <= 60);
        let after = targets
            .iter()
            .copied()
            .find(|&k| hits[k].start >= ve)
            .filter(|&k| allowed(k) && hits[k].end <= next_verb_start)
            .filter(|&k| {
                let gap = &text[ve..hits[k].start];
                gap.chars().count() <= 80 && !gap.contains([',', ';', ':'])
            });
        // `The RAA, signed in 2022`: a participle right after its noun.
        let appositive = before.is_some_and(|k| {
            text[hits[k].end..vs]
                .chars()
                .all(|c| c == ',' || c.is_whitespace())
        });
        let k = if passive || appositive || (coordinated && after.is_none()) {
            before?
        } else {
            after.or(before)?
        };
        let clause_end = next_verb_start;
        let when = in_sentence
            .iter()
            .find(|(s, _)| s.start >= ve && s.end <= clause_end && s.start >= hits[k].start.min(ve))
            .map(|(_, y)| *y)
            .or_else(|| {
                in_sentence
                    .iter()
                    .rev()
                    .find(|(s, _)| s.end <= vs)
                    .map(|(_, y)| *y)
            })
            .or(earlier);
        Some((k, when))
    }
}

/// Add an event unless the same agreement, kind and date is already there.
fn push_event(events: &mut Vec<AgreementEvent>, ev: AgreementEvent) {
    if !events
        .iter()
        .any(|x| x.agreement == ev.agreement && x.kind == ev.kind && x.date == ev.date)
    {
        events.push(ev);
    }
}

/// The parties of an event: who withdrew, suspended or terminated is named in the
/// sentence; who signed, adopted or revised is every party of the agreement.
fn event_parties(kind: EventKind, e: &Ent, here: &[String]) -> Vec<String> {
    let one_sided = matches!(
        kind,
        EventKind::Withdrawn | EventKind::Suspended | EventKind::Terminated
    );
    if e.parties.is_empty() || (one_sided && !here.is_empty()) {
        here.to_vec()
    } else {
        e.parties.clone()
    }
}

/// True when the character `c` at byte `p` of `s` ends a sentence: `。！？．`, a line
/// end, or an English full stop, question or exclamation mark after a small letter, a
/// digit or `)` and before a space and a capital (so `U.S. Department` goes on).
fn ends_sentence(s: &str, p: usize, c: char) -> bool {
    match c {
        '。' | '！' | '？' | '．' | '\n' => true,
        '.' | '?' | '!' => {
            let bytes = s.as_bytes();
            let next_is_space = bytes.get(p + 1) == Some(&b' ');
            let then_capital = bytes.get(p + 2).is_some_and(u8::is_ascii_uppercase);
            let prev_small = p > 0 && {
                let b = bytes[p - 1];
                b.is_ascii_lowercase() || b.is_ascii_digit() || b == b')'
            };
            next_is_space && then_capital && prev_small
        }
        _ => false,
    }
}

/// The sentence of `scope` around the bytes `s..e`, as a byte range: from the end of
/// the last sentence end before `s` to the first one at or after `e`.
fn sentence_around(scope: &str, s: usize, e: usize) -> (usize, usize) {
    let from = scope[..s]
        .char_indices()
        .rev()
        .find(|&(p, c)| ends_sentence(scope, p, c))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let to = scope[e..]
        .char_indices()
        .find(|&(p, c)| ends_sentence(scope, e + p, c))
        .map_or(scope.len(), |(p, _)| e + p);
    (from, to)
}

/// The sorted, distinct entity indexes of a run of actor forms.
fn run_key(run: &[(usize, usize, Pat)]) -> Vec<u32> {
    let mut key: Vec<u32> = run
        .iter()
        .filter_map(|r| match r.2 {
            Pat::Name(e) | Pat::Short(e) => Some(e),
            Pat::Block => None,
        })
        .collect();
    key.sort_unstable();
    key.dedup();
    key
}

/// The length of a word at the start of `rest` that makes the preceding pair of
/// countries their alliance: `同盟` (not `同盟国`, the allies), `安保体制`,
/// `安全保障体制`, `安保` standing alone (not `安保理` or `安保協力`), or an English
/// ` alliance`.
fn alliance_word(rest: &str) -> Option<usize> {
    for w in ["安全保障体制", "安保体制", "同盟"] {
        if let Some(after) = rest.strip_prefix(w) {
            if w == "同盟" && (after.starts_with('国') || after.starts_with("諸国")) {
                return None;
            }
            return Some(w.len());
        }
    }
    if let Some(after) = rest.strip_prefix("安保") {
        return (!char_at(after, 0).is_some_and(|c| is_kanji(c) || is_katakana(c)))
            .then_some("安保".len());
    }
    // Full-width letters count as ASCII ones (`Ｕ.Ｓ.-Ｊａｐａｎ ａｌｌｉａｎｃｅ`).
    for w in [" alliance", " Alliance"] {
        if let Some(len) = folded_prefix(rest, w) {
            if !char_at(rest, len).is_some_and(is_alnum) {
                return Some(len);
            }
        }
    }
    None
}

/// A Latin letter, ASCII or full-width.
fn is_latin(c: char) -> bool {
    narrow(c).unwrap_or(c).is_ascii_alphabetic()
}

/// The byte length of the start of `s` that reads `word` once full-width letters
/// and digits are taken as ASCII ones.
fn folded_prefix(s: &str, word: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    for w in word.chars() {
        let (_, c) = chars.next()?;
        if narrow(c).unwrap_or(c) != w {
            return None;
        }
    }
    Some(chars.next().map_or(s.len(), |(k, _)| k))
}

/// `the Alliance` / `The Alliance` (capitalised, with the article, not followed by a
/// capitalised word, `for` or `of` that would make it another name) refers back to
/// the alliance named before it in the document when exactly one alliance has been
/// mentioned so far and it is a bilateral treaty alliance (`the U.S.-Japan alliance …
/// the Alliance`). With none, several, or a collective one such as NATO, it names
/// nothing. The mention spans the word `Alliance`. `hits` is sorted by start.
fn alliance_references(
    text: &str,
    scopes: &[(usize, usize, usize)],
    hits: &mut Vec<Hit>,
    ents: &Ents<'_>,
) {
    const WORD: &str = "Alliance";
    let mut found = Vec::new();
    for &(start, end, block) in scopes {
        let Some(scope) = text.get(start..end) else {
            continue;
        };
        for (p, _) in scope.match_indices(WORD) {
            let before = &scope[..p];
            let Some(art) = before
                .strip_suffix("the ")
                .or_else(|| before.strip_suffix("The "))
            else {
                continue;
            };
            if art.chars().next_back().is_some_and(is_alnum) {
                continue;
            }
            let after = &scope[p + WORD.len()..];
            if char_at(after, 0).is_some_and(is_alnum)
                || after.starts_with(" for ")
                || after.starts_with(" of ")
                || (after.starts_with(' ') && char_at(after, 1).is_some_and(char::is_uppercase))
            {
                continue;
            }
            let s = start + p;
            found.push((s, s + WORD.len(), block));
        }
    }
    for (s, e, block) in found {
        let upto = hits.partition_point(|h| h.start < s);
        if hits.iter().any(|o| o.start < e && s < o.end) {
            continue;
        }
        let mut alliances: Vec<u32> = Vec::new();
        for h in &hits[..upto] {
            if ents[h.ent as usize].category == EntityCategory::Alliance
                && !alliances.contains(&h.ent)
            {
                alliances.push(h.ent);
            }
        }
        if let [one] = alliances[..] {
            if ents[one as usize].kind.as_deref() == Some("bilateral_treaty_alliance") {
                hits.insert(upto, hit(s, e, one, None, block));
            }
        }
    }
}

/// The hits that may overlap `s..e`: `hits` is sorted by start and no hit is longer
/// than `max_len` bytes.
fn near(hits: &[Hit], s: usize, e: usize, max_len: usize) -> &[Hit] {
    let lo = hits.partition_point(|h| h.start + max_len < s);
    let hi = hits.partition_point(|h| h.start < e).max(lo);
    &hits[lo..hi]
}

/// What joins two countries that own something together (`日本・米国の`, `日本と米国の`,
/// `日本、米国の`, `日本及び米国の`, `日本および米国の`, `日本や米国の`).
const JOINING_WORDS: &[&str] = &["・", "･", "と", "、", "及び", "および", "や"];

fn hit(start: usize, end: usize, ent: u32, compound: Option<Span>, block: usize) -> Hit {
    Hit {
        start,
        end,
        ent,
        compound,
        block,
    }
}

/// A knowledge-base form with its full-width letters and digits written in ASCII.
fn fold_form(f: &str) -> String {
    match fold_width(f) {
        Some((folded, _)) => folded,
        None => f.to_string(),
    }
}

/// `f` with a hyphen between two Latin letters (`Japan-Australia`) written as an en
/// dash, and an en dash written as a hyphen; empty when `f` has neither.
fn other_dashes(f: &str) -> Vec<String> {
    let latin_around = |i: usize, len: usize| {
        char_before(f, i).is_some_and(|c| c.is_ascii_alphabetic() || c == '.')
            && char_at(f, i + len).is_some_and(|c| c.is_ascii_alphabetic())
    };
    let mut out = Vec::new();
    if f.contains('–') {
        out.push(f.replace('–', "-"));
    }
    let hyphens: Vec<usize> = f
        .match_indices('-')
        .map(|(i, _)| i)
        .filter(|&i| latin_around(i, 1))
        .collect();
    if !hyphens.is_empty() {
        let mut dashed = String::with_capacity(f.len() + 2 * hyphens.len());
        let mut last = 0;
        for i in hyphens {
            dashed.push_str(&f[last..i]);
            dashed.push('–');
            last = i + 1;
        }
        dashed.push_str(&f[last..]);
        out.push(dashed);
    }
    out
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn build<I, P>(patterns: I) -> AhoCorasick
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    let patterns: Vec<P> = patterns.into_iter().collect();
    // A small set of words (event verbs, agreement endings, learnt forms) is found
    // fastest by the library's SIMD prefilter, which skips the text between
    // candidates; over the hundreds of knowledge-base forms candidates are everywhere
    // and the plain DFA is faster (see the bench).
    let prefilter = patterns.len() <= 64;
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .prefilter(prefilter)
        .build(&patterns)
        // A very large user knowledge base may exceed the DFA's limits: fall back to
        // the automaton kind the library picks.
        .or_else(|_| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
        })
        .or_else(|_| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(std::iter::empty::<&[u8]>())
        })
        .expect("an automaton over no patterns always builds")
}

/// A name's ends must not run on into the same script (`NATO` in `NATOs` is not cut,
/// `インド` in `インドネシア` is not India).
fn boundary_ok(scope: &str, s: usize, e: usize) -> bool {
    let first = char_at(scope, s);
    let last = char_before(scope, e);
    let before = char_before(scope, s);
    let after = char_at(scope, e);
    let clash = |inner: Option<char>, outer: Option<char>| match (inner, outer) {
        (Some(i), Some(o)) => (is_alnum(i) && is_alnum(o)) || (is_katakana(i) && is_katakana(o)),
        _ => false,
    };
    // `G7-2000`, `IP4.1`: a name ending in a digit, then a number, is a model or
    // version number.
    let numbered = last.is_some_and(|c| c.is_ascii_digit())
        && matches!(after, Some('-' | '.' | '/'))
        && scope.as_bytes().get(e + 1).is_some_and(u8::is_ascii_digit);
    !clash(first, before) && !clash(last, after) && !numbered
}

/// A lone one-character form counts after 訪, 対, 駐 … or before 政府, 軍, 側 ….
fn short_context_ok(text: &str, s: usize, e: usize, scope_start: usize) -> bool {
    let prefixed =
        s > scope_start && char_before(text, s).is_some_and(|c| SHORT_PREFIXES.contains(&c));
    let rest = &text[e..];
    // `米ハワイ`, `英ロンドン`: a country letter before a katakana place name.
    let place =
        KATAKANA_PLACE_SHORTS.contains(&&text[s..e]) && char_at(text, e).is_some_and(is_katakana);
    prefixed || place || SHORT_SUFFIXES.iter().any(|w| rest.starts_with(w))
}

/// Start of the run of name characters ending at `end` (at most 30 characters back).
fn name_run_start(s: &str, end: usize) -> usize {
    let mut start = end;
    let mut n = 0;
    while let Some(c) = char_before(s, start) {
        if !is_name_char(c) || n >= 30 {
            break;
        }
        start -= c.len_utf8();
        n += 1;
    }
    // A name does not start with a middle dot.
    while let Some(c) = char_at(s, start) {
        if start < end && matches!(c, '・' | '･' | '=' | '＝') {
            start += c.len_utf8();
        } else {
            break;
        }
    }
    start
}

/// A capitalised English name ending at `end`: `Security of Supply Arrangement`.
/// Leading verbs and articles (`Sign`, `The`) are left out.
fn english_name_before(s: &str, end: usize) -> Option<&str> {
    let head = s.get(..end)?;
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut pos = end;
    loop {
        let seg_start = head[..pos].rfind(' ').map_or(0, |p| p + 1);
        let token = &head[seg_start..pos];
        let tail: usize = token
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '\'' | '&'))
            .map(char::len_utf8)
            .sum();
        if tail == 0 {
            break;
        }
        let mut ws = pos - tail;
        // `SOSASecurity`: an abbreviation glued to the name; the name starts at the
        // last capital of the leading run of capitals.
        let word = &head[ws..pos];
        let caps = word.bytes().take_while(u8::is_ascii_uppercase).count();
        let glued = caps >= 2
            && word
                .as_bytes()
                .get(caps)
                .is_some_and(u8::is_ascii_lowercase);
        if glued {
            ws += caps - 1;
        }
        words.push((ws, &head[ws..pos]));
        if glued || tail < token.len() || seg_start == 0 || words.len() > 10 {
            break;
        }
        pos = seg_start - 1;
    }
    let capital = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    };
    if !words.first().is_some_and(|(_, w)| capital(w)) {
        return None;
    }
    let mut first = 0;
    for (k, (_, w)) in words.iter().enumerate().skip(1) {
        if capital(w) {
            if EN_STOP_VERBS.contains(w) {
                break;
            }
            first = k;
        } else if !EN_CONNECTORS.contains(w) {
            break;
        }
    }
    while first > 0 && !words[first].1.starts_with(|c: char| c.is_ascii_uppercase()) {
        first -= 1;
    }
    if first == 0 {
        return None;
    }
    let name = s.get(words[first].0..end)?;
    (name.len() <= 120).then_some(name)
}

struct AbbrDef<'a> {
    abbr: &'a str,
    english: Option<&'a str>,
    /// The abbreviation runs straight into the English name (`SOSASecurity`).
    glued: bool,
}

/// Read `IPCP)`, `以下「SCM」:Security Consultative Meeting)`, `以下、IP4)`,
/// `SOSASecurity of Supply Arrangement)` after an opening parenthesis.
fn read_abbreviation(s: &str, mut i: usize) -> Option<AbbrDef<'_>> {
    if s[i..].starts_with("以下") {
        i += "以下".len();
        // `(以下、IP4)`, `(以下,IP4)`, `(以下 IP4)`.
        if let Some(c) = char_at(s, i).filter(|c| matches!(c, '、' | '，' | ',' | ' ' | '　')) {
            i += c.len_utf8();
        }
    }
    if s[i..].starts_with('「') {
        i += '「'.len_utf8();
    }
    let bytes = s.as_bytes();
    let start = i;
    let mut j = i;
    while j < bytes.len()
        && (bytes[j].is_ascii_uppercase()
            || bytes[j].is_ascii_digit()
            || bytes[j] == b'&'
            || bytes[j] == b'-')
    {
        j += 1;
    }
    if !bytes.get(start).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let mut english = None;
    let mut glued = false;
    // `SOSASecurity`: the last capital starts the English name.
    if j < bytes.len() && bytes[j].is_ascii_lowercase() && j - start >= 3 {
        j -= 1;
        let close = s[j..].find([')', '）']).map(|p| p + j)?;
        english = Some(s[j..close].trim());
        glued = true;
    }
    let abbr = &s[start..j];
    if abbr.bytes().filter(u8::is_ascii_uppercase).count() < 2 || abbr.len() > 10 {
        return None;
    }
    let mut k = j;
    if english.is_none() {
        if s[k..].starts_with('」') {
            k += '」'.len_utf8();
        }
        let c = char_at(s, k)?;
        if matches!(c, ':' | '：' | '、' | ',' | '，' | ';') {
            let from = k + c.len_utf8();
            let close = s[from..].find([')', '）']).map(|p| p + from)?;
            let en = s[from..close].trim();
            if en.is_ascii() && en.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
                english = Some(en);
            }
        } else if !matches!(c, ')' | '）') {
            return None;
        }
    }
    Some(AbbrDef {
        abbr,
        english,
        glued,
    })
}

/// True when a quoted text reads as a clause or a description rather than a name:
/// it holds punctuation or hiragana other than の, と and the joints に関する, における,
/// のための (`「新たな協力の枠組み」` is a description, `「キャンプ・デービッドの精神」` a name).
fn is_clause(name: &str) -> bool {
    if name.contains(['、', '，', '。']) {
        return true;
    }
    let stripped = name
        .replace("に関する", "")
        .replace("における", "")
        .replace("のための", "");
    stripped
        .chars()
        .any(|c| matches!(c, '\u{3041}'..='\u{309F}') && c != 'の' && c != 'と')
}

fn classify_ja(name: &str) -> Option<EntityCategory> {
    if JA_AGREEMENT_SUFFIXES.iter().any(|s| name.ends_with(s)) {
        Some(EntityCategory::Agreement)
    } else if JA_ORG_SUFFIXES.iter().any(|s| name.ends_with(s)) {
        Some(EntityCategory::Organization)
    } else if JA_FRAMEWORK_SUFFIXES.iter().any(|s| name.ends_with(s)) {
        Some(EntityCategory::Framework)
    } else {
        None
    }
}

fn classify_en(name: &str) -> Option<EntityCategory> {
    let last = name.rsplit(' ').next()?;
    if EN_SHAPE_WORDS.contains(&last) || EN_AGREEMENT_WORDS.contains(&last) {
        Some(EntityCategory::Agreement)
    } else if EN_ORG_WORDS.contains(&last) {
        Some(EntityCategory::Organization)
    } else if EN_FRAMEWORK_WORDS.contains(&last) {
        Some(EntityCategory::Framework)
    } else {
        None
    }
}

fn is_enumeration(gap: &str) -> bool {
    let g = gap.trim();
    g.is_empty()
        || [
            "と",
            "及び",
            "、",
            "および",
            "，",
            ",",
            "や",
            "と同",
            "から",
        ]
        .contains(&g)
}

/// True when only dates and joining particles stand between two verbs
/// (`2014年策定、2018年5月及び2020年6月に改訂`), after the first verb's conjunctive
/// form (`署名され、2023年8月に発効した`).
fn only_dates_between(text: &str, from: usize, to: usize, dates: &[(Span, Ymd)]) -> bool {
    if to <= from {
        return false;
    }
    let joining = |part: &str| {
        part.chars()
            .all(|c| c.is_whitespace() || "、,，と及びおよにで・".contains(c))
    };
    let mut i = from;
    // `署名され、2023年8月に発効した`: the first verb's conjunctive form.
    if let Some(rest) = text.get(from..to) {
        for conj in ["されて", "され", "して", "し"] {
            if let Some(r) = rest.strip_prefix(conj) {
                if r.starts_with(['、', '，', ',']) {
                    i = from + conj.len();
                    break;
                }
            }
        }
    }
    let first = i;
    for (s, _) in dates
        .iter()
        .filter(|(s, _)| s.start >= first && s.end <= to)
    {
        if s.start < i {
            continue;
        }
        // A span that is not on character boundaries (a bad date annotation) is text.
        match text.get(i..s.start) {
            Some(part) if joining(part) => i = s.end,
            Some(_) => return false,
            None => {}
        }
    }
    text.get(i..to).is_some_and(joining)
}

/// Add the learnt forms' occurrences. A learnt hit that would cut through a
/// knowledge-base hit, or overlaps a known alliance or agreement, is dropped; actors
/// inside a learnt agreement name stay.
fn add_learnt_hits(
    text: &str,
    scopes: &[(usize, usize, usize)],
    learnt: &[(String, u32)],
    hits: &mut Vec<Hit>,
    ents: &Ents<'_>,
) {
    let ac = build(learnt.iter().map(|(f, _)| f.as_str()));
    let max_len = hits.iter().map(|h| h.end - h.start).max().unwrap_or(0);
    let mut new_hits = Vec::new();
    for &(start, end, block) in scopes {
        let scope = &text[start..end];
        for m in ac.find_iter(scope) {
            if !boundary_ok(scope, m.start(), m.end()) {
                continue;
            }
            let (s, e) = (start + m.start(), start + m.end());
            let blocked = near(hits, s, e, max_len).iter().any(|h| {
                let overlap = h.start < e && s < h.end;
                let inside = s <= h.start && h.end <= e;
                overlap && (!inside || !ents[h.ent as usize].is_actor())
            });
            if !blocked {
                new_hits.push(hit(s, e, learnt[m.pattern().as_usize()].1, None, block));
            }
        }
    }
    hits.extend(new_hits);
}

/// The document's dates, with spans in `text` (the document's text, folded by
/// `remap` when given): `doc.dates` when the date crate filled them, else the date
/// crate's scanner, else the fallback reader.
fn document_dates(doc: &Document, text: &str, remap: Option<&Remap>) -> Vec<(Span, Ymd)> {
    let resolved = |d: &domei_model::Date| {
        !d.damaged
            && d.relative
                .as_ref()
                .is_none_or(|r| r.anchoring != domei_model::Anchoring::Unresolved)
    };
    if !doc.dates.is_empty() {
        // The date crate's spans, in `text` (folded when `remap` is given).
        let span_of = |s: Span| match remap {
            Some(r) => Span::new(r.to_folded(s.start), r.to_folded(s.end)),
            None => s,
        };
        let mut dates: Vec<(Span, Ymd)> = doc
            .dates
            .iter()
            .filter(|d| resolved(&d.date))
            .map(|d| (span_of(d.span), d.date.start))
            .collect();
        // `in 2021` in English running text, where the date crate found nothing.
        for (span, ymd) in english_years(text) {
            if !doc.dates.iter().any(|d| {
                let d = span_of(d.span);
                d.start < span.end && span.start < d.end
            }) {
                dates.push((span, ymd));
            }
        }
        dates.sort_by_key(|(s, _)| s.start);
        return dates;
    }
    let reference = doc.metadata.published.as_ref().map(|p| p.date.start);
    let context = domei_dates::Context { reference };
    let scanned: Vec<(Span, Ymd)> = domei_dates::scan(text, &context)
        .filter(|d| resolved(&d.date))
        .map(|d| (d.span, d.date.start))
        .collect();
    // The date crate may not read every form yet: add the fallback reader's dates
    // where it found none.
    let mut all = scanned;
    for (span, ymd) in scan_dates(text, reference.map(|r| r.year))
        .into_iter()
        .chain(english_years(text))
    {
        if !all
            .iter()
            .any(|(s, _)| s.start < span.end && span.start < s.end)
        {
            all.push((span, ymd));
        }
    }
    all.sort_by_key(|(s, _)| s.start);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviation_forms() {
        let s = "約定(SOSASecurity of Supply Arrangement)";
        let p = s.find('(').unwrap() + 1;
        let d = read_abbreviation(s, p).unwrap();
        assert_eq!(d.abbr, "SOSA");
        assert_eq!(d.english, Some("Security of Supply Arrangement"));
        let s = "会議(以下「SCM」:Security Consultative Meeting)";
        let d = read_abbreviation(s, s.find('(').unwrap() + 1).unwrap();
        assert_eq!(
            (d.abbr, d.english),
            ("SCM", Some("Security Consultative Meeting"))
        );
        let s = "計画(ITPP)";
        let d = read_abbreviation(s, s.find('(').unwrap() + 1).unwrap();
        assert_eq!((d.abbr, d.english), ("ITPP", None));
        assert!(read_abbreviation("(図表1参照)", 1).is_none());
    }

    #[test]
    fn english_names() {
        let s = "NATO and the Republic of Korea Sign Airworthiness Agreement";
        assert_eq!(
            english_name_before(s, s.len()),
            Some("Airworthiness Agreement")
        );
        let s = "the Individually Tailored Partnership Programme";
        assert_eq!(
            english_name_before(s, s.len()),
            Some("Individually Tailored Partnership Programme")
        );
    }
}
