//! A record and what it holds: its kind's part, indicators and their
//! observations, decisions, the meetings' entries.

use compact_str::CompactString;
use jiff::civil::Date;
use thin_vec::ThinVec;

use super::*;
use crate::files::{FileId, Loc, Sp, Span};

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
    /// When the baseline was true (the start of the line to the target).
    pub baseline_date: Option<Sp<Date>>,
    /// The first edition's one measurement (kept for findings and diff;
    /// it is also in `observations`).
    pub actual: Option<Sp<f64>>,
    /// When `actual` was measured.
    pub measured: Option<Sp<Date>>,
    /// Every measurement as written, oldest first by intent (not checked);
    /// a first-edition `actual` is here as one 確定 observation.
    pub observations: ThinVec<Observation>,
}

/// A meeting file (`meetings/2026-12-15-honbu.toml`, SPEC §6.4): what one
/// meeting decided, reviewed and measured, applied by `dx apply`.
#[derive(Clone, Debug)]
pub struct Meeting {
    /// The file.
    pub file: FileId,
    /// When it met.
    pub date: Option<Sp<Date>>,
    /// Which body met.
    pub body: Option<Sp<Body>>,
    /// A 作業部会's 分野 (SPEC §7.4).
    pub field: Option<Sp<CompactString>>,
    /// Its title.
    pub title: Option<Sp<CompactString>>,
    /// Where the 議事録 is.
    pub minutes: Option<Sp<CompactString>>,
    /// `[[decision]]`.
    pub decisions: Vec<MeetingItem>,
    /// `[[review]]`.
    pub reviews: Vec<MeetingItem>,
    /// `[[measurement]]`.
    pub measurements: Vec<MeetingItem>,
}

/// One entry of a meeting file; which keys it has depends on its table.
#[derive(Clone, Debug, Default)]
pub struct MeetingItem {
    /// The entry's header.
    pub span: Option<Loc>,
    /// The record it is about.
    pub record: Option<Sp<CompactString>>,
    /// A decision's result (a review's, 継続 when absent).
    pub result: Option<Sp<Outcome>>,
    /// A 付議's higher body.
    pub to: Option<Sp<Body>>,
    /// A body other than the meeting's (a decision).
    pub body: Option<Sp<Body>>,
    /// A date other than the meeting's.
    pub date: Option<Sp<Date>>,
    /// The next review date.
    pub next_review: Option<Sp<Date>>,
    /// A note.
    pub note: Option<Sp<CompactString>>,
    /// A measurement's indicator: its name.
    pub indicator: Option<Sp<CompactString>>,
    /// A measurement's value.
    pub value: Option<Sp<f64>>,
    /// A measurement's status.
    pub status: Option<Sp<ObservationStatus>>,
    /// A measurement's source.
    pub source: Option<Sp<CompactString>>,
    /// Left unfilled (SPEC §7.1 未記入): where its empty `result` stands,
    /// or a measurement's header when it has no `value`.
    pub unfilled: Option<Loc>,
}

/// One `[[indicator.observation]]` (SPEC §6.1).
#[derive(Clone, Debug)]
pub struct Observation {
    /// The `[[indicator.observation]]` header, or `actual` for the first
    /// edition's measurement.
    pub span: Loc,
    /// When it was measured.
    pub date: Option<Sp<Date>>,
    /// What was measured; none when it could not be.
    pub value: Option<Sp<f64>>,
    /// 確定 unless written otherwise.
    pub status: ObservationStatus,
    /// Read from a first-edition `actual` + `measured`.
    pub from_actual: bool,
    /// Its source and note, when it has either: most observations have
    /// neither, and every indicator of a first-edition tree has one
    /// observation, so the texts are kept apart.
    pub texts: Option<Box<ObservationTexts>>,
}

/// The texts of an observation.
#[derive(Clone, Debug, Default)]
pub struct ObservationTexts {
    /// Where the number comes from.
    pub source: Option<Sp<CompactString>>,
    /// A note.
    pub note: Option<Sp<CompactString>>,
}

impl Observation {
    /// Where the number comes from.
    #[must_use]
    pub fn source(&self) -> Option<&Sp<CompactString>> {
        self.texts.as_ref().and_then(|t| t.source.as_ref())
    }

