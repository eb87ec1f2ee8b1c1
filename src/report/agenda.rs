//! `dx agenda`: what the next meeting of a body must take up (SPEC §6.4) —
//! pilots past their target date awaiting a decision, reviews due by the
//! meeting (and 30 days after), indicators graded C or D, 課題 still 未着手,
//! and what changed since that body's last meeting — as a document, or as
//! a meeting-file skeleton for the secretariat to complete and `dx apply`.

use std::fmt::Write as _;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use super::diff::Diff;
use super::doc::{Cell, Doc, Table};
use super::{RecordRef, state_word};
use crate::i18n::Lang;
use crate::model::{Body, Grade, Kind, Meeting, Model, Progress, RecordIdx, Stage};

/// How far after the meeting a review counts as due at it.
pub const REVIEW_AHEAD_DAYS: i64 = 30;

/// A pilot awaiting a decision.
#[derive(Clone, Debug, Serialize)]
pub struct Pilot {
    /// The record.
    pub record: RecordRef,
    /// The target date its indicators reached.
    pub target_date: String,
}

/// A record a lower body referred (付議) to this one, with no decision of
/// this body since (SPEC §7.4).
#[derive(Clone, Debug, Serialize)]
pub struct Referred {
    /// The record.
    pub record: RecordRef,
    /// The body that referred it.
    pub by: &'static str,
    /// When.
    pub date: String,
}

/// A record a guideline revision reaches, not taken up since (SPEC §7.4).
#[derive(Clone, Debug, Serialize)]
pub struct Revised {
    /// The record.
    pub record: RecordRef,
    /// The revision's version.
    pub version: String,
    /// Its date.
    pub date: String,
    /// The changed reference that reaches the record.
    pub via: String,
    /// A 課題 (taken up by a review) rather than a 手法 or 技術 (a decision).
    #[serde(skip)]
    pub issue: bool,
}

/// A review due.
#[derive(Clone, Debug, Serialize)]
pub struct Review {
    /// The record.
    pub record: RecordRef,
    /// Its `review_due`, if set.
    pub review_due: Option<String>,
}

/// An indicator graded C or D.
#[derive(Clone, Debug, Serialize)]
pub struct Behind {
    /// The record.
    pub record: RecordRef,
    /// The indicator.
    pub indicator: String,
    /// C or D.
    pub grade: &'static str,
    /// Its attainment.
    pub attainment: Option<f64>,
    /// A measurement is due (測定待ち, SPEC §7.2).
    pub due: bool,
}

/// The agenda.
#[derive(Clone, Debug, Serialize)]
pub struct Agenda {
    /// The meeting's date.
    pub date: String,
    /// The body that meets.
    pub body: &'static str,
    /// The 分野 (a 作業部会), if any.
    pub field: Option<String>,
    /// That 分野's 作業部会 by name (field.toml `working_group`), which
    /// heads the agenda instead of the body's word.
    pub group: Option<String>,
    /// The body's last meeting file before this one, if any.
    pub last_meeting: Option<String>,
    /// 実証実験・先行導入 past their target date with no decision since.
    pub pilots: Vec<Pilot>,
    /// Referred to this body by a lower one, not decided by it since.
    pub referred: Vec<Referred>,
    /// Reached by a guideline revision and not taken up since.
    pub revised: Vec<Revised>,
    /// 運用 records whose review is due by the meeting + 30 days, or unset.
    pub reviews: Vec<Review>,
    /// Indicators graded C or D.
    pub indicators: Vec<Behind>,
    /// 課題 still 未着手.
    pub issues: Vec<RecordRef>,
    /// What changed since the last meeting (when the tree is in git and
    /// there was one).
    pub changes: Option<Diff>,
}

