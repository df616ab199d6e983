//! `domei`: turn Japanese security-policy articles into a typed model and export it.
//!
//! Exit codes: 0 when every file was processed, 1 when some file failed (the others
//! were still processed), 2 for a usage error. A closed pipe on standard output ends
//! the run quietly with 0.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;

/// Turn Japanese security-policy articles into a typed, lossless model of the US
/// alliance system they describe, and export it.
#[derive(Debug, Parser)]
#[command(name = "domei", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse articles and print each document as JSON (one object per line).
    Parse(cmd::parse::Args),
    /// Print every date mention as JSON Lines.
    Dates(cmd::dates::Args),
    /// Parse one reference string per line into one CSL-JSON item per line.
    Refs(cmd::refs::Args),
    /// Print every mention of an actor, alliance, framework or agreement as JSON Lines.
    Entities(cmd::entities::Args),
    /// List and search the alliance knowledge base.
    Kb(cmd::kb::Args),
    /// Convert articles to CSV, BibLaTeX, CSL-JSON, JSON, XML and TEI.
    Convert(cmd::convert::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(args) => cmd::parse::run(args),
        Command::Dates(args) => cmd::dates::run(args),
        Command::Refs(args) => cmd::refs::run(args),
        Command::Entities(args) => cmd::entities::run(args),
        Command::Kb(args) => cmd::kb::run(args),
        Command::Convert(args) => cmd::convert::run(args),
    };
    match result {
        Ok(cmd::Outcome::Success) => ExitCode::SUCCESS,
        Ok(cmd::Outcome::SomeFailed) => ExitCode::from(1),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("domei: {err}");
            ExitCode::from(2)
        }
    }
}
