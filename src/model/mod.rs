//! The portfolio as one validated, typed model, built once per run and read
//! by every rule and report.
//!
//! Loading (`load`) parses every file in parallel and validates it into the
//! types here; links are then resolved once through [`Lookup`], and reverse
//! links (who solves a 課題, who implements a 手法) are kept in [`Model`].

mod derive;
pub mod ids;
pub mod keys;
mod load;
mod nearest;
mod reader;
mod settings;
mod vocab;

pub use derive::{Resolution, attainment};
pub use load::{LoadError, MAX_FILE_BYTES, Source, find_root, load, load_from, parse_only};
pub use settings::{Level, Prefixes, Settings};
pub use vocab::{Body, Kind, Outcome, Progress, Stage, TeamKind, Visibility};

use std::path::PathBuf;

use compact_str::CompactString;
use jiff::civil::Date;
use thin_vec::ThinVec;

use crate::diag::{Diagnostic, IdKind};
use crate::files::{FileDb, FileId, Loc, Sp, Span};

/// Index of a record in [`Model::records`].
pub type RecordIdx = usize;

/// A list of links as written: the array's span and each item.
#[derive(Clone, Debug, Default)]
pub struct LinkList {
    /// The whole array (for an empty list).
    pub span: Option<Loc>,
    /// Each ID as written.
    pub items: Box<[Sp<CompactString>]>,
}

/// A 原則, 横断的配慮 or 国の重点取組事項.
#[derive(Clone, Debug)]
pub struct Reference {
    /// `P1`, `C2`, `N3`.
    pub id: Sp<CompactString>,
    /// Its wording.
    pub title: String,
}

/// A ビジョン item of a 分野.
#[derive(Clone, Debug)]
pub struct VisionItem {
    /// `kurashi-1`.
    pub id: String,
    /// Its number in the 分野 (①…).
    pub no: u32,
    /// The guideline's words.
    pub text: String,
    /// Where `no` was written.
    pub span: Span,
}

/// A 分野: the top of the hierarchy, with its ビジョン.
#[derive(Clone, Debug)]
pub struct Field {
    /// The folder name: `kurashi`.
    pub id: String,
    /// `暮らし手続き`.
    pub name: String,
    /// The 作業部会 of this 分野.
    pub working_group: Option<String>,
    /// Its ビジョン items, in number order.
    pub vision: Vec<VisionItem>,
    /// Its field.toml.
    pub file: FileId,
}

/// A 領域 inside a 分野.
#[derive(Clone, Debug)]
pub struct Domain {
    /// `kurashi/online`: the folder path from the root.
    pub id: String,
    /// `オンライン手続`.
    pub name: String,
    /// Optional description.
    pub description: Option<String>,
    /// Index into [`Model::fields`].
    pub field: Option<usize>,
    /// Its domain.toml.
    pub file: FileId,
}

/// The 検討チーム or タスクフォース carrying a 手法 or 技術.
#[derive(Clone, Debug)]
pub struct Team {
    /// The `[team]` header.
    pub span: Loc,
    /// Its name.
    pub name: Option<Sp<CompactString>>,
    /// 検討チーム or タスクフォース.
    pub kind: Option<Sp<TeamKind>>,
    /// The lead, as a role.
    pub lead: Option<Sp<CompactString>>,
    /// Departments taking part.
    pub departments: Box<[Sp<CompactString>]>,
}

/// An 評価指標.
#[derive(Clone, Debug)]
pub struct Indicator {
    /// The `[[indicator]]` header.
    pub span: Loc,
    /// Its name.
    pub name: Option<Sp<CompactString>>,
    /// Its unit.
    pub unit: Option<Sp<CompactString>>,
    /// The value before.
    pub baseline: Option<Sp<f64>>,
    /// The value aimed at; below baseline means lower is better.
    pub target: Option<Sp<f64>>,
    /// When the target should be reached.
    pub target_date: Option<Sp<Date>>,
    /// The latest measurement.
    pub actual: Option<Sp<f64>>,
    /// When it was measured.
    pub measured: Option<Sp<Date>>,
}

