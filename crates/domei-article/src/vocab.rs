//! The vocabulary the classifier decides by: page chrome, notes headings, note labels,
//! heading numbers, metadata shapes. Each list is about a kind of line, never about one
//! site's sentence.

use domei_model::ChromeKind;

use crate::lines::{digit, is_space, leading_number};

/// A fixed set of words looked for in a line with one automaton, built on first use
/// (a `contains` per word would set up a searcher per word and scan the line again).
pub(crate) struct WordSet {
    words: &'static [&'static str],
    automaton: std::sync::OnceLock<aho_corasick::AhoCorasick>,
}

impl WordSet {
    /// A set of `words`.
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            automaton: std::sync::OnceLock::new(),
        }
    }

    /// True when any of the words stands in `text`.
    pub(crate) fn found_in(&self, text: &str) -> bool {
        self.automaton
            .get_or_init(|| {
                aho_corasick::AhoCorasick::new(self.words)
                    .expect("a word list is a valid automaton")
            })
            .is_match(text)
    }
}

/// Lines longer than this (in bytes, about 80 Japanese characters) are never chrome by
/// vocabulary: chrome is short.
const SHORT: usize = 240;

/// Phrases that mark a line as chrome wherever they stand in a short line.
const CHROME_PHRASES: &[(&str, ChromeKind)] = &[
    ("コメントを残す", ChromeKind::CommentForm),
    ("コメントを書く", ChromeKind::CommentForm),
    ("コメントを送信", ChromeKind::CommentForm),
    ("コメントをキャンセル", ChromeKind::CommentForm),
    (
        "メールアドレスが公開されることはありません",
        ChromeKind::CommentForm,
    ),
    ("が付いている欄は必須項目です", ChromeKind::CommentForm),
    ("Leave a Reply", ChromeKind::CommentForm),
    ("Leave a comment", ChromeKind::CommentForm),
    ("Post Comment", ChromeKind::CommentForm),
    ("この記事が気に入ったら", ChromeKind::Support),
    ("サポートをしてみませんか", ChromeKind::Support),
    ("記事をサポート", ChromeKind::Support),
    ("チップで応援", ChromeKind::Support),
    ("Buy me a coffee", ChromeKind::Support),
    ("Support our work", ChromeKind::Support),
    ("でシェア", ChromeKind::Share),
    ("でポスト", ChromeKind::Share),
    ("読者になる", ChromeKind::Share),
    ("続きをお読み", ChromeKind::Other),
    ("続きを読むには", ChromeKind::Other),
    ("この続きは", ChromeKind::Other),
    ("会員限定", ChromeKind::Other),
    ("有料会員", ChromeKind::Other),
    ("会員の方は", ChromeKind::Other),
    ("今すぐ登録", ChromeKind::Other),
    ("無料会員登録", ChromeKind::Other),
    ("登録すると", ChromeKind::Other),
    ("購読する", ChromeKind::Other),
    ("購読はこちら", ChromeKind::Other),
    ("subscribers only", ChromeKind::Other),
    ("Subscribe now", ChromeKind::Other),
    ("to continue reading", ChromeKind::Other),
    ("問い合わせ先", ChromeKind::Other),
    ("問合せ先", ChromeKind::Other),
    ("この記事をシェア", ChromeKind::Share),
    ("記事をスクラップ", ChromeKind::Share),
    ("この記事の感想", ChromeKind::Share),
    ("役に立った", ChromeKind::Share),
    ("Subscribe to", ChromeKind::Links),
    ("Sign up for", ChromeKind::Links),
    ("Related Content", ChromeKind::Links),
    ("PDF版はこちら", ChromeKind::Links),
    ("この記事を書いた人", ChromeKind::Links),
    ("この記事のタグ", ChromeKind::TagList),
    ("配信停止", ChromeKind::Links),
    ("配信解除", ChromeKind::Links),
    ("Unsubscribe", ChromeKind::Links),
    ("有料記事", ChromeKind::Other),
    ("ニュース一覧", ChromeKind::Links),
    ("このブログの人気記事", ChromeKind::Links),
    ("前の記事", ChromeKind::Navigation),
    ("次の記事", ChromeKind::Navigation),
    ("シェアする", ChromeKind::Share),
    ("ツイートする", ChromeKind::Share),
    ("はてなブックマーク", ChromeKind::Share),
    ("LINEで送る", ChromeKind::Share),
    ("Share on", ChromeKind::Share),
    ("Share this", ChromeKind::Share),
    ("英語版でもお読み", ChromeKind::Links),
    ("英語版はこちら", ChromeKind::Links),
    ("日本語版はこちら", ChromeKind::Links),
    ("English version", ChromeKind::Links),
    ("続きを読む", ChromeKind::Links),
    ("一覧に戻る", ChromeKind::Links),
    ("一覧へ戻る", ChromeKind::Links),
    ("Read more", ChromeKind::Links),
    ("本文へスキップ", ChromeKind::Navigation),
    ("サイト内検索", ChromeKind::Navigation),
    ("Skip to content", ChromeKind::Navigation),
    ("Skip to main content", ChromeKind::Navigation),
    ("Skip to main", ChromeKind::Navigation),
    ("メインコンテンツへ移動", ChromeKind::Navigation),
    ("コンテンツへスキップ", ChromeKind::Navigation),
    ("The views expressed", ChromeKind::Other),
    ("solely the opinion of the author", ChromeKind::Other),
    ("This commentary is produced by", ChromeKind::Other),
    ("筆者個人の見解", ChromeKind::Other),
    ("執筆者個人の見解", ChromeKind::Other),
    ("所属する組織の見解", ChromeKind::Other),
    ("ページの先頭へ", ChromeKind::Navigation),
    ("ページトップへ", ChromeKind::Navigation),
    ("トップへ戻る", ChromeKind::Navigation),
    ("All rights reserved", ChromeKind::Navigation),
    ("Copyright", ChromeKind::Navigation),
    ("©", ChromeKind::Navigation),
    ("プライバシーポリシー", ChromeKind::Navigation),
    ("サイトマップ", ChromeKind::Navigation),
    ("お問い合わせ", ChromeKind::Navigation),
    ("利用規約", ChromeKind::Navigation),
];

