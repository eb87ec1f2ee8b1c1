//! `dx show ID`: one record (or ビジョン item, 原則, 分野, 領域) in full, with
//! everything it links to and everything linking to it.

use serde::Serialize;

use super::doc::{Block, Cell, Doc, Table};
use super::{state, state_word};
use crate::calendar::fiscal_year;
use crate::i18n::Lang;
use crate::model::{Idx, Kind, Model, RecordIdx, Resolution, Thing};
use crate::names::{self, Relation, ThingKind};

/// One labelled value.
#[derive(Clone, Debug, Serialize)]
pub struct Fact {
    /// Stable key (`path`, `stage`, `owner` …).
    pub key: names::Fact,
    /// The value.
    pub value: String,
}

/// A link to or from the shown thing.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    /// The link (`vision`, `solves`, `solved_by`, `implemented_by` …).
    pub relation: Relation,
    /// The other end's id.
    pub id: String,
    /// The other end as people read it (暮らし手続き④); data keeps `id`.
    #[serde(skip)]
    pub shown: String,
    /// Its kind (`issue`, `vision`, `principle` …).
    pub kind: ThingKind,
    /// Its title or wording.
    pub title: String,
    /// Its stage or progress, if it has one.
    pub state: String,
    /// A record the public edition leaves out: shown as such, without its
    /// ID or title.
    #[serde(skip)]
    pub hidden: bool,
}

/// An indicator with its history and what dx derives from it.
#[derive(Clone, Debug, Serialize)]
pub struct IndicatorView {
    /// Name.
    pub name: String,
    /// Unit.
    pub unit: String,
    /// Baseline.
    pub baseline: Option<f64>,
    /// When the baseline was true.
    pub baseline_date: Option<String>,
    /// Target.
    pub target: Option<f64>,
    /// Target date.
    pub target_date: Option<String>,
    /// The 年度 of the target date.
    pub target_fiscal_year: Option<i16>,
    /// The current value: the latest-dated observation with a value.
    pub actual: Option<f64>,
    /// Its date.
    pub measured: Option<String>,
    /// The 年度 of that date.
    pub measured_fiscal_year: Option<i16>,
    /// (current − baseline) / (target − baseline).
    pub attainment: Option<f64>,
    /// The attainment a straight line to the target expects today.
    pub expected: Option<f64>,
    /// attainment / expected.
    pub pace: Option<f64>,
    /// A, B, C or D.
    pub grade: &'static str,
    /// The grade's label in the output language (dx.toml `[grades] labels`).
    pub grade_label: String,
    /// Attainment ≥ 1; null when nothing gives an attainment.
    pub met: Option<bool>,
    /// The target date has passed and the target is not reached.
    pub overdue: bool,
    /// Every observation as written.
    pub observations: Vec<ObservationView>,
    /// How far the current value can be trusted (速報 and 推計 are marked
    /// wherever the value is shown).
    #[serde(skip)]
    pub actual_status: crate::vocab::ObservationStatus,
    /// Where the current value comes from.
    #[serde(skip)]
    pub actual_source: Option<String>,
    /// When the latest observation is 評価不能: its note, the reason (empty
    /// when none is written).
    #[serde(skip)]
    pub unmeasurable: Option<String>,
    /// The grade, typed.
    #[serde(skip)]
    pub graded: crate::vocab::Grade,
}

/// One measurement of an indicator.
#[derive(Clone, Debug, Serialize)]
pub struct ObservationView {
    /// When.
    pub date: Option<String>,
    /// Its 年度.
    pub fiscal_year: Option<i16>,
    /// The value; none when it could not be measured.
    pub value: Option<f64>,
    /// 確定, 速報, 推計 or 評価不能.
    pub status: &'static str,
    /// Where the number comes from.
    pub source: Option<String>,
    /// Note.
    pub note: Option<String>,
}

