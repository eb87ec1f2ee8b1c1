//! The writers of SPEC §6.4 (`dx decide`, `dx measure`, `dx review`,
//! `dx apply`, `dx mv`): each builds a [`Plan`] — the new bytes of every
//! file it touches — from the model and the files as they are; the command
//! checks the tree as the plan would leave it and only then writes it, all
//! or nothing. Nothing here writes.

pub mod import;
pub mod meeting;
pub mod mv;
mod record;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

pub use record::{NewDecision, NewObservation, RecordDoc, string_value};

pub use crate::diag::{EditError, FollowUp};

use crate::model::{Body, Kind, Model, Outcome, RecordIdx, Source, Stage};

/// One file a plan changes.
#[derive(Clone, Debug)]
pub struct Change {
    /// Path from the tree root, with `/`.
    pub path: String,
    /// Its bytes now; `None` for a file the plan creates.
    pub before: Option<Vec<u8>>,
    /// Its bytes after; `None` for a file the plan removes.
    pub after: Option<Vec<u8>>,
}

/// Every file a writer would change and what it suggests next.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// The files, in path order.
    pub changes: Vec<Change>,
    /// What to look at next.
    pub follow_ups: Vec<FollowUp>,
}

impl Plan {
    /// The tree as the plan would leave it, for checking before writing.
    #[must_use]
    pub fn overlay(&self, root: &Path) -> Source {
        Source::Overlay {
            root: root.to_path_buf(),
            changes: self
                .changes
                .iter()
                .map(|c| (c.path.clone(), c.after.clone()))
                .collect(),
        }
    }

    /// The files to write.
    #[must_use]
    pub fn writes(&self, root: &Path) -> Vec<crate::fsutil::FileWrite> {
        self.changes
            .iter()
            .map(|c| crate::fsutil::FileWrite {
                path: root.join(&c.path),
                bytes: c.after.clone(),
                create: c.before.is_none(),
            })
            .collect()
    }

    /// The plan as a unified diff, file by file.
    #[must_use]
    pub fn unified_diff(&self) -> String {
        let mut out = String::new();
        for c in &self.changes {
            let before = String::from_utf8_lossy(c.before.as_deref().unwrap_or_default());
            let after = String::from_utf8_lossy(c.after.as_deref().unwrap_or_default());
            let a = if c.before.is_some() {
                format!("a/{}", c.path)
            } else {
                "/dev/null".into()
            };
            let b = if c.after.is_some() {
                format!("b/{}", c.path)
            } else {
                "/dev/null".into()
            };
            let diff = similar::TextDiff::from_lines(&before, &after);
            out.push_str(
                &diff
                    .unified_diff()
                    .context_radius(3)
                    .header(&a, &b)
                    .to_string(),
            );
        }
        out
    }
}

/// What a writer was told on its command line (SPEC §7.1).
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Today: later dates are refused unless `force`.
    pub today: Date,
    /// Record what the transition table or the date checks refuse.
    pub force: bool,
    /// Replace an observation of the same date with another value.
    pub replace: bool,
}

/// A record the session has opened: its document while it may still be
/// edited, or its new bytes once its caller says no more edits will come
/// (an open `toml_edit` document of a 330-byte record takes about 14 KB).
enum Held {
    Open(Box<RecordDoc>),
    Settled(Vec<u8>),
}

/// Edits in progress over one model: every record opened once, so that
/// several steps on one record (a meeting's decision and measurement)
/// compose.
pub struct Session<'m> {
    model: &'m Model,
    root: PathBuf,
    options: Options,
    docs: BTreeMap<RecordIdx, (Vec<u8>, Held)>,
    follow_ups: Vec<FollowUp>,
    /// How many records carry each ID, made on the first look-up.
    id_counts: Option<rustc_hash::FxHashMap<&'m str, u32>>,
}

impl<'m> Session<'m> {
    /// A session on the tree of `model`.
    #[must_use]
    pub fn new(model: &'m Model, options: Options) -> Self {
        Self {
            model,
            root: model.root.clone(),
            options,
            docs: BTreeMap::new(),
            follow_ups: Vec::new(),
            id_counts: None,
        }
    }