/// Whole lines that are chrome (compared after trimming brackets and colons).
const CHROME_LINES: &[(&str, ChromeKind)] = &[
    ("関連記事", ChromeKind::Links),
    ("関連ニュース", ChromeKind::Links),
    ("関連情報", ChromeKind::Links),
    ("関連コンテンツ", ChromeKind::Links),
    ("こちらもおすすめ", ChromeKind::Links),
    ("注目記事", ChromeKind::Links),
    ("アクセスランキング", ChromeKind::Links),
    ("ランキング", ChromeKind::Links),
    ("Related stories", ChromeKind::Links),
    ("More from", ChromeKind::Links),
    ("関連する記事", ChromeKind::Links),
    ("関連リンク", ChromeKind::Links),
    ("あわせて読みたい", ChromeKind::Links),
    ("合わせて読みたい", ChromeKind::Links),
    ("おすすめ記事", ChromeKind::Links),
    ("オススメ記事", ChromeKind::Links),
    ("人気記事", ChromeKind::Links),
    ("最新記事", ChromeKind::Links),
    ("新着記事", ChromeKind::Links),
    ("次の記事", ChromeKind::Links),
    ("前の記事", ChromeKind::Links),
    ("もっと見る", ChromeKind::Links),
    ("もっと読む", ChromeKind::Links),
    ("Permalink", ChromeKind::Links),
    ("Email address", ChromeKind::CommentForm),
    ("Sign up", ChromeKind::CommentForm),
    ("Subscribe", ChromeKind::Links),
    ("（了）", ChromeKind::Other),
    ("見出し画像", ChromeKind::Other),
    ("以上", ChromeKind::Other),
    ("連絡先", ChromeKind::Other),
    ("Related Content", ChromeKind::Links),
    ("次へ", ChromeKind::Navigation),
    ("前へ", ChromeKind::Navigation),
    ("次のページ", ChromeKind::Navigation),
    ("前のページ", ChromeKind::Navigation),
    ("Next", ChromeKind::Navigation),
    ("Previous", ChromeKind::Navigation),
    ("（終）", ChromeKind::Other),
    ("(END)", ChromeKind::Other),
    ("X", ChromeKind::Share),
    ("X（旧Twitter）", ChromeKind::Share),
    ("LinkedIn", ChromeKind::Share),
    ("Related", ChromeKind::Links),
    ("Related articles", ChromeKind::Links),
    ("Related posts", ChromeKind::Links),
    ("Recommended", ChromeKind::Links),
    ("Popular", ChromeKind::Links),
    ("Comments", ChromeKind::CommentForm),
    ("コメント", ChromeKind::CommentForm),
    ("名前", ChromeKind::CommentForm),
    ("メール", ChromeKind::CommentForm),
    ("サイト", ChromeKind::CommentForm),
    ("ウェブサイト", ChromeKind::CommentForm),
    ("Name", ChromeKind::CommentForm),
    ("Email", ChromeKind::CommentForm),
    ("Website", ChromeKind::CommentForm),
    ("シェア", ChromeKind::Share),
    ("ツイート", ChromeKind::Share),
    ("ポスト", ChromeKind::Share),
    ("いいね", ChromeKind::Share),
    ("いいね！", ChromeKind::Share),
    ("スキ", ChromeKind::Share),
    ("はてブ", ChromeKind::Share),
    ("フォロー", ChromeKind::Share),
    ("フォローする", ChromeKind::Share),
    ("印刷", ChromeKind::Share),
    ("印刷する", ChromeKind::Share),
    ("Share", ChromeKind::Share),
    ("Tweet", ChromeKind::Share),
    ("Print", ChromeKind::Share),
    ("Facebook", ChromeKind::Share),
    ("Twitter", ChromeKind::Share),
    ("LINE", ChromeKind::Share),
    ("Pocket", ChromeKind::Share),
    ("ホーム", ChromeKind::Navigation),
    ("HOME", ChromeKind::Navigation),
    ("Home", ChromeKind::Navigation),
    ("トップ", ChromeKind::Navigation),
    ("TOP", ChromeKind::Navigation),
    ("メニュー", ChromeKind::Navigation),
    ("MENU", ChromeKind::Navigation),
    ("Menu", ChromeKind::Navigation),
    ("検索", ChromeKind::Navigation),
    ("Search", ChromeKind::Navigation),
    ("ログイン", ChromeKind::Navigation),
    ("会員登録", ChromeKind::Navigation),
    ("新規登録", ChromeKind::Navigation),
    ("閉じる", ChromeKind::Navigation),
    ("Close", ChromeKind::Navigation),
    ("サポート", ChromeKind::Support),
    ("English", ChromeKind::Navigation),
    ("質問本文情報", ChromeKind::Navigation),
    ("答弁本文情報", ChromeKind::Navigation),
    ("経過へ", ChromeKind::Navigation),
    ("経過情報", ChromeKind::Navigation),
    ("日本語", ChromeKind::Navigation),
    ("担当", ChromeKind::Other),
    ("本件担当", ChromeKind::Other),
    ("担当部署", ChromeKind::Other),
    ("返信", ChromeKind::CommentForm),
    ("返信する", ChromeKind::CommentForm),
    ("Reply", ChromeKind::CommentForm),
];

/// The index in [`CHROME_LINES`] of the word `text` is (ASCII case ignored). The words
/// are bucketed by byte length once, so a line is compared only with the few words of its
/// own length.
fn chrome_line_index(text: &str) -> Option<usize> {
    const MAX: usize = 64;
    static BY_LEN: std::sync::OnceLock<Vec<Vec<usize>>> = std::sync::OnceLock::new();
    if text.len() > MAX {
        return None;
    }
    let buckets = BY_LEN.get_or_init(|| {
        let mut b = vec![Vec::new(); MAX + 1];
        for (k, (w, _)) in CHROME_LINES.iter().enumerate() {
            if w.len() <= MAX {
                b[w.len()].push(k);
            }
        }
        b
    });
    buckets[text.len()]
        .iter()
        .copied()
        .find(|&k| text.eq_ignore_ascii_case(CHROME_LINES[k].0))
}

/// Chrome lines that open a chrome region: what follows them (up to a notes heading)
/// is chrome too.
pub(crate) fn opens_chrome_region(kind: ChromeKind, text: &str) -> bool {
    match kind {
        ChromeKind::Links => {
            let t = strip_decoration(text);
            CHROME_LINES
                .iter()
                .any(|(w, k)| *k == ChromeKind::Links && t.eq_ignore_ascii_case(w))
        }
        // A reply button sits under each comment; it does not open the comments.
        ChromeKind::CommentForm => !["返信", "返信する", "Reply"]
            .iter()
            .any(|w| strip_decoration(text).eq_ignore_ascii_case(w)),
        ChromeKind::Support => true,
        _ => false,
    }
}

/// Chrome lines whose short lines after them, up to a blank line, are chrome too: the
/// contact block of a press release.
pub(crate) fn opens_chrome_block(text: &str) -> bool {
    let t = strip_decoration(text);
    t.len() <= 40
        && [
            "問い合わせ先",
            "お問い合わせ先",
            "お問合せ先",
            "問合せ先",
            "連絡先",
            "担当",
            "本件担当",
        ]
        .iter()
        .any(|w| {
            t.strip_prefix(w).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with([':', '：', '(', '（', '】', ' ', '　'])
            })
        })
}