impl IndicatorView {
    /// The view of `ind`, one of `record`'s indicators, as of `today`.
    #[must_use]
    pub fn of(
        model: &Model,
        record: &crate::model::Record,
        ind: &crate::model::Indicator,
        today: jiff::civil::Date,
        lang: Lang,
    ) -> Self {
        let a = model.assess(record, ind, today);
        let date = |d: &Option<crate::files::Sp<jiff::civil::Date>>| d.as_ref().map(|d| d.value);
        // The observation that gave the current value, and the latest one
        // (which, when 評価不能, makes the grade D and carries the reason).
        let current = ind
            .observations
            .iter()
            .rfind(|o| o.value.is_some() && date(&o.date) == a.current_date);
        let latest = ind.observations.iter().max_by_key(|o| date(&o.date));
        Self {
            name: ind.name().to_owned(),
            unit: ind
                .unit
                .as_ref()
                .map_or_else(String::new, |u| u.value.to_string()),
            baseline: ind.baseline.as_ref().map(|v| v.value),
            baseline_date: date(&ind.baseline_date).map(|d| d.to_string()),
            target: ind.target.as_ref().map(|v| v.value),
            target_date: date(&ind.target_date).map(|d| d.to_string()),
            target_fiscal_year: date(&ind.target_date).map(fiscal_year),
            actual: a.current,
            measured: a.current_date.map(|d| d.to_string()),
            measured_fiscal_year: a.current_date.map(fiscal_year),
            attainment: a.attainment,
            expected: a.expected,
            pace: a.pace,
            grade: a.grade.letter(),
            grade_label: lang.grade_label(a.grade, &model.settings.grades).to_owned(),
            met: a.attainment.map(|x| x >= 1.0),
            overdue: a.overdue,
            observations: ind
                .observations
                .iter()
                .map(|o| ObservationView {
                    date: date(&o.date).map(|d| d.to_string()),
                    fiscal_year: date(&o.date).map(fiscal_year),
                    value: o.value.as_ref().map(|v| v.value),
                    status: o.status.as_str(),
                    source: o.source().map(|v| v.value.to_string()),
                    note: o.note().map(|v| v.value.to_string()),
                })
                .collect(),
            actual_status: current.map_or(crate::vocab::ObservationStatus::Final, |o| o.status),
            actual_source: current
                .and_then(|o| o.source())
                .map(|v| v.value.to_string()),
            unmeasurable: latest
                .filter(|o| o.status == crate::vocab::ObservationStatus::Unmeasurable)
                .map(|o| o.note().map(|v| v.value.to_string()).unwrap_or_default()),
            graded: a.grade,
        }
    }
}
/// A decision.
#[derive(Clone, Debug, Serialize)]
pub struct DecisionView {
    /// Date.
    pub date: Option<String>,
    /// Its 年度.
    pub fiscal_year: Option<i16>,
    /// Body that decided.
    pub body: Option<&'static str>,
    /// What it decided.
    pub result: Option<&'static str>,
    /// Note.
    pub note: Option<String>,
}

/// The team.
#[derive(Clone, Debug, Serialize)]
pub struct TeamView {
    /// Name.
    pub name: String,
    /// 検討チーム or タスクフォース.
    pub kind: Option<&'static str>,
    /// Lead (a role).
    pub lead: Option<String>,
    /// Departments.
    pub departments: Vec<String>,
}

/// The show report.
#[derive(Clone, Debug, Serialize)]
pub struct Show {
    /// The id shown.
    pub id: String,
    /// It as people read it (暮らし手続き④); data keeps `id`.
    #[serde(skip)]
    pub shown: String,
    /// What it is (`issue`, `method`, `technology`, `vision`, `principle`,
    /// `consideration`, `national`, `field`, `domain`).
    pub kind: ThingKind,
    /// Title, name or wording.
    pub title: String,
    /// Its values.
    pub facts: Vec<Fact>,
    /// What it links to.
    pub up: Vec<Link>,
    /// What links to it.
    pub down: Vec<Link>,
    /// The team.
    pub team: Option<TeamView>,
    /// Indicators.
    pub indicators: Vec<IndicatorView>,
    /// Decisions, oldest first.
    pub decisions: Vec<DecisionView>,
}

/// Error: nothing has the id; carries the nearest id.
#[derive(Debug, thiserror::Error)]
#[error("nothing has the id {id}")]
pub struct NotFound {
    /// The id asked for.
    pub id: String,
    /// The nearest existing id.
    pub nearest: Option<String>,
}

fn thing_kind(t: Thing, model: &Model) -> ThingKind {
    match t {
        Thing::Record(i) => ThingKind::of_record(model.records[i].kind),
        Thing::Vision(..) => ThingKind::Vision,
        Thing::Principle(_) => ThingKind::Principle,
        Thing::Consideration(_) => ThingKind::Consideration,
        Thing::National(_) => ThingKind::National,
        Thing::Field(_) => ThingKind::Field,
        Thing::Domain(_) => ThingKind::Domain,
    }
}

fn thing_title(t: Thing, model: &Model) -> String {
    match t {
        Thing::Record(i) => model.records[i].title().to_owned(),
        Thing::Vision(f, v) => model.fields[f].vision[v.get()].text.clone(),
        Thing::Principle(i) => model.principles[i].title.clone(),
        Thing::Consideration(i) => model.considerations[i].title.clone(),
        Thing::National(i) => model.national[i].title.clone(),
        Thing::Field(i) => model.fields[i].name.clone(),
        Thing::Domain(i) => model.domains[i].name.clone(),
    }
}

