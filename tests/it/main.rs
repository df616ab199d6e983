//! One integration-test binary for the whole workspace: the fixtures against their
//! expectations, the seeds end to end, the lossless property, and bad input.

mod bad_input;
mod fixtures;
mod layouts;
mod lossless;
mod seeds;
mod util;
