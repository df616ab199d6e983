//! Author lists: Western names, Japanese names, organisations, `et al.`, 他, ほか,
//! editors and translators.

use domei_model::{Person, Span, Spanned};

use crate::text::{is_cjk, is_hiragana, is_ws, split_top, starts_ci, trim, trim_field};

/// True for a word (any case) that makes a name an organisation.
fn is_org_word(w: &str) -> bool {
    if w.len() < 3 || w.len() > 16 {
        return false;
    }
    let mut buf = [0u8; 16];
    for (d, s) in buf.iter_mut().zip(w.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    let Ok(lower) = std::str::from_utf8(&buf[..w.len()]) else {
        return false;
    };
    matches!(
        lower,
        "department"
            | "ministry"
            | "office"
            | "agency"
            | "institute"
            | "commission"
            | "council"
            | "center"
            | "centre"
            | "university"
            | "government"
            | "committee"
            | "association"
            | "foundation"
            | "organization"
            | "organisation"
            | "secretary"
            | "representative"
            | "administration"
            | "bureau"
            | "service"
            | "press"
            | "news"
            | "group"
            | "inc."
            | "ltd"
            | "corporation"
            | "company"
            | "forces"
            | "command"
            | "house"
            | "embassy"
            | "union"
            | "nations"
            | "nato"
            | "congress"
            | "senate"
            | "parliament"
            | "cabinet"
            | "state"
            | "defense"
            | "defence"
            | "affairs"
            | "staff"
            | "headquarters"
            | "board"
            | "authority"
            | "bank"
            | "fund"
            | "program"
            | "programme"
            | "project"
            | "society"
            | "corps"
            | "army"
            | "navy"
            | "force"
            | "research"
            | "international"
            | "partnership"
            | "alliance"
            | "network"
            | "library"
            | "times"
            | "post"
            | "reuters"
            | "aerospace"
            | "industries"
            | "ocean"
            | "system"
            | "systems"
    )
}

/// Lower-case words allowed inside a personal name.
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "del", "dos",
    "ter",
];

/// Japanese suffixes marking a role, longest first.
const JA_ROLES: &[(&str, Role)] = &[
    ("ほか編著", Role::Editor),
    ("他編著", Role::Editor),
    ("ほか編", Role::Editor),
    ("他編", Role::Editor),
    ("ほか訳", Role::Translator),
    ("監修", Role::Editor),
    ("編著", Role::Editor),
    ("監訳", Role::Translator),
    ("共著", Role::Author),
    ("ほか著", Role::Author),
    ("ほか", Role::Author),
    ("他著", Role::Author),
    ("編", Role::Editor),
    ("訳", Role::Translator),
    ("著", Role::Author),
    ("他", Role::Author),
];

/// The role of a name in a reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Author.
    Author,
    /// Editor.
    Editor,
    /// Translator.
    Translator,
}

/// Names read from one author region.
#[derive(Debug, Default)]
pub(crate) struct Names {
    pub(crate) people: Vec<(Role, Spanned<Person>)>,
    pub(crate) et_al: bool,
}