impl Indicator {
    /// The indicator's name, or empty.
    #[must_use]
    pub fn name(&self) -> &str {
        self.name.as_ref().map_or("", |n| n.value.as_str())
    }
}

/// One entry of the decision log.
#[derive(Clone, Debug)]
pub struct Decision {
    /// The `[[decision]]` header.
    pub span: Loc,
    /// When.
    pub date: Option<Sp<Date>>,
    /// Which body decided.
    pub body: Option<Sp<Body>>,
    /// What was decided.
    pub result: Option<Sp<Outcome>>,
    /// A note.
    pub note: Option<Sp<CompactString>>,
}

/// A 課題's `[closed]` table.
#[derive(Clone, Debug)]
pub struct Closed {
    /// The `[closed]` header.
    pub span: Loc,
    /// When.
    pub date: Option<Sp<Date>>,
    /// Why no more work is needed.
    pub reason: Option<Sp<CompactString>>,
}

/// A 課題, 手法 or 技術: one file.
///
/// Keys that do not belong to the kind are rejected when loading, so they
/// stay empty here.
#[derive(Clone, Debug)]
pub struct Record {
    /// The ID, from the file name.
    pub id: CompactString,
    /// The kind, from the ID prefix.
    pub kind: Kind,
    /// The file.
    pub file: FileId,
    /// The `id` key's value, when present.
    pub id_key: Option<Box<Sp<CompactString>>>,
    /// False when the file could not be read as TOML: the ID exists, nothing else is known.
    pub parsed: bool,
    /// Index into [`Model::domains`]: read through [`Record::domain`].
    domain_at: Option<u32>,
    /// Index into [`Model::fields`]: read through [`Record::field`].
    field_at: Option<u32>,
    /// Title.
    pub title: Option<Sp<CompactString>>,
    /// 手法: the 課題 it solves.
    pub solves: Option<Box<LinkList>>,
    /// 手法: the 原則 it follows.
    pub principles: Option<Box<LinkList>>,
    /// 手法: the 横断的配慮 it heeds.
    pub considerations: Option<Box<LinkList>>,
    /// 手法/技術: the national priorities it serves.
    pub national: Option<Box<LinkList>>,
    /// 手法: the earlier 手法 it rolls out.
    pub expands: Option<Box<Sp<CompactString>>>,
    /// 技術: the 手法 it realises.
    pub implements: Option<Box<LinkList>>,
    /// 手法/技術: its stage.
    pub stage: Option<Sp<Stage>>,
    /// 技術: the product.
    pub product: Option<Box<Sp<CompactString>>>,
    /// 所管: a department or role.
    pub owner: Option<Sp<CompactString>>,
    /// Who may see it.
    pub visibility: Option<Sp<Visibility>>,
    /// Free tags.
    pub tags: ThinVec<Sp<CompactString>>,
    /// Next 定期的な見直し.
    pub review_due: Option<Sp<Date>>,
    /// 検討チーム / タスクフォース.
    pub team: Option<Box<Team>>,
    /// 評価指標.
    pub indicators: ThinVec<Indicator>,
    /// Decision log.
    pub decisions: ThinVec<Decision>,
    /// What only a 課題 has.
    pub issue: Option<Box<IssuePart>>,
}

/// The keys only a 課題 has, kept out of [`Record`] so that 手法 and 技術
/// do not carry them.
#[derive(Clone, Debug, Default)]
pub struct IssuePart {
    /// The ビジョン items it is a gap to.
    pub vision: Option<LinkList>,
    /// 現状.
    pub current: Option<Sp<CompactString>>,
    /// The gap to the ビジョン.
    pub gap: Option<Sp<CompactString>>,
    /// Closed: no more work is needed.
    pub closed: Option<Box<Closed>>,
}

/// What a link list names, for generic link checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinkKey {
    /// The key.
    pub key: &'static str,
    /// What it must name.
    pub target: IdKind,
    /// Whether the list must have at least one item.
    pub required: bool,
}

