//! Rendering findings: one module per output format, all reading the same
//! sorted [`Diagnostic`]s. Nothing here decides what is wrong.

mod github;
mod human;
mod json;

pub use github::github;
pub use human::human;
pub use json::json;

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
