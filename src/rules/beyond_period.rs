//! `beyond-period`: a target_date or review_due after the guideline's period.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};

pub(super) const RULE: Rule = Rule {
    id: RuleId::BeyondPeriod,
    ja: DocText {
        summary: "目標日(target_date)や見直し期限(review_due)が、指針の期間(dx.toml の tree.period_end)より後です。",
        why: "指針の期間は令和10年度末までです。期間の外の日付は、指針の改定や次期計画で扱う必要があります。",
        fix: "期間内の日付にするか、指針の改定に合わせて dx.toml の period_end を更新してください。",
    },
    en: DocText {
        summary: "A target_date or review_due after the guideline's period_end.",
        why: "The guideline runs to the end of 令和10年度; later dates belong to its revision or the next plan.",
        fix: "Use a date within the period, or update period_end when the guideline is revised.",
    },
    example: "review_due = 2030-03-31   # period_end = 2029-03-31",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(end) = ctx.model.settings.period_end else {
        return;
    };
    for r in &ctx.model.records {
        let dates = r
            .indicators()
            .iter()
            .filter_map(|i| i.target_date.as_ref().map(|d| ("target_date", d)))
            .chain(r.review_due().map(|d| ("review_due", d)));
        for (key, date) in dates {
            if date.value > end {
                let message = Message::BeyondPeriod {
                    key: key.to_owned(),
                    date: date.value.to_string(),
                    period_end: end.to_string(),
                };
                out.push(
                    Diagnostic::new(RULE.id, r.span_of(date.span), message)
                        .with_record(Some(&r.id)),
                );
            }
        }
    }
}
