//! Every rule's identity: its stable slug and default severity, with the
//! findings that carry it. The rules themselves (what they check, their
//! documentation) are in `crate::rules`, registered by the same names.

use super::Severity;

macro_rules! rule_ids {
    ($($variant:ident = $slug:literal => $severity:ident),+ $(,)?) => {
        /// A rule's identity; serialised as its slug.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum RuleId {
            $(#[doc = $slug] $variant),+
        }

        impl RuleId {
            /// Every rule, in SPEC order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The stable slug: `broken-link`.
            #[must_use]
            pub fn slug(self) -> &'static str {
                match self { $(Self::$variant => $slug),+ }
            }

            /// The rule with this slug.
            #[must_use]
            pub fn from_slug(slug: &str) -> Option<Self> {
                match slug { $($slug => Some(Self::$variant),)+ _ => None }
            }

            /// The rule's severity unless dx.toml says otherwise.
            #[must_use]
            pub fn default_severity(self) -> Severity {
                match self { $(Self::$variant => Severity::$severity),+ }
            }
        }
    };
}

rule_ids! {
    ParseError = "parse-error" => Error,
    Encoding = "encoding" => Error,
    UnknownKey = "unknown-key" => Error,
    MissingKey = "missing-key" => Error,
    InvalidValue = "invalid-value" => Error,
    IdFormat = "id-format" => Error,
    IdFilename = "id-filename" => Error,
    DuplicateId = "duplicate-id" => Error,
    MisplacedRecord = "misplaced-record" => Warning,
    BrokenLink = "broken-link" => Error,
    WrongLinkKind = "wrong-link-kind" => Error,
    MissingLink = "missing-link" => Error,
    DuplicateLink = "duplicate-link" => Warning,
    LinkCycle = "link-cycle" => Error,
    LinkToRetired = "link-to-retired" => Warning,
    MissingIndicator = "missing-indicator" => Error,
    IncompleteIndicator = "incomplete-indicator" => Error,
    MissingDecision = "missing-decision" => Warning,
    MissingTeam = "missing-team" => Warning,
    ReviewOverdue = "review-overdue" => Warning,
    StalePilot = "stale-pilot" => Warning,
    BeyondPeriod = "beyond-period" => Warning,
    PersonalData = "personal-data" => Error,
    FutureDate = "future-date" => Warning,
    DuplicateObservation = "duplicate-observation" => Warning,
    EmptyValue = "empty-value" => Error,
    PublicLinksInternal = "public-links-internal" => Warning,
    UnknownDepartment = "unknown-department" => Warning,
    RevisionReviewDue = "revision-review-due" => Warning,
    RetiredReference = "retired-reference" => Warning,
}

impl serde::Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.slug())
    }
}

/// A rule's explanation in one language (the rule modules write them;
/// `dx explain`, docs/rules.md and SARIF's rule list show them).
#[derive(Clone, Copy, Debug)]
pub struct DocText {
    /// One line: what it finds.
    pub summary: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// How to fix it.
    pub fix: &'static str,
}
