//! `duplicate-id`: two files with one ID.

use std::collections::HashMap;

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message};
use crate::files::Span;
use crate::model::{Record, Thing};

pub(super) const RULE: Rule = Rule {
    id: RuleId::DuplicateId,
    ja: DocText {
        summary: "同じ ID のファイルが複数あります(別の領域にあっても重複です)。",
        why: "ID はツリー全体で一意です。重複するとリンクがどちらを指すか決まりません(dx はパス順で最初のものを使います)。",
        fix: "どちらかのファイルを次の空き番号に改名してください(`dx new` は空き番号を自動で選びます)。リンクしている側も合わせて直します。",
    },
    en: DocText {
        summary: "Two files carry one ID (even in different 領域).",
        why: "IDs are unique across the tree; with a duplicate, links are ambiguous (dx takes the first by path).",
        fix: "Rename one file to the next free ID and update the links to it.",
    },
    example: "kurashi/online/K-001.toml\ngyosei/naibu/K-001.toml",
    check: Some(check),
};

fn place(r: &Record) -> Span {
    r.id_key
        .as_ref()
        .map_or(Span::file_start(r.file), |k| r.span_of(k.span))
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model;
    // The ID map keeps the first file of each ID: a record it does not
    // point back to is a repeat. Only those are grouped.
    let mut by_id: HashMap<&str, Vec<&Record>> = HashMap::new();
    for (i, r) in model.records.enumerate() {
        match model.find(&r.id) {
            Some(Thing::Record(first)) if first != i => {
                by_id
                    .entry(r.id.as_str())
                    .or_insert_with(|| vec![&model.records[first]])
                    .push(r);
            }
            _ => {}
        }
    }
    let mut groups: Vec<&Vec<&Record>> = by_id.values().collect();
    groups.sort_by_key(|g| g[0].file);
    for group in groups {
        for r in group {
            let others: Vec<&Record> = group
                .iter()
                .copied()
                .filter(|o| !std::ptr::eq(*o, *r))
                .collect();
            let message = Message::DuplicateId {
                id: r.id.to_string(),
                others: others.iter().map(|o| model.path_of(o).to_owned()).collect(),
                path: model.path_of(r).to_owned(),
                next: model.next_id(r.kind),
            };
            let mut d = Diagnostic::new(RULE.id, place(r), message).with_record(Some(&r.id));
            for o in others {
                d = d.with_related(place(o));
            }
            out.push(d);
        }
    }
}
