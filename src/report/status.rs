//! `dx status`: 手法 and 技術 counted by stage, 課題 by progress, against an axis.

use std::collections::HashMap;

use serde::Serialize;

use super::doc::{Cell, Doc, Table};
use crate::i18n::Lang;
use crate::model::{Kind, Model, Progress, RecordIdx, Resolution, Stage, Thing};
use crate::names::Relation;

/// What the rows are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Axis {
    /// 分野.
    Field,
    /// 領域.
    Domain,
    /// 5原則 (a 手法 following several is counted in each).
    Principle,
    /// 国の重点取組事項 (likewise).
    National,
    /// 検討チーム / タスクフォース.
    Team,
}

/// One count table.
#[derive(Clone, Debug, Serialize)]
pub struct Counts {
    /// The column values (stages or progress, as written in records).
    pub columns: Vec<&'static str>,
    /// One row per axis value, in the tree's order; a row with an empty key
    /// collects records with none.
    pub rows: Vec<Row>,
    /// Records per column, each counted once.
    pub totals: Vec<usize>,
    /// Records counted, each once.
    pub total: usize,
    /// True when one record may be counted in several rows.
    pub overlapping: bool,
}

/// One row of a count table.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// The axis value's id (`kurashi`, `P1`, a team name); empty for "none".
    pub key: String,
    /// Its name as the records and reference files write it (empty for the
    /// "none" row): the same in every output language.
    pub label: String,
    /// A national priority of an earlier edition of the plan, not in the
    /// current one (SPEC §7.4); left out of JSON when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub retired: bool,
    /// Counts per column.
    pub counts: Vec<usize>,
    /// Their sum.
    pub total: usize,
}

/// The status report.
#[derive(Clone, Debug, Serialize)]
pub struct Status {
    /// The axis of the rows.
    pub axis: Axis,
    /// 手法 by stage.
    pub methods: Counts,
    /// 技術 by stage.
    pub technologies: Counts,
    /// 課題 by progress (by 領域 when the axis is 領域, else by 分野).
    pub issues: Counts,
}

/// Rows in order (key, label, retired), with an index by key.
struct Rows {
    order: Vec<(String, String, bool)>,
    index: HashMap<String, usize>,
}

impl Rows {
    fn new(order: Vec<(String, String, bool)>) -> Self {
        let index = order
            .iter()
            .enumerate()
            .map(|(i, (k, _, _))| (k.clone(), i))
            .collect();
        Self { order, index }
    }
}

/// A 原則 or national priority as a row: its ID, its ID and title.
fn reference(p: &crate::model::Reference, retired: bool) -> (String, String, bool) {
    let id = p.id.value.to_string();
    let label = format!("{id} {}", p.title);
    (id, label, retired)
}

fn axis_rows(model: &Model, axis: Axis) -> Rows {
    let current = |(key, label): (String, String)| (key, label, false);
    let order = match axis {
        Axis::Field => model
            .fields
            .iter()
            .map(|f| (f.id.clone(), f.name.clone()))
            .map(current)
            .collect(),
        Axis::Domain => {
            // 分野 in the guideline's order (domains come in path order).
            let mut domains: Vec<_> = model.domains.iter().collect();
            domains.sort_by_key(|d| (d.field.is_none(), d.field));
            domains
        }
        .into_iter()
        .map(|d| {
            let field = d.field.map_or("", |f| model.fields[f].name.as_str());
            (d.id.clone(), format!("{field} / {}", d.name))
        })
        .map(current)
        .collect(),
        Axis::Principle => model
            .principles
            .iter()
            .map(|p| reference(p, false))
            .collect(),
        // The current edition's items in its order, then the items of
        // earlier editions, marked: the records still on them (SPEC §7.4).
        Axis::National => match model.national_plan.current {
            Some(c) => {
                let items = &model.national_plan.editions[c].items;
                items
                    .iter()
                    .map(|id| match model.find(id) {
                        Some(Thing::National(i)) => reference(&model.national[i], false),
                        _ => (id.clone(), id.clone(), false),
                    })
                    .chain(
                        model
                            .national
                            .iter()
                            .filter(|p| !items.iter().any(|x| *x == p.id.value))
                            .map(|p| reference(p, true)),
                    )
                    .collect()
            }
            None => model.national.iter().map(|p| reference(p, false)).collect(),
        },
        Axis::Team => {
            let mut teams: Vec<String> = model
                .records
                .iter()
                .filter_map(|r| r.team()?.name.as_ref().map(|n| n.value.to_string()))
                .collect();
            teams.sort();
            teams.dedup();
            teams.into_iter().map(|t| (t.clone(), t, false)).collect()
        }
    };
    let mut rows = Rows::new(order);
    rows.index.insert(String::new(), rows.order.len());
    rows.order.push((String::new(), String::new(), false));
    rows
}

