//! Changes of each indicator: values, targets, observations, grades.

use super::*;

impl Diff {
    /// Indicators matched by name: the current value's change (as in the
    /// first edition), and every indicator added, removed or changed.
    pub(super) fn indicators(
        &mut self,
        base: Option<(&Model, RecordIdx)>,
        head: &Model,
        h: RecordIdx,
        today: jiff::civil::Date,
    ) {
        let n_rec = &head.records[h];
        let old_inds: &[crate::model::Indicator] =
            base.map_or(&[], |(m, b)| m.records[b].indicators());
        for ind in n_rec.indicators() {
            let old = old_inds.iter().find(|o| o.name() == ind.name());
            let current = |i: &crate::model::Indicator| {
                i.current().map(|o| {
                    (
                        o.value.as_ref().map(|v| v.value),
                        o.date.as_ref().map(|d| d.value),
                    )
                })
            };
            let (before, after) = (old.and_then(current), current(ind));
            if let Some((actual_after, measured)) = after
                && before != after
            {
                self.indicator_updates.push(IndicatorChange {
                    record: RecordRef::of(head, h),
                    name: ind.name().to_owned(),
                    unit: ind
                        .unit
                        .as_ref()
                        .map_or_else(String::new, |u| u.value.to_string()),
                    actual_before: before.and_then(|b| b.0),
                    actual_after,
                    measured: measured.map(|d| d.to_string()),
                    attainment_before: old.and_then(attainment),
                    attainment_after: attainment(ind),
                });
            }
            let grade_after = Some(head.assess(n_rec, ind, today).grade.letter());
            match (base, old) {
                (Some((m, b)), Some(o)) => {
                    let values = value_changes(o, ind);
                    let observations_added = ind
                        .observations
                        .iter()
                        .filter(|x| {
                            !o.observations.iter().any(|y| {
                                y.date.as_ref().map(|d| d.value) == x.date.as_ref().map(|d| d.value)
                                    && y.value.as_ref().map(|v| v.value)
                                        == x.value.as_ref().map(|v| v.value)
                            })
                        })
                        .count();
                    let grade_before = Some(m.assess(&m.records[b], o, today).grade.letter());
                    if values.is_empty() && observations_added == 0 && grade_before == grade_after {
                        continue;
                    }
                    self.indicator_changes.push(IndicatorDiff {
                        record: RecordRef::of(head, h),
                        name: ind.name().to_owned(),
                        change: Change::Changed,
                        lowered_ambition: lowered(o, ind),
                        values,
                        observations_added,
                        grade_before,
                        grade_after,
                    });
                }
                (Some(_), None) => self.indicator_changes.push(IndicatorDiff {
                    record: RecordRef::of(head, h),
                    name: ind.name().to_owned(),
                    change: Change::Added,
                    values: Vec::new(),
                    lowered_ambition: false,
                    observations_added: ind.observations.len(),
                    grade_before: None,
                    grade_after,
                }),
                (None, _) => {}
            }
        }
        if let Some((m, b)) = base {
            for o in old_inds {
                if !n_rec.indicators().iter().any(|i| i.name() == o.name()) {
                    self.indicator_changes.push(IndicatorDiff {
                        record: RecordRef::of(head, h),
                        name: o.name().to_owned(),
                        change: Change::Removed,
                        values: Vec::new(),
                        lowered_ambition: false,
                        observations_added: 0,
                        grade_before: Some(m.assess(&m.records[b], o, today).grade.letter()),
                        grade_after: None,
                    });
                }
            }
        }
    }
}

/// The values of an indicator that changed.
pub(super) fn value_changes(
    o: &crate::model::Indicator,
    n: &crate::model::Indicator,
) -> Vec<ValueChange> {
    let num = |v: &Option<crate::files::Sp<f64>>| v.as_ref().map(|x| number(x.value));
    let date =
        |v: &Option<crate::files::Sp<jiff::civil::Date>>| v.as_ref().map(|x| x.value.to_string());
    let text = |v: &Option<crate::files::Sp<compact_str::CompactString>>| {
        v.as_ref().map(|x| x.value.to_string())
    };
    [
        ("baseline", num(&o.baseline), num(&n.baseline)),
        ("target", num(&o.target), num(&n.target)),
        ("target_date", date(&o.target_date), date(&n.target_date)),
        ("unit", text(&o.unit), text(&n.unit)),
    ]
    .into_iter()
    .filter(|(_, b, a)| b != a)
    .map(|(key, before, after)| ValueChange { key, before, after })
    .collect()
}

/// A lowered ambition: the target moved towards the baseline, or the
/// target date later.
pub(super) fn lowered(o: &crate::model::Indicator, n: &crate::model::Indicator) -> bool {
    let v = |x: &Option<crate::files::Sp<f64>>| x.as_ref().map(|s| s.value);
    let towards = match (v(&o.baseline), v(&o.target), v(&n.target)) {
        (Some(base), Some(before), Some(after)) => (after - base).abs() < (before - base).abs(),
        _ => false,
    };
    let later = match (&o.target_date, &n.target_date) {
        (Some(b), Some(a)) => a.value > b.value,
        (Some(_), None) => true,
        _ => false,
    };
    towards || later
}
