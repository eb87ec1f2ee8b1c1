//! `unknown-department`: an owner, lead or team department that dx.toml's
//! `[organization] departments` does not list.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};
use crate::files::Sp;

pub(super) const RULE: Rule = Rule {
    id: RuleId::UnknownDepartment,
    ja: DocText {
        summary: "所管・リーダー・参加部署が、dx.toml の [organization] departments にない部署です。",
        why: "部署名の表記ゆれ(「デジタル推進課」と「DX推進課」など)があると、部署ごとの集計や検索から漏れます。組織改正で部署名が変わったときの直し漏れも見つかります。",
        fix: "表示された近い部署名に直すか、新しい部署なら dx.toml の departments に加えてください。リーダーは「市民課長」のように部署名に役職を続けて書けます。",
    },
    en: DocText {
        summary: "An owner, lead or team department not listed in dx.toml `[organization] departments`.",
        why: "Spelling variants of a department drop records from counts and searches by department; a reorganisation's renames are found too.",
        fix: "Use the nearest department suggested, or add a new department to dx.toml. A lead may be a department followed by a post (市民課長).",
    },
    example: "# dx.toml: [organization] departments = [\"市民課\", \"デジタル推進課\"]\nowner = \"DX推進課\"",
    check: Some(check),
};

/// A department, or a department followed by a post (市民課長).
fn known(name: &str, departments: &[String]) -> bool {
    departments
        .iter()
        .any(|d| name.trim().starts_with(d.as_str()))
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    let departments = &model.settings.departments;
    if departments.is_empty() {
        return;
    }
    for (_, r) in model.parsed_records() {
        let mut flag = |key: &str, v: &Sp<compact_str::CompactString>| {
            if v.value.trim().is_empty() || known(&v.value, departments) {
                return;
            }
            let message = Message::UnknownDepartment {
                key: key.to_owned(),
                value: v.value.to_string(),
                suggestion: crate::suggest::nearest(
                    &v.value,
                    departments.iter().map(String::as_str),
                )
                .map(str::to_owned),
            };
            out.push(Diagnostic::new(RULE.id, r.span_of(v.span), message).with_record(Some(&r.id)));
        };
        if let Some(owner) = &r.owner {
            flag("owner", owner);
        }
        if let Some(team) = r.team() {
            if let Some(lead) = &team.lead {
                flag("team.lead", lead);
            }
            for d in &team.departments {
                flag("team.departments", d);
            }
        }
    }
}
