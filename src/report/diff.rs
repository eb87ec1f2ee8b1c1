//! `dx diff BASE [HEAD]`: what changed in the portfolio between two states of
//! the tree, for the reviewer of a pull request and for the minutes.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::doc::{Block, Doc, Table};
use super::gap::Coverage;
use super::{RecordRef, number, percent, state_word};
use crate::i18n::Lang;
use crate::model::{Model, Outcome, Progress, RecordIdx, Resolution, Stage, attainment};

/// A record that changed folder.
#[derive(Clone, Debug, Serialize)]
pub struct Moved {
    /// The record (as it is now).
    pub record: RecordRef,
    /// Its path before.
    pub from: String,
    /// Its path now.
    pub to: String,
}

/// A change of stage (手法/技術) or progress (課題).
#[derive(Clone, Debug, Serialize)]
pub struct StateChange {
    /// The record (as it is now).
    pub record: RecordRef,
    /// Before; `None` for a new record.
    pub from: Option<String>,
    /// Now.
    pub to: String,
    /// A move back in the process (導入決定 → 実証実験, or out of 見送り/廃止).
    pub backwards: bool,
    /// 導入決定 or 運用 without having passed a pilot (no 実証実験/先行導入
    /// before, no 実証開始/先行導入 decision).
    pub skipped_pilot: bool,
}

/// A decision that was not there before.
#[derive(Clone, Debug, Serialize)]
pub struct NewDecision {
    /// The record.
    pub record: RecordRef,
    /// Date.
    pub date: Option<String>,
    /// Body.
    pub body: Option<&'static str>,
    /// Result.
    pub result: Option<&'static str>,
    /// Note.
    pub note: Option<String>,
}

/// An indicator whose values changed.
#[derive(Clone, Debug, Serialize)]
pub struct IndicatorChange {
    /// The record.
    pub record: RecordRef,
    /// Indicator name.
    pub name: String,
    /// Unit.
    pub unit: String,
    /// Actual before.
    pub actual_before: Option<f64>,
    /// Actual now.
    pub actual_after: Option<f64>,
    /// Measured on, now.
    pub measured: Option<String>,
    /// Attainment before.
    pub attainment_before: Option<f64>,
    /// Attainment now.
    pub attainment_after: Option<f64>,
}

/// A value of a record that changed (title, owner, visibility …).
#[derive(Clone, Debug, Serialize)]
pub struct FieldChange {
    /// The record.
    pub record: String,
    /// The key (`title`, `owner`, `visibility`, `tags`, `team`,
    /// `review_due`, `closed`, `current`, `gap`, `product`).
    pub key: &'static str,
    /// Before, as written (lists joined with `, `).
    pub before: Option<String>,
    /// After.
    pub after: Option<String>,
    /// A change a reviewer must see: internal → public, a review postponed.
    pub flagged: bool,
}

/// A decision of the log that was edited or removed (matched by date and
/// body): the decision log is a record, so both are flagged.
#[derive(Clone, Debug, Serialize)]
pub struct DecisionChange {
    /// The record.
    pub record: RecordRef,
    /// `edited` or `removed`.
    pub change: &'static str,
    /// Its date.
    pub date: Option<String>,
    /// Its body.
    pub body: Option<&'static str>,
    /// Result before.
    pub result_before: Option<&'static str>,
    /// Result after (none when removed).
    pub result_after: Option<&'static str>,
    /// Note before.
    pub note_before: Option<String>,
    /// Note after.
    pub note_after: Option<String>,
}

/// One value of an indicator that changed.
#[derive(Clone, Debug, Serialize)]
pub struct ValueChange {
    /// `baseline`, `target`, `target_date` or `unit`.
    pub key: &'static str,
    /// Before.
    pub before: Option<String>,
    /// After.
    pub after: Option<String>,
}

/// An indicator added, removed or changed (matched by name).
#[derive(Clone, Debug, Serialize)]
pub struct IndicatorDiff {
    /// The record.
    pub record: RecordRef,
    /// The indicator's name.
    pub name: String,
    /// `added`, `removed` or `changed`.
    pub change: &'static str,
    /// Its values that changed.
    pub values: Vec<ValueChange>,
    /// The target moved towards the baseline, or the target date later.
    pub lowered_ambition: bool,
    /// Observations added.
    pub observations_added: usize,
    /// The grade before, if it existed.
    pub grade_before: Option<&'static str>,
    /// The grade after, if it exists.
    pub grade_after: Option<&'static str>,
}

/// A finding the change introduces or fixes.
#[derive(Clone, Debug, Serialize)]
pub struct FindingChange {
    /// The rule's slug.
    pub rule: &'static str,
    /// `error` or `warning`.
    pub severity: &'static str,
    /// The record, if the finding is about one.
    pub record: Option<String>,
    /// The file.
    pub path: String,
    /// What it says (in the output language).
    pub message: String,
}

/// Reference data that changed, with every record it reaches.
#[derive(Clone, Debug, Serialize)]
pub struct ReferenceImpact {
    /// `vision`, `principle`, `consideration`, `national`, `field`,
    /// `domain` or `settings`.
    pub kind: &'static str,
    /// Its ID (the dx.toml key for settings).
    pub id: String,
    /// Before.
    pub before: Option<String>,
    /// After.
    pub after: Option<String>,
    /// The records linking to it, directly and down the links (課題 →
    /// 手法 → 技術), in ID order; every record for a dx.toml setting.
    pub records: Vec<String>,
}

