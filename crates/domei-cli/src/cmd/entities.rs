//! `domei entities` (being written).

use std::io;

use super::Outcome;

/// Arguments of `domei entities`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files.
    files: Vec<String>,
}

/// Run `domei entities`.
pub fn run(args: Args) -> io::Result<Outcome> {
    let _ = args.files;
    Err(io::Error::other("domei entities is not written yet"))
}
