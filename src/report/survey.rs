//! `dx survey`: what a 照会 asks each 所管課 (SPEC §7.3) — one row per
//! indicator of the department's active 手法 and 技術, the lists the
//! proposal sheet offers, and where the workbook came from. Laid out as a
//! workbook by `render::survey`.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::model::{Model, ObservationStatus, RecordIdx};

/// One indicator to measure.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureRow {
    /// The record's ID.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The indicator's name.
    pub indicator: String,
    /// Its unit.
    pub unit: String,
    /// Baseline.
    pub baseline: Option<f64>,
    /// Target.
    pub target: Option<f64>,
    /// Target date.
    pub target_date: Option<Date>,
    /// The latest observation's value.
    pub latest: Option<f64>,
    /// Its date.
    pub latest_date: Option<Date>,
    /// Its status.
    pub latest_status: Option<ObservationStatus>,
    /// A hash of the record's file as it is now.
    pub stamp: u64,
}

/// Where a workbook came from: what `_dx` keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// dx.toml `[tree] organization`.
    pub organization: String,
    /// dx.toml `[tree] lg_code`.
    pub lg_code: String,
    /// The 所管課 asked; empty for a blank workbook.
    pub department: String,
    /// The day it was made.
    pub made: Option<Date>,
    /// The git revision of the tree.
    pub revision: String,
}

/// One 照会 workbook's content.
#[derive(Clone, Debug)]
pub struct Survey {
    /// Where it came from.
    pub origin: Origin,
    /// The answer is due.
    pub due: Option<Date>,
    /// Whom to ask: the secretariat, then the contact's lines.
    pub ask: Vec<String>,
    /// The guideline's name, for the guide's heading.
    pub guideline: String,
    /// The indicators to measure (none for a blank workbook).
    pub rows: Vec<MeasureRow>,
    /// 領域 as the proposal sheet lists them: `kurashi/online オンライン手続`.
    pub domains: Vec<String>,
    /// 原則 as listed: `P1 …`.
    pub principles: Vec<String>,
    /// Whether the 測定 sheet is left out (`--blank`).
    pub blank: bool,
}

/// The departments that own an active 手法 or 技術 with an indicator, and
/// how many such records have no owner.
#[must_use]
pub fn departments(model: &Model) -> (Vec<String>, usize) {
    let mut owners: BTreeMap<&str, ()> = BTreeMap::new();
    let mut unowned = 0;
    for (_, r) in surveyed(model) {
        match r.owner.as_ref().map(|o| o.value.trim()) {
            Some(o) if !o.is_empty() => {
                owners.insert(o, ());
            }
            _ => unowned += 1,
        }
    }
    (owners.into_keys().map(str::to_owned).collect(), unowned)
}

/// The records a 照会 asks about: 手法 and 技術 still pursued (not 見送り or
/// 廃止) that have an indicator.
fn surveyed(model: &Model) -> impl Iterator<Item = (RecordIdx, &crate::model::Record)> {
    model
        .parsed_records()
        .filter(|(_, r)| r.stage().is_some_and(|s| !s.is_retired()) && !r.indicators().is_empty())
}

/// The origin of a workbook made today for `department`.
#[must_use]
pub fn origin(model: &Model, department: &str, today: Date, revision: Option<String>) -> Origin {
    Origin {
        organization: model.settings.organization.clone().unwrap_or_default(),
        lg_code: model.settings.lg_code.clone().unwrap_or_default(),
        department: department.to_owned(),
        made: Some(today),
        revision: revision.unwrap_or_default(),
    }
}

/// The 照会 of one department (`None`: the blank workbook).
#[must_use]
pub fn build(model: &Model, origin: Origin, due: Option<Date>, blank: bool) -> Survey {
    let mut rows = Vec::new();
    if !blank {
        for (_, r) in surveyed(model) {
            if r.owner.as_ref().map(|o| o.value.trim()) != Some(origin.department.as_str()) {
                continue;
            }
            let stamp = model.files.get(r.file).stamp();
            for ind in r.indicators() {
                let latest = ind.latest();
                rows.push(MeasureRow {
                    id: r.id.to_string(),
                    title: r.title().to_owned(),
                    indicator: ind.name().to_owned(),
                    unit: ind
                        .unit
                        .as_ref()
                        .map(|u| u.value.to_string())
                        .unwrap_or_default(),
                    baseline: ind.baseline.as_ref().map(|v| v.value),
                    target: ind.target.as_ref().map(|v| v.value),
                    target_date: ind.target_date.as_ref().map(|d| d.value),
                    latest: latest.and_then(|o| o.value.as_ref()).map(|v| v.value),
                    latest_date: latest.and_then(|o| o.date.as_ref()).map(|d| d.value),
                    latest_status: latest.map(|o| o.status),
                    stamp,
                });
            }
        }
        rows.sort_by(|a, b| crate::model::ids::natural_cmp(&a.id, &b.id));
    }
    let s = &model.settings;
    let mut ask: Vec<String> = s.secretariat.iter().cloned().collect();
    ask.extend(
        [&s.contact.name, &s.contact.phone, &s.contact.email]
            .into_iter()
            .flatten()
            .cloned(),
    );
    Survey {
        origin,
        due,
        ask,
        guideline: s.guideline.clone().unwrap_or_default(),
        rows,
        domains: model
            .domains
            .iter()
            .map(|d| format!("{} {}", d.id, d.name))
            .collect(),
        principles: model
            .principles
            .iter()
            .map(|p| format!("{} {}", p.id.value, p.title))
            .collect(),
        blank,
    }
}