/// A link added or removed.
#[derive(Clone, Debug, Serialize)]
pub struct LinkChange {
    /// The record holding the link.
    pub record: String,
    /// The key (`solves`, `vision` …).
    pub key: &'static str,
    /// The ID linked to.
    pub target: String,
}

/// ビジョン coverage counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CoverageCount {
    /// Covered.
    pub covered: usize,
    /// Only 未着手 課題.
    pub unaddressed: usize,
    /// No 課題.
    pub uncovered: usize,
}

/// A ビジョン item whose coverage changed.
#[derive(Clone, Debug, Serialize)]
pub struct CoverageChange {
    /// `kurashi-1`.
    pub id: String,
    /// Before (`None` when the item did not exist).
    pub before: Option<Coverage>,
    /// Now.
    pub after: Option<Coverage>,
}

/// The name of the files as they are now, in JSON (shown in the user's
/// language elsewhere). No git revision can be named so: it has a space.
pub const WORKING_TREE: &str = "working tree";

/// The portfolio change.
#[derive(Clone, Debug, Serialize)]
pub struct Diff {
    /// The base revision.
    pub base: String,
    /// The head revision, or [`WORKING_TREE`].
    pub head: String,
    /// Records only in head.
    pub added: Vec<RecordRef>,
    /// Records only in base (as they were).
    pub removed: Vec<RecordRef>,
    /// Records in another folder.
    pub moved: Vec<Moved>,
    /// Stage and progress changes.
    pub state_changes: Vec<StateChange>,
    /// Decisions added.
    pub new_decisions: Vec<NewDecision>,
    /// Indicators updated.
    pub indicator_updates: Vec<IndicatorChange>,
    /// Links added to existing records.
    pub links_added: Vec<LinkChange>,
    /// Links removed from existing records.
    pub links_removed: Vec<LinkChange>,
    /// ビジョン coverage before.
    pub coverage_before: CoverageCount,
    /// ビジョン coverage now.
    pub coverage_after: CoverageCount,
    /// Items whose coverage changed.
    pub coverage_changes: Vec<CoverageChange>,
    /// Values of records that changed.
    pub field_changes: Vec<FieldChange>,
    /// Decisions edited or removed.
    pub decision_changes: Vec<DecisionChange>,
    /// Indicators added, removed or changed.
    pub indicator_changes: Vec<IndicatorDiff>,
    /// Findings the change introduces (see [`Diff::findings`]).
    pub findings_introduced: Vec<FindingChange>,
    /// Findings the change fixes.
    pub findings_fixed: Vec<FindingChange>,
    /// Reference data that changed, with the records it reaches.
    pub impact: Vec<ReferenceImpact>,
}

fn stage_rank(s: Stage) -> u8 {
    match s {
        Stage::Study => 0,
        Stage::Pilot | Stage::EarlyAdoption => 1,
        Stage::Decided => 2,
        Stage::Operation => 3,
        Stage::Rejected | Stage::Retired => 4,
    }
}

fn by_id(model: &Model) -> HashMap<&str, RecordIdx> {
    // The first file wins for a duplicated ID, as in the lookup.
    let mut map = HashMap::with_capacity(model.records.len());
    for (i, r) in model.records.enumerate() {
        map.entry(r.id.as_str()).or_insert(i);
    }
    map
}

fn coverage(model: &Model) -> BTreeMap<String, Coverage> {
    let mut out = BTreeMap::new();
    for (f, field) in model.fields.enumerate() {
        for (v, item) in field.vision.iter().enumerate() {
            let best = model.back.vision_issues[f][v]
                .iter()
                .map(|&i| model.progress(i))
                .max();
            let c = match best {
                None => Coverage::Uncovered,
                Some(Progress::NotStarted) => Coverage::Unaddressed,
                Some(_) => Coverage::Covered,
            };
            out.insert(item.id.clone(), c);
        }
    }
    out
}

fn count(c: &BTreeMap<String, Coverage>) -> CoverageCount {
    let n = |k| c.values().filter(|&&v| v == k).count();
    CoverageCount {
        covered: n(Coverage::Covered),
        unaddressed: n(Coverage::Unaddressed),
        uncovered: n(Coverage::Uncovered),
    }
}

/// Whether `n` has a decision (by date, body and result) that `o` had not.
fn new_decision(o: &crate::model::Record, n: &crate::model::Record) -> bool {
    let key = |d: &crate::model::Decision| {
        (
            d.date.as_ref().map(|v| v.value),
            d.body.as_ref().map(|v| v.value),
            d.result.as_ref().map(|v| v.value),
        )
    };
    let before: std::collections::HashSet<_> = o.decisions().iter().map(key).collect();
    n.decisions().iter().any(|d| !before.contains(&key(d)))
}

/// Records renamed by the change (`dx mv`): an ID only in the head paired
/// with an ID only in the base of the same kind and title, when that pair
/// is the only one. Keyed by the new ID.
fn renames<'m>(
    base: &'m Model,
    head: &'m Model,
    b_ids: &HashMap<&'m str, RecordIdx>,
    h_ids: &HashMap<&'m str, RecordIdx>,
) -> HashMap<&'m str, RecordIdx> {
    let mut gone: HashMap<(crate::model::Kind, &str), Option<RecordIdx>> = HashMap::new();
    for (id, &b) in b_ids {
        if !h_ids.contains_key(id) {
            let r = &base.records[b];
            gone.entry((r.kind, r.title()))
                .and_modify(|e| *e = None)
                .or_insert(Some(b));
        }
    }
    let mut new: HashMap<(crate::model::Kind, &str), Option<&str>> = HashMap::new();
    for (id, &h) in h_ids {
        if !b_ids.contains_key(id) {
            let r = &head.records[h];
            new.entry((r.kind, r.title()))
                .and_modify(|e| *e = None)
                .or_insert(Some(*id));
        }
    }
    new.into_iter()
        .filter_map(|(key, id)| Some((id?, (*gone.get(&key)?)?)))
        .collect()
}

