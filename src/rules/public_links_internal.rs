//! `public-links-internal`: a public record links to an internal one.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};
use crate::model::{Resolution, Thing, Visibility};

pub(super) const RULE: Rule = Rule {
    id: RuleId::PublicLinksInternal,
    ja: DocText {
        summary: "公開のレコードが、庁内限定のレコードにリンクしています。",
        why: "市民向けの公開版では、リンク先が「非公開」としか表示されず、公開した取組のつながりが読めなくなります。",
        fix: "リンク先も公開してよいなら visibility = \"public\" にします。公開できないなら、このレコードを庁内限定にするか、リンクを見直してください。",
    },
    en: DocText {
        summary: "A public record links to an internal one.",
        why: "The public report can only show the link as 非公開 (not public): citizens cannot follow what the published work builds on.",
        fix: "Make the linked record public if it may be, or make this one internal, or review the link.",
    },
    example: "# S-001.toml (visibility = \"public\")\nsolves = [\"K-009\"]   # K-009 は internal",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    for (i, r) in model.records.enumerate() {
        if !r.is_parsed() || r.visibility() != Visibility::Public {
            continue;
        }
        for (_, link, res) in model.distinct_links(i) {
            let Resolution::Found(Thing::Record(t)) = res else {
                continue;
            };
            // A target that could not be read has no visibility to speak
            // of (its parse-error is the finding), not an internal one.
            let target = &model.records[t];
            if target.is_parsed() && target.visibility() == Visibility::Internal {
                let message = Message::PublicLinksInternal {
                    target: link.value.to_string(),
                };
                out.push(
                    Diagnostic::new(RULE.id, r.span_of(link.span), message)
                        .with_record(Some(&r.id)),
                );
            }
        }
    }
}
