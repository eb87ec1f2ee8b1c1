//! `dx status --by fiscal-year`: the portfolio's yearly 実績 — decisions
//! by 年度 and result, observations taken by 年度 and status.

use std::collections::BTreeMap;

use serde::Serialize;

use super::doc::{Block, Cell, Doc, Table};
use crate::calendar::fiscal_year;
use crate::i18n::Lang;
use crate::model::{Model, ObservationStatus, Outcome};

/// One 年度's counts.
#[derive(Clone, Debug, Serialize)]
pub struct YearRow {
    /// The 年度 (2025 for FY2025, April 2025 to March 2026).
    pub fiscal_year: i16,
    /// Counts per column.
    pub counts: Vec<usize>,
    /// Their sum.
    pub total: usize,
}

/// A table of counts by 年度.
#[derive(Clone, Debug, Serialize)]
pub struct ByYear {
    /// The columns, as written in records.
    pub columns: Vec<&'static str>,
    /// One row per 年度 with anything in it, oldest first.
    pub rows: Vec<YearRow>,
    /// Per column, over every year.
    pub totals: Vec<usize>,
    /// Everything counted.
    pub total: usize,
}

impl ByYear {
    /// The table, with a row of zeros for a year between two that have
    /// counts: a year with no decision is part of the record too.
    fn new(columns: Vec<&'static str>, mut cells: BTreeMap<i16, Vec<usize>>) -> Self {
        if let (Some(&first), Some(&last)) = (cells.keys().next(), cells.keys().next_back()) {
            for year in first..last {
                cells.entry(year).or_insert_with(|| vec![0; columns.len()]);
            }
        }
        let mut totals = vec![0; columns.len()];
        let rows: Vec<YearRow> = cells
            .into_iter()
            .map(|(fiscal_year, counts)| {
                for (t, c) in totals.iter_mut().zip(&counts) {
                    *t += c;
                }
                YearRow {
                    fiscal_year,
                    total: counts.iter().sum(),
                    counts,
                }
            })
            .collect();
        Self {
            columns,
            total: totals.iter().sum(),
            totals,
            rows,
        }
    }
}

/// The yearly report.
#[derive(Clone, Debug, Serialize)]
pub struct Yearly {
    /// Always `fiscal_year`.
    pub axis: &'static str,
    /// Decisions by 年度 and result.
    pub decisions: ByYear,
    /// Observations by 年度 and status.
    pub observations: ByYear,
}

impl Yearly {
    /// Count every dated decision and observation of the tree. A
    /// first-edition `actual` counts as one 確定 observation when it has
    /// its `measured` date.
    #[must_use]
    pub fn build(model: &Model) -> Self {
        let mut decisions: BTreeMap<i16, Vec<usize>> = BTreeMap::new();
        let mut observations: BTreeMap<i16, Vec<usize>> = BTreeMap::new();
        for (_, r) in model.parsed_records() {
            for d in r.decisions() {
                if let (Some(date), Some(result)) = (&d.date, &d.result) {
                    let row = decisions
                        .entry(fiscal_year(date.value))
                        .or_insert_with(|| vec![0; Outcome::ALL.len()]);
                    row[result.value as usize] += 1;
                }
            }
            for ind in r.indicators() {
                for o in &ind.observations {
                    if let Some(date) = &o.date {
                        let row = observations
                            .entry(fiscal_year(date.value))
                            .or_insert_with(|| vec![0; ObservationStatus::ALL.len()]);
                        row[o.status as usize] += 1;
                    }
                }
            }
        }
        Self {
            axis: "fiscal_year",
            decisions: ByYear::new(Outcome::WORDS.to_vec(), decisions),
            observations: ByYear::new(ObservationStatus::WORDS.to_vec(), observations),
        }
    }

    /// Lay the report out.
    #[must_use]
    pub fn doc(&self, model: &Model, lang: Lang) -> Doc {
        let l = lang.labels();
        let mut doc = Doc::new(super::title(model, l.yearly_title));
        for (heading, table, word, key) in [
            (
                l.decisions_by_year,
                &self.decisions,
                (|w: &str, lang: Lang| lang.outcome(w)) as fn(&str, Lang) -> &str,
                ("decisions", "意思決定"),
            ),
            (
                l.observations_by_year,
                &self.observations,
                |w, lang| lang.observation_status(w),
                ("observations", "測定"),
            ),
        ] {
            doc.heading(heading);
            if table.rows.is_empty() {
                doc.text(l.nothing);
                continue;
            }
            let mut headers = vec![l.fiscal_year.to_owned()];
            headers.extend(table.columns.iter().map(|c| word(c, lang).to_owned()));
            headers.push(l.total.to_owned());
            let mut rows: Vec<Vec<Cell>> = table
                .rows
                .iter()
                .map(|r| {
                    // Data formats write the 年度 as its year (2019 for 令和元年度).
                    let mut row = vec![Cell::year(lang.fiscal_year(r.fiscal_year), r.fiscal_year)];
                    row.extend(r.counts.iter().copied().map(Cell::count));
                    row.push(Cell::count(r.total));
                    row
                })
                .collect();
            let mut totals = vec![l.total.into()];
            totals.extend(table.totals.iter().copied().map(Cell::count));
            totals.push(Cell::count(table.total));
            rows.push(totals);
            doc.blocks.push(Block::Table(Table {
                numeric: (1..headers.len()).collect(),
                headers,
                rows,
                totals: true,
                key: Some(key),
                ..Table::default()
            }));
        }
        doc
    }
}
