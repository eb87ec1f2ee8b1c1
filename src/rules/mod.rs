//! The rules of SPEC §4: one module each, registered in [`RULES`].
//!
//! A rule module holds its documentation (what, why, how to fix; Japanese
//! and English), its default severity and, for rules that look at the
//! model, its check. Rules about syntax and schema (`parse-error`,
//! `unknown-key` …) are found while loading; their modules hold only docs.

use jiff::civil::Date;
use rayon::prelude::*;

pub use crate::diag::RuleId;
use crate::diag::{Diagnostic, Severity};
use crate::model::{Level, Model};

mod beyond_period;
mod broken_link;
mod duplicate_id;
mod duplicate_link;
mod duplicate_observation;
mod empty_value;
mod encoding;
mod future_date;
mod id_filename;
mod id_format;
mod incomplete_indicator;
mod invalid_value;
mod link_cycle;
mod link_to_retired;
mod misplaced_record;
mod missing_decision;
mod missing_indicator;
mod missing_key;
mod missing_link;
mod missing_team;
mod parse_error;
mod personal_data;
mod public_links_internal;
mod retired_reference;
mod review_overdue;
mod revision_review_due;
mod stale_pilot;
mod unknown_department;
mod unknown_key;
mod wrong_link_kind;

/// What every check sees: the model and the date it runs as of.
#[derive(Clone, Copy)]
pub struct Context<'m> {
    /// The model.
    pub model: &'m Model,
    /// Today, or `--today`.
    pub today: Date,
}

pub use crate::diag::DocText;

/// One rule.
#[derive(Clone, Copy)]
pub struct Rule {
    /// Its id (slug and default severity).
    pub id: RuleId,
    /// Japanese explanation.
    pub ja: DocText,
    /// English explanation.
    pub en: DocText,
    /// An example of what it finds, as TOML.
    pub example: &'static str,
    /// The check over the model; `None` for rules found while loading.
    pub check: Option<fn(&Context<'_>, &mut Vec<Diagnostic>)>,
}

macro_rules! rules {
    ($($variant:ident => $module:ident),+ $(,)?) => {
        /// Every rule, in SPEC order.
        pub static RULES: &[&Rule] = &[$(&$module::RULE),+];

        /// The definition of a rule.
        #[must_use]
        pub fn rule(id: RuleId) -> &'static Rule {
            match id { $(RuleId::$variant => &$module::RULE),+ }
        }
    };
}

rules! {
    ParseError => parse_error,
    Encoding => encoding,
    UnknownKey => unknown_key,
    MissingKey => missing_key,
    InvalidValue => invalid_value,
    IdFormat => id_format,
    IdFilename => id_filename,
    DuplicateId => duplicate_id,
    MisplacedRecord => misplaced_record,
    BrokenLink => broken_link,
    WrongLinkKind => wrong_link_kind,
    MissingLink => missing_link,
    DuplicateLink => duplicate_link,
    LinkCycle => link_cycle,
    LinkToRetired => link_to_retired,
    MissingIndicator => missing_indicator,
    IncompleteIndicator => incomplete_indicator,
    MissingDecision => missing_decision,
    MissingTeam => missing_team,
    ReviewOverdue => review_overdue,
    StalePilot => stale_pilot,
    BeyondPeriod => beyond_period,
    PersonalData => personal_data,
    FutureDate => future_date,
    DuplicateObservation => duplicate_observation,
    EmptyValue => empty_value,
    PublicLinksInternal => public_links_internal,
    UnknownDepartment => unknown_department,
    RevisionReviewDue => revision_review_due,
    RetiredReference => retired_reference,
}

impl Rule {
    /// Severity unless dx.toml says otherwise.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.id.default_severity()
    }
}