impl Record {
    pub(crate) fn blank(id: CompactString, kind: Kind, file: FileId) -> Self {
        Self {
            id,
            kind,
            file,
            id_key: None,
            parsed: false,
            domain_at: None,
            field_at: None,
            title: None,
            solves: None,
            principles: None,
            considerations: None,
            national: None,
            expands: None,
            implements: None,
            stage: None,
            product: None,
            owner: None,
            visibility: None,
            tags: ThinVec::new(),
            review_due: None,
            team: None,
            indicators: ThinVec::new(),
            decisions: ThinVec::new(),
            issue: None,
        }
    }

    /// Index into [`Model::domains`] of the 領域 holding the record.
    #[must_use]
    pub fn domain(&self) -> Option<usize> {
        self.domain_at.map(|d| d as usize)
    }

    /// Index into [`Model::fields`] of the 分野 holding the record.
    #[must_use]
    pub fn field(&self) -> Option<usize> {
        self.field_at.map(|f| f as usize)
    }

    /// Where the record sits. Indices are below `u32::MAX`: a tree has far
    /// fewer 分野 and 領域 than files, and file IDs are `u32`.
    pub(crate) fn place(&mut self, domain: Option<usize>, field: Option<usize>) {
        self.domain_at = domain.and_then(|d| u32::try_from(d).ok());
        self.field_at = field.and_then(|f| u32::try_from(f).ok());
    }

    /// 課題: the ビジョン items it is a gap to.
    #[must_use]
    pub fn vision(&self) -> Option<&LinkList> {
        self.issue.as_ref().and_then(|i| i.vision.as_ref())
    }

    /// 課題: 現状.
    #[must_use]
    pub fn current(&self) -> Option<&Sp<CompactString>> {
        self.issue.as_ref().and_then(|i| i.current.as_ref())
    }

    /// 課題: the gap to the ビジョン.
    #[must_use]
    pub fn gap(&self) -> Option<&Sp<CompactString>> {
        self.issue.as_ref().and_then(|i| i.gap.as_ref())
    }

    /// 課題: closed.
    #[must_use]
    pub fn closed(&self) -> Option<&Closed> {
        self.issue.as_ref().and_then(|i| i.closed.as_deref())
    }

    /// The link lists this record has, with what each must name.
    pub fn link_lists(&self) -> impl Iterator<Item = (LinkKey, &LinkList)> {
        let key = |key, target, required| LinkKey {
            key,
            target,
            required,
        };
        [
            (key("vision", IdKind::Vision, true), self.vision()),
            (key("solves", IdKind::Issue, true), self.solves.as_deref()),
            (
                key("principles", IdKind::Principle, true),
                self.principles.as_deref(),
            ),
            (
                key("considerations", IdKind::Consideration, false),
                self.considerations.as_deref(),
            ),
            (
                key("national", IdKind::National, false),
                self.national.as_deref(),
            ),
            (
                key("implements", IdKind::Method, true),
                self.implements.as_deref(),
            ),
        ]
        .into_iter()
        .filter_map(|(k, l)| l.map(|l| (k, l)))
    }

    /// Every link as written, with what it must name (lists and `expands`).
    pub fn links(&self) -> impl Iterator<Item = (LinkKey, &Sp<CompactString>)> {
        let expands = self.expands.as_deref().into_iter().map(|e| {
            (
                LinkKey {
                    key: "expands",
                    target: IdKind::Method,
                    required: false,
                },
                e,
            )
        });
        self.link_lists()
            .flat_map(|(k, l)| l.items.iter().map(move |i| (k, i)))
            .chain(expands)
    }

    /// The span of one of this record's values, for a finding.
    #[must_use]
    pub fn span_of(&self, loc: Loc) -> Span {
        loc.in_file(self.file)
    }

    /// The title, or empty.
    #[must_use]
    pub fn title(&self) -> &str {
        self.title.as_ref().map_or("", |t| t.value.as_str())
    }

    /// The stage, if it has a valid one.
    #[must_use]
    pub fn stage(&self) -> Option<Stage> {
        self.stage.as_ref().map(|s| s.value)
    }

