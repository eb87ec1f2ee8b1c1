//! The writers of SPEC §6.4 (`dx decide`, `dx measure`, `dx review`,
//! `dx apply`, `dx mv`): each builds a [`Plan`] — the new bytes of every
//! file it touches — from the model and the files as they are; the command
//! checks the tree as the plan would leave it and only then writes it, all
//! or nothing. Nothing here writes.

pub mod meeting;
pub mod mv;
mod record;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

pub use record::{NewDecision, NewObservation, RecordDoc};

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

/// Edits in progress over one model: every record opened once, so that
/// several steps on one record (a meeting's decision and measurement)
/// compose.
pub struct Session<'m> {
    model: &'m Model,
    root: PathBuf,
    docs: BTreeMap<RecordIdx, (Vec<u8>, RecordDoc)>,
    follow_ups: Vec<FollowUp>,
}

impl<'m> Session<'m> {
    /// A session on the tree of `model`.
    #[must_use]
    pub fn new(model: &'m Model) -> Self {
        Self {
            model,
            root: model.root.clone(),
            docs: BTreeMap::new(),
            follow_ups: Vec::new(),
        }
    }

    /// The one 手法 or 技術 with this ID.
    pub fn work(&self, id: &str) -> Result<RecordIdx, EditError> {
        let model = self.model;
        let mut found = model
            .parsed_records()
            .filter(|(_, r)| r.id.as_str() == id.trim());
        let Some((i, r)) = found.next() else {
            return Err(EditError::UnknownRecord {
                id: id.to_owned(),
                nearest: crate::suggest::nearest(id, model.all_ids()).map(str::to_owned),
            });
        };
        if found.next().is_some() {
            return Err(EditError::Ambiguous { id: id.to_owned() });
        }
        if r.kind == Kind::Issue {
            return Err(EditError::NotWork { id: id.to_owned() });
        }
        Ok(i)
    }

    fn doc(&mut self, i: RecordIdx) -> Result<&mut RecordDoc, EditError> {
        if !self.docs.contains_key(&i) {
            let r = &self.model.records[i];
            let path = self.model.path_of(r).to_owned();
            let unreadable = || EditError::Unreadable { path: path.clone() };
            let bytes = std::fs::read(self.root.join(&path)).map_err(|_| unreadable())?;
            let doc = RecordDoc::open(&bytes, r.kind).ok_or_else(unreadable)?;
            self.docs.insert(i, (bytes, doc));
        }
        match self.docs.get_mut(&i) {
            Some((_, doc)) => Ok(doc),
            None => Err(EditError::Invalid {
                what: String::new(),
            }),
        }
    }

    fn review_date(&self, date: Date) -> Date {
        let months = i64::from(self.model.settings.review_interval_months);
        date.checked_add(jiff::Span::new().months(months))
            .unwrap_or(date)
    }

    /// Record a decision (SPEC §6.4 `dx decide`): append it, set the stage
    /// its result implies, move the next review of a record in 運用, and
    /// note the linked records that may need the same decision.
    pub fn decide(
        &mut self,
        id: &str,
        decision: &NewDecision,
        next_review: Option<Date>,
    ) -> Result<(), EditError> {
        let i = self.work(id)?;
        let interval = self.review_date(decision.date);
        let doc = self.doc(i)?;
        let from = doc.stage();
        let to = stage_after(decision.result).or(from);
        doc.push_decision(decision);
        if let Some(to) = to
            && Some(to) != from
        {
            doc.set_stage(to);
        }
        let review = match (next_review, to) {
            (Some(d), _) => Some(d),
            (None, Some(Stage::Operation)) => Some(interval),
            _ => None,
        };
        if let Some(date) = review {
            doc.set_review_due(date);
        }
        let rid = self.model.records[i].id.to_string();
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

    /// Record a 定期的な見直し (`dx review`): a decision, 継続 unless said
    /// otherwise, by 作業部会 unless said otherwise, and the next review.
    pub fn review(
        &mut self,
        id: &str,
        date: Date,
        body: Option<Body>,
        result: Option<Outcome>,
        note: Option<String>,
        next_review: Option<Date>,
    ) -> Result<(), EditError> {
        let decision = NewDecision {
            date,
            body: body.unwrap_or(Body::WorkingGroup),
            result: result.unwrap_or(Outcome::Continue),
            note,
        };
        let next = next_review.unwrap_or_else(|| self.review_date(date));
        let stops = stage_after(decision.result).is_some_and(Stage::is_retired);
        self.decide(id, &decision, (!stops).then_some(next))
    }

    /// Record a measurement (`dx measure`).
    pub fn measure(
        &mut self,
        id: &str,
        indicator: &str,
        observation: &NewObservation,
    ) -> Result<(), EditError> {
        let i = self.work(id)?;
        let r = &self.model.records[i];
        let Some((index, _)) = r.indicator_named(indicator) else {
            return Err(EditError::UnknownIndicator {
                id: id.to_owned(),
                name: indicator.to_owned(),
                known: r.indicators().iter().map(|x| x.name().to_owned()).collect(),
            });
        };
        let doc = self.doc(i)?;
        if doc.push_observation(index, observation) {
            Ok(())
        } else {
            Err(EditError::UnknownIndicator {
                id: id.to_owned(),
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

    /// The plan: every opened record's new bytes, in path order.
    #[must_use]
    pub fn finish(self) -> Plan {
        let model = self.model;
        let mut changes: Vec<Change> = self
            .docs
            .into_iter()
            .map(|(i, (before, doc))| Change {
                path: model.path_of(&model.records[i]).to_owned(),
                after: Some(doc.finish()),
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

/// The stage a decision's result moves a record to (SPEC §6.4); 継続 and
/// 改善 keep it.
#[must_use]
pub fn stage_after(result: Outcome) -> Option<Stage> {
    match result {
        Outcome::StartPilot => Some(Stage::Pilot),
        Outcome::EarlyAdoption => Some(Stage::EarlyAdoption),
        Outcome::Adopt => Some(Stage::Decided),
        Outcome::Reject => Some(Stage::Rejected),
        Outcome::Retire => Some(Stage::Retired),
        Outcome::Continue | Outcome::Improve => None,
    }
}
