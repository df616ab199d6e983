//! Print the parsed fields of each reference line of standard input (a debugging aid).
use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let (refs, comments) = domei_refs::parse_note(&line);
        println!("== {line}");
        for r in refs {
            let mut v = serde_json::to_value(&r).unwrap_or_default();
            strip_spans(&mut v);
            println!("{v}");
        }
        for c in comments {
            println!("  comment: {:?}", c.value);
        }
    }
}

fn strip_spans(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.remove("span");
            m.remove("raw");
            if let Some(value) = m.remove("value") {
                *v = value;
                strip_spans(v);
                return;
            }
            for x in m.values_mut() {
                strip_spans(x);
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip_spans),
        _ => {}
    }
}
