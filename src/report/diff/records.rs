//! Changes of each record: its stage, its decisions, its fields.

use super::*;
use crate::names::Fact;

impl Diff {
    pub(super) fn state_change(
        &mut self,
        base: Option<(&Model, RecordIdx)>,
        head: &Model,
        h: RecordIdx,
    ) {
        let now = crate::report::state(head, h);
        let before = base.and_then(|(m, b)| crate::report::state(m, b));
        let Some(now) = now else { return };
        if before == Some(now) {
            return;
        }
        let (mut backwards, mut skipped_pilot) = (false, false);
        if let (crate::report::State::Progress(to), Some(crate::report::State::Progress(from))) =
            (now, before)
        {
            backwards = to < from;
        }
        if let crate::report::State::Stage(to) = now {
            let from = match before {
                Some(crate::report::State::Stage(s)) => Some(s),
                _ => None,
            };
            // One step the transition table allows (SPEC §7.1: 見送り → 実証実験
            // re-opens) is never backwards; anything else that goes down
            // the stages, or out of 見送り/廃止, is (a `--force` shows here).
            backwards = from.is_some_and(|f| {
                !f.can_move_to(to)
                    && ((f.is_retired() && !to.is_retired())
                        || (!to.is_retired() && stage_rank(to) < stage_rank(f)))
            });
            let piloted = from.is_some_and(Stage::is_pilot)
                || head.records[h].decisions().iter().any(|x| {
                    matches!(
                        x.result.as_ref().map(|r| r.value),
                        Some(Outcome::StartPilot | Outcome::EarlyAdoption)
                    )
                });
            skipped_pilot = matches!(to, Stage::Decided | Stage::Operation)
                && from.is_none_or(|f| stage_rank(f) < 2)
                && !piloted;
        }
        // A new 課題 at 未着手 is not news; its arrival is listed under "added".
        if before.is_none() && matches!(now, crate::report::State::Progress(_)) {
            return;
        }
        self.state_changes.push(StateChange {
            record: RecordRef::of(head, h),
            from: before.map(|s| s.as_str().to_owned()),
            to: now.as_str().to_owned(),
            backwards,
            skipped_pilot,
        });
    }

    /// Decisions matched by date and body (in order, for several on one
    /// day by one body): new ones, and edited or removed ones.
    pub(super) fn decisions(
        &mut self,
        base: Option<(&Model, RecordIdx)>,
        head: &Model,
        h: RecordIdx,
    ) {
        use crate::model::Decision;
        let key = |d: &Decision| {
            (
                d.date.as_ref().map(|x| x.value),
                d.body.as_ref().map(|x| x.value),
            )
        };
        let result = |d: &Decision| d.result.as_ref().map(|x| x.value.as_str());
        let note = |d: &Decision| d.note.as_ref().map(|x| x.value.to_string());
        let old: &[Decision] = base.map_or(&[], |(m, b)| m.records[b].decisions());
        let new = head.records[h].decisions();
        let mut matched = vec![false; new.len()];
        for o in old {
            let partner = new
                .iter()
                .enumerate()
                .find(|(j, n)| !matched[*j] && key(n) == key(o))
                .map(|(j, _)| j);
            let changed = match partner {
                Some(j) => {
                    matched[j] = true;
                    let n = &new[j];
                    (result(n) != result(o) || note(n) != note(o))
                        .then_some((Change::Edited, Some(n)))
                }
                None => Some((Change::Removed, None)),
            };
            if let Some((change, after)) = changed {
                self.decision_changes.push(DecisionChange {
                    record: RecordRef::of(head, h),
                    change,
                    date: o.date.as_ref().map(|x| x.value.to_string()),
                    body: o.body.as_ref().map(|x| x.value.as_str()),
                    result_before: result(o),
                    result_after: after.and_then(result),
                    note_before: note(o),
                    note_after: after.and_then(note),
                });
            }
        }
        let mut added: Vec<&Decision> = new
            .iter()
            .zip(&matched)
            .filter(|(_, m)| !**m)
            .map(|(d, _)| d)
            .collect();
        added.sort_by_key(|d| d.date.as_ref().map(|x| x.value));
        for d in added {
            self.new_decisions.push(NewDecision {
                record: RecordRef::of(head, h),
                date: d.date.as_ref().map(|x| x.value.to_string()),
                body: d.body.as_ref().map(|x| x.value.as_str()),
                result: d.result.as_ref().map(|x| x.value.as_str()),
                note: note(d),
            });
        }
    }

