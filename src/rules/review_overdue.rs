//! `review-overdue`: 運用 with review_due before today, or no review_due.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};
use crate::model::Stage;

pub(super) const RULE: Rule = Rule {
    id: RuleId::ReviewOverdue,
    ja: DocText {
        summary: "運用中の手法・技術の定期的な見直しの期限(review_due)が過ぎているか、期限が書かれていません。",
        why: "「定期的な見直し」は推進プロセスの4つ目です。見直されない取組は、効果がなくなっても続いてしまいます。",
        fix: "評価指標の実績を更新して見直しを行い、[[decision]](result = \"継続\"・\"改善\"・\"廃止\" など)を記録して、次の review_due を書いてください(間隔の目安は dx.toml の review.interval_months)。",
    },
    en: DocText {
        summary: "運用 with review_due before today, or no review_due.",
        why: "Periodic review is the guideline's fourth process; what is never reviewed goes on after it stops helping.",
        fix: "Review it, record the [[decision]], and set the next review_due (dx.toml review.interval_months suggests the gap).",
    },
    example: "stage = \"運用\"\nreview_due = 2024-03-31",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for r in &ctx.model.records {
        let Some(stage) = r.stage_sp() else { continue };
        if stage.value != Stage::Operation {
            continue;
        }
        let (span, message) = match r.review_due() {
            None => (stage.span, Message::ReviewMissing),
            Some(due) if due.value < ctx.today => (
                due.span,
                Message::ReviewOverdue {
                    due: due.value.to_string(),
                    today: ctx.today.to_string(),
                },
            ),
            Some(_) => continue,
        };
        out.push(Diagnostic::new(RULE.id, r.span_of(span), message).with_record(Some(&r.id)));
    }
}
