//! One note into its references and the commentary around them.

use domei_model::{Reference, Span, Spanned};

use crate::parse::parse_range;
use crate::text::{Depth, is_cjk, is_ws, starts_ci, trim};

/// English phrases that introduce a reference.
const LEADS: &[&str] = &[
    "See also, for example,",
    "See, for example,",
    "See also",
    "See, e.g.,",
    "See",
    "see also",
    "see",
    "Also see",
    "Also",
    "also",
    "Cf.",
    "cf.",
    "For example,",
    "For details, see",
    "For more, see",
    "Quoted in",
    "Cited in",
    "Originally published in",
];

/// Split `t[a..b]` into references (ids `<prefix>-r1`… or `r1`… for a bare prefix `r`)
/// and commentary.
pub(crate) fn split_note(
    t: &str,
    a: usize,
    b: usize,
    id_prefix: &str,
) -> (Vec<Reference>, Vec<Spanned<String>>) {
    let mut refs = Vec::new();
    let mut commentary = Vec::new();
    let next_id = |refs: &Vec<Reference>| {
        if id_prefix == "r" {
            format!("r{}", refs.len() + 1)
        } else {
            format!("{id_prefix}-r{}", refs.len() + 1)
        }
    };
    for (x, y) in pieces(t, a, b) {
        let (x, y) = trim(t, x, y, &[]);
        if x >= y {
            continue;
        }
        let (lead_end, tail_start) = commentary_edges(t, x, y);
        if lead_end > x {
            push_comment(t, x, lead_end, &mut commentary);
        }
        let id = next_id(&refs);
        match parse_range(t, lead_end, y, id) {
            Some(r) => {
                // Commentary words left inside the reference (`…を参照。`).
                if tail_start < y {
                    let rel = &t[tail_start..y];
                    let end = rel.find('。').map_or_else(
                        || rel.find(['<', ' ']).unwrap_or(rel.len()),
                        |k| k + '。'.len_utf8(),
                    );
                    push_comment(t, tail_start, tail_start + end, &mut commentary);
                }
                refs.push(r);
            }
            None => push_comment(t, lead_end, y, &mut commentary),
        }
    }
    (refs, commentary)
}

fn push_comment(t: &str, a: usize, b: usize, out: &mut Vec<Spanned<String>>) {
    let (a, b) = trim(t, a, b, &[]);
    let b = b.min(t.len());
    if a < b
        && let Some(s) = t.get(a..b)
    {
        out.push(Spanned::new(s.to_string(), Span::new(a, b)));
    }
}

/// True when `t[a..]` starts with something that belongs to the reference before it
/// (a URL, a DOI, an access date).
fn is_tail(s: &str) -> bool {
    let s = s.trim_start_matches(is_ws);
    if s.is_empty() {
        return true;
    }
    if s.starts_with('<') || s.starts_with("http") || s.starts_with("www.") || s.starts_with("URL")
    {
        return true;
    }
    for k in [
        "accessed",
        "(accessed",
        "[accessed",
        "retrieved",
        "doi:",
        "last accessed",
        "available at",
        "available from",
    ] {
        if starts_ci(s, k) {
            return true;
        }
    }
    if (s.starts_with('（') || s.starts_with('(') || s.starts_with('最') || s.starts_with('閲'))
        && s.char_indices()
            .take(30)
            .any(|(i, _)| s[i..].starts_with("閲覧") || s[i..].starts_with("アクセス"))
    {
        return true;
    }
    false
}

/// Pieces of a note: split at top-level `;`, and after the end of a reference (a URL,
/// `。`, or a period after a number) when more text follows that is not its tail.
fn pieces(t: &str, a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let s = &t[a..b];
    let mut d = Depth::default();
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let w = c.len_utf8();
        // A URL runs to white space or an angle bracket; skip it whole.
        if (c == 'h' && (s[i..].starts_with("http://") || s[i..].starts_with("https://")))
            || (c == 'w' && s[i..].starts_with("www."))
        {
            let end = s[i..]
                .find(|c: char| is_ws(c) || c == '>' || c == '」' || c == '）')
                .map_or(s.len(), |k| i + k);
            let mut j = end;
            if s[j..].starts_with('>') {
                j += 1;
                d.feed('>');
            }
            if !is_tail(&s[j..]) {
                out.push((a + start, a + j));
                start = j;
            }
            i = j.max(i + w);
            continue;
        }
        let depth = d.feed(c);
        let mut cut = None;
        if depth == 0 && (c == ';' || c == '；') {
            out.push((a + start, a + i));
            start = i + w;
        } else if depth == 0 && c == '。' {
            cut = Some(i + w);
        } else if depth == 0
            && c == '.'
            && s[..i]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_digit() || p == ')')
            && s[i + 1..].starts_with(|n: char| is_ws(n))
            && !year_sentence(&s[start..i])
        {
            cut = Some(i + 1);
        }
        if let Some(j) = cut
            && !is_tail(&s[j..])
        {
            // Only when what follows starts a new sentence.
            let next = s[j..].trim_start_matches(is_ws).chars().next();
            if next.is_some_and(|n| {
                n.is_uppercase() || is_cjk(n) || n == '“' || n == '「' || n == '『'
            }) {
                out.push((a + start, a + j));
                start = j;
            }
        }
        i += w;
    }
    out.push((a + start, b));
    out
}

/// True when the text before a period is a sentence of its own that is only a year,
/// after a first sentence (`Lund, Petra. 2015` of `Lund, Petra. 2015. Title. Place:
/// …`): the author-date styles' year, inside the reference.
fn year_sentence(before: &str) -> bool {
    let Some(k) = before.rfind(". ") else {
        return false;
    };
    let y = before[k + 2..].trim_end_matches(|c: char| c.is_ascii_lowercase());
    y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit()) && k > 0
}

