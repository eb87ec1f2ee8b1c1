//! `dx report`: what the meeting dashboard shows, gathered from the model.
//! The HTML is made by `render::html`.

use jiff::civil::Date;

use super::diff::Diff;
use super::gap::Gap;
use super::status::{Axis, Status};
use crate::model::{Kind, Model, RecordIdx, Stage, Visibility};

/// One bar of the indicator chart.
#[derive(Clone, Debug)]
pub struct IndicatorBar {
    /// The record.
    pub record: RecordIdx,
    /// Indicator name.
    pub name: String,
    /// Unit.
    pub unit: String,
    /// Baseline.
    pub baseline: f64,
    /// Target.
    pub target: f64,
    /// Actual, if measured.
    pub actual: Option<f64>,
    /// Attainment, if measurable.
    pub attainment: Option<f64>,
    /// The grade.
    pub grade: crate::model::Grade,
}

/// Everything the dashboard shows.
pub struct Dashboard<'m> {
    /// The model.
    pub model: &'m Model,
    /// The date it is made as of.
    pub today: Date,
    /// Only public records (and aggregate numbers).
    pub public: bool,
    /// Status by 分野 (aggregate).
    pub status: Status,
    /// The gap report (lists filtered in the public report).
    pub gap: Gap,
    /// Changes since a revision.
    pub since: Option<Diff>,
    /// Records shown, by 分野, 領域 and ID.
    pub records: Vec<RecordIdx>,
    /// Indicator bars of the records shown that are still pursued.
    pub indicators: Vec<IndicatorBar>,
    /// How dates are shown.
    pub dates: crate::calendar::DateStyle,
    /// Errors `dx check` finds, and unreadable files left out of the counts.
    pub errors: (usize, usize),
}

impl<'m> Dashboard<'m> {
    /// Gather the dashboard.
    #[must_use]
    pub fn build(model: &'m Model, today: Date, public: bool, since: Option<Diff>) -> Self {
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
            .filter_map(|(i, ind)| {
                let a = model.assess(&model.records[i], ind, today);
                Some(IndicatorBar {
                    record: i,
                    name: ind.name().to_owned(),
                    unit: ind
                        .unit
                        .as_ref()
                        .map_or_else(String::new, |u| u.value.to_string()),
                    baseline: ind.baseline.as_ref()?.value,
                    target: ind.target.as_ref()?.value,
                    actual: a.current,
                    attainment: a.attainment,
                    grade: a.grade,
                })
            })
            .collect();
        Self {
            model,
            today,
            public,
            status: Status::build(model, Axis::Field),
            gap,
            since,
            records,
            indicators,
            dates: model.settings.dates,
            errors: (0, 0),
        }
    }

    /// Whether record `i` may be shown.
    #[must_use]
    pub fn shows(&self, i: RecordIdx) -> bool {
        !self.public || self.model.records[i].visibility() == Visibility::Public
    }

    /// 手法 per stage, for the funnel: 検討, 実証 (実証実験 + 先行導入),
    /// 導入決定, 運用, and those no longer pursued.
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
}
