//! `dx gap`: where the portfolio falls short of the ビジョン, the 5原則, the
//! national priorities and the guideline's process (indicators, reviews,
//! decisions). The heart of 課題解決型DX.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use super::doc::{Block, Cell, Doc, Table};
use super::{RecordRef, state_word};
use crate::i18n::Lang;
use crate::model::{FieldIdx, Grade, Kind, Model, Progress, RecordIdx, Resolution, Stage, Thing};
use crate::names::Relation;

/// How far ahead reviews count as due soon.
pub const REVIEW_WINDOW_DAYS: i64 = 90;

/// Coverage of one ビジョン item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Coverage {
    /// At least one 課題 names it and work has started on one.
    Covered,
    /// 課題 name it, but every one is 未着手.
    Unaddressed,
    /// No 課題 names it: the largest gap there is.
    Uncovered,
}

/// One ビジョン item and the 課題 that name it.
#[derive(Clone, Debug, Serialize)]
pub struct VisionGap {
    /// `kurashi-1`.
    pub id: String,
    /// The 分野's name.
    pub field: String,
    /// The guideline's words.
    pub text: String,
    /// The 課題 naming it.
    pub issues: Vec<RecordRef>,
    /// The furthest progress among them.
    pub best: Option<&'static str>,
    /// Covered, unaddressed or uncovered.
    pub coverage: Coverage,
    /// 課題 naming it that [`Gap::retain`] left out (the public report
    /// says how many).
    #[serde(skip)]
    pub hidden: usize,
}

impl Coverage {
    /// The coverage the furthest progress among an item's 課題 gives.
    #[must_use]
    pub fn of(best: Option<Progress>) -> Self {
        match best {
            None => Self::Uncovered,
            Some(Progress::NotStarted) => Self::Unaddressed,
            Some(_) => Self::Covered,
        }
    }
}

/// A 原則, 配慮 or national priority.
#[derive(Clone, Debug, Serialize)]
pub struct ReferenceGap {
    /// `P3`, `N6`.
    pub id: String,
    /// Its wording.
    pub title: String,
    /// 技術 that serve it although no 手法 does (national priorities only).
    pub technologies: Vec<String>,
}

/// An indicator with its grade.
#[derive(Clone, Debug, Serialize)]
pub struct IndicatorGap {
    /// The record carrying it.
    pub record: RecordRef,
    /// The indicator's name.
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// Baseline.
    pub baseline: Option<f64>,
    /// Target.
    pub target: Option<f64>,
    /// The current value.
    pub actual: Option<f64>,
    /// When it was measured.
    pub measured: Option<String>,
    /// (current − baseline) / (target − baseline).
    pub attainment: Option<f64>,
    /// attainment / the attainment expected today.
    pub pace: Option<f64>,
    /// A, B, C or D.
    pub grade: &'static str,
    /// When the target should be met.
    pub target_date: Option<String>,
    /// The 年度 of the target date.
    pub target_fiscal_year: Option<i16>,
}

/// The indicators of records still pursued, by what they need.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Indicators {
    /// Past target_date and unmet, the longest overdue first.
    pub overdue: Vec<IndicatorGap>,
    /// Behind pace (C), the slowest first.
    pub behind_pace: Vec<IndicatorGap>,
    /// Not measurable (D).
    pub unmeasurable: Vec<IndicatorGap>,
    /// On track (A or B).
    pub on_track: Vec<IndicatorGap>,
    /// A measurement due (測定待ち, SPEC §7.2), whatever the grade: the
    /// latest observation is older than `[grades] max_age_months`.
    pub due: Vec<IndicatorGap>,
}

/// A review overdue or due soon.
#[derive(Clone, Debug, Serialize)]
pub struct ReviewGap {
    /// The record in operation.
    pub record: RecordRef,
    /// Its review date; `None` when it has none (counted as overdue).
    pub review_due: Option<String>,
    /// Days from today to the review date (negative when past).
    pub days: Option<i64>,
    /// Past due, or no date at all.
    pub overdue: bool,
}

