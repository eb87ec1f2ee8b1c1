//! `dx export`: the whole model with its derived values, for other tools.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use super::gap::{Coverage, Gap};
use super::show::{DecisionView, IndicatorView, Show, TeamView};
use crate::i18n::Lang;
use crate::model::{Kind, Model, RecordIdx, Resolution};

/// A 原則, 配慮 or national priority.
#[derive(Clone, Debug, Serialize)]
pub struct ReferenceOut {
    /// `P1`.
    pub id: String,
    /// Its wording.
    pub title: String,
}

/// A ビジョン item with its coverage.
#[derive(Clone, Debug, Serialize)]
pub struct VisionOut {
    /// `kurashi-1`.
    pub id: String,
    /// Its number.
    pub no: u32,
    /// The guideline's words.
    pub text: String,
    /// 課題 naming it.
    pub issues: Vec<String>,
    /// Their furthest progress.
    pub best_progress: Option<&'static str>,
    /// covered, unaddressed, uncovered.
    pub coverage: Coverage,
}

/// A 分野.
#[derive(Clone, Debug, Serialize)]
pub struct FieldOut {
    /// `kurashi`.
    pub id: String,
    /// `暮らし手続き`.
    pub name: String,
    /// Its 作業部会.
    pub working_group: Option<String>,
    /// Its ビジョン.
    pub vision: Vec<VisionOut>,
}

/// A 領域.
#[derive(Clone, Debug, Serialize)]
pub struct DomainOut {
    /// `kurashi/online`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its description.
    pub description: Option<String>,
    /// Its 分野.
    pub field: Option<String>,
}

/// A record with what is derived from it.
#[derive(Clone, Debug, Serialize)]
pub struct RecordOut {
    /// ID.
    pub id: String,
    /// issue, method, technology.
    pub kind: &'static str,
    /// File.
    pub path: String,
    /// 分野.
    pub field: Option<String>,
    /// 領域.
    pub domain: Option<String>,
    /// Title.
    pub title: String,
    /// Stage (手法/技術).
    pub stage: Option<&'static str>,
    /// Derived progress (課題).
    pub progress: Option<&'static str>,
    /// 所管.
    pub owner: Option<String>,
    /// public / internal.
    pub visibility: &'static str,
    /// Tags.
    pub tags: Vec<String>,
    /// Links as written, by key.
    pub links: BTreeMap<&'static str, Vec<String>>,
    /// Records linking to this one, by relation.
    pub linked_from: BTreeMap<&'static str, Vec<String>>,
    /// Free texts (current, gap, product).
    pub texts: BTreeMap<&'static str, String>,
    /// Next review.
    pub review_due: Option<String>,
    /// Closed on, and why.
    pub closed: Option<ClosedOut>,
    /// Team.
    pub team: Option<TeamView>,
    /// Indicators with attainment.
    pub indicators: Vec<IndicatorView>,
    /// Decisions, oldest first.
    pub decisions: Vec<DecisionView>,
    /// For a pilot past its target date with no decision since: that date.
    pub awaiting_decision_since: Option<String>,
}

/// The export.
#[derive(Clone, Debug, Serialize)]
pub struct Export<'a> {
    /// dx's version.
    pub dx_version: &'static str,
    /// The date derived values are as of.
    pub today: String,
    /// dx.toml `[tree]`.
    pub tree: BTreeMap<&'static str, String>,
    /// 5原則.
    pub principles: Vec<ReferenceOut>,
    /// 横断的配慮.
    pub considerations: Vec<ReferenceOut>,
    /// Where the national priorities come from.
    pub national_source: Option<String>,
    /// 国の重点取組事項.
    pub national: Vec<ReferenceOut>,
    /// 分野 with ビジョン coverage.
    pub fields: Vec<FieldOut>,
    /// 領域.
    pub domains: Vec<DomainOut>,
    /// 課題, 手法, 技術: made one at a time while they are written, so
    /// that an export of a hundred thousand records holds one in memory,
    /// not all of them.
    pub records: Records<'a>,
}

/// The records of an export, serialised as a sequence of [`RecordOut`].
#[derive(Clone, Copy, Debug)]
pub struct Records<'a> {
    model: &'a Model,
    today: Date,
}

impl Records<'_> {
    /// Every record as exported, in path order.
    pub fn iter(&self) -> impl Iterator<Item = RecordOut> + '_ {
        self.model
            .parsed_records()
            .map(|(i, _)| record(self.model, i, self.today))
    }
}

impl Serialize for Records<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

