//! Reading a meeting file (`meetings/*.toml`, SPEC §6.4) into a [`Meeting`].

use super::super::reader::{Reader, Table};
use super::super::{Body, Meeting, MeetingItem, ObservationStatus, Outcome, keys};
use crate::files::FileId;

/// The meeting in `root`: its date and body are required, each entry its
/// record; the rest of an entry is checked against its table's keys.
pub(super) fn read_meeting(r: &mut Reader<'_>, root: Table<'_, '_>, file: FileId) -> Meeting {
    r.check_keys(root, keys::MEETING);
    let mut meeting = Meeting {
        file,
        date: r.date(root, "date", true),
        body: r.vocab(root, "body", true, Body::WORDS, Body::parse),
        field: r.string(root, "field", false),
        title: r.string(root, "title", false),
        minutes: r.string(root, "minutes", false),
        decisions: Vec::new(),
        reviews: Vec::new(),
        measurements: Vec::new(),
    };
    for (table, span) in r.tables(root, "decision") {
        let t = Table::nested(table, &span, "decision.");
        r.check_keys(t, keys::MEETING_DECISION);
        let unfilled = r.blank_string(t, "result");
        let result = r.vocab(t, "result", true, Outcome::WORDS, Outcome::parse);
        let referred = result.as_ref().is_some_and(|o| o.value == Outcome::Refer);
        meeting.decisions.push(MeetingItem {
            span: Some(r.loc(span.clone())),
            unfilled,
            record: r.string(t, "record", true),
            result,
            to: r.vocab(t, "to", referred, Body::WORDS, Body::parse),
            body: r.vocab(t, "body", false, Body::WORDS, Body::parse),
            date: r.date(t, "date", false),
            next_review: r.date(t, "next_review", false),
            note: r.string(t, "note", false),
            ..MeetingItem::default()
        });
    }
    for (table, span) in r.tables(root, "review") {
        let t = Table::nested(table, &span, "review.");
        r.check_keys(t, keys::MEETING_REVIEW);
        let unfilled = r.blank_string(t, "result");
        meeting.reviews.push(MeetingItem {
            span: Some(r.loc(span.clone())),
            unfilled,
            record: r.string(t, "record", true),
            result: r.vocab(t, "result", false, Outcome::WORDS, Outcome::parse),
            date: r.date(t, "date", false),
            next_review: r.date(t, "next_review", false),
            note: r.string(t, "note", false),
            ..MeetingItem::default()
        });
    }
    for (table, span) in r.tables(root, "measurement") {
        let t = Table::nested(table, &span, "measurement.");
        r.check_keys(t, keys::MEETING_MEASUREMENT);
        let value = r.number(t, "value");
        let status = r.vocab(
            t,
            "status",
            false,
            ObservationStatus::WORDS,
            ObservationStatus::parse,
        );
        let unmeasurable = status
            .as_ref()
            .is_some_and(|s| s.value == ObservationStatus::Unmeasurable);
        // No value key at all (not one of the wrong type): left to fill.
        let unfilled = (!unmeasurable && !t.table.iter().any(|(k, _)| k.get_ref() == "value"))
            .then(|| r.loc(span.clone()));
        meeting.measurements.push(MeetingItem {
            span: Some(r.loc(span)),
            unfilled,
            record: r.string(t, "record", true),
            indicator: r.string(t, "indicator", true),
            value,
            date: r.date(t, "date", false),
            status,
            source: r.string(t, "source", false),
            note: r.string(t, "note", false),
            ..MeetingItem::default()
        });
    }
    meeting
}