impl Agenda {
    /// The agenda of `body`'s meeting on `date`, limited to `field` (its
    /// 作業部会) if given.
    #[must_use]
    pub fn build(model: &Model, date: Date, body: Body, field: Option<&str>) -> Self {
        let in_scope = |i: RecordIdx| {
            field.is_none_or(|f| {
                model.records[i]
                    .field
                    .is_some_and(|x| model.fields[x].id == f)
            })
        };
        let records: Vec<RecordIdx> = model
            .parsed_records()
            .map(|(i, _)| i)
            .filter(|&i| in_scope(i))
            .collect();
        let horizon = date.saturating_add(REVIEW_AHEAD_DAYS.days());
        let mut agenda = Self {
            date: date.to_string(),
            body: body.as_str(),
            field: field.map(str::to_owned),
            group: field
                .and_then(|f| model.fields.iter().find(|x| x.id == f))
                .and_then(|f| f.working_group.clone())
                .filter(|_| body == Body::WorkingGroup),
            last_meeting: last_meeting(model, body, date, field)
                .map(|(d, m)| format!("{d} {}", model.files.get(m.file).path)),
            pilots: Vec::new(),
            referred: Vec::new(),
            revised: Vec::new(),
            reviews: Vec::new(),
            indicators: Vec::new(),
            issues: Vec::new(),
            changes: None,
        };
        for &i in &records {
            let r = &model.records[i];
            if let Some(target) = model.awaiting_decision(r, date) {
                agenda.pilots.push(Pilot {
                    record: RecordRef::of(model, i),
                    target_date: target.to_string(),
                });
            }
            if let Some((by, when)) = referred_to(r, body, date) {
                agenda.referred.push(Referred {
                    record: RecordRef::of(model, i),
                    by: by.as_str(),
                    date: when.to_string(),
                });
            }
            if r.stage() == Some(Stage::Operation) {
                let due = r.review_due().map(|d| d.value);
                if due.is_none_or(|d| d <= horizon) {
                    agenda.reviews.push(Review {
                        record: RecordRef::of(model, i),
                        review_due: due.map(|d| d.to_string()),
                    });
                }
            }
            if r.stage().is_some_and(|s| !s.is_retired()) {
                for ind in r.indicators() {
                    let a = model.assess(r, ind, date);
                    if matches!(a.grade, Grade::C | Grade::D) || a.due {
                        agenda.indicators.push(Behind {
                            record: RecordRef::of(model, i),
                            indicator: ind.name().to_owned(),
                            grade: a.grade.letter(),
                            attainment: a.attainment,
                            due: a.due,
                        });
                    }
                }
            }
            if r.kind == Kind::Issue && model.progress(i) == Progress::NotStarted {
                agenda.issues.push(RecordRef::of(model, i));
            }
        }
        let mut revised: Vec<_> = model
            .revision_due()
            .into_iter()
            .filter(|d| in_scope(d.record))
            .collect();
        // In the cycle's order: 課題, then 手法, then 技術.
        revised.sort_by(|a, b| {
            let (ra, rb) = (&model.records[a.record], &model.records[b.record]);
            (ra.kind as u8)
                .cmp(&(rb.kind as u8))
                .then_with(|| crate::model::ids::natural_cmp(&ra.id, &rb.id))
        });
        for d in revised {
            let rev = &model.settings.revisions[d.revision];
            agenda.revised.push(Revised {
                record: RecordRef::of(model, d.record),
                version: rev.version.clone(),
                date: rev.date.map(|x| x.to_string()).unwrap_or_default(),
                via: d.via,
                issue: model.records[d.record].kind == Kind::Issue,
            });
        }
        agenda
            .reviews
            .sort_by(|a, b| a.review_due.cmp(&b.review_due));
        agenda
    }

    /// What heads the agenda: the 分野's 作業部会 by name, else the body.
    fn heading(&self) -> &str {
        self.group.as_deref().unwrap_or(self.body)
    }

