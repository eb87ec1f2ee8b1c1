//! Findings as data: what a rule found, where, and which words explain it.
//!
//! Rules only push [`Diagnostic`]s; the wording lives in `i18n/` and the
//! layout in `render/`, so a finding can be shown in any language and format.

mod message;
mod rule_id;
mod write;

pub use message::{BadValue, DatedEntry, IdKind, Message, PersonalKind, Retired, ValueType};
pub use rule_id::{DocText, RuleId};
pub use write::{EditError, FollowUp, ImportNote, ImportProblem};

use crate::files::Span;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails the check.
    Error,
    /// Reported; fails only under `--deny-warnings`.
    Warning,
}

impl Severity {
    /// The lowercase English word used in JSON and annotations.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

/// One finding.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// The rule that found it.
    pub rule: RuleId,
    /// Severity after dx.toml overrides.
    pub severity: Severity,
    /// Where it points: the offending value.
    pub span: Span,
    /// The record ID the file holds, if it is a record.
    pub record: Option<String>,
    /// What was found, as data.
    pub message: Message,
    /// Other places that belong to the finding (the other file of a duplicate).
    pub related: Vec<Span>,
}

impl Diagnostic {
    /// A finding of `rule` at `span`, at the rule's default severity.
    #[must_use]
    pub fn new(rule: RuleId, span: Span, message: Message) -> Self {
        Self {
            rule,
            severity: rule.default_severity(),
            span,
            record: None,
            message,
            related: Vec::new(),
        }
    }

    /// Name the record the finding is about.
    #[must_use]
    pub fn with_record(mut self, record: Option<&str>) -> Self {
        self.record = record.map(str::to_owned);
        self
    }

    /// Add a related place.
    #[must_use]
    pub fn with_related(mut self, span: Span) -> Self {
        self.related.push(span);
        self
    }
}

/// Counts for the summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Records (課題, 手法, 技術) in the tree.
    pub records: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
}

impl Summary {
    /// Count the findings.
    #[must_use]
    pub fn of(records: usize, diagnostics: &[Diagnostic]) -> Self {
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        Self {
            records,
            errors,
            warnings: diagnostics.len() - errors,
        }
    }
}
