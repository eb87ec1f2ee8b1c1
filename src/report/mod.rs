//! The reports the 事務局 takes to meetings, computed from the model (never
//! from files): `status`, `gap`, `show`, `outline` (dx tree) and `list`.
//!
//! Each report is a plain data struct — serialised as-is for `--format json`
//! (documented in docs/json.md) — with a `doc` method that lays it out in the
//! user's language for the text, Markdown and CSV renderers.

pub mod agenda;
pub mod dashboard;
pub mod diff;
pub mod doc;
pub mod export;
pub mod gap;
pub mod list;
pub mod outline;
pub mod show;
pub mod status;
pub mod survey;
pub mod tables;
pub mod yearly;

use serde::Serialize;

use crate::i18n::Lang;
use crate::model::{Kind, Model, Part, Progress, RecordIdx, Stage};

/// A record as reports name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecordRef {
    /// `K-001`.
    pub id: String,
    /// `issue`, `method` or `technology`.
    pub kind: &'static str,
    /// Its title.
    pub title: String,
    /// Stage (手法/技術) or progress (課題), as written in records; empty when unknown.
    pub state: String,
    /// 分野 id, or empty.
    pub field: String,
    /// 領域 id, or empty.
    pub domain: String,
}

impl RecordRef {
    /// Describe record `i`.
    #[must_use]
    pub fn of(model: &Model, i: RecordIdx) -> Self {
        let r = &model.records[i];
        Self {
            id: r.id.to_string(),
            kind: r.kind.en(),
            title: r.title().to_owned(),
            state: state(model, i).map_or_else(String::new, |s| s.as_str().to_owned()),
            field: r
                .field
                .map_or_else(String::new, |f| model.fields[f].id.clone()),
            domain: model.domain_id(r).to_owned(),
        }
    }
}

/// A stage or a progress.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Of a 手法 or 技術.
    Stage(Stage),
    /// Of a 課題.
    Progress(Progress),
}

impl State {
    /// As written in records.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Stage(s) => s.as_str(),
            Self::Progress(p) => p.as_str(),
        }
    }

    /// In the user's language.
    #[must_use]
    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            Self::Stage(s) => lang.stage(s),
            Self::Progress(p) => lang.progress(p),
        }
    }
}

/// The stage of a 手法/技術 or the progress of a 課題.
#[must_use]
pub fn state(model: &Model, i: RecordIdx) -> Option<State> {
    let r = &model.records[i];
    match r.part {
        Part::Issue(_) => Some(State::Progress(model.progress(i))),
        _ => r.stage().map(State::Stage),
    }
}

/// A state word in the user's language (stage or progress as written in a
/// [`RecordRef`]).
#[must_use]
pub fn state_word(word: &str, lang: Lang) -> String {
    let found = Stage::parse(word)
        .map(State::Stage)
        .or_else(|| Progress::parse(word).map(State::Progress));
    found.map_or_else(|| word.to_owned(), |s| s.word(lang).to_owned())
}

/// The name of a kind in the user's language.
#[must_use]
pub fn kind_word(kind: &str, lang: Lang) -> &'static str {
    let k = match kind {
        "issue" => Kind::Issue,
        "method" => Kind::Method,
        _ => Kind::Technology,
    };
    lang.kind(k)
}

pub use doc::{number, percent};

/// An indicator's figures as a table shows them, in the order every table
/// of indicators keeps: baseline, target, current value, unit, attainment.
pub(crate) fn figures(
    baseline: Option<f64>,
    target: Option<f64>,
    actual: Option<f64>,
    unit: &str,
    attainment: Option<f64>,
) -> [doc::Cell; 5] {
    [
        doc::Cell::opt_number(baseline),
        doc::Cell::opt_number(target),
        doc::Cell::opt_number(actual),
        unit.into(),
        doc::Cell::Percent(attainment),
    ]
}

/// `西宮市 — 状況表(2026-11-24)`: the organisation and the report's name.
#[must_use]
pub fn title(model: &Model, name: &str) -> String {
    match &model.settings.organization {
        Some(org) => format!("{org} {name}"),
        None => name.to_owned(),
    }
}