/// Prefixes of a photo caption's credit line: chrome.
const CAPTION_PREFIXES: &[&str] = &[
    "Photo:",
    "Photo by",
    "Photo credit",
    "Image:",
    "Credit:",
    "写真：",
    "【写真】",
    "［写真］",
    "[写真]",
    "（写真）",
    "写真:",
    "写真＝",
    "写真=",
    "画像：",
];

/// Prefixes that make a short line a tag list.
const TAG_PREFIXES: &[&str] = &[
    "タグ",
    "Tags",
    "TAGS",
    "Tag",
    "キーワード",
    "Keywords",
    "カテゴリー",
    "カテゴリ",
    "Categories",
];

/// One automaton for all chrome phrases, built once: a line is scanned once, not once
/// per phrase.
fn phrase_matcher() -> &'static aho_corasick::AhoCorasick {
    static M: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    M.get_or_init(|| {
        aho_corasick::AhoCorasick::new(CHROME_PHRASES.iter().map(|(p, _)| p))
            .expect("the chrome phrases are a valid automaton")
    })
}

/// The chrome kind of a line, if its vocabulary says it is chrome.
pub(crate) fn chrome_kind(text: &str) -> Option<ChromeKind> {
    // Chrome lines are short: a body paragraph is not scanned at all.
    if text.is_empty() || text.len() > SHORT {
        return None;
    }
    // A longer line that ends like a sentence of prose is not scanned for phrases.
    let prose = text.len() > 150 && text.ends_with('。');
    if !prose {
        if let Some(m) = phrase_matcher().find(text) {
            return Some(CHROME_PHRASES[m.pattern().as_usize()].1);
        }
    }
    // Chrome words and button rows are short; a body line is not looked at further.
    if text.len() > SHORT / 2 {
        return None;
    }
    let t = strip_decoration(text);
    if t.len() <= 48 {
        // The first word of the list that the line is (decorated or not, or with a count:
        // `コメント（4件）`, `Comments (12)`).
        let hit = match (chrome_line_index(t), chrome_line_index(text)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
        .or_else(|| strip_count(text).and_then(chrome_line_index));
        if let Some(k) = hit {
            return Some(CHROME_LINES[k].1);
        }
    }
    // The office in charge of a press release with its telephone: `担当：…課　電話：…`.
    if ["担当：", "担当:", "本件担当："]
        .iter()
        .any(|p| t.starts_with(p))
    {
        return Some(ChromeKind::Other);
    }
    // The link to a list of the site's articles: `社説の一覧へ`, `研究一覧へ戻る`.
    if (t.ends_with("一覧へ") || t.ends_with("一覧を見る")) && chars_le(t, 30) {
        return Some(ChromeKind::Links);
    }
    if CAPTION_PREFIXES.iter().any(|p| text.starts_with(p)) {
        return Some(ChromeKind::Other);
    }
    for prefix in TAG_PREFIXES {
        if let Some(rest) = t.strip_prefix(prefix) {
            if rest.starts_with([':', '：', ' ', '　']) {
                return Some(ChromeKind::TagList);
            }
        }
    }
    // `#tag #tag` lists.
    let words = || t.split(is_space).filter(|w| !w.is_empty());
    let word_count = words().count();
    if word_count >= 2 && words().all(|w| w.starts_with(['#', '＃']) && w.chars().count() > 1) {
        return Some(ChromeKind::TagList);
    }
    if is_page_number(text) {
        return Some(ChromeKind::Other);
    }
    if let Some(kind) = menu_row(text) {
        return Some(kind);
    }
    if is_pagination(t) {
        return Some(ChromeKind::Navigation);
    }
    // Breadcrumbs: `ホーム > 国際 > 安全保障`, `刊行物 ＞ 論考 ＞ 題`, `Home / Analysis / Alliances`.
    if t.contains([' ', '＞', '›', '»'])
        && t.contains(['>', '›', '»', '＞', '/'])
        && t.chars().count() <= 80
    {
        let first = t.split(['>', '›', '»', '＞']).next().unwrap_or("").trim();
        if ["ホーム", "HOME", "Home", "TOP", "トップ", "Top"].contains(&first)
            && first.len() < t.len()
        {
            return Some(ChromeKind::Navigation);
        }
        for sep in [" > ", " › ", " » ", "＞", " / "] {
            let items: Vec<&str> = text.split(sep).map(|x| x.trim_matches(is_space)).collect();
            if items.len() >= 3
                && items
                    .iter()
                    .all(|x| !x.is_empty() && x.chars().count() <= 30)
            {
                return Some(ChromeKind::Navigation);
            }
        }
    }
    // Rows of share buttons: several button words and nothing else.
    if word_count >= 2
        && words().all(|w| chrome_line_index(w).is_some() || w.chars().all(|c| c.is_ascii_digit()))
    {
        return Some(ChromeKind::Share);
    }
    None
}

/// A word with a bracketed or trailing count after it: `コメント（4件）`, `Comments (12)`,
/// `コメント 4件` → the word.
fn strip_count(text: &str) -> Option<&str> {
    // A count stands first or last: most lines leave here.
    let first = text.chars().next().is_some_and(|c| digit(c).is_some());
    let last = text.ends_with([')', '）', '件']);
    if !first && !last {
        return None;
    }
    // A count before the word: `12 Comments`, `4件のコメント`.
    let lead = text.trim_start_matches(|c: char| digit(c).is_some());
    if lead.len() < text.len() {
        let word = lead
            .strip_prefix("件の")
            .or_else(|| lead.strip_prefix(' '))?
            .trim_matches(is_space);
        return (!word.is_empty()).then_some(word);
    }
    let t = text.trim_end_matches(is_space);
    let t = match t.strip_suffix([')', '）']) {
        Some(inner) => {
            let open = inner.rfind(['(', '（'])?;
            let count = inner[open..].trim_start_matches(['(', '（']);
            let count = count.strip_suffix('件').unwrap_or(count);
            if count.is_empty() || !count.chars().all(|c| digit(c).is_some()) {
                return None;
            }
            &inner[..open]
        }
        None => {
            let core = t.strip_suffix('件')?;
            let digits = core.trim_end_matches(|c: char| digit(c).is_some());
            if digits.len() == core.len() {
                return None;
            }
            digits
        }
    };
    let word = t.trim_matches(is_space);
    (!word.is_empty()).then_some(word)
}

fn chars_le(text: &str, n: usize) -> bool {
    text.chars().nth(n).is_none()
}

/// A page number of a PDF copy: `- 3 -`, `— 12 —`, `Page 2 of 14`, `2 / 14`.
pub(crate) fn is_page_number(text: &str) -> bool {
    if is_page_label(text) {
        return true;
    }
    if text.len() > 16
        || !text.starts_with(['-', '－', '―', '—'])
        || !text.ends_with(['-', '－', '―', '—'])
    {
        return false;
    }
    let inner = text.trim_matches(|c: char| matches!(c, '-' | '－' | '―' | '—') || is_space(c));
    !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit())
}

