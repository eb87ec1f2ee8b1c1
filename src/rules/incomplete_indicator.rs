//! `incomplete-indicator`: an indicator without target, or an actual without measured.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};

pub(super) const RULE: Rule = Rule {
    id: RuleId::IncompleteIndicator,
    ja: DocText {
        summary: "評価指標に目標値(target)がないか、実績値(actual)に測定日(measured)がありません。",
        why: "目標のない指標では達成度を計算できず、測定日のない実績はいつの値か分からないため、導入・継続の判断に使えません。",
        fix: "target を書いてください(baseline より小さい値なら「小さいほど良い」指標になります)。actual を書くときは measured = 2025-09-30 のように測定日も書きます。",
    },
    en: DocText {
        summary: "An indicator without target, or an actual without measured.",
        why: "Without a target there is no attainment; an actual without a date cannot support a decision.",
        fix: "Add target (below baseline means lower is better); add measured next to actual.",
    },
    example: "[[indicator]]\nname = \"オンライン申請率\"\nactual = 22.0",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for r in &ctx.model.records {
        for ind in r.indicators() {
            let name = ind.name().to_owned();
            if ind.target.is_none() {
                let message = Message::IndicatorWithoutTarget { name: name.clone() };
                out.push(
                    Diagnostic::new(RULE.id, r.span_of(ind.span), message).with_record(Some(&r.id)),
                );
            }
            if let (Some(actual), None) = (&ind.actual, &ind.measured) {
                let message = Message::ActualWithoutMeasured { name };
                out.push(
                    Diagnostic::new(RULE.id, r.span_of(actual.span), message)
                        .with_record(Some(&r.id)),
                );
            }
        }
    }
}
