//! `revision-review-due`: a revision of the guideline changed what an active
//! record is linked to, and the record has not been taken up since.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};
use crate::model::Kind;

pub(super) const RULE: Rule = Rule {
    id: RuleId::RevisionReviewDue,
    ja: DocText {
        summary: "dx.toml の [[revision]](指針の改定)が changed に挙げたビジョン項目・原則などに、直接またはリンクをたどってつながる取組中のレコードに、改定日以後の意思決定(課題は reviewed)がありません。",
        why: "指針は「本指針の改定を行った場合は、改定内容に連動して、4プロセスが実施される」としています(指針 7.)。改定で変わった目指す姿や原則に合わせて、課題の整理からやり直す必要があります。",
        fix: "手法・技術は改定後の判断を [[decision]] に記録し(dx decide ID --result 継続 など)、課題は整理し直して dx review K-… で reviewed を記録してください。",
    },
    en: DocText {
        summary: "A guideline revision ([[revision]] in dx.toml) changed an item an active record is linked to, directly or down the links, and the record has no decision (課題: reviewed) dated on or after it.",
        why: "The guideline runs its four processes again after a revision (§7): what it changed must be taken up again.",
        fix: "Record a decision on the 手法 or 技術 (dx decide ID --result 継続 …); review the 課題 and record it with dx review K-….",
    },
    example: "# dx.toml\n[[revision]]\nversion = \"2.0\"\ndate = 2026-04-01\nchanged = [\"kurashi-1\"]   # kurashi-1 の課題とその手法・技術に、2026-04-01 以後の記録がない",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    for due in model.revision_due() {
        let r = &model.records[due.record];
        let rev = &model.settings.revisions[due.revision];
        let at = match r.kind {
            Kind::Issue => r.title.as_ref().map(|t| t.span),
            _ => r.stage_sp().map(|s| s.span),
        };
        let Some(at) = at else { continue };
        let message = Message::RevisionReviewDue {
            id: r.id.to_string(),
            version: rev.version.clone(),
            date: rev.date.map(|d| d.to_string()).unwrap_or_default(),
            via: due.via,
            issue: r.kind == Kind::Issue,
        };
        out.push(Diagnostic::new(RULE.id, r.span_of(at), message).with_record(Some(&r.id)));
    }
}
