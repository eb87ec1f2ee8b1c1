//! Reading dx.toml and the reference files: principles.toml, national.toml,
//! field.toml and domain.toml.

use super::super::reader::{Reader, Table};
use super::super::{Kind, Level, Reference, Settings, VisionItem, ids, keys};
use super::*;
use crate::calendar::DateStyle;
use crate::diag::RuleId;
use crate::diag::{BadValue, Diagnostic, IdKind, Message};

pub(super) fn read_settings(r: &mut Reader<'_>, root: Table<'_, '_>) -> Settings {
    let mut s = Settings::default();
    r.check_keys(root, keys::SETTINGS);
    if let Some((t, span)) = r.table(root, "tree", false) {
        let t = Table::nested(t, &span, "tree.");
        r.check_keys(t, keys::SETTINGS_TREE);
        s.organization = r.string(t, "organization", false).map(|v| v.value.into());
        s.guideline = r.string(t, "guideline", false).map(|v| v.value.into());
        s.guideline_version = r
            .string(t, "guideline_version", false)
            .map(|v| v.value.into());
        s.period_start = r.date(t, "period_start", false).map(|v| v.value);
        let end = r.date(t, "period_end", false);
        if let (Some(start), Some(end)) = (s.period_start, &end)
            && end.value < start
        {
            r.diags.push(Diagnostic::new(
                RuleId::InvalidValue,
                r.at(end.span),
                Message::BadValue {
                    key: "tree.period_end".into(),
                    value: end.value.to_string(),
                    why: BadValue::PeriodOrder,
                },
            ));
        }
        s.period_end = end.map(|v| v.value);
        s.secretariat = r.string(t, "secretariat", false).map(|v| v.value.into());
        if let Some(code) = r.string(t, "lg_code", false) {
            match crate::model::settings::check_lg_code(&code.value) {
                Ok(value) => s.lg_code = Some(value),
                Err(expected) => r.diags.push(Diagnostic::new(
                    RuleId::InvalidValue,
                    r.at(code.span),
                    Message::LgCode {
                        value: code.value.trim().to_owned(),
                        expected,
                    },
                )),
            }
        }
    }
    if let Some((t, span)) = r.table(root, "review", false) {
        let t = Table::nested(t, &span, "review.");
        r.check_keys(t, keys::SETTINGS_REVIEW);
        if let Some(n) = r.positive_integer(t, "interval_months", false) {
            s.review_interval_months = n.value;
        }
    }
    if let Some((t, span)) = r.table(root, "ids", false) {
        read_prefixes(r, Table::nested(t, &span, "ids."), &mut s);
    }
    if let Some((t, span)) = r.table(root, "rules", false) {
        read_rule_levels(r, Table::nested(t, &span, "rules."), &mut s);
    }
    if let Some((t, span)) = r.table(root, "grades", false) {
        read_grades(r, Table::nested(t, &span, "grades."), &mut s);
    }
    if let Some((t, span)) = r.table(root, "display", false) {
        let t = Table::nested(t, &span, "display.");
        r.check_keys(t, keys::SETTINGS_DISPLAY);
        if let Some(style) = r.vocab(t, "dates", false, DateStyle::WORDS, DateStyle::parse) {
            s.dates = style.value;
        }
    }
    if let Some((t, span)) = r.table(root, "organization", false) {
        let t = Table::nested(t, &span, "organization.");
        r.check_keys(t, keys::SETTINGS_ORGANIZATION);
        if let Some(list) = r.strings(t, "departments", false) {
            s.departments = list
                .items
                .into_iter()
                .map(|d| d.value.trim().to_owned())
                .filter(|d| !d.is_empty())
                .collect();
        }
    }
    for (t, span) in r.tables(root, "revision") {
        let t = Table::nested(t, &span, "revision.");
        r.check_keys(t, keys::SETTINGS_REVISION);
        s.revisions.push(crate::model::settings::Revision {
            version: r
                .string(t, "version", true)
                .map(|v| v.value.trim().to_owned())
                .unwrap_or_default(),
            date: r.date(t, "date", true).map(|v| v.value),
            summary: r
                .string(t, "summary", false)
                .map(|v| v.value.to_string())
                .unwrap_or_default(),
            changed: r
                .strings(t, "changed", false)
                .map(|l| {
                    l.items
                        .into_iter()
                        .map(|i| i.value.trim().to_owned())
                        .collect()
                })
                .unwrap_or_default(),
        });
    }
    if let Some((t, span)) = r.table(root, "contact", false) {
        let t = Table::nested(t, &span, "contact.");
        r.check_keys(t, keys::SETTINGS_CONTACT);
        let mut get = |key| r.string(t, key, false).map(|v| v.value.trim().to_owned());
        s.contact.name = get("name");
        s.contact.phone = get("phone");
        s.contact.email = get("email");
    }
    if let Some((t, span)) = r.table(root, "accessibility", false) {
        let t = Table::nested(t, &span, "accessibility.");
        r.check_keys(t, keys::SETTINGS_ACCESSIBILITY);
        let a = &mut s.accessibility;
        a.declared = r.date(t, "declared", false).map(|v| v.value);
        a.tested = r.date(t, "tested", false).map(|v| v.value);
        a.level = r
            .vocab(
                t,
                "level",
                false,
                crate::vocab::Conformance::WORDS,
                crate::vocab::Conformance::parse,
            )
            .map(|v| v.value);
        let mut get = |key| r.string(t, key, false).map(|v| v.value.trim().to_owned());
        a.scope = get("scope");
        a.pages = get("pages");
        a.contact = get("contact");
        if let Some(list) = r.strings(t, "exceptions", false) {
            a.exceptions = list
                .items
                .into_iter()
                .map(|i| i.value.trim().to_owned())
                .collect();
        }
    }
    if let Some((t, span)) = r.table(root, "report", false) {
        let t = Table::nested(t, &span, "report.");
        r.check_keys(t, keys::SETTINGS_REPORT);
        if let Some(list) = r.strings(t, "headline", false) {
            s.headline = list
                .items
                .into_iter()
                .map(|i| (i.value, r.at(i.span)))
                .collect();
        }
    }
    if let Some((t, span)) = r.table(root, "privacy", false) {
        let t = Table::nested(t, &span, "privacy.");
        r.check_keys(t, keys::SETTINGS_PRIVACY);
        if let Some(list) = r.strings(t, "allowed_email_domains", false) {
            s.allowed_email_domains = list
                .items
                .into_iter()
                .map(|d| d.value.to_ascii_lowercase().into())
                .collect();
        }
        if let Some(list) = r.strings(t, "allowed_phone_numbers", false) {
            s.allowed_phone_numbers = list.items.into_iter().map(|p| p.value.into()).collect();
        }
    }
    s
}

