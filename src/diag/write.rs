//! What a writer reports (SPEC §6.4), as data: why it cannot make its
//! change, and what the user may want to do next. Worded in `i18n`.

use jiff::civil::Date;

use crate::vocab::{Outcome, Stage};

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
    /// What was asked is in the record already: nothing written for it.
    AlreadyRecorded {
        /// The record.
        id: String,
        /// What it is (a decision's result, an indicator's name).
        what: String,
        /// Its date.
        date: Date,
    },
    /// A result recorded with `--force` that the transition table does not
    /// allow from the record's stage.
    Forced {
        /// The record.
        id: String,
        /// The stage it was at.
        stage: Stage,
        /// The result recorded.
        result: Outcome,
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
    /// The result may not be recorded from the record's stage (SPEC §7.1).
    Transition {
        /// The record.
        id: String,
        /// Its stage (none when its file has no valid stage).
        stage: Option<Stage>,
        /// The result asked for.
        result: Outcome,
        /// The results that may be recorded from that stage.
        allowed: Vec<Outcome>,
    },
    /// `dx review` on a record that is not in operation.
    NotOperating {
        /// The record.
        id: String,
        /// Its stage.
        stage: Option<Stage>,
    },
    /// A date after today, without `--force`.
    FutureDate {
        /// The record.
        id: String,
        /// The date given.
        date: Date,
        /// Today.
        today: Date,
    },
    /// A next review on or before the decision that sets it.
    ReviewNotAfter {
        /// The record.
        id: String,
        /// The next review asked for.
        review_due: Date,
        /// The decision's date.
        date: Date,
    },
    /// An observation of that indicator on that date with another value
    /// is there already (`--replace` replaces it).
    ObservationExists {
        /// The record.
        id: String,
        /// The indicator.
        indicator: String,
        /// The date.
        date: Date,
        /// The value recorded.
        recorded: Option<f64>,
        /// The value given.
        given: Option<f64>,
    },
    /// The record's file does not parse: `dx check`'s finding says why.
    Unparsed {
        /// The record's ID.
        id: String,
        /// Its path.
        path: String,
    },
    /// 付議 without the body it goes up to, or `to` with another result.
    Referral {
        /// The record.
        id: String,
        /// The result given.
        result: Outcome,
    },
    /// Anything else, said in the user's words by the caller.
    Invalid {
        /// What is wrong.
        what: String,
    },
}

/// Why a cell of an answered 照会 cannot be taken in (SPEC §7.3); said with
/// the cell (`測定!L7`) and what to write instead.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportProblem {
    /// The file is no workbook or CSV dx can read.
    Unreadable {
        /// Why, in the reader's words.
        reason: String,
    },
    /// The file cannot be opened (missing, no permission).
    CannotOpen {
        /// There is no such file.
        missing: bool,
        /// Why, in the system's words.
        reason: String,
    },
    /// The workbook has none of the sheets of a 照会.
    NoSheets,
    /// A column the sheet needs is missing (a CSV with other headers).
    MissingColumn {
        /// Its header.
        header: &'static str,
    },
    /// A newer layout than this dx reads.
    Format {
        /// The version written.
        version: String,
    },
    /// The workbook was made from another tree.
    OtherTree {
        /// What it says (organisation and lg_code).
        theirs: String,
        /// What this tree says.
        ours: String,
    },
    /// A cell dx wrote was changed.
    Locked {
        /// Its header.
        header: &'static str,
        /// What dx wrote.
        was: String,
        /// What it says now.
        now: String,
    },
    /// Not a number.
    NotNumber {
        /// The text.
        text: String,
    },
    /// A number with `%`: the unit is in its own column.
    Percent {
        /// The text.
        text: String,
        /// The number without `%`.
        number: String,
    },
    /// Not a date.
    NotDate {
        /// The text.
        text: String,
    },
    /// A required cell left empty.
    Required {
        /// Its header.
        header: &'static str,
    },
    /// A value given with 評価不能.
    ValueWithUnmeasurable,
    /// A word not in the cell's list.
    NotInList {
        /// Its header.
        header: &'static str,
        /// The text.
        text: String,
        /// What may be written.
        allowed: Vec<String>,
    },
    /// The row's record is not in the tree any more (removed or renamed
    /// since the workbook was made): a conflict.
    RecordGone {
        /// The ID the row names.
        id: String,
        /// A record with the row's title now, if there is one.
        now: Option<String>,
    },
    /// The row's indicator is not in its record any more: a conflict.
    IndicatorGone {
        /// The record.
        id: String,
        /// The name the row gives.
        name: String,
        /// The record's indicators now.
        known: Vec<String>,
    },
    /// A link to nothing (an ID or 仮ID).
    UnknownLink {
        /// Its header.
        header: &'static str,
        /// The text.
        text: String,
        /// The nearest existing ID.
        nearest: Option<String>,
    },
    /// Two rows with one 仮ID.
    DuplicateTempId {
        /// The 仮ID.
        id: String,
    },
    /// Proposals, but no department to own them (a CSV without `--owner`).
    NoOwner,
    /// What a writer refused for the row.
    Edit(EditError),
}

/// Something `dx import` accepted in another form than asked, said so that
/// nobody is surprised (SPEC §7.3).
#[derive(Debug, Clone, PartialEq)]
pub enum ImportNote {
    /// A number written as text.
    TextNumber {
        /// The text.
        text: String,
    },
    /// Full-width digits, read as half-width.
    FullWidth {
        /// The text.
        text: String,
        /// As read.
        read: String,
    },
    /// A date written as a serial number.
    SerialDate {
        /// The number.
        serial: f64,
        /// The date.
        date: Date,
    },
    /// A date written as text (和暦 or 2026/9/30).
    TextDate {
        /// The text.
        text: String,
        /// The date.
        date: Date,
    },
    /// A value that looks like a fraction of a percent unit (0.4 for 40 %).
    LooksLikeFraction {
        /// The value.
        value: f64,
        /// The unit.
        unit: String,
    },
    /// The record changed since the workbook was made (its row still
    /// applies).
    Changed {
        /// The record.
        id: String,
    },
    /// A proposal whose title a record of its kind has already.
    Proposed {
        /// The record.
        id: String,
        /// The title.
        title: String,
    },
    /// A proposal written as a new record.
    New {
        /// Its new ID.
        id: String,
        /// The row's 仮ID.
        temp: String,
        /// Its title.
        title: String,
    },
}