/// `Page 2 of 14`, `2 / 14`, `p. 3`: a page number of a PDF copy in words.
fn is_page_label(text: &str) -> bool {
    let opens = text
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'P' || b == b'p');
    if text.len() > 24 || !opens {
        return false;
    }
    let num = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let words: Vec<&str> = text.split(is_space).filter(|w| !w.is_empty()).collect();
    match words.as_slice() {
        ["Page" | "page" | "P." | "p.", n, "of" | "/", m] => num(n) && num(m),
        [n, "/" | "／", m] => num(n) && num(m),
        ["Page" | "page" | "P." | "p.", n] => num(n),
        _ => false,
    }
}

/// Page links of a paginated article: `1 2 3 次へ`, `＜ 前へ 1 2 次へ ＞`, `1 / 3ページ`,
/// `Page 2 of 4`: page numbers and page words only, at least two numbers or one word.
fn is_pagination(t: &str) -> bool {
    const WORDS: &[&str] = &[
        "次へ",
        "前へ",
        "次のページ",
        "前のページ",
        "次ページ",
        "前ページ",
        "Next",
        "Prev",
        "Previous",
        "next",
        "Page",
        "page",
        "of",
        "ページ",
        "/",
        "／",
        "…",
        "...",
        "＜",
        "＞",
        "<",
        ">",
        "«",
        "»",
        "‹",
        "›",
        "|",
        "｜",
    ];
    // Pagination opens with a page number or a page word.
    let opens = t.chars().next().is_some_and(|c| {
        digit(c).is_some() || matches!(c, '<' | '＜' | '«' | '‹' | '前' | '次' | 'P' | 'p' | '…')
    });
    if t.len() > 80 || !opens {
        return false;
    }
    let mut numbers = 0;
    let mut words = 0;
    for w in t.split(is_space).filter(|w| !w.is_empty()) {
        let core = w.trim_end_matches("ページ");
        if !core.is_empty() && core.chars().all(|c| digit(c).is_some()) && core.len() <= 3 {
            numbers += 1;
        } else if WORDS.contains(&w) || WORDS.iter().any(|x| x.len() > 2 && w == *x) {
            words += usize::from(w.chars().any(char::is_alphabetic) || w.contains("へ"));
        } else {
            return false;
        }
    }
    numbers >= 1 && (words >= 1 || numbers >= 3) && numbers + words >= 2
}

/// A row of site menu items: three or more short items split by `｜`, `|`, ideographic
/// spaces, tabs or runs of spaces, one of them a word only menus use.
fn menu_row(text: &str) -> Option<ChromeKind> {
    if !(text.contains(['｜', '|', '\u{3000}', '\t']) || text.contains("  ")) {
        return None;
    }
    const MENU: &[&str] = &[
        "ホーム",
        "トップ",
        "HOME",
        "Home",
        "TOP",
        "ログイン",
        "会員登録",
        "English",
        "ENGLISH",
        "お問い合わせ",
        "検索",
        "Search",
        "About",
        "About us",
        "Contact",
        "ニュース",
        "News",
        "Research",
        "Experts",
        "Events",
        "イベント",
        "サイトマップ",
        "メニュー",
        "Menu",
        "マイページ",
    ];
    let mut items = 0;
    let mut menu_word = false;
    let mut rest = text;
    while !rest.is_empty() {
        // Items are separated by a bar, an ideographic space, a tab or two or more spaces.
        let sep = rest.char_indices().find(|&(i, c)| {
            matches!(c, '｜' | '|' | '\u{3000}' | '\t')
                || (c == ' ' && rest[i + 1..].starts_with(' '))
        });
        let (item, next) = match sep {
            Some((i, _)) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let item = item.trim_matches(is_space);
        if !item.is_empty() {
            if item.chars().count() > 12 {
                return None;
            }
            items += 1;
            menu_word |= MENU.contains(&item);
        }
        rest = next.trim_start_matches(|c: char| matches!(c, '｜' | '|') || is_space(c));
    }
    (items >= 3 && menu_word).then_some(ChromeKind::Navigation)
}

/// Strip the brackets, colons and list bullets that decorate short labels.
pub(crate) fn strip_decoration(text: &str) -> &str {
    text.trim_matches(|c: char| {
        is_space(c)
            || matches!(
                c,
                '【' | '】'
                    | '['
                    | ']'
                    | '［'
                    | '］'
                    | '〔'
                    | '〕'
                    | '<'
                    | '>'
                    | '＜'
                    | '＞'
                    | '《'
                    | '》'
                    | '('
                    | ')'
                    | '（'
                    | '）'
                    | ':'
                    | '：'
                    | '■'
                    | '□'
                    | '◆'
                    | '◇'
                    | '●'
                    | '▼'
                    | '▶'
                    | '•'
                    | '・'
                    | '|'
                    | '｜'
            )
    })
}

/// True when the line is the heading of a notes section.
pub(crate) fn is_notes_heading(text: &str) -> bool {
    if text.len() > 40 {
        return false;
    }
    let t = strip_decoration(text);
    const WORDS: &[&str] = &[
        "脚注",
        "注",
        "註",
        "注記",
        "注釈",
        "注・出典",
        "注及び出典",
        "出典",
        "参考文献",
        "引用文献",
        "参考資料",
        "文献",
        "Notes",
        "Note",
        "Endnotes",
        "Footnotes",
        "References",
        "Bibliography",
        "Sources",
    ];
    WORDS.iter().any(|w| t.eq_ignore_ascii_case(w))
}

/// A note label at the start of a line: the note number and the byte length of the label
/// (white space after it included).
pub(crate) fn note_label(text: &str) -> Option<(u32, usize)> {
    let (number, len) = note_label_core(text)?;
    let rest = &text[len..];
    let skipped = rest.len() - rest.trim_start_matches(is_space).len();
    Some((number, len + skipped))
}

fn note_label_core(s: &str) -> Option<(u32, usize)> {
    // `1. 1 text` — an ordered list copied as text prints the number twice.
    if let Some((n, len)) = leading_number(s) {
        let after = &s[len..];
        if let Some(rest) = after.strip_prefix(['.', '．']) {
            let dot = after.len() - rest.len();
            let spaces = rest.len() - rest.trim_start_matches(is_space).len();
            if spaces > 0 {
                let rest2 = &rest[spaces..];
                if let Some((m, mlen)) = leading_number(rest2) {
                    if m == n && rest2[mlen..].starts_with(is_space) {
                        return Some((n, len + dot + spaces + mlen));
                    }
                }
                return Some((n, len + dot));
            }
            // `1.text`: only in the notes section, where headings do not stand.
            return (!rest.is_empty() && !rest.starts_with(|c: char| digit(c).is_some()))
                .then_some((n, len + dot));
        }
        if after.starts_with([')', '）']) {
            return Some((n, len + after.chars().next().map_or(1, char::len_utf8)));
        }
        if after.starts_with(is_space) {
            return Some((n, len));
        }
        return None;
    }
    // Bracketed forms, possibly nested: `([1])`, `[1]`, `(1)`, `【1】`, `〔1〕`.
    let pairs: &[(&str, &str)] = &[
        ("(注", ")"),
        ("（注", "）"),
        ("[注", "]"),
        ("［注", "］"),
        ("【注", "】"),
        ("([", "])"),
        ("（［", "］）"),
        ("(［", "］)"),
        ("[", "]"),
        ("［", "］"),
        ("(", ")"),
        ("（", "）"),
        ("【", "】"),
        ("〔", "〕"),
        ("〈", "〉"),
    ];
    for (open, close) in pairs {
        if let Some(rest) = s.strip_prefix(open) {
            if let Some((n, len)) = leading_number(rest) {
                if rest[len..].starts_with(close) {
                    return Some((n, open.len() + len + close.len()));
                }
            }
        }
    }
    for prefix in ["注", "※", "*", "＊", "†"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            if let Some((n, len)) = leading_number(rest) {
                let mut total = prefix.len() + len;
                let after = &rest[len..];
                if let Some(c) = after
                    .chars()
                    .next()
                    .filter(|c| matches!(c, ')' | '）' | ':' | '：' | '.' | '．'))
                {
                    total += c.len_utf8();
                }
                return Some((n, total));
            }
            if prefix == "注" {
                if let Some((n, len)) =
                    note_label_core(rest).filter(|_| rest.starts_with(['(', '（', '[', '［']))
                {
                    return Some((n, prefix.len() + len));
                }
            }
        }
    }
    // Superscript digits.
    let mut n = 0u32;
    let mut len = 0;
    for c in s.chars() {
        let d = match c {
            '⁰' => 0,
            '¹' => 1,
            '²' => 2,
            '³' => 3,
            '⁴'..='⁹' => c as u32 - '⁴' as u32 + 4,
            _ => break,
        };
        n = n.checked_mul(10)?.checked_add(d)?;
        len += c.len_utf8();
    }
    (len > 0).then_some((n, len))
}

