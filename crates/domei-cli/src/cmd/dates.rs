//! `domei dates` (being written).

use std::io;

use super::Outcome;

/// Arguments of `domei dates`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files.
    files: Vec<String>,
}

/// Run `domei dates`.
pub fn run(args: Args) -> io::Result<Outcome> {
    let _ = args.files;
    Err(io::Error::other("domei dates is not written yet"))
}
