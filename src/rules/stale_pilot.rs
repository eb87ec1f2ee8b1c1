//! `stale-pilot`: a pilot past its indicators' target dates with no decision since.

use super::{Context, DocText, Rule, RuleId, at_stage};
use crate::diag::{Diagnostic, Message};

pub(super) const RULE: Rule = Rule {
    id: RuleId::StalePilot,
    ja: DocText {
        summary: "実証実験・先行導入の評価指標の目標日(target_date)がすべて過ぎたのに、その後の意思決定がありません。",
        why: "実証は導入・見送りの判断のために行います。期限を過ぎても判断がないと、実証が惰性で続きます。",
        fix: "結果を作業部会などに報告し、判断(導入・見送り・継続など)を [[decision]] に記録して stage を更新してください。実証を延長する場合は result = \"継続\" の決定と新しい target_date を書きます。",
    },
    en: DocText {
        summary: "A pilot whose indicators' target dates have all passed, with no decision since.",
        why: "Pilots exist to decide; one past its dates with no decision drifts on.",
        fix: "Report the results, record the decision in [[decision]] and update the stage; to extend, record 継続 and set a new target_date.",
    },
    example: "stage = \"実証実験\"\n[[indicator]]\ntarget_date = 2024-03-31   # 過ぎている、その後の decision なし",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    at_stage(ctx, out, RULE.id, |r, stage| {
        let latest = ctx.model.awaiting_decision(r, ctx.today)?;
        Some(Message::StalePilot {
            target_date: latest.to_string(),
            stage,
        })
    });
}
