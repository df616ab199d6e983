//! Running biber and bibtex on a .bib file in a temporary directory.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("domei-bib-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Run `biber --tool --validate-datamodel` on `bib`; return the WARN and ERROR lines.
pub fn biber_problems(bib: &str, name: &str) -> Vec<String> {
    let dir = temp_dir(&format!("biber-{name}"));
    let file = dir.join("refs.bib");
    std::fs::write(&file, bib).unwrap();
    let out = Command::new("biber")
        .arg("--tool")
        .arg("--validate-datamodel")
        .arg("refs.bib")
        .current_dir(&dir)
        .output()
        .expect("biber must be installed (apt-get install biber)");
    let mut log = String::from_utf8_lossy(&out.stdout).into_owned();
    log.push_str(&String::from_utf8_lossy(&out.stderr));
    if let Ok(blg) = std::fs::read_to_string(dir.join("refs.bib.blg")) {
        log.push_str(&blg);
    }
    let mut problems: Vec<String> = log
        .lines()
        .filter(|l| l.contains("WARN") || l.contains("ERROR"))
        .map(String::from)
        .collect();
    if !out.status.success() {
        problems.push(format!("biber exited with {}", out.status));
    }
    let _ = std::fs::remove_dir_all(&dir);
    problems
}

/// Run bibtex with plain.bst citing every entry; return (exit ok, warning lines, log).
pub fn bibtex_run(bib: &str, name: &str) -> (bool, Vec<String>, String) {
    let dir = temp_dir(&format!("bibtex-{name}"));
    std::fs::write(dir.join("refs.bib"), bib).unwrap();
    std::fs::write(
        dir.join("test.aux"),
        "\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n",
    )
    .unwrap();
    let out = Command::new("bibtex")
        .arg("test")
        .current_dir(&dir)
        .output()
        .expect("bibtex must be installed (apt-get install texlive-binaries)");
    let log = String::from_utf8_lossy(&out.stdout).into_owned();
    let warnings = log
        .lines()
        .filter(|l| {
            l.starts_with("Warning--")
                || l.contains("error message")
                || l.starts_with("I was expecting")
                || l.contains("---line")
        })
        .map(String::from)
        .collect();
    let bbl = std::fs::read_to_string(dir.join("test.bbl")).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    (out.status.success(), warnings, log + &bbl)
}
