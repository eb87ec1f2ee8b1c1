//! `duplicate-link`: one ID twice in one list.

use std::collections::HashMap;

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};

pub(super) const RULE: Rule = Rule {
    id: RuleId::DuplicateLink,
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

/// One finding per repeated ID, on its second occurrence, with the count:
/// a list pasted ten thousand times is one mistake, not ten thousand.
fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (i, r) in ctx.model.records.enumerate() {
        if !ctx.model.has_repeats(i) {
            continue;
        }
        for (_, list) in r.link_lists() {
            let mut seen: HashMap<&str, (usize, Option<crate::files::Span>)> =
                HashMap::with_capacity(list.items.len());
            let mut order = Vec::new();
            for item in &list.items {
                let entry = seen.entry(item.value.as_str()).or_insert_with(|| {
                    order.push(item.value.as_str());
                    (0, None)
                });
                entry.0 += 1;
                if entry.0 == 2 {
                    entry.1 = Some(r.span_of(item.span));
                }
            }
            for id in order {
                if let Some(&(count, Some(span))) = seen.get(id) {
                    let message = Message::DuplicateLink {
                        target: id.to_owned(),
                        count,
                    };
                    out.push(Diagnostic::new(RULE.id, span, message).with_record(Some(&r.id)));
                }
            }
        }
    }
}