/// The numbering scheme of a heading, which decides its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scheme {
    /// 第1章, 第一部.
    Chapter,
    /// 第1節.
    SectionNo,
    /// 1. 1．
    Dotted,
    /// 1.1 1-1
    DottedSub,
    /// (1) （１）
    Paren,
    /// ① ②
    Circled,
    /// ■ ◆ ● ▼ and friends.
    Symbol,
    /// I. II. Roman numerals.
    Roman,
    /// 一　二、 kanji numerals.
    Kanji,
}

/// A heading number at the start of `text`: the scheme, the printed number and the byte
/// length of the number plus the white space after it.
pub(crate) fn heading_number(text: &str) -> Option<(Scheme, &str, usize)> {
    let s = text;
    let done = |scheme, len: usize| {
        let rest = &s[len..];
        let ws = rest.len() - rest.trim_start_matches(is_space).len();
        (!rest[ws..].is_empty()).then(|| (scheme, s[..len].trim_end_matches(is_space), len + ws))
    };
    if let Some(rest) = s.strip_prefix('第') {
        let num_len: usize = rest
            .chars()
            .take_while(|c| digit(*c).is_some() || "一二三四五六七八九十".contains(*c))
            .map(char::len_utf8)
            .sum();
        if num_len > 0 {
            let after = &rest[num_len..];
            for (unit, scheme) in [
                ("章", Scheme::Chapter),
                ("部", Scheme::Chapter),
                ("節", Scheme::SectionNo),
            ] {
                if after.starts_with(unit) {
                    return done(scheme, '第'.len_utf8() + num_len + unit.len());
                }
            }
            // `第1　概要`: a chapter number without 章 (government style).
            if after.starts_with(['\u{3000}', ' ']) {
                return done(Scheme::Chapter, '第'.len_utf8() + num_len);
            }
        }
        return None;
    }
    // `一　日豪の接近`, `二、展望`: kanji numerals.
    if let Some(first) = s
        .chars()
        .next()
        .filter(|c| "一二三四五六七八九十".contains(*c))
    {
        let num_len: usize = s
            .chars()
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .map(char::len_utf8)
            .sum();
        let after = &s[num_len..];
        if num_len <= 6 && after.starts_with(['\u{3000}', '、', '．']) {
            let sep = after.chars().next().map_or(0, char::len_utf8);
            let _ = first;
            return done(Scheme::Kanji, num_len + sep);
        }
    }
    if let Some((value, len)) = leading_number(s) {
        if value >= 1000 {
            // A year (`2024.12.01`), not a section number.
            return None;
        }
        let after = &s[len..];
        if let Some(rest) = after.strip_prefix(['.', '．', '-']) {
            let sep = after.len() - rest.len();
            if let Some((sub, l2)) = leading_number(rest) {
                let unit = rest[l2..]
                    .chars()
                    .next()
                    .is_some_and(|c| "年月日%％つカか個人回件度歳万億兆割".contains(c));
                if sub > 99 || unit {
                    // `2.1997年の改定`: a number, then a year in the heading text.
                    let dot = after.chars().next().map_or(1, char::len_utf8);
                    return done(Scheme::Dotted, len + dot);
                }
                let tail = &rest[l2..];
                let dot2 = tail.len() - tail.trim_start_matches(['.', '．']).len();
                return done(Scheme::DottedSub, len + sep + l2 + dot2.min(3));
            }
            if after.starts_with('-') {
                return None;
            }
            let dot = after.chars().next().map_or(1, char::len_utf8);
            return done(Scheme::Dotted, len + dot);
        }
        if after.starts_with(['、', '　', ' ']) {
            // `1 見出し` but not `2022 年は…` or `2 つの…`: a small number, then words.
            let value = leading_number(s).map_or(u32::MAX, |x| x.0);
            let next = after.trim_start_matches(is_space).chars().next();
            // After an ideographic space (`1　日時`, government style) 年/月/日 open the
            // heading's words; after an ASCII space they may be a unit (`2022 年は`).
            let wide = after.starts_with('　');
            let unit = next.is_some_and(|c| {
                digit(c).is_some()
                    || "%％つカか個人回件度歳万億兆割".contains(c)
                    || !wide && "年月日".contains(c)
            });
            if value <= 30 && !unit {
                let c = after.chars().next().map_or(1, char::len_utf8);
                return done(Scheme::Dotted, len + c);
            }
        }
        return None;
    }
    for (open, close) in [("(", ")"), ("（", "）")] {
        if let Some(rest) = s.strip_prefix(open) {
            if let Some((_, len)) = leading_number(rest) {
                if rest[len..].starts_with(close) {
                    return done(Scheme::Paren, open.len() + len + close.len());
                }
            }
        }
    }
    let first = s.chars().next()?;
    if ('①'..='⑳').contains(&first) || ('㉑'..='㉟').contains(&first) {
        return done(Scheme::Circled, first.len_utf8());
    }
    if matches!(
        first,
        '■' | '□' | '◆' | '◇' | '●' | '◎' | '▼' | '▽' | '▶' | '▷' | '★' | '☆' | '◼'
    ) {
        return done(Scheme::Symbol, first.len_utf8());
    }
    if ('Ⅰ'..='Ⅻ').contains(&first) || ('ⅰ'..='ⅻ').contains(&first) {
        let rest = &s[first.len_utf8()..];
        let dot = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '.' | '．' | '、' | ' ' | '　'))
            .map_or(0, char::len_utf8);
        return done(Scheme::Roman, first.len_utf8() + dot);
    }
    for roman in ["VIII", "VII", "III", "IV", "IX", "VI", "II", "V", "X", "I"] {
        if let Some(rest) = s.strip_prefix(roman) {
            if rest.starts_with(". ") || rest.starts_with('．') {
                return done(
                    Scheme::Roman,
                    roman.len() + rest.chars().next().map_or(1, char::len_utf8),
                );
            }
        }
    }
    None
}

