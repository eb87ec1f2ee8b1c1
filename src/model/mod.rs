//! The portfolio as one validated, typed model, built once per run and read
//! by every rule and report.
//!
//! Loading (`load`) parses every file in parallel and validates it into the
//! types here; links are then resolved once through [`Lookup`], and reverse
//! links (who solves a 課題, who implements a 手法) are kept in [`Model`].

mod derive;
mod grade;
pub mod ids;
mod index;
pub mod keys;
mod load;
mod nearest;
mod reader;
mod record;
mod revision;
pub mod settings;
pub mod texts;

pub use crate::vocab::{
    Body, Conformance, Grade, IdKind, Kind, ObservationStatus, Outcome, Progress, Stage, TeamKind,
    Visibility,
};
pub use derive::Resolution;
pub use grade::{Assessment, GradeSettings, attainment};
pub use index::{
    DomainIdx, FieldIdx, Idx, IndexVec, MAX_FILES, RecordIdx, RefIdx, Reverse, VisionIdx,
};
pub use load::{
    KeptTree, LoadError, MAX_FILE_BYTES, Source, find_root, load, load_from, parse_only,
};
pub use record::*;
pub use revision::{Edition, NationalPlan, RevisionDue};
pub use settings::{Level, Prefixes, Settings};

use std::path::PathBuf;

use compact_str::CompactString;

use crate::diag::Diagnostic;
use crate::files::{FileDb, FileId, Loc, Sp, Span};

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
    pub field: Option<FieldIdx>,
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

/// What an ID names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Thing {
    /// A record.
    Record(RecordIdx),
    /// A ビジョン item: its 分野, its place in the 分野's list.
    Vision(FieldIdx, VisionIdx),
    /// A 原則.
    Principle(RefIdx),
    /// A 横断的配慮.
    Consideration(RefIdx),
    /// A 国の重点取組事項.
    National(RefIdx),
    /// A 分野.
    Field(FieldIdx),
    /// A 領域.
    Domain(DomainIdx),
}

/// Every ID in the tree, resolved through one hash table.
///
/// The table holds the things, not their IDs: an ID is read from the model
/// when two must be compared, so no ID is stored twice (at 100k records the
/// map of owned IDs was 12 MB).
#[derive(Debug, Default)]
pub struct Lookup {
    table: hashbrown::HashTable<Thing>,
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
        for thing in things {
            let id = model.thing_id(thing);
            table
                .entry(
                    hash_id(id),
                    |t| model.thing_id(*t) == id,
                    |t| hash_id(model.thing_id(*t)),
                )
                .or_insert(thing);
        }
        Self { table }
    }

    /// Every thing in the table.
    fn things(&self) -> impl Iterator<Item = Thing> + '_ {
        self.table.iter().copied()
    }
}