/// `[grades]`: thresholds that are positive with A's at least B's, and
/// labels that are not empty.
fn read_grades(r: &mut Reader<'_>, t: Table<'_, '_>, s: &mut Settings) {
    r.check_keys(t, keys::SETTINGS_GRADES);
    let a = r.number(t, "a_pace");
    let b = r.number(t, "b_pace");
    let a_value = a.as_ref().map_or(s.grades.a_pace, |v| v.value);
    let b_value = b.as_ref().map_or(s.grades.b_pace, |v| v.value);
    let bad = [("a_pace", &a), ("b_pace", &b)]
        .into_iter()
        .filter_map(|(key, v)| v.as_ref().map(|v| (key, v)))
        .find(|(_, v)| v.value <= 0.0 || a_value < b_value);
    if let Some((key, v)) = bad {
        r.diags.push(Diagnostic::new(
            RuleId::InvalidValue,
            r.at(v.span),
            Message::BadValue {
                key: format!("grades.{key}"),
                value: v.value.to_string(),
                why: BadValue::GradeThreshold,
            },
        ));
    } else {
        s.grades.a_pace = a_value;
        s.grades.b_pace = b_value;
    }
    if let Some(months) = r.positive_integer(t, "max_age_months", false) {
        s.grades.max_age_months = months.value;
    }
    if let Some((labels, span)) = r.table(t, "labels", false) {
        let l = Table::nested(labels, &span, "grades.labels.");
        r.check_keys(l, keys::SETTINGS_GRADE_LABELS);
        for (i, key) in keys::SETTINGS_GRADE_LABELS.iter().enumerate() {
            if let Some(label) = r.string(l, key, false) {
                s.grades.labels[i] = Some(label.value.into());
            }
        }
    }
}

