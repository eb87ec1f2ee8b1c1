//! `missing-decision`: 導入決定, 見送り or 廃止 with no decision.

use super::{Context, DocText, Rule, RuleId, at_stage};
use crate::diag::{Diagnostic, Message};

pub(super) const RULE: Rule = Rule {
    id: RuleId::MissingDecision,
    ja: DocText {
        summary: "導入決定・見送り・廃止の段階なのに、意思決定の記録([[decision]])がありません。",
        why: "「導入の意思決定」は推進プロセスの一つです。いつ、どの会議体が決めたかが残っていないと、後から経緯をたどれません。",
        fix: "[[decision]] を追加し、date・body(推進本部・幹事会・作業部会など)・result を書いてください。",
    },
    en: DocText {
        summary: "導入決定, 見送り or 廃止 with no [[decision]].",
        why: "The adoption decision is one of the guideline's four processes; without a record nobody can trace who decided what, when.",
        fix: "Add a [[decision]] with date, body and result.",
    },
    example: "stage = \"導入決定\"\n# [[decision]] がない",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    at_stage(ctx, out, RULE.id, |r, stage| {
        (stage.needs_decision() && r.decisions().is_empty())
            .then_some(Message::MissingDecision { stage })
    });
}
