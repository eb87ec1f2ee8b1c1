//! `wrong-link-kind`: a link to the wrong kind of thing.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};
use crate::model::Resolution;

pub(super) const RULE: Rule = Rule {
    id: RuleId::WrongLinkKind,
    ja: DocText {
        summary: "リンク先の種類が違います(例: solves に手法の ID を書いている)。",
        why: "分野 > 領域 > 課題 > 手法 > 技術 の階層が崩れると、どの課題が解決に向かっているか分からなくなります。",
        fix: "solves には課題(K-)、implements には手法(S-)、vision にはビジョン項目(kurashi-1 など)、principles には原則(P1〜P5)を書きます。手法どうしの横展開は expands を使います。",
    },
    en: DocText {
        summary: "A link to the wrong kind (`solves = [\"S-002\"]`).",
        why: "It breaks the 分野 > 領域 > 課題 > 手法 > 技術 hierarchy that progress is derived from.",
        fix: "solves names 課題 (K-), implements 手法 (S-), vision ビジョン items, principles P1–P5. A 手法 rolling out another uses expands.",
    },
    example: "solves = [\"S-002\"]",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    for (i, r) in model.records.enumerate() {
        for (key, link, res) in model.distinct_links(i) {
            if let Resolution::WrongKind(found) = res {
                let message = Message::WrongLinkKind {
                    target: link.value.to_string(),
                    expected: key.target,
                    found,
                };
                out.push(
                    Diagnostic::new(RULE.id, r.span_of(link.span), message)
                        .with_record(Some(&r.id)),
                );
            }
        }
    }
}