pub(super) fn read_prefixes(r: &mut Reader<'_>, t: Table<'_, '_>, s: &mut Settings) {
    r.check_keys(t, keys::SETTINGS_IDS);
    for kind in Kind::ALL {
        let key = keys::SETTINGS_IDS[kind as usize];
        let Some(p) = r.string(t, key, false) else {
            continue;
        };
        let valid = !p.value.is_empty() && p.value.bytes().all(|b| b.is_ascii_uppercase());
        let clash = Kind::ALL
            .into_iter()
            .filter(|&k| k != kind)
            .any(|k| s.prefixes.of(k) == p.value);
        let why = match (valid, clash) {
            (false, _) => BadValue::Prefix,
            (true, true) => BadValue::PrefixClash,
            (true, false) => {
                *prefix_mut(&mut s.prefixes, kind) = p.value.into();
                continue;
            }
        };
        r.diags.push(Diagnostic::new(
            RuleId::InvalidValue,
            r.at(p.span),
            Message::BadValue {
                key: format!("ids.{key}"),
                value: p.value.into(),
                why,
            },
        ));
    }
}

pub(super) fn prefix_mut(p: &mut super::super::Prefixes, kind: Kind) -> &mut String {
    match kind {
        Kind::Issue => &mut p.issue,
        Kind::Method => &mut p.method,
        Kind::Technology => &mut p.technology,
    }
}

pub(super) fn read_rule_levels(r: &mut Reader<'_>, t: Table<'_, '_>, s: &mut Settings) {
    for (key, _) in t.table {
        let name: &str = key.get_ref();
        let Some(rule) = RuleId::from_slug(name) else {
            let suggestion = crate::suggest::nearest(name, RuleId::ALL.iter().map(|r| r.slug()))
                .map(str::to_owned);
            r.push(
                RuleId::UnknownKey,
                key.span(),
                Message::UnknownKey {
                    key: format!("rules.{name}"),
                    suggestion,
                },
            );
            continue;
        };
        if let Some(level) = r.vocab(t, name, false, Level::WORDS, Level::parse) {
            s.rules.insert(rule, level.value);
        }
    }
}

pub(super) fn read_references(
    r: &mut Reader<'_>,
    root: Table<'_, '_>,
    key: &str,
    kind: IdKind,
) -> Vec<Reference> {
    let prefix = format!("{key}.");
    let mut out = Vec::new();
    for (table, span) in r.tables(root, key) {
        let t = Table::nested(table, &span, &prefix);
        r.check_keys(t, keys::REFERENCE);
        let id = r.string(t, "id", true);
        let title = r.string(t, "title", true);
        let Some(id) = id else { continue };
        if !ids::is_well_formed(&Default::default(), kind, &id.value) {
            r.diags.push(Diagnostic::new(
                RuleId::IdFormat,
                r.at(id.span),
                Message::IdFormat {
                    suggestion: ids::repair(&Default::default(), kind, &id.value),
                    value: id.value.into(),
                    expected: kind,
                },
            ));
            continue;
        }
        out.push(Reference {
            id,
            title: title.map(|t| t.value.into()).unwrap_or_default(),
        });
    }
    out
}

pub(super) fn read_principles(r: &mut Reader<'_>, root: Table<'_, '_>) -> Content {
    r.check_keys(root, keys::PRINCIPLES);
    Content::Principles(Box::new((
        read_references(r, root, "principle", IdKind::Principle),
        read_references(r, root, "consideration", IdKind::Consideration),
    )))
}

