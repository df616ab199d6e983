//! `domei convert` (being written).

use std::io;

use super::Outcome;

/// Arguments of `domei convert`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files.
    files: Vec<String>,
}

/// Run `domei convert`.
pub fn run(args: Args) -> io::Result<Outcome> {
    let _ = args.files;
    Err(io::Error::other("domei convert is not written yet"))
}
