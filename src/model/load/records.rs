//! Reading a record file into a [`Record`]: its ID from the file name, the
//! header, the part of its kind, and the personal data in its text.

use thin_vec::ThinVec;

use super::super::reader::{Reader, Table};
use super::super::{
    Body, Closed, Decision, Indicator, IssuePart, Kind, MethodPart, Observation, ObservationStatus,
    ObservationTexts, Outcome, Part, Record, Settings, Stage, Team, TeamKind, TechnologyPart,
    Visibility, Work, ids, keys,
};
use crate::diag::RuleId;
use crate::diag::{BadValue, Diagnostic, Message};
use crate::files::{FileId, Span};
use crate::privacy::{self, Allow};

/// The ID and kind a record file's name gives, or the finding that it gives none.
pub(super) fn record_id(rel: &str, settings: &Settings) -> Result<(String, Kind), Message> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let stem = name.strip_suffix(".toml").unwrap_or(name);
    match settings.prefixes.kind_of(stem) {
        Some(kind) => Ok((stem.to_owned(), kind)),
        None => {
            let suggestion = Kind::ALL
                .into_iter()
                .find_map(|k| ids::repair(&settings.prefixes, k.into(), stem));
            Err(Message::FileNameNotId {
                stem: stem.to_owned(),
                suggestion,
            })
        }
    }
}

/// The personal-data findings in one file's text.
pub(super) fn personal_data<'t>(
    text: &'t str,
    file: FileId,
    record: Option<&'t str>,
    allow: &Allow<'_>,
) -> impl Iterator<Item = Diagnostic> + 't {
    privacy::scan(text, allow)
        .into_iter()
        .map(move |(kind, range)| {
            let masked = privacy::mask(&text[range.clone()], kind);
            let message = Message::PersonalData { kind, masked };
            Diagnostic::new(RuleId::PersonalData, Span::new(file, range), message)
                .with_record(record)
        })
}

pub(super) fn read_record(
    r: &mut Reader<'_>,
    root: Table<'_, '_>,
    id: &str,
    kind: Kind,
    file: FileId,
) -> Record {
    r.check_keys(root, keys::record_keys(kind));
    let mut rec = Record::unparsed(id.into(), kind, file);
    rec.id_key = r.string(root, "id", false).map(Box::new);
    rec.title = r.string(root, "title", true);
    rec.owner = r.string(root, "owner", false);
    rec.visibility = r.vocab(
        root,
        "visibility",
        false,
        Visibility::WORDS,
        Visibility::parse,
    );
    rec.tags = r
        .strings(root, "tags", false)
        .map(|l| l.items.into_vec().into())
        .unwrap_or_default();
    // The free texts, from their table, held at their exact size (a
    // hundred thousand records pay for any slack).
    let mut texts: crate::model::texts::Texts = crate::model::texts::of_kind(kind)
        .filter_map(|t| Some((t.fact, r.string(root, t.key(), false)?)))
        .collect();
    texts.shrink_to_fit();
    rec.part = match kind {
        Kind::Issue => Part::Issue(Box::new(IssuePart {
            vision: r.strings(root, "vision", true),
            texts,
            reviewed: r.date(root, "reviewed", false),
            closed: read_closed(r, root),
        })),
        Kind::Method => Part::Method(Box::new(MethodPart {
            solves: r.strings(root, "solves", true),
            principles: r.strings(root, "principles", true),
            considerations: r.strings(root, "considerations", false),
            national: r.strings(root, "national", false),
            expands: r.string(root, "expands", false),
            texts,
            work: read_work(r, root),
        })),
        Kind::Technology => Part::Technology(Box::new(TechnologyPart {
            implements: r.strings(root, "implements", true),
            national: r.strings(root, "national", false),
            texts,
            work: read_work(r, root),
        })),
    };
    rec
}

