//! `dx list`: records filtered by kind, 分野, 領域, stage, progress, tag,
//! visibility and owner, in the guideline's order.

use serde::Serialize;

use super::doc::{Block, Cell, Doc, Table};
use super::{RecordRef, kind_word, state, state_word};
use crate::i18n::Lang;
use crate::model::{Kind, Model, Progress, RecordIdx, Stage, Visibility};

/// What to keep; every given filter must match.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Record kinds.
    pub kinds: Vec<Kind>,
    /// 分野 id.
    pub field: Option<String>,
    /// 領域 id (or a folder prefix of it).
    pub domain: Option<String>,
    /// Stages (手法/技術).
    pub stages: Vec<Stage>,
    /// Progress (課題).
    pub progress: Vec<Progress>,
    /// A tag.
    pub tag: Option<String>,
    /// Visibility.
    pub visibility: Option<Visibility>,
    /// Owner.
    pub owner: Option<String>,
}

/// One listed record.
#[derive(Clone, Debug, Serialize)]
pub struct Item {
    /// The record.
    #[serde(flatten)]
    pub record: RecordRef,
    /// 所管.
    pub owner: String,
    /// `public` or `internal`.
    pub visibility: &'static str,
    /// Tags.
    pub tags: Vec<String>,
    /// Path from the tree root.
    pub path: String,
    /// The grade of each of its indicators, in their order (A–D).
    pub grades: Vec<&'static str>,
    /// The next 定期的な見直し.
    pub review_due: Option<String>,
    /// The 検討チーム or タスクフォース carrying it.
    pub team: Option<String>,
    /// The date and result of its latest decision.
    pub latest_decision: Option<LatestDecision>,
}

/// A record's latest decision.
#[derive(Clone, Debug, Serialize)]
pub struct LatestDecision {
    /// When.
    pub date: String,
    /// The result, as written.
    pub result: String,
}

/// The list.
#[derive(Clone, Debug, Serialize)]
pub struct List {
    /// The records, by path.
    pub records: Vec<Item>,
}

impl List {
    /// The records `filter` keeps.
    #[must_use]
    pub fn build(model: &Model, filter: &Filter, today: jiff::civil::Date) -> Self {
        let mut order: Vec<RecordIdx> = model.parsed_records().map(|(i, _)| i).collect();
        order.sort_by(|&a, &b| model.guideline_cmp(a, b));
        let records = order
            .into_iter()
            .map(|i| (i, &model.records[i]))
            .filter(|(i, r)| {
                let state = state(model, *i);
                (filter.kinds.is_empty() || filter.kinds.contains(&r.kind))
                    && filter.field.as_ref().is_none_or(|f| r.field.is_some_and(|x| model.fields[x].id == *f))
                    && filter.domain.as_ref().is_none_or(|d| {
                        let id = model.domain_id(r);
                        id == d || id.strip_prefix(d.as_str()).is_some_and(|rest| rest.starts_with('/'))
                    })
                    && (filter.stages.is_empty() || r.stage().is_some_and(|s| filter.stages.contains(&s)))
                    && (filter.progress.is_empty()
                        || matches!(state, Some(super::State::Progress(p)) if filter.progress.contains(&p)))
                    && filter.tag.as_ref().is_none_or(|t| r.tags.iter().any(|x| x.value == *t))
                    && filter.visibility.is_none_or(|v| r.visibility() == v)
                    && filter.owner.as_ref().is_none_or(|o| r.owner.as_ref().is_some_and(|x| x.value == *o))
            })
            .map(|(i, r)| Item {
                record: RecordRef::of(model, i),
                owner: r.owner.as_ref().map_or_else(String::new, |o| o.value.to_string()),
                visibility: r.visibility().as_str(),
                tags: r.tags.iter().map(|t| t.value.to_string()).collect(),
                path: model.path_of(r).to_owned(),
                grades: r
                    .indicators()
                    .iter()
                    .map(|ind| model.assess(r, ind, today).grade.letter())
                    .collect(),
                review_due: r.review_due().map(|d| d.value.to_string()),
                team: r
                    .team()
                    .and_then(|t| t.name.as_ref())
                    .map(|n| n.value.to_string()),
                latest_decision: r.latest_decision().map(|(date, d)| LatestDecision {
                        date: date.to_string(),
                        result: d
                            .result
                            .as_ref()
                            .map_or_else(String::new, |x| x.value.to_string()),
                    }),
            })
            .collect();
        Self { records }
    }

    /// Lay the list out.
    #[must_use]
    pub fn doc(&self, model: &Model, lang: Lang) -> Doc {
        let l = lang.labels();
        let mut doc = Doc::new(super::title(model, l.list_title));
        let rows = self
            .records
            .iter()
            .map(|i| {
                vec![
                    Cell::Id(i.record.id.clone()),
                    kind_word(i.record.kind, lang).into(),
                    i.record.title.clone().into(),
                    state_word(&i.record.state, lang).into(),
                    // CSV and spreadsheets keep the 領域's ID.
                    Cell::named(model.shown_id(&i.record.domain), i.record.domain.clone()),
                    i.owner.clone().into(),
                    (l.visibility_word)(i.visibility).into(),
                    i.grades.join(" ").into(),
                    Cell::opt_date(i.review_due.as_deref()),
                    i.team.clone().unwrap_or_default().into(),
                    Cell::opt_date(i.latest_decision.as_ref().map(|d| d.date.as_str())),
                    i.latest_decision
                        .as_ref()
                        .map_or_else(String::new, |d| d.result.clone())
                        .into(),
                ]
            })
            .collect();
        doc.table_or(
            Table {
                headers: vec![
                    l.id.into(),
                    l.kind.into(),
                    l.title.into(),
                    l.state.into(),
                    l.domain.into(),
                    l.owner.into(),
                    l.visibility.into(),
                    l.grade.into(),
                    l.review_due.into(),
                    l.team.into(),
                    l.latest_decision.into(),
                    l.latest_result.into(),
                ],
                rows,
                // The spreadsheet's columns: too wide for a terminal.
                detail: vec![8, 9, 10, 11],
                ..Table::default()
            },
            l.nothing,
        );
        // The count closes the table on a screen; CSV leaves it out (a
        // spreadsheet would read it as a record).
        doc.blocks
            .push(Block::Trailer((l.count)(self.records.len())));
        doc
    }
}
