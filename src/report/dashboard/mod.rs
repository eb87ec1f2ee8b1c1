//! `dx report`: what the meeting dashboard shows, gathered from the model
//! into views the HTML renderer reads without the model: the numbers, the
//! ビジョン coverage, the indicators, the record cards (`cards`), the cover
//! and the accessibility statement (`cover`). The public edition is cut
//! here, once: what it lists, what its colours and counts are made of, and
//! how many hidden records each place leaves out.

use jiff::civil::Date;

use super::RecordRef;
use super::diff::Diff;
use super::doc::{Block, Doc};
use super::gap::{Coverage, Gap};
use super::show::IndicatorView;
use super::status::{Axis, Status};
use crate::i18n::Lang;
use crate::model::{GradeSettings, Kind, Model, Progress, RecordIdx, Stage, Visibility};

mod cards;
mod cover;

pub use cards::{Card, Cards};
pub use cover::{Cover, Statement};

/// More records than this, and each 領域's record cards are folded (a
/// 10,000-record page opens in a second instead of tens).
pub const FOLD_AT: usize = 500;

/// One indicator row: its record's ID and the indicator's one view (the
/// same `dx show` gives).
#[derive(Clone, Debug)]
pub struct IndicatorRow {
    /// The record carrying it.
    pub id: String,
    /// Its 分野's name (empty when it has none).
    pub field: String,
    /// The indicator.
    pub view: IndicatorView,
}

/// The numbers at the top, of what the edition lists.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    /// 課題, 手法 and 技術 listed.
    pub listed: [usize; 3],
    /// 課題, 手法 and 技術 left out of the public edition.
    pub hidden: [usize; 3],
    /// ビジョン items with a listed 課題, and all of them.
    pub vision: (usize, usize),
    /// Indicators past their date and unmet, listed.
    pub overdue: usize,
    /// Indicators behind pace (C), listed.
    pub behind_pace: usize,
    /// Reviews overdue or due soon, listed.
    pub reviews: usize,
    /// Pilots waiting for a decision, listed.
    pub decisions_waiting: usize,
}

/// One ビジョン item in the coverage map and table.
#[derive(Clone, Debug)]
pub struct VisionCell {
    /// `kurashi-1`.
    pub id: String,
    /// `①`.
    pub number: String,
    /// `暮らし手続き①`.
    pub shown: String,
    /// The guideline's words.
    pub text: String,
    /// The furthest progress among the 課題 listed (the cell's colour).
    pub best: Option<Progress>,
    /// Covered, unaddressed or uncovered, by the 課題 listed.
    pub coverage: Coverage,
    /// The 課題 listed.
    pub issues: Vec<RecordRef>,
    /// 課題 naming it that the public edition leaves out.
    pub hidden: usize,
}

/// A 分野's row of the coverage map.
#[derive(Clone, Debug)]
pub struct CoverageRow {
    /// The 分野's name.
    pub field: String,
    /// Its ビジョン items.
    pub cells: Vec<VisionCell>,
}

/// Everything the dashboard shows.
pub struct Dashboard<'m> {
    model: &'m Model,
    /// The date it is made as of.
    pub today: Date,
    /// Only public records (and aggregate numbers).
    pub public: bool,
    /// Status by 分野 (aggregate, every record).
    pub status: Status,
    /// The gap report (lists cut to the edition).
    pub gap: Gap,
    /// Changes since a revision.
    pub since: Option<Diff>,
    /// Records shown, by 分野, 領域 and ID.
    records: Vec<RecordIdx>,
    /// The numbers at the top.
    pub counts: Counts,
    /// The coverage map, a row per 分野.
    pub coverage: Vec<CoverageRow>,
    /// Indicators of the records shown that are still pursued.
    pub indicators: Vec<IndicatorRow>,
    /// The indicators the city shows first (dx.toml `[report] headline`).
    pub headline: Vec<IndicatorRow>,
    /// The cover and header.
    pub cover: Cover,
    /// The accessibility statement's facts.
    pub statement: Statement,
    /// The grades' labels.
    pub grades: &'m GradeSettings,
    /// How dates are shown.
    pub dates: crate::calendar::DateStyle,
    /// Errors `dx check` finds, and unreadable files left out of the counts.
    pub errors: (usize, usize),
    /// Whether each 領域's record cards are folded.
    pub fold: bool,
    lang: Lang,
}

impl<'m> Dashboard<'m> {
    /// Gather the dashboard. `lang` is the language of the grades' labels
    /// in the indicator views and of the record cards.
    #[must_use]
    pub fn build(
        model: &'m Model,
        today: Date,
        public: bool,
        since: Option<Diff>,
        lang: Lang,
    ) -> Self {
        let visible = |i: RecordIdx| !public || model.records[i].visibility() == Visibility::Public;
        let shown_id = |id: &str| {
            !public
                || model
                    .record(id)
                    .is_some_and(|r| r.visibility() == Visibility::Public)
        };
        let mut gap = Gap::compute(model, today, None);
        let mut since = since;
        if public {
            gap.retain(shown_id);
            if let Some(d) = &mut since {
                d.retain(shown_id);
            }
        }
        let mut records: Vec<RecordIdx> = model
            .parsed_records()
            .map(|(i, _)| i)
            .filter(|&i| visible(i))
            .collect();
        records.sort_by(|&a, &b| model.guideline_cmp(a, b));
        let indicators = records
            .iter()
            .copied()
            .filter(|&i| model.records[i].stage().is_none_or(|s| !s.is_retired()))
            .flat_map(|i| {
                model.records[i]
                    .indicators()
                    .iter()
                    .map(move |ind| (i, ind))
            })
            .filter(|(_, ind)| ind.baseline.is_some() && ind.target.is_some())
            .map(|(i, ind)| IndicatorRow {
                id: model.records[i].id.to_string(),
                field: field_name(model, i),
                view: IndicatorView::of(model, &model.records[i], ind, today, lang),
            })
            .collect();
        let headline = model
            .settings
            .headline
            .iter()
            .filter_map(|(entry, _)| {
                let (id, name) = crate::model::settings::headline_parts(entry);
                let crate::model::Thing::Record(i) = model.find(id)? else {
                    return None;
                };
                let r = &model.records[i];
                let (_, ind) = r.indicator_named(name)?;
                visible(i).then(|| IndicatorRow {
                    id: r.id.to_string(),
                    field: field_name(model, i),
                    view: IndicatorView::of(model, r, ind, today, lang),
                })
            })
            .collect();
        let coverage = coverage(model, &gap);
        let counts = counts(model, &records, &gap, &coverage);
        let fold = records.len() > FOLD_AT;
        Self {
            model,
            today,
            public,
            status: Status::build(model, Axis::Field),
            gap,
            since,
            records,
            counts,
            coverage,
            indicators,
            headline,
            cover: Cover::of(&model.settings),
            statement: Statement::of(&model.settings),
            grades: &model.settings.grades,
            dates: model.settings.dates,
            errors: (0, 0),
            fold,
            lang,
        }
    }

