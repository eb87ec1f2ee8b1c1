//! The keys each file kind knows, in canonical order (SPEC §2).
//!
//! One table serves the loader (unknown keys, suggestions) and, later, the
//! formatter's key order and the JSON Schemas.

use super::Kind;

/// dx.toml top-level tables.
pub const SETTINGS: &[&str] = &[
    "tree",
    "review",
    "ids",
    "rules",
    "privacy",
    "grades",
    "display",
    "organization",
    "contact",
    "revision",
    "accessibility",
    "report",
];
/// dx.toml `[report]`: what the public report shows first.
pub const SETTINGS_REPORT: &[&str] = &["headline"];
/// dx.toml `[accessibility]`: the accessibility statement of the public
/// report, as the city declares it.
pub const SETTINGS_ACCESSIBILITY: &[&str] = &[
    "declared",
    "level",
    "tested",
    "scope",
    "pages",
    "exceptions",
    "contact",
];
/// dx.toml `[[revision]]`: the guideline's 改訂歴 (SPEC §7.4).
pub const SETTINGS_REVISION: &[&str] = &["version", "date", "summary", "changed"];
/// dx.toml `[contact]`.
pub const SETTINGS_CONTACT: &[&str] = &["name", "phone", "email"];
/// dx.toml `[organization]`.
pub const SETTINGS_ORGANIZATION: &[&str] = &["departments"];
/// dx.toml `[grades]`.
pub const SETTINGS_GRADES: &[&str] = &["a_pace", "b_pace", "max_age_months", "labels"];
/// dx.toml `[grades.labels]`.
pub const SETTINGS_GRADE_LABELS: &[&str] = &["A", "B", "C", "D"];
/// dx.toml `[display]`.
pub const SETTINGS_DISPLAY: &[&str] = &["dates"];
/// dx.toml `[tree]`.
pub const SETTINGS_TREE: &[&str] = &[
    "organization",
    "guideline",
    "guideline_version",
    "period_start",
    "period_end",
    "lg_code",
    "secretariat",
];
/// dx.toml `[review]`.
pub const SETTINGS_REVIEW: &[&str] = &["interval_months"];
/// dx.toml `[ids]`.
pub const SETTINGS_IDS: &[&str] = &["issue", "method", "technology"];
/// dx.toml `[privacy]`.
pub const SETTINGS_PRIVACY: &[&str] = &["allowed_email_domains", "allowed_phone_numbers"];

/// A meeting file under `meetings/`.
pub const MEETING: &[&str] = &[
    "date",
    "body",
    "field",
    "title",
    "minutes",
    "decision",
    "review",
    "measurement",
];
/// A meeting's `[[decision]]`.
pub const MEETING_DECISION: &[&str] = &[
    "record",
    "result",
    "to",
    "body",
    "date",
    "next_review",
    "note",
];
/// A meeting's `[[review]]`.
pub const MEETING_REVIEW: &[&str] = &["record", "result", "date", "next_review", "note"];
/// A meeting's `[[measurement]]`.
pub const MEETING_MEASUREMENT: &[&str] = &[
    "record",
    "indicator",
    "value",
    "date",
    "status",
    "source",
    "note",
];

/// principles.toml.
pub const PRINCIPLES: &[&str] = &["principle", "consideration"];
/// national.toml.
pub const NATIONAL: &[&str] = &["source", "priority", "edition"];
/// national.toml `[[edition]]`: one edition of the national plan (SPEC §7.4).
pub const EDITION: &[&str] = &["version", "date", "current", "priority"];
/// An edition's `[[edition.priority]]`.
pub const EDITION_PRIORITY: &[&str] = &["id", "title", "replaces"];
/// One `[[principle]]`, `[[consideration]]` or `[[priority]]`.
pub const REFERENCE: &[&str] = &["id", "title"];
/// field.toml.
pub const FIELD: &[&str] = &["name", "working_group", "vision"];
/// One `[[vision]]`.
pub const VISION: &[&str] = &["no", "text"];
/// domain.toml.
pub const DOMAIN: &[&str] = &["name", "description"];

/// A 課題's keys besides its free texts (`texts::TEXTS`).
pub const ISSUE: &[&str] = &[
    "id",
    "title",
    "vision",
    "reviewed",
    "owner",
    "visibility",
    "tags",
    "closed",
];
/// A 手法's keys besides its free texts (`texts::TEXTS`).
pub const METHOD: &[&str] = &[
    "id",
    "title",
    "solves",
    "principles",
    "considerations",
    "national",
    "expands",
    "stage",
    "owner",
    "visibility",
    "tags",
    "review_due",
    "team",
    "indicator",
    "decision",
];
/// A 技術's keys besides its free texts (`texts::TEXTS`).
pub const TECHNOLOGY: &[&str] = &[
    "id",
    "title",
    "implements",
    "stage",
    "national",
    "owner",
    "visibility",
    "tags",
    "review_due",
    "team",
    "indicator",
    "decision",
];
/// The record keys holding lists of IDs: sets in meaning, so `dx fmt` sorts
/// them and drops repeats.
pub const LINK_LISTS: &[&str] = &[
    "vision",
    "solves",
    "principles",
    "considerations",
    "national",
    "implements",
];

/// `[closed]`.
pub const CLOSED: &[&str] = &["date", "reason"];
/// `[team]`.
pub const TEAM: &[&str] = &["name", "kind", "lead", "departments"];
/// `[[indicator]]`.
pub const INDICATOR: &[&str] = &[
    "name",
    "unit",
    "baseline",
    "baseline_date",
    "target",
    "target_date",
    "actual",
    "measured",
    "observation",
];
/// `[[indicator.observation]]`.
pub const OBSERVATION: &[&str] = &["date", "value", "status", "source", "note"];
/// `[[decision]]`.
pub const DECISION: &[&str] = &["date", "body", "result", "to", "note"];

/// The keys of a record kind, in canonical order: [`ISSUE`], [`METHOD`] or
/// [`TECHNOLOGY`] with the kind's free texts (`texts::TEXTS`) each after
/// the key it follows. Made once.
#[must_use]
pub fn record_keys(kind: Kind) -> &'static [&'static str] {
    static KEYS: std::sync::LazyLock<[Vec<&'static str>; 3]> = std::sync::LazyLock::new(|| {
        [Kind::Issue, Kind::Method, Kind::Technology].map(|kind| {
            let mut keys = match kind {
                Kind::Issue => ISSUE,
                Kind::Method => METHOD,
                Kind::Technology => TECHNOLOGY,
            }
            .to_vec();
            for t in super::texts::of_kind(kind) {
                // A text whose key to follow is missing goes last; the
                // table's test names it.
                let at = keys
                    .iter()
                    .position(|k| *k == t.after)
                    .map_or(keys.len(), |i| i + 1);
                keys.insert(at, t.key());
            }
            keys
        })
    });
    &KEYS[kind as usize]
}
