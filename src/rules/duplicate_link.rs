//! `duplicate-link`: one ID twice in one list.

use std::collections::HashSet;

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message, Severity};

pub(super) const RULE: Rule = Rule {
    id: RuleId::DuplicateLink,
    severity: Severity::Warning,
    ja: DocText {
        summary: "一つのリストに同じ ID が2回以上あります。",
        why: "重複は意味を変えませんが、集計する人や読む人を混乱させます。",
        fix: "2回目以降を削除してください。`dx fmt` でも自動で取り除けます。",
    },
    en: DocText {
        summary: "One ID twice in one list.",
        why: "It changes nothing but confuses readers.",
        fix: "Delete the repeat (`dx fmt` does it for you).",
    },
    example: "solves = [\"K-001\", \"K-001\"]",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for r in &ctx.model.records {
        for (_, list) in r.link_lists() {
            let mut seen = HashSet::with_capacity(list.items.len());
            for item in &list.items {
                if !seen.insert(item.value.as_str()) {
                    let message = Message::DuplicateLink {
                        target: item.value.clone(),
                    };
                    out.push(Diagnostic::new(RULE.id, item.span, message).with_record(Some(&r.id)));
                }
            }
        }
    }
}