fn links(model: &Model, i: RecordIdx) -> BTreeSet<(&'static str, String)> {
    model
        .resolved_links(i)
        .filter(|(_, _, res)| !matches!(res, Resolution::Unchecked))
        .map(|(k, l, _)| (k.key, l.value.to_string()))
        .collect()
}

impl Diff {
    /// Compare two models of the same tree.
    #[must_use]
    pub fn build(
        base: &Model,
        head: &Model,
        base_name: &str,
        head_name: &str,
        today: jiff::civil::Date,
    ) -> Self {
        let (b_ids, h_ids) = (by_id(base), by_id(head));
        let mut d = Self {
            base: base_name.to_owned(),
            head: head_name.to_owned(),
            added: Vec::new(),
            removed: Vec::new(),
            moved: Vec::new(),
            state_changes: Vec::new(),
            new_decisions: Vec::new(),
            indicator_updates: Vec::new(),
            links_added: Vec::new(),
            links_removed: Vec::new(),
            coverage_before: CoverageCount::default(),
            coverage_after: CoverageCount::default(),
            coverage_changes: Vec::new(),
            field_changes: Vec::new(),
            decision_changes: Vec::new(),
            indicator_changes: Vec::new(),
            findings_introduced: Vec::new(),
            findings_fixed: Vec::new(),
            impact: Vec::new(),
        };
        let mut head_ids: Vec<(&str, RecordIdx)> = h_ids.iter().map(|(k, v)| (*k, *v)).collect();
        head_ids.sort_by(|a, b| crate::model::ids::natural_cmp(a.0, b.0));
        let renamed = renames(base, head, &b_ids, &h_ids);
        for (id, h) in head_ids {
            let rec = RecordRef::of(head, h);
            match b_ids.get(id).or_else(|| renamed.get(id)) {
                None => {
                    d.added.push(rec.clone());
                    d.state_change(None, head, h);
                    d.decisions(None, head, h);
                    d.indicators(None, head, h, today);
                }
                Some(&b) => {
                    let (from, to) = (
                        base.path_of(&base.records[b]),
                        head.path_of(&head.records[h]),
                    );
                    if from != to {
                        d.moved.push(Moved {
                            record: rec.clone(),
                            from: from.to_owned(),
                            to: to.to_owned(),
                        });
                    }
                    d.state_change(Some((base, b)), head, h);
                    d.decisions(Some((base, b)), head, h);
                    d.indicators(Some((base, b)), head, h, today);
                    d.fields(base, b, head, h);
                    let (before, after) = (links(base, b), links(head, h));
                    for (key, target) in after.difference(&before) {
                        d.links_added.push(LinkChange {
                            record: id.to_owned(),
                            key,
                            target: target.clone(),
                        });
                    }
                    for (key, target) in before.difference(&after) {
                        d.links_removed.push(LinkChange {
                            record: id.to_owned(),
                            key,
                            target: target.clone(),
                        });
                    }
                }
            }
        }
        let renamed_from: std::collections::HashSet<RecordIdx> =
            renamed.values().copied().collect();
        let mut removed: Vec<RecordRef> = b_ids
            .iter()
            .filter(|(id, b)| !h_ids.contains_key(*id) && !renamed_from.contains(*b))
            .map(|(_, &b)| RecordRef::of(base, b))
            .collect();
        removed.sort_by(|a, b| crate::model::ids::natural_cmp(&a.id, &b.id));
        d.removed = removed;
        d.impact = impact(base, head);

        let (before, after) = (coverage(base), coverage(head));
        d.coverage_before = count(&before);
        d.coverage_after = count(&after);
        let items: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
        d.coverage_changes = items
            .into_iter()
            .filter(|id| before.get(*id) != after.get(*id))
            .map(|id| CoverageChange {
                id: id.clone(),
                before: before.get(id).copied(),
                after: after.get(id).copied(),
            })
            .collect();
        d
    }

