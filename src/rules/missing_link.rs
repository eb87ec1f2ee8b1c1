//! `missing-link`: a required link list is empty.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};
use crate::files::Span;

pub(super) const RULE: Rule = Rule {
    id: RuleId::MissingLink,
    ja: DocText {
        summary: "必須のリンクが空です: ビジョン項目のない課題、課題または原則のない手法、手法のない技術。",
        why: "課題解決型DXでは、すべての課題はビジョンとのギャップから導き、すべての手法は課題を解決し5原則に則ります。リンクのないレコードはこの筋道から外れます。",
        fix: "空の配列に ID を書き入れてください(例: vision = [\"kurashi-1\"])。",
    },
    en: DocText {
        summary: "A 課題 with no ビジョン item, a 手法 with no 課題 or no 原則, a 技術 with no 手法.",
        why: "Every 課題 comes from a gap to the ビジョン, every 手法 solves 課題 and follows the 5原則; an unlinked record falls outside that chain.",
        fix: "Put at least one ID in the empty list.",
    },
    example: "vision = []",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for r in &ctx.model.records {
        for (key, list) in r.link_lists() {
            if key.required && list.items.is_empty() {
                let span = list.span.map_or(Span::file_start(r.file), |l| r.span_of(l));
                let message = Message::MissingLink {
                    key: key.key.to_owned(),
                    expected: key.target,
                };
                out.push(Diagnostic::new(RULE.id, span, message).with_record(Some(&r.id)));
            }
        }
    }
}
