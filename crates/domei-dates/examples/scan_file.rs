//! Print the dates of a file: `cargo run -p domei-dates --example scan_file -- FILE [YYYY-MM-DD]`.

use domei_dates::{Context, parse, scan};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: scan_file FILE [REFERENCE]");
        return;
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return;
        }
    };
    let reference = args.get(2).and_then(|r| parse(r)).map(|d| d.start);
    for m in scan(&text, &Context { reference }) {
        let readings: Vec<String> = m
            .date
            .readings
            .iter()
            .map(|r| format!("{}={:.2}", r.value.iso(), r.score))
            .collect();
        println!(
            "{}\t{}\t{:?}\t{:?}\t{}",
            m.text,
            m.date.edtf(),
            m.date.precision,
            m.date.kind,
            readings.join(",")
        );
    }
}