    fn state_change(&mut self, base: Option<(&Model, RecordIdx)>, head: &Model, h: RecordIdx) {
        let now = super::state(head, h);
        let before = base.and_then(|(m, b)| super::state(m, b));
        let Some(now) = now else { return };
        if before == Some(now) {
            return;
        }
        let (mut backwards, mut skipped_pilot) = (false, false);
        if let (super::State::Progress(to), Some(super::State::Progress(from))) = (now, before) {
            backwards = to < from;
        }
        if let super::State::Stage(to) = now {
            let from = match before {
                Some(super::State::Stage(s)) => Some(s),
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
        if before.is_none() && matches!(now, super::State::Progress(_)) {
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
    fn decisions(&mut self, base: Option<(&Model, RecordIdx)>, head: &Model, h: RecordIdx) {
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
                    (result(n) != result(o) || note(n) != note(o)).then_some(("edited", Some(n)))
                }
                None => Some(("removed", None)),
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
    fn fields(&mut self, base: &Model, b: RecordIdx, head: &Model, h: RecordIdx) {
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
        let pairs: [(&'static str, Option<String>, Option<String>, bool); 10] = [
            (
                "title",
                Some(o.title().to_owned()),
                Some(n.title().to_owned()),
                false,
            ),
            (
                "owner",
                text(o.owner.as_ref()),
                text(n.owner.as_ref()),
                false,
            ),
            (
                "visibility",
                Some(visibility(o).as_str().to_owned()),
                Some(visibility(n).as_str().to_owned()),
                visibility(o) == crate::model::Visibility::Internal
                    && visibility(n) == crate::model::Visibility::Public,
            ),
            ("tags", tags(o), tags(n), false),
            ("team", team(o), team(n), false),
            (
                "review_due",
                review(o).map(|d| d.to_string()),
                review(n).map(|d| d.to_string()),
                // A review postponed, or its date removed, with no decision
                // of the same change behind it (SPEC §7.1: a decision that
                // moves review_due is a 定期的な見直し, not a postponement).
                review(o).is_some_and(|before| review(n).is_none_or(|after| after > before))
                    && !new_decision(o, n),
            ),
            ("closed", closed(o), closed(n), false),
            ("current", text(o.current()), text(n.current()), false),
            ("gap", text(o.gap()), text(n.gap()), false),
            ("product", text(o.product()), text(n.product()), false),
        ];
        for (key, before, after, flagged) in pairs {
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

    /// Indicators matched by name: the current value's change (as in the
    /// first edition), and every indicator added, removed or changed.
    fn indicators(
        &mut self,
        base: Option<(&Model, RecordIdx)>,
        head: &Model,
        h: RecordIdx,
        today: jiff::civil::Date,
    ) {
        let n_rec = &head.records[h];
        let old_inds: &[crate::model::Indicator] =
            base.map_or(&[], |(m, b)| m.records[b].indicators());
        for ind in n_rec.indicators() {
            let old = old_inds.iter().find(|o| o.name() == ind.name());
            let current = |i: &crate::model::Indicator| {
                i.current().map(|o| {
                    (
                        o.value.as_ref().map(|v| v.value),
                        o.date.as_ref().map(|d| d.value),
                    )
                })
            };
            let (before, after) = (old.and_then(current), current(ind));
            if let Some((actual_after, measured)) = after
                && before != after
            {
                self.indicator_updates.push(IndicatorChange {
                    record: RecordRef::of(head, h),
                    name: ind.name().to_owned(),
                    unit: ind
                        .unit
                        .as_ref()
                        .map_or_else(String::new, |u| u.value.to_string()),
                    actual_before: before.and_then(|b| b.0),
                    actual_after,
                    measured: measured.map(|d| d.to_string()),
                    attainment_before: old.and_then(attainment),
                    attainment_after: attainment(ind),
                });
            }
            let grade_after = Some(head.assess(n_rec, ind, today).grade.letter());
            match (base, old) {
                (Some((m, b)), Some(o)) => {
                    let values = value_changes(o, ind);
                    let observations_added = ind
                        .observations
                        .iter()
                        .filter(|x| {
                            !o.observations.iter().any(|y| {
                                y.date.as_ref().map(|d| d.value) == x.date.as_ref().map(|d| d.value)
                                    && y.value.as_ref().map(|v| v.value)
                                        == x.value.as_ref().map(|v| v.value)
                            })
                        })
                        .count();
                    let grade_before = Some(m.assess(&m.records[b], o, today).grade.letter());
                    if values.is_empty() && observations_added == 0 && grade_before == grade_after {
                        continue;
                    }
                    self.indicator_changes.push(IndicatorDiff {
                        record: RecordRef::of(head, h),
                        name: ind.name().to_owned(),
                        change: "changed",
                        lowered_ambition: lowered(o, ind),
                        values,
                        observations_added,
                        grade_before,
                        grade_after,
                    });
                }
                (Some(_), None) => self.indicator_changes.push(IndicatorDiff {
                    record: RecordRef::of(head, h),
                    name: ind.name().to_owned(),
                    change: "added",
                    values: Vec::new(),
                    lowered_ambition: false,
                    observations_added: ind.observations.len(),
                    grade_before: None,
                    grade_after,
                }),
                (None, _) => {}
            }
        }
        if let Some((m, b)) = base {
            for o in old_inds {
                if !n_rec.indicators().iter().any(|i| i.name() == o.name()) {
                    self.indicator_changes.push(IndicatorDiff {
                        record: RecordRef::of(head, h),
                        name: o.name().to_owned(),
                        change: "removed",
                        values: Vec::new(),
                        lowered_ambition: false,
                        observations_added: 0,
                        grade_before: Some(m.assess(&m.records[b], o, today).grade.letter()),
                        grade_after: None,
                    });
                }
            }
        }
    }

    /// The findings of both revisions, compared by rule, record and
    /// message (not by line): those only in head are introduced, those
    /// only in base fixed.
    pub fn findings(
        &mut self,
        base: &Model,
        base_findings: &[crate::diag::Diagnostic],
        head: &Model,
        head_findings: &[crate::diag::Diagnostic],
        lang: Lang,
    ) {
        let only = |a: &[crate::diag::Diagnostic], b: &[crate::diag::Diagnostic], m: &Model| {
            let mut rest: Vec<&crate::diag::Diagnostic> = b.iter().collect();
            let mut out = Vec::new();
            for d in a {
                let twin = rest.iter().position(|o| {
                    o.rule == d.rule && o.record == d.record && o.message == d.message
                });
                match twin {
                    Some(at) => {
                        rest.swap_remove(at);
                    }
                    None => out.push(FindingChange {
                        rule: d.rule.slug(),
                        severity: d.severity.as_str(),
                        record: d.record.clone(),
                        path: m.files.get(d.span.file).path.to_string(),
                        message: lang.message(&d.message),
                    }),
                }
            }
            out
        };
        self.findings_introduced = only(head_findings, base_findings, head);
        self.findings_fixed = only(base_findings, head_findings, base);
    }

    /// Keep only the records `keep` accepts (the public report); coverage
    /// counts stay those of the whole portfolio.
    pub fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        self.added.retain(|r| keep(&r.id));
        self.removed.retain(|r| keep(&r.id));
        self.moved.retain(|m| keep(&m.record.id));
        self.state_changes.retain(|c| keep(&c.record.id));
        self.new_decisions.retain(|d| keep(&d.record.id));
        self.indicator_updates.retain(|i| keep(&i.record.id));
        self.links_added
            .retain(|l| keep(&l.record) && keep(&l.target));
        self.links_removed
            .retain(|l| keep(&l.record) && keep(&l.target));
        self.field_changes.retain(|c| keep(&c.record));
        self.decision_changes.retain(|c| keep(&c.record.id));
        self.indicator_changes.retain(|c| keep(&c.record.id));
        let keep_finding = |f: &FindingChange| f.record.as_deref().is_some_and(&keep);
        self.findings_introduced.retain(keep_finding);
        self.findings_fixed.retain(keep_finding);
        for i in &mut self.impact {
            i.records.retain(|r| keep(r));
        }
    }

    /// Whether nothing changed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.moved.is_empty()
            && self.state_changes.is_empty()
            && self.new_decisions.is_empty()
            && self.indicator_updates.is_empty()
            && self.links_added.is_empty()
            && self.links_removed.is_empty()
            && self.coverage_changes.is_empty()
            && self.field_changes.is_empty()
            && self.decision_changes.is_empty()
            && self.indicator_changes.is_empty()
            && self.findings_introduced.is_empty()
            && self.findings_fixed.is_empty()
            && self.impact.is_empty()
    }

    /// Lay the change out.
    #[must_use]
    pub fn doc(&self, lang: Lang) -> Doc {
        let l = lang.labels();
        let d = lang.diff_labels();
        let shown = |name: &str| {
            if name == WORKING_TREE {
                lang.words().working_tree.to_owned()
            } else {
                name.to_owned()
            }
        };
        let mut doc = Doc::new((l.paren)(
            d.title,
            &format!("{} → {}", shown(&self.base), shown(&self.head)),
        ));
        doc.text((d.headline)(
            self.added.len(),
            self.removed.len(),
            self.moved.len(),
            self.state_changes.len(),
            self.new_decisions.len(),
            self.indicator_updates.len(),
        ));
        if self.is_empty() {
            doc.text(d.no_change);
            return doc;
        }
        doc.text((d.headline_review)(
            self.flagged_count(),
            self.findings_introduced.len(),
            self.findings_fixed.len(),
        ));
        self.findings_table(
            &mut doc,
            d.findings_introduced,
            &self.findings_introduced,
            lang,
        );
        self.flagged(&mut doc, lang);
        self.findings_table(&mut doc, d.findings_fixed, &self.findings_fixed, lang);
        doc.blocks.push(Block::FoldStart(d.rest.to_owned()));
        let refs = |list: &[RecordRef]| Table {
            headers: vec![
                l.id.into(),
                l.kind.into(),
                l.title.into(),
                l.state.into(),
                l.domain.into(),
            ],
            rows: list
                .iter()
                .map(|r| {
                    vec![
                        r.id.to_string(),
                        super::kind_word(r.kind, lang).into(),
                        r.title.clone(),
                        state_word(&r.state, lang),
                        r.domain.clone(),
                    ]
                })
                .collect(),
            ..Table::default()
        };
        for (heading, list) in [(d.added, &self.added), (d.removed, &self.removed)] {
            if !list.is_empty() {
                doc.heading(heading);
                doc.blocks.push(Block::Table(refs(list)));
            }
        }
        if !self.moved.is_empty() {
            doc.heading(d.moved);
            let rows = self
                .moved
                .iter()
                .map(|m| {
                    vec![
                        m.record.id.clone(),
                        m.record.title.clone(),
                        m.from.clone(),
                        m.to.clone(),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![l.id.into(), l.title.into(), d.from.into(), d.to.into()],
                rows,
                ..Table::default()
            }));
        }
        if !self.state_changes.is_empty() {
            doc.heading(d.state_changes);
            let rows = self
                .state_changes
                .iter()
                .map(|c| {
                    let mut flags = Vec::new();
                    if c.backwards {
                        flags.push(d.backwards);
                    }
                    if c.skipped_pilot {
                        flags.push(d.skipped_pilot);
                    }
                    vec![
                        c.record.id.clone(),
                        c.record.title.clone(),
                        c.from
                            .as_deref()
                            .map_or_else(|| d.new.to_owned(), |f| state_word(f, lang)),
                        state_word(&c.to, lang),
                        flags.join(" "),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![
                    l.id.into(),
                    l.title.into(),
                    d.from.into(),
                    d.to.into(),
                    d.attention.into(),
                ],
                rows,
                ..Table::default()
            }));
        }
        if !self.new_decisions.is_empty() {
            doc.heading(d.new_decisions);
            let rows = self
                .new_decisions
                .iter()
                .map(|x| {
                    vec![
                        x.record.id.clone(),
                        x.date.clone().unwrap_or_default(),
                        x.body.unwrap_or_default().to_owned(),
                        x.result.unwrap_or_default().to_owned(),
                        x.note.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![
                    l.id.into(),
                    l.date.into(),
                    l.body.into(),
                    l.result.into(),
                    l.note.into(),
                ],
                rows,
                ..Table::default()
            }));
        }
        if !self.indicator_updates.is_empty() {
            doc.heading(d.indicator_updates);
            let n = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), number);
            let rows = self
                .indicator_updates
                .iter()
                .map(|x| {
                    vec![
                        x.record.id.clone(),
                        x.name.clone(),
                        format!("{} → {}", n(x.actual_before), n(x.actual_after)),
                        x.unit.clone(),
                        format!(
                            "{} → {}",
                            percent(x.attainment_before),
                            percent(x.attainment_after)
                        ),
                        x.measured.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![
                    l.id.into(),
                    l.indicator.into(),
                    l.actual.into(),
                    l.unit.into(),
                    l.attainment.into(),
                    l.measured.into(),
                ],
                rows,
                ..Table::default()
            }));
        }
        if !self.links_added.is_empty() || !self.links_removed.is_empty() {
            doc.heading(d.links);
            let rows = self
                .links_added
                .iter()
                .map(|x| (d.link_added, x))
                .chain(self.links_removed.iter().map(|x| (d.link_removed, x)))
                .map(|(what, x)| {
                    vec![
                        x.record.clone(),
                        (l.relation)(x.key).to_owned(),
                        x.target.clone(),
                        what.to_owned(),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![
                    l.id.into(),
                    l.relation_heading.into(),
                    d.target.into(),
                    d.change.into(),
                ],
                rows,
                ..Table::default()
            }));
        }
        self.more(&mut doc, lang);
        doc.heading(d.coverage);
        let (b, a) = (self.coverage_before, self.coverage_after);
        doc.blocks.push(Block::Table(Table {
            headers: vec![String::new(), d.before.into(), d.after.into()],
            rows: vec![
                vec![
                    d.covered.into(),
                    b.covered.to_string(),
                    a.covered.to_string(),
                ],
                vec![
                    l.unaddressed.into(),
                    b.unaddressed.to_string(),
                    a.unaddressed.to_string(),
                ],
                vec![
                    l.uncovered.into(),
                    b.uncovered.to_string(),
                    a.uncovered.to_string(),
                ],
            ],
            numeric: vec![1, 2],
            ..Table::default()
        }));
        if !self.coverage_changes.is_empty() {
            let word = |c: Option<Coverage>| match c {
                None => "—",
                Some(Coverage::Covered) => d.covered,
                Some(Coverage::Unaddressed) => l.unaddressed,
                Some(Coverage::Uncovered) => l.uncovered,
            };
            let rows = self
                .coverage_changes
                .iter()
                .map(|c| vec![c.id.clone(), word(c.before).into(), word(c.after).into()])
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![l.vision_item.into(), d.before.into(), d.after.into()],
                rows,
                ..Table::default()
            }));
        }
        doc.blocks.push(Block::FoldEnd);
        doc
    }