/// A pilot past its target date with no decision since.
#[derive(Clone, Debug, Serialize)]
pub struct DecisionGap {
    /// The pilot.
    pub record: RecordRef,
    /// The latest target date of its indicators.
    pub target_date: String,
}

/// The headline numbers.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    /// ビジョン items considered.
    pub vision_items: usize,
    /// Covered.
    pub covered: usize,
    /// Named only by 課題 that are all 未着手.
    pub unaddressed: usize,
    /// Named by no 課題.
    pub uncovered: usize,
    /// 課題 considered.
    pub issues: usize,
    /// 課題 per progress, in progress order.
    pub issues_by_progress: Vec<(&'static str, usize)>,
    /// 5原則 that no 手法 follows.
    pub principles_unfollowed: usize,
    /// National priorities no 手法 serves.
    pub national_unserved: usize,
    /// Open 課題 no 手法 solves.
    pub issues_without_methods: usize,
    /// 手法 no 技術 implements (information).
    pub methods_without_technologies: usize,
    /// Pilots without indicators.
    pub pilots_without_indicators: usize,
    /// Indicators past target_date and unmet.
    pub indicators_overdue: usize,
    /// Indicators behind pace (C).
    pub indicators_behind_pace: usize,
    /// Indicators that cannot be graded (D).
    pub indicators_unmeasurable: usize,
    /// Indicators on track (A, B).
    pub indicators_on_track: usize,
    /// Indicators whose measurement is due (測定待ち).
    pub indicators_due: usize,
    /// Reviews overdue (or missing).
    pub reviews_overdue: usize,
    /// Reviews due within the window.
    pub reviews_due_soon: usize,
    /// Pilots waiting for a decision.
    pub decisions_waiting: usize,
}

/// The gap report.
#[derive(Clone, Debug, Serialize)]
pub struct Gap {
    /// The date it was made as of.
    pub today: String,
    /// The 分野 it is limited to, if any.
    pub field: Option<String>,
    /// Headline numbers.
    pub summary: Summary,
    /// Every ビジョン item with its coverage.
    pub vision: Vec<VisionGap>,
    /// 原則 no 手法 follows.
    pub principles_unfollowed: Vec<ReferenceGap>,
    /// National priorities no 手法 serves.
    pub national_unserved: Vec<ReferenceGap>,
    /// Open 課題 with no 手法.
    pub issues_without_methods: Vec<RecordRef>,
    /// 手法 with no 技術 (a 手法 can be pure business reform).
    pub methods_without_technologies: Vec<RecordRef>,
    /// 実証実験/先行導入 with no indicator.
    pub pilots_without_indicators: Vec<RecordRef>,
    /// Indicators by grade and deadline.
    pub indicators: Indicators,
    /// Reviews overdue or due within 90 days, soonest first.
    pub reviews: Vec<ReviewGap>,
    /// Pilots past their target date with no decision since.
    pub decisions_waiting: Vec<DecisionGap>,
}

/// Error: `--field` names no 分野.
#[derive(Debug, thiserror::Error)]
#[error("no field {0}")]
pub struct UnknownField(pub String);

impl Gap {
    /// Compute the gaps as of `today`, for one 分野 or all.
    pub fn build(model: &Model, today: Date, field: Option<&str>) -> Result<Self, UnknownField> {
        let field_idx = match field {
            Some(f) => Some(
                model
                    .fields
                    .enumerate()
                    .find(|(_, x)| x.id == f)
                    .map(|(i, _)| i)
                    .ok_or_else(|| UnknownField(f.to_owned()))?,
            ),
            None => None,
        };
        Ok(Self::compute(model, today, field_idx))
    }