/// Labels that name the source of a figure, a table or a quotation before its
/// reference.
const SOURCE_LABELS: &[&str] = &[
    "出典：",
    "出典:",
    "出所：",
    "出所:",
    "資料：",
    "資料:",
    "（出所）",
    "(出所)",
    "（出典）",
    "(出典)",
    "【出典】",
    "［出典］",
    "Source: ",
    "Sources: ",
];

/// Where the leading commentary of a piece ends and trailing commentary starts.
pub(crate) fn commentary_edges(t: &str, a: usize, b: usize) -> (usize, usize) {
    // "出典：防衛省「…」", "（出所）外務省…", "Source: …": a source label before the
    // reference (under a figure or table) is not part of it.
    let labelled = t[a..b]
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '出' | '資' | '（' | '(' | '【' | '［' | 'S'));
    let a = SOURCE_LABELS
        .iter()
        .filter(|_| labelled)
        .find(|l| t[a..b].starts_with(*l))
        .map_or(a, |l| trim(t, a + l.len(), b, &[]).0);
    let s = &t[a..b];
    let mut lead = a;
    // English lead phrases.
    let may_lead = s.starts_with(['S', 's', 'A', 'a', 'C', 'c', 'F', 'Q', 'O']);
    for l in LEADS.iter().filter(|_| may_lead) {
        if s.starts_with(l) && s[l.len()..].starts_with(|c: char| is_ws(c) || c == ',') {
            lead = a + l.len();
            let (x, _) = trim(t, lead, b, &[',']);
            lead = x;
            break;
        }
    }
    // "For a critique, see Roe, …", "On this point, see also …": a clause ending in see.
    if lead == a && crate::text::find_bytes(s.as_bytes(), b" see ").is_some() {
        let head_end = s.len().min(100);
        let head = &s[..s.floor_char_boundary_compat(head_end)];
        for key in [", see also ", ", see ", " see also ", " see "] {
            if let Some(i) = head.find(key)
                && !head[..i].contains(['“', '"', '「', '『', '('])
                && !head[..i].chars().any(|c| c.is_ascii_digit())
            {
                lead = a + i + key.len();
                break;
            }
        }
    }
    let bracket = if s.is_ascii() {
        None
    } else {
        let b1 = crate::text::find_bytes(s.as_bytes(), "「".as_bytes());
        let b2 = crate::text::find_bytes(s.as_bytes(), "『".as_bytes());
        match (b1, b2) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        }
    };
    if let Some(k) = bracket {
        // The author run before the first bracket holds no hiragana (apart from a role
        // word such as ほか); commentary before it ends at its last hiragana or 。.
        let before = &s[..k];
        let mut body_end = before.len();
        for suffix in ["ほか編著", "ほか編", "ほか著", "ほか訳", "ほか", "など"] {
            if let Some(x) = before.trim_end().strip_suffix(suffix) {
                body_end = x.len();
                break;
            }
        }
        let mut start = 0;
        let body = &before[..body_end];
        for (i, c) in body.char_indices() {
            let next = body[i + c.len_utf8()..].chars().next();
            let particle = matches!(
                c,
                'は' | 'を' | 'に' | 'で' | 'が' | 'も' | 'て' | 'の' | 'と' | 'へ'
            );
            let cut = c == '。'
                || crate::text::is_hiragana(c)
                    && (particle || next.is_some_and(|n| matches!(n, '、' | '，' | ' ' | '　')));
            if cut {
                start = i + c.len_utf8();
            }
        }
        // Step over the separators after the commentary.
        while let Some(c) = before[start..].chars().next() {
            if matches!(c, '、' | '，' | ',' | ' ' | '　' | '：' | ':') {
                start += c.len_utf8();
            } else {
                break;
            }
        }
        // A lone hiragana inside a name run (`山田さくら`) is kept: a lead needs two or
        // more characters of commentary.
        if before[..start].chars().count() < 2 {
            start = 0;
        }
        if a + start > lead && !before[..start].trim().is_empty() && k > 0 {
            lead = a + start;
        }
    } else if s.starts_with(is_cjk) {
        // "米国側は U.S. Department of Defense “…”": Japanese before an English reference.
        if let Some(k) = s.find(|c: char| c.is_ascii_alphabetic() || c == '“' || c == '"') {
            let head = &s[..k];
            if (head.ends_with(is_ws) || head.ends_with(['、', '：', ':']))
                && !s[k..].chars().any(is_cjk)
                && !s[k..].starts_with("http")
                && !s[k..].starts_with("www.")
                && head.chars().count() <= 24
            {
                lead = a + k;
            }
        }
    }
    // Trailing Japanese commentary: を参照, 参照のこと, なども参照.
    let mut tail = b;
    let refers =
        !s.is_ascii() && crate::text::find_bytes(s.as_bytes(), "参照".as_bytes()).is_some();
    for key in ["を参照", "も参照", "などを参照", "参照のこと"]
        .into_iter()
        .filter(|_| refers)
    {
        if let Some(i) = crate::text::find(t, a, b, key).map(|i| i - a) {
            tail = tail.min(a + i);
        }
    }
    (lead, tail)
}

/// `str::floor_char_boundary` for the toolchains this crate supports.
trait FloorBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorBoundary for str {
    fn floor_char_boundary_compat(&self, mut i: usize) -> usize {
        i = i.min(self.len());
        while !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}