    /// How many changes the reviewer must look at.
    #[must_use]
    pub fn flagged_count(&self) -> usize {
        self.field_changes.iter().filter(|c| c.flagged).count()
            + self.decision_changes.len()
            + self
                .indicator_changes
                .iter()
                .filter(|c| c.lowered_ambition)
                .count()
            + self
                .state_changes
                .iter()
                .filter(|c| c.backwards || c.skipped_pilot)
                .count()
    }

    fn findings_table(&self, doc: &mut Doc, heading: &str, list: &[FindingChange], lang: Lang) {
        if list.is_empty() {
            return;
        }
        let (l, d) = (lang.labels(), lang.diff_labels());
        doc.heading(heading);
        doc.blocks.push(Block::Table(Table {
            headers: vec![
                d.rule.into(),
                d.severity.into(),
                l.id.into(),
                d.file.into(),
                d.message.into(),
            ],
            rows: list
                .iter()
                .map(|f| {
                    vec![
                        f.rule.to_owned(),
                        f.severity.to_owned(),
                        f.record.clone().unwrap_or_default(),
                        f.path.clone(),
                        f.message.clone(),
                    ]
                })
                .collect(),
            ..Table::default()
        }));
    }

    /// Every change a reviewer must not miss, in one table.
    fn flagged(&self, doc: &mut Doc, lang: Lang) {
        let (l, d) = (lang.labels(), lang.diff_labels());
        let mut rows: Vec<Vec<String>> = Vec::new();
        let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_owned());
        for c in self.field_changes.iter().filter(|c| c.flagged) {
            let flag = if c.key == "visibility" {
                d.made_public
            } else {
                d.review_postponed
            };
            rows.push(vec![
                c.record.clone(),
                flag.into(),
                field_label(c.key, lang).into(),
                format!("{} → {}", opt(&c.before), opt(&c.after)),
            ]);
        }
        for c in &self.decision_changes {
            let flag = if c.change == "edited" {
                d.decision_edited
            } else {
                d.decision_removed
            };
            let what = format!(
                "{} {}",
                c.date.clone().unwrap_or_default(),
                c.body.unwrap_or_default()
            );
            let before = format!(
                "{} {}",
                c.result_before.unwrap_or_default(),
                c.note_before.clone().unwrap_or_default()
            );
            let after = match c.change {
                "edited" => format!(
                    "{} {}",
                    c.result_after.unwrap_or_default(),
                    c.note_after.clone().unwrap_or_default()
                ),
                _ => "—".to_owned(),
            };
            rows.push(vec![
                c.record.id.clone(),
                flag.into(),
                what,
                format!("{} → {}", before.trim(), after.trim()),
            ]);
        }
        for c in self.indicator_changes.iter().filter(|c| c.lowered_ambition) {
            let values: Vec<String> = c
                .values
                .iter()
                .map(|v| format!("{} {} → {}", v.key, opt(&v.before), opt(&v.after)))
                .collect();
            rows.push(vec![
                c.record.id.clone(),
                d.lowered_ambition.into(),
                c.name.clone(),
                values.join(l.sep),
            ]);
        }
        for c in self
            .state_changes
            .iter()
            .filter(|c| c.backwards || c.skipped_pilot)
        {
            let flag = if c.backwards {
                d.backwards
            } else {
                d.skipped_pilot
            };
            let from = c
                .from
                .as_deref()
                .map_or_else(|| d.new.to_owned(), |f| state_word(f, lang));
            rows.push(vec![
                c.record.id.clone(),
                flag.into(),
                l.state.into(),
                format!("{from} → {}", state_word(&c.to, lang)),
            ]);
        }
        if rows.is_empty() {
            return;
        }
        doc.heading(d.flagged);
        doc.blocks.push(Block::Table(Table {
            headers: vec![
                l.id.into(),
                d.attention.into(),
                d.what.into(),
                d.change.into(),
            ],
            rows,
            ..Table::default()
        }));
    }

    /// Values, indicators and reference data that changed.
    fn more(&self, doc: &mut Doc, lang: Lang) {
        let (l, d) = (lang.labels(), lang.diff_labels());
        let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_owned());
        if !self.field_changes.is_empty() {
            doc.heading(d.field_changes);
            let rows = self
                .field_changes
                .iter()
                .map(|c| {
                    vec![
                        c.record.clone(),
                        field_label(c.key, lang).into(),
                        opt(&c.before),
                        opt(&c.after),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![l.id.into(), d.what.into(), d.before.into(), d.after.into()],
                rows,
                ..Table::default()
            }));
        }
        if !self.indicator_changes.is_empty() {
            doc.heading(d.indicator_changes);
            let rows = self
                .indicator_changes
                .iter()
                .map(|c| {
                    let mut what: Vec<String> = c
                        .values
                        .iter()
                        .map(|v| format!("{} {} → {}", v.key, opt(&v.before), opt(&v.after)))
                        .collect();
                    if c.observations_added > 0 {
                        what.push((d.observations_added)(c.observations_added));
                    }
                    vec![
                        c.record.id.clone(),
                        c.name.clone(),
                        (d.indicator_change)(c.change).into(),
                        what.join(l.sep),
                        format!(
                            "{} → {}",
                            c.grade_before.unwrap_or("—"),
                            c.grade_after.unwrap_or("—")
                        ),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![
                    l.id.into(),
                    l.indicator.into(),
                    d.change.into(),
                    d.what.into(),
                    l.grade.into(),
                ],
                rows,
                ..Table::default()
            }));
        }
        if !self.impact.is_empty() {
            doc.heading(d.impact);
            let rows = self
                .impact
                .iter()
                .map(|i| {
                    vec![
                        // Reference data by its kind; dx.toml settings have none.
                        match (l.thing_kind)(i.kind) {
                            "" => "dx.toml",
                            word => word,
                        }
                        .into(),
                        i.id.clone(),
                        format!("{} → {}", opt(&i.before), opt(&i.after)),
                        i.records.join(", "),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![
                    l.kind.into(),
                    l.id.into(),
                    d.change.into(),
                    d.reached.into(),
                ],
                rows,
                ..Table::default()
            }));
        }
    }
}