    /// The one record with this ID, through the model's ID table.
    fn record(&mut self, id: &str) -> Result<RecordIdx, EditError> {
        let model = self.model;
        let id = id.trim();
        let Some(crate::model::Thing::Record(i)) = model.find(id) else {
            return Err(EditError::UnknownRecord {
                id: id.to_owned(),
                nearest: crate::suggest::nearest(id, model.all_ids()).map(str::to_owned),
            });
        };
        let counts = self.id_counts.get_or_insert_with(|| {
            let mut counts = rustc_hash::FxHashMap::default();
            for r in model.records.iter() {
                *counts.entry(r.id.as_str()).or_insert(0) += 1;
            }
            counts
        });
        if counts.get(id).copied().unwrap_or(0) > 1 {
            return Err(EditError::Ambiguous { id: id.to_owned() });
        }
        let r = &model.records[i];
        if !r.is_parsed() {
            return Err(EditError::Unparsed {
                id: id.to_owned(),
                path: model.path_of(r).to_owned(),
            });
        }
        Ok(i)
    }

    /// The one 手法 or 技術 with this ID.
    pub fn work(&mut self, id: &str) -> Result<RecordIdx, EditError> {
        let i = self.record(id)?;
        if self.model.records[i].kind == Kind::Issue {
            return Err(EditError::NotWork {
                id: id.trim().to_owned(),
            });
        }
        Ok(i)
    }

    fn doc(&mut self, i: RecordIdx) -> Result<&mut RecordDoc, EditError> {
        let r = &self.model.records[i];
        let path = self.model.path_of(r);
        let unreadable = || EditError::Unreadable {
            path: path.to_owned(),
        };
        if !self.docs.contains_key(&i) {
            let bytes = std::fs::read(self.root.join(path)).map_err(|_| unreadable())?;
            let doc = RecordDoc::open(&bytes, r.kind).ok_or_else(unreadable)?;
            self.docs.insert(i, (bytes, Held::Open(Box::new(doc))));
        }
        let Some((_, held)) = self.docs.get_mut(&i) else {
            return Err(unreadable());
        };
        // Settled and edited again: opened from what it became.
        if let Held::Settled(bytes) = held {
            let doc = RecordDoc::open(bytes, r.kind).ok_or_else(unreadable)?;
            *held = Held::Open(Box::new(doc));
        }
        match held {
            Held::Open(doc) => Ok(doc),
            Held::Settled(_) => Err(unreadable()),
        }
    }

    /// No more edits are coming to record `i` (its caller counted them):
    /// keep its new bytes and let its document go. An edit that comes all
    /// the same opens it again from those bytes.
    pub fn settle(&mut self, i: RecordIdx) {
        if let Some((_, held)) = self.docs.get_mut(&i) {
            let old = std::mem::replace(held, Held::Settled(Vec::new()));
            *held = match old {
                Held::Open(doc) => Held::Settled(doc.finish()),
                settled @ Held::Settled(_) => settled,
            };
        }
    }

    fn review_date(&self, date: Date) -> Date {
        let months = i64::from(self.model.settings.review_interval_months);
        date.checked_add(jiff::Span::new().months(months))
            .unwrap_or(date)
    }

    /// A date after today is refused unless `--force` (SPEC §7.1).
    fn not_future(&self, id: &str, date: Date) -> Result<(), EditError> {
        if date > self.options.today && !self.options.force {
            return Err(EditError::FutureDate {
                id: id.trim().to_owned(),
                date,
                today: self.options.today,
            });
        }
        Ok(())
    }

    /// Whether the decision is in the record already (same date, body and
    /// result), in its file or earlier in this session.
    fn decided(&mut self, i: RecordIdx, d: &NewDecision) -> Result<bool, EditError> {
        Ok(self.doc(i)?.has_decision(d))
    }