/// Bullet markers of list items.
pub(crate) fn list_marker(text: &str) -> Option<usize> {
    let first = text.chars().next()?;
    let len = first.len_utf8();
    match first {
        '・' | '•' | '◦' | '‣' | '○' | '〇' | '‐' | '－' | '-' | '–' | '→' | '▸' =>
        {
            let rest = &text[len..];
            (!rest.trim_start_matches(is_space).is_empty() && !rest.starts_with(first))
                .then_some(len)
        }
        _ => None,
    }
}

/// Words that mark a heading as top-level even when numbered headings follow.
pub(crate) fn is_top_level_word(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "はじめに",
        "はじめに：",
        "序論",
        "序章",
        "序",
        "おわりに",
        "結論",
        "結び",
        "むすび",
        "まとめ",
        "おわりに：",
        "要旨",
        "要約",
        "概要",
        "Introduction",
        "Conclusion",
        "Conclusions",
        "Summary",
        "Abstract",
    ];
    let t = strip_decoration(text);
    WORDS.iter().any(|w| t.eq_ignore_ascii_case(w))
}

/// A label that opens a summary block before the body (`＜要旨＞`, `【概要】`, `Summary`).
pub(crate) fn is_summary_label(text: &str) -> bool {
    if text.len() > 40 {
        return false;
    }
    const WORDS: &[&str] = &[
        "要旨",
        "要約",
        "概要",
        "ポイント",
        "本稿のポイント",
        "論点",
        "Summary",
        "Abstract",
        "Key Points",
        "Key Takeaways",
        "Executive Summary",
    ];
    let t = strip_decoration(text);
    WORDS.iter().any(|w| t.eq_ignore_ascii_case(w))
}

/// A genre or section label a site prints over the title (`コメンタリー`, `解説`, `Analysis`).
pub(crate) fn is_genre_label(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "コメンタリー",
        "インタビュー",
        "解説",
        "論考",
        "コラム",
        "ニュース",
        "特集",
        "レポート",
        "オピニオン",
        "寄稿",
        "分析",
        "論説",
        "社説",
        "エッセイ",
        "対談",
        "座談会",
        "書評",
        "報道発表",
        "プレスリリース",
        "研究論文",
        "論文",
        "研究ノート",
        "イベント報告",
        "開催報告",
        "活動報告",
        "イベントレポート",
        "Op-Ed",
        "Research Article",
        "Original Article",
        "Review Article",
        "Research Note",
        "Event Report",
        "Press Release",
        "Commentary",
        "Analysis",
        "Interview",
        "Opinion",
        "Column",
        "News",
        "Report",
        "Feature",
        "Insight",
        "Insights",
        "Perspective",
        "Essay",
        "Explainer",
        "Review",
    ];
    if text.len() > 40 {
        return false;
    }
    let t = strip_decoration(text);
    WORDS.iter().any(|w| t.eq_ignore_ascii_case(w))
}

/// A label that opens the author profiles after the body (`筆者プロフィール`, `執筆者紹介`,
/// `略歴`, `About the Author`).
pub(crate) fn is_profile_label(text: &str) -> bool {
    if text.len() > 60 {
        return false;
    }
    const WORDS: &[&str] = &[
        "プロフィール",
        "筆者プロフィール",
        "著者プロフィール",
        "執筆者プロフィール",
        "筆者紹介",
        "著者紹介",
        "執筆者紹介",
        "執筆者",
        "筆者",
        "著者",
        "略歴",
        "著者略歴",
        "筆者略歴",
        "執筆者略歴",
        "プロフィール紹介",
        "話し手",
        "Profile",
        "Author",
        "Authors",
        "About the Author",
        "About the Authors",
        "About the author",
        "About the authors",
        "Author Bio",
        "Author Biography",
        "Contributors",
    ];
    let t = strip_decoration(text);
    WORDS.iter().any(|w| t.eq_ignore_ascii_case(w))
}

/// A byline label alone on its line, the names on the next (`執筆者`, `著者`, `Authors`).
pub(crate) fn is_byline_label(text: &str) -> bool {
    text.len() <= 30
        && [
            "執筆者",
            "著者",
            "筆者",
            "執筆",
            "文",
            "Author",
            "Authors",
            "By",
            "Written by",
        ]
        .iter()
        .any(|w| strip_decoration(text).eq_ignore_ascii_case(w))
}

