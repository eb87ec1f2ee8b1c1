//! What a writer reports (SPEC §6.4), as data: why it cannot make its
//! change, and what the user may want to do next. Worded in `i18n`.

use jiff::civil::Date;

use crate::vocab::Stage;

/// Something the user may want to do next, said after a write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FollowUp {
    /// A record's stage changed.
    Stage {
        /// The record.
        id: String,
        /// Before.
        from: Option<Stage>,
        /// After.
        to: Stage,
    },
    /// A record's next review moved.
    Review {
        /// The record.
        id: String,
        /// The new `review_due`.
        date: Date,
    },
    /// A linked record still pursued that may need the same decision: an
    /// active 技術 of a 手法 that was stopped.
    SameDecision {
        /// The linked record.
        id: String,
        /// Its title.
        title: String,
        /// The record decided on.
        after: String,
    },
    /// A 手法 still pursued whose 技術 are now all stopped.
    NoActiveTechnology {
        /// The 手法.
        id: String,
        /// Its title.
        title: String,
    },
}

/// Why a writer cannot make its plan.
#[derive(Debug, Clone, PartialEq)]
pub enum EditError {
    /// No record has the ID.
    UnknownRecord {
        /// The ID.
        id: String,
        /// The nearest existing ID.
        nearest: Option<String>,
    },
    /// Two files have the ID: which one is meant is not clear.
    Ambiguous {
        /// The ID.
        id: String,
    },
    /// Decisions, reviews and measurements belong to 手法 and 技術.
    NotWork {
        /// The ID of the 課題.
        id: String,
    },
    /// The record has no such indicator.
    UnknownIndicator {
        /// The record.
        id: String,
        /// The indicator as given.
        name: String,
        /// The record's indicators.
        known: Vec<String>,
    },
    /// The record's file cannot be read or is not TOML.
    Unreadable {
        /// Its path.
        path: String,
    },
    /// A target that exists already (`dx mv`).
    Exists {
        /// The ID or path.
        what: String,
    },
    /// Anything else, said in the user's words by the caller.
    Invalid {
        /// What is wrong.
        what: String,
    },
}