    /// The visibility, `internal` unless said otherwise.
    #[must_use]
    pub fn visibility(&self) -> Visibility {
        self.visibility
            .as_ref()
            .map_or(Visibility::Internal, |v| v.value)
    }

    /// Every free text of the record (what `dx report --public` must not
    /// show of an internal record).
    pub fn texts(&self) -> impl Iterator<Item = &Sp<CompactString>> {
        let team = self.team.iter().flat_map(|t| {
            t.name
                .iter()
                .chain(t.lead.iter())
                .chain(t.departments.iter())
        });
        let indicators = self
            .indicators
            .iter()
            .flat_map(|i| i.name.iter().chain(i.unit.iter()));
        let decisions = self.decisions.iter().flat_map(|d| d.note.iter());
        let closed = self.closed().into_iter().flat_map(|c| c.reason.iter());
        self.title
            .iter()
            .chain(self.current())
            .chain(self.gap())
            .chain(self.product.as_deref())
            .chain(self.owner.iter())
            .chain(self.tags.iter())
            .chain(team)
            .chain(indicators)
            .chain(decisions)
            .chain(closed)
    }
}

/// What an ID names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Thing {
    /// A record.
    Record(RecordIdx),
    /// A ビジョン item: field index, item index.
    Vision(usize, usize),
    /// A 原則.
    Principle(usize),
    /// A 横断的配慮.
    Consideration(usize),
    /// A 国の重点取組事項.
    National(usize),
    /// A 分野.
    Field(usize),
    /// A 領域.
    Domain(usize),
}

/// Every ID in the tree, resolved through one hash table.
///
/// The table holds the things, not their IDs: an ID is read from the model
/// when two must be compared, so no ID is stored twice (at 100k records the
/// map of owned IDs was 12 MB).
#[derive(Debug, Default)]
pub struct Lookup {
    table: hashbrown::HashTable<derive::Packed>,
}

/// The hash of an ID. FxHash: IDs are short and come from the tree itself,
/// not from an adversary over the network; SipHash's cost showed in profiles.
fn hash_id(id: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(id)
}

impl Lookup {
    /// A table of every thing `model` names, the first of each ID winning
    /// (things come in the order `things` gives them).
    pub(crate) fn build(model: &Model, things: impl Iterator<Item = Thing>) -> Self {
        let mut table = hashbrown::HashTable::with_capacity(model.records.len() + 64);
        let id_of = |p: &derive::Packed| p.to_thing().map_or("", |t| model.thing_id(t));
        for thing in things {
            let id = model.thing_id(thing);
            table
                .entry(hash_id(id), |p| id_of(p) == id, |p| hash_id(id_of(p)))
                .or_insert(derive::Packed::thing(thing));
        }
        Self { table }
    }

    /// Every thing in the table.
    fn things(&self) -> impl Iterator<Item = Thing> + '_ {
        self.table.iter().filter_map(|p| p.to_thing())
    }
}

/// Reverse links: for each record, the records naming it under one key,
/// in record order. `reverse[i]` is a slice; all of them share one vector
/// (a vector per record cost 24 bytes each, empty or not).
#[derive(Debug, Default)]
pub struct Reverse {
    /// Where the records naming record `i` start in `from`.
    start: Vec<usize>,
    from: Vec<RecordIdx>,
}

impl Reverse {
    /// From `(named, naming)` pairs, for `n` records.
    pub(crate) fn new(n: usize, mut pairs: Vec<(RecordIdx, RecordIdx)>) -> Self {
        // Stable: the naming records stay in the order they came.
        pairs.sort_by_key(|&(named, _)| named);
        let mut start = Vec::with_capacity(n + 1);
        let mut at = 0;
        for i in 0..=n {
            while pairs.get(at).is_some_and(|&(named, _)| named < i) {
                at += 1;
            }
            start.push(at);
        }
        Self {
            start,
            from: pairs.into_iter().map(|(_, naming)| naming).collect(),
        }
    }
}