    /// Compute the gaps as of `today`, for the 分野 at `field_idx` or all.
    #[must_use]
    pub fn compute(model: &Model, today: Date, field_idx: Option<FieldIdx>) -> Self {
        let field = field_idx.map(|f| model.fields[f].id.as_str());
        let in_scope = |i: RecordIdx| field_idx.is_none() || model.records[i].field == field_idx;
        let records: Vec<RecordIdx> = model
            .parsed_records()
            .map(|(i, _)| i)
            .filter(|&i| in_scope(i))
            .collect();
        let of_kind = |k: Kind| {
            records
                .iter()
                .copied()
                .filter(move |&i| model.records[i].kind == k)
        };

        let vision = vision_gaps(model, field_idx);
        let followed = linked_ids(model, of_kind(Kind::Method), Relation::Principles);
        let principles_unfollowed: Vec<ReferenceGap> = model
            .principles
            .iter()
            .filter(|p| !followed.contains(p.id.value.as_str()))
            .map(|p| ReferenceGap {
                id: p.id.value.to_string(),
                title: p.title.clone(),
                technologies: Vec::new(),
            })
            .collect();
        let served = linked_ids(model, of_kind(Kind::Method), Relation::National);
        let national_unserved: Vec<ReferenceGap> = model
            .national
            .enumerate()
            // An item of an earlier edition is no gap of today's plan
            // (retired-reference names the records still on it).
            .filter(|(_, n)| model.national_plan.is_current(&n.id.value))
            .filter(|(_, n)| !served.contains(n.id.value.as_str()))
            .map(|(ni, n)| ReferenceGap {
                id: n.id.value.to_string(),
                title: n.title.clone(),
                technologies: model.back.national_followers[ni]
                    .iter()
                    .copied()
                    .filter(|&t| in_scope(t) && model.records[t].kind == Kind::Technology)
                    .map(|t| model.records[t].id.to_string())
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect(),
            })
            .collect();
        let issues_without_methods: Vec<RecordRef> = of_kind(Kind::Issue)
            .filter(|&i| model.records[i].closed().is_none() && model.back.solvers[i].is_empty())
            .map(|i| RecordRef::of(model, i))
            .collect();
        let active = |i: &RecordIdx| model.records[*i].stage().is_some_and(|s| !s.is_retired());
        let methods_without_technologies: Vec<RecordRef> = of_kind(Kind::Method)
            .filter(active)
            .filter(|&i| model.back.implementers[i].is_empty())
            .map(|i| RecordRef::of(model, i))
            .collect();
        let pilots_without_indicators: Vec<RecordRef> = records
            .iter()
            .copied()
            .filter(|&i| {
                model.records[i].stage().is_some_and(Stage::is_pilot)
                    && model.records[i].indicators().is_empty()
            })
            .map(|i| RecordRef::of(model, i))
            .collect();
        let mut indicators = Indicators::default();
        for i in records.iter().copied().filter(active) {
            let r = &model.records[i];
            for ind in r.indicators() {
                let a = model.assess(r, ind, today);
                let gap = IndicatorGap {
                    record: RecordRef::of(model, i),
                    name: ind.name().to_owned(),
                    unit: ind
                        .unit
                        .as_ref()
                        .map_or_else(String::new, |u| u.value.to_string()),
                    baseline: ind.baseline.as_ref().map(|v| v.value),
                    target: ind.target.as_ref().map(|v| v.value),
                    actual: a.current,
                    measured: a.current_date.map(|d| d.to_string()),
                    attainment: a.attainment,
                    pace: a.pace,
                    grade: a.grade.letter(),
                    target_date: ind.target_date.as_ref().map(|d| d.value.to_string()),
                    target_fiscal_year: ind
                        .target_date
                        .as_ref()
                        .map(|d| crate::calendar::fiscal_year(d.value)),
                };
                if a.due {
                    indicators.due.push(gap.clone());
                }
                // What cannot be graded is not known to be unmet: D first, so
                // the summary's D count and the D table agree.
                let list = match a.grade {
                    Grade::D => &mut indicators.unmeasurable,
                    _ if a.overdue => &mut indicators.overdue,
                    Grade::C => &mut indicators.behind_pace,
                    Grade::A | Grade::B => &mut indicators.on_track,
                };
                list.push(gap);
            }
        }
        let by = |f: fn(&IndicatorGap) -> Option<f64>| {
            move |a: &IndicatorGap, b: &IndicatorGap| {
                f(a).partial_cmp(&f(b)).unwrap_or(std::cmp::Ordering::Equal)
            }
        };
        indicators
            .overdue
            .sort_by(|a, b| a.target_date.cmp(&b.target_date));
        indicators.behind_pace.sort_by(by(|g| g.pace));
        let reviews = reviews(model, &records, today);
        let decisions_waiting: Vec<DecisionGap> = records
            .iter()
            .copied()
            .filter_map(|i| {
                let date = model.awaiting_decision(&model.records[i], today)?;
                Some(DecisionGap {
                    record: RecordRef::of(model, i),
                    target_date: date.to_string(),
                })
            })
            .collect();

        let mut gap = Self {
            today: today.to_string(),
            field: field.map(str::to_owned),
            summary: Summary::default(),
            vision,
            principles_unfollowed,
            national_unserved,
            issues_without_methods: by_id(issues_without_methods),
            methods_without_technologies: by_id(methods_without_technologies),
            pilots_without_indicators: by_id(pilots_without_indicators),
            indicators,
            reviews,
            decisions_waiting,
        };
        let issues: Vec<RecordIdx> = of_kind(Kind::Issue).collect();
        gap.summary = summarise(&gap, model, &issues);
        gap
    }
}

