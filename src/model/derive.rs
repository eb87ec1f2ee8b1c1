//! What is derived, never stored (SPEC §3): link resolution, reverse links,
//! a 課題's progress, an indicator's attainment.

use compact_str::CompactString;

use super::index::ReverseBuilder;
use super::{
    Backlinks, DomainIdx, FieldIdx, Idx, IndexVec, Kind, LinkKey, Model, Progress, Record,
    RecordIdx, Reverse, Thing, ids,
};
use crate::files::Sp;
use crate::names::Relation;
use crate::vocab::IdKind;

/// What a link resolves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// The thing named, of the expected kind.
    Found(Thing),
    /// Not a well-formed ID of the expected kind, nor of any other kind that exists.
    Malformed,
    /// Well-formed, but nothing has that ID.
    Missing,
    /// Something of another kind has that ID.
    WrongKind(IdKind),
    /// Cannot be checked: the reference file it would be in is missing.
    Unchecked,
}

impl Model {
    /// Resolve a link that must name a `target`.
    #[must_use]
    pub fn resolve(&self, target: IdKind, value: &str) -> Resolution {
        let found = self.find(value);
        if let Some(thing) = found {
            let kind = self.kind_of(thing);
            return if kind == target {
                Resolution::Found(thing)
            } else {
                Resolution::WrongKind(kind)
            };
        }
        let unchecked = match target {
            IdKind::Principle | IdKind::Consideration => !self.has_principles,
            IdKind::National => !self.has_national,
            _ => false,
        };
        if !ids::is_well_formed(&self.settings.prefixes, target, value)
            && ids::well_formed_kind(&self.settings.prefixes, value).is_none()
        {
            Resolution::Malformed
        } else if unchecked {
            Resolution::Unchecked
        } else {
            Resolution::Missing
        }
    }

    /// The record a link names, if it resolves to a record of `kind`.
    #[must_use]
    pub fn linked_record(&self, kind: Kind, value: &str) -> Option<RecordIdx> {
        match self.resolve(kind.into(), value) {
            Resolution::Found(Thing::Record(i)) => Some(i),
            _ => None,
        }
    }

    /// A 課題's progress: 解消 if closed, else the furthest stage among the
    /// 手法 that solve it and are still pursued.
    #[must_use]
    pub fn progress(&self, issue: RecordIdx) -> Progress {
        // Derived once per 課題 when the model is linked: a 課題 solved by
        // a hundred thousand 手法 is not walked again for each of them.
        match self.back.progress.get(issue) {
            Some(&p) => p,
            None => progress_of(self, &self.back.solvers, issue),
        }
    }

    /// For a pilot (実証実験/先行導入) whose indicators' target dates have all
    /// passed with no decision on or after the latest: that date.
    #[must_use]
    pub fn awaiting_decision(
        &self,
        record: &Record,
        today: jiff::civil::Date,
    ) -> Option<jiff::civil::Date> {
        if !record.stage()?.is_pilot() {
            return None;
        }
        let latest = record
            .indicators()
            .iter()
            .filter_map(|i| i.target_date.as_ref())
            .map(|d| d.value)
            .max()?;
        let decided_since = record
            .decisions()
            .iter()
            .filter_map(|d| d.date.as_ref())
            // A decision dated after today is a typo (future-date), not
            // the decision the pilot waits for.
            .any(|d| d.value >= latest && d.value <= today);
        (latest < today && !decided_since).then_some(latest)
    }
}

/// For each link, whether the same ID came earlier under the same key.
/// Lists are short, so a scan; a pasted list of thousands gets a set.
fn repeats(links: &[(LinkKey, &Sp<CompactString>)]) -> Vec<bool> {
    const SCAN: usize = 32;
    if links.len() <= SCAN {
        return links
            .iter()
            .enumerate()
            .map(|(i, (k, l))| {
                links[..i]
                    .iter()
                    .any(|(k2, l2)| k2.key == k.key && l2.value == l.value)
            })
            .collect();
    }
    let mut seen = rustc_hash::FxHashSet::default();
    links
        .iter()
        .map(|(k, l)| !seen.insert((k.key, l.value.as_str())))
        .collect()
}

