//! Scanning speed on ≥50 MB of generated article-like text (Japanese running text
//! with dates, counts and durations at about the density of policy articles, plus
//! English notes). Run with `cargo bench -p domei-dates`; prints MB/s.

use std::hint::black_box;
use std::time::Instant;

use domei_dates::{Context, scan};
use domei_model::Ymd;

/// Sentence pieces written for this benchmark.
const PIECES: &[&str] = &[
    "日米同盟の抑止力を強化するため、両国の外務・防衛当局は協議を重ねてきた。",
    "北大西洋条約機構は欧州とインド太平洋の安全保障が不可分であると繰り返し述べている。",
    "同盟国間の防衛産業協力は、装備品の共同開発と供給網の強靱化を柱とする。",
    "2023年1月、首相は欧州を訪問し、首脳会談で協力文書に署名した。",
    "昨年11月に開かれた協議会議では、新たな指針が示された。",
    "同年秋には共同訓練が実施され、翌年には常設の調整枠組みが設けられた。",
    "第55回会合では80億ドル規模の支援策と3カ国の協力が議論された。",
    "創立75年を迎えた機構は、2023〜26年の4年間を対象とする計画を採択した。",
    "24年8月には練習艦隊が寄港し、(8月26日)には領空侵犯が確認された。",
    "令和6年度予算では、防衛費が前年度比で2%以上増えた。",
    "この20年間、地域の安全保障環境は大きく変化してきた。",
    "平成31年4月30日に退位の儀式が行われ、令和元年5月1日に新しい時代が始まった。",
    "Ministry of Defense, “Joint Statement,” press release, July 10, 2024, accessed January 31, 2025.",
    "同盟100年を見据えたビジョンが共有され、約3年間の協議が続いた。",
    "昨年1113日に開催された会議の声明文は、2023128日に公表された論考で分析された。",
    "日本と韓国、豪州、ニュージーランドはパートナー国として招待されている。",
];

/// Sentences without dates: most of an article's bytes.
const PLAIN: &[&str] = &[
    "抑止の信頼性を高めるには、同盟国が負担と役割を分かち合う必要がある。",
    "大統領は同盟の意義を強調し、同盟国に対して防衛費の増額を求めた。",
    "地域の平和と安定を維持するため、各国は対話と抑止を組み合わせた政策を進めている。",
    "こうした動きは日本の安全保障政策にとって他人事ではなく、注視すべき点である。",
    "防衛装備品の共同生産は、相互運用性の向上と産業基盤の強化に資するものだ。",
    "専門家の間では、同盟のネットワーク化が抑止の構造を変えつつあるとの見方が強い。",
    "一方で、前方展開する部隊の運用には、受け入れ国の理解と支持が欠かせない。",
    "The alliance network links partners in Europe and the Indo-Pacific through shared interests.",
];

/// A deterministic corpus of at least `min_bytes` bytes.
fn corpus(min_bytes: usize) -> String {
    let mut text = String::with_capacity(min_bytes + 4096);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    while text.len() < min_bytes {
        // xorshift: the order of pieces varies, the mix stays the same.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        // About one sentence in six carries a date, as in the seed articles
        // (one date per 500–650 bytes).
        let piece = if state % 6 == 0 {
            PIECES[((state >> 8) % PIECES.len() as u64) as usize]
        } else {
            PLAIN[((state >> 8) % PLAIN.len() as u64) as usize]
        };
        text.push_str(piece);
        if state % 5 == 0 {
            text.push('\n');
        }
    }
    text
}

/// Nanoseconds this thread has run on a CPU (`domei_tests::bench::cpu_seconds`), so
/// that a busy machine does not count the time others ran; `None` elsewhere.
fn cpu_ns() -> Option<u64> {
    domei_tests::bench::cpu_seconds().map(|s| (s * 1e9) as u64)
}

fn main() {
    let text = corpus(50 * 1024 * 1024);
    let context = Context {
        reference: Some(Ymd::day(2024, 10, 27)),
    };
    let mb = text.len() as f64 / (1024.0 * 1024.0);
    // Warm up once, then take the best of several runs.
    let mut mentions = scan(&text, &context).count();
    let mut best = f64::INFINITY;
    let mut best_cpu = f64::INFINITY;
    for _ in 0..7 {
        let cpu = cpu_ns();
        let start = Instant::now();
        mentions = black_box(scan(black_box(&text), &context).count());
        best = best.min(start.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu, cpu_ns()) {
            best_cpu = best_cpu.min((b - a) as f64 / 1e9);
        }
    }
    println!(
        "domei-dates scan: {mb:.1} MB, {mentions} mentions, best wall {best:.3} s = {:.0} MB/s",
        mb / best
    );
    if best_cpu.is_finite() {
        println!(
            "domei-dates scan: best CPU time {best_cpu:.3} s = {:.0} MB/s per core",
            mb / best_cpu
        );
    }
}
