//! `retired-reference`: an active record links to a national item that is
//! not in the current edition of the national plan.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};

pub(super) const RULE: Rule = Rule {
    id: RuleId::RetiredReference,
    ja: DocText {
        summary: "取組中の手法・技術の national が、national.toml のいまの版([[edition]] の current)にない国の重点取組事項を指しています。",
        why: "指針は国の自治体DX推進計画に沿って進めます(指針 1.(6)、5.(4))。計画の版が改まると重点取組事項も入れ替わります。古い項目のままでは、国の計画との対応が分からなくなります。",
        fix: "いまの版で引き継いだ項目(replaces)につなぎ直してください。dx mv N3 N7 のように書くと、すべてのレコードのリンクをまとめて書き換えます。",
    },
    en: DocText {
        summary: "An active 手法 or 技術 links to a national item that is not in the current edition of the national plan.",
        why: "The guideline follows the national plan; when the plan moves to a new edition, its priorities change, and old links no longer say which current priority a record serves.",
        fix: "Link the item that takes it over (replaces); dx mv N3 N7 rewrites every record's links at once.",
    },
    example: "# national.toml: 現行版の N7 が replaces = [\"N3\"]\nnational = [\"N3\"]   # 旧版の項目",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    let plan = &model.national_plan;
    let Some(current) = plan.current else { return };
    let edition = &plan.editions[current].version;
    for r in &model.records {
        if r.stage().is_none_or(|s| s.is_retired()) {
            continue;
        }
        let Some(links) = r.national() else { continue };
        for item in &links.items {
            let id = item.value.trim();
            // Unknown IDs are broken-link's; items of the current edition are fine.
            if plan.is_current(id) || model.find(id).is_none() {
                continue;
            }
            let message = Message::RetiredReference {
                id: r.id.to_string(),
                target: id.to_owned(),
                edition: edition.clone(),
                successor: plan.successor(id).map(str::to_owned),
            };
            out.push(
                Diagnostic::new(RULE.id, r.span_of(item.span), message).with_record(Some(&r.id)),
            );
        }
    }
}
