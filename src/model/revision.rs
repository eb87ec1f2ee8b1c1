//! The guideline's revisions (SPEC §7.4): what each `[[revision]]` changed
//! reaches down the links, and which active records still owe the four
//! processes run again. Read by the rule `revision-review-due` and by
//! `dx agenda`.

use jiff::civil::Date;

use super::{Idx, Kind, Model, RecordIdx, Thing};

/// An active record a revision reaches that has not been taken up since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevisionDue {
    /// The record.
    pub record: RecordIdx,
    /// Index into `settings.revisions`: the latest revision reaching it.
    pub revision: usize,
    /// The changed reference through which it is reached (`kurashi-1`).
    pub via: String,
}

impl Model {
    /// The records reached by a revision's `changed` (ビジョン items → their
    /// 課題 → the 手法 solving them → the 技術 implementing those; 原則, 配慮
    /// and national items → the 手法 and 技術 following them), still active,
    /// with no decision (手法, 技術) or `reviewed` (課題) dated on or after
    /// the latest revision that reaches them. Linear in the records reached
    /// per revision.
    #[must_use]
    pub fn revision_due(&self) -> Vec<RevisionDue> {
        let revisions = &self.settings.revisions;
        let mut order: Vec<usize> = (0..revisions.len())
            .filter(|&i| revisions[i].date.is_some() && !revisions[i].changed.is_empty())
            .collect();
        // Latest first: a record answers to the latest revision reaching it.
        order.sort_by_key(|&i| std::cmp::Reverse(revisions[i].date));
        let mut settled = vec![false; self.records.len()];
        let mut seen = vec![false; self.records.len()];
        let mut out = Vec::new();
        for ri in order {
            let rev = &revisions[ri];
            let Some(date) = rev.date else { continue };
            seen.iter_mut().for_each(|s| *s = false);
            let mut queue: Vec<(RecordIdx, usize)> = Vec::new();
            for (via, id) in rev.changed.iter().enumerate() {
                queue.extend(self.reached_by(id).into_iter().map(|r| (r, via)));
            }
            while let Some((i, via)) = queue.pop() {
                if std::mem::replace(&mut seen[i.get()], true) {
                    continue;
                }
                match self.records[i].kind {
                    Kind::Issue => queue.extend(self.back.solvers[i].iter().map(|&m| (m, via))),
                    Kind::Method => {
                        queue.extend(self.back.implementers[i].iter().map(|&t| (t, via)));
                    }
                    Kind::Technology => {}
                }
                if std::mem::replace(&mut settled[i.get()], true) {
                    continue;
                }
                if self.active(i) && !self.taken_up_since(i, date) {
                    out.push(RevisionDue {
                        record: i,
                        revision: ri,
                        via: rev.changed[via].clone(),
                    });
                }
            }
        }
        out.sort_by_key(|d| d.record);
        out
    }

    /// The records a changed reference names directly.
    fn reached_by(&self, id: &str) -> Vec<RecordIdx> {
        let vision_of = |f: super::FieldIdx| -> Vec<RecordIdx> {
            self.back.vision_issues[f]
                .iter()
                .flatten()
                .copied()
                .collect()
        };
        match self.find(id) {
            Some(Thing::Record(i)) => vec![i],
            Some(Thing::Vision(f, v)) => self.back.vision_issues[f]
                .get(v.get())
                .cloned()
                .unwrap_or_default(),
            Some(Thing::Field(f)) => vision_of(f),
            Some(Thing::Domain(d)) => self.back.domain_records[d].to_vec(),
            Some(Thing::Principle(p)) => self.back.principle_followers[p].to_vec(),
            Some(Thing::Consideration(c)) => self.back.consideration_followers[c].to_vec(),
            Some(Thing::National(n)) => self.back.national_followers[n].to_vec(),
            None => Vec::new(),
        }
    }

    /// Still pursued: a 手法 or 技術 not 見送り or 廃止, a 課題 not closed.
    fn active(&self, i: RecordIdx) -> bool {
        let r = &self.records[i];
        match r.kind {
            Kind::Issue => r.issue().is_some_and(|p| p.closed.is_none()),
            _ => r.stage().is_some_and(|s| !s.is_retired()),
        }
    }

    /// A decision (手法, 技術) or a `reviewed` (課題) dated on or after `date`.
    fn taken_up_since(&self, i: RecordIdx, date: Date) -> bool {
        let r = &self.records[i];
        match r.kind {
            Kind::Issue => r
                .issue()
                .and_then(|p| p.reviewed.as_ref())
                .is_some_and(|d| d.value >= date),
            _ => r
                .decisions()
                .iter()
                .any(|d| d.date.as_ref().is_some_and(|x| x.value >= date)),
        }
    }
}

/// The national plan's editions (SPEC §7.4): which items the current
/// edition holds, and which current item takes over an earlier one. A
/// national.toml of the first edition (one flat `[[priority]]` list) is one
/// edition, all of it current.
#[derive(Clone, Debug, Default)]
pub struct NationalPlan {
    /// Every `[[edition]]`, as written (empty for the flat form).
    pub editions: Vec<Edition>,
    /// The index of the current edition in `editions`.
    pub current: Option<usize>,
    /// An earlier item's ID → the current item taking it over.
    pub replaced_by: std::collections::HashMap<String, String>,
}

/// One edition of the national plan.
#[derive(Clone, Debug, Default)]
pub struct Edition {
    /// `2.3`.
    pub version: String,
    /// When it was published.
    pub date: Option<Date>,
    /// The IDs of its items, in order.
    pub items: Vec<String>,
}

impl NationalPlan {
    /// Whether `id` is an item of the current edition (always, for the
    /// flat form).
    #[must_use]
    pub fn is_current(&self, id: &str) -> bool {
        match self.current {
            Some(i) => self.editions[i].items.iter().any(|x| x == id),
            None => true,
        }
    }

    /// The current item taking over `id`, following a chain of editions.
    #[must_use]
    pub fn successor(&self, id: &str) -> Option<&str> {
        let mut at = self.replaced_by.get(id)?;
        // A chain N3 → N7 → N9 ends at the current item; a cycle written
        // by mistake ends after as many steps as there are replacements.
        for _ in 0..self.replaced_by.len() {
            if self.is_current(at) {
                break;
            }
            match self.replaced_by.get(at.as_str()) {
                Some(next) => at = next,
                None => break,
            }
        }
        Some(at)
    }
}
