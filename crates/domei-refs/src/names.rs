//! Author lists: Western names, Japanese names, organisations, `et al.`, 他, ほか,
//! editors and translators.

use domei_model::{Person, Span, Spanned};

use crate::text::{is_cjk, is_ws, split_top, starts_ci, trim, trim_field};

/// True for a word (any case) that makes a name an organisation.
fn is_org_word(w: &str) -> bool {
    if w.len() < 3 || w.len() > 16 {
        return false;
    }
    // Every word of the list starts with one of these letters: most words of a name
    // are rejected before the comparison.
    let first = w.as_bytes()[0].to_ascii_lowercase();
    if !matches!(
        first,
        b'a' | b'b'
            | b'c'
            | b'd'
            | b'e'
            | b'f'
            | b'g'
            | b'h'
            | b'i'
            | b'l'
            | b'm'
            | b'n'
            | b'o'
            | b'p'
            | b'r'
            | b's'
            | b't'
            | b'u'
    ) {
        return false;
    }
    let mut buf = [0u8; 16];
    for (d, s) in buf.iter_mut().zip(w.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    // A non-ASCII byte never matches an ASCII word.
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
            | "assembly"
            | "network"
            | "library"
            | "times"
            | "post"
            | "reuters"
            | "shimbun"
            | "shinbun"
            | "ilbo"
            | "sinmun"
            | "nippo"
            | "tsushin"
            | "nikkei"
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

/// The last characters of the words of [`JA_ROLES`].
const ROLE_ENDS: [char; 6] = ['著', '編', '訳', '修', 'か', '他'];

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
    // "Secretary Lloyd J. Austin III": a titled person, whatever the title's word.
    let rest = without_title(s);
    if rest.len() < s.len() {
        return is_org(without_suffix(rest));
    }
    if s.is_ascii() {
        return is_org_ascii(s.as_bytes());
    }
    if s.bytes().any(|c| c.is_ascii_digit() || c == b'&') {
        return true;
    }
    let words = s.split_whitespace().count();
    if words >= 5 {
        return true;
    }
    s.split(|c: char| is_ws(c) || c == '-' || c == ',')
        .any(|w| {
            let w = w.trim_end_matches([',', '’', '\'']);
            is_org_word(w)
                || (words == 1
                    && w.len() >= 2
                    && w.bytes().all(|c| c.is_ascii_uppercase())
                    && w != "jr")
                || is_acronym(w.as_bytes())
        })
        || words == 1 && s.len() >= 2 && s.bytes().all(|c| c.is_ascii_uppercase() || c == b'.')
}

/// An acronym of three capitals or more without a vowel (`NHK`, `CNN`, `JFK`): in a
/// name of several words it names an organisation (`NHK World`, `CNN Politics`), while
/// two capitals may be initials (`JD Vance`) and capitals with a vowel a family name
/// (`KITAOKA Shinichi`).
#[inline]
fn is_acronym(w: &[u8]) -> bool {
    // The first two letters are tested first: most words fail there.
    w.len() >= 3
        && w[0].is_ascii_uppercase()
        && w[1].is_ascii_uppercase()
        && w.iter().all(|c| {
            c.is_ascii_uppercase() && !matches!(c, b'A' | b'E' | b'I' | b'O' | b'U' | b'Y')
        })
}

/// [`is_org`] for an ASCII name, in one pass over its bytes (the same rules).
fn is_org_ascii(s: &[u8]) -> bool {
    let mut words = 0;
    let mut in_word = false;
    for &c in s {
        if c.is_ascii_digit() || c == b'&' {
            return true;
        }
        if matches!(c, 0x09..=0x0d | b' ') {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
        }
    }
    if words >= 5 {
        return true;
    }
    for tok in s.split(|&c| matches!(c, 0x09..=0x0d | b' ' | b'-' | b',')) {
        let mut tok = tok;
        while let [head @ .., b',' | b'\''] = tok {
            tok = head;
        }
        // An ASCII slice is valid UTF-8.
        let w = std::str::from_utf8(tok).unwrap_or("");
        if is_org_word(w)
            || words == 1
                && tok.len() >= 2
                && tok.iter().all(u8::is_ascii_uppercase)
                && tok != b"jr"
            || is_acronym(tok)
        {
            return true;
        }
    }
    words == 1 && s.len() >= 2 && s.iter().all(|c| c.is_ascii_uppercase() || *c == b'.')
}

/// True when `s` reads as one personal name (`Brad Lendon`, `Kang Yoon-seung`, `J. Smith`).
pub(crate) fn is_person_en(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || is_org(s) {
        return false;
    }
    // A rank or title before the name and a suffix after it are not counted.
    let s = without_suffix(without_title(s));
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

/// How a word takes part in a title before a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TitleWord {
    /// A word that can end a title (`Secretary`, `Minister`, `Gen.`, `Dr.`).
    Head,
    /// A word that only qualifies the title word after it (`Prime`, `Vice`, `Lt.`,
    /// `National`, `Japanese`).
    Modifier,
}

/// The part `w` takes in a title before a name, if any.
fn title_word(w: &str) -> Option<TitleWord> {
    match w {
        "Admiral" | "Adm." | "General" | "Gen." | "Colonel" | "Col." | "Captain" | "Capt."
        | "Commander" | "Cmdr." | "Lieutenant" | "Lt." | "Ambassador" | "Amb." | "Minister"
        | "President" | "Secretary" | "Secretary-General" | "Director-General" | "Senator"
        | "Sen." | "Representative" | "Rep." | "Congressman" | "Congresswoman" | "Governor"
        | "Gov." | "Professor" | "Prof." | "Dr." | "Mr." | "Ms." | "Mrs." | "Advisor"
        | "Adviser" | "Chancellor" | "Premier" | "Chairman" | "Chair" | "Director" | "Speaker"
        | "Envoy" | "Undersecretary" | "Councilor" | "Councillor" | "Spokesperson"
        | "Spokesman" => Some(TitleWord::Head),
        "Vice" | "Rear" | "Major" | "Maj." | "Brigadier" | "Brig." | "Prime" | "Foreign"
        | "Defense" | "Defence" | "Chief" | "Cabinet" | "National" | "Security" | "Deputy"
        | "Under" | "Assistant" | "Senior" | "Special" | "Principal" | "Acting" | "Former"
        | "Trade" | "Finance" | "Economic" | "Majority" | "Minority" | "State" | "U.S." | "US"
        | "UK" | "UN" | "EU" | "NATO" | "Japanese" | "American" | "Chinese" | "Korean"
        | "South" | "North" | "Australian" | "British" | "French" | "German" | "Indian"
        | "Philippine" | "Taiwanese" | "Russian" => Some(TitleWord::Modifier),
        _ => None,
    }
}

/// `s` without a rank or title (`Admiral`, `Lt. Gen.`, `Secretary`, `National Security
/// Advisor`, `Chief Cabinet Secretary`, `Dr.` …) before a name, as notes on speeches,
/// testimony and interviews write them. A title is a run of title words ending in a
/// head word ([`title_word`]). The name is either two words or more, all capitalised
/// but for particles (so `Secretary of Defense` keeps its title), or one capitalised
/// word, a family name (`President Biden`, `Secretary Blinken`, `Prime Minister
/// Kishida`) that is no title or organisation word itself (`Secretary General`,
/// `Representative Office` keep theirs). `General` as the only head word (but for a
/// rank, `Major General`) before one word is left alone: it names companies (`General
/// Dynamics`) and bodies (`UN General Assembly`).
fn without_title(s: &str) -> &str {
    // The longest title word has 17 bytes (`Secretary-General`): most names are passed
    // over after their first word.
    let Some(sp) = s.bytes().take(18).position(|b| b == b' ') else {
        return s;
    };
    if title_word(&s[..sp]).is_none() {
        return s;
    }
    // Where the title ends: after its last head word, within the first six words, or
    // after the office named with `of` after a head word (`Secretary of State`,
    // `Minister of Foreign Affairs`, `Secretary of the Navy`).
    let end_of = |w: &str| w.as_ptr() as usize - s.as_ptr() as usize + w.len();
    let mut end = None;
    let mut heads = 0;
    let mut last_head = "";
    let mut prev = "";
    let mut before_head = "";
    let mut words = s.split_whitespace().take(8).peekable();
    while let Some(w) = words.next() {
        match title_word(w) {
            Some(TitleWord::Head) => {
                end = Some(end_of(w));
                heads += 1;
                last_head = w;
                before_head = prev;
                if words.next_if_eq(&"of").is_some() {
                    words.next_if_eq(&"the");
                    let mut office = None;
                    while let Some(o) = words.next_if(|o| is_office_word(o)) {
                        office = Some(end_of(o));
                    }
                    // `President of the United States`: no office word, no title read.
                    let Some(office) = office else {
                        return s;
                    };
                    end = Some(office);
                    break;
                }
            }
            Some(TitleWord::Modifier) => {}
            None => break,
        }
        prev = w;
    }
    let Some(end) = end else {
        return s;
    };
    // `General` as the only head word names companies (`General Dynamics`) and bodies
    // (`UN General Assembly`) as often as generals.
    let bare_general = heads == 1
        && last_head == "General"
        && !matches!(before_head, "Major" | "Maj." | "Brigadier" | "Brig.");
    let rest = s[end..].trim();
    let mut words = rest.split_whitespace();
    match (words.next(), words.next()) {
        (Some(_), Some(_))
            if rest
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase) || PARTICLES.contains(&w)) =>
        {
            rest
        }
        (Some(w), None) if !bare_general && is_family_word(w) => rest,
        _ => s,
    }
}