/// How `dx show` names a thing: a ビジョン item as 暮らし手続き④ (its text
/// is the title beside it), anything else by its ID, which a 分野's or
/// 領域's name beside it already explains.
fn shown(t: Thing, model: &Model) -> String {
    match t {
        Thing::Vision(..) => model.shown_as(t),
        _ => model.thing_id(t).to_owned(),
    }
}

fn link(relation: Relation, t: Thing, model: &Model) -> Link {
    let state = match t {
        Thing::Record(i) => state(model, i).map_or_else(String::new, |s| s.as_str().to_owned()),
        _ => String::new(),
    };
    Link {
        relation,
        id: model.thing_id(t).to_owned(),
        shown: shown(t, model),
        kind: thing_kind(t, model),
        title: thing_title(t, model),
        state,
        hidden: false,
    }
}

impl Show {
    fn empty(model: &Model, thing: Thing) -> Self {
        Self {
            id: model.thing_id(thing).to_owned(),
            shown: shown(thing, model),
            kind: thing_kind(thing, model),
            title: thing_title(thing, model),
            facts: Vec::new(),
            up: Vec::new(),
            down: Vec::new(),
            team: None,
            indicators: Vec::new(),
            decisions: Vec::new(),
        }
    }

    /// Show record `i` (also when its ID is duplicated: the file at `i`).
    #[must_use]
    pub fn of_record(model: &Model, i: RecordIdx, today: jiff::civil::Date, lang: Lang) -> Self {
        let mut show = Self::empty(model, Thing::Record(i));
        show.record(model, i, today, lang);
        show
    }

    /// Show the thing with this id.
    pub fn build(
        model: &Model,
        id: &str,
        today: jiff::civil::Date,
        lang: Lang,
    ) -> Result<Self, NotFound> {
        let Some(thing) = model.find(id) else {
            let nearest = crate::suggest::nearest(id, model.all_ids()).map(str::to_owned);
            return Err(NotFound {
                id: id.to_owned(),
                nearest,
            });
        };
        let mut show = Self::empty(model, thing);
        let fact = |key, value: String| Fact { key, value };
        let records = |relation, list: &[RecordIdx]| -> Vec<Link> {
            list.iter()
                .map(|&i| link(relation, Thing::Record(i), model))
                .collect()
        };
        let back = &model.back;
        // The guideline's revisions that changed it (SPEC §7.4).
        if !matches!(thing, Thing::Record(_)) {
            let revised: Vec<String> = model
                .settings
                .revisions
                .iter()
                .filter(|r| r.changed.iter().any(|c| c == id))
                .map(|r| {
                    let date = r.date.map(|d| d.to_string()).unwrap_or_default();
                    format!("{} ({date}) {}", r.version, r.summary)
                        .trim()
                        .to_owned()
                })
                .collect();
            if !revised.is_empty() {
                show.facts
                    .push(fact(names::Fact::Revised, revised.join("; ")));
            }
        }
        match thing {
            Thing::Record(i) => show.record(model, i, today, lang),
            Thing::Vision(f, v) => {
                show.facts
                    .push(fact(names::Fact::Field, model.fields[f].name.clone()));
                show.up.push(link(Relation::Field, Thing::Field(f), model));
                show.down = records(Relation::NamedBy, &back.vision_issues[f][v.get()]);
            }
            Thing::Principle(p) => {
                show.down = records(Relation::FollowedBy, &back.principle_followers[p]);
            }
            Thing::Consideration(c) => {
                show.down = records(Relation::FollowedBy, &back.consideration_followers[c]);
            }
            Thing::National(n) => {
                show.down = records(Relation::FollowedBy, &back.national_followers[n]);
            }
            Thing::Field(f) => {
                let field = &model.fields[f];
                if let Some(wg) = &field.working_group {
                    show.facts.push(fact(names::Fact::WorkingGroup, wg.clone()));
                }
                show.facts.push(fact(
                    names::Fact::Path,
                    model.files.get(field.file).path.to_string(),
                ));
                show.down = (0..field.vision.len())
                    .map(|v| link(Relation::VisionItem, Thing::Vision(f, Idx::new(v)), model))
                    .collect();
                show.down.extend(
                    back.field_domains[f]
                        .iter()
                        .map(|&d| link(Relation::Domain, Thing::Domain(d), model)),
                );
            }
            Thing::Domain(d) => {
                let domain = &model.domains[d];
                if let Some(f) = domain.field {
                    show.up.push(link(Relation::Field, Thing::Field(f), model));
                }
                if let Some(desc) = &domain.description {
                    show.facts
                        .push(fact(names::Fact::Description, desc.clone()));
                }
                show.facts.push(fact(
                    names::Fact::Path,
                    model.files.get(domain.file).path.to_string(),
                ));
                show.down = records(Relation::Record, &back.domain_records[d]);
            }
        }
        Ok(show)
    }

