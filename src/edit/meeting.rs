//! `dx apply MEETING.toml`: every decision, review and measurement of one
//! meeting file as one plan. Applying a meeting twice changes nothing the
//! second time: an entry already in its record (a decision of the same
//! date, body and result; an observation of the same date and value) is
//! skipped.

use super::{EditError, NewDecision, NewObservation, Plan, Session};
use crate::model::{Meeting, Model, ObservationStatus, Outcome};

/// Why one entry of a meeting cannot be applied.
#[derive(Clone, Debug)]
pub struct ItemError {
    /// `decision`, `review` or `measurement`, and its position from 1.
    pub entry: (&'static str, usize),
    /// What is wrong.
    pub error: EditError,
}

/// The plan of a whole meeting, or every entry that cannot be applied.
pub fn apply(model: &Model, meeting: &Meeting) -> Result<Plan, Vec<ItemError>> {
    let mut session = Session::new(model);
    let mut errors = Vec::new();
    let (Some(date), Some(body)) = (
        meeting.date.as_ref().map(|d| d.value),
        meeting.body.as_ref().map(|b| b.value),
    ) else {
        // dx check reports the missing date or body; nothing to apply.
        return Err(vec![ItemError {
            entry: ("meeting", 0),
            error: EditError::Invalid {
                what: "date, body".into(),
            },
        }]);
    };
    let text = |v: &Option<crate::files::Sp<compact_str::CompactString>>| {
        v.as_ref().map(|s| s.value.to_string())
    };
    for (n, item) in meeting.decisions.iter().enumerate() {
        let (Some(record), Some(result)) = (&item.record, &item.result) else {
            continue;
        };
        let decision = NewDecision {
            date: item.date.as_ref().map_or(date, |d| d.value),
            body: item.body.as_ref().map_or(body, |b| b.value),
            result: result.value,
            note: text(&item.note),
        };
        if already_decided(model, &record.value, &decision) {
            continue;
        }
        let next = item.next_review.as_ref().map(|d| d.value);
        if let Err(error) = session.decide(&record.value, &decision, next) {
            errors.push(ItemError {
                entry: ("decision", n + 1),
                error,
            });
        }
    }
    for (n, item) in meeting.reviews.iter().enumerate() {
        let Some(record) = &item.record else { continue };
        let when = item.date.as_ref().map_or(date, |d| d.value);
        let result = item.result.as_ref().map(|r| r.value);
        let probe = NewDecision {
            date: when,
            body,
            result: result.unwrap_or(Outcome::Continue),
            note: None,
        };
        if already_decided(model, &record.value, &probe) {
            continue;
        }
        let next = item.next_review.as_ref().map(|d| d.value);
        if let Err(error) = session.review(
            &record.value,
            when,
            Some(body),
            result,
            text(&item.note),
            next,
        ) {
            errors.push(ItemError {
                entry: ("review", n + 1),
                error,
            });
        }
    }
    for (n, item) in meeting.measurements.iter().enumerate() {
        let (Some(record), Some(indicator)) = (&item.record, &item.indicator) else {
            continue;
        };
        let observation = NewObservation {
            date: item.date.as_ref().map_or(date, |d| d.value),
            value: item.value.as_ref().map(|v| v.value),
            status: item
                .status
                .as_ref()
                .map_or(ObservationStatus::Final, |s| s.value),
            source: text(&item.source),
            note: text(&item.note),
        };
        if already_measured(model, &record.value, &indicator.value, &observation) {
            continue;
        }
        if let Err(error) = session.measure(&record.value, &indicator.value, &observation) {
            errors.push(ItemError {
                entry: ("measurement", n + 1),
                error,
            });
        }
    }
    if errors.is_empty() {
        Ok(session.finish())
    } else {
        Err(errors)
    }
}

fn already_decided(model: &Model, id: &str, d: &NewDecision) -> bool {
    model.record(id).is_some_and(|r| {
        r.decisions().iter().any(|x| {
            x.date.as_ref().map(|v| v.value) == Some(d.date)
                && x.body.as_ref().map(|v| v.value) == Some(d.body)
                && x.result.as_ref().map(|v| v.value) == Some(d.result)
        })
    })
}

fn already_measured(model: &Model, id: &str, indicator: &str, o: &NewObservation) -> bool {
    model.record(id).is_some_and(|r| {
        r.indicator_named(indicator).is_some_and(|(_, ind)| {
            ind.observations.iter().any(|x| {
                x.date.as_ref().map(|v| v.value) == Some(o.date)
                    && x.value.as_ref().map(|v| v.value) == o.value
            })
        })
    })
}
