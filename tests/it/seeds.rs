//! The seeds end to end (filled below).
