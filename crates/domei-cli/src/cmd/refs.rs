//! `domei refs` (being written).

use std::io;

use super::Outcome;

/// Arguments of `domei refs`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files.
    files: Vec<String>,
}

/// Run `domei refs`.
pub fn run(args: Args) -> io::Result<Outcome> {
    let _ = args.files;
    Err(io::Error::other("domei refs is not written yet"))
}