/// Resolve every link once, mark the repeats, and build the back links.
pub(super) fn link(model: &mut Model) {
    use rayon::prelude::*;
    // Counted first, so that the results are written in place, each record
    // into its own slice of one vector: no per-record vectors to gather.
    let mut link_start = Vec::with_capacity(model.records.len() + 1);
    let mut total = 0usize;
    for r in &model.records {
        link_start.push(total);
        total += r.links().count();
    }
    link_start.push(total);
    let mut resolved = vec![Resolution::Unchecked; total];
    let mut repeated = vec![false; total];
    let mut slices = Vec::with_capacity(model.records.len());
    let (mut res_rest, mut rep_rest) = (&mut resolved[..], &mut repeated[..]);
    for w in link_start.windows(2) {
        let (res, res_tail) = res_rest.split_at_mut(w[1] - w[0]);
        let (rep, rep_tail) = rep_rest.split_at_mut(w[1] - w[0]);
        slices.push((res, rep));
        (res_rest, rep_rest) = (res_tail, rep_tail);
    }
    let m = &*model;
    slices
        .into_par_iter()
        .zip(m.records.as_slice().par_iter())
        .for_each(|((res, rep), r)| {
            let links: Vec<(LinkKey, &Sp<CompactString>)> = r.links().collect();
            for (out, (key, link)) in res.iter_mut().zip(&links) {
                *out = m.resolve(key.target, &link.value);
            }
            for (out, seen) in rep.iter_mut().zip(repeats(&links)) {
                *out = seen;
            }
        });
    model.resolved = resolved;
    model.repeated = repeated;
    model.link_start = link_start;
    model.back = backlinks(model);
}

/// Count a pair (first pass) or place it (second).
fn add<I: Idx, J: Idx>(b: &mut ReverseBuilder<I, J>, placing: bool, to: I, from: J) {
    if placing {
        b.place(to, from);
    } else {
        b.count(to);
    }
}

/// A 課題's progress from the 手法 solving it (see [`Model::progress`]).
fn progress_of(
    model: &Model,
    solvers: &crate::model::Reverse<RecordIdx, RecordIdx>,
    issue: RecordIdx,
) -> Progress {
    if model.records[issue].closed().is_some() {
        return Progress::Resolved;
    }
    solvers[issue]
        .iter()
        .filter_map(|&m| model.records[m].stage())
        .filter_map(Progress::from_stage)
        .max()
        .unwrap_or(Progress::NotStarted)
}

/// Who points at what: two passes over every resolved link, the first to
/// count, the second to place (no list of pairs held).
fn backlinks(model: &Model) -> Backlinks {
    let n = model.records.len();
    let mut solvers = ReverseBuilder::new(n);
    let mut implementers = ReverseBuilder::new(n);
    let mut expanders = ReverseBuilder::new(n);
    let mut principles = ReverseBuilder::new(model.principles.len());
    let mut considerations = ReverseBuilder::new(model.considerations.len());
    let mut national = ReverseBuilder::new(model.national.len());
    let mut vision_issues: IndexVec<FieldIdx, Vec<Vec<RecordIdx>>> = model
        .fields
        .iter()
        .map(|f| vec![Vec::new(); f.vision.len()])
        .collect::<Vec<_>>()
        .into();
    for placing in [false, true] {
        for i in model.records.indices() {
            // A link written twice counts once.
            for (key, _, res) in model.distinct_links(i) {
                let Resolution::Found(thing) = res else {
                    continue;
                };
                let (table, to) = match (key.relation, thing) {
                    (Relation::Solves, Thing::Record(t)) => (&mut solvers, t),
                    (Relation::Implements, Thing::Record(t)) => (&mut implementers, t),
                    (Relation::Expands, Thing::Record(t)) => (&mut expanders, t),
                    (Relation::Vision, Thing::Vision(f, v)) => {
                        if placing {
                            vision_issues[f][v.get()].push(i);
                        }
                        continue;
                    }
                    (_, Thing::Principle(p)) => {
                        add(&mut principles, placing, p, i);
                        continue;
                    }
                    (_, Thing::Consideration(c)) => {
                        add(&mut considerations, placing, c, i);
                        continue;
                    }
                    (_, Thing::National(p)) => {
                        add(&mut national, placing, p, i);
                        continue;
                    }
                    _ => continue,
                };
                add(table, placing, to, i);
            }
        }
        if !placing {
            for b in [&mut solvers, &mut implementers, &mut expanders] {
                b.counted();
            }
            for b in [&mut principles, &mut considerations, &mut national] {
                b.counted();
            }
        }
    }
    let domain_records = model
        .records
        .enumerate()
        .filter_map(|(i, r)| Some((r.domain?, i)))
        .collect::<Vec<(DomainIdx, RecordIdx)>>();
    let field_domains = model
        .domains
        .enumerate()
        .filter_map(|(d, dom)| Some((dom.field?, d)))
        .collect::<Vec<(FieldIdx, DomainIdx)>>();
    let solvers = solvers.finish();
    let progress = model
        .records
        .indices()
        .map(|i| progress_of(model, &solvers, i))
        .collect::<Vec<_>>()
        .into();
    Backlinks {
        progress,
        solvers,
        implementers: implementers.finish(),
        expanders: expanders.finish(),
        principle_followers: principles.finish(),
        consideration_followers: considerations.finish(),
        national_followers: national.finish(),
        vision_issues,
        domain_records: Reverse::new(model.domains.len(), &domain_records),
        field_domains: Reverse::new(model.fields.len(), &field_domains),
    }
}
