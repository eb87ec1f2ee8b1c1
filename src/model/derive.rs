//! What is derived, never stored (SPEC §3): link resolution, reverse links,
//! a 課題's progress, an indicator's attainment.

use compact_str::CompactString;

use super::{Indicator, Kind, LinkKey, Model, Progress, Record, RecordIdx, Thing, ids};
use crate::diag::IdKind;
use crate::files::Sp;

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

/// A [`Thing`] or a [`Resolution`] in eight bytes instead of 24: a tree of
/// a hundred thousand records has a few hundred thousand links, and the ID
/// table a slot per ID. Bits 60–63 say what it is, bits 28–59 and 0–27 hold
/// the indices (a ビジョン item's index is below 2^28: a file is at most
/// 4 MiB).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Packed(u64);

impl Packed {
    const MALFORMED: u64 = 7;
    const MISSING: u64 = 8;
    const WRONG_KIND: u64 = 9;
    const UNCHECKED: u64 = 10;

    fn new(tag: u64, a: usize, b: usize) -> Self {
        Self(tag << 60 | (a as u64 & 0xFFFF_FFFF) << 28 | (b as u64 & 0x0FFF_FFFF))
    }

    fn parts(self) -> (u64, usize, usize) {
        let a = (self.0 >> 28) & 0xFFFF_FFFF;
        let b = self.0 & 0x0FFF_FFFF;
        (self.0 >> 60, a as usize, b as usize)
    }

    pub(crate) fn thing(thing: Thing) -> Self {
        match thing {
            Thing::Record(i) => Self::new(0, i, 0),
            Thing::Vision(f, v) => Self::new(1, f, v),
            Thing::Principle(i) => Self::new(2, i, 0),
            Thing::Consideration(i) => Self::new(3, i, 0),
            Thing::National(i) => Self::new(4, i, 0),
            Thing::Field(i) => Self::new(5, i, 0),
            Thing::Domain(i) => Self::new(6, i, 0),
        }
    }

    pub(crate) fn resolution(res: Resolution) -> Self {
        match res {
            Resolution::Found(thing) => Self::thing(thing),
            Resolution::Malformed => Self::new(Self::MALFORMED, 0, 0),
            Resolution::Missing => Self::new(Self::MISSING, 0, 0),
            Resolution::WrongKind(kind) => {
                let at = IdKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
                Self::new(Self::WRONG_KIND, at, 0)
            }
            Resolution::Unchecked => Self::new(Self::UNCHECKED, 0, 0),
        }
    }

    pub(crate) fn to_resolution(self) -> Resolution {
        let (tag, a, b) = self.parts();
        match tag {
            0 => Resolution::Found(Thing::Record(a)),
            1 => Resolution::Found(Thing::Vision(a, b)),
            2 => Resolution::Found(Thing::Principle(a)),
            3 => Resolution::Found(Thing::Consideration(a)),
            4 => Resolution::Found(Thing::National(a)),
            5 => Resolution::Found(Thing::Field(a)),
            6 => Resolution::Found(Thing::Domain(a)),
            Self::MALFORMED => Resolution::Malformed,
            Self::MISSING => Resolution::Missing,
            Self::WRONG_KIND => IdKind::ALL
                .get(a)
                .map_or(Resolution::Unchecked, |k| Resolution::WrongKind(*k)),
            _ => Resolution::Unchecked,
        }
    }

