//! Rendering: one module per output format. Findings (`human`, `json`,
//! `github`) read the same sorted [`Diagnostic`]s; reports (`text`,
//! `markdown`, `csv`) read a [`crate::report::doc::Doc`]. Nothing here
//! decides what is wrong or counts anything.

mod csv;
pub mod escape;
mod github;
pub mod html;
mod human;
mod json;
mod markdown;
mod sarif;
pub mod survey;
pub mod svg;
pub mod tables;
mod text;
pub mod xlsx;
pub mod yaml;

pub use csv::csv;
pub use github::github;
pub use human::human;
pub use json::json;
pub use markdown::markdown;
pub use sarif::sarif;
pub use text::{Ambiguous, MAX_CELL, text};

use crate::diag::{Diagnostic, Summary};
use crate::files::FileDb;
use crate::i18n::Lang;

/// What every renderer needs.
pub struct Findings<'a> {
    /// The files the spans point into.
    pub files: &'a FileDb,
    /// The findings, sorted.
    pub diagnostics: &'a [Diagnostic],
    /// Their counts.
    pub summary: Summary,
    /// The language of messages.
    pub lang: Lang,
}
