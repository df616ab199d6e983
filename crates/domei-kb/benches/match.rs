//! Throughput of finding mentions (`Matcher::find`, the knowledge-base pass) and of the
//! whole annotation (`Matcher::annotate`: learning, shapes, events) on generated
//! Japanese article text. Run with `cargo bench -p domei-kb`. Times are CPU time of
//! the measuring thread where the system reports it (`CLOCK_THREAD_CPUTIME_ID`), so other
//! load on the machine does not count. `KB_BENCH=annotate` runs only the annotation
//! (for profiling with callgrind).

use std::hint::black_box;
use std::time::Instant;

use domei_kb::{Kb, Matcher};
use domei_model::{Block, BlockKind, Document, FORMAT_VERSION, Span};

/// A deterministic pseudo-random article: security-policy sentences with entity names,
/// compounds, dates and ordinary words, about `target` bytes.
fn corpus(target: usize) -> String {
    let parts = [
        "2014年5月、安倍首相はブリュッセルの北大西洋条約機構(NATO)本部を訪問した。",
        "日米韓の首脳は中長期的な課題について協議し、",
        "NATO加盟国と韓国は防衛産業協力の強化で合意した。",
        "日本語と英語で資料を掲載する。",
        "両氏は「国別パートナーシップ協力計画」(IPCP)に署名し、",
        "中国とロシアの接近が懸念されている。",
        "米政府は在韓米軍の態勢を見直すと発表した。",
        "この点に関して、政策の実効性や期待可能性に留意する必要がある。",
        "日・NATO情報保護協定を締結し、相互の連携を強化した。",
        "インド太平洋地域の安全保障環境は厳しさを増している。",
        "オーストラリア、ニュージーランドとともにIP4として参加した。",
        "The Security of Supply Arrangement was signed in 2023.",
        "経済的な考慮や防衛装備品の在庫を緊急に補充する必要性にとどまるものではない。",
        "\n",
    ];
    let mut s = String::with_capacity(target + 256);
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    while s.len() < target {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.push_str(parts[(x % parts.len() as u64) as usize]);
    }
    s
}

fn document(text: &str) -> Document {
    let mut blocks = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = text[start..]
            .find('\n')
            .map_or(text.len(), |p| start + p + 1);
        let t = text[start..end].trim_end();
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            span: Span::new(start, end),
            content: Span::new(start, start + t.len()),
            text: t.to_string(),
            line: 0,
            end_line: 0,
        });
        start = end;
    }
    Document {
        format_version: FORMAT_VERSION,
        id: "bench".into(),
        source: Default::default(),
        text: text.to_string(),
        metadata: Default::default(),
        blocks,
        anchors: Vec::new(),
        notes: Vec::new(),
        dates: Vec::new(),
        mentions: Vec::new(),
        entities: Default::default(),
        diagnostics: Vec::new(),
    }
}

/// Seconds this thread has run on a CPU, or wall-clock seconds where the kernel does
/// not say.
struct Clock {
    wall: Instant,
    cpu: Option<u64>,
}

/// Nanoseconds this thread has run on a CPU (`domei_tests::bench::cpu_seconds`), so
/// that a busy machine does not count the time others ran; `None` elsewhere.
fn cpu_ns() -> Option<u64> {
    domei_tests::bench::cpu_seconds().map(|s| (s * 1e9) as u64)
}

impl Clock {
    fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: cpu_ns(),
        }
    }

    fn secs(&self) -> f64 {
        match (self.cpu, cpu_ns()) {
            (Some(a), Some(b)) => (b - a) as f64 / 1e9,
            _ => self.wall.elapsed().as_secs_f64(),
        }
    }
}

fn main() {
    let only_annotate = std::env::var("KB_BENCH").is_ok_and(|v| v == "annotate");
    let kb = Kb::builtin();
    let t = Instant::now();
    let matcher = Matcher::new(&kb);
    println!("Matcher::new: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    if !only_annotate {
        find_benches(&kb, &matcher);
    }
    annotate_bench(&matcher);
}

fn find_benches(kb: &Kb, matcher: &Matcher) {
    let text = corpus(16 << 20);
    let mb = text.len() as f64 / 1e6;
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..5 {
        let t = Clock::start();
        found = black_box(matcher.find(black_box(&text))).len();
        best = best.min(t.secs());
    }
    println!(
        "find (knowledge-base mentions): {:.1} MB in {:.3} s = {:.0} MB/s, {found} mentions",
        mb,
        best,
        mb / best
    );

    // The same text as a page that writes Latin names full-width (`ＮＡＴＯ`, `ＩＰ４`):
    // the scope is folded to ASCII letters and digits before the automaton runs.
    let wide = text
        .replace("NATO", "ＮＡＴＯ")
        .replace("IPCP", "ＩＰＣＰ")
        .replace("IP4", "ＩＰ４");
    let wide_mb = wide.len() as f64 / 1e6;
    let mut best = f64::MAX;
    let mut wide_found = 0;
    for _ in 0..5 {
        let t = Clock::start();
        wide_found = black_box(matcher.find(black_box(&wide))).len();
        best = best.min(t.secs());
    }
    assert_eq!(
        wide_found, found,
        "full-width names are found like ASCII ones"
    );
    println!(
        "find on full-width names: {:.1} MB in {:.3} s = {:.0} MB/s, {wide_found} mentions",
        wide_mb,
        best,
        wide_mb / best
    );

    // The bare automaton over the same forms, for comparison.
    let mut forms: Vec<String> = kb
        .entries()
        .iter()
        .flat_map(|e| e.forms().map(String::from).chain(e.short.iter().cloned()))
        .collect();
    forms.extend(kb.blockers().iter().cloned());
    forms.sort();
    forms.dedup();
    for (kind, pre) in [
        (aho_corasick::AhoCorasickKind::DFA, true),
        (aho_corasick::AhoCorasickKind::DFA, false),
        (aho_corasick::AhoCorasickKind::ContiguousNFA, false),
    ] {
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .kind(Some(kind))
            .prefilter(pre)
            .build(&forms)
            .expect("automaton");
        let t = Clock::start();
        let n = black_box(ac.find_iter(black_box(&text)).count());
        let secs = t.secs();
        println!(
            "bare automaton {kind:?} prefilter {pre}: {:.0} MB/s, {n} matches",
            mb / secs
        );
    }
}

fn annotate_bench(matcher: &Matcher) {
    // The full annotation on article-sized documents (50 KB, like a long report); the
    // best of three rounds of 40 documents.
    let article = corpus(50_000);
    let docs = 40;
    let mut secs = f64::MAX;
    let mut mentions = 0;
    for _ in 0..3 {
        let t = Clock::start();
        mentions = 0;
        for _ in 0..docs {
            let mut doc = document(&article);
            matcher.annotate(&mut doc);
            mentions += doc.mentions.len();
        }
        secs = secs.min(t.secs());
    }
    let total = (article.len() * docs) as f64 / 1e6;
    println!(
        "annotate (learning, shapes, events): {:.1} MB in {:.3} s = {:.1} MB/s, {mentions} mentions",
        total,
        secs,
        total / secs
    );
}