/// A record key in the user's words.
fn field_label(key: &str, lang: Lang) -> &'static str {
    let l = lang.labels();
    match key {
        "title" => l.title,
        "team" => l.team,
        other => (l.fact)(other),
    }
}

/// The values of an indicator that changed.
fn value_changes(o: &crate::model::Indicator, n: &crate::model::Indicator) -> Vec<ValueChange> {
    let num = |v: &Option<crate::files::Sp<f64>>| v.as_ref().map(|x| number(x.value));
    let date =
        |v: &Option<crate::files::Sp<jiff::civil::Date>>| v.as_ref().map(|x| x.value.to_string());
    let text = |v: &Option<crate::files::Sp<compact_str::CompactString>>| {
        v.as_ref().map(|x| x.value.to_string())
    };
    [
        ("baseline", num(&o.baseline), num(&n.baseline)),
        ("target", num(&o.target), num(&n.target)),
        ("target_date", date(&o.target_date), date(&n.target_date)),
        ("unit", text(&o.unit), text(&n.unit)),
    ]
    .into_iter()
    .filter(|(_, b, a)| b != a)
    .map(|(key, before, after)| ValueChange { key, before, after })
    .collect()
}

/// A lowered ambition: the target moved towards the baseline, or the
/// target date later.
fn lowered(o: &crate::model::Indicator, n: &crate::model::Indicator) -> bool {
    let v = |x: &Option<crate::files::Sp<f64>>| x.as_ref().map(|s| s.value);
    let towards = match (v(&o.baseline), v(&o.target), v(&n.target)) {
        (Some(base), Some(before), Some(after)) => (after - base).abs() < (before - base).abs(),
        _ => false,
    };
    let later = match (&o.target_date, &n.target_date) {
        (Some(b), Some(a)) => a.value > b.value,
        (Some(_), None) => true,
        _ => false,
    };
    towards || later
}

