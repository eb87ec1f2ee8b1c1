//! `link-to-retired`: an active 手法/技術 linked to a retired parent or a
//! closed 課題.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message, Retired};
use crate::model::{Kind, Resolution, Stage, Thing};
use crate::names::Relation;

pub(super) const RULE: Rule = Rule {
    id: RuleId::LinkToRetired,
    ja: DocText {
        summary: "進行中の手法・技術が、見送り・廃止になった手法や、解消済みの課題にリンクしています。",
        why: "親が止まっているのに子の取組が続いていると、不要な作業や費用が発生しているおそれがあります。",
        fix: "手法・技術の段階を見直す(見送り・廃止にする)か、リンク先を現在の手法・課題に付け替えてください。運用中の手法が解消済みの課題を指すのは正常なので検出しません。",
    },
    en: DocText {
        summary: "An active 手法/技術 linked to a rejected or retired 手法, or a 手法 still in progress linked to a closed 課題.",
        why: "Work that goes on under a stopped parent may be wasted effort or cost.",
        fix: "Review the stage (見送り or 廃止), or relink to the current 手法 or 課題. A 手法 in 運用 solving a closed 課題 is normal and not reported.",
    },
    example: "# G-003.toml (stage = \"運用\")\nimplements = [\"S-004\"]   # S-004 は廃止",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    for (i, r) in model.records.enumerate() {
        let Some(stage) = r.stage() else { continue };
        if stage.is_retired() {
            continue;
        }
        let key = match r.kind {
            Kind::Technology => Relation::Implements,
            // The work is done once the 手法 is in operation: the 課題 it
            // solved being closed is the expected result.
            Kind::Method if stage != Stage::Operation => Relation::Solves,
            _ => continue,
        };
        for (k, link, res) in model.distinct_links(i) {
            let (true, Resolution::Found(Thing::Record(p))) = (k.relation == key, res) else {
                continue;
            };
            let p = &model.records[p];
            let why = match (p.closed().is_some(), p.stage()) {
                (true, _) => Retired::Closed,
                (false, Some(s)) if s.is_retired() => Retired::Stage(s),
                _ => continue,
            };
            let message = Message::LinkToRetired {
                target: link.value.to_string(),
                why,
            };
            out.push(
                Diagnostic::new(RULE.id, r.span_of(link.span), message).with_record(Some(&r.id)),
            );
        }
    }
}