    /// Lay the agenda out.
    #[must_use]
    pub fn doc(&self, model: &Model, lang: Lang) -> Doc {
        let l = lang.labels();
        let a = lang.agenda_labels();
        let org = model.settings.organization.as_deref().unwrap_or("");
        let title = format!("{org} {}", (a.title)(self.heading(), &self.date));
        let mut doc = match self.date.parse() {
            Ok(date) => Doc::dated(title, date),
            Err(_) => Doc::new(title),
        };
        if let Some(last) = &self.last_meeting {
            doc.text((a.last_meeting)(last));
        }
        let refs = |list: Vec<(&RecordRef, Cell)>, extra: &str| Table {
            headers: vec![l.id.into(), l.title.into(), l.state.into(), extra.into()],
            rows: list
                .into_iter()
                .map(|(r, x)| {
                    vec![
                        Cell::Id(r.id.clone()),
                        r.title.clone().into(),
                        state_word(&r.state, lang).into(),
                        x,
                    ]
                })
                .collect(),
            ..Table::default()
        };
        doc.heading(a.pilots);
        doc.table_or(
            refs(
                self.pilots
                    .iter()
                    .map(|p| (&p.record, Cell::date(&p.target_date)))
                    .collect(),
                l.target_date,
            ),
            l.nothing,
        );
        doc.heading(a.referred);
        doc.table_or(
            refs(
                self.referred
                    .iter()
                    .map(|x| (&x.record, format!("{} {}", x.by, x.date).into()))
                    .collect(),
                a.referred_by,
            ),
            l.nothing,
        );
        doc.heading(a.revised);
        doc.table_or(
            refs(
                self.revised
                    .iter()
                    .map(|x| {
                        (
                            &x.record,
                            format!("{} {} {}", x.version, x.date, x.via).into(),
                        )
                    })
                    .collect(),
                a.revised_by,
            ),
            l.nothing,
        );
        doc.heading(a.reviews);
        doc.table_or(
            refs(
                self.reviews
                    .iter()
                    .map(|r| {
                        (
                            &r.record,
                            r.review_due
                                .as_deref()
                                .map_or_else(|| l.no_review_date.into(), Cell::date),
                        )
                    })
                    .collect(),
                l.review_due,
            ),
            l.nothing,
        );
        doc.heading(a.indicators);
        doc.table_or(
            Table {
                headers: vec![
                    l.id.into(),
                    l.title.into(),
                    l.indicator.into(),
                    l.attainment.into(),
                    l.grade.into(),
                ],
                rows: self
                    .indicators
                    .iter()
                    .map(|b| {
                        vec![
                            Cell::Id(b.record.id.clone()),
                            b.record.title.clone().into(),
                            b.indicator.clone().into(),
                            Cell::Percent(b.attainment),
                            if b.due {
                                format!("{}{}", b.grade, a.due).into()
                            } else {
                                b.grade.into()
                            },
                        ]
                    })
                    .collect(),
                numeric: vec![3],
                ..Table::default()
            },
            l.nothing,
        );
        doc.heading(a.issues);
        doc.table_or(
            // CSV and spreadsheets keep the 領域's ID.
            refs(
                self.issues
                    .iter()
                    .map(|r| (r, Cell::named(model.shown_id(&r.domain), r.domain.clone())))
                    .collect(),
                l.domain,
            ),
            l.nothing,
        );
        if let Some(diff) = &self.changes {
            doc.heading(a.changes);
            let inner = diff.doc(lang);
            doc.blocks.extend(inner.blocks);
        }
        doc
    }