/// True for a word of an office named with `of` after a title (`State`, `Defense`,
/// `Foreign Affairs`, `the Navy`, `Homeland Security`).
fn is_office_word(w: &str) -> bool {
    matches!(
        w,
        "State"
            | "Defense"
            | "Defence"
            | "Foreign"
            | "Affairs"
            | "Navy"
            | "Army"
            | "Air"
            | "Force"
            | "Treasury"
            | "Commerce"
            | "Energy"
            | "Homeland"
            | "Security"
            | "National"
            | "Finance"
            | "Trade"
            | "Economy"
            | "Justice"
    )
}

/// True for one word that can be a family name after a title: capitalised letters (with
/// `-` or an apostrophe inside), not a title, rank or organisation word, nor a word
/// that qualifies a title (`Emeritus`, `Designate`, `Plenipotentiary`).
fn is_family_word(w: &str) -> bool {
    w.len() >= 2
        && w.starts_with(|c: char| c.is_uppercase())
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && !w.ends_with(['-', '\'', '’'])
        && title_word(w).is_none()
        && !is_org_word(w)
        && !matches!(
            w,
            "Emeritus"
                | "Emerita"
                | "Designate"
                | "Elect"
                | "Extraordinary"
                | "Plenipotentiary"
                | "Counsellor"
                | "Counselor"
                | "Adviser"
                | "Advisor"
                | "Generals"
                | "Chair"
                | "Chairman"
        )
}