impl std::ops::Index<RecordIdx> for Reverse {
    type Output = [RecordIdx];

    fn index(&self, i: RecordIdx) -> &[RecordIdx] {
        match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.from[a..b],
            _ => &[],
        }
    }
}

/// The whole portfolio.
#[derive(Debug)]
pub struct Model {
    /// The tree root.
    pub root: PathBuf,
    /// Every file read.
    pub files: FileDb,
    /// dx.toml.
    pub settings: Settings,
    /// 5原則.
    pub principles: Vec<Reference>,
    /// 横断的配慮.
    pub considerations: Vec<Reference>,
    /// 国の重点取組事項.
    pub national: Vec<Reference>,
    /// Where the national priorities come from.
    pub national_source: Option<String>,
    /// 分野, by id.
    pub fields: Vec<Field>,
    /// 領域, by id.
    pub domains: Vec<Domain>,
    /// 課題, 手法 and 技術, by path.
    pub records: Vec<Box<Record>>,
    /// Every ID: see [`Model::find`].
    pub(crate) lookup: Lookup,
    /// For each record, the 手法 naming it in `solves` (empty but for 課題).
    pub solvers: Reverse,
    /// For each record, the 技術 naming it in `implements` (empty but for 手法).
    pub implementers: Reverse,
    /// Every link of every record, resolved once: the links of record `i`
    /// (in [`Record::links`] order) are `resolved[link_start[i]..link_start[i + 1]]`.
    /// Read through [`Model::resolved_links`] and [`Model::distinct_links`].
    pub(crate) resolved: Vec<derive::Packed>,
    /// For each link in `resolved`, whether the same ID came earlier in the
    /// same list.
    pub(crate) repeated: Vec<bool>,
    /// Where each record's links start in `resolved`.
    pub(crate) link_start: Vec<usize>,
    /// For each 分野 and ビジョン item, the 課題 naming it.
    pub vision_issues: Vec<Vec<Vec<RecordIdx>>>,
    /// Findings of the load itself (syntax, schema, placement).
    pub load_diagnostics: Vec<Diagnostic>,
    /// What the walk left out and the user should know of: symbolic links
    /// (never followed) and `.toml` names that are not regular files.
    pub skipped: Vec<Skipped>,
    /// Whether principles.toml was read (links to 原則 are checked only then).
    pub has_principles: bool,
    /// Whether national.toml was read.
    pub has_national: bool,
}

impl Model {
    /// The kind of thing a [`Thing`] is.
    #[must_use]
    pub fn kind_of(&self, thing: Thing) -> IdKind {
        match thing {
            Thing::Record(i) => self.records[i].kind.into(),
            Thing::Vision(..) => IdKind::Vision,
            Thing::Principle(_) => IdKind::Principle,
            Thing::Consideration(_) => IdKind::Consideration,
            Thing::National(_) => IdKind::National,
            Thing::Field(_) => IdKind::Field,
            Thing::Domain(_) => IdKind::Domain,
        }
    }

    /// The ID of a [`Thing`], as links write it.
    #[must_use]
    pub fn thing_id(&self, thing: Thing) -> &str {
        match thing {
            Thing::Record(i) => &self.records[i].id,
            Thing::Vision(f, v) => &self.fields[f].vision[v].id,
            Thing::Principle(i) => &self.principles[i].id.value,
            Thing::Consideration(i) => &self.considerations[i].id.value,
            Thing::National(i) => &self.national[i].id.value,
            Thing::Field(i) => &self.fields[i].id,
            Thing::Domain(i) => &self.domains[i].id,
        }
    }

    /// What `id` names, if anything.
    #[must_use]
    pub fn find(&self, id: &str) -> Option<Thing> {
        self.lookup
            .table
            .find(hash_id(id), |p| {
                p.to_thing().is_some_and(|t| self.thing_id(t) == id)
            })
            .and_then(|p| p.to_thing())
    }

    /// Every ID, for suggestions.
    pub fn all_ids(&self) -> impl Iterator<Item = &str> {
        self.lookup.things().map(|t| self.thing_id(t))
    }