    /// Record a decision (SPEC §6.4, §7.1 `dx decide`): append it, set the
    /// stage its result implies, move the next review of a record put into
    /// or kept in 運用, and note the linked records that may need the same
    /// decision. A result the transition table does not allow from the
    /// record's stage is refused unless `--force`.
    pub fn decide(
        &mut self,
        id: &str,
        decision: &NewDecision,
        next_review: Option<Date>,
    ) -> Result<(), EditError> {
        let i = self.work(id)?;
        self.not_future(id, decision.date)?;
        let rid = self.model.records[i].id.to_string();
        if (decision.result == Outcome::Refer) != decision.to.is_some() {
            return Err(EditError::Referral {
                id: rid,
                result: decision.result,
            });
        }
        if self.decided(i, decision)? {
            self.follow_ups.push(FollowUp::AlreadyRecorded {
                id: rid,
                what: decision.result.as_str().to_owned(),
                date: decision.date,
            });
            return Ok(());
        }
        let interval = self.review_date(decision.date);
        let force = self.options.force;
        let doc = self.doc(i)?;
        let from = doc.stage();
        let allowed = from.is_some_and(|s| decision.result.allowed(s));
        if !allowed && !force {
            return Err(EditError::Transition {
                id: rid,
                stage: from,
                result: decision.result,
                allowed: from.map(Outcome::allowed_at).unwrap_or_default(),
            });
        }
        let to = decision.result.stage_after().or(from);
        let review = match (next_review, to) {
            (Some(d), _) => Some(d),
            (None, Some(Stage::Operation)) => Some(interval),
            _ => None,
        };
        if let Some(due) = review
            && due <= decision.date
            && !force
        {
            return Err(EditError::ReviewNotAfter {
                id: rid,
                review_due: due,
                date: decision.date,
            });
        }
        doc.push_decision(decision);
        if let Some(to) = to
            && Some(to) != from
        {
            doc.set_stage(to);
        }
        if let Some(date) = review {
            doc.set_review_due(date);
        }
        if !allowed && let Some(stage) = from {
            self.follow_ups.push(FollowUp::Forced {
                id: rid.clone(),
                stage,
                result: decision.result,
            });
        }
        if let Some(to) = to
            && Some(to) != from
        {
            self.follow_ups.push(FollowUp::Stage {
                id: rid.clone(),
                from,
                to,
            });
        }
        if let Some(date) = review {
            self.follow_ups.push(FollowUp::Review { id: rid, date });
        }
        if to.is_some_and(Stage::is_retired) {
            self.retired(i);
        }
        Ok(())
    }

    /// Record a 定期的な見直し (`dx review`) of a record in 運用: a
    /// decision, 継続 unless said otherwise, by 作業部会 unless said
    /// otherwise, and the next review. A record in another stage is
    /// refused: its step is a `dx decide`.
    pub fn review(
        &mut self,
        id: &str,
        date: Date,
        body: Option<Body>,
        result: Option<Outcome>,
        note: Option<String>,
        next_review: Option<Date>,
    ) -> Result<(), EditError> {
        let i = self.record(id)?;
        if self.model.records[i].kind == Kind::Issue {
            if result.is_some() || next_review.is_some() {
                return Err(EditError::Invalid {
                    what: format!("{} (--result, --next-review)", id.trim()),
                });
            }
            return self.review_issue(i, date);
        }
        let i = self.work(id)?;
        let decision = NewDecision {
            date,
            body: body.unwrap_or(Body::WorkingGroup),
            result: result.unwrap_or(Outcome::Continue),
            to: None,
            note,
        };
        // Recorded already (a meeting applied twice): decide says so.
        let stage = self.doc(i)?.stage();
        if stage != Some(Stage::Operation) && !self.options.force && !self.decided(i, &decision)? {
            return Err(EditError::NotOperating {
                id: id.trim().to_owned(),
                stage,
            });
        }
        let next = next_review.unwrap_or_else(|| self.review_date(date));
        let stops = decision.result.stage_after().is_some_and(Stage::is_retired);
        self.decide(id, &decision, (!stops).then_some(next))
    }

    /// The 課題の整理 done again (SPEC §7.4): `reviewed` set to `date`. A
    /// review on or after it recorded already is said and kept.
    fn review_issue(&mut self, i: RecordIdx, date: Date) -> Result<(), EditError> {
        let rid = self.model.records[i].id.to_string();
        self.not_future(&rid, date)?;
        let doc = self.doc(i)?;
        if doc.reviewed().is_some_and(|d| d >= date) {
            self.follow_ups.push(FollowUp::AlreadyRecorded {
                id: rid,
                what: "reviewed".to_owned(),
                date,
            });
            return Ok(());
        }
        doc.set_reviewed(date);
        Ok(())
    }

