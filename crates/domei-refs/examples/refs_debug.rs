//! Print each reference line of standard input as a CSL-JSON item (a debugging aid):
//! `raw` and `expected` on one JSON line, ready to be checked by hand for a fixture.
//! With `--notes`, each line is a whole note, split into references and commentary.
use std::io::BufRead;

use domei_bibtex::csl;

fn main() {
    // `--notes`: each line is a whole note; print its references and commentary.
    let notes = std::env::args().any(|a| a == "--notes");
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        if notes {
            let (refs, comments) = domei_refs::parse_note(&line);
            let items: Vec<serde_json::Value> = refs.iter().map(csl::item).collect();
            let comments: Vec<&str> = comments.iter().map(|c| c.value.as_str()).collect();
            println!(
                "{}",
                serde_json::json!({"note": line, "references": items, "commentary": comments})
            );
            continue;
        }
        let expected = match domei_refs::parse_reference(&line) {
            Some(r) => {
                let mut v = csl::item(&r);
                if let Some(m) = v.as_object_mut() {
                    m.remove("id");
                }
                v
            }
            None => serde_json::json!({}),
        };
        println!("{}", serde_json::json!({"raw": line, "expected": expected}));
    }
}
