//! `broken-link`: a link to an ID that does not exist.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};
use crate::model::Resolution;

pub(super) const RULE: Rule = Rule {
    id: RuleId::BrokenLink,
    ja: DocText {
        summary: "リンク先の ID が存在しません。",
        why: "切れたリンクがあると、課題の進捗やビジョンのカバー状況が実際より悪く(または良く)集計されます。",
        fix: "表示された近い ID に直すか、リンク先のレコードを作成してください(`dx new`)。ID を変更・削除したときは、リンクしている側も直します。",
    },
    en: DocText {
        summary: "A link to an ID that does not exist.",
        why: "A broken link makes progress and ビジョン coverage wrong.",
        fix: "Use the suggested nearest ID, or create the record. When an ID is renamed or deleted, fix the links to it.",
    },
    example: "solves = [\"K-009\"]   # K-009 がない",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    check_meetings(ctx, out);
    check_headline(ctx, out);
    let model = ctx.model;
    for (i, r) in model.records.enumerate() {
        for (key, link, res) in model.distinct_links(i) {
            if res != Resolution::Missing {
                continue;
            }
            let message = Message::BrokenLink {
                target: link.value.to_string(),
                expected: key.target,
                suggestion: model.nearest_id(key.target, &link.value),
            };
            out.push(
                Diagnostic::new(RULE.id, r.span_of(link.span), message).with_record(Some(&r.id)),
            );
        }
    }
}

/// dx.toml `[report] headline`: each entry a record's indicator.
fn check_headline(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    for (entry, span) in &model.settings.headline {
        let (id, name) = crate::model::settings::headline_parts(entry);
        let message = match model.record(id) {
            None => Message::Headline {
                entry: entry.to_string(),
                known: None,
                suggestion: model.nearest_id(crate::diag::IdKind::Method, id),
            },
            Some(r) if r.indicator_named(name).is_none() => Message::Headline {
                entry: entry.to_string(),
                known: Some(r.indicators().iter().map(|i| i.name().to_owned()).collect()),
                suggestion: None,
            },
            Some(_) => continue,
        };
        out.push(Diagnostic::new(RULE.id, *span, message));
    }
}

/// A meeting file's entries: the record must exist, be a 手法 or 技術, and
/// have the indicator a measurement names.
pub(super) fn check_meetings(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    for m in &model.meetings {
        if let Some(f) = &m.field
            && !model.fields.iter().any(|x| x.id == f.value.as_str())
        {
            let suggestion =
                crate::suggest::nearest(&f.value, model.fields.iter().map(|x| x.id.as_str()))
                    .map(str::to_owned);
            let message = Message::MeetingField {
                target: f.value.to_string(),
                suggestion,
            };
            out.push(Diagnostic::new(RULE.id, f.span.in_file(m.file), message));
        }
        // A [[review]] may name a 課題: its 課題の整理 done again (§7.4).
        let items = m
            .decisions
            .iter()
            .map(|i| (i, false))
            .chain(m.reviews.iter().map(|i| (i, true)))
            .chain(m.measurements.iter().map(|i| (i, false)));
        for (item, issue_allowed) in items {
            let Some(id) = &item.record else { continue };
            let span = id.span.in_file(m.file);
            let Some(r) = model.record(&id.value) else {
                let message = Message::MeetingRecord {
                    target: id.value.to_string(),
                    suggestion: model.nearest_id(crate::diag::IdKind::Method, &id.value),
                };
                out.push(Diagnostic::new(RULE.id, span, message));
                continue;
            };
            if r.kind == crate::model::Kind::Issue && !issue_allowed {
                let message = Message::MeetingIssue {
                    target: id.value.to_string(),
                };
                out.push(Diagnostic::new(RuleId::WrongLinkKind, span, message));
                continue;
            }
            if let Some(name) = &item.indicator
                && r.indicator_named(&name.value).is_none()
            {
                let message = Message::MeetingIndicator {
                    record: id.value.to_string(),
                    indicator: name.value.to_string(),
                    known: r.indicators().iter().map(|i| i.name().to_owned()).collect(),
                };
                out.push(Diagnostic::new(RULE.id, name.span.in_file(m.file), message));
            }
        }
    }
}