/// What 手法 and 技術 share: stage, review, team, indicators, decisions.
pub(super) fn read_work(r: &mut Reader<'_>, root: Table<'_, '_>) -> Work {
    let stage = r.vocab(root, "stage", true, Stage::WORDS, Stage::parse);
    let review_due = r.date(root, "review_due", false);
    let team = r.table(root, "team", false).map(|(table, span)| {
        let t = Table::nested(table, &span, "team.");
        r.check_keys(t, keys::TEAM);
        Box::new(Team {
            span: r.loc(span),
            name: r.string(t, "name", true),
            kind: r.vocab(t, "kind", false, TeamKind::WORDS, TeamKind::parse),
            lead: r.string(t, "lead", false),
            departments: r
                .strings(t, "departments", false)
                .map(|l| l.items)
                .unwrap_or_default(),
        })
    });
    let mut indicators = ThinVec::new();
    for (table, span) in r.tables(root, "indicator") {
        let t = Table::nested(table, &span, "indicator.");
        r.check_keys(t, keys::INDICATOR);
        indicators.push(read_indicator(r, t, span));
    }
    let mut decisions = ThinVec::new();
    for (table, span) in r.tables(root, "decision") {
        let t = Table::nested(table, &span, "decision.");
        r.check_keys(t, keys::DECISION);
        let date = r.date(t, "date", true);
        let body = r.vocab(t, "body", true, Body::WORDS, Body::parse);
        let result = r.vocab(t, "result", true, Outcome::WORDS, Outcome::parse);
        // 付議 names the body it goes up to.
        let referred = result.as_ref().is_some_and(|o| o.value == Outcome::Refer);
        decisions.push(Decision {
            span: r.loc(span),
            date,
            body,
            result,
            to: r.vocab(t, "to", referred, Body::WORDS, Body::parse),
            note: r.string(t, "note", false),
        });
    }
    // Exact: pushing leaves room for four, and a hundred thousand records keep them.
    indicators.shrink_to_fit();
    decisions.shrink_to_fit();
    Work {
        stage,
        review_due,
        team,
        indicators,
        decisions,
    }
}

fn read_indicator(r: &mut Reader<'_>, t: Table<'_, '_>, span: std::ops::Range<usize>) -> Indicator {
    let actual = r.number(t, "actual");
    let measured = r.date(t, "measured", false);
    let mut observations = ThinVec::new();
    for (table, span) in r.tables(t, "observation") {
        let o = Table::nested(table, &span, "indicator.observation.");
        r.check_keys(o, keys::OBSERVATION);
        let status = r.vocab(
            o,
            "status",
            false,
            ObservationStatus::WORDS,
            ObservationStatus::parse,
        );
        let status = status.map_or(ObservationStatus::Final, |s| s.value);
        let value = r.number(o, "value");
        match (&value, status) {
            (Some(v), ObservationStatus::Unmeasurable) => r.push(
                RuleId::InvalidValue,
                v.span.range(),
                Message::BadValue {
                    key: "indicator.observation.value".into(),
                    value: v.value.to_string(),
                    why: BadValue::ValueWhenUnmeasurable,
                },
            ),
            (None, s) if s != ObservationStatus::Unmeasurable && !o.table.contains_key("value") => {
                r.push(
                    RuleId::MissingKey,
                    span.start..span.start + 1,
                    Message::MissingKey {
                        key: "indicator.observation.value".into(),
                    },
                );
            }
            _ => {}
        }
        observations.push(Observation {
            span: r.loc(span),
            date: r.date(o, "date", true),
            value,
            status,
            from_actual: false,
            texts: {
                let (source, note) = (r.string(o, "source", false), r.string(o, "note", false));
                (source.is_some() || note.is_some())
                    .then(|| Box::new(ObservationTexts { source, note }))
            },
        });
    }
    if let Some(a) = &actual {
        if observations.is_empty() {
            // The first edition's one measurement: a 確定 observation.
            observations.push(Observation {
                span: a.span,
                date: measured.clone(),
                value: Some(a.clone()),
                status: ObservationStatus::Final,
                from_actual: true,
                texts: None,
            });
        } else {
            r.push(
                RuleId::InvalidValue,
                a.span.range(),
                Message::BadValue {
                    key: "indicator.actual".into(),
                    value: a.value.to_string(),
                    why: BadValue::ActualWithObservations,
                },
            );
        }
    }
    observations.shrink_to_fit();
    Indicator {
        span: r.loc(span),
        name: r.string(t, "name", true),
        unit: r.string(t, "unit", false),
        baseline: r.number(t, "baseline"),
        baseline_date: r.date(t, "baseline_date", false),
        target: r.number(t, "target"),
        target_date: r.date(t, "target_date", false),
        actual,
        measured,
        observations,
    }
}

pub(super) fn read_closed(r: &mut Reader<'_>, root: Table<'_, '_>) -> Option<Closed> {
    let (table, span) = r.table(root, "closed", false)?;
    let t = Table::nested(table, &span, "closed.");
    r.check_keys(t, keys::CLOSED);
    Some(Closed {
        span: r.loc(span),
        date: r.date(t, "date", true),
        reason: r.string(t, "reason", true),
    })
}