/// Marks of an author's biography: birth year, schooling, degrees, posts.
pub(crate) fn has_bio_marks(text: &str) -> bool {
    static WORDS: WordSet = WordSet::new(&[
        "年生まれ",
        "生まれ。",
        "出身。",
        "卒業",
        "修了",
        "博士",
        "修士",
        "を経て",
        "現職",
        "専門は",
        "著書に",
        "主な著書",
        "共著に",
        "研究員。",
        "教授。",
        "客員",
        "入社",
        "退官",
        "在住",
        "を専門とする",
        "is a senior",
        "is a research",
        "is an associate",
        "is a fellow",
        "is a professor",
        "is an assistant",
        "is a visiting",
        "is the director",
        "is director",
        "received",
        "holds a",
        "His research",
        "Her research",
        "Their research",
    ]);
    WORDS.found_in(text)
}

/// A news site's section name alone on a line over the title (`ニュース`, `国際`, `政治`).
pub(crate) fn is_news_section(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "ニュース",
        "国際",
        "政治",
        "経済",
        "社会",
        "国内",
        "海外",
        "外交",
        "防衛",
        "安全保障",
        "World",
        "Politics",
        "Asia",
        "Asia Pacific",
        "Asia-Pacific",
        "Defense",
        "Defence",
        "World News",
        "アジア",
        "欧州",
        "ヨーロッパ",
        "中東",
        "北米",
        "米国",
        "アメリカ",
        "中国",
        "朝鮮半島",
        "インド太平洋",
        "オセアニア",
        "Europe",
        "Americas",
        "Middle East",
    ];
    text.len() <= 24 && WORDS.contains(&strip_decoration(text))
}