fn refs(
    list: &crate::model::IndexVec<crate::model::RefIdx, crate::model::Reference>,
) -> Vec<ReferenceOut> {
    list.iter()
        .map(|r| ReferenceOut {
            id: r.id.value.to_string(),
            title: r.title.clone(),
        })
        .collect()
}

impl<'a> Export<'a> {
    /// Export the model as of `today`.
    #[must_use]
    pub fn build(model: &'a Model, today: Date) -> Self {
        let gap = Gap::compute(model, today, None);
        let s = &model.settings;
        let mut tree = BTreeMap::new();
        let mut put = |k, v: Option<String>| {
            if let Some(v) = v {
                tree.insert(k, v);
            }
        };
        put("organization", s.organization.clone());
        put("guideline", s.guideline.clone());
        put("guideline_version", s.guideline_version.clone());
        put("period_start", s.period_start.map(|d| d.to_string()));
        put("period_end", s.period_end.map(|d| d.to_string()));
        let fields = model
            .fields
            .iter()
            .map(|f| FieldOut {
                id: f.id.clone(),
                name: f.name.clone(),
                working_group: f.working_group.clone(),
                vision: f
                    .vision
                    .iter()
                    .filter_map(|item| {
                        let v = gap.vision.iter().find(|v| v.id == item.id)?;
                        Some(VisionOut {
                            id: v.id.clone(),
                            no: item.no,
                            text: v.text.clone(),
                            issues: v.issues.iter().map(|r| r.id.to_string()).collect(),
                            best_progress: v.best,
                            coverage: v.coverage,
                        })
                    })
                    .collect(),
            })
            .collect();
        let domains = model
            .domains
            .iter()
            .map(|d| DomainOut {
                id: d.id.clone(),
                name: d.name.clone(),
                description: d.description.clone(),
                field: d.field.map(|f| model.fields[f].id.clone()),
            })
            .collect();
        let records = Records { model, today };
        Self {
            dx_version: env!("CARGO_PKG_VERSION"),
            today: today.to_string(),
            tree,
            principles: refs(&model.principles),
            considerations: refs(&model.considerations),
            national_source: model.national_source.clone(),
            national: refs(&model.national),
            fields,
            domains,
            records,
        }
    }
}

fn record(model: &Model, i: RecordIdx, today: Date) -> RecordOut {
    let r = &model.records[i];
    let mut links: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for (key, link, res) in model.resolved_links(i) {
        if !matches!(res, Resolution::Unchecked) {
            links
                .entry(key.key)
                .or_default()
                .push(link.value.to_string());
        }
    }
    // Exports are language-independent: grade labels as the records would write them.
    let show = Show::of_record(model, i, today, Lang::Ja);
    let mut linked_from: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for l in &show.down {
        linked_from
            .entry(l.relation.as_str())
            .or_default()
            .push(l.id.clone());
    }
    let texts: BTreeMap<&'static str, String> = r
        .free_texts()
        .iter()
        .map(|(k, v)| (k.as_str(), v.value.to_string()))
        .collect();
    RecordOut {
        id: r.id.to_string(),
        kind: r.kind.en(),
        path: model.path_of(r).to_owned(),
        field: r.field.map(|f| model.fields[f].id.clone()),
        domain: r.domain.map(|d| model.domains[d].id.clone()),
        title: r.title().to_owned(),
        stage: r.stage().map(|s| s.as_str()),
        progress: (r.kind == Kind::Issue).then(|| model.progress(i).as_str()),
        owner: r.owner.as_ref().map(|o| o.value.to_string()),
        visibility: r.visibility().as_str(),
        tags: r.tags.iter().map(|t| t.value.to_string()).collect(),
        links,
        linked_from,
        texts,
        review_due: r.review_due().map(|d| d.value.to_string()),
        closed: r.closed().map(|c| ClosedOut {
            date: c.date.as_ref().map(|d| d.value.to_string()),
            fiscal_year: c
                .date
                .as_ref()
                .map(|d| crate::calendar::fiscal_year(d.value)),
            reason: c.reason.as_ref().map(|x| x.value.to_string()),
        }),
        team: show.team,
        indicators: show.indicators,
        decisions: show.decisions,
        awaiting_decision_since: model.awaiting_decision(r, today).map(|d| d.to_string()),
    }
}

/// A 課題's `[closed]`.
#[derive(Clone, Debug, Serialize)]
pub struct ClosedOut {
    /// When.
    pub date: Option<String>,
    /// Its 年度.
    pub fiscal_year: Option<i16>,
    /// Why no more work is needed.
    pub reason: Option<String>,
}
