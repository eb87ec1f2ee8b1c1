//! `misplaced-record`: a record outside any 領域, or none of whose links
//! stays in its own 領域.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};
use crate::files::Span;
use crate::model::{Kind, Model, Record, Resolution, Thing};
use crate::names::Relation;

pub(super) const RULE: Rule = Rule {
    id: RuleId::MisplacedRecord,
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
    for (i, r) in model.parsed_records() {
        let record = Some(r.id.as_str());
        let Some(domain) = r.domain else {
            let d = Diagnostic::new(RULE.id, Span::file_start(r.file), Message::OutsideDomain);
            out.push(d.with_record(record));
            continue;
        };
        let (key, own) = match r.kind {
            Kind::Issue => (
                Relation::Vision,
                r.field.map(|f| model.fields[f].id.as_str()),
            ),
            Kind::Method => (Relation::Solves, Some(model.domains[domain].id.as_str())),
            Kind::Technology => (
                Relation::Implements,
                Some(model.domains[domain].id.as_str()),
            ),
        };
        let Some(own) = own else { continue };
        let mut homes = model
            .resolved_links(i)
            .filter(|(k, _, _)| k.relation == key)
            .filter_map(|(_, _, res)| stays_home(model, r, res))
            .peekable();
        if homes.peek().is_none() || homes.any(|home| home) {
            continue;
        }
        let span = r
            .link_lists()
            .find(|(k, _)| k.relation == key)
            .and_then(|(_, l)| l.span)
            .map_or(Span::file_start(r.file), |l| r.span_of(l));
        let message = Message::NoLinkInDomain {
            domain: own.to_owned(),
            field: r.kind == Kind::Issue,
        };
        out.push(Diagnostic::new(RULE.id, span, message).with_record(record));
    }
}

/// Whether a resolved link's target lies in the record's own 領域 (分野 for
/// a 課題); `None` when the link does not resolve.
fn stays_home(model: &Model, r: &Record, res: Resolution) -> Option<bool> {
    match res {
        Resolution::Found(Thing::Vision(field, _)) => Some(r.field == Some(field)),
        Resolution::Found(Thing::Record(t)) => Some(model.records[t].domain == r.domain),
        _ => None,
    }
}