    /// 手法 per stage, for the funnel: 検討, 実証 (実証実験 + 先行導入),
    /// 導入決定, 運用, and those no longer pursued. Every 手法, as the
    /// status table counts them.
    #[must_use]
    pub fn funnel(&self) -> [(Option<Stage>, usize); 5] {
        let count = |f: &dyn Fn(Stage) -> bool| {
            self.model
                .records_of(Kind::Method)
                .filter_map(|(_, r)| r.stage())
                .filter(|s| f(*s))
                .count()
        };
        [
            (Some(Stage::Study), count(&|s| s == Stage::Study)),
            (Some(Stage::Pilot), count(&Stage::is_pilot)),
            (Some(Stage::Decided), count(&|s| s == Stage::Decided)),
            (Some(Stage::Operation), count(&|s| s == Stage::Operation)),
            (None, count(&Stage::is_retired)),
        ]
    }

    /// The status table, as a document.
    #[must_use]
    pub fn status_doc(&self) -> Doc {
        self.status
            .doc(self.model, self.lang)
            .with_dates(self.dates)
    }

    /// What asks for action now: the reviews due and the decisions
    /// waiting, from the gap report.
    #[must_use]
    pub fn attention_doc(&self) -> Doc {
        let mut doc = self.gap.doc(self.model, self.lang);
        let l = self.lang.labels();
        let keep = [l.reviews, l.decisions_waiting];
        let mut on = false;
        doc.blocks.retain(|b| {
            if let Block::Heading(h) = b {
                on = keep.contains(&h.as_str());
            }
            on
        });
        doc.with_dates(self.dates)
    }

    /// The changes since a revision, as a document.
    #[must_use]
    pub fn since_doc(&self) -> Option<(String, Doc)> {
        self.since
            .as_ref()
            .map(|d| (d.base.clone(), d.doc(self.lang).with_dates(self.dates)))
    }

    /// The record cards, by 分野 and 領域, built one at a time (the
    /// records section is most of the page).
    #[must_use]
    pub fn cards(&self) -> Cards<'_> {
        Cards::new(
            self.model,
            &self.records,
            self.today,
            self.public,
            self.lang,
        )
    }
}

/// The coverage map of the edition, a row per 分野: each cell as the gap
/// report (cut to the edition by [`Gap::retain`]) has it.
fn coverage(model: &Model, gap: &Gap) -> Vec<CoverageRow> {
    let mut rows: Vec<CoverageRow> = Vec::with_capacity(model.fields.len());
    let mut next = gap.vision.iter().peekable();
    for field in model.fields.iter() {
        let mut cells = Vec::with_capacity(field.vision.len());
        for item in &field.vision {
            let Some(v) = next.next_if(|v| v.id == item.id) else {
                continue;
            };
            cells.push(VisionCell {
                id: v.id.clone(),
                number: crate::model::circled(item.no),
                shown: model.shown_id(&v.id),
                text: v.text.clone(),
                best: v.best.and_then(Progress::parse),
                coverage: v.coverage,
                issues: v.issues.clone(),
                hidden: v.hidden,
            });
        }
        rows.push(CoverageRow {
            field: field.name.clone(),
            cells,
        });
    }
    rows
}

fn counts(model: &Model, records: &[RecordIdx], gap: &Gap, coverage: &[CoverageRow]) -> Counts {
    let mut listed = [0; 3];
    for &i in records {
        listed[kind_slot(model.records[i].kind)] += 1;
    }
    let mut all = [0; 3];
    for (_, r) in model.parsed_records() {
        all[kind_slot(r.kind)] += 1;
    }
    let cells = coverage.iter().flat_map(|r| &r.cells);
    Counts {
        listed,
        hidden: [0, 1, 2].map(|k| all[k] - listed[k]),
        vision: (
            cells
                .clone()
                .filter(|c| c.coverage != Coverage::Uncovered)
                .count(),
            cells.count(),
        ),
        overdue: gap.indicators.overdue.len(),
        behind_pace: gap.indicators.behind_pace.len(),
        reviews: gap.reviews.len(),
        decisions_waiting: gap.decisions_waiting.len(),
    }
}

fn field_name(model: &Model, i: RecordIdx) -> String {
    model.records[i]
        .field
        .map_or_else(String::new, |f| model.fields[f].name.clone())
}

fn kind_slot(kind: Kind) -> usize {
    match kind {
        Kind::Issue => 0,
        Kind::Method => 1,
        Kind::Technology => 2,
    }
}
