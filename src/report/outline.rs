//! `dx tree`: 分野 > 領域 > 課題 > 手法 > 技術 as an outline with stages.
//!
//! A 手法 solving several 課題 appears under each, and a 技術 under each
//! 手法 it implements: the outline shows the hierarchy, not a list of files.
//! Records whose links resolve to nothing are listed under their 領域 so
//! that none is left out.

use serde::Serialize;

use super::doc::{Block, Doc};
use super::{state, state_word};
use crate::i18n::Lang;
use crate::model::{Kind, Model, RecordIdx, Resolution};
use crate::names::Relation;

/// One node of the outline.
#[derive(Clone, Debug, Serialize)]
pub struct Node {
    /// The id (`kurashi`, `kurashi/online`, `K-001` …).
    pub id: String,
    /// `field`, `domain`, `issue`, `method` or `technology`.
    pub kind: &'static str,
    /// Name or title.
    pub title: String,
    /// Stage or progress, as written in records; empty for 分野 and 領域.
    pub state: String,
    /// The nodes below.
    pub children: Vec<Node>,
}

/// The outline.
#[derive(Clone, Debug, Serialize)]
pub struct Outline {
    /// The levels shown (1 = 分野 … 5 = 技術).
    pub depth: usize,
    /// The 分野.
    pub fields: Vec<Node>,
}

fn record_node(model: &Model, i: RecordIdx, depth: usize, level: usize) -> Node {
    let r = &model.records[i];
    let children: &[RecordIdx] = match r.kind {
        Kind::Issue => &model.back.solvers[i],
        Kind::Method => &model.back.implementers[i],
        Kind::Technology => &[],
    };
    Node {
        id: r.id.to_string(),
        kind: r.kind.en(),
        title: r.title().to_owned(),
        state: state(model, i).map_or_else(String::new, |s| s.as_str().to_owned()),
        children: if level < depth {
            children
                .iter()
                .map(|&c| record_node(model, c, depth, level + 1))
                .collect()
        } else {
            Vec::new()
        },
    }
}

/// Whether a record hangs under a parent in the outline.
fn has_parent(model: &Model, i: RecordIdx) -> bool {
    let key = match model.records[i].kind {
        Kind::Issue => return true,
        Kind::Method => Relation::Solves,
        Kind::Technology => Relation::Implements,
    };
    model
        .resolved_links(i)
        .any(|(k, _, res)| k.relation == key && matches!(res, Resolution::Found(_)))
}

impl Outline {
    /// The outline of one 分野 or all, `depth` levels deep (1–5).
    pub fn build(
        model: &Model,
        field: Option<&str>,
        depth: usize,
    ) -> Result<Self, super::gap::UnknownField> {
        if let Some(f) = field
            && !model.fields.iter().any(|x| x.id == f)
        {
            return Err(super::gap::UnknownField(f.to_owned()));
        }
        let depth = depth.clamp(1, 5);
        let fields = model
            .fields
            .enumerate()
            .filter(|(_, f)| field.is_none_or(|id| f.id == id))
            .map(|(fi, f)| {
                let domains = model.back.field_domains[fi]
                    .iter()
                    .map(|&di| {
                        let d = &model.domains[di];
                        let children = if depth >= 3 {
                            model.back.domain_records[di]
                                .iter()
                                .copied()
                                .filter(|&i| {
                                    let r = &model.records[i];
                                    r.is_parsed()
                                        && (r.kind == Kind::Issue || !has_parent(model, i))
                                })
                                .map(|i| record_node(model, i, depth, 3))
                                .collect()
                        } else {
                            Vec::new()
                        };
                        Node {
                            id: d.id.clone(),
                            kind: "domain",
                            title: d.name.clone(),
                            state: String::new(),
                            children,
                        }
                    })
                    .collect();
                Node {
                    id: f.id.clone(),
                    kind: "field",
                    title: f.name.clone(),
                    state: String::new(),
                    children: if depth >= 2 { domains } else { Vec::new() },
                }
            })
            .collect();
        Ok(Self { depth, fields })
    }

    /// Lay the outline out.
    #[must_use]
    pub fn doc(&self, model: &Model, lang: Lang) -> Doc {
        let l = lang.labels();
        let mut doc = Doc::new(super::title(model, l.tree_title));
        let mut lines = Vec::new();
        for f in &self.fields {
            walk(f, 0, lang, &mut lines);
        }
        doc.blocks.push(Block::Outline(lines));
        doc
    }
}

fn walk(node: &Node, depth: usize, lang: Lang, out: &mut Vec<(usize, String)>) {
    let line = match node.kind {
        "field" | "domain" => format!("{} [{}]", node.title, node.id),
        _ if node.state.is_empty() => format!("{} {}", node.id, node.title),
        _ => (lang.labels().paren)(
            &format!("{} {}", node.id, node.title),
            &state_word(&node.state, lang),
        ),
    };
    out.push((depth, line));
    for c in &node.children {
        walk(c, depth + 1, lang, out);
    }
}