    /// Every ID of one kind, for suggestions.
    pub fn ids_of(&self, kind: IdKind) -> impl Iterator<Item = &str> {
        self.lookup
            .things()
            .filter(move |t| self.kind_of(*t) == kind)
            .map(|t| self.thing_id(t))
    }

    /// The record an ID names, if it is a record.
    #[must_use]
    pub fn record(&self, id: &str) -> Option<&Record> {
        match self.find(id)? {
            Thing::Record(i) => Some(&self.records[i]),
            _ => None,
        }
    }

    /// Records of one kind.
    pub fn records_of(&self, kind: Kind) -> impl Iterator<Item = &Record> {
        self.records
            .iter()
            .map(|r| &**r)
            .filter(move |r| r.kind == kind)
    }

    /// The number of records (課題, 手法, 技術).
    #[must_use]
    pub fn record_count(&self) -> usize {
        self.records.len()
    }

    /// The path of a record's file.
    #[must_use]
    pub fn path_of(&self, record: &Record) -> &str {
        &self.files.get(record.file).path
    }

    /// The links of record `i` with what each resolved to.
    pub fn resolved_links(
        &self,
        i: RecordIdx,
    ) -> impl Iterator<Item = (LinkKey, &Sp<CompactString>, Resolution)> {
        let resolved = self.resolved.get(self.link_range(i)).unwrap_or_default();
        self.records[i]
            .links()
            .zip(resolved)
            .map(|((key, link), res)| (key, link, res.to_resolution()))
    }

    /// [`Model::resolved_links`] without repeats: a link written twice in
    /// one list is reported once by the link rules (and its repeat by
    /// duplicate-link), so that `dx fmt` removing the repeat changes no
    /// other finding.
    pub fn distinct_links(
        &self,
        i: RecordIdx,
    ) -> impl Iterator<Item = (LinkKey, &Sp<CompactString>, Resolution)> {
        let repeated = self.repeated.get(self.link_range(i)).unwrap_or_default();
        self.resolved_links(i)
            .zip(repeated)
            .filter(|(_, rep)| !**rep)
            .map(|(link, _)| link)
    }

    /// Whether any list of record `i` names an ID twice.
    #[must_use]
    pub fn has_repeats(&self, i: RecordIdx) -> bool {
        self.repeated
            .get(self.link_range(i))
            .is_some_and(|r| r.contains(&true))
    }

    /// Where record `i`'s links lie in the per-link vectors.
    fn link_range(&self, i: RecordIdx) -> std::ops::Range<usize> {
        self.link_start[i]..self.link_start[i + 1]
    }

    /// The 領域 id of a record, or empty.
    #[must_use]
    pub fn domain_id(&self, record: &Record) -> &str {
        record.domain().map_or("", |d| self.domains[d].id.as_str())
    }
}

/// A path in the tree that was not read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Skipped {
    /// Path from the root, with `/`.
    pub path: String,
    /// Why it was left out.
    pub why: SkipReason,
}

/// Why a path was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SkipReason {
    /// A symbolic link: following it could loop or leave the tree.
    Link,
    /// A `.toml` name on a named pipe, socket or device: reading could block
    /// forever or read something that is no record.
    NotAFile,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record is held for every file of a tree, a hundred thousand at a
    /// time: what most records lack is boxed, so that it costs a pointer
    /// (docs/performance.md). 256 bytes is an allocator size class.
    #[test]
    fn a_record_stays_small() {
        let size = size_of::<Record>();
        assert!(size <= 256, "Record is {size} bytes");
    }

    #[test]
    fn reverse_links_keep_their_order() {
        let r = Reverse::new(5, vec![(3, 0), (1, 4), (3, 2), (1, 1), (3, 1)]);
        let got: Vec<&[RecordIdx]> = (0..6).map(|i| &r[i]).collect();
        let want: [&[RecordIdx]; 6] = [&[], &[4, 1], &[], &[0, 2, 1], &[], &[]];
        assert_eq!(got, want);
        assert!(Reverse::default()[0].is_empty());
    }
}
