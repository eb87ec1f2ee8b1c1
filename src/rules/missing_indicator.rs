//! `missing-indicator`: a stage that needs an 評価指標 has none.

use super::{Context, DocText, Rule, RuleId, at_stage};
use crate::diag::{Diagnostic, Message};

pub(super) const RULE: Rule = Rule {
    id: RuleId::MissingIndicator,
    ja: DocText {
        summary: "実証実験・先行導入・導入決定・運用の段階なのに評価指標([[indicator]])がありません。",
        why: "指針(7.(2))は、実証実験や先行導入、定期的な見直しでは、導入・継続を判断するために評価指標を設定するとしています。",
        fix: "[[indicator]] を追加し、name・unit・baseline・target・target_date を書いてください。指標は「課題が解決されたことを正しく評価できるもの」にします。",
    },
    en: DocText {
        summary: "実証実験, 先行導入, 導入決定 or 運用 with no [[indicator]].",
        why: "The guideline (7.(2)) requires evaluation indicators for pilots and periodic reviews, to decide adoption and continuation.",
        fix: "Add an [[indicator]] with name, unit, baseline, target and target_date.",
    },
    example: "stage = \"実証実験\"\n# [[indicator]] がない",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    at_stage(ctx, out, RULE.id, |r, stage| {
        (stage.needs_indicator() && r.indicators().is_empty())
            .then_some(Message::MissingIndicator { stage })
    });
}
