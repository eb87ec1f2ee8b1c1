//! `dx import`: answered 照会 into the records as one plan (SPEC §7.3).
//!
//! Every filled cell is validated first; any problem — a cell that is no
//! value of its kind, a workbook of another tree, a row whose record or
//! indicator is gone (a conflict) — and there is no plan, only the list of
//! problems, each with its cell. Observations go through the same
//! [`Session`] as `dx measure` and `dx apply` (idempotent, minimal edits);
//! proposals become new records with the next free IDs. Nothing is ever
//! deleted, and no record the files do not name is touched.

pub mod read;

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;

pub use read::{Book, Grid, Meta, Value};

use super::{Change, NewObservation, Options, Plan, Session};
use crate::diag::{IdKind, ImportNote, ImportProblem};
use crate::model::{Kind, Model, ObservationStatus, RecordIdx, Resolution, Thing, Visibility};
use crate::scaffold::NewRecord;
use crate::sheets::{self, measure as m, meta, propose as p};

/// One answered file.
#[derive(Clone, Debug)]
pub struct Source {
    /// The file as the user named it.
    pub name: String,
    /// What it holds.
    pub book: Book,
}

/// Something said about a place in a file: a problem or a note.
#[derive(Clone, Debug, PartialEq)]
pub struct At<T> {
    /// The file.
    pub file: String,
    /// The cell (`測定!L7`) or line.
    pub cell: String,
    /// What.
    pub what: T,
}

/// The plan of an import and what was accepted on the way.
#[derive(Debug)]
pub struct Imported {
    /// The files to change and create.
    pub plan: Plan,
    /// Values read in another form than asked, proposals already recorded,
    /// records made.
    pub notes: Vec<At<ImportNote>>,
    /// Observations planned (recorded ones not counted).
    pub observations: usize,
}

/// Full-width digits and signs as half-width (the one table of
/// `suggest`); spaces dropped.
fn half_width(s: &str) -> String {
    s.chars()
        .map(crate::suggest::half_width_char)
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A number cell, or text that is one.
fn number(v: &Value) -> Result<(f64, Option<ImportNote>), ImportProblem> {
    let text = match v {
        Value::Number(n) if n.is_finite() => return Ok((*n, None)),
        Value::Text(s) => s,
        other => {
            return Err(ImportProblem::NotNumber { text: other.text() });
        }
    };
    let read = half_width(text);
    if let Some(n) = read.strip_suffix('%') {
        return Err(ImportProblem::Percent {
            text: text.clone(),
            number: n.to_owned(),
        });
    }
    // 1,234 as written in an office: thousands separators only.
    let plain = if read.contains(',') {
        let (int, _) = read.split_once('.').unwrap_or((&read, ""));
        let groups: Vec<&str> = int.trim_start_matches(['-', '+']).split(',').collect();
        let grouped = groups.len() > 1
            && !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3);
        if !grouped {
            return Err(ImportProblem::NotNumber { text: text.clone() });
        }
        read.replace(',', "")
    } else {
        read.clone()
    };
    let valid = !plain.is_empty()
        && plain
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+'));
    match plain.parse::<f64>() {
        Ok(n) if valid && n.is_finite() => {
            let note = if read == *text {
                ImportNote::TextNumber { text: text.clone() }
            } else {
                ImportNote::FullWidth {
                    text: text.clone(),
                    read: plain,
                }
            };
            Ok((n, Some(note)))
        }
        _ => Err(ImportProblem::NotNumber { text: text.clone() }),
    }
}

/// A date cell, a serial number, or a date written as staff write it.
fn date(v: &Value) -> Result<(Date, Option<ImportNote>), ImportProblem> {
    match v {
        Value::Date(d) => Ok((*d, None)),
        Value::Number(n) => serial(*n)
            .map(|d| {
                (
                    d,
                    Some(ImportNote::SerialDate {
                        serial: *n,
                        date: d,
                    }),
                )
            })
            .ok_or_else(|| ImportProblem::NotDate { text: v.text() }),
        Value::Text(s) => crate::calendar::parse_date(s)
            .map(|d| {
                (
                    d,
                    Some(ImportNote::TextDate {
                        text: s.clone(),
                        date: d,
                    }),
                )
            })
            .ok_or_else(|| ImportProblem::NotDate { text: s.clone() }),
        other => Err(ImportProblem::NotDate { text: other.text() }),
    }
}