/// Records reached from `start` down the links: the 課題 given, the 手法
/// solving them, the 技術 implementing those (and 手法 given directly).
fn down(model: &Model, start: impl IntoIterator<Item = RecordIdx>) -> Vec<String> {
    let mut seen: BTreeSet<RecordIdx> = BTreeSet::new();
    let mut queue: Vec<RecordIdx> = start.into_iter().collect();
    while let Some(i) = queue.pop() {
        if !seen.insert(i) {
            continue;
        }
        queue.extend(model.back.solvers[i].iter().copied());
        queue.extend(model.back.implementers[i].iter().copied());
    }
    let mut ids: Vec<String> = seen
        .into_iter()
        .map(|i| model.records[i].id.to_string())
        .collect();
    ids.sort_by(|a, b| crate::model::ids::natural_cmp(a, b));
    ids.dedup();
    ids
}

/// Reference data changed between the revisions, with every record of
/// head it reaches (a revised guideline runs the four processes again).
fn impact(base: &Model, head: &Model) -> Vec<ReferenceImpact> {
    let mut out = Vec::new();
    let mut push = |kind, id: String, before: Option<String>, after: Option<String>, records| {
        if before != after {
            out.push(ReferenceImpact {
                kind,
                id,
                before,
                after,
                records,
            });
        }
    };
    // ビジョン items, by ID.
    let items = |m: &Model| -> BTreeMap<String, (crate::model::FieldIdx, usize, String)> {
        let mut map = BTreeMap::new();
        for (f, field) in m.fields.enumerate() {
            for (v, item) in field.vision.iter().enumerate() {
                map.insert(item.id.clone(), (f, v, item.text.clone()));
            }
        }
        map
    };
    let (bi, hi) = (items(base), items(head));
    for (id, (f, v, text)) in &hi {
        let before = bi.get(id).map(|x| x.2.clone());
        if before.as_deref() != Some(text.as_str()) {
            let records = down(head, head.back.vision_issues[*f][*v].iter().copied());
            push("vision", id.clone(), before, Some(text.clone()), records);
        }
    }
    for (id, (_, _, text)) in &bi {
        if !hi.contains_key(id) {
            push("vision", id.clone(), Some(text.clone()), None, Vec::new());
        }
    }
    // 原則, 配慮, national priorities: their titles.
    type Refs<'a> = &'a crate::model::IndexVec<crate::model::RefIdx, crate::model::Reference>;
    type Followers<'a> = &'a crate::model::Reverse<crate::model::RefIdx, RecordIdx>;
    let lists: [(&'static str, Refs<'_>, Refs<'_>, Followers<'_>); 3] = [
        (
            "principle",
            &base.principles,
            &head.principles,
            &head.back.principle_followers,
        ),
        (
            "consideration",
            &base.considerations,
            &head.considerations,
            &head.back.consideration_followers,
        ),
        (
            "national",
            &base.national,
            &head.national,
            &head.back.national_followers,
        ),
    ];
    for (kind, b, h, followers) in lists {
        for (i, r) in h.enumerate() {
            let before = b
                .iter()
                .find(|x| x.id.value == r.id.value)
                .map(|x| x.title.clone());
            if before.as_deref() != Some(r.title.as_str()) {
                push(
                    kind,
                    r.id.value.to_string(),
                    before,
                    Some(r.title.clone()),
                    down(head, followers[i].iter().copied()),
                );
            }
        }
    }
    // 分野 and 領域 names: every record in them.
    for (f, field) in head.fields.enumerate() {
        let before = base
            .fields
            .iter()
            .find(|x| x.id == field.id)
            .map(|x| x.name.clone());
        if before.is_some() && before.as_deref() != Some(field.name.as_str()) {
            let records = head.back.field_domains[f]
                .iter()
                .flat_map(|&d| head.back.domain_records[d].iter().copied());
            push(
                "field",
                field.id.clone(),
                before,
                Some(field.name.clone()),
                down(head, records),
            );
        }
    }
    for (d, domain) in head.domains.enumerate() {
        let before = base
            .domains
            .iter()
            .find(|x| x.id == domain.id)
            .map(|x| x.name.clone());
        if before.is_some() && before.as_deref() != Some(domain.name.as_str()) {
            let records = head.back.domain_records[d].iter().copied();
            push(
                "domain",
                domain.id.clone(),
                before,
                Some(domain.name.clone()),
                down(head, records),
            );
        }
    }
    // dx.toml settings that change results: every record.
    let (bs, hs) = (&base.settings, &head.settings);
    let all = || {
        let mut ids: Vec<String> = head
            .parsed_records()
            .map(|(_, r)| r.id.to_string())
            .collect();
        ids.sort_by(|a, b| crate::model::ids::natural_cmp(a, b));
        ids
    };
    let d = |x: Option<jiff::civil::Date>| x.map(|d| d.to_string());
    let settings: [(&str, Option<String>, Option<String>); 5] = [
        ("tree.period_start", d(bs.period_start), d(hs.period_start)),
        ("tree.period_end", d(bs.period_end), d(hs.period_end)),
        (
            "review.interval_months",
            Some(bs.review_interval_months.to_string()),
            Some(hs.review_interval_months.to_string()),
        ),
        (
            "grades.a_pace",
            Some(bs.grades.a_pace.to_string()),
            Some(hs.grades.a_pace.to_string()),
        ),
        (
            "grades.b_pace",
            Some(bs.grades.b_pace.to_string()),
            Some(hs.grades.b_pace.to_string()),
        ),
    ];
    for (key, before, after) in settings {
        if before != after {
            push("settings", key.to_owned(), before, after, all());
        }
    }
    out
}