    /// Its note.
    #[must_use]
    pub fn note(&self) -> Option<&Sp<CompactString>> {
        self.texts.as_ref().and_then(|t| t.note.as_ref())
    }
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
    /// 付議: the higher body the record is referred to (SPEC §7.4).
    pub to: Option<Sp<Body>>,
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
/// The header holds what every record has; what belongs to one kind is in
/// its [`Part`]. A new key goes into the part of the kinds that have it
/// ([`IssuePart`], [`MethodPart`], [`TechnologyPart`], or [`Work`] for what
/// 手法 and 技術 share), never into the header unless all three have it.
#[derive(Clone, Debug)]
pub struct Record {
    /// The ID, from the file name.
    pub id: CompactString,
    /// The kind, from the ID prefix (known even when the file could not be read).
    pub kind: Kind,
    /// The file.
    pub file: FileId,
    /// The 領域 holding the record.
    pub domain: Option<DomainIdx>,
    /// The 分野 holding the record.
    pub field: Option<FieldIdx>,
    /// The `id` key's value, when present.
    pub id_key: Option<Box<Sp<CompactString>>>,
    /// Title.
    pub title: Option<Sp<CompactString>>,
    /// 所管: a department or role.
    pub owner: Option<Sp<CompactString>>,
    /// Who may see it.
    pub visibility: Option<Sp<Visibility>>,
    /// Free tags.
    pub tags: ThinVec<Sp<CompactString>>,
    /// What the kind has.
    pub part: Part,
}

/// What one kind of record has beyond the header.
#[derive(Clone, Debug)]
pub enum Part {
    /// A 課題.
    Issue(Box<IssuePart>),
    /// A 手法.
    Method(Box<MethodPart>),
    /// A 技術.
    Technology(Box<TechnologyPart>),
    /// A file that could not be read as TOML: its ID exists (links to it
    /// resolve), nothing else is known, and no report counts it.
    Unparsed,
}

/// The keys only a 課題 has.
#[derive(Clone, Debug, Default)]
pub struct IssuePart {
    /// The ビジョン items it is a gap to.
    pub vision: Option<LinkList>,
    /// Its free texts (現状, the gap to the ビジョン): `texts::TEXTS`.
    pub texts: super::texts::Texts,
    /// When the 課題の整理 was last done again (`dx review K-…`, SPEC §7.4).
    pub reviewed: Option<Sp<Date>>,
    /// Closed: no more work is needed.
    pub closed: Option<Closed>,
}

/// The keys only a 手法 has, and its [`Work`].
#[derive(Clone, Debug, Default)]
pub struct MethodPart {
    /// The 課題 it solves.
    pub solves: Option<LinkList>,
    /// The 原則 it follows.
    pub principles: Option<LinkList>,
    /// The 横断的配慮 it heeds.
    pub considerations: Option<LinkList>,
    /// The national priorities it serves.
    pub national: Option<LinkList>,
    /// The earlier 手法 it rolls out.
    pub expands: Option<Sp<CompactString>>,
    /// Its free texts (none yet): `texts::TEXTS`.
    pub texts: super::texts::Texts,
    /// Stage, review, team, indicators, decisions.
    pub work: Work,
}

/// The keys only a 技術 has, and its [`Work`].
#[derive(Clone, Debug, Default)]
pub struct TechnologyPart {
    /// The 手法 it realises.
    pub implements: Option<LinkList>,
    /// The national priorities it serves.
    pub national: Option<LinkList>,
    /// Its free texts (the product): `texts::TEXTS`.
    pub texts: super::texts::Texts,
    /// Stage, review, team, indicators, decisions.
    pub work: Work,
}

/// What 手法 and 技術 share: the work carried through the guideline's four
/// processes.
#[derive(Clone, Debug, Default)]
pub struct Work {
    /// Its stage.
    pub stage: Option<Sp<Stage>>,
    /// Next 定期的な見直し.
    pub review_due: Option<Sp<Date>>,
    /// 検討チーム / タスクフォース.
    pub team: Option<Box<Team>>,
    /// 評価指標.
    pub indicators: ThinVec<Indicator>,
    /// Decision log.
    pub decisions: ThinVec<Decision>,
}

/// What a link list names, for generic link checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinkKey {
    /// The key.
    pub key: &'static str,
    /// The same, as the relation reports label.
    pub relation: crate::names::Relation,
    /// What it must name.
    pub target: IdKind,
    /// Whether the list must have at least one item.
    pub required: bool,
}

impl LinkKey {
    const fn new(relation: crate::names::Relation, target: IdKind, required: bool) -> Self {
        Self {
            key: relation.as_str(),
            relation,
            target,
            required,
        }
    }
}

const VISION: LinkKey = LinkKey::new(crate::names::Relation::Vision, IdKind::Vision, true);
const SOLVES: LinkKey = LinkKey::new(crate::names::Relation::Solves, IdKind::Issue, true);
const PRINCIPLES: LinkKey =
    LinkKey::new(crate::names::Relation::Principles, IdKind::Principle, true);
