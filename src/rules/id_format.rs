//! `id-format`: an ID that does not match its pattern.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};
use crate::model::{Resolution, ids};

pub(super) const RULE: Rule = Rule {
    id: RuleId::IdFormat,
    ja: DocText {
        summary: "ID の形が決まりどおりではありません(課題 K-001、手法 S-001、技術 G-001、ビジョン項目 kurashi-1、原則 P1 など)。",
        why: "ID はファイル名とリンクでレコードを結びます。全角文字や見えない文字(ゼロ幅スペース)が混じると、同じに見えても別の ID になります。",
        fix: "半角英数字で書き直してください。全角で入力した場合は表示された半角の形に直します。ファイル名も <ID>.toml にします。",
    },
    en: DocText {
        summary: "An ID that does not match its pattern (K-001, S-001, G-001, kurashi-1, P1 …).",
        why: "IDs tie files and links together. Full-width or invisible characters make an ID that looks right but matches nothing.",
        fix: "Write it in half-width ASCII; the suggestion shows the half-width form. Name record files <ID>.toml.",
    },
    example: "solves = [\"ｋ－００１\"]",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    let prefixes = &model.settings.prefixes;
    for (i, r) in model.records.enumerate() {
        let record = Some(r.id.as_str());
        if let Some(id) = &r.id_key
            && prefixes.kind_of(&id.value).is_none()
        {
            let message = Message::IdFormat {
                value: id.value.to_string(),
                expected: r.kind.into(),
                suggestion: ids::repair(prefixes, r.kind.into(), &id.value),
            };
            out.push(Diagnostic::new(RULE.id, r.span_of(id.span), message).with_record(record));
        }
        for (key, link, res) in model.distinct_links(i) {
            if res == Resolution::Malformed {
                let message = Message::IdFormat {
                    value: link.value.to_string(),
                    expected: key.target,
                    suggestion: ids::repair(prefixes, key.target, &link.value),
                };
                out.push(
                    Diagnostic::new(RULE.id, r.span_of(link.span), message).with_record(record),
                );
            }
        }
    }
}
