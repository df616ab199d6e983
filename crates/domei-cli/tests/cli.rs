//! The `domei` binary: `parse` and `convert` as a user runs them, exit codes, errors
//! naming file and line, standard input, a closed pipe, and memory on a huge line.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn domei() -> Command {
    Command::new(env!("CARGO_BIN_EXE_domei"))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(name: &str) -> String {
    let dir = root().join("fixtures/articles");
    let entry = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| {
            let n = e.file_name();
            let n = n.to_string_lossy();
            n.starts_with(name) && n.ends_with(".txt")
        });
    entry
        .unwrap_or_else(|| panic!("fixture {name}"))
        .path()
        .display()
        .to_string()
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("domei-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn parse_prints_one_json_object_per_line() {
    let out = domei()
        .args(["parse", &fixture("01_"), &fixture("03_")])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    let second: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(
        first["metadata"]["title"]["value"],
        "日米豪印の防衛産業協力:サプライチェーン強靱化への道筋"
    );
    assert_eq!(first["format_version"], 1);
    assert_eq!(second["metadata"]["written"]["date"]["start"]["year"], 2024);
    // The JSON reads back into the model.
    let doc: domei_model::Document = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(
        doc.blocks.iter().map(|b| b.span.len()).sum::<usize>(),
        doc.text.len()
    );
}

#[test]
fn parse_pretty_and_stdin() {
    let out = domei()
        .args(["parse", "--pretty", &fixture("02_")])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("{\n  \"format_version\": 1,"),
        "{}",
        &text[..40]
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v["metadata"]["venue"]["issue"]["value"],
        "No.214 2024年11月号"
    );

    let mut child = domei()
        .args(["parse", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("日米同盟の五十年\n\n本文です。\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["source"]["path"], "-");
    assert_eq!(v["id"], "stdin");
    assert_eq!(v["metadata"]["title"]["value"], "日米同盟の五十年");
}

#[test]
fn a_bad_file_is_named_with_its_line_and_the_batch_goes_on() {
    let dir = scratch("bad");
    let binary = dir.join("photo.jpg.txt");
    std::fs::write(&binary, b"line one\nline two \x00\x01\x02").unwrap();
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"caf\xE9\n\xFF\xFE\xFF\x80\n").unwrap();
    let missing = dir.join("missing.txt");
    let out = domei()
        .args([
            "parse",
            &fixture("04_"),
            binary.to_str().unwrap(),
            latin1.to_str().unwrap(),
            missing.to_str().unwrap(),
            &fixture("05_"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.lines().count(),
        2,
        "the two good files are still printed"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!("domei: {}:2: binary file", binary.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("domei: {}:1: unknown encoding", latin1.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("domei: {}:", missing.display())),
        "{stderr}"
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = domei()
        .args(["parse", &fixture("03_"), &fixture("03_"), &fixture("03_")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut buf = [0u8; 16];
    stdout.read_exact(&mut buf).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn convert_writes_every_format_for_a_folder() {
    let out_dir = scratch("convert");
    let out = domei()
        .args([
            "convert",
            root().join("fixtures/articles").to_str().unwrap(),
            "-o",
            out_dir.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let count = |sub: &str, ext: &str| {
        std::fs::read_dir(out_dir.join(sub))
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(ext))
            .count()
    };
    let fixtures = std::fs::read_dir(root().join("fixtures/articles"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".txt"))
        .count();
    assert_eq!(count("json", ".json"), fixtures);
    assert_eq!(count("xml", ".xml"), fixtures);
    assert_eq!(count("tei", ".tei.xml"), fixtures);
    assert!(out_dir.join("csv/documents.csv").exists());
    let docs_csv = std::fs::read_to_string(out_dir.join("csv/documents.csv")).unwrap();
    assert_eq!(
        csv_records(&docs_csv),
        fixtures + 1,
        "one row per document and a header"
    );
    assert!(
        std::fs::read_to_string(out_dir.join("references.bib"))
            .unwrap()
            .contains('@')
    );
    let csl: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out_dir.join("references.json")).unwrap())
            .unwrap();
    assert!(csl.as_array().is_some_and(|a| !a.is_empty()));
    // The same run twice gives the same bytes (deterministic order despite parallelism).
    let again = scratch("convert2");
    let out = domei()
        .args([
            "convert",
            root().join("fixtures/articles").to_str().unwrap(),
            "-o",
            again.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    for f in [
        "csv/documents.csv",
        "csv/mentions.csv",
        "references.bib",
        "references.json",
    ] {
        assert_eq!(
            std::fs::read(out_dir.join(f)).unwrap(),
            std::fs::read(again.join(f)).unwrap(),
            "{f}"
        );
    }
}

/// Peak resident memory of a child process, read from /proc while it runs.
fn peak_rss_kib(mut cmd: Command) -> (u64, std::process::ExitStatus) {
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_path) {
            if let Some(kib) = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            {
                peak = peak.max(kib);
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            return (peak, status);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn a_50_mb_single_line_parses_in_bounded_memory() {
    let dir = scratch("huge");
    let path = dir.join("huge.txt");
    let unit = "これは長い一行のテキストで、改行のないまま同じ調子の文章がどこまでも続いていく。";
    let mut text = String::with_capacity(50 * 1024 * 1024 + unit.len());
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(unit);
    }
    std::fs::write(&path, &text).unwrap();
    let mut cmd = domei();
    cmd.args(["parse", path.to_str().unwrap()]);
    let (peak_kib, status) = peak_rss_kib(cmd);
    assert!(status.success());
    let file_kib = text.len() as u64 / 1024;
    assert!(peak_kib > 0, "could not read the child's memory");
    assert!(
        peak_kib < 8 * file_kib,
        "peak {peak_kib} KiB for a {file_kib} KiB file"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn convert_goes_on_when_one_output_file_cannot_be_written() {
    let first = fixture("01_");
    let second = fixture("02_");
    let id_of = |file: &str| -> String {
        let out = domei().args(["parse", file]).output().unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        doc["id"].as_str().unwrap().to_string()
    };
    let (blocked, other) = (id_of(&first), id_of(&second));
    let out_dir = scratch("convert-blocked");
    // A folder where the first document's JSON file should go makes that one write fail.
    let blocker = out_dir.join(format!("json/{blocked}.json"));
    std::fs::create_dir_all(&blocker).unwrap();
    let out = domei()
        .args(["convert", &first, &second, "-o", out_dir.to_str().unwrap()])
        .args(["--to", "json,csv"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("{blocked}.json")),
        "the failed output is named: {stderr}"
    );
    assert!(out_dir.join(format!("json/{other}.json")).is_file());
    // The formats after the failed one are still written.
    let docs_csv = std::fs::read_to_string(out_dir.join("csv/documents.csv")).unwrap();
    assert_eq!(csv_records(&docs_csv), 3, "{docs_csv}");
}

/// The number of CSV records (header included): a quoted cell may hold line breaks.
fn csv_records(text: &str) -> usize {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("valid CSV")
        .len()
}
