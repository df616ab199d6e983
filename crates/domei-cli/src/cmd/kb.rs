//! `domei kb`: list the knowledge base, show one entry, search it.
//!
//! `domei kb` lists every entry (id, category, kind, Japanese and English names,
//! abbreviations), `domei kb show NATO` shows one entry with its members, parties and
//! events (by id, name, abbreviation or variant), `domei kb search TEXT` lists the
//! entries whose id or forms contain TEXT. `--json` prints JSON Lines instead.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use domei_kb::{Entry, Kb, event_kind_name};
use serde_json::{Value, json};

use super::{Outcome, report, write_json_line};

/// Arguments of `domei kb`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Option<Action>,
    /// Extra knowledge-base file(s) (CSV) to load beside the built-in one.
    #[arg(long = "kb", value_name = "FILE", global = true)]
    kb: Vec<String>,
    /// Print JSON Lines instead of text.
    #[arg(long, global = true)]
    json: bool,
}

/// What to do with the knowledge base.
#[derive(Debug, clap::Subcommand)]
enum Action {
    /// List every entry (the default).
    List,
    /// Show one entry: by id, name, abbreviation or variant.
    Show {
        /// The id, name, abbreviation or variant.
        query: String,
    },
    /// List the entries whose id, names, abbreviations or variants contain TEXT.
    Search {
        /// The text to look for.
        text: String,
    },
}

/// Run `domei kb`.
pub fn run(args: Args) -> io::Result<Outcome> {
    let mut kb = Kb::builtin();
    for file in &args.kb {
        kb.extend_from_path(Path::new(file))
            .map_err(io::Error::other)?;
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let outcome = match args.action.unwrap_or(Action::List) {
        Action::List => {
            for e in kb.entries() {
                list_line(&mut out, e, args.json)?;
            }
            Outcome::Success
        }
        Action::Search { text } => {
            let found = kb.search(&text);
            for e in &found {
                list_line(&mut out, e, args.json)?;
            }
            Outcome::from_failed(found.is_empty())
        }
        Action::Show { query } => match kb.find(&query) {
            Some(e) => {
                if args.json {
                    write_json_line(&mut out, &details(&kb, e))?;
                } else {
                    show(&mut out, &kb, e)?;
                }
                Outcome::Success
            }
            None => {
                report(format_args!("kb: no entry {query:?}"));
                Outcome::SomeFailed
            }
        },
    };
    out.flush()?;
    Ok(outcome)
}

fn list_line<W: Write>(out: &mut W, e: &Entry, json: bool) -> io::Result<()> {
    if json {
        return write_json_line(out, &summary(e));
    }
    writeln!(
        out,
        "{}\t{}\t{}\t{}\t{}\t{}",
        e.id,
        e.category.as_str(),
        e.kind,
        e.name_ja,
        e.name_en,
        e.abbreviations.join("|")
    )
}

fn summary(e: &Entry) -> Value {
    json!({
        "id": e.id,
        "category": e.category.as_str(),
        "kind": e.kind,
        "name_ja": e.name_ja,
        "name_en": e.name_en,
        "abbreviations": e.abbreviations,
    })
}

fn details(kb: &Kb, e: &Entry) -> Value {
    let mut v = summary(e);
    v["variants"] = json!(e.variants);
    v["short"] = json!(e.short);
    v["iso3"] = json!(e.iso3);
    v["cow"] = json!(e.cow);
    v["parent"] = json!(e.parent);
    v["compound_of"] = json!(e.compound_of);
    v["founded"] = json!(e.founded.map(|d| d.iso()));
    v["founding_agreement"] = json!(e.founding_agreement);
    v["source"] = json!({"title": e.source.title, "date": e.source.date.map(|d| d.iso())});
    v["members"] = kb
        .members_of(&e.id)
        .map(|m| json!({"member": m.member, "joined": m.joined.map(|d| d.iso()), "left": m.left.map(|d| d.iso())}))
        .collect();
    v["member_of"] = kb
        .memberships()
        .iter()
        .filter(|m| m.member == e.id)
        .map(|m| json!({"alliance": m.alliance, "joined": m.joined.map(|d| d.iso()), "left": m.left.map(|d| d.iso())}))
        .collect();
    v["parties"] = json!(kb.parties_of(&e.id).collect::<Vec<_>>());
    v["events"] = kb
        .events_of(&e.id)
        .map(
            |ev| json!({"event": event_kind_name(ev.kind), "date": ev.date.iso(), "note": ev.note}),
        )
        .collect();
    v
}

fn show<W: Write>(out: &mut W, kb: &Kb, e: &Entry) -> io::Result<()> {
    writeln!(out, "{} ({}, {})", e.id, e.category.as_str(), e.kind)?;
    writeln!(out, "  name_ja: {}", e.name_ja)?;
    writeln!(out, "  name_en: {}", e.name_en)?;
    let list = |label: &str, items: &[String], out: &mut W| -> io::Result<()> {
        if items.is_empty() {
            Ok(())
        } else {
            writeln!(out, "  {label}: {}", items.join(", "))
        }
    };
    list("abbreviations", &e.abbreviations, out)?;
    list("variants", &e.variants, out)?;
    list("short forms", &e.short, out)?;
    if let Some(iso) = &e.iso3 {
        writeln!(out, "  ISO 3166-1 alpha-3: {iso}")?;
    }
    if let Some(cow) = e.cow {
        writeln!(out, "  Correlates of War: {cow}")?;
    }
    if let Some(p) = &e.parent {
        writeln!(out, "  part of: {p}")?;
    }
    list("compound of", &e.compound_of, out)?;
    if let Some(f) = e.founded {
        writeln!(out, "  founded: {}", f.iso())?;
    }
    if let Some(f) = &e.founding_agreement {
        writeln!(out, "  founding agreement: {f}")?;
    }
    let members: Vec<_> = kb.members_of(&e.id).collect();
    if !members.is_empty() {
        writeln!(out, "  members:")?;
        for m in members {
            let joined = m.joined.map(|d| d.iso()).unwrap_or_default();
            let left = m
                .left
                .map(|d| format!(" – {}", d.iso()))
                .unwrap_or_default();
            writeln!(out, "    {} {joined}{left}", m.member)?;
        }
    }
    let member_of: Vec<_> = kb
        .memberships()
        .iter()
        .filter(|m| m.member == e.id)
        .collect();
    if !member_of.is_empty() {
        writeln!(out, "  member of:")?;
        for m in member_of {
            let joined = m.joined.map(|d| d.iso()).unwrap_or_default();
            let left = m
                .left
                .map(|d| format!(" – {}", d.iso()))
                .unwrap_or_default();
            writeln!(out, "    {} {joined}{left}", m.alliance)?;
        }
    }
    let parties: Vec<&str> = kb.parties_of(&e.id).collect();
    if !parties.is_empty() {
        writeln!(out, "  parties: {}", parties.join(", "))?;
    }
    let events: Vec<_> = kb.events_of(&e.id).collect();
    if !events.is_empty() {
        writeln!(out, "  events:")?;
        for ev in events {
            let note = if ev.note.is_empty() {
                String::new()
            } else {
                format!(" ({})", ev.note)
            };
            writeln!(
                out,
                "    {} {}{note}",
                ev.date.iso(),
                event_kind_name(ev.kind)
            )?;
        }
    }
    let date = e
        .source
        .date
        .map(|d| format!(", {}", d.iso()))
        .unwrap_or_default();
    writeln!(out, "  source: {}{date}", e.source.title)
}
