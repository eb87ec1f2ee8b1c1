//! `broken-link`: a link to an ID that does not exist.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, IdKind, Message, Severity};
use crate::model::{Model, Resolution, ids};

pub(super) const RULE: Rule = Rule {
    id: RuleId::BrokenLink,
    severity: Severity::Error,
    ja: DocText {
        summary: "リンク先の ID が存在しません。",
        why: "切れたリンクがあると、課題の進捗やビジョンのカバー状況が実際より悪く(または良く)集計されます。",
        fix: "表示された近い ID に直すか、リンク先のレコードを作成してください(`dx new`)。ID を変更・削除したときは、リンクしている側も直します。",
    },
    en: DocText {
        summary: "A link to an ID that does not exist.",
        why: "A broken link makes progress and ビジョン coverage wrong.",
        fix: "Use the suggested nearest ID, or create the record. When an ID is renamed or deleted, fix the links to it.",
    },
    example: "solves = [\"K-009\"]   # K-009 がない",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    for (i, r) in model.records.iter().enumerate() {
        for (key, link, res) in model.resolved_links(i) {
            if res != Resolution::Missing {
                continue;
            }
            let message = Message::BrokenLink {
                target: link.value.clone(),
                expected: key.target,
                suggestion: nearest_id(model, key.target, &link.value),
            };
            out.push(Diagnostic::new(RULE.id, link.span, message).with_record(Some(&r.id)));
        }
    }
}

fn exists(model: &Model, kind: IdKind, id: &str) -> bool {
    model
        .lookup
        .get(id)
        .is_some_and(|t| model.kind_of(t) == kind)
}

/// The existing ID of `kind` nearest to `value`.
///
/// Record IDs are looked up by generating the single edits of `value`
/// (dropped, doubled, swapped or changed digits), so a suggestion costs a few
/// dozen map look-ups however large the tree. The few ビジョン items,
/// 原則 and priorities are compared one by one.
fn nearest_id(model: &Model, kind: IdKind, value: &str) -> Option<String> {
    if let Some(fixed) = ids::repair(&model.settings.prefixes, kind, value)
        && exists(model, kind, &fixed)
    {
        return Some(fixed);
    }
    match kind {
        IdKind::Issue | IdKind::Method | IdKind::Technology => {
            let mut found: Vec<String> = single_edits(value)
                .filter(|c| exists(model, kind, c))
                .collect();
            found.sort();
            found.into_iter().next()
        }
        _ => crate::suggest::nearest(value, model.lookup.ids_of(model, kind)).map(str::to_owned),
    }
}

/// Every string one digit edit away from `s`.
fn single_edits(s: &str) -> impl Iterator<Item = String> + '_ {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let digits = ('0'..='9').collect::<Vec<_>>();
    let at = move |f: &dyn Fn(&mut Vec<char>)| {
        let mut c = chars.clone();
        f(&mut c);
        c.into_iter().collect::<String>()
    };
    let mut out = Vec::new();
    for i in 0..n {
        out.push(at(&|c| {
            c.remove(i);
        }));
        if i + 1 < n {
            out.push(at(&|c| c.swap(i, i + 1)));
        }
        for &d in &digits {
            out.push(at(&|c| c[i] = d));
        }
    }
    for i in 0..=n {
        for &d in &digits {
            out.push(at(&|c| c.insert(i, d)));
        }
    }
    out.into_iter()
}