/// An Excel serial day (1900 system): 1 is 1900-01-01, and Excel counts a
/// 1900-02-29 that never was, so from 61 on the days are from 1899-12-30.
fn serial(n: f64) -> Option<Date> {
    if !(61.0..=2_958_465.0).contains(&n) {
        return None;
    }
    let days = n.trunc() as i64;
    Date::new(1899, 12, 30)
        .ok()?
        .checked_add(jiff::Span::new().days(days))
        .ok()
}

/// The items of a list cell: `K-001, 新1`, `P1 利用者中心、P3` — the first
/// word of each item, half-width.
fn items(v: &Value) -> Vec<String> {
    v.text()
        .split([',', '、', '，', ';', '；', '\n'])
        .filter_map(|item| {
            let item = item.replace('\u{3000}', " ");
            let word = item.split_whitespace().next()?;
            Some(crate::suggest::half_width(word))
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn text(v: &Value) -> Option<String> {
    let t = v.text();
    let t = t.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// The work of one import over one model.
struct Run<'m> {
    model: &'m Model,
    session: Session<'m>,
    problems: Vec<At<ImportProblem>>,
    notes: Vec<At<ImportNote>>,
    file: String,
    /// Records by kind and title, made on first use and shared by every
    /// file: where a row's record went when its ID is gone, and which
    /// proposals are recorded already.
    titles: Option<HashMap<(Kind, &'m str), &'m str>>,
    observations: usize,
    changed: HashSet<String>,
    /// New IDs handed out so far, by kind: a second file's proposals come
    /// after the first's.
    taken: HashMap<Kind, usize>,
    /// The measurement rows still to come for each record, counted over
    /// every workbook first: a record none will touch again is settled,
    /// its document let go (a year's workbooks may name every record).
    rows_left: HashMap<RecordIdx, usize>,
}

impl<'m> Run<'m> {
    fn problem(&mut self, cell: String, what: ImportProblem) {
        self.problems.push(At {
            file: self.file.clone(),
            cell,
            what,
        });
    }

    fn note(&mut self, cell: String, what: Option<ImportNote>) {
        if let Some(what) = what {
            self.notes.push(At {
                file: self.file.clone(),
                cell,
                what,
            });
        }
    }

    /// The record of `kind` titled `title`.
    fn titled(&mut self, kind: Kind, title: &str) -> Option<String> {
        let model = self.model;
        let titles = self.titles.get_or_insert_with(|| {
            model
                .parsed_records()
                .map(|(_, r)| ((r.kind, r.title()), r.id.as_str()))
                .collect()
        });
        titles.get(&(kind, title)).map(|id| (*id).to_owned())
    }

    fn origin(&mut self, meta: &Meta) {
        let get = |k: &str| meta.pairs.get(k).map(String::as_str).unwrap_or_default();
        let version = get(meta::FORMAT);
        if version
            .parse::<u32>()
            .is_ok_and(|v| v > sheets::FORMAT_VERSION)
        {
            self.problem(
                sheets::cell_name(sheets::META, 0, 1),
                ImportProblem::Format {
                    version: version.to_owned(),
                },
            );
        }
        let s = &self.model.settings;
        let ours = (
            s.organization.clone().unwrap_or_default(),
            s.lg_code.clone().unwrap_or_default(),
        );
        let theirs = (
            get(meta::ORGANIZATION).to_owned(),
            get(meta::LG_CODE).to_owned(),
        );
        // An lg_code decides when both trees have one; else the name.
        let other = if !ours.1.is_empty() && !theirs.1.is_empty() {
            ours.1 != theirs.1
        } else {
            ours.0 != theirs.0
        };
        if other {
            let show = |(o, c): &(String, String)| {
                if c.is_empty() {
                    o.clone()
                } else {
                    format!("{o}({c})")
                }
            };
            self.problem(
                sheets::cell_name(sheets::META, 1, 1),
                ImportProblem::OtherTree {
                    theirs: show(&theirs),
                    ours: show(&ours),
                },
            );
        }
    }

    fn measurements(&mut self, g: &Grid, meta: Option<&Meta>) {
        for (col, header) in [
            (m::ID, "ID"),
            (m::INDICATOR, "評価指標"),
            (m::DATE, "測定日"),
            (m::VALUE, "値"),
        ] {
            if !g.has(col) {
                self.problem(g.sheet.to_owned(), ImportProblem::MissingColumn { header });
                return;
            }
        }
        for r in 1..g.rows.len() {
            if filled(g, r) {
                self.measurement(g, r, meta);
                if let Some(i) = row_record(self.model, g, r)
                    && let Some(left) = self.rows_left.get_mut(&i)
                {
                    *left -= 1;
                    if *left == 0 {
                        self.session.settle(i);
                    }
                }
            }
        }
    }

    fn measurement(&mut self, g: &Grid, r: usize, meta: Option<&Meta>) {
        let id = g.get(r, m::ID).text();
        let name = g.get(r, m::INDICATOR).text();
        let known = meta.and_then(|mt| mt.rows.get(&(r as u32 + 1)));
        if let Some((was_id, was_name, _)) = known {
            for (col, was, now, header) in [
                (m::ID, was_id, &id, "ID"),
                (m::INDICATOR, was_name, &name, "評価指標"),
            ] {
                if was != now {
                    self.problem(
                        g.name(r, col),
                        ImportProblem::Locked {
                            header,
                            was: was.clone(),
                            now: now.clone(),
                        },
                    );
                    return;
                }
            }
        }
        let Some(Thing::Record(record)) = self.model.find(&id) else {
            // Only 手法 and 技術 are measured.
            let title = g.get(r, m::TITLE).text();
            let now = self
                .titled(Kind::Method, &title)
                .or_else(|| self.titled(Kind::Technology, &title));
            self.problem(g.name(r, m::ID), ImportProblem::RecordGone { id, now });
            return;
        };
        let rec = &self.model.records[record];
        let Some((_, indicator)) = rec.indicator_named(&name) else {
            let known = rec
                .indicators()
                .iter()
                .map(|i| i.name().to_owned())
                .collect();
            self.problem(
                g.name(r, m::INDICATOR),
                ImportProblem::IndicatorGone { id, name, known },
            );
            return;
        };
        let before = self.problems.len();
        let status = match g.get(r, m::STATUS) {
            Value::Empty => ObservationStatus::Final,
            v => match ObservationStatus::parse(&half_width(&v.text())) {
                Some(s) => s,
                None => {
                    self.problem(
                        g.name(r, m::STATUS),
                        ImportProblem::NotInList {
                            header: "状況",
                            text: v.text(),
                            allowed: ObservationStatus::WORDS
                                .iter()
                                .map(|w| (*w).to_owned())
                                .collect(),
                        },
                    );
                    ObservationStatus::Final
                }
            },
        };
        let when = match g.get(r, m::DATE) {
            Value::Empty => {
                self.problem(
                    g.name(r, m::DATE),
                    ImportProblem::Required {
                        header: "測定日"
                    },
                );
                None
            }
            v => match date(v) {
                Ok((d, note)) => {
                    self.note(g.name(r, m::DATE), note);
                    Some(d)
                }
                Err(e) => {
                    self.problem(g.name(r, m::DATE), e);
                    None
                }
            },
        };
        let unmeasurable = status == ObservationStatus::Unmeasurable;
        let value = match g.get(r, m::VALUE) {
            Value::Empty if unmeasurable => None,
            Value::Empty => {
                self.problem(
                    g.name(r, m::VALUE),
                    ImportProblem::Required { header: "値" },
                );
                None
            }
            _ if unmeasurable => {
                self.problem(g.name(r, m::VALUE), ImportProblem::ValueWithUnmeasurable);
                None
            }
            v => match number(v) {
                Ok((n, note)) => {
                    self.note(g.name(r, m::VALUE), note);
                    let unit = indicator.unit.as_ref().map_or("", |u| u.value.as_str());
                    let scale = [&indicator.baseline, &indicator.target]
                        .iter()
                        .filter_map(|v| v.as_ref())
                        .any(|v| v.value.abs() > 1.0);
                    if unit.trim() == "%" && n != 0.0 && n.abs() < 1.0 && scale {
                        self.note(
                            g.name(r, m::VALUE),
                            Some(ImportNote::LooksLikeFraction {
                                value: n,
                                unit: unit.to_owned(),
                            }),
                        );
                    }
                    Some(n)
                }
                Err(e) => {
                    self.problem(g.name(r, m::VALUE), e);
                    None
                }
            },
        };
        if self.problems.len() > before {
            return;
        }
        let Some(when) = when else { return };
        let observation = NewObservation {
            date: when,
            value,
            status,
            source: text(g.get(r, m::SOURCE)),
            note: text(g.get(r, m::NOTE)),
        };
        let already = self.session.already_recorded();
        match self.session.measure(&id, indicator.name(), &observation) {
            Ok(()) if self.session.already_recorded() > already => {}
            Ok(()) => {
                self.observations += 1;
                // Said of a row that writes: a record changed since the
                // survey (its row still applies) is worth a look.
                if let Some((_, _, stamp)) = known {
                    let now = format!("{:016x}", self.model.files.get(rec.file).stamp());
                    if *stamp != now && self.changed.insert(format!("{}\0{id}", self.file)) {
                        self.note(
                            g.name(r, m::ID),
                            Some(ImportNote::Changed { id: id.clone() }),
                        );
                    }
                }
            }
            Err(e) => self.problem(g.name(r, m::VALUE), ImportProblem::Edit(e)),
        }
    }
}

/// Whether a measurement row holds anything to read.
fn filled(g: &Grid, r: usize) -> bool {
    [m::DATE, m::VALUE, m::STATUS, m::SOURCE, m::NOTE]
        .iter()
        .any(|&c| !g.get(r, c).is_empty())
}

/// The record a measurement row names, when there is one.
fn row_record(model: &Model, g: &Grid, r: usize) -> Option<RecordIdx> {
    match model.find(&g.get(r, m::ID).text()) {
        Some(Thing::Record(i)) => Some(i),
        _ => None,
    }
}

/// A proposal row, read.
struct Proposal {
    row: usize,
    temp: String,
    kind: Kind,
    domain: String,
    title: String,
    /// Set when a record of its kind has its title already.
    existing: Option<String>,
}

impl Run<'_> {
    fn proposals(&mut self, g: &Grid, owner: Option<&str>, out: &mut Vec<Change>) {
        let model = self.model;
        let mut read: Vec<Proposal> = Vec::new();
        let mut temps: HashMap<String, usize> = HashMap::new();
        let domains: HashMap<&str, &str> = model
            .domains
            .iter()
            .flat_map(|d| {
                [
                    (d.id.as_str(), d.id.as_str()),
                    (d.name.as_str(), d.id.as_str()),
                ]
            })
            .collect();
        for r in 1..g.rows.len() {
            if g.rows[r].iter().all(Value::is_empty) {
                continue;
            }
            let before = self.problems.len();
            let temp = crate::suggest::half_width(&g.get(r, p::TEMP_ID).text());
            let kind = match g.get(r, p::KIND) {
                Value::Empty => {
                    self.problem(
                        g.name(r, p::KIND),
                        ImportProblem::Required { header: "種別" },
                    );
                    None
                }
                v => match Kind::from_word(&v.text()).filter(|k| *k != Kind::Technology) {
                    Some(k) => Some(k),
                    None => {
                        self.problem(
                            g.name(r, p::KIND),
                            ImportProblem::NotInList {
                                header: "種別",
                                text: v.text(),
                                allowed: vec!["課題".into(), "手法".into()],
                            },
                        );
                        None
                    }
                },
            };
            let domain_text = g.get(r, p::DOMAIN).text();
            let domain = domains
                .get(domain_text.as_str())
                .or_else(|| domains.get(domain_text.split_whitespace().next().unwrap_or_default()))
                .map(|d| (*d).to_owned());
            if domain.is_none() {
                let what = if domain_text.is_empty() {
                    ImportProblem::Required { header: "領域" }
                } else {
                    ImportProblem::NotInList {
                        header: "領域",
                        text: domain_text,
                        allowed: model.domains.iter().map(|d| d.id.clone()).collect(),
                    }
                };
                self.problem(g.name(r, p::DOMAIN), what);
            }
            let title = g.get(r, p::TITLE).text();
            if title.is_empty() {
                self.problem(
                    g.name(r, p::TITLE),
                    ImportProblem::Required { header: "件名" },
                );
            }
            if !temp.is_empty() && temps.insert(temp.clone(), read.len()).is_some() {
                self.problem(
                    g.name(r, p::TEMP_ID),
                    ImportProblem::DuplicateTempId { id: temp.clone() },
                );
            }
            if self.problems.len() > before {
                continue;
            }
            let (Some(kind), Some(domain)) = (kind, domain) else {
                continue;
            };
            let existing = self.titled(kind, &title);
            read.push(Proposal {
                row: r,
                temp,
                kind,
                domain,
                title,
                existing,
            });
        }
        let owner = owner.map(str::trim).filter(|o| !o.is_empty());
        if owner.is_none() && read.iter().any(|p| p.existing.is_none()) {
            self.problem(g.sheet.to_owned(), ImportProblem::NoOwner);
            return;
        }
        // The next free IDs, in row order.
        let mut ids: HashMap<Kind, std::iter::Skip<std::vec::IntoIter<String>>> = HashMap::new();
        for kind in [Kind::Issue, Kind::Method] {
            let n = read
                .iter()
                .filter(|p| p.kind == kind && p.existing.is_none())
                .count();
            let taken = self.taken.entry(kind).or_default();
            ids.insert(
                kind,
                model.next_ids(kind, *taken + n).into_iter().skip(*taken),
            );
            *taken += n;
        }
        let assigned: Vec<String> = read
            .iter()
            .map(|p| match &p.existing {
                Some(id) => id.clone(),
                None => ids
                    .get_mut(&p.kind)
                    .and_then(Iterator::next)
                    .unwrap_or_default(),
            })
            .collect();
        for (i, prop) in read.iter().enumerate() {
            let r = prop.row;
            if let Some(id) = &prop.existing {
                self.note(
                    g.name(r, p::TITLE),
                    Some(ImportNote::Proposed {
                        id: id.clone(),
                        title: prop.title.clone(),
                    }),
                );
                continue;
            }
            let before = self.problems.len();
            let mut links = |col: usize, header: &'static str, kind: IdKind, min: usize| {
                let mut found = Vec::new();
                for item in items(g.get(r, col)) {
                    // A 仮ID of a 課題 row of this sheet.
                    if let Some(&j) = temps.get(&item)
                        && kind == IdKind::Issue
                        && read[j].kind == Kind::Issue
                    {
                        found.push(assigned[j].clone());
                        continue;
                    }
                    match model.resolve(kind, &item) {
                        Resolution::Found(_) => found.push(item),
                        _ => {
                            let nearest = model.nearest_id(kind, &item);
                            self.problems.push(At {
                                file: self.file.clone(),
                                cell: g.name(r, col),
                                what: ImportProblem::UnknownLink {
                                    header,
                                    text: item,
                                    nearest,
                                },
                            });
                        }
                    }
                }
                if found.len() < min && !self.problems.iter().any(|p| p.cell == g.name(r, col)) {
                    self.problems.push(At {
                        file: self.file.clone(),
                        cell: g.name(r, col),
                        what: ImportProblem::Required { header },
                    });
                }
                found
            };
            let issue = prop.kind == Kind::Issue;
            let vision = if issue {
                links(p::VISION, "ビジョン項目", IdKind::Vision, 1)
            } else {
                Vec::new()
            };
            let (solves, principles) = if issue {
                (Vec::new(), Vec::new())
            } else {
                (
                    links(p::SOLVES, "解決する課題", IdKind::Issue, 1),
                    links(p::PRINCIPLES, "原則", IdKind::Principle, 1),
                )
            };
            if self.problems.len() > before {
                continue;
            }
            let id = assigned[i].clone();
            let new = NewRecord {
                title: prop.title.clone(),
                vision,
                solves,
                principles,
                owner: owner.map(str::to_owned),
                visibility: Some(Visibility::Internal),
                current: issue.then(|| text(g.get(r, p::CURRENT))).flatten(),
                gap: issue.then(|| text(g.get(r, p::GAP))).flatten(),
                ..NewRecord::default()
            };
            let body = crate::scaffold::record(prop.kind, &new);
            let body = crate::format::format_record(&body, prop.kind).unwrap_or(body);
            out.push(Change {
                path: format!("{}/{id}.toml", prop.domain),
                before: None,
                after: Some(body.into_bytes()),
            });
            self.note(
                g.name(r, p::TEMP_ID),
                Some(ImportNote::New {
                    id,
                    temp: prop.temp.clone(),
                    title: prop.title.clone(),
                }),
            );
        }
    }
}

/// Plan the import of `sources` into the tree of `model`. `owner` owns the
/// proposals of a file that does not name its department (a CSV).
///
/// # Errors
/// Every problem found, each with its file and cell: nothing is planned
/// when there is one.
pub fn plan(
    model: &Model,
    sources: &[Source],
    options: Options,
    owner: Option<&str>,
) -> Result<Imported, Vec<At<ImportProblem>>> {
    let mut run = Run {
        model,
        session: Session::new(model, options),
        problems: Vec::new(),
        notes: Vec::new(),
        file: String::new(),
        titles: None,
        observations: 0,
        changed: HashSet::new(),
        taken: HashMap::new(),
        rows_left: HashMap::new(),
    };
    for g in sources.iter().filter_map(|s| s.book.measure.as_ref()) {
        for r in (1..g.rows.len()).filter(|&r| filled(g, r)) {
            if let Some(i) = row_record(model, g, r) {
                *run.rows_left.entry(i).or_insert(0) += 1;
            }
        }
    }
    let mut created: Vec<Change> = Vec::new();
    for source in sources {
        run.file.clone_from(&source.name);
        let book = &source.book;
        if book.measure.is_none() && book.propose.is_none() {
            run.problem(String::new(), ImportProblem::NoSheets);
            continue;
        }
        if let Some(meta) = &book.meta {
            run.origin(meta);
        }
        if let Some(g) = &book.measure {
            run.measurements(g, book.meta.as_ref());
        }
        if let Some(g) = &book.propose {
            let department = book
                .meta
                .as_ref()
                .and_then(|m| m.pairs.get(meta::DEPARTMENT))
                .map(String::as_str)
                .filter(|d| !d.trim().is_empty())
                .or(owner);
            run.proposals(g, department, &mut created);
        }
    }
    if !run.problems.is_empty() {
        return Err(run.problems);
    }
    let mut plan = run.session.finish();
    plan.changes.extend(created);
    plan.changes.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Imported {
        plan,
        notes: run.notes,
        observations: run.observations,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::Text(s.to_owned())
    }

    #[test]
    fn numbers_as_offices_write_them() {
        assert_eq!(number(&Value::Number(28.0)).map(|(n, _)| n), Ok(28.0));
        assert_eq!(number(&text("28")).map(|(n, _)| n), Ok(28.0));
        assert_eq!(number(&text("１２．５")).map(|(n, _)| n), Ok(12.5));
        assert_eq!(number(&text("－３")).map(|(n, _)| n), Ok(-3.0));
        assert_eq!(number(&text("1,234")).map(|(n, _)| n), Ok(1234.0));
        assert_eq!(number(&text("12,345.5")).map(|(n, _)| n), Ok(12345.5));
        assert!(matches!(
            number(&text("1,0")),
            Err(ImportProblem::NotNumber { .. })
        ));
        assert!(matches!(
            number(&text("28分")),
            Err(ImportProblem::NotNumber { .. })
        ));
        assert!(matches!(
            number(&text("inf")),
            Err(ImportProblem::NotNumber { .. })
        ));
        assert!(matches!(
            number(&text("1e400")),
            Err(ImportProblem::NotNumber { .. })
        ));
        assert_eq!(
            number(&text("４０％")),
            Err(ImportProblem::Percent {
                text: "４０％".into(),
                number: "40".into()
            })
        );
        assert!(matches!(
            number(&text("28")),
            Ok((_, Some(ImportNote::TextNumber { .. })))
        ));
        assert!(matches!(
            number(&text("２８")),
            Ok((_, Some(ImportNote::FullWidth { .. })))
        ));
    }

    #[test]
    fn dates_as_offices_write_them() {
        let d = jiff::civil::date;
        assert_eq!(date(&text("R8.9.30")).map(|(x, _)| x), Ok(d(2026, 9, 30)));
        assert_eq!(
            date(&text("令和８年９月３０日")).map(|(x, _)| x),
            Ok(d(2026, 9, 30))
        );
        // Serial days of the 1900 system (LibreOffice writes numbers when
        // a date lost its format).
        assert_eq!(
            date(&Value::Number(46295.0)).map(|(x, _)| x),
            Ok(d(2026, 9, 30))
        );
        assert_eq!(serial(61.0), Some(d(1900, 3, 1)));
        assert_eq!(serial(60.0), None);
        assert!(matches!(
            date(&text("来月")),
            Err(ImportProblem::NotDate { .. })
        ));
        assert!(matches!(
            date(&Value::Number(-1.0)),
            Err(ImportProblem::NotDate { .. })
        ));
    }

    #[test]
    fn list_cells_give_their_first_words() {
        assert_eq!(items(&text("P1 DXは利用者目線で、P3")), ["P1", "P3"]);
        assert_eq!(items(&text("K-001, 新1")), ["K-001", "新1"]);
        assert_eq!(items(&text("Ｋ－００１")), ["K-001"]);
        assert!(items(&Value::Empty).is_empty());
    }
}
