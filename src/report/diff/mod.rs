//! `dx diff BASE [HEAD]`: what changed in the portfolio between two states of
//! the tree, for the reviewer of a pull request and for the minutes.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::doc::{Block, Doc, Table};
use super::gap::Coverage;
use super::{RecordRef, number, percent, state_word};
use crate::i18n::Lang;
use crate::model::{Model, Outcome, RecordIdx, Resolution, Stage, attainment};
use crate::names::{Change, Fact, Relation, ThingKind};

mod findings;
mod impact;
mod indicators;
mod layout;
mod records;

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
    pub key: Fact,
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
    pub change: Change,
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
    pub change: Change,
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
    pub kind: ThingKind,
    /// Its ID (the dx.toml key for settings).
    pub id: String,
    /// Before.
    pub before: Option<String>,
    /// After.
    pub after: Option<String>,
    /// The records linking to it, directly and down the links (課題 →
    /// 手法 → 技術), in ID order; every record for a dx.toml setting.
    pub records: Vec<String>,
    /// Guideline reference data changed while the tree keeps an 改訂歴 and
    /// no revision added in the change names it (SPEC §7.4). In the JSON
    /// only when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unrevised: bool,
}

/// A link added or removed.
#[derive(Clone, Debug, Serialize)]
pub struct LinkChange {
    /// The record holding the link.
    pub record: String,
    /// The key (`solves`, `vision` …).
    pub key: Relation,
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
            out.insert(item.id.clone(), Coverage::of(best));
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

fn links(model: &Model, i: RecordIdx) -> BTreeSet<(Relation, String)> {
    model
        .resolved_links(i)
        .filter(|(_, _, res)| !matches!(res, Resolution::Unchecked))
        .map(|(k, l, _)| (k.relation, l.value.to_string()))
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
                            key: *key,
                            target: target.clone(),
                        });
                    }
                    for (key, target) in before.difference(&after) {
                        d.links_removed.push(LinkChange {
                            record: id.to_owned(),
                            key: *key,
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
        d.impact = impact::impact(base, head);
        impact::flag_unrevised(&mut d.impact, base, head);

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
            + self.impact.iter().filter(|i| i.unrevised).count()
    }
}
