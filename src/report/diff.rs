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

/// The portfolio change.
#[derive(Clone, Debug, Serialize)]
pub struct Diff {
    /// The base revision.
    pub base: String,
    /// The head revision, or `working tree`.
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
    pub fn build(base: &Model, head: &Model, base_name: &str, head_name: &str) -> Self {
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
        };
        let mut head_ids: Vec<(&str, RecordIdx)> = h_ids.iter().map(|(k, v)| (*k, *v)).collect();
        head_ids.sort_by(|a, b| crate::model::ids::natural_cmp(a.0, b.0));
        for (id, h) in head_ids {
            let rec = RecordRef::of(head, h);
            match b_ids.get(id) {
                None => {
                    d.added.push(rec.clone());
                    d.state_change(None, head, h);
                    d.decisions(None, head, h);
                    d.indicators(None, head, h);
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
                    d.indicators(Some((base, b)), head, h);
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
        let mut removed: Vec<RecordRef> = b_ids
            .iter()
            .filter(|(id, _)| !h_ids.contains_key(*id))
            .map(|(_, &b)| RecordRef::of(base, b))
            .collect();
        removed.sort_by(|a, b| crate::model::ids::natural_cmp(&a.id, &b.id));
        d.removed = removed;

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
        if let super::State::Stage(to) = now {
            let from = match before {
                Some(super::State::Stage(s)) => Some(s),
                _ => None,
            };
            backwards = from.is_some_and(|f| {
                (f.is_retired() && !to.is_retired())
                    || (!to.is_retired() && stage_rank(to) < stage_rank(f))
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

    fn decisions(&mut self, base: Option<(&Model, RecordIdx)>, head: &Model, h: RecordIdx) {
        let key = |d: &crate::model::Decision| {
            (
                d.date.as_ref().map(|x| x.value),
                d.body.as_ref().map(|x| x.value),
                d.result.as_ref().map(|x| x.value),
                d.note.as_ref().map(|x| x.value.to_string()),
            )
        };
        let old: Vec<_> = base
            .map(|(m, b)| m.records[b].decisions().iter().map(key).collect())
            .unwrap_or_default();
        let mut new: Vec<&crate::model::Decision> = head.records[h]
            .decisions()
            .iter()
            .filter(|d| !old.contains(&key(d)))
            .collect();
        new.sort_by_key(|d| d.date.as_ref().map(|x| x.value));
        for d in new {
            self.new_decisions.push(NewDecision {
                record: RecordRef::of(head, h),
                date: d.date.as_ref().map(|x| x.value.to_string()),
                body: d.body.as_ref().map(|x| x.value.as_str()),
                result: d.result.as_ref().map(|x| x.value.as_str()),
                note: d.note.as_ref().map(|x| x.value.to_string()),
            });
        }
    }

    fn indicators(&mut self, base: Option<(&Model, RecordIdx)>, head: &Model, h: RecordIdx) {
        for ind in head.records[h].indicators() {
            let old = base.and_then(|(m, b)| {
                m.records[b]
                    .indicators()
                    .iter()
                    .find(|o| o.name() == ind.name())
            });
            let value = |x: &Option<crate::files::Sp<f64>>| x.as_ref().map(|v| v.value);
            let (actual_before, actual_after) =
                (old.and_then(|o| value(&o.actual)), value(&ind.actual));
            let measured_changed = old.map(|o| o.measured.as_ref().map(|d| d.value))
                != Some(ind.measured.as_ref().map(|d| d.value));
            if actual_after.is_none() || (actual_before == actual_after && !measured_changed) {
                continue;
            }
            self.indicator_updates.push(IndicatorChange {
                record: RecordRef::of(head, h),
                name: ind.name().to_owned(),
                unit: ind
                    .unit
                    .as_ref()
                    .map_or_else(String::new, |u| u.value.to_string()),
                actual_before,
                actual_after,
                measured: ind.measured.as_ref().map(|d| d.value.to_string()),
                attainment_before: old.and_then(attainment),
                attainment_after: attainment(ind),
            });
        }
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
    }

    /// Lay the change out.
    #[must_use]
    pub fn doc(&self, lang: Lang) -> Doc {
        let l = lang.labels();
        let d = lang.diff_labels();
        let mut doc = Doc::new((l.paren)(
            d.title,
            &format!("{} → {}", self.base, self.head),
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
        doc
    }
}
