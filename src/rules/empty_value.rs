//! `empty-value`: a text that must say something is empty or only spaces.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};
use crate::files::{Sp, Span};

pub(super) const RULE: Rule = Rule {
    id: RuleId::EmptyValue,
    ja: DocText {
        summary: "書くべき文字列(タイトル・名前・所管・リーダー・意思決定の備考など)が空か、空白だけです。",
        why: "空のタイトルや所管は一覧や報告で空欄になり、何の記録か、誰が担当かが読み取れません。",
        fix: "内容を書くか、任意のキー(所管・備考など)なら行ごと削除してください。全角の空白だけの値も空とみなします。",
    },
    en: DocText {
        summary: "A text that must say something (title, name, owner, lead, a decision's note when given) is empty or only spaces.",
        why: "An empty title or owner leaves a blank in every list and report: nobody can tell what the record is or who is in charge.",
        fix: "Write it, or delete the line of an optional key (owner, note). Full-width spaces alone count as empty.",
    },
    example: "title = \"　\"",
    check: Some(check),
};

fn blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    for (_, r) in model.parsed_records() {
        let mut flag = |key: &str, v: Option<&Sp<compact_str::CompactString>>| {
            if let Some(v) = v.filter(|v| blank(&v.value)) {
                let message = Message::EmptyValue {
                    key: key.to_owned(),
                };
                out.push(
                    Diagnostic::new(RULE.id, r.span_of(v.span), message).with_record(Some(&r.id)),
                );
            }
        };
        flag("title", r.title.as_ref());
        flag("owner", r.owner.as_ref());
        if let Some(team) = r.team() {
            flag("team.name", team.name.as_ref());
            flag("team.lead", team.lead.as_ref());
        }
        for ind in r.indicators() {
            flag("indicator.name", ind.name.as_ref());
        }
        for d in r.decisions() {
            flag("decision.note", d.note.as_ref());
        }
    }
    for f in model.fields.iter().filter(|f| blank(&f.name)) {
        out.push(Diagnostic::new(
            RULE.id,
            Span::file_start(f.file),
            Message::EmptyValue { key: "name".into() },
        ));
    }
    for d in model.domains.iter().filter(|d| blank(&d.name)) {
        out.push(Diagnostic::new(
            RULE.id,
            Span::file_start(d.file),
            Message::EmptyValue { key: "name".into() },
        ));
    }
}
