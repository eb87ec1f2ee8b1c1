//! `future-date`: a decision or observation dated after today.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{DatedEntry, Diagnostic, Message};
use crate::files::Sp;

pub(super) const RULE: Rule = Rule {
    id: RuleId::FutureDate,
    ja: DocText {
        summary: "意思決定または測定の日付が今日より後です。",
        why: "記録はすでに起きたことを書くものです。未来の日付は打ち間違い(年の誤りなど)であることが多く、年度ごとの集計や評価を狂わせます。",
        fix: "日付を正しく直してください。会議の予定は意思決定としてではなく、`review_due` や議題として書きます。",
    },
    en: DocText {
        summary: "A decision or observation dated after today.",
        why: "Records say what has happened. A future date is usually a typo (the wrong year) and skews the yearly counts and the grades.",
        fix: "Correct the date. A meeting still to come is a `review_due` or an agenda item, not a decision.",
    },
    example: "[[decision]]\ndate = 2099-04-01\nbody = \"推進本部\"\nresult = \"導入\"",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let today = ctx.today;
    for (_, r) in ctx.model.parsed_records() {
        let mut flag = |what, date: &Sp<jiff::civil::Date>| {
            if date.value > today {
                let message = Message::FutureDate {
                    what,
                    date: date.value.to_string(),
                    today: today.to_string(),
                };
                out.push(
                    Diagnostic::new(RULE.id, r.span_of(date.span), message)
                        .with_record(Some(&r.id)),
                );
            }
        };
        for d in r.decisions() {
            if let Some(date) = &d.date {
                flag(DatedEntry::Decision, date);
            }
        }
        for ind in r.indicators() {
            for o in ind.observations.iter().filter(|o| !o.from_actual) {
                if let Some(date) = &o.date {
                    flag(DatedEntry::Observation, date);
                }
            }
        }
    }
}