/// Records in ID order.
fn by_id(mut records: Vec<RecordRef>) -> Vec<RecordRef> {
    records.sort_by(|a, b| crate::model::ids::natural_cmp(&a.id, &b.id));
    records
}

impl Gap {
    /// Keep only the records `keep` accepts in every list (the public
    /// report); the summary numbers stay those of the whole portfolio. A
    /// ビジョン item's furthest progress and coverage become those of the
    /// 課題 kept, and it counts those left out, so that no item claims
    /// more than it lists.
    pub fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        for v in &mut self.vision {
            let before = v.issues.len();
            v.issues.retain(|r| keep(&r.id));
            v.hidden = before - v.issues.len();
            let best = v
                .issues
                .iter()
                .filter_map(|r| Progress::parse(&r.state))
                .max();
            v.best = best.map(Progress::as_str);
            v.coverage = Coverage::of(best);
        }
        self.issues_without_methods.retain(|r| keep(&r.id));
        self.methods_without_technologies.retain(|r| keep(&r.id));
        self.pilots_without_indicators.retain(|r| keep(&r.id));
        for list in [
            &mut self.indicators.overdue,
            &mut self.indicators.behind_pace,
            &mut self.indicators.unmeasurable,
            &mut self.indicators.on_track,
        ] {
            list.retain(|i| keep(&i.record.id));
        }
        self.reviews.retain(|r| keep(&r.record.id));
        self.decisions_waiting.retain(|d| keep(&d.record.id));
        for n in &mut self.national_unserved {
            n.technologies.retain(|t| keep(t));
        }
    }
}

fn vision_gaps(model: &Model, field: Option<FieldIdx>) -> Vec<VisionGap> {
    let mut out = Vec::new();
    for (f, fld) in model.fields.enumerate() {
        if field.is_some_and(|x| x != f) {
            continue;
        }
        for (v, item) in fld.vision.iter().enumerate() {
            let naming = &model.back.vision_issues[f][v];
            let best = naming.iter().map(|&i| model.progress(i)).max();
            out.push(VisionGap {
                id: item.id.clone(),
                field: fld.name.clone(),
                text: item.text.clone(),
                issues: by_id(naming.iter().map(|&i| RecordRef::of(model, i)).collect()),
                best: best.map(Progress::as_str),
                coverage: Coverage::of(best),
                hidden: 0,
            });
        }
    }
    out
}

