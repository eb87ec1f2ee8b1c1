//! The diff as a document: what is flagged first, then everything else.

use super::*;
use crate::names::Fact;
use crate::report::doc::Cell;

impl Diff {
    /// Lay the change out.
    #[must_use]
    pub fn doc(&self, lang: Lang) -> Doc {
        let l = lang.labels();
        let d = lang.diff_labels();
        let shown = |name: &str| {
            if name == WORKING_TREE {
                lang.words().working_tree.to_owned()
            } else {
                name.to_owned()
            }
        };
        let mut doc = Doc::new((l.paren)(
            d.title,
            &format!("{} → {}", shown(&self.base), shown(&self.head)),
        ));
        doc.text((d.headline)(
            self.added.len(),
            self.removed.len(),
            self.moved.len(),
            self.state_changes.len(),
            self.new_decisions.len(),
            self.indicator_updates.len(),
        ));
        if self.is_empty() {
            doc.text(d.no_change);
            return doc;
        }
        doc.text((d.headline_review)(
            self.flagged_count(),
            self.findings_introduced.len(),
            self.findings_fixed.len(),
        ));
        self.findings_table(
            &mut doc,
            d.findings_introduced,
            &self.findings_introduced,
            lang,
        );
        self.flagged(&mut doc, lang);
        self.findings_table(&mut doc, d.findings_fixed, &self.findings_fixed, lang);
        doc.blocks.push(Block::FoldStart(d.rest.to_owned()));
        let refs = |list: &[RecordRef]| Table {
            headers: vec![
                l.id.into(),
                l.kind.into(),
                l.title.into(),
                l.state.into(),
                l.domain.into(),
            ],
            rows: list
                .iter()
                .map(|r| {
                    vec![
                        Cell::Id(r.id.to_string()),
                        crate::report::kind_word(r.kind, lang).into(),
                        r.title.clone().into(),
                        state_word(&r.state, lang).into(),
                        r.domain.clone().into(),
                    ]
                })
                .collect(),
            ..Table::default()
        };
        for (heading, list) in [(d.added, &self.added), (d.removed, &self.removed)] {
            if !list.is_empty() {
                doc.heading(heading);
                doc.blocks.push(Block::Table(refs(list)));
            }
        }
        if !self.moved.is_empty() {
            doc.heading(d.moved);
            let rows = self
                .moved
                .iter()
                .map(|m| {
                    vec![
                        Cell::Id(m.record.id.clone()),
                        m.record.title.clone().into(),
                        m.from.clone().into(),
                        m.to.clone().into(),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![l.id.into(), l.title.into(), d.from.into(), d.to.into()],
                rows,
                ..Table::default()
            }));
        }
        if !self.state_changes.is_empty() {
            doc.heading(d.state_changes);
            let rows = self
                .state_changes
                .iter()
                .map(|c| {
                    let mut flags = Vec::new();
                    if c.backwards {
                        flags.push(d.backwards);
                    }
                    if c.skipped_pilot {
                        flags.push(d.skipped_pilot);
                    }
                    vec![
                        Cell::Id(c.record.id.clone()),
                        c.record.title.clone().into(),
                        c.from
                            .as_deref()
                            .map_or_else(|| d.new.to_owned(), |f| state_word(f, lang))
                            .into(),
                        state_word(&c.to, lang).into(),
                        flags.join(" ").into(),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![
                    l.id.into(),
                    l.title.into(),
                    d.from.into(),
                    d.to.into(),
                    d.attention.into(),
                ],
                rows,
                ..Table::default()
            }));
        }
        if !self.new_decisions.is_empty() {
            doc.heading(d.new_decisions);
            let rows = self
                .new_decisions
                .iter()
                .map(|x| {
                    vec![
                        Cell::Id(x.record.id.clone()),
                        Cell::opt_date(x.date.as_deref()),
                        x.body.unwrap_or_default().into(),
                        x.result.unwrap_or_default().into(),
                        x.note.clone().unwrap_or_default().into(),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![
                    l.id.into(),
                    l.date.into(),
                    l.body.into(),
                    l.result.into(),
                    l.note.into(),
                ],
                rows,
                ..Table::default()
            }));
        }
        if !self.indicator_updates.is_empty() {
            doc.heading(d.indicator_updates);
            let n = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), number);
            let rows = self
                .indicator_updates
                .iter()
                .map(|x| {
                    vec![
                        Cell::Id(x.record.id.clone()),
                        x.name.clone().into(),
                        format!("{} → {}", n(x.actual_before), n(x.actual_after)).into(),
                        x.unit.clone().into(),
                        format!(
                            "{} → {}",
                            percent(x.attainment_before),
                            percent(x.attainment_after)
                        )
                        .into(),
                        Cell::opt_date(x.measured.as_deref()),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![
                    l.id.into(),
                    l.indicator.into(),
                    l.actual.into(),
                    l.unit.into(),
                    l.attainment.into(),
                    l.measured.into(),
                ],
                rows,
                ..Table::default()
            }));
        }
        if !self.links_added.is_empty() || !self.links_removed.is_empty() {
            doc.heading(d.links);
            let rows = self
                .links_added
                .iter()
                .map(|x| (d.link_added, x))
                .chain(self.links_removed.iter().map(|x| (d.link_removed, x)))
                .map(|(what, x)| {
                    vec![
                        Cell::Id(x.record.clone()),
                        (l.relation)(x.key).into(),
                        x.target.clone().into(),
                        what.into(),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![
                    l.id.into(),
                    l.relation_heading.into(),
                    d.target.into(),
                    d.change.into(),
                ],
                rows,
                ..Table::default()
            }));
        }
        self.more(&mut doc, lang);
        doc.heading(d.coverage);
        let (b, a) = (self.coverage_before, self.coverage_after);
        doc.blocks.push(Block::Table(Table {
            headers: vec![String::new(), d.before.into(), d.after.into()],
            rows: vec![
                vec![
                    d.covered.into(),
                    Cell::count(b.covered),
                    Cell::count(a.covered),
                ],
                vec![
                    l.unaddressed.into(),
                    Cell::count(b.unaddressed),
                    Cell::count(a.unaddressed),
                ],
                vec![
                    l.uncovered.into(),
                    Cell::count(b.uncovered),
                    Cell::count(a.uncovered),
                ],
            ],
            numeric: vec![1, 2],
            ..Table::default()
        }));
        if !self.coverage_changes.is_empty() {
            let word = |c: Option<Coverage>| match c {
                None => "—",
                Some(Coverage::Covered) => d.covered,
                Some(Coverage::Unaddressed) => l.unaddressed,
                Some(Coverage::Uncovered) => l.uncovered,
            };
            let rows = self
                .coverage_changes
                .iter()
                .map(|c| {
                    vec![
                        c.id.clone().into(),
                        word(c.before).into(),
                        word(c.after).into(),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![l.vision_item.into(), d.before.into(), d.after.into()],
                rows,
                ..Table::default()
            }));
        }
        doc.blocks.push(Block::FoldEnd);
        doc
    }

    pub(super) fn findings_table(
        &self,
        doc: &mut Doc,
        heading: &str,
        list: &[FindingChange],
        lang: Lang,
    ) {
        if list.is_empty() {
            return;
        }
        let (l, d) = (lang.labels(), lang.diff_labels());
        doc.heading(heading);
        doc.blocks.push(Block::Table(Table {
            headers: vec![
                d.rule.into(),
                d.severity.into(),
                l.id.into(),
                d.file.into(),
                d.message.into(),
            ],
            rows: list
                .iter()
                .map(|f| {
                    vec![
                        f.rule.into(),
                        f.severity.into(),
                        f.record.clone().map_or_else(Cell::empty, Cell::Id),
                        f.path.clone().into(),
                        f.message.clone().into(),
                    ]
                })
                .collect(),
            ..Table::default()
        }));
    }

    /// Every change a reviewer must not miss, in one table.
    pub(super) fn flagged(&self, doc: &mut Doc, lang: Lang) {
        let (l, d) = (lang.labels(), lang.diff_labels());
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_owned());
        for c in self.field_changes.iter().filter(|c| c.flagged) {
            let flag = if c.key == Fact::Visibility {
                d.made_public
            } else {
                d.review_postponed
            };
            rows.push(vec![
                Cell::Id(c.record.clone()),
                flag.into(),
                field_label(c.key, lang).into(),
                format!("{} → {}", opt(&c.before), opt(&c.after)).into(),
            ]);
        }
        for c in &self.decision_changes {
            let flag = if c.change == Change::Edited {
                d.decision_edited
            } else {
                d.decision_removed
            };
            let what = format!(
                "{} {}",
                c.date.clone().unwrap_or_default(),
                c.body.unwrap_or_default()
            );
            let before = format!(
                "{} {}",
                c.result_before.unwrap_or_default(),
                c.note_before.clone().unwrap_or_default()
            );
            let after = match c.change {
                Change::Edited => format!(
                    "{} {}",
                    c.result_after.unwrap_or_default(),
                    c.note_after.clone().unwrap_or_default()
                ),
                _ => "—".to_owned(),
            };
            rows.push(vec![
                Cell::Id(c.record.id.clone()),
                flag.into(),
                what.into(),
                format!("{} → {}", before.trim(), after.trim()).into(),
            ]);
        }
        for i in self.impact.iter().filter(|i| i.unrevised) {
            rows.push(vec![
                i.id.clone().into(),
                d.unrevised.into(),
                (l.thing_kind)(i.kind).into(),
                format!("{} → {}", opt(&i.before), opt(&i.after)).into(),
            ]);
        }
        for c in self.indicator_changes.iter().filter(|c| c.lowered_ambition) {
            let values: Vec<String> = c
                .values
                .iter()
                .map(|v| format!("{} {} → {}", v.key, opt(&v.before), opt(&v.after)))
                .collect();
            rows.push(vec![
                Cell::Id(c.record.id.clone()),
                d.lowered_ambition.into(),
                c.name.clone().into(),
                values.join(l.sep).into(),
            ]);
        }
        for c in self
            .state_changes
            .iter()
            .filter(|c| c.backwards || c.skipped_pilot)
        {
            let flag = if c.backwards {
                d.backwards
            } else {
                d.skipped_pilot
            };
            let from = c
                .from
                .as_deref()
                .map_or_else(|| d.new.to_owned(), |f| state_word(f, lang));
            rows.push(vec![
                Cell::Id(c.record.id.clone()),
                flag.into(),
                l.state.into(),
                format!("{from} → {}", state_word(&c.to, lang)).into(),
            ]);
        }
        if rows.is_empty() {
            return;
        }
        doc.heading(d.flagged);
        doc.blocks.push(Block::Table(Table {
            headers: vec![
                l.id.into(),
                d.attention.into(),
                d.what.into(),
                d.change.into(),
            ],
            rows,
            ..Table::default()
        }));
    }

    /// Values, indicators and reference data that changed.
    pub(super) fn more(&self, doc: &mut Doc, lang: Lang) {
        let (l, d) = (lang.labels(), lang.diff_labels());
        let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_owned());
        if !self.field_changes.is_empty() {
            doc.heading(d.field_changes);
            let rows = self
                .field_changes
                .iter()
                .map(|c| {
                    // A date stays a date in a workbook; the same column
                    // holds titles and owners for other facts.
                    let value = |v: &Option<String>| match v {
                        Some(v) if c.key.is_date() => Cell::date(v),
                        _ => opt(v).into(),
                    };
                    vec![
                        Cell::Id(c.record.clone()),
                        field_label(c.key, lang).into(),
                        value(&c.before),
                        value(&c.after),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![l.id.into(), d.what.into(), d.before.into(), d.after.into()],
                rows,
                ..Table::default()
            }));
        }
        if !self.indicator_changes.is_empty() {
            doc.heading(d.indicator_changes);
            let rows = self
                .indicator_changes
                .iter()
                .map(|c| {
                    let mut what: Vec<String> = c
                        .values
                        .iter()
                        .map(|v| format!("{} {} → {}", v.key, opt(&v.before), opt(&v.after)))
                        .collect();
                    if c.observations_added > 0 {
                        what.push((d.observations_added)(c.observations_added));
                    }
                    vec![
                        Cell::Id(c.record.id.clone()),
                        c.name.clone().into(),
                        (d.indicator_change)(c.change).into(),
                        what.join(l.sep).into(),
                        format!(
                            "{} → {}",
                            c.grade_before.unwrap_or("—"),
                            c.grade_after.unwrap_or("—")
                        )
                        .into(),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![
                    l.id.into(),
                    l.indicator.into(),
                    d.change.into(),
                    d.what.into(),
                    l.grade.into(),
                ],
                rows,
                ..Table::default()
            }));
        }
        if !self.impact.is_empty() {
            doc.heading(d.impact);
            let rows = self
                .impact
                .iter()
                .map(|i| {
                    vec![
                        // Reference data by its kind; dx.toml settings have none.
                        (l.thing_kind)(i.kind).into(),
                        i.id.clone().into(),
                        format!("{} → {}", opt(&i.before), opt(&i.after)).into(),
                        i.records.join(", ").into(),
                    ]
                })
                .collect();
            doc.blocks.push(Block::Table(Table {
                headers: vec![
                    l.kind.into(),
                    l.id.into(),
                    d.change.into(),
                    d.reached.into(),
                ],
                rows,
                ..Table::default()
            }));
        }
    }
}

/// A record key in the user's words.
pub(super) fn field_label(key: Fact, lang: Lang) -> &'static str {
    (lang.labels().fact)(key)
}