/// `s` without a name suffix (`Jr.`, `III`) at its end.
fn without_suffix(s: &str) -> &str {
    match s.trim_end().rsplit_once(' ') {
        Some((rest, last)) if is_name_suffix(last) => rest.trim_end_matches([',', ' ']),
        _ => s,
    }
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
    // "Admiral John C. Aquilino", "Gen. Charles Q. Brown", "Dr. Jane Smith": a rank or
    // title before a name of two words or more (the model keeps the name only).
    let rest = without_title(s);
    if rest.len() < s.len() {
        return person_en(rest);
    }
    // "Joseph S. Nye Jr.", "Lloyd J. Austin III": a suffix after the name.
    if let Some((rest, last)) = s.trim_end().rsplit_once(char::is_whitespace)
        && is_name_suffix(last)
        && rest
            .trim_end_matches([',', ' '])
            .contains(char::is_alphabetic)
    {
        let mut p = person_en(rest.trim_end_matches([',', ' ']));
        if p.literal.is_none() {
            p.suffix = Some(last.to_string());
        }
        return p;
    }
    // Words and where each starts, for up to 8 words (a name has fewer).
    let mut words: [&str; 8] = [""; 8];
    let mut starts = [0usize; 8];
    let mut n = 0;
    let mut single_spaced = true;
    let mut prev_end = 0;
    for w in s.split_whitespace() {
        if n == words.len() {
            break;
        }
        let at = w.as_ptr() as usize - s.as_ptr() as usize;
        if n > 0 && s[prev_end..at] != *" " {
            single_spaced = false;
        }
        words[n] = w;
        starts[n] = at;
        prev_end = at + w.len();
        n += 1;
    }
    let words = &words[..n];
    // "given words" and "family words" as written, or joined by one space when the name
    // was not written with single spaces.
    let span = |from: usize, to: usize| -> String {
        if single_spaced {
            let end = starts[to - 1] + words[to - 1].len();
            s[starts[from]..end].to_string()
        } else {
            words[from..to].join(" ")
        }
    };
    // "KITAOKA Shinichi", "KIM Dae-jung": a family name in capitals before a given name
    // written in lower case, as Japanese and Korean names are romanised family name
    // first.
    if (2..=3).contains(&n)
        && is_caps_family(words[0])
        && words[1..].iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase()) && w.contains(|c: char| c.is_lowercase())
        })
    {
        return Person {
            family: Some(words[0].to_string()),
            given: Some(span(1, n)),
            literal: None,
            suffix: None,
        };
    }
    // "Kang Yoon-seung", "Kim Boram", "Kim Dae Jung": an East Asian family name before
    // a romanised given name.
    if n >= 2 && family_first(words) {
        return Person {
            family: Some(words[0].to_string()),
            given: Some(span(1, n)),
            literal: None,
            suffix: None,
        };
    }
    if n <= 1 {
        return Person {
            family: Some(s.to_string()),
            ..Person::default()
        };
    }
    // "Varga K" (a Vancouver or Springer name alone, often before "et al."): the family
    // name, then initials in capitals without periods.
    if n == 2
        && (1..=3).contains(&words[1].len())
        && words[1].bytes().all(|c| c.is_ascii_uppercase())
        && words[0].starts_with(char::is_uppercase)
        && words[0].contains(char::is_lowercase)
    {
        return Person {
            family: Some(words[0].to_string()),
            given: Some(words[1].to_string()),
            literal: None,
            suffix: None,
        };
    }
    // Particles before the last word join the family name, capitalised too when a given
    // name comes before them (`Carlos Del Toro`, `Chris Van Hollen`; `Van Jackson` keeps
    // `Van` as the given name).
    let mut k = n - 1;
    while k > 1
        && PARTICLES
            .iter()
            .any(|p| p.eq_ignore_ascii_case(words[k - 1]))
    {
        k -= 1;
    }
    Person {
        family: Some(span(k, n)),
        given: Some(span(0, k)),
        literal: None,
        suffix: None,
    }
}

