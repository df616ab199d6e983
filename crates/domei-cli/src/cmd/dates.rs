//! `domei dates`: every date mention of each input as JSON Lines,
//! `{"file","start","end","text","value","precision","kind","damaged","readings"}`,
//! with `start`/`end` as UTF-8 byte offsets into the decoded text and relative dates
//! resolved against the document's publication date.

use std::io::{self, BufWriter, Write};

use domei_model::{DateKind, DateMention, Precision};
use serde::Serialize;

use super::Outcome;

/// Arguments of `domei dates`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files; `-` (or none) reads standard input.
    files: Vec<String>,
}

/// One reading of a damaged date.
#[derive(Debug, Serialize)]
struct ReadingLine {
    value: String,
    score: f32,
    reason: String,
}

/// One output line.
#[derive(Debug, Serialize)]
struct DateLine<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    value: String,
    precision: Precision,
    kind: DateKind,
    damaged: bool,
    readings: Vec<ReadingLine>,
}

fn line<'a>(file: &'a str, mention: &'a DateMention) -> DateLine<'a> {
    DateLine {
        file,
        start: mention.span.start,
        end: mention.span.end,
        text: &mention.text,
        value: mention.date.edtf(),
        precision: mention.date.precision,
        kind: mention.date.kind,
        damaged: mention.date.damaged,
        readings: mention
            .date
            .readings
            .iter()
            .map(|r| ReadingLine {
                value: r.value.iso(),
                score: r.score,
                reason: r.reason.clone(),
            })
            .collect(),
    }
}

/// Run `domei dates`.
pub fn run(args: Args) -> io::Result<Outcome> {
    let pipeline = super::pipeline(&[])?;
    let files = if args.files.is_empty() {
        vec!["-".to_string()]
    } else {
        args.files
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in &files {
        let Some(doc) = super::load(&pipeline, path) else {
            failed = true;
            continue;
        };
        write_dates(&mut out, path, &doc.dates)?;
    }
    out.flush()?;
    Ok(Outcome::from_failed(failed))
}

/// Write one JSON line per mention.
fn write_dates<W: Write>(out: &mut W, file: &str, dates: &[DateMention]) -> io::Result<()> {
    for mention in dates {
        super::write_json_line(out, &line(file, mention))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use domei_dates::{Context, scan};
    use domei_model::Ymd;

    #[test]
    fn json_lines_have_the_documented_keys() {
        let text = "昨年1113日に開催。2023〜26年。";
        let context = Context {
            reference: Some(Ymd::day(2024, 3, 1)),
        };
        let dates: Vec<_> = scan(text, &context).collect();
        let mut out = Vec::new();
        write_dates(&mut out, "a.txt", &dates).unwrap();
        let raw = String::from_utf8(out).unwrap();
        let lines: Vec<serde_json::Value> = raw
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        let first = &lines[0];
        // The keys, in the documented order.
        let keys = [
            "file",
            "start",
            "end",
            "text",
            "value",
            "precision",
            "kind",
            "damaged",
            "readings",
        ];
        let positions: Vec<usize> = keys
            .iter()
            .map(|k| raw.find(&format!("\"{k}\":")).unwrap())
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{raw}");
        assert_eq!(first.as_object().unwrap().len(), keys.len());
        assert_eq!(first["value"], "2023-11-13");
        assert_eq!(first["damaged"], true);
        assert_eq!(first["readings"][0]["value"], "2023-11-13");
        let (s, e) = (
            first["start"].as_u64().unwrap(),
            first["end"].as_u64().unwrap(),
        );
        assert_eq!(&text[s as usize..e as usize], "昨年1113日");
        assert_eq!(lines[1]["value"], "2023/2026");
        assert_eq!(lines[1]["precision"], "range");
        assert_eq!(lines[1]["readings"], serde_json::json!([]));
    }

    /// Seed 001 through the whole pipeline: the publication date found by the article
    /// parser resolves 昨年, and the damaged note dates are flagged.
    #[test]
    fn seed_001_through_the_pipeline() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
        let path = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("the seeds must exist at {}: {e}", dir.display()))
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("001_"))
            })
            .expect("seed 001");
        let pipeline = super::super::pipeline(&[]).unwrap();
        let doc = super::super::load(&pipeline, &path.to_string_lossy()).expect("seed 001 parses");
        let mut out = Vec::new();
        write_dates(&mut out, "001", &doc.dates).unwrap();
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let find = |text: &str| {
            lines
                .iter()
                .find(|l| l["text"] == text)
                .unwrap_or_else(|| panic!("{text} not found in {lines:#?}"))
        };
        assert_eq!(find("昨年1113日")["value"], "2023-11-13");
        assert_eq!(find("昨年1113日")["damaged"], true);
        assert_eq!(find("昨年11月")["value"], "2023-11");
        assert_eq!(find("2023128日")["readings"].as_array().unwrap().len(), 2);
        assert_eq!(find("2021930日")["value"], "2021-09-30");
        for l in &lines {
            let (s, e) = (
                l["start"].as_u64().unwrap() as usize,
                l["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(doc.text[s..e], *l["text"].as_str().unwrap());
        }
    }
}