    /// The values of a record kept in both revisions.
    pub(super) fn fields(&mut self, base: &Model, b: RecordIdx, head: &Model, h: RecordIdx) {
        let (o, n) = (&base.records[b], &head.records[h]);
        let text = |v: Option<&crate::files::Sp<compact_str::CompactString>>| {
            v.map(|x| x.value.to_string())
        };
        let tags = |r: &crate::model::Record| {
            (!r.tags.is_empty()).then(|| {
                r.tags
                    .iter()
                    .map(|t| t.value.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        };
        let team = |r: &crate::model::Record| {
            r.team().map(|t| {
                let mut parts = vec![text(t.name.as_ref()).unwrap_or_default()];
                if let Some(k) = &t.kind {
                    parts.push(k.value.as_str().to_owned());
                }
                if let Some(l) = &t.lead {
                    parts.push(l.value.to_string());
                }
                if !t.departments.is_empty() {
                    parts.push(
                        t.departments
                            .iter()
                            .map(|d| d.value.as_str())
                            .collect::<Vec<_>>()
                            .join(" "),
                    );
                }
                parts.join(" / ")
            })
        };
        let closed = |r: &crate::model::Record| {
            r.closed().map(|c| {
                format!(
                    "{} {}",
                    c.date
                        .as_ref()
                        .map(|d| d.value.to_string())
                        .unwrap_or_default(),
                    text(c.reason.as_ref()).unwrap_or_default()
                )
            })
        };
        let review = |r: &crate::model::Record| r.review_due().map(|d| d.value);
        let visibility = |r: &crate::model::Record| r.visibility();
        let pairs: [(Fact, Option<String>, Option<String>, bool); 7] = [
            (
                Fact::Title,
                Some(o.title().to_owned()),
                Some(n.title().to_owned()),
                false,
            ),
            (
                Fact::Owner,
                text(o.owner.as_ref()),
                text(n.owner.as_ref()),
                false,
            ),
            (
                Fact::Visibility,
                Some(visibility(o).as_str().to_owned()),
                Some(visibility(n).as_str().to_owned()),
                visibility(o) == crate::model::Visibility::Internal
                    && visibility(n) == crate::model::Visibility::Public,
            ),
            (Fact::Tags, tags(o), tags(n), false),
            (Fact::Team, team(o), team(n), false),
            (
                Fact::ReviewDue,
                review(o).map(|d| d.to_string()),
                review(n).map(|d| d.to_string()),
                // A review postponed, or its date removed, with no decision
                // of the same change behind it (SPEC §7.1: a decision that
                // moves review_due is a 定期的な見直し, not a postponement).
                review(o).is_some_and(|before| review(n).is_none_or(|after| after > before))
                    && !new_decision(o, n),
            ),
            (Fact::Closed, closed(o), closed(n), false),
        ];
        // Then the free texts, as their table declares them.
        let texts = crate::model::texts::TEXTS
            .iter()
            .map(|t| (t.fact, text(o.text(t.fact)), text(n.text(t.fact)), false));
        for (key, before, after, flagged) in pairs.into_iter().chain(texts) {
            if before != after {
                self.field_changes.push(FieldChange {
                    record: n.id.to_string(),
                    key,
                    before,
                    after,
                    flagged,
                });
            }
        }
    }
}