/// The ids a record counts under on an axis.
fn keys(model: &Model, i: RecordIdx, axis: Axis) -> Vec<String> {
    let r = &model.records[i];
    let linked = |i: RecordIdx, key: Relation| -> Vec<String> {
        model
            .resolved_links(i)
            .filter(|(k, _, res)| k.relation == key && matches!(res, Resolution::Found(_)))
            .map(|(_, link, _)| link.value.to_string())
            .collect()
    };
    let mut keys = match axis {
        Axis::Field => r
            .field
            .map(|f| model.fields[f].id.clone())
            .into_iter()
            .collect(),
        Axis::Domain => r
            .domain
            .map(|d| model.domains[d].id.clone())
            .into_iter()
            .collect(),
        Axis::Principle if r.kind == Kind::Technology => model
            .resolved_links(i)
            .filter_map(|(k, _, res)| match (k.relation, res) {
                (Relation::Implements, Resolution::Found(Thing::Record(m))) => {
                    Some(linked(m, Relation::Principles))
                }
                _ => None,
            })
            .flatten()
            .collect(),
        Axis::Principle => linked(i, Relation::Principles),
        Axis::National => linked(i, Relation::National),
        Axis::Team => r
            .team()
            .and_then(|t| t.name.as_ref())
            .map(|n| n.value.to_string())
            .into_iter()
            .collect(),
    };
    keys.sort();
    keys.dedup();
    keys
}

fn count<T: Copy + PartialEq>(
    model: &Model,
    rows: &Rows,
    columns: &[T],
    records: impl Iterator<Item = (RecordIdx, T)>,
    axis: Axis,
) -> (Vec<Vec<usize>>, Vec<usize>) {
    let mut grid = vec![vec![0; columns.len()]; rows.order.len()];
    let mut totals = vec![0; columns.len()];
    for (i, value) in records {
        let Some(c) = columns.iter().position(|v| *v == value) else {
            continue;
        };
        totals[c] += 1;
        let keys = keys(model, i, axis);
        if keys.is_empty() {
            grid[rows.order.len() - 1][c] += 1;
        }
        for k in keys {
            if let Some(&r) = rows.index.get(&k) {
                grid[r][c] += 1;
            }
        }
    }
    (grid, totals)
}

fn counts(
    rows: &Rows,
    columns: Vec<&'static str>,
    grid: Vec<Vec<usize>>,
    totals: Vec<usize>,
    overlapping: bool,
) -> Counts {
    let none_row = rows.order.len() - 1;
    let rows: Vec<Row> = rows
        .order
        .iter()
        .zip(grid)
        .enumerate()
        // The "none" row only when something falls in it.
        .filter(|(i, (_, counts))| *i != none_row || counts.iter().any(|&c| c > 0))
        .map(|(_, ((key, label, retired), counts))| Row {
            key: key.clone(),
            label: label.clone(),
            retired: *retired,
            total: counts.iter().sum(),
            counts,
        })
        .collect();
    Counts {
        columns,
        rows,
        total: totals.iter().sum(),
        totals,
        overlapping,
    }
}

