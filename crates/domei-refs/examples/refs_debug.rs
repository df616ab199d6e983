//! Print each reference line of standard input as a CSL-JSON item (a debugging aid):
//! `raw` and `expected` on one JSON line, ready to be checked by hand for a fixture.
use std::io::BufRead;

#[allow(dead_code)]
#[path = "../../domei-bibtex/src/csl.rs"]
mod csl;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
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