/// True for a family name written in capitals (`KITAOKA`, `TANAKA`, `OH`): ASCII
/// capitals only, three letters or more with a vowel (so that `NHK` or initials such as
/// `MK` are not one), or two letters that are a known Korean or Chinese family name.
fn is_caps_family(w: &str) -> bool {
    let b = w.as_bytes();
    if !b.iter().all(u8::is_ascii_uppercase) {
        return false;
    }
    match b.len() {
        2 => EA_FAMILY.iter().any(|f| f.eq_ignore_ascii_case(w)),
        3.. => b.iter().any(|c| b"AEIOUY".contains(c)) && !is_name_suffix(w),
        _ => false,
    }
}

/// Korean and Chinese family names as romanised.
const EA_FAMILY: &[&str] = &[
    "Kim", "Lee", "Park", "Choi", "Jung", "Jeong", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han",
    "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong", "Jeon", "Ko", "Koh",
    "Moon", "Yang", "Son", "Bae", "Baek", "Heo", "Nam", "Shim", "Noh", "Roh", "Ha", "Kwak", "Sung",
    "Cha", "Joo", "Woo", "Koo", "Min", "Ryu", "Na", "Jin", "Ji", "Chae", "Won", "Cheon", "Chun",
    "Bang", "Kong", "Hyun", "Byun", "Yeo", "Chu", "Rhee", "Yi", "Chung", "Chang", "Choe", "Pak",
    "Kan", "Chen", "Zhang", "Liu", "Wang", "Li", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Zhu",
    "Hu", "Guo", "Lin", "Gao", "Luo", "Kye", "Um", "Eom", "Go", "Xi", "Deng", "Jiang", "Yan",
    "Tang", "Feng", "Xie", "Cao",
];

/// True for a name written family name first: a known Korean or Chinese family name,
/// then a given name that is romanised the East Asian way. Either a hyphenated given name
/// whose second part is lower case (`Kang Yoon-seung`), or one word of at most two
/// romanised syllables (`Kim Boram`, `Xi Jinping`), or two or three one-syllable words
/// (`Kim Dae Jung`). A given name that is itself a family name (`Yi Wang`, `Jin Kim`)
/// keeps the Western order, as English-language authors write Chinese names.
fn family_first(words: &[&str]) -> bool {
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    if first.len() > 5 || rest.is_empty() || rest.len() > 2 || !EA_FAMILY.contains(first) {
        return false;
    }
    if rest.iter().any(|w| EA_FAMILY.contains(w)) {
        return false;
    }
    if let [second] = rest {
        if let Some((a, b)) = second.split_once('-') {
            return !a.is_empty() && b.chars().next().is_some_and(char::is_lowercase);
        }
        return syllables(second).is_some_and(|n| n == 2);
    }
    rest.iter().all(|w| syllables(w) == Some(1))
}