pub(super) fn read_national(r: &mut Reader<'_>, root: Table<'_, '_>) -> Content {
    r.check_keys(root, keys::NATIONAL);
    let source = r.string(root, "source", false).map(|s| s.value.into());
    // The first edition's form: one flat list.
    let mut items = read_references(r, root, "priority", IdKind::National);
    let mut plan = crate::model::NationalPlan::default();
    let mut marked = None;
    for (table, span) in r.tables(root, "edition") {
        let t = Table::nested(table, &span, "edition.");
        r.check_keys(t, keys::EDITION);
        let mut edition = crate::model::Edition {
            version: r
                .string(t, "version", true)
                .map(|v| v.value.trim().to_owned())
                .unwrap_or_default(),
            date: r.date(t, "date", true).map(|d| d.value),
            items: Vec::new(),
        };
        if r.boolean(t, "current").is_some_and(|c| c.value) {
            marked = Some(plan.editions.len());
        }
        for (p, pspan) in r.tables(t, "priority") {
            let pt = Table::nested(p, &pspan, "edition.priority.");
            r.check_keys(pt, keys::EDITION_PRIORITY);
            let Some(id) = r.string(pt, "id", true) else {
                continue;
            };
            let title = r.string(pt, "title", true);
            if !ids::is_well_formed(&Default::default(), IdKind::National, &id.value) {
                r.diags.push(Diagnostic::new(
                    RuleId::IdFormat,
                    r.at(id.span),
                    Message::IdFormat {
                        suggestion: ids::repair(&Default::default(), IdKind::National, &id.value),
                        value: id.value.into(),
                        expected: IdKind::National,
                    },
                ));
                continue;
            }
            if let Some(old) = r.strings(pt, "replaces", false) {
                for o in old.items {
                    plan.replaced_by
                        .insert(o.value.trim().to_owned(), id.value.to_string());
                }
            }
            edition.items.push(id.value.to_string());
            let title: String = title.map(|t| t.value.into()).unwrap_or_default();
            // An item in several editions is one reference, titled as its
            // latest edition words it.
            match items.iter_mut().find(|x| x.id.value == id.value) {
                Some(known) => known.title = title,
                None => items.push(Reference { id, title }),
            }
        }
        plan.editions.push(edition);
    }
    // The edition marked current, else the latest.
    plan.current =
        marked.or_else(|| (0..plan.editions.len()).max_by_key(|&i| plan.editions[i].date));
    Content::National(Box::new((source, items, plan)))
}

pub(super) fn read_field(r: &mut Reader<'_>, root: Table<'_, '_>, rel: &str) -> Content {
    r.check_keys(root, keys::FIELD);
    let name = r
        .string(root, "name", true)
        .map(|s| s.value.into())
        .unwrap_or_default();
    let working_group = r
        .string(root, "working_group", false)
        .map(|s| s.value.into());
    let field_id = parent_dir(rel).rsplit('/').next().unwrap_or_default();
    let mut vision: Vec<VisionItem> = Vec::new();
    for (table, span) in r.tables(root, "vision") {
        let t = Table::nested(table, &span, "vision.");
        r.check_keys(t, keys::VISION);
        let no = r.positive_integer(t, "no", true);
        let text = r.string(t, "text", true);
        let Some(no) = no else { continue };
        if vision.iter().any(|v| v.no == no.value) {
            r.diags.push(Diagnostic::new(
                RuleId::InvalidValue,
                r.at(no.span),
                Message::BadValue {
                    key: "vision.no".into(),
                    value: no.value.to_string(),
                    why: BadValue::DuplicateVisionNo,
                },
            ));
            continue;
        }
        vision.push(VisionItem {
            id: format!("{field_id}-{}", no.value),
            no: no.value,
            text: text.map(|t| t.value.into()).unwrap_or_default(),
            span: r.at(no.span),
        });
    }
    vision.sort_by_key(|v| v.no);
    Content::Field(Box::new(FieldFile {
        name,
        working_group,
        vision,
    }))
}

pub(super) fn read_domain(r: &mut Reader<'_>, root: Table<'_, '_>) -> Content {
    r.check_keys(root, keys::DOMAIN);
    Content::Domain(Box::new(DomainFile {
        name: r
            .string(root, "name", true)
            .map(|s| s.value.into())
            .unwrap_or_default(),
        description: r.string(root, "description", false).map(|s| s.value.into()),
    }))
}