/// The rule reference as Markdown (docs/rules.md), from the same text as
/// `dx explain`.
#[must_use]
pub fn reference_markdown() -> String {
    use std::fmt::Write as _;
    let mut md = String::from(
        "# 規則一覧 / Rules\n\n\
         <!-- Generated from src/rules/*.rs by `UPDATE_DOCS=1 cargo test --test docs`. Do not edit. -->\n\n\
         | slug | 既定 / default | 何を検出するか |\n|---|---|---|\n",
    );
    for rule in RULES {
        let _ = writeln!(
            md,
            "| [`{0}`](#{0}) | {1} | {2} |",
            rule.id.slug(),
            rule.severity().as_str(),
            rule.ja.summary
        );
    }
    for rule in RULES {
        let _ = write!(
            md,
            "\n## {slug}\n\n既定の重大度 / default severity: **{sev}**\n\n\
             **何を検出するか** {ja_s}\n\n**なぜ問題か** {ja_w}\n\n**直し方** {ja_f}\n\n\
             *What it finds* {en_s}\n\n*Why it matters* {en_w}\n\n*How to fix* {en_f}\n\n\
             ```toml\n{example}\n```\n",
            slug = rule.id.slug(),
            sev = rule.severity().as_str(),
            ja_s = rule.ja.summary,
            ja_w = rule.ja.why,
            ja_f = rule.ja.fix,
            en_s = rule.en.summary,
            en_w = rule.en.why,
            en_f = rule.en.fix,
            example = rule.example,
        );
    }
    md
}

/// Run every check over the model, add what loading found, apply dx.toml's
/// severities, and sort by path, line, column, rule.
#[must_use]
pub fn check(model: &Model, today: Date) -> Vec<Diagnostic> {
    let ctx = Context { model, today };
    let found: Vec<Diagnostic> = RULES
        .par_iter()
        .filter_map(|rule| rule.check)
        .flat_map_iter(|check| {
            let mut out = Vec::new();
            check(&ctx, &mut out);
            out
        })
        .collect();
    let mut all: Vec<Diagnostic> = model
        .load_diagnostics
        .iter()
        .cloned()
        .chain(found)
        .filter_map(|mut d| {
            match model.settings.rules.get(&d.rule) {
                Some(Level::Allow) => return None,
                Some(Level::Error) => d.severity = Severity::Error,
                Some(Level::Warning) => d.severity = Severity::Warning,
                None => {}
            }
            Some(d)
        })
        .collect();
    // By place: within a file, byte order is line and column order, and
    // needs no text (the texts of a large tree are not kept).
    all.sort_by(|a, b| {
        let path = |d: &Diagnostic| &*model.files.get(d.span.file).path;
        (path(a), a.span.start, a.rule.slug()).cmp(&(path(b), b.span.start, b.rule.slug()))
    });
    all
}

/// The shape of every rule about what a stage needs: a finding on the
/// `stage` value of each 手法 and 技術 for which `finding` says one.
fn at_stage(
    ctx: &Context<'_>,
    out: &mut Vec<Diagnostic>,
    id: RuleId,
    finding: impl Fn(&crate::model::Record, crate::model::Stage) -> Option<crate::diag::Message>,
) {
    for r in &ctx.model.records {
        let Some(stage) = r.stage_sp() else { continue };
        if let Some(message) = finding(r, stage.value) {
            out.push(Diagnostic::new(id, r.span_of(stage.span), message).with_record(Some(&r.id)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_matches_ids() {
        assert_eq!(RULES.len(), RuleId::ALL.len());
        for (rule, id) in RULES.iter().zip(RuleId::ALL) {
            assert_eq!(rule.id, *id, "{} registered out of order", id.slug());
            assert_eq!(RuleId::from_slug(id.slug()), Some(*id));
        }
    }

    #[test]
    fn every_rule_is_documented() {
        for rule in RULES {
            for doc in [rule.ja, rule.en] {
                assert!(!doc.summary.is_empty(), "{}", rule.id.slug());
                assert!(!doc.why.is_empty(), "{}", rule.id.slug());
                assert!(!doc.fix.is_empty(), "{}", rule.id.slug());
            }
            assert!(!rule.example.is_empty(), "{}", rule.id.slug());
        }
    }
}
