//! Reference data changed, and every record it reaches down the links.

use super::*;
use crate::names::ThingKind;

/// Records reached from `start` down the links: the 課題 given, the 手法
/// solving them, the 技術 implementing those (and 手法 given directly).
pub(super) fn down(model: &Model, start: impl IntoIterator<Item = RecordIdx>) -> Vec<String> {
    let mut seen: BTreeSet<RecordIdx> = BTreeSet::new();
    let mut queue: Vec<RecordIdx> = start.into_iter().collect();
    while let Some(i) = queue.pop() {
        if !seen.insert(i) {
            continue;
        }
        queue.extend(model.back.solvers[i].iter().copied());
        queue.extend(model.back.implementers[i].iter().copied());
    }
    let mut ids: Vec<String> = seen
        .into_iter()
        .map(|i| model.records[i].id.to_string())
        .collect();
    ids.sort_by(|a, b| crate::model::ids::natural_cmp(a, b));
    ids.dedup();
    ids
}

/// Reference data changed between the revisions, with every record of
/// head it reaches (a revised guideline runs the four processes again).
pub(super) fn impact(base: &Model, head: &Model) -> Vec<ReferenceImpact> {
    let mut out = Vec::new();
    let mut push = |kind, id: String, before: Option<String>, after: Option<String>, records| {
        if before != after {
            out.push(ReferenceImpact {
                kind,
                id,
                before,
                after,
                records,
                unrevised: false,
            });
        }
    };
    // ビジョン items, by ID.
    let items = |m: &Model| -> BTreeMap<String, (crate::model::FieldIdx, usize, String)> {
        let mut map = BTreeMap::new();
        for (f, field) in m.fields.enumerate() {
            for (v, item) in field.vision.iter().enumerate() {
                map.insert(item.id.clone(), (f, v, item.text.clone()));
            }
        }
        map
    };
    let (bi, hi) = (items(base), items(head));
    for (id, (f, v, text)) in &hi {
        let before = bi.get(id).map(|x| x.2.clone());
        if before.as_deref() != Some(text.as_str()) {
            let records = down(head, head.back.vision_issues[*f][*v].iter().copied());
            push(
                ThingKind::Vision,
                id.clone(),
                before,
                Some(text.clone()),
                records,
            );
        }
    }
    for (id, (_, _, text)) in &bi {
        if !hi.contains_key(id) {
            push(
                ThingKind::Vision,
                id.clone(),
                Some(text.clone()),
                None,
                Vec::new(),
            );
        }
    }
    // 原則, 配慮, national priorities: their titles.
    type Refs<'a> = &'a crate::model::IndexVec<crate::model::RefIdx, crate::model::Reference>;
    type Followers<'a> = &'a crate::model::Reverse<crate::model::RefIdx, RecordIdx>;
    let lists: [(ThingKind, Refs<'_>, Refs<'_>, Followers<'_>); 3] = [
        (
            ThingKind::Principle,
            &base.principles,
            &head.principles,
            &head.back.principle_followers,
        ),
        (
            ThingKind::Consideration,
            &base.considerations,
            &head.considerations,
            &head.back.consideration_followers,
        ),
        (
            ThingKind::National,
            &base.national,
            &head.national,
            &head.back.national_followers,
        ),
    ];
    for (kind, b, h, followers) in lists {
        for (i, r) in h.enumerate() {
            let before = b
                .iter()
                .find(|x| x.id.value == r.id.value)
                .map(|x| x.title.clone());
            if before.as_deref() != Some(r.title.as_str()) {
                push(
                    kind,
                    r.id.value.to_string(),
                    before,
                    Some(r.title.clone()),
                    down(head, followers[i].iter().copied()),
                );
            }
        }
    }
    // 分野 and 領域 names: every record in them (the base's names by ID,
    // looked up, not scanned for each).
    let base_fields: HashMap<&str, &str> = base
        .fields
        .iter()
        .map(|x| (x.id.as_str(), x.name.as_str()))
        .collect();
    let base_domains: HashMap<&str, &str> = base
        .domains
        .iter()
        .map(|x| (x.id.as_str(), x.name.as_str()))
        .collect();
    for (f, field) in head.fields.enumerate() {
        let before = base_fields.get(field.id.as_str()).map(|x| (*x).to_owned());
        if before.is_some() && before.as_deref() != Some(field.name.as_str()) {
            let records = head.back.field_domains[f]
                .iter()
                .flat_map(|&d| head.back.domain_records[d].iter().copied());
            push(
                ThingKind::Field,
                field.id.clone(),
                before,
                Some(field.name.clone()),
                down(head, records),
            );
        }
    }
    for (d, domain) in head.domains.enumerate() {
        let before = base_domains
            .get(domain.id.as_str())
            .map(|x| (*x).to_owned());
        if before.is_some() && before.as_deref() != Some(domain.name.as_str()) {
            let records = head.back.domain_records[d].iter().copied();
            push(
                ThingKind::Domain,
                domain.id.clone(),
                before,
                Some(domain.name.clone()),
                down(head, records),
            );
        }
    }
    // dx.toml settings that change results: every record.
    let (bs, hs) = (&base.settings, &head.settings);
    let all = || {
        let mut ids: Vec<String> = head
            .parsed_records()
            .map(|(_, r)| r.id.to_string())
            .collect();
        ids.sort_by(|a, b| crate::model::ids::natural_cmp(a, b));
        ids
    };
    let d = |x: Option<jiff::civil::Date>| x.map(|d| d.to_string());
    let settings: [(&str, Option<String>, Option<String>); 5] = [
        ("tree.period_start", d(bs.period_start), d(hs.period_start)),
        ("tree.period_end", d(bs.period_end), d(hs.period_end)),
        (
            "review.interval_months",
            Some(bs.review_interval_months.to_string()),
            Some(hs.review_interval_months.to_string()),
        ),
        (
            "grades.a_pace",
            Some(bs.grades.a_pace.to_string()),
            Some(hs.grades.a_pace.to_string()),
        ),
        (
            "grades.b_pace",
            Some(bs.grades.b_pace.to_string()),
            Some(hs.grades.b_pace.to_string()),
        ),
    ];
    for (key, before, after) in settings {
        if before != after {
            push(ThingKind::Settings, key.to_owned(), before, after, all());
        }
    }
    out
}

/// Flag reference data of the guideline that changed with no `[[revision]]`
/// added in the same change naming it — when the head tree keeps an
/// 改訂歴 at all (a tree without one does not record revisions).
pub(super) fn flag_unrevised(impact: &mut [ReferenceImpact], base: &Model, head: &Model) {
    if head.settings.revisions.is_empty() {
        return;
    }
    let known: BTreeSet<(&str, Option<jiff::civil::Date>)> = base
        .settings
        .revisions
        .iter()
        .map(|r| (r.version.as_str(), r.date))
        .collect();
    let named: BTreeSet<&str> = head
        .settings
        .revisions
        .iter()
        .filter(|r| !known.contains(&(r.version.as_str(), r.date)))
        .flat_map(|r| r.changed.iter().map(String::as_str))
        .collect();
    for i in impact.iter_mut() {
        i.unrevised = i.kind != ThingKind::Settings && !named.contains(i.id.as_str());
    }
}
