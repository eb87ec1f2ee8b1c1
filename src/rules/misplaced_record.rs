//! `misplaced-record`: a record outside any 領域, or none of whose links
//! stays in its own 領域.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message, Severity};
use crate::files::Span;
use crate::model::{Kind, Model, Record, Resolution, Thing};

pub(super) const RULE: Rule = Rule {
    id: RuleId::MisplacedRecord,
    severity: Severity::Warning,
    ja: DocText {
        summary: "レコードが領域フォルダの外にあるか、リンク先がすべて別の領域にあります(課題の場合はビジョン項目がすべて別の分野)。",
        why: "指針では課題を「領域」ごとに整理します。置き場所が違うと、領域別の集計や作業部会の担当がずれます。",
        fix: "レコードを domain.toml のあるフォルダ(リンク先と同じ領域)に移してください。横展開で他の領域の課題も解く場合は、少なくとも一つは自分の領域の課題を含めます。",
    },
    en: DocText {
        summary: "A record outside any 領域, or one none of whose links stays in its own 領域 (for a 課題: in its own 分野).",
        why: "The guideline organises 課題 by 領域; a misplaced record is counted under the wrong 領域 and working group.",
        fix: "Move the file into the folder (holding domain.toml) of the 領域 its links belong to.",
    },
    example: "# kurashi/online/S-010.toml\nsolves = [\"K-020\"]   # K-020 は gyosei/naibu にある",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    for r in model.records.iter().filter(|r| r.parsed) {
        let record = Some(r.id.as_str());
        let Some(domain) = r.domain else {
            let d = Diagnostic::new(RULE.id, Span::file_start(r.file), Message::OutsideDomain);
            out.push(d.with_record(record));
            continue;
        };
        let (list, own) = match r.kind {
            Kind::Issue => (
                r.vision.as_ref(),
                r.field.map(|f| model.fields[f].id.clone()),
            ),
            Kind::Method => (r.solves.as_ref(), Some(model.domains[domain].id.clone())),
            Kind::Technology => (
                r.implements.as_ref(),
                Some(model.domains[domain].id.clone()),
            ),
        };
        let (Some(list), Some(own)) = (list, own) else {
            continue;
        };
        let homes: Vec<bool> = list
            .items
            .iter()
            .filter_map(|l| stays_home(model, r, &l.value))
            .collect();
        if !homes.is_empty() && !homes.contains(&true) {
            let span = list.span.unwrap_or(Span::file_start(r.file));
            let d = Diagnostic::new(
                RULE.id,
                span,
                Message::NoLinkInDomain {
                    domain: own,
                    field: r.kind == Kind::Issue,
                },
            );
            out.push(d.with_record(record));
        }
    }
}

/// Whether a link's target lies in the record's own 領域 (分野 for a 課題);
/// `None` when the link does not resolve.
fn stays_home(model: &Model, r: &Record, link: &str) -> Option<bool> {
    let target = match r.kind {
        Kind::Issue => crate::diag::IdKind::Vision,
        Kind::Method => crate::diag::IdKind::Issue,
        Kind::Technology => crate::diag::IdKind::Method,
    };
    match model.resolve(target, link) {
        Resolution::Found(Thing::Vision(field, _)) => Some(r.field == Some(field)),
        Resolution::Found(Thing::Record(t)) => Some(model.records[t].domain == r.domain),
        _ => None,
    }
}
