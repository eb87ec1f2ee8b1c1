//! What a finding says, as data. The words are in `crate::i18n`.

pub use crate::privacy::PersonalKind;
pub use crate::vocab::IdKind;
use crate::vocab::Stage;

/// The type a key expects, for type errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueType {
    /// A string.
    String,
    /// A list of strings.
    StringList,
    /// A number.
    Number,
    /// A positive whole number.
    PositiveInteger,
    /// A local date.
    Date,
    /// A table.
    Table,
    /// An array of tables.
    TableList,
    /// true or false.
    Boolean,
}

/// Why a link target counts as retired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retired {
    /// The 課題 is closed.
    Closed,
    /// The 手法 was decided against or retired.
    Stage(Stage),
}

/// Every finding dx can report, with what the words need.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// The TOML parser's own complaint.
    ParseError {
        /// The parser's message.
        detail: String,
    },
    /// A control character (NUL, escape …) in the text.
    ControlCharacter {
        /// Its code point.
        code: u32,
    },
    /// A file over the size limit.
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A file that is not UTF-8.
    NotUtf8 {
        /// The encoding it looks like, if any.
        guess: Option<&'static str>,
    },
    /// A key the schema does not know.
    UnknownKey {
        /// The key as written.
        key: String,
        /// The nearest known key.
        suggestion: Option<String>,
    },
    /// A required key is absent.
    MissingKey {
        /// The key (dotted for nested tables).
        key: String,
    },
    /// A required file is absent.
    MissingFile {
        /// Its path relative to the root.
        path: String,
    },
    /// A value of the wrong type.
    WrongType {
        /// The key.
        key: String,
        /// What it should be.
        expected: ValueType,
        /// What TOML type was found.
        found: &'static str,
    },
    /// A value outside its vocabulary.
    NotInVocabulary {
        /// The key.
        key: String,
        /// The value as written.
        value: String,
        /// The allowed values.
        allowed: &'static [&'static str],
        /// The nearest allowed value.
        suggestion: Option<&'static str>,
    },
    /// A date written with a time or an offset.
    DateWithTime {
        /// The key.
        key: String,
    },
    /// A date written as a string.
    DateAsString {
        /// The key.
        key: String,
        /// The string.
        value: String,
        /// The date it means, when it reads as one (`2026/09/30`,
        /// `令和8年3月31日`), as a TOML date.
        date: Option<String>,
    },
    /// A value outside its allowed range or shape.
    BadValue {
        /// The key.
        key: String,
        /// The value as written.
        value: String,
        /// What it must be, as a key into the wording tables.
        why: BadValue,
    },
    /// An ID that does not match its pattern.
    IdFormat {
        /// The ID as written.
        value: String,
        /// What kind of ID was expected.
        expected: IdKind,
        /// The well-formed ID it probably means.
        suggestion: Option<String>,
    },
    /// A record file whose name is not an ID.
    FileNameNotId {
        /// The file's stem.
        stem: String,
        /// The well-formed ID it probably means.
        suggestion: Option<String>,
    },
    /// `id` differs from the file name.
    IdFilename {
        /// The `id` value.
        id: String,
        /// The file name's stem.
        stem: String,
    },
    /// Two files with one ID.
    DuplicateId {
        /// The ID.
        id: String,
        /// The other files holding it.
        others: Vec<String>,
        /// This file's path (for the `dx mv` that fixes it).
        path: String,
        /// The next free ID of its kind.
        next: String,
    },
    /// A record outside any 領域.
    OutsideDomain,
    /// A 領域 outside any 分野.
    DomainOutsideField {
        /// The 領域's id.
        domain: String,
    },
    /// None of a record's links stays in its own 領域 (or 分野 for a 課題).
    NoLinkInDomain {
        /// The record's 領域 (or 分野).
        domain: String,
        /// Whether `domain` is a 分野 (the record is a 課題).
        field: bool,
    },
    /// A link to an ID that does not exist.
    BrokenLink {
        /// The ID linked to.
        target: String,
        /// What kind it should be.
        expected: IdKind,
        /// The nearest existing ID.
        suggestion: Option<String>,
    },
    /// A meeting file names a record that does not exist.
    MeetingRecord {
        /// The ID.
        target: String,
        /// The nearest existing ID.
        suggestion: Option<String>,
    },
    /// A meeting file's `field` names no 分野 of the tree.
    MeetingField {
        /// The 分野 written.
        target: String,
        /// The nearest existing 分野.
        suggestion: Option<String>,
    },
    /// A meeting file measures an indicator its record does not have.
    MeetingIndicator {
        /// The record.
        record: String,
        /// The indicator as written.
        indicator: String,
        /// The record's indicators.
        known: Vec<String>,
    },
    /// dx.toml `[report] headline` names a record or an indicator that does
    /// not exist, or is not written `ID/指標名`.
    Headline {
        /// The entry as written.
        entry: String,
        /// The record's indicators; `None` when the record is not found.
        known: Option<Vec<String>>,
        /// The nearest existing record ID.
        suggestion: Option<String>,
    },
    /// A meeting file records a decision, review or measurement on a 課題.
    MeetingIssue {
        /// The 課題's ID.
        target: String,
    },
    /// A link to the wrong kind.
    WrongLinkKind {
        /// The ID linked to.
        target: String,
        /// What kind it should be.
        expected: IdKind,
        /// What kind it is.
        found: IdKind,
    },
    /// A required list is empty.
    MissingLink {
        /// The key.
        key: String,
        /// What kind the list names.
        expected: IdKind,
    },
    /// One ID twice in one list.
    DuplicateLink {
        /// The ID.
        target: String,
        /// How many times it is listed.
        count: usize,
    },
    /// dx.toml `lg_code` that is not six digits with their check digit.
    LgCode {
        /// As written.
        value: String,
        /// The code with the right check digit, when its first five digits
        /// are digits.
        expected: Option<String>,
    },
    /// TOML syntax typed full-width (＝, “ ”, 、, the ideographic space).
    FullWidthSyntax {
        /// The character as written.
        found: String,
        /// Its half-width form.
        instead: String,
    },
    /// A text that must say something is empty.
    EmptyValue {
        /// The key.
        key: String,
    },
    /// A public record links to an internal one.
    PublicLinksInternal {
        /// The internal record.
        target: String,
    },
    /// A department dx.toml does not list.
    UnknownDepartment {
        /// `owner`, `team.lead` or `team.departments`.
        key: String,
        /// As written.
        value: String,
        /// The nearest listed department.
        suggestion: Option<String>,
    },
    /// Two observations of one indicator on one date.
    DuplicateObservation {
        /// The indicator's name.
        indicator: String,
        /// The date.
        date: String,
    },
    /// A decision or observation dated after today.
    FutureDate {
        /// `decision` or `observation`.
        what: DatedEntry,
        /// The date.
        date: String,
        /// Today.
        today: String,
    },
    /// `expands` chains that loop.
    LinkCycle {
        /// The IDs around the loop, starting and ending with the same one.
        cycle: Vec<String>,
    },
    /// An active record linked to a retired parent.
    LinkToRetired {
        /// The parent's ID.
        target: String,
        /// Why it is retired.
        why: Retired,
    },
    /// A stage that needs an indicator has none.
    MissingIndicator {
        /// The stage.
        stage: Stage,
    },
    /// An indicator without a target.
    IndicatorWithoutTarget {
        /// The indicator's name.
        name: String,
    },
    /// An actual without the date it was measured.
    ActualWithoutMeasured {
        /// The indicator's name.
        name: String,
    },
    /// A stage that needs a decision has none.
    MissingDecision {
        /// The stage.
        stage: Stage,
    },
    /// A pilot with no team.
    MissingTeam {
        /// The stage.
        stage: Stage,
    },
    /// A review date that has passed.
    ReviewOverdue {
        /// The due date.
        due: String,
        /// Today.
        today: String,
    },
    /// A record in operation with no review date.
    ReviewMissing,
    /// A revision of the guideline changed what the record is linked to,
    /// and the record has not been taken up since (SPEC §7.4).
    RevisionReviewDue {
        /// The record.
        id: String,
        /// The revision's version.
        version: String,
        /// Its date.
        date: String,
        /// The changed reference reaching the record.
        via: String,
        /// A 課題 (its 課題の整理 again) rather than a 手法 or 技術 (a decision).
        issue: bool,
    },
    /// An active record links to a national item that is not in the
    /// current edition of the plan (SPEC §7.4).
    RetiredReference {
        /// The record.
        id: String,
        /// The national item.
        target: String,
        /// The current edition's version.
        edition: String,
        /// The current item that takes it over, if one does.
        successor: Option<String>,
    },
    /// A pilot past its indicators' target dates with no decision since.
    StalePilot {
        /// The latest target date.
        target_date: String,
        /// The stage.
        stage: Stage,
    },
    /// A date after the guideline's period.
    BeyondPeriod {
        /// The key.
        key: String,
        /// The date.
        date: String,
        /// The end of the period.
        period_end: String,
    },
    /// Text that looks like personal data.
    PersonalData {
        /// What it looks like.
        kind: PersonalKind,
        /// The matched text, masked for display.
        masked: String,
    },
}

/// Why a value is outside its allowed shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadValue {
    /// An ID prefix must be ASCII capital letters.
    Prefix,
    /// Two kinds share one ID prefix.
    PrefixClash,
    /// A rule slug that does not exist.
    UnknownRule,
    /// A severity that is not error, warning or allow.
    Severity,
    /// A number that is not finite.
    NotFinite,
    /// A ビジョン number used twice.
    DuplicateVisionNo,
    /// An 原則/配慮/国 id that does not match its pattern.
    ReferenceId,
    /// An empty text where one is required.
    Empty,
    /// A period whose end is before its start.
    PeriodOrder,
    /// `actual` beside `[[indicator.observation]]`.
    ActualWithObservations,
    /// A value in an observation marked 評価不能.
    ValueWhenUnmeasurable,
    /// A grade threshold that is not a positive number, or A's below B's.
    GradeThreshold,
}

/// What a dated entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatedEntry {
    /// `[[decision]]`.
    Decision,
    /// `[[indicator.observation]]`.
    Observation,
}
