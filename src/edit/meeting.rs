//! `dx apply`: every decision, review and measurement of one meeting file
//! as one plan (SPEC §6.4, §7.1). Applying a meeting twice changes nothing
//! the second time: an entry already in its record (a decision of the same
//! date, body and result; an observation of the same date and value) is
//! said to be recorded and skipped, and an entry listed twice is recorded
//! once. The meeting file has been checked by `dx check`'s own code before
//! this runs; here only what needs the records is decided.

use super::{EditError, NewDecision, NewObservation, Options, Plan, Session};
use crate::files::Loc;
use crate::model::{Meeting, MeetingItem, Model, ObservationStatus};

/// The three kinds of entry of a meeting file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// `[[decision]]`.
    Decision,
    /// `[[review]]`.
    Review,
    /// `[[measurement]]`.
    Measurement,
}

impl EntryKind {
    /// The table's name as written in the file.
    #[must_use]
    pub fn table(self) -> &'static str {
        match self {
            Self::Decision => "decision",
            Self::Review => "review",
            Self::Measurement => "measurement",
        }
    }
}

/// One entry of a meeting, for messages: its kind, its header, its record.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Its table.
    pub kind: EntryKind,
    /// Where its header stands (or its empty `result`, for 未記入).
    pub at: Option<Loc>,
    /// The record it names.
    pub record: String,
}

/// Why one entry of a meeting cannot be applied.
#[derive(Clone, Debug)]
pub struct ItemError {
    /// The entry.
    pub entry: Entry,
    /// What is wrong.
    pub error: EditError,
}

/// What applying a meeting would do.
#[derive(Debug, Default)]
pub struct Applied {
    /// The files to write.
    pub plan: Plan,
    /// The entries applied (unfilled ones not counted).
    pub entries: usize,
}

fn entry(kind: EntryKind, item: &MeetingItem) -> Entry {
    Entry {
        kind,
        at: item.unfilled.or(item.span),
        record: item
            .record
            .as_ref()
            .map(|r| r.value.to_string())
            .unwrap_or_default(),
    }
}

/// The unfilled entries of a meeting (SPEC §7.1 未記入), in file order.
#[must_use]
pub fn unfilled(meeting: &Meeting) -> Vec<Entry> {
    let mut out: Vec<Entry> = items(meeting)
        .filter(|(_, item)| item.unfilled.is_some())
        .map(|(kind, item)| entry(kind, item))
        .collect();
    out.sort_by_key(|e| e.at.map(|l| l.range().start));
    out
}

fn items(meeting: &Meeting) -> impl Iterator<Item = (EntryKind, &MeetingItem)> {
    meeting
        .decisions
        .iter()
        .map(|i| (EntryKind::Decision, i))
        .chain(meeting.reviews.iter().map(|i| (EntryKind::Review, i)))
        .chain(
            meeting
                .measurements
                .iter()
                .map(|i| (EntryKind::Measurement, i)),
        )
}

/// The plan of a whole meeting, or every entry that cannot be applied.
/// Unfilled entries ([`unfilled`]) are never applied: the caller refuses a
/// meeting that has them, or leaves them out under `--skip-unfilled`.
pub fn apply(
    model: &Model,
    meeting: &Meeting,
    options: Options,
) -> Result<Applied, Vec<ItemError>> {
    let mut session = Session::new(model, options);
    let mut errors = Vec::new();
    let mut applied = Applied::default();
    let (Some(date), Some(body)) = (
        meeting.date.as_ref().map(|d| d.value),
        meeting.body.as_ref().map(|b| b.value),
    ) else {
        // dx check has reported the missing date or body; the caller
        // refuses on its findings before it gets here.
        return Err(Vec::new());
    };
    let text = |v: &Option<crate::files::Sp<compact_str::CompactString>>| {
        v.as_ref().map(|s| s.value.to_string())
    };
    for (kind, item) in items(meeting) {
        if item.unfilled.is_some() {
            continue;
        }
        let Some(record) = &item.record else { continue };
        applied.entries += 1;
        let when = item.date.as_ref().map_or(date, |d| d.value);
        let next = item.next_review.as_ref().map(|d| d.value);
        let done = match kind {
            EntryKind::Decision => {
                let Some(result) = &item.result else { continue };
                let decision = NewDecision {
                    date: when,
                    body: item.body.as_ref().map_or(body, |b| b.value),
                    result: result.value,
                    to: item.to.as_ref().map(|b| b.value),
                    note: text(&item.note),
                };
                session.decide(&record.value, &decision, next)
            }
            EntryKind::Review => session.review(
                &record.value,
                when,
                Some(body),
                item.result.as_ref().map(|r| r.value),
                text(&item.note),
                next,
            ),
            EntryKind::Measurement => {
                let Some(indicator) = &item.indicator else {
                    continue;
                };
                let observation = NewObservation {
                    date: when,
                    value: item.value.as_ref().map(|v| v.value),
                    status: item
                        .status
                        .as_ref()
                        .map_or(ObservationStatus::Final, |s| s.value),
                    source: text(&item.source),
                    note: text(&item.note),
                };
                session.measure(&record.value, &indicator.value, &observation)
            }
        };
        if let Err(error) = done {
            errors.push(ItemError {
                entry: entry(kind, item),
                error,
            });
        }
    }
    if errors.is_empty() {
        applied.plan = session.finish();
        Ok(applied)
    } else {
        Err(errors)
    }
}