/// The ids that records link to under `key`, resolved.
fn linked_ids(
    model: &Model,
    records: impl Iterator<Item = RecordIdx>,
    key: Relation,
) -> std::collections::HashSet<String> {
    records
        .flat_map(|i| {
            model
                .resolved_links(i)
                .filter(|(k, _, res)| {
                    k.relation == key
                        && matches!(
                            res,
                            Resolution::Found(Thing::Principle(_) | Thing::National(_))
                        )
                })
                .map(|(_, l, _)| l.value.to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn reviews(model: &Model, records: &[RecordIdx], today: Date) -> Vec<ReviewGap> {
    let horizon = today.saturating_add(REVIEW_WINDOW_DAYS.days());
    let mut out: Vec<ReviewGap> = records
        .iter()
        .copied()
        .filter(|&i| model.records[i].stage() == Some(Stage::Operation))
        .filter_map(|i| {
            let due = model.records[i].review_due().map(|d| d.value);
            if due.is_some_and(|d| d > horizon) {
                return None;
            }
            let days = due
                .and_then(|d| today.until(d).ok())
                .map(|s| i64::from(s.get_days()));
            Some(ReviewGap {
                record: RecordRef::of(model, i),
                review_due: due.map(|d| d.to_string()),
                days,
                overdue: due.is_none_or(|d| d < today),
            })
        })
        .collect();
    out.sort_by_key(|r| (r.days.unwrap_or(i64::MIN), r.record.id.clone()));
    out
}

fn summarise(gap: &Gap, model: &Model, issues: &[RecordIdx]) -> Summary {
    let count = |c: Coverage| gap.vision.iter().filter(|v| v.coverage == c).count();
    let issues_by_progress = Progress::ALL
        .iter()
        .map(|p| {
            (
                p.as_str(),
                issues.iter().filter(|&&i| model.progress(i) == *p).count(),
            )
        })
        .collect();
    Summary {
        vision_items: gap.vision.len(),
        covered: count(Coverage::Covered),
        unaddressed: count(Coverage::Unaddressed),
        uncovered: count(Coverage::Uncovered),
        issues: issues.len(),
        issues_by_progress,
        principles_unfollowed: gap.principles_unfollowed.len(),
        national_unserved: gap.national_unserved.len(),
        issues_without_methods: gap.issues_without_methods.len(),
        methods_without_technologies: gap.methods_without_technologies.len(),
        pilots_without_indicators: gap.pilots_without_indicators.len(),
        indicators_overdue: gap.indicators.overdue.len(),
        indicators_behind_pace: gap.indicators.behind_pace.len(),
        indicators_due: gap.indicators.due.len(),
        indicators_unmeasurable: gap.indicators.unmeasurable.len(),
        indicators_on_track: gap.indicators.on_track.len(),
        reviews_overdue: gap.reviews.iter().filter(|r| r.overdue).count(),
        reviews_due_soon: gap.reviews.iter().filter(|r| !r.overdue).count(),
        decisions_waiting: gap.decisions_waiting.len(),
    }
}

fn indicator_table(list: &[IndicatorGap], lang: Lang) -> Table {
    let l = lang.labels();
    let rows = list
        .iter()
        .map(|i| {
            let mut row = vec![Cell::Id(i.record.id.clone()), i.name.clone().into()];
            row.extend(super::figures(
                i.baseline,
                i.target,
                i.actual,
                &i.unit,
                i.attainment,
            ));
            row.extend([
                i.pace.map_or_else(Cell::empty, Cell::Ratio),
                i.grade.into(),
                Cell::opt_date(i.measured.as_deref()),
                Cell::opt_date(i.target_date.as_deref()),
            ]);
            row
        })
        .collect();
    Table {
        headers: vec![
            l.id.into(),
            l.indicator.into(),
            l.baseline.into(),
            l.target.into(),
            l.actual.into(),
            l.unit.into(),
            l.attainment.into(),
            l.pace.into(),
            l.grade.into(),
            l.measured.into(),
            l.target_date.into(),
        ],
        rows,
        // Baseline, target and actual as numbers of their own: a
        // spreadsheet sums them, a reader compares them.
        numeric: vec![2, 3, 4, 6, 7],
        ..Table::default()
    }
}

fn records_table(model: &Model, records: &[RecordRef], lang: Lang) -> Table {
    let l = lang.labels();
    Table {
        headers: vec![l.id.into(), l.title.into(), l.state.into(), l.domain.into()],
        rows: records
            .iter()
            .map(|r| {
                vec![
                    Cell::Id(r.id.to_string()),
                    r.title.clone().into(),
                    state_word(&r.state, lang).into(),
                    // CSV and spreadsheets keep the 領域's ID.
                    Cell::named(model.shown_id(&r.domain), r.domain.clone()),
                ]
            })
            .collect(),
        ..Table::default()
    }
}

impl Gap {
    /// Lay the report out.
    #[must_use]
    pub fn doc(&self, model: &Model, lang: Lang) -> Doc {
        let l = lang.labels();
        let title = (l.paren)(&super::title(model, l.gap_title), &self.today);
        let mut doc = match self.today.parse() {
            Ok(date) => Doc::dated(title, date),
            Err(_) => Doc::new(title),
        };
        let s = &self.summary;
        if let Some(f) = &self.field {
            doc.text(format!("{}: {f}", l.field));
        }
        doc.heading(l.summary);
        let progress: Vec<String> = s
            .issues_by_progress
            .iter()
            .map(|(p, n)| format!("{} {n}", state_word(p, lang)))
            .collect();
        let facts = vec![
            (
                l.vision_items.to_owned(),
                (l.vision_summary)(s.vision_items, s.covered, s.unaddressed, s.uncovered).into(),
            ),
            (
                l.issues.to_owned(),
                (l.paren)(&s.issues.to_string(), &progress.join(l.sep)).into(),
            ),
            (
                l.principles_unfollowed.to_owned(),
                Cell::count(s.principles_unfollowed),
            ),
            (
                l.national_unserved.to_owned(),
                Cell::count(s.national_unserved),
            ),
            (
                l.issues_without_methods.to_owned(),
                Cell::count(s.issues_without_methods),
            ),
            (
                l.methods_without_technologies.to_owned(),
                Cell::count(s.methods_without_technologies),
            ),
            (
                l.pilots_without_indicators.to_owned(),
                Cell::count(s.pilots_without_indicators),
            ),
            (
                l.indicators_overdue.to_owned(),
                Cell::count(s.indicators_overdue),
            ),
            (
                l.indicators_behind_pace.to_owned(),
                Cell::count(s.indicators_behind_pace),
            ),
            (
                l.indicators_unmeasurable.to_owned(),
                Cell::count(s.indicators_unmeasurable),
            ),
            (
                l.indicators_on_track.to_owned(),
                Cell::count(s.indicators_on_track),
            ),
            (l.indicators_due.to_owned(), Cell::count(s.indicators_due)),
            (
                l.reviews.to_owned(),
                (l.review_summary)(s.reviews_overdue, s.reviews_due_soon).into(),
            ),
            (
                l.decisions_waiting.to_owned(),
                Cell::count(s.decisions_waiting),
            ),
        ];
        doc.blocks.push(Block::Facts(facts));

        doc.heading(l.vision_coverage);
        let rows = self
            .vision
            .iter()
            .map(|v| {
                let issues: Vec<String> = v
                    .issues
                    .iter()
                    .map(|i| (l.paren)(&i.id, &state_word(&i.state, lang)))
                    .collect();
                let flag = match v.coverage {
                    Coverage::Covered => "",
                    Coverage::Unaddressed => l.unaddressed,
                    Coverage::Uncovered => l.uncovered,
                };
                vec![
                    Cell::named(model.shown_id(&v.id), v.id.clone()),
                    v.text.clone().into(),
                    issues.join(" ").into(),
                    v.best
                        .map_or_else(String::new, |b| state_word(b, lang))
                        .into(),
                    flag.into(),
                ]
            })
            .collect();
        doc.table_or(
            Table {
                headers: vec![
                    l.vision_item.into(),
                    l.text.into(),
                    l.issues.into(),
                    l.best.into(),
                    l.flag.into(),
                ],
                rows,
                clip: vec![(1, 24)],
                key: Some(("vision", "ビジョン")),
                ..Table::default()
            },
            l.nothing,
        );

        doc.heading(l.principles_unfollowed);
        let rows = self
            .principles_unfollowed
            .iter()
            .map(|p| vec![Cell::Id(p.id.clone()), p.title.clone().into()])
            .collect();
        doc.table_or(
            Table {
                headers: vec![l.id.into(), l.title.into()],
                rows,
                key: Some(("principles", "原則")),
                ..Table::default()
            },
            l.nothing,
        );

        doc.heading(l.national_unserved);
        let rows = self
            .national_unserved
            .iter()
            .map(|n| {
                vec![
                    Cell::Id(n.id.clone()),
                    n.title.clone().into(),
                    n.technologies.join(" ").into(),
                ]
            })
            .collect();
        doc.table_or(
            Table {
                headers: vec![l.id.into(), l.title.into(), l.technologies_only.into()],
                rows,
                key: Some(("national", "国")),
                ..Table::default()
            },
            l.nothing,
        );

        for (heading, list, key) in [
            (
                l.issues_without_methods,
                &self.issues_without_methods,
                ("issues-without-methods", "手法のない課題"),
            ),
            (
                l.methods_without_technologies,
                &self.methods_without_technologies,
                ("methods-without-technologies", "技術のない手法"),
            ),
            (
                l.pilots_without_indicators,
                &self.pilots_without_indicators,
                ("pilots-without-indicators", "評価指標のない実証"),
            ),
        ] {
            doc.heading(heading);
            if std::ptr::eq(list, &self.methods_without_technologies) {
                doc.text(l.methods_without_technologies_note);
            }
            let table = Table {
                key: Some(key),
                ..records_table(model, list, lang)
            };
            doc.table_or(table, l.nothing);
        }

        // What needs the meeting: overdue, behind, not measurable. Those on
        // track are counted in the summary (and listed in JSON).
        for (heading, list, key) in [
            (
                l.indicators_overdue,
                &self.indicators.overdue,
                ("overdue", "期日超過"),
            ),
            (
                l.indicators_behind_pace,
                &self.indicators.behind_pace,
                ("behind", "遅れ"),
            ),
            (
                l.indicators_unmeasurable,
                &self.indicators.unmeasurable,
                ("unmeasurable", "評価不能"),
            ),
            (l.indicators_due, &self.indicators.due, ("due", "測定待ち")),
        ] {
            doc.heading(heading);
            let table = Table {
                key: Some(key),
                ..indicator_table(list, lang)
            };
            doc.table_or(table, l.nothing);
        }

        doc.heading(l.reviews);
        let rows = self
            .reviews
            .iter()
            .map(|r| {
                let when = match (r.days, r.overdue) {
                    (None, _) => l.no_review_date.to_owned(),
                    (Some(d), true) => (l.days_overdue)(-d),
                    (Some(d), false) => (l.days_left)(d),
                };
                vec![
                    Cell::Id(r.record.id.clone()),
                    r.record.title.clone().into(),
                    Cell::opt_date(r.review_due.as_deref()),
                    when.into(),
                ]
            })
            .collect();
        doc.table_or(
            Table {
                headers: vec![
                    l.id.into(),
                    l.title.into(),
                    l.review_due.into(),
                    l.when.into(),
                ],
                rows,
                key: Some(("reviews", "見直し")),
                ..Table::default()
            },
            l.nothing,
        );

        doc.heading(l.decisions_waiting);
        let rows = self
            .decisions_waiting
            .iter()
            .map(|d| {
                vec![
                    Cell::Id(d.record.id.clone()),
                    d.record.title.clone().into(),
                    state_word(&d.record.state, lang).into(),
                    Cell::date(&d.target_date),
                ]
            })
            .collect();
        doc.table_or(
            Table {
                headers: vec![
                    l.id.into(),
                    l.title.into(),
                    l.state.into(),
                    l.target_date.into(),
                ],
                rows,
                key: Some(("decisions-waiting", "意思決定待ち")),
                ..Table::default()
            },
            l.nothing,
        );
        doc
    }
}