const CONSIDERATIONS: LinkKey = LinkKey::new(
    crate::names::Relation::Considerations,
    IdKind::Consideration,
    false,
);
const NATIONAL: LinkKey = LinkKey::new(crate::names::Relation::National, IdKind::National, false);
const IMPLEMENTS: LinkKey = LinkKey::new(crate::names::Relation::Implements, IdKind::Method, true);
const EXPANDS: LinkKey = LinkKey::new(crate::names::Relation::Expands, IdKind::Method, false);

impl Record {
    /// A record whose file could not be read.
    pub(crate) fn unparsed(id: CompactString, kind: Kind, file: FileId) -> Self {
        Self {
            id,
            kind,
            file,
            domain: None,
            field: None,
            id_key: None,
            title: None,
            owner: None,
            visibility: None,
            tags: ThinVec::new(),
            part: Part::Unparsed,
        }
    }

    /// Whether the file was read: false for [`Part::Unparsed`].
    #[must_use]
    pub fn is_parsed(&self) -> bool {
        !matches!(self.part, Part::Unparsed)
    }

    /// A 課題's own keys.
    #[must_use]
    pub fn issue(&self) -> Option<&IssuePart> {
        match &self.part {
            Part::Issue(p) => Some(p),
            _ => None,
        }
    }

    /// A 手法's own keys.
    #[must_use]
    pub fn method(&self) -> Option<&MethodPart> {
        match &self.part {
            Part::Method(p) => Some(p),
            _ => None,
        }
    }

    /// A 技術's own keys.
    #[must_use]
    pub fn technology(&self) -> Option<&TechnologyPart> {
        match &self.part {
            Part::Technology(p) => Some(p),
            _ => None,
        }
    }

    /// The work of a 手法 or 技術.
    #[must_use]
    pub fn work(&self) -> Option<&Work> {
        match &self.part {
            Part::Method(p) => Some(&p.work),
            Part::Technology(p) => Some(&p.work),
            _ => None,
        }
    }

    /// 課題: the ビジョン items it is a gap to.
    #[must_use]
    pub fn vision(&self) -> Option<&LinkList> {
        self.issue()?.vision.as_ref()
    }

    /// 課題: 現状.
    #[must_use]
    pub fn current(&self) -> Option<&Sp<CompactString>> {
        self.text(crate::names::Fact::Current)
    }

    /// 課題: the gap to the ビジョン.
    #[must_use]
    pub fn gap(&self) -> Option<&Sp<CompactString>> {
        self.text(crate::names::Fact::Gap)
    }

    /// 課題: closed.
    #[must_use]
    pub fn closed(&self) -> Option<&Closed> {
        self.issue()?.closed.as_ref()
    }

    /// 手法: the 課題 it solves.
    #[must_use]
    pub fn solves(&self) -> Option<&LinkList> {
        self.method()?.solves.as_ref()
    }

    /// 手法: the 原則 it follows.
    #[must_use]
    pub fn principles(&self) -> Option<&LinkList> {
        self.method()?.principles.as_ref()
    }

    /// 手法: the 横断的配慮 it heeds.
    #[must_use]
    pub fn considerations(&self) -> Option<&LinkList> {
        self.method()?.considerations.as_ref()
    }

    /// 手法/技術: the national priorities it serves.
    #[must_use]
    pub fn national(&self) -> Option<&LinkList> {
        match &self.part {
            Part::Method(p) => p.national.as_ref(),
            Part::Technology(p) => p.national.as_ref(),
            _ => None,
        }
    }

    /// 手法: the earlier 手法 it rolls out.
    #[must_use]
    pub fn expands(&self) -> Option<&Sp<CompactString>> {
        self.method()?.expands.as_ref()
    }

    /// 技術: the 手法 it realises.
    #[must_use]
    pub fn implements(&self) -> Option<&LinkList> {
        self.technology()?.implements.as_ref()
    }

    /// 技術: the product.
    #[must_use]
    pub fn product(&self) -> Option<&Sp<CompactString>> {
        self.text(crate::names::Fact::Product)
    }

    /// Its free texts as written (`texts::TEXTS`), in that table's order.
    #[must_use]
    pub fn free_texts(&self) -> &[(crate::names::Fact, Sp<CompactString>)] {
        match &self.part {
            Part::Issue(p) => &p.texts,
            Part::Method(p) => &p.texts,
            Part::Technology(p) => &p.texts,
            Part::Unparsed => &[],
        }
    }

    /// One of its free texts.
    #[must_use]
    pub fn text(&self, fact: crate::names::Fact) -> Option<&Sp<CompactString>> {
        self.free_texts()
            .iter()
            .find(|(f, _)| *f == fact)
            .map(|(_, v)| v)
    }

