//! `duplicate-observation`: two observations of one indicator on one date.

use std::collections::HashSet;

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};

pub(super) const RULE: Rule = Rule {
    id: RuleId::DuplicateObservation,
    ja: DocText {
        summary: "一つの評価指標に、同じ日付の測定が2件以上あります。",
        why: "どちらが現在の値かが書き順で決まってしまい、推移のグラフや評価が読み手の思うものと違ってしまいます。",
        fix: "重複している測定の一方を削除するか、日付を正しく直してください。速報値を確定値に改めたときは、速報の記録を消して確定の一件だけを残します。",
    },
    en: DocText {
        summary: "Two observations of one indicator on one date.",
        why: "Which one is the current value then depends on the order they are written in, and the trend and grade may not be what readers think.",
        fix: "Delete one of them or correct its date. When a preliminary value became final, keep only the final one.",
    },
    example: "[[indicator.observation]]\ndate = 2026-03-31\nvalue = 20.0\n\n[[indicator.observation]]\ndate = 2026-03-31\nvalue = 22.0",
    check: Some(check),
};

/// One finding per repeated date, at each observation after the first.
fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, r) in ctx.model.parsed_records() {
        for ind in r.indicators() {
            if ind.observations.len() < 2 {
                continue;
            }
            let mut seen = HashSet::with_capacity(ind.observations.len());
            for o in &ind.observations {
                let Some(date) = &o.date else { continue };
                if !seen.insert(date.value) {
                    let message = Message::DuplicateObservation {
                        indicator: ind.name().to_owned(),
                        date: date.value.to_string(),
                    };
                    out.push(
                        Diagnostic::new(RULE.id, r.span_of(date.span), message)
                            .with_record(Some(&r.id)),
                    );
                }
            }
        }
    }
}
