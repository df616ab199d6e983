//! `domei kb` (being written).

use std::io;

use super::Outcome;

/// Arguments of `domei kb`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files.
    files: Vec<String>,
}

/// Run `domei kb`.
pub fn run(args: Args) -> io::Result<Outcome> {
    let _ = args.files;
    Err(io::Error::other("domei kb is not written yet"))
}