    /// 手法/技術: the stage as written, with its place.
    #[must_use]
    pub fn stage_sp(&self) -> Option<&Sp<Stage>> {
        self.work()?.stage.as_ref()
    }

    /// 手法/技術: the stage, if it has a valid one.
    #[must_use]
    pub fn stage(&self) -> Option<Stage> {
        self.stage_sp().map(|s| s.value)
    }

    /// 手法/技術: the next 定期的な見直し.
    #[must_use]
    pub fn review_due(&self) -> Option<&Sp<Date>> {
        self.work()?.review_due.as_ref()
    }

    /// 手法/技術: the team.
    #[must_use]
    pub fn team(&self) -> Option<&Team> {
        self.work()?.team.as_deref()
    }

    /// 手法/技術: the indicators (empty for a 課題).
    #[must_use]
    pub fn indicators(&self) -> &[Indicator] {
        self.work().map_or(&[], |w| &w.indicators)
    }

    /// 手法/技術: the decision log (empty for a 課題).
    #[must_use]
    pub fn decisions(&self) -> &[Decision] {
        self.work().map_or(&[], |w| &w.decisions)
    }

    /// 手法/技術: the latest dated decision (of one day, the last written).
    #[must_use]
    pub fn latest_decision(&self) -> Option<(Date, &Decision)> {
        self.decisions()
            .iter()
            .filter_map(|d| Some((d.date.as_ref()?.value, d)))
            .max_by_key(|(date, _)| *date)
    }

    /// The link lists this record has, with what each must name.
    pub fn link_lists(&self) -> impl Iterator<Item = (LinkKey, &LinkList)> {
        // In this order for every kind: findings and `dx show` list links so.
        const KEYS: [LinkKey; 6] = [
            VISION,
            SOLVES,
            PRINCIPLES,
            CONSIDERATIONS,
            NATIONAL,
            IMPLEMENTS,
        ];
        let mut lists: [Option<&LinkList>; 6] = [None; 6];
        match &self.part {
            Part::Issue(p) => lists[0] = p.vision.as_ref(),
            Part::Method(p) => {
                lists[1] = p.solves.as_ref();
                lists[2] = p.principles.as_ref();
                lists[3] = p.considerations.as_ref();
                lists[4] = p.national.as_ref();
            }
            Part::Technology(p) => {
                lists[4] = p.national.as_ref();
                lists[5] = p.implements.as_ref();
            }
            Part::Unparsed => {}
        }
        KEYS.into_iter()
            .zip(lists)
            .filter_map(|(k, l)| l.map(|l| (k, l)))
    }

    /// Every link as written, with what it must name (lists and `expands`).
    pub fn links(&self) -> impl Iterator<Item = (LinkKey, &Sp<CompactString>)> {
        let expands = self.expands().into_iter().map(|e| (EXPANDS, e));
        self.link_lists()
            .flat_map(|(k, l)| l.items.iter().map(move |i| (k, i)))
            .chain(expands)
    }

    /// The indicator a meeting or `dx measure` names: by its name, or by
    /// its position from 1 when no indicator has that name. With its index.
    #[must_use]
    pub fn indicator_named(&self, name: &str) -> Option<(usize, &Indicator)> {
        let indicators = self.indicators();
        indicators
            .iter()
            .enumerate()
            .find(|(_, i)| i.name() == name.trim())
            .or_else(|| {
                let n: usize = name.trim().parse().ok()?;
                let i = n.checked_sub(1)?;
                indicators.get(i).map(|ind| (i, ind))
            })
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

    /// The visibility, `internal` unless said otherwise.
    #[must_use]
    pub fn visibility(&self) -> Visibility {
        self.visibility
            .as_ref()
            .map_or(Visibility::Internal, |v| v.value)
    }

    /// Every text of the record, titles and notes included (what
    /// `dx report --public` must not show of an internal record).
    pub fn all_texts(&self) -> impl Iterator<Item = &Sp<CompactString>> {
        let team = self.team().into_iter().flat_map(|t| {
            t.name
                .iter()
                .chain(t.lead.iter())
                .chain(t.departments.iter())
        });
        let indicators = self
            .indicators()
            .iter()
            .flat_map(|i| i.name.iter().chain(i.unit.iter()));
        let decisions = self.decisions().iter().flat_map(|d| d.note.iter());
        let closed = self.closed().into_iter().flat_map(|c| c.reason.iter());
        self.title
            .iter()
            .chain(self.free_texts().iter().map(|(_, v)| v))
            .chain(self.owner.iter())
            .chain(self.tags.iter())
            .chain(team)
            .chain(indicators)
            .chain(decisions)
            .chain(closed)
    }
}