    /// The thing, for a packed thing or a found resolution.
    pub(crate) fn to_thing(self) -> Option<Thing> {
        match self.to_resolution() {
            Resolution::Found(thing) => Some(thing),
            _ => None,
        }
    }
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
        if self.records[issue].closed().is_some() {
            return Progress::Resolved;
        }
        self.solvers[issue]
            .iter()
            .filter_map(|&m| self.records[m].stage())
            .filter_map(Progress::from_stage)
            .max()
            .unwrap_or(Progress::NotStarted)
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
            .indicators
            .iter()
            .filter_map(|i| i.target_date.as_ref())
            .map(|d| d.value)
            .max()?;
        let decided_since = record
            .decisions
            .iter()
            .filter_map(|d| d.date.as_ref())
            .any(|d| d.value >= latest);
        (latest < today && !decided_since).then_some(latest)
    }

    /// The index of a record in [`Model::records`].
    #[must_use]
    pub fn index_of(&self, record: &Record) -> Option<RecordIdx> {
        match self.find(&record.id)? {
            Thing::Record(i) if std::ptr::eq(&*self.records[i], record) => Some(i),
            // A duplicate ID: find it the slow way; duplicates are errors and rare.
            _ => self.records.iter().position(|r| std::ptr::eq(&**r, record)),
        }
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

/// Resolve every link once, mark the repeats, and fill in the reverse
/// links: who solves each 課題, who implements each 手法, which 課題 name
/// each ビジョン item.
pub(super) fn link(model: &mut Model) {
    use rayon::prelude::*;
    // Counted first, so that the results are written in place, each record
    // into its own slice of one vector: no per-record vectors to gather.
    let mut link_start = Vec::with_capacity(model.records.len() + 1);
    let mut total = 0;
    for r in &model.records {
        link_start.push(total);
        total += r.links().count();
    }
    link_start.push(total);
    let mut resolved = vec![Packed::resolution(Resolution::Unchecked); total];
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
        .zip(m.records.par_iter())
        .for_each(|((res, rep), r)| {
            let links: Vec<(LinkKey, &Sp<CompactString>)> = r.links().collect();
            for (out, (key, link)) in res.iter_mut().zip(&links) {
                *out = Packed::resolution(m.resolve(key.target, &link.value));
            }
            for (out, seen) in rep.iter_mut().zip(repeats(&links)) {
                *out = seen;
            }
        });
    model.resolved = resolved;
    model.repeated = repeated;
    model.link_start = link_start;

    let n = model.records.len();
    let mut solvers = Vec::new();
    let mut implementers = Vec::new();
    let mut vision_issues: Vec<Vec<Vec<RecordIdx>>> = model
        .fields
        .iter()
        .map(|f| vec![Vec::new(); f.vision.len()])
        .collect();
    for i in 0..n {
        // A link written twice counts once.
        for (key, _, res) in model.distinct_links(i) {
            let Resolution::Found(thing) = res else {
                continue;
            };
            match (key.key, thing) {
                ("solves", Thing::Record(t)) => solvers.push((t, i)),
                ("implements", Thing::Record(t)) => implementers.push((t, i)),
                ("vision", Thing::Vision(f, v)) => vision_issues[f][v].push(i),
                _ => {}
            }
        }
    }
    model.solvers = super::Reverse::new(n, solvers);
    model.implementers = super::Reverse::new(n, implementers);
    model.vision_issues = vision_issues;
}

/// An indicator's attainment: (actual − baseline) / (target − baseline).
///
/// `None` when a value is missing or the target equals the baseline.
#[must_use]
pub fn attainment(indicator: &Indicator) -> Option<f64> {
    let baseline = indicator.baseline.as_ref()?.value;
    let target = indicator.target.as_ref()?.value;
    let actual = indicator.actual.as_ref()?.value;
    let span = target - baseline;
    (span != 0.0).then(|| (actual - baseline) / span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_loses_nothing() {
        let big = u32::MAX as usize;
        let things = [
            Thing::Record(0),
            Thing::Record(big),
            Thing::Vision(3, (1 << 28) - 1),
            Thing::Vision(big, 0),
            Thing::Principle(4),
            Thing::Consideration(2),
            Thing::National(5),
            Thing::Field(big),
            Thing::Domain(1667),
        ];
        for thing in things {
            assert_eq!(Packed::thing(thing).to_thing(), Some(thing));
            let found = Resolution::Found(thing);
            assert_eq!(Packed::resolution(found).to_resolution(), found);
        }
        let others = [
            Resolution::Malformed,
            Resolution::Missing,
            Resolution::Unchecked,
        ]
        .into_iter()
        .chain(IdKind::ALL.map(Resolution::WrongKind));
        for res in others {
            assert_eq!(Packed::resolution(res).to_resolution(), res);
            assert_eq!(Packed::resolution(res).to_thing(), None);
        }
    }
}
