//! References per second on a generated corpus of Chicago, Japanese, APA/IEEE and web
//! references (`cargo bench -p domei-refs`). Target: at least 200,000 per second per core.

use std::hint::black_box;
use std::time::Instant;

const TEMPLATES: &[&str] = &[
    "Author{n} Name, “Title Number {n} on Alliance Politics,” Yonhap News Agency, July {d}, 2024.",
    "Keonyeong Jeong, Yongseok Seo, and Kyungmoo Heo, “Article {n},” Issues in Science and Technology 39, no. {d} (Winter 2023): 21–23.",
    "Cheon Jin-yong et al., Defense Science Assessment {n} (Korea Research Institute for Defense Technology Planning, 2022), {d}.",
    "Jin-yong et al., Defense Science Assessment {n}, {d}.",
    "“Introducing Strategy {n},” Ministry of Foreign Affairs of the Republic of Korea, accessed January {d}, 2025.",
    "山田太郎「日米同盟の新局面{n}」『国際問題』第{d}号、2023年5月、15-27頁。",
    "鈴木花子『同盟の政治学{n}』東京大学出版会、2019年、{d}頁。",
    "韓国国防部「第{n}回米韓安保協議会議共同声明文」2023年11月{d}日。<https://www.example.kr/file?n={n}>",
    "Smith, J. A., & Lee, K. (2021). Alliance cohesion {n}. Journal of Asian Security, 12({d}), 45–67. https://doi.org/10.1000/jas.{n}",
    "[{d}] A. B. Kumar and C. Wong, “Secure links {n},” IEEE Access, vol. 11, pp. 1023–1035, 2023.",
    "Ibid., {d}.",
    "同上、{d}頁。",
];

/// CPU seconds this thread has run so far: on a loaded machine the per-CPU-second rate
/// is the per-core figure.
use domei_tests::bench::cpu_seconds;

fn main() {
    let corpus: Vec<String> = (0..20_000)
        .map(|i| {
            TEMPLATES[i % TEMPLATES.len()]
                .replace("{n}", &i.to_string())
                .replace("{d}", &(i % 28 + 1).to_string())
        })
        .collect();
    let bytes: usize = corpus.iter().map(String::len).sum();
    // Warm up.
    for r in corpus.iter().take(2000) {
        black_box(domei_refs::parse_reference(r));
    }
    // DOMEI_BENCH_ROUNDS=1 for a short run under callgrind.
    let rounds = std::env::var("DOMEI_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10);
    let cpu0 = cpu_seconds();
    let start = Instant::now();
    let mut found = 0usize;
    for _ in 0..rounds {
        for r in &corpus {
            found += usize::from(black_box(domei_refs::parse_reference(black_box(r))).is_some());
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds().zip(cpu0).map(|(b, a)| b - a);
    let n = corpus.len() * rounds;
    println!(
        "parse_reference: {n} references ({:.1} MB) in {secs:.3} s: {:.0} references/s, {:.1} MB/s (parsed {found})",
        (bytes * rounds) as f64 / 1e6,
        n as f64 / secs,
        (bytes * rounds) as f64 / 1e6 / secs
    );
    if let Some(cpu) = cpu.filter(|c| *c > 0.0) {
        println!(
            "parse_reference: {cpu:.2} CPU s: {:.0} references per CPU second",
            n as f64 / cpu
        );
    }
    // Whole notes: split + parse.
    let note: String = corpus[..200].join("; ");
    let start = Instant::now();
    let mut refs = 0usize;
    for _ in 0..50 {
        refs += black_box(domei_refs::parse_note(black_box(&note))).0.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "parse_note: {refs} references in {secs:.3} s: {:.0} references/s",
        refs as f64 / secs
    );
}