    fn record(&mut self, model: &Model, i: RecordIdx, today: jiff::civil::Date, lang: Lang) {
        let r = &model.records[i];
        let mut fact = |key, value: Option<String>| {
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                self.facts.push(Fact { key, value });
            }
        };
        fact(names::Fact::Path, Some(model.path_of(r).to_owned()));
        fact(
            names::Fact::Field,
            r.field.map(|f| model.fields[f].name.clone()),
        );
        fact(
            names::Fact::Domain,
            r.domain.map(|d| model.domains[d].name.clone()),
        );
        fact(
            if r.kind == Kind::Issue {
                names::Fact::Progress
            } else {
                names::Fact::Stage
            },
            state(model, i).map(|s| s.as_str().to_owned()),
        );
        fact(
            names::Fact::Owner,
            r.owner.as_ref().map(|o| o.value.to_string()),
        );
        fact(
            names::Fact::Visibility,
            Some(r.visibility().as_str().to_owned()),
        );
        fact(
            names::Fact::Tags,
            Some(
                r.tags
                    .iter()
                    .map(|t| t.value.as_str())
                    .collect::<Vec<_>>()
                    .join("、"),
            ),
        );
        // The free texts, as the table declares them (現状, gap, product).
        for (key, value) in r.free_texts() {
            fact(*key, Some(value.value.to_string()));
        }
        fact(
            names::Fact::Reviewed,
            r.issue()
                .and_then(|p| p.reviewed.as_ref())
                .map(|d| d.value.to_string()),
        );
        fact(
            names::Fact::ReviewDue,
            r.review_due().map(|d| d.value.to_string()),
        );
        if let Some(c) = r.closed() {
            fact(
                names::Fact::Closed,
                c.date.as_ref().map(|d| d.value.to_string()),
            );
            fact(
                names::Fact::ClosedReason,
                c.reason.as_ref().map(|v| v.value.to_string()),
            );
        }
        self.up = model
            .resolved_links(i)
            .filter_map(|(k, _, res)| match res {
                Resolution::Found(t) => Some(link(k.relation, t, model)),
                _ => None,
            })
            .collect();
        let back = &model.back;
        let links = |relation, list: &[RecordIdx]| {
            list.iter()
                .map(move |&m| link(relation, Thing::Record(m), model))
                .collect::<Vec<Link>>()
        };
        self.down = match r.kind {
            Kind::Issue => links(Relation::SolvedBy, &back.solvers[i]),
            Kind::Method => {
                let mut down = links(Relation::ImplementedBy, &back.implementers[i]);
                down.extend(links(Relation::ExpandedBy, &back.expanders[i]));
                down
            }
            Kind::Technology => Vec::new(),
        };
        self.team = r.team().map(|t| TeamView {
            name: t
                .name
                .as_ref()
                .map_or_else(String::new, |n| n.value.to_string()),
            kind: t.kind.as_ref().map(|k| k.value.as_str()),
            lead: t.lead.as_ref().map(|l| l.value.to_string()),
            departments: t.departments.iter().map(|d| d.value.to_string()).collect(),
        });
        self.indicators = r
            .indicators()
            .iter()
            .map(|ind| IndicatorView::of(model, r, ind, today, lang))
            .collect();
        let mut decisions: Vec<DecisionView> = r
            .decisions()
            .iter()
            .map(|d| DecisionView {
                date: d.date.as_ref().map(|x| x.value.to_string()),
                fiscal_year: d.date.as_ref().map(|x| fiscal_year(x.value)),
                body: d.body.as_ref().map(|b| b.value.as_str()),
                result: d.result.as_ref().map(|x| x.value.as_str()),
                note: d.note.as_ref().map(|n| n.value.to_string()),
            })
            .collect();
        decisions.sort_by(|a, b| a.date.cmp(&b.date));
        self.decisions = decisions;
    }

    /// Lay the report out.
    #[must_use]
    pub fn doc(&self, lang: Lang) -> Doc {
        let l = lang.labels();
        let mut doc = Doc::new((l.paren)(
            &format!("{} {}", self.shown, self.title),
            (l.thing_kind)(self.kind),
        ));
        let facts = self
            .facts
            .iter()
            .map(|f| {
                let value = match f.key {
                    names::Fact::Stage | names::Fact::Progress => state_word(&f.value, lang).into(),
                    names::Fact::Visibility => (l.visibility_word)(&f.value).into(),
                    key if key.is_date() => Cell::date(&f.value),
                    _ => f.value.to_string().into(),
                };
                ((l.fact)(f.key).to_owned(), value)
            })
            .collect::<Vec<_>>();
        if !facts.is_empty() {
            doc.blocks.push(Block::Facts(facts));
        }
        for (heading, links) in [(l.links_up, &self.up), (l.links_down, &self.down)] {
            doc.heading(heading);
            let rows = links
                .iter()
                .map(|k| {
                    vec![
                        (l.relation)(k.relation).into(),
                        // CSV and spreadsheets keep the ID.
                        if k.shown == k.id {
                            Cell::Id(k.id.clone())
                        } else {
                            Cell::named(k.shown.clone(), k.id.clone())
                        },
                        k.title.clone().into(),
                        state_word(&k.state, lang).into(),
                    ]
                })
                .collect();
            doc.table_or(
                Table {
                    headers: vec![
                        l.relation_heading.into(),
                        l.id.into(),
                        l.title.into(),
                        l.state.into(),
                    ],
                    rows,
                    ..Table::default()
                },
                l.nothing,
            );
        }
        if let Some(t) = &self.team {
            doc.heading(l.team);
            let mut facts = vec![(
                (l.fact)(names::Fact::TeamName).to_owned(),
                t.name.clone().into(),
            )];
            if let Some(k) = t.kind {
                facts.push(((l.fact)(names::Fact::TeamKind).to_owned(), k.into()));
            }
            if let Some(lead) = &t.lead {
                facts.push((
                    (l.fact)(names::Fact::TeamLead).to_owned(),
                    lead.clone().into(),
                ));
            }
            if !t.departments.is_empty() {
                facts.push((
                    (l.fact)(names::Fact::TeamDepartments).to_owned(),
                    t.departments.join(l.sep).into(),
                ));
            }
            doc.blocks.push(Block::Facts(facts));
        }
        if !self.indicators.is_empty() {
            doc.heading(l.indicators);
            let rows = self
                .indicators
                .iter()
                .map(|i| {
                    let mut row = vec![i.name.clone().into()];
                    row.extend(super::figures(
                        i.baseline,
                        i.target,
                        i.actual,
                        &i.unit,
                        i.attainment,
                    ));
                    row.extend([
                        (l.paren)(i.grade, &i.grade_label).into(),
                        Cell::opt_date(i.measured.as_deref()),
                        Cell::opt_date(i.target_date.as_deref()),
                    ]);
                    row
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![
                    l.indicator.into(),
                    l.baseline.into(),
                    l.target.into(),
                    l.actual.into(),
                    l.unit.into(),
                    l.attainment.into(),
                    l.grade.into(),
                    l.measured.into(),
                    l.target_date.into(),
                ],
                rows,
                numeric: vec![1, 2, 3, 5],
                ..Table::default()
            }));
            // The history of every indicator measured more than once.
            for i in self.indicators.iter().filter(|i| i.observations.len() > 1) {
                doc.heading((l.history)(&i.name));
                let rows = i
                    .observations
                    .iter()
                    .map(|o| {
                        vec![
                            Cell::opt_date(o.date.as_deref()),
                            // Data formats write the 年度 as its year.
                            o.fiscal_year.map_or_else(Cell::empty, |year| {
                                Cell::year(lang.fiscal_year(year), year)
                            }),
                            Cell::opt_number(o.value),
                            lang.observation_status(o.status).into(),
                            o.source.clone().unwrap_or_default().into(),
                            o.note.clone().unwrap_or_default().into(),
                        ]
                    })
                    .collect();
                doc.blocks.push(Block::Table(Table {
                    headers: vec![
                        l.measured.into(),
                        l.fiscal_year.into(),
                        l.value.into(),
                        l.observation_status.into(),
                        l.source.into(),
                        l.note.into(),
                    ],
                    rows,
                    numeric: vec![2],
                    ..Table::default()
                }));
            }
        }
        if !self.decisions.is_empty() {
            doc.heading(l.decisions);
            let rows = self
                .decisions
                .iter()
                .map(|d| {
                    vec![
                        Cell::opt_date(d.date.as_deref()),
                        d.body.unwrap_or_default().into(),
                        d.result.unwrap_or_default().into(),
                        d.note.clone().unwrap_or_default().into(),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![l.date.into(), l.body.into(), l.result.into(), l.note.into()],
                rows,
                ..Table::default()
            }));
        }
        doc
    }
}