/// True when a name looks like an organisation rather than a person.
pub(crate) fn is_org(s: &str) -> bool {
    let words = s.split_whitespace().count();
    if words >= 5 {
        return true;
    }
    if s.chars().any(|c| c.is_ascii_digit() || c == '&') {
        return true;
    }
    s.split(|c: char| is_ws(c) || c == '-' || c == ',')
        .any(|w| {
            let w = w.trim_end_matches([',', '’', '\'']);
            is_org_word(w)
                || (w.len() >= 2
                    && w.chars().all(|c| c.is_ascii_uppercase())
                    && words == 1
                    && w != "jr")
        })
        || s.split_whitespace().count() == 1
            && s.len() >= 2
            && s.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// True when `s` reads as one personal name (`Brad Lendon`, `Kang Yoon-seung`, `J. Smith`).
pub(crate) fn is_person_en(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || is_org(s) {
        return false;
    }
    let mut n = 0;
    for w in s.split_whitespace() {
        n += 1;
        let first = w.chars().next().unwrap_or(' ');
        if !(first.is_uppercase() || PARTICLES.contains(&w)) {
            return false;
        }
        if w.chars()
            .any(|c| !(c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')))
        {
            return false;
        }
    }
    (1..=4).contains(&n)
}

/// A Western name as CSL parts: `Given Family`, particles join the family name;
/// `Family, Given` is handled by the caller.
pub(crate) fn person_en(s: &str) -> Person {
    if is_org(s) {
        return Person {
            literal: Some(s.to_string()),
            ..Person::default()
        };
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() == 1 {
        return Person {
            family: Some(s.to_string()),
            ..Person::default()
        };
    }
    let mut k = words.len() - 1;
    while k > 1 && PARTICLES.contains(&words[k - 1]) {
        k -= 1;
    }
    Person {
        family: Some(words[k..].join(" ")),
        given: Some(words[..k].join(" ")),
        literal: None,
    }
}

/// True when `s` is only initials (`A. B.`, `J.`, `A.B.`).
fn initials(s: &str) -> bool {
    let s = s.trim();
    if (1..=2).contains(&s.len()) && s.chars().all(|c| c.is_ascii_uppercase()) {
        return true;
    }
    !s.is_empty()
        && s.len() <= 12
        && s.contains('.')
        && s.split(|c: char| c == '.' || is_ws(c) || c == '-')
            .all(|w| w.is_empty() || (w.chars().count() == 1 && w.chars().all(char::is_uppercase)))
}

/// Read an English author region (`Keonyeong Jeong, Yongseok Seo, and Kyungmoo Heo`,
/// `Jin-yong et al.`, `Smith, J. A., & Doe, B.`, `US Department of Defense`).
pub(crate) fn names_en(t: &str, a: usize, b: usize, role: Role, out: &mut Names) {
    let (a, mut b) = trim(t, a, b, &[',', ':', ';']);
    if a >= b {
        return;
    }
    // A single author region that ends in "." (APA) or holds "et al."
    if let Some(i) = crate::text::find(t, a, b, "et al").map(|i| i - a) {
        out.et_al = true;
        b = a + i;
    }
    let (a, b) = trim(t, a, b, &[',']);
    if a >= b {
        return;
    }
    let whole = &t[a..b];
    if !crate::text::has(whole, ", ")
        && !crate::text::has(whole, " & ")
        && is_org(whole)
        && !whole.split(" and ").all(is_person_en)
    {
        let (a, b) = trim_field(t, a, b);
        out.people
            .push((role, Spanned::new(person_en(&t[a..b]), Span::new(a, b))));
        return;
    }
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for (x, y) in split_top(t, a, b, &[',', '&']) {
        // " and " splits too.
        let mut start = x;
        let s = &t[x..y];
        let mut from = 0;
        while let Some(i) = crate::text::find_bytes(&s.as_bytes()[from..], b" and ") {
            let at = x + from + i;
            pieces.push((start, at));
            start = at + 5;
            from += i + 5;
        }
        pieces.push((start, y));
    }
    let pieces: Vec<(usize, usize)> = pieces
        .into_iter()
        .map(|(x, y)| {
            let (x, y) = trim(t, x, y, &[',']);
            let s = &t[x..y];
            let x = if starts_ci(s, "and ") { x + 4 } else { x };
            trim(t, x, y, &[])
        })
        .filter(|(x, y)| x < y)
        .collect();
    // "Fischer, Laura" or "Doe, Jane, and John Smith": the first name inverted, as a
    // bibliography writes it.
    let mut i = 0;
    if pieces.len() >= 2
        && !whole.contains('&')
        && (pieces.len() == 2 || whole.contains(" and "))
        && {
            let f = &t[pieces[0].0..pieces[0].1];
            !f.contains(char::is_whitespace) && f.chars().next().is_some_and(char::is_uppercase)
        }
        && {
            let g = &t[pieces[1].0..pieces[1].1];
            !initials(g) && is_person_en(g) && g.split_whitespace().count() <= 3
        }
    {
        let (fx, fy) = pieces[0];
        let (gx, gy) = trim_field(t, pieces[1].0, pieces[1].1);
        let person = Person {
            family: Some(t[fx..fy].to_string()),
            given: Some(t[gx..gy].to_string()),
            literal: None,
        };
        out.people
            .push((role, Spanned::new(person, Span::new(fx, gy))));
        i = 2;
    }
    while i < pieces.len() {
        let (x, y) = pieces[i];
        // APA "Family, I. I."
        if let Some(&(x2, y2)) = pieces.get(i + 1)
            && initials(&t[x2..y2])
            && !initials(&t[x..y])
        {
            let (x2, y2) = trim(t, x2, y2, &[',']);
            let person = Person {
                family: Some(t[x..y].to_string()),
                given: Some(t[x2..y2].to_string()),
                literal: None,
            };
            out.people
                .push((role, Spanned::new(person, Span::new(x, y2))));
            i += 2;
            continue;
        }
        let (x, y) = trim_field(t, x, y);
        if x < y {
            out.people
                .push((role, Spanned::new(person_en(&t[x..y]), Span::new(x, y))));
        }
        i += 1;
    }
}

/// A Japanese name: `山田 太郎` splits at the space; otherwise one literal.
fn person_ja(s: &str) -> Person {
    let mut parts = s.split(|c: char| is_ws(c));
    if let (Some(f), Some(g), None) = (parts.next(), parts.next(), parts.next())
        && f.chars().all(is_cjk)
        && g.chars().all(is_cjk)
    {
        return Person {
            family: Some(f.to_string()),
            given: Some(g.to_string()),
            literal: None,
        };
    }
    if !s.chars().any(is_cjk) {
        return person_en(s);
    }
    Person {
        literal: Some(s.to_string()),
        ..Person::default()
    }
}

/// Read a Japanese author region (`山田太郎、鈴木花子編`, `ホ・テグン`, `韓国国防部`,
/// `山田太郎ほか`). `default` is the role of names without a role suffix.
pub(crate) fn names_ja(t: &str, a: usize, b: usize, default: Role, out: &mut Names) {
    let (a, b) = trim(t, a, b, &['、', ',', '，', '：', ':']);
    if a >= b {
        return;
    }
    // A role suffix on the last name applies to the whole group.
    let mut group_role = default;
    let mut end = b;
    for (suffix, role) in JA_ROLES {
        if t[a..end].ends_with(suffix) {
            end -= suffix.len();
            if suffix.contains("ほか") || suffix.contains('他') {
                out.et_al = true;
            }
            group_role = *role;
            break;
        }
    }
    let (a, end) = trim(t, a, end, &['、', ',']);
    // Kanji names joined by ・ are several people; katakana names keep their ・.
    let region = &t[a..end];
    let seps: &[char] = if region.contains('・')
        && region.split('・').all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| crate::text::is_cjk(c) && !('\u{30a0}'..='\u{30ff}').contains(&c))
        }) {
        &['、', '，', ',', '・']
    } else {
        &['、', '，', ',']
    };
    for (x, y) in split_top(t, a, end, seps) {
        let (x, mut y) = trim(t, x, y, &[]);
        let mut role = group_role;
        for (suffix, r) in JA_ROLES {
            if y - x > suffix.len() && t[x..y].ends_with(suffix) {
                y -= suffix.len();
                if suffix.contains("ほか") || suffix.contains('他') {
                    out.et_al = true;
                }
                role = *r;
                break;
            }
        }
        let (x, y) = trim(t, x, y, &[]);
        if x < y {
            out.people
                .push((role, Spanned::new(person_ja(&t[x..y]), Span::new(x, y))));
        }
    }
}

/// True when `s` can be (part of) a Japanese author run: short, no hiragana apart from
/// role words.
pub(crate) fn ja_name_like(s: &str) -> bool {
    let n = s.chars().count();
    if n == 0 || n > 24 {
        return false;
    }
    let mut body = s;
    for (suffix, _) in JA_ROLES {
        if let Some(x) = body.strip_suffix(suffix) {
            body = x;
            break;
        }
    }
    !body
        .chars()
        .any(|c| is_hiragana(c) || matches!(c, '。' | '「' | '『'))
}