/// Site sections joined on one line over the title (`社説・コラム`, `国際／アジア`): every
/// part a genre label or a news section.
pub(crate) fn is_section_path(text: &str) -> bool {
    // Short, and joined by a separator: most lines leave here.
    if text.len() > 60 || !text.contains(['・', '／', '/', '|', '｜']) {
        return false;
    }
    let mut parts = 0;
    for part in text.split(['・', '／', '/', '|', '｜']) {
        let p = part.trim_matches(is_space);
        if !(is_genre_label(p) || is_news_section(p)) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// A label that opens a table of contents.
pub(crate) fn is_toc_label(text: &str) -> bool {
    text.len() <= 40
        && [
            "目次",
            "もくじ",
            "Contents",
            "Table of Contents",
            "CONTENTS",
            "目 次",
            "今号の内容",
            "本号の内容",
            "この記事の目次",
            "In this issue",
        ]
        .iter()
        .any(|w| strip_decoration(text).eq_ignore_ascii_case(w))
}

/// Series vocabulary: a short line naming a series, project or report type.
pub(crate) fn is_series_like(text: &str) -> bool {
    static WORDS: WordSet = WordSet::new(&[
        "レポート",
        "シリーズ",
        "ポリシーペーパー",
        "ポリシー・ペーパー",
        "ペーパー",
        "論考",
        "コラム",
        "ブリーフ",
        "提言",
        "Policy Paper",
        "Policy Brief",
        "Report",
        "Series",
        "Commentary",
        "Working Paper",
        "コメンタリー",
        "ブリーフィング",
        "ディスカッション",
        "Discussion Paper",
        "Vol.",
        "Issue Brief",
        "Brief",
    ]);
    WORDS.found_in(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_labels() {
        assert_eq!(note_label("1. 1 “NATO,” 2024."), Some((1, 5)));
        assert_eq!(note_label("22. 22 US"), Some((22, 7)));
        assert_eq!(note_label("([1]) 韓国国防部"), Some((1, 6)));
        assert_eq!(note_label("([3])これに関しては"), Some((3, 5)));
        assert_eq!(note_label("[12] x"), Some((12, 5)));
        assert_eq!(note_label("（１）ｘ").map(|x| x.0), Some(1));
        assert_eq!(note_label("注3 同上").map(|x| x.0), Some(3));
        assert_eq!(note_label("注(4) 前掲").map(|x| x.0), Some(4));
        assert_eq!(note_label("※2 外務省").map(|x| x.0), Some(2));
        assert_eq!(note_label("3) Ibid.").map(|x| x.0), Some(3));
        assert_eq!(note_label("¹² x").map(|x| x.0), Some(12));
        assert_eq!(note_label("(注1) 米国防省").map(|x| x.0), Some(1));
        assert_eq!(note_label("【注12】 同上").map(|x| x.0), Some(12));
        assert_eq!(note_label("2024年に"), None);
        assert_eq!(note_label("NATO"), None);
    }

    #[test]
    fn heading_numbers() {
        assert_eq!(
            heading_number("1.中距離核ミサイル").map(|h| (h.0, h.1)),
            Some((Scheme::Dotted, "1."))
        );
        assert_eq!(
            heading_number("（2）日米同盟").map(|h| h.0),
            Some(Scheme::Paren)
        );
        assert_eq!(
            heading_number("第3章 展望").map(|h| (h.0, h.1)),
            Some((Scheme::Chapter, "第3章"))
        );
        assert_eq!(heading_number("①背景").map(|h| h.0), Some(Scheme::Circled));
        assert_eq!(
            heading_number("■ 課題").map(|h| (h.0, h.1)),
            Some((Scheme::Symbol, "■"))
        );
        assert_eq!(
            heading_number("2.1 背景").map(|h| h.0),
            Some(Scheme::DottedSub)
        );
        assert_eq!(
            heading_number("2.1997年の改定").map(|h| (h.0, h.1)),
            Some((Scheme::Dotted, "2."))
        );
        assert_eq!(
            heading_number("Ⅱ.協力の中身").map(|h| (h.0, h.1)),
            Some((Scheme::Roman, "Ⅱ."))
        );
        assert_eq!(heading_number("2024年"), None);
        assert_eq!(heading_number("2024.12.01　解説"), None);
        assert_eq!(
            heading_number("第1　概要").map(|h| (h.0, h.1)),
            Some((Scheme::Chapter, "第1"))
        );
        assert_eq!(
            heading_number("一　日豪の接近").map(|h| (h.0, h.1)),
            Some((Scheme::Kanji, "一"))
        );
        assert_eq!(heading_number("一方、日本は"), None);
        assert_eq!(heading_number("1."), None);
        assert_eq!(heading_number("2022 年は決定的な年だった。"), None);
        assert_eq!(heading_number("2 つの調査"), None);
        assert_eq!(heading_number("3 安全保障の課題").map(|h| h.1), Some("3"));
        assert_eq!(heading_number("3 日に会談"), None);
    }

    #[test]
    fn chrome() {
        assert_eq!(chrome_kind("関連記事"), Some(ChromeKind::Links));
        assert_eq!(chrome_kind("コメントを残す"), Some(ChromeKind::CommentForm));
        assert_eq!(
            chrome_kind("この記事が気に入ったらサポートをしてみませんか?"),
            Some(ChromeKind::Support)
        );
        assert_eq!(
            chrome_kind("ホーム > 国際 > 安全保障"),
            Some(ChromeKind::Navigation)
        );
        assert_eq!(
            chrome_kind("シェア ツイート はてブ"),
            Some(ChromeKind::Share)
        );
        assert_eq!(chrome_kind("#NATO #日米同盟"), Some(ChromeKind::TagList));
        assert_eq!(
            chrome_kind("トップ　政治　経済　国際　社会"),
            Some(ChromeKind::Navigation)
        );
        assert_eq!(
            chrome_kind("Research  Experts  Events  About"),
            Some(ChromeKind::Navigation)
        );
        assert_eq!(
            chrome_kind("ホーム｜研究｜論考"),
            Some(ChromeKind::Navigation)
        );
        assert_eq!(chrome_kind("国際政治・外交 米国 朝鮮半島"), None);
        assert_eq!(chrome_kind("- 3 -"), Some(ChromeKind::Other));
        assert_eq!(
            chrome_kind("刊行物 ＞ ワーキングペーパー ＞ Quadの制度化"),
            Some(ChromeKind::Navigation)
        );
        assert_eq!(
            chrome_kind("Home / Analysis / Alliances"),
            Some(ChromeKind::Navigation)
        );
        assert_eq!(
            chrome_kind("Twitter  LinkedIn  Email"),
            Some(ChromeKind::Share)
        );
        assert_eq!(chrome_kind("（了）"), Some(ChromeKind::Other));
        assert_eq!(chrome_kind("日本と米国 / 同盟の将来"), None);
        assert_eq!(chrome_kind("この記事をシェア"), Some(ChromeKind::Share));
        assert_eq!(chrome_kind("NATOの検索能力を高める方針が示された。"), None);
        assert_eq!(chrome_kind("1 2 3 次へ"), Some(ChromeKind::Navigation));
        assert_eq!(
            chrome_kind("＜ 前へ 1 2 次へ ＞"),
            Some(ChromeKind::Navigation)
        );
        assert_eq!(chrome_kind("Page 2 of 14"), Some(ChromeKind::Other));
        assert_eq!(chrome_kind("2 / 14"), Some(ChromeKind::Other));
        assert_eq!(chrome_kind("1 2 つの論点"), None);
        assert_eq!(
            chrome_kind("この続きは会員限定です。ログインしてお読みください。"),
            Some(ChromeKind::Other)
        );
        assert_eq!(
            chrome_kind("Xでポスト　Facebook　LINE"),
            Some(ChromeKind::Share)
        );
        assert_eq!(chrome_kind("related articles"), Some(ChromeKind::Links));
        assert_eq!(chrome_kind("以上"), Some(ChromeKind::Other));
        assert!(is_profile_label("筆者プロフィール"));
        assert!(is_profile_label("【執筆者紹介】"));
        assert!(is_profile_label("About the Authors"));
        assert!(!is_profile_label("日米同盟の著者たち"));
        assert!(has_bio_marks("1983年生まれ。東京大学大学院修了。"));
        assert!(!has_bio_marks("日米は協議を重ねた。"));
        assert!(is_notes_heading("脚注"));
        assert!(is_notes_heading("【注】"));
        assert!(is_notes_heading("Notes"));
        assert!(!is_notes_heading("注目点"));
    }

    #[test]
    fn chrome_with_counts_offices_and_list_links() {
        // A chrome word with a count: the comment section's heading opens its region.
        assert_eq!(strip_count("コメント（4件）"), Some("コメント"));
        assert_eq!(strip_count("Comments (12)"), Some("Comments"));
        assert_eq!(strip_count("コメント 4件"), Some("コメント"));
        assert_eq!(strip_count("日米同盟（上）"), None);
        assert_eq!(strip_count("2024年"), None);
        assert_eq!(strip_count("12 Comments"), Some("Comments"));
        assert_eq!(strip_count("4件のコメント"), Some("コメント"));
        assert_eq!(strip_count("12"), None);
        assert_eq!(chrome_kind("12 Comments"), Some(ChromeKind::CommentForm));
        assert_eq!(
            chrome_kind("【写真】握手を交わす両大臣＝3日、東京都港区"),
            Some(ChromeKind::Other)
        );
        assert_eq!(
            chrome_kind("担当：防衛政策局国際政策課　電話：03-3268-3111"),
            Some(ChromeKind::Other)
        );
        assert_eq!(
            chrome_kind("コメント（4件）"),
            Some(ChromeKind::CommentForm)
        );
        assert!(opens_chrome_region(
            ChromeKind::CommentForm,
            "コメント（4件）"
        ));
        assert_eq!(chrome_kind("関連記事（3）"), Some(ChromeKind::Links));
        assert_eq!(chrome_kind("第2次改革（3件）"), None);
        assert_eq!(chrome_kind("返信"), Some(ChromeKind::CommentForm));
        assert!(!opens_chrome_region(ChromeKind::CommentForm, "Reply"));
        // The language switch of a site header.
        assert_eq!(chrome_kind("English"), Some(ChromeKind::Navigation));
        // The office in charge of a press release opens a block like a contact does.
        assert_eq!(chrome_kind("【担当】"), Some(ChromeKind::Other));
        assert!(opens_chrome_block("【担当】"));
        assert!(opens_chrome_block("本件担当"));
        assert!(!opens_chrome_block("担当大臣は会見で述べた。"));
        // Links to a list of the site's articles.
        assert_eq!(chrome_kind("社説の一覧へ"), Some(ChromeKind::Links));
        assert_eq!(chrome_kind("研究一覧を見る"), Some(ChromeKind::Links));
        assert_eq!(chrome_kind("政府は装備品の一覧へ新たな品目を加えた"), None);
    }

    #[test]
    fn government_headings_opening_with_date_words() {
        assert_eq!(
            heading_number("1　日時").map(|h| (h.0, h.1)),
            Some((Scheme::Dotted, "1"))
        );
        assert_eq!(heading_number("2 年目の課題"), None);
        assert_eq!(heading_number("3　つの論点"), None);
    }

    #[test]
    fn labels_over_titles() {
        assert!(is_genre_label("報道発表"));
        assert!(is_genre_label("【研究論文】"));
        assert!(is_genre_label("イベント報告"));
        assert!(!is_genre_label("日米同盟の論文"));
        assert!(is_section_path("社説・コラム"));
        assert!(is_section_path("国際／アジア"));
        assert!(!is_section_path("社説"));
        assert!(!is_section_path("日米・日豪"));
        assert!(is_toc_label("今号の内容"));
        assert!(is_toc_label("In this issue"));
        assert!(has_bio_marks(
            "国際関係論を専門とする著述家。ロンドン在住。"
        ));
        assert!(is_series_like("Pacific Security Brief No. 9"));
    }
}