/// Onsets of romanised Korean (Revised and McCune–Reischauer spellings) and pinyin,
/// longest first.
const ONSETS: &[&str] = &[
    "kk", "tt", "pp", "ss", "jj", "ch", "zh", "sh", "g", "k", "n", "d", "t", "r", "l", "m", "b",
    "p", "s", "j", "h", "x", "q", "z", "c", "f", "w", "y", "",
];

/// Vowels of romanised Korean and pinyin, longest first.
const VOWELS: &[&str] = &[
    "yeo", "yae", "wae", "you", "iao", "uai", "eo", "ae", "ya", "ye", "yo", "yu", "wa", "oe", "wo",
    "we", "wi", "eu", "ui", "oo", "ee", "ai", "ao", "ei", "ou", "ia", "ie", "iu", "ua", "uo", "ue",
    "a", "e", "o", "u", "i",
];

/// Codas, longest first.
const CODAS: &[&str] = &["ng", "k", "n", "t", "l", "m", "p", ""];

/// How many romanised East Asian syllables `w` is made of (`Boram` 2, `Jinping` 2,
/// `Smith` none): the smallest count, at most 3, or `None` when it does not split.
fn syllables(w: &str) -> Option<usize> {
    if w.len() > 12 || !w.bytes().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut buf = [0u8; 12];
    for (d, s) in buf.iter_mut().zip(w.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    fn walk(s: &[u8], left: usize) -> Option<usize> {
        if s.is_empty() {
            return Some(0);
        }
        if left == 0 {
            return None;
        }
        let mut best: Option<usize> = None;
        for o in ONSETS {
            let Some(r) = s.strip_prefix(o.as_bytes()) else {
                continue;
            };
            for v in VOWELS {
                let Some(r) = r.strip_prefix(v.as_bytes()) else {
                    continue;
                };
                for c in CODAS {
                    let Some(r) = r.strip_prefix(c.as_bytes()) else {
                        continue;
                    };
                    if let Some(n) = walk(r, left - 1) {
                        best = Some(best.map_or(n + 1, |b: usize| b.min(n + 1)));
                    }
                }
            }
        }
        best
    }
    walk(&buf[..w.len()], 3)
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
    if let Some(i) = crate::text::find_bytes_at(&t.as_bytes()[a..b], b"et al", 4) {
        out.et_al = true;
        b = a + i;
    }
    let (a, mut b) = trim(t, a, b, &[',']);
    if a >= b {
        return;
    }
    // MLA "Brown, Kevin, editor." / "…, editors." / "…, translator.": the role follows.
    let mut role = role;
    for (suffix, r) in [
        (", editors", Role::Editor),
        (", editor", Role::Editor),
        (", eds", Role::Editor),
        (", ed", Role::Editor),
        (", translators", Role::Translator),
        (", translator", Role::Translator),
    ] {
        if let Some(x) = t[a..b].trim_end_matches('.').strip_suffix(suffix) {
            b = a + x.len();
            role = r;
            break;
        }
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
    let first_person = out.people.len();
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for (x, y) in split_top(t, a, b, &[',', '&']) {
        // " and " splits too.
        let mut start = x;
        let s = &t[x..y];
        let mut from = 0;
        while let Some(i) = crate::text::find_bytes_at(&s.as_bytes()[from..], b" and ", 3) {
            let at = x + from + i;
            pieces.push((start, at));
            start = at + 5;
            from += i + 5;
        }
        pieces.push((start, y));
    }
    // "Jr.", "Sr.", "III" as a piece of their own: the suffix of the name before, kept
    // apart and given to that person below.
    let mut suffixes: Vec<(usize, usize)> = Vec::new();
    let pieces: Vec<(usize, usize)> = pieces
        .into_iter()
        .map(|(x, y)| {
            let (x, y) = trim(t, x, y, &[',']);
            let s = &t[x..y];
            let x = if starts_ci(s, "and ") { x + 4 } else { x };
            trim(t, x, y, &[])
        })
        .filter(|&(x, y)| {
            if x < y && is_name_suffix(&t[x..y]) {
                suffixes.push((x, y));
                return false;
            }
            x < y
        })
        .collect();
    // "Fischer, Laura" or "Doe, Jane, and John Smith": the first name inverted, as a
    // bibliography writes it.
    let mut i = 0;
    if pieces.len() >= 2
        && !whole.contains('&')
        && (pieces.len() == 2 || crate::text::has(whole, " and "))
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
            suffix: None,
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
                suffix: None,
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
    // A suffix piece belongs to the person that ends right before it (only a comma
    // between); the person's span then covers it.
    for (sx, sy) in suffixes {
        let before = out.people[first_person..].iter_mut().rev().find(|(_, p)| {
            p.span
                .is_some_and(|sp| sp.end <= sx && t[sp.end..sx].trim_matches([',', ' ']).is_empty())
        });
        if let Some((_, p)) = before
            && p.value.literal.is_none()
            && p.value.suffix.is_none()
            && let Some(sp) = p.span
        {
            p.value.suffix = Some(t[sx..sy].to_string());
            p.span = Some(Span::new(sp.start, sy));
        }
    }
}

/// A generational or numeral name suffix (`Jr.`, `Sr.`, `II`, `III`, `IV`).
pub(crate) fn is_name_suffix(w: &str) -> bool {
    matches!(w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV")
}

/// A Japanese name: `山田 太郎` splits at the space; otherwise one literal.
fn person_ja(s: &str) -> Person {
    let mut parts = s.split(|c: char| is_ws(c));
    // Two words in katakana (`ジョセフ ナイ`) are a foreign name, given name first or
    // family name first by its language: one literal, as with `・`.
    let katakana = |w: &str| w.chars().all(|c| matches!(c, '\u{30a0}'..='\u{30ff}'));
    if let (Some(f), Some(g), None) = (parts.next(), parts.next(), parts.next())
        && f.chars().all(is_cjk)
        && g.chars().all(is_cjk)
        && !(katakana(f) && katakana(g))
    {
        return Person {
            family: Some(f.to_string()),
            given: Some(g.to_string()),
            literal: None,
            suffix: None,
        };
    }
    if !s.chars().any(is_cjk) {
        return person_en(s);
    }
    // 伊藤弘太郎, 森聡, 岡垣知子: an all-kanji name split by its family name
    // (`crate::ja_names`); anything else stays one literal.
    if let Some(k) = crate::ja_names::split_ja(s) {
        return Person {
            family: Some(s[..k].to_string()),
            given: Some(s[k..].to_string()),
            literal: None,
            suffix: None,
        };
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
    // Every role word ends in one of these characters.
    let roles: &[(&str, Role)] = if t[a..end].ends_with(ROLE_ENDS) {
        JA_ROLES
    } else {
        &[]
    };
    for (suffix, role) in roles {
        if t[a..end].ends_with(suffix) {
            end -= suffix.len();
            if crate::text::has(suffix, "ほか") || suffix.contains('他') {
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
        let roles: &[(&str, Role)] = if t[x..y].ends_with(ROLE_ENDS) {
            JA_ROLES
        } else {
            &[]
        };
        for (suffix, r) in roles {
            if y - x > suffix.len() && t[x..y].ends_with(suffix) {
                y -= suffix.len();
                if crate::text::has(suffix, "ほか") || suffix.contains('他') {
                    out.et_al = true;
                }
                role = *r;
                break;
            }
        }
        let (x, mut y) = trim(t, x, y, &[]);
        // 岡垣知子（防衛大学校教授）, 山田太郎（編）: a note or a role in brackets after a
        // name.
        if let Some((open, inner)) = bracket_after(&t[x..y]) {
            let role_in = JA_ROLES.iter().find(|(w, _)| *w == inner);
            let head = t[x..x + open].trim_end();
            if let Some((w, r)) = role_in {
                if crate::text::has(w, "ほか") || w.contains('他') {
                    out.et_al = true;
                }
                role = *r;
                y = x + head.len();
            } else if crate::ja_names::is_name_ja(crate::ja_names::without_title_ja(head)) {
                y = x + head.len();
            }
        }
        // 岸田文雄内閣総理大臣, バイデン大統領, 高橋杉雄氏: a title after the name.
        let y = x + crate::ja_names::without_title_ja(&t[x..y]).len();
        if x < y {
            out.people
                .push((role, Spanned::new(person_ja(&t[x..y]), Span::new(x, y))));
        }
    }
}

/// A bracketed part at the end of `s` after some text (`岡垣知子（教授）`): where its
/// opening bracket is and what it holds, trimmed.
fn bracket_after(s: &str) -> Option<(usize, &str)> {
    let inner = s.strip_suffix(['）', ')'])?;
    let open = inner.rfind(['（', '('])?;
    if open == 0 {
        return None;
    }
    let body = &inner[open..];
    let body = body
        .strip_prefix('（')
        .or_else(|| body.strip_prefix('('))
        .unwrap_or(body);
    Some((open, body.trim()))
}