/// Who points at what, built once when the model is linked, so that no
/// report scans the records for each record it shows. Each list is in
/// record order, a link written twice counted once.
#[derive(Debug, Default)]
pub struct Backlinks {
    /// For each 課題, its progress (derived from `solvers`; `未着手` for
    /// other records, which have none).
    pub progress: IndexVec<RecordIdx, crate::vocab::Progress>,
    /// For each record, the 手法 naming it in `solves` (empty but for 課題).
    pub solvers: Reverse<RecordIdx, RecordIdx>,
    /// For each record, the 技術 naming it in `implements` (empty but for 手法).
    pub implementers: Reverse<RecordIdx, RecordIdx>,
    /// For each record, the 手法 naming it in `expands` (empty but for 手法).
    pub expanders: Reverse<RecordIdx, RecordIdx>,
    /// For each 原則, the 手法 following it.
    pub principle_followers: Reverse<RefIdx, RecordIdx>,
    /// For each 横断的配慮, the 手法 heeding it.
    pub consideration_followers: Reverse<RefIdx, RecordIdx>,
    /// For each 国の重点取組事項, the 手法 and 技術 serving it.
    pub national_followers: Reverse<RefIdx, RecordIdx>,
    /// For each 分野 and ビジョン item, the 課題 naming it.
    pub vision_issues: IndexVec<FieldIdx, Vec<Vec<RecordIdx>>>,
    /// For each 領域, the records in it.
    pub domain_records: Reverse<DomainIdx, RecordIdx>,
    /// For each 分野, its 領域.
    pub field_domains: Reverse<FieldIdx, DomainIdx>,
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
    pub principles: IndexVec<RefIdx, Reference>,
    /// 横断的配慮.
    pub considerations: IndexVec<RefIdx, Reference>,
    /// 国の重点取組事項.
    pub national: IndexVec<RefIdx, Reference>,
    /// Where the national priorities come from.
    pub national_source: Option<String>,
    /// The national plan's editions: which items are current.
    pub national_plan: NationalPlan,
    /// 分野, in the guideline's order.
    pub fields: IndexVec<FieldIdx, Field>,
    /// 領域, by id.
    pub domains: IndexVec<DomainIdx, Domain>,
    /// 課題, 手法 and 技術, by path. Boxed where each file was read, on
    /// its thread: moving a hundred thousand records into one vector while
    /// their boxes are still alive raised the peak by the vector's size.
    pub records: IndexVec<RecordIdx, Box<Record>>,
    /// Every ID: see [`Model::find`].
    pub(crate) lookup: Lookup,
    /// Who points at what.
    pub back: Backlinks,
    /// Every link of every record, resolved once: the links of record `i`
    /// (in [`Record::links`] order) are `resolved[link_start[i]..link_start[i + 1]]`.
    /// Read through [`Model::resolved_links`] and [`Model::distinct_links`].
    pub(crate) resolved: Vec<Resolution>,
    /// For each link in `resolved`, whether the same ID came earlier in the
    /// same list.
    pub(crate) repeated: Vec<bool>,
    /// Where each record's links start in `resolved`.
    pub(crate) link_start: Vec<usize>,
    /// Findings of the load itself (syntax, schema, placement).
    pub load_diagnostics: Vec<Diagnostic>,
    /// What the walk left out and the user should know of: symbolic links
    /// (never followed) and `.toml` names that are not regular files.
    pub skipped: Vec<Skipped>,
    /// The meeting files under `meetings/`, in path order.
    pub meetings: Vec<Meeting>,
    /// Whether principles.toml was read (links to 原則 are checked only then).
    pub has_principles: bool,
    /// Whether national.toml was read.
    pub has_national: bool,
    /// The length in characters of the longest record ID: no longer value
    /// can be one edit away from an ID (the did-you-mean search stops there).
    pub longest_id: usize,
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
            Thing::Vision(f, v) => &self.fields[f].vision[v.get()].id,
            Thing::Principle(i) => &self.principles[i].id.value,
            Thing::Consideration(i) => &self.considerations[i].id.value,
            Thing::National(i) => &self.national[i].id.value,
            Thing::Field(i) => &self.fields[i].id,
            Thing::Domain(i) => &self.domains[i].id,
        }
    }

    /// A [`Thing`] as people read it (SPEC §1's "shown as"): a ビジョン
    /// item as 暮らし手続き④, a 分野 or 領域 by its name, anything else by
    /// its ID. Data formats keep the ID.
    #[must_use]
    pub fn shown_as(&self, thing: Thing) -> String {
        match thing {
            Thing::Vision(f, v) => {
                let field = &self.fields[f];
                format!("{}{}", field.name, circled(field.vision[v.get()].no))
            }
            Thing::Field(f) => self.fields[f].name.clone(),
            Thing::Domain(d) if !self.domains[d].name.is_empty() => self.domains[d].name.clone(),
            _ => self.thing_id(thing).to_owned(),
        }
    }

    /// The ID `id` as people read it (see [`Model::shown_as`]); an ID that
    /// names nothing as it is.
    #[must_use]
    pub fn shown_id(&self, id: &str) -> String {
        self.find(id)
            .map_or_else(|| id.to_owned(), |thing| self.shown_as(thing))
    }

    /// What `id` names, if anything.
    #[must_use]
    pub fn find(&self, id: &str) -> Option<Thing> {
        self.lookup
            .table
            .find(hash_id(id), |t| self.thing_id(*t) == id)
            .copied()
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

    /// The records of one kind that could be read, with their indices: what
    /// every report counts. A file that could not be read is left out.
    pub fn records_of(&self, kind: Kind) -> impl Iterator<Item = (RecordIdx, &Record)> {
        self.records
            .enumerate()
            .map(|(i, r)| (i, &**r))
            .filter(move |(_, r)| r.kind == kind && r.is_parsed())
    }

    /// Every record that could be read, with its index.
    pub fn parsed_records(&self) -> impl Iterator<Item = (RecordIdx, &Record)> {
        self.records
            .enumerate()
            .map(|(i, r)| (i, &**r))
            .filter(|(_, r)| r.is_parsed())
    }

    /// The number of records (課題, 手法, 技術), read or not.
    #[must_use]
    pub fn record_count(&self) -> usize {
        self.records.len()
    }

    /// Files that could not be read or parsed, and so count nowhere.
    #[must_use]
    pub fn unreadable_files(&self) -> usize {
        let mut files: Vec<FileId> = self
            .load_diagnostics
            .iter()
            .filter(|d| {
                matches!(
                    d.rule,
                    crate::diag::RuleId::ParseError | crate::diag::RuleId::Encoding
                )
            })
            .map(|d| d.span.file)
            .collect();
        files.sort_unstable();
        files.dedup();
        files.len()
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
            .map(|((key, link), res)| (key, link, *res))
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
        match (
            self.link_start.get(i.get()),
            self.link_start.get(i.get() + 1),
        ) {
            (Some(&a), Some(&b)) => a..b,
            _ => 0..0,
        }
    }

    /// The 領域 id of a record, or empty.
    #[must_use]
    pub fn domain_id(&self, record: &Record) -> &str {
        record.domain.map_or("", |d| self.domains[d].id.as_str())
    }

    /// Records in the order the guideline reads: 分野 in its order (records
    /// outside any last), 領域 within it, 課題 → 手法 → 技術, IDs by number.
    #[must_use]
    pub fn guideline_cmp(&self, a: RecordIdx, b: RecordIdx) -> std::cmp::Ordering {
        let key = |r: &Record| {
            (
                r.field.is_none(),
                r.field,
                r.domain.is_none(),
                r.domain,
                r.kind,
            )
        };
        let (ra, rb) = (&self.records[a], &self.records[b]);
        key(ra)
            .cmp(&key(rb))
            .then_with(|| ids::natural_cmp(&ra.id, &rb.id))
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
    /// A folder named like a file (`K-900.toml/`): what is in it is read,
    /// the folder itself is no record.
    Folder,
}

/// A number as the guideline numbers its items: ① to ㊿, past fifty in
/// parentheses.
#[must_use]
pub fn circled(n: u32) -> String {
    let c = match n {
        1..=20 => char::from_u32(0x2460 + n - 1),
        21..=35 => char::from_u32(0x3251 + n - 21),
        36..=50 => char::from_u32(0x32B1 + n - 36),
        _ => None,
    };
    c.map_or_else(|| format!("({n})"), String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn circled_numbers_run_to_fifty() {
        assert_eq!(super::circled(1), "①");
        assert_eq!(super::circled(20), "⑳");
        assert_eq!(super::circled(21), "㉑");
        assert_eq!(super::circled(35), "㉟");
        assert_eq!(super::circled(36), "㊱");
        assert_eq!(super::circled(50), "㊿");
        assert_eq!(super::circled(0), "(0)");
        assert_eq!(super::circled(51), "(51)");
    }

    /// A record is held for every file of a tree, a hundred thousand at a
    /// time. The header holds what every kind has; a key of one kind goes
    /// into that kind's part (`IssuePart`, `MethodPart`, `TechnologyPart`,
    /// or `Work` for 手法 and 技術), which costs the header nothing.
    #[test]
    fn the_record_header_stays_small() {
        let size = size_of::<Record>();
        assert!(
            size <= 192,
            "Record is {size} bytes: put a kind's new key in its part, not in the header"
        );
    }

    /// Every indicator of a first-edition tree holds one observation (its
    /// `actual`): the rare texts live behind a pointer.
    #[test]
    fn an_observation_stays_small() {
        let size = size_of::<Observation>();
        assert!(size <= 48, "Observation is {size} bytes");
    }
}
