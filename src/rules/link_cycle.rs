//! `link-cycle`: `expands` chains that loop.

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};
use crate::model::{IndexVec, RecordIdx, Resolution, Thing};

pub(super) const RULE: Rule = Rule {
    id: RuleId::LinkCycle,
    ja: DocText {
        summary: "expands(横展開の元)のつながりが輪になっています。",
        why: "横展開は先に始めた手法から後の手法へ広げるものです。輪になっていると、どれが元の取組か分かりません。",
        fix: "輪の中のどれか一つの expands を削除するか、本当の展開元に直してください。",
    },
    en: DocText {
        summary: "`expands` chains that loop.",
        why: "A rollout goes from an earlier 手法 to a later one; a loop leaves no origin.",
        fix: "Remove or correct one `expands` in the loop.",
    },
    example: "# S-001.toml\nexpands = \"S-002\"\n# S-002.toml\nexpands = \"S-001\"",
    check: Some(check),
};

/// Walks the `expands` graph, where each 手法 has at most one successor, so
/// every node is visited once.
fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    let next: IndexVec<RecordIdx, Option<RecordIdx>> = model
        .records
        .indices()
        .map(|i| {
            model
                .resolved_links(i)
                .find_map(|(k, _, res)| match (k.key, res) {
                    ("expands", Resolution::Found(Thing::Record(t))) => Some(t),
                    _ => None,
                })
        })
        .collect::<Vec<_>>()
        .into();
    // 0 = unseen, 1 = on the current path, 2 = done.
    let mut state: IndexVec<RecordIdx, u8> = vec![0u8; next.len()].into();
    // One path vector for all walks: most walks are one step long.
    let mut path = Vec::new();
    for start in next.indices() {
        path.clear();
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                0 => {
                    state[i] = 1;
                    path.push(i);
                    at = next[i];
                }
                1 => {
                    let from = path.iter().position(|&p| p == i).unwrap_or(0);
                    report(ctx, &path[from..], out);
                    break;
                }
                _ => break,
            }
        }
        for &p in &path {
            state[p] = 2;
        }
    }
}

/// One finding per loop, on the member with the smallest ID.
fn report(ctx: &Context<'_>, members: &[RecordIdx], out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    let Some(first) = (0..members.len()).min_by_key(|&k| &model.records[members[k]].id) else {
        return;
    };
    let cycle: Vec<String> = (0..=members.len())
        .map(|k| {
            model.records[members[(first + k) % members.len()]]
                .id
                .to_string()
        })
        .collect();
    let r = &model.records[members[first]];
    if let Some(e) = r.expands() {
        let message = Message::LinkCycle { cycle };
        out.push(Diagnostic::new(RULE.id, r.span_of(e.span), message).with_record(Some(&r.id)));
    }
}