    /// A meeting file for the secretariat to complete and `dx apply`: one
    /// entry per item, the results left empty (`dx check` says so until
    /// they are filled in).
    #[must_use]
    pub fn meeting_file(&self, lang: Lang) -> String {
        let a = lang.agenda_labels();
        // Every text from the records goes into a string through the one
        // escaper and into a comment printable, so no record text can add
        // a line of its own (a title holding "\n[[decision]]").
        let q = crate::files::toml_string;
        let c = |s: &str| crate::files::printable(s, false).into_owned();
        let results = |stage: &str, review: bool| {
            let allowed = crate::vocab::Stage::parse(stage)
                .map(crate::vocab::Outcome::allowed_at)
                .unwrap_or_default();
            allowed
                .iter()
                .filter(|o| !review || o.stage_after().is_none_or(crate::vocab::Stage::is_retired))
                .map(|o| o.as_str())
                .collect::<Vec<_>>()
                .join(a.results)
        };
        let mut t = String::new();
        let _ = writeln!(t, "# {}", c(&(a.title)(self.heading(), &self.date)));
        let _ = writeln!(t, "# {}", a.skeleton_note);
        let _ = writeln!(t, "date = {}", self.date);
        let _ = writeln!(t, "body = {}", q(self.body));
        if let Some(f) = &self.field {
            let _ = writeln!(t, "field = {}", q(f));
        }
        let _ = writeln!(t, "title = \"\"");
        let _ = writeln!(t, "# minutes = \"\"");
        for p in &self.pilots {
            let _ = writeln!(
                t,
                "\n# {}: {} {}",
                a.pilots,
                c(&p.record.id),
                c(&p.record.title)
            );
            let _ = writeln!(
                t,
                "[[decision]]\nrecord = {}\nresult = \"\"  # {}\n# note = \"\"",
                q(&p.record.id),
                results(&p.record.state, false)
            );
        }
        for x in &self.referred {
            let _ = writeln!(
                t,
                "\n# {}: {} {} ({} {})",
                a.referred,
                c(&x.record.id),
                c(&x.record.title),
                x.by,
                x.date
            );
            let _ = writeln!(
                t,
                "[[decision]]\nrecord = {}\nresult = \"\"  # {}\n# note = \"\"",
                q(&x.record.id),
                results(&x.record.state, false)
            );
        }
        for r in &self.reviews {
            let _ = writeln!(
                t,
                "\n# {}: {} {}",
                a.reviews,
                c(&r.record.id),
                c(&r.record.title)
            );
            let _ = writeln!(
                t,
                "[[review]]\nrecord = {}\nresult = \"\"  # {}\n# next_review = \n# note = \"\"",
                q(&r.record.id),
                results(&r.record.state, true)
            );
        }
        for x in &self.revised {
            let issue = x.issue;
            let _ = writeln!(
                t,
                "\n# {}: {} {} ({} {} {})",
                a.revised,
                c(&x.record.id),
                c(&x.record.title),
                c(&x.version),
                x.date,
                c(&x.via)
            );
            let _ = writeln!(
                t,
                "# [[{}]]\n# record = {}",
                if issue { "review" } else { "decision" },
                q(&x.record.id)
            );
        }
        for b in &self.indicators {
            let _ = writeln!(
                t,
                "\n# {}: {} {} ({}{})",
                a.indicators,
                c(&b.record.id),
                c(&b.indicator),
                b.grade,
                if b.due { a.due } else { "" }
            );
            let _ = writeln!(
                t,
                "# [[measurement]]\n# record = {}\n# indicator = {}\n# value = ",
                q(&b.record.id),
                q(&b.indicator)
            );
        }
        t
    }
}

/// The lower body and date of the last 付議 of `r` to `body` on or before
/// `date`, when `body` has recorded no decision on it since.
fn referred_to(r: &crate::model::Record, body: Body, date: Date) -> Option<(Body, Date)> {
    let decisions = r.decisions();
    let (when, by) = decisions
        .iter()
        .filter(|d| {
            d.result
                .as_ref()
                .is_some_and(|o| o.value == crate::model::Outcome::Refer)
                && d.to.as_ref().is_some_and(|t| t.value == body)
        })
        .filter_map(|d| Some((d.date.as_ref()?.value, d.body.as_ref()?.value)))
        .filter(|(d, _)| *d <= date)
        .max_by_key(|(d, _)| *d)?;
    let decided = decisions.iter().any(|d| {
        d.body.as_ref().is_some_and(|b| b.value == body)
            && d.date.as_ref().is_some_and(|x| x.value > when)
    });
    (!decided).then_some((by, when))
}

/// `body`'s last meeting dated before `date`, with its date; with a
/// `field`, the last meeting of that 分野 (its `field` key, SPEC §7.4).
#[must_use]
pub fn last_meeting<'m>(
    model: &'m Model,
    body: Body,
    date: Date,
    field: Option<&str>,
) -> Option<(Date, &'m Meeting)> {
    model
        .meetings
        .iter()
        .filter(|m| m.body.as_ref().is_some_and(|b| b.value == body))
        .filter(|m| field.is_none_or(|f| m.field.as_ref().is_some_and(|x| x.value.as_str() == f)))
        .filter_map(|m| Some((m.date.as_ref()?.value, m)))
        .filter(|(d, _)| *d < date)
        .max_by_key(|(d, _)| *d)
}