    /// Record a measurement (`dx measure`). The same date and value again
    /// writes nothing; the same date with another value is refused unless
    /// `--replace` (SPEC §7.1).
    pub fn measure(
        &mut self,
        id: &str,
        indicator: &str,
        observation: &NewObservation,
    ) -> Result<(), EditError> {
        let i = self.work(id)?;
        self.not_future(id, observation.date)?;
        let r = &self.model.records[i];
        let rid = r.id.to_string();
        let Some((index, found)) = r.indicator_named(indicator) else {
            return Err(EditError::UnknownIndicator {
                id: rid,
                name: indicator.to_owned(),
                known: r.indicators().iter().map(|x| x.name().to_owned()).collect(),
            });
        };
        let name = found.name().to_owned();
        let replace = self.options.replace;
        let doc = self.doc(i)?;
        match doc.observation_on(index, observation.date) {
            Some(recorded) if same_value(recorded, observation.value) => {
                self.follow_ups.push(FollowUp::AlreadyRecorded {
                    id: rid,
                    what: name,
                    date: observation.date,
                });
                return Ok(());
            }
            Some(recorded) if !replace => {
                return Err(EditError::ObservationExists {
                    id: rid,
                    indicator: name,
                    date: observation.date,
                    recorded,
                    given: observation.value,
                });
            }
            Some(_) => {
                doc.replace_observation(index, observation);
                return Ok(());
            }
            None => {}
        }
        if doc.push_observation(index, observation) {
            Ok(())
        } else {
            Err(EditError::UnknownIndicator {
                id: rid,
                name: indicator.to_owned(),
                known: Vec::new(),
            })
        }
    }

    /// A record was stopped: its active 技術 may need the same decision,
    /// and a 手法 left with no active 技術 may too.
    fn retired(&mut self, i: RecordIdx) {
        let model = self.model;
        let back = &model.back;
        let active =
            |t: RecordIdx| t != i && model.records[t].stage().is_some_and(|s| !s.is_retired());
        let id = model.records[i].id.to_string();
        match model.records[i].kind {
            Kind::Method => {
                for &t in &back.implementers[i] {
                    if active(t) {
                        self.follow_ups.push(FollowUp::SameDecision {
                            id: model.records[t].id.to_string(),
                            title: model.records[t].title().to_owned(),
                            after: id.clone(),
                        });
                    }
                }
            }
            Kind::Technology => {
                for (key, _, res) in model.resolved_links(i) {
                    if key.key != "implements" {
                        continue;
                    }
                    let crate::model::Resolution::Found(crate::model::Thing::Record(m)) = res
                    else {
                        continue;
                    };
                    let method_active = model.records[m].stage().is_some_and(|s| !s.is_retired());
                    if method_active && !back.implementers[m].iter().any(|&t| active(t)) {
                        self.follow_ups.push(FollowUp::NoActiveTechnology {
                            id: model.records[m].id.to_string(),
                            title: model.records[m].title().to_owned(),
                        });
                    }
                }
            }
            Kind::Issue => {}
        }
    }

    /// How many of the steps asked so far were in the records already.
    #[must_use]
    pub fn already_recorded(&self) -> usize {
        self.follow_ups
            .iter()
            .filter(|f| matches!(f, FollowUp::AlreadyRecorded { .. }))
            .count()
    }

    /// The plan: every opened record's new bytes, in path order.
    #[must_use]
    pub fn finish(self) -> Plan {
        let model = self.model;
        let mut changes: Vec<Change> = self
            .docs
            .into_iter()
            .map(|(i, (before, held))| Change {
                path: model.path_of(&model.records[i]).to_owned(),
                after: Some(match held {
                    Held::Open(doc) => doc.finish(),
                    Held::Settled(after) => after,
                }),
                before: Some(before),
            })
            .filter(|c| c.before != c.after)
            .collect();
        changes.sort_by(|a, b| a.path.cmp(&b.path));
        let mut follow_ups = self.follow_ups;
        follow_ups.dedup();
        Plan {
            changes,
            follow_ups,
        }
    }
}

/// Two observed values are the same (none is the same as none).
fn same_value(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        (None, None) => true,
        _ => false,
    }
}
