//! `missing-team`: a pilot with no team.

use super::{Context, DocText, Rule, RuleId, at_stage};
use crate::diag::{Diagnostic, Message};

pub(super) const RULE: Rule = Rule {
    id: RuleId::MissingTeam,
    ja: DocText {
        summary: "実証実験・先行導入の段階なのに、担当する検討チームまたはタスクフォース([team])がありません。",
        why: "指針では、作業部会が手法ごとに検討チームを設置し、実証実験や初期導入を行います。担い手が分からない実証は止まりがちです。",
        fix: "[team] を追加し、name・kind(検討チーム/タスクフォース)・lead(役職)・departments を書いてください。lead には個人名ではなく役職を書きます。",
    },
    en: DocText {
        summary: "実証実験 or 先行導入 with no [team].",
        why: "The guideline has a 検討チーム (or タスクフォース) carry each pilot; a pilot nobody carries stalls.",
        fix: "Add a [team] with name, kind, lead (a role, never a person's name) and departments.",
    },
    example: "stage = \"実証実験\"\n# [team] がない",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    at_stage(ctx, out, RULE.id, |r, stage| {
        (stage.is_pilot() && r.team().is_none()).then_some(Message::MissingTeam { stage })
    });
}