impl Status {
    /// Count the model along `axis`.
    #[must_use]
    pub fn build(model: &Model, axis: Axis) -> Self {
        let rows = axis_rows(model, axis);
        let overlapping = matches!(axis, Axis::Principle | Axis::National);
        let stage_table = |kind: Kind| {
            let records = model
                .records_of(kind)
                .filter_map(|(i, r)| Some((i, r.stage()?)));
            let (grid, totals) = count(model, &rows, Stage::ALL, records, axis);
            counts(&rows, Stage::WORDS.to_vec(), grid, totals, overlapping)
        };
        let issue_axis = if axis == Axis::Domain {
            Axis::Domain
        } else {
            Axis::Field
        };
        let issue_rows = if issue_axis == axis {
            &rows
        } else {
            &axis_rows(model, Axis::Field)
        };
        let issues = model
            .records_of(Kind::Issue)
            .map(|(i, _)| (i, model.progress(i)));
        let (grid, totals) = count(model, issue_rows, Progress::ALL, issues, issue_axis);
        Self {
            axis,
            methods: stage_table(Kind::Method),
            technologies: stage_table(Kind::Technology),
            issues: counts(issue_rows, Progress::WORDS.to_vec(), grid, totals, false),
        }
    }

    /// Lay the report out: three tables, which `--table` knows as
    /// methods (手法), technologies (技術) and issues (課題).
    #[must_use]
    pub fn doc(&self, model: &Model, lang: Lang) -> Doc {
        let l = lang.labels();
        let mut doc = Doc::new(super::title(model, l.status_title));
        let axis = match self.axis {
            Axis::Field => l.field,
            Axis::Domain => l.domain,
            Axis::Principle => l.principle,
            Axis::National => l.national,
            Axis::Team => l.team,
        };
        let issue_axis = if self.axis == Axis::Domain {
            l.domain
        } else {
            l.field
        };
        for (heading, counts, axis, key) in [
            (l.methods_by_stage, &self.methods, axis, ("methods", "手法")),
            (
                l.technologies_by_stage,
                &self.technologies,
                axis,
                ("technologies", "技術"),
            ),
            (
                l.issues_by_progress,
                &self.issues,
                issue_axis,
                ("issues", "課題"),
            ),
        ] {
            doc.heading(heading);
            if counts.overlapping {
                doc.text(l.overlapping);
            }
            doc.blocks.push(super::doc::Block::Table(Table {
                key: Some(key),
                ..table(counts, axis, lang)
            }));
        }
        doc
    }
}

/// A row's label as people read it: 「(なし)」 for the row of records with
/// none, an earlier edition's priority marked (旧版).
fn shown_label(r: &Row, lang: Lang) -> String {
    if r.key.is_empty() {
        lang.labels().none.to_owned()
    } else if r.retired {
        format!("{}{}", r.label, lang.pick("(旧版)", " (earlier edition)"))
    } else {
        r.label.clone()
    }
}

fn table(c: &Counts, axis: &str, lang: Lang) -> Table {
    let l = lang.labels();
    let mut headers = vec![axis.to_owned()];
    headers.extend(c.columns.iter().map(|w| super::state_word(w, lang)));
    headers.push(l.total.to_owned());
    let mut rows: Vec<Vec<Cell>> = c
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![shown_label(r, lang).into()];
            row.extend(r.counts.iter().copied().map(Cell::count));
            row.push(Cell::count(r.total));
            row
        })
        .collect();
    let mut totals = vec![l.total.into()];
    totals.extend(c.totals.iter().copied().map(Cell::count));
    totals.push(Cell::count(c.total));
    rows.push(totals);
    Table {
        numeric: (1..headers.len()).collect(),
        headers,
        rows,
        totals: true,
        ..Table::default()
    }
}
