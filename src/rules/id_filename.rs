//! `id-filename`: `id` differs from the file name.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};

pub(super) const RULE: Rule = Rule {
    id: RuleId::IdFilename,
    ja: DocText {
        summary: "ファイル内の id がファイル名と違います。",
        why: "dx はファイル名を ID として使います。id が違うと、レビューする人がどちらが正しいか判断できません。",
        fix: "ファイル名か id のどちらかを直して一致させてください。id は省略もできます。",
    },
    en: DocText {
        summary: "The `id` key differs from the file name.",
        why: "dx takes the ID from the file name; a different `id` leaves reviewers guessing which is right.",
        fix: "Make them equal, or leave `id` out.",
    },
    example: "# K-001.toml\nid = \"K-002\"",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let prefixes = &ctx.model.settings.prefixes;
    for r in &ctx.model.records {
        let Some(id) = &r.id_key else { continue };
        // A malformed `id` is an id-format finding instead.
        if id.value != r.id && prefixes.kind_of(&id.value).is_some() {
            let message = Message::IdFilename {
                id: id.value.to_string(),
                stem: r.id.to_string(),
            };
            out.push(
                Diagnostic::new(RULE.id, r.span_of(id.span), message).with_record(Some(&r.id)),
            );
        }
    }
}
