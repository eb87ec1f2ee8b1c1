//! The model as reports read it: every key of every kind is read, and a
//! file that could not be read is counted by no report.

mod common;

use dx::model::{self, Kind, keys};

const ISSUE: &str = r#"id = "K-050"
title = "t"
vision = ["kurashi-1"]
current = "c"
gap = "g"
reviewed = 2025-12-01
owner = "市民課"
visibility = "public"
tags = ["x"]

[closed]
date = 2026-01-01
reason = "r"
"#;

const METHOD: &str = r#"id = "S-050"
title = "t"
solves = ["K-050"]
principles = ["P1"]
considerations = ["C1"]
national = ["N1"]
expands = "S-001"
stage = "運用"
owner = "市民課"
visibility = "public"
tags = ["x"]
review_due = 2027-03-31

[team]
name = "n"
kind = "検討チーム"
lead = "市民課長"
departments = ["市民課"]

[[indicator]]
name = "i"
unit = "%"
baseline = 1.0
target = 2.0
target_date = 2027-03-31
actual = 1.5
measured = 2026-09-30

[[decision]]
date = 2022-03-24
body = "推進本部"
result = "導入"
note = "n"
"#;

const TECHNOLOGY: &str = r#"id = "G-050"
title = "t"
implements = ["S-050"]
stage = "運用"
national = ["N1"]
product = "p"
owner = "市民課"
visibility = "public"
tags = ["x"]
review_due = 2027-03-31

[team]
name = "n"

[[indicator]]
name = "i"
baseline = 1.0
target = 2.0
target_date = 2027-03-31

[[decision]]
date = 2022-03-24
body = "推進本部"
result = "導入"
"#;

/// The top-level keys a record's text sets (tables by their header).
fn written_keys(text: &str) -> Vec<String> {
    let doc: toml::Table = toml::from_str(text).expect("valid TOML");
    doc.keys().cloned().collect()
}

/// Each kind's file sets every key the loader knows for it, and each of
/// them reaches the model: the key lists and the reader cannot drift apart.
#[test]
fn every_key_of_every_kind_is_read() {
    let tree = common::tree(None);
    let dir = tree.path().join("kurashi/online");
    for (name, text) in [("K-050", ISSUE), ("S-050", METHOD), ("G-050", TECHNOLOGY)] {
        std::fs::write(dir.join(format!("{name}.toml")), text).expect("write");
    }
    let model = model::load(tree.path()).expect("loads");
    let findings: Vec<_> = model
        .load_diagnostics
        .iter()
        .filter(|d| d.record.as_deref().is_some_and(|r| r.ends_with("-050")))
        .map(|d| format!("{}: {:?}", d.rule.slug(), d.message))
        .collect();
    assert!(findings.is_empty(), "{findings:?}");
    for (id, kind, text) in [
        ("K-050", Kind::Issue, ISSUE),
        ("S-050", Kind::Method, METHOD),
        ("G-050", Kind::Technology, TECHNOLOGY),
    ] {
        let mut written = written_keys(text);
        written.sort();
        let mut known: Vec<String> = keys::record_keys(kind)
            .iter()
            .map(|k| (*k).to_owned())
            .collect();
        known.sort();
        assert_eq!(written, known, "{id} sets every key of its kind");
        let r = model.record(id).expect("record");
        for key in keys::record_keys(kind) {
            let read = match *key {
                "id" => r.id_key.is_some(),
                "title" => r.title.is_some(),
                "owner" => r.owner.is_some(),
                "visibility" => r.visibility.is_some(),
                "tags" => !r.tags.is_empty(),
                "vision" => r.vision().is_some(),
                "current" => r.current().is_some(),
                "gap" => r.gap().is_some(),
                "reviewed" => r.issue().is_some_and(|p| p.reviewed.is_some()),
                "closed" => r
                    .closed()
                    .is_some_and(|c| c.date.is_some() && c.reason.is_some()),
                "solves" => r.solves().is_some(),
                "principles" => r.principles().is_some(),
                "considerations" => r.considerations().is_some(),
                "national" => r.national().is_some(),
                "expands" => r.expands().is_some(),
                "implements" => r.implements().is_some(),
                "product" => r.product().is_some(),
                "stage" => r.stage().is_some(),
                "review_due" => r.review_due().is_some(),
                "team" => r.team().is_some_and(|t| t.name.is_some()),
                "indicator" => r.indicators().first().is_some_and(|i| i.target.is_some()),
                "decision" => r.decisions().first().is_some_and(|d| d.result.is_some()),
                other => panic!("the test does not know key {other}: add it here"),
            };
            assert!(read, "{id}: key {key} was written but not read");
        }
    }
}

/// A 課題 file that is not valid TOML exists (links to it resolve) but is
/// counted by no report: `dx status` and `dx gap` agree on the number of 課題.
#[test]
fn an_unreadable_record_is_counted_nowhere() {
    let tree = common::tree(None);
    std::fs::write(tree.path().join("kurashi/online/K-900.toml"), "title = \n").expect("write");
    let model = model::load(tree.path()).expect("loads");
    let readable = model.records_of(Kind::Issue).count();
    let all = model
        .records
        .iter()
        .filter(|r| r.kind == Kind::Issue)
        .count();
    assert_eq!(all, readable + 1, "the broken file is in the model");
    let today = common::today();
    let status = dx::report::status::Status::build(&model, dx::report::status::Axis::Field);
    let gap = dx::report::gap::Gap::compute(&model, today, None);
    let status_issues = serde_json::to_value(&status).expect("json")["issues"]["total"].clone();
    assert_eq!(
        status_issues,
        serde_json::json!(readable),
        "status counts only readable 課題"
    );
    assert_eq!(
        gap.summary.issues, readable,
        "gap counts only readable 課題"
    );
}

/// Personal data on a labelled set of realistic lines (tests/fixtures/
/// privacy/labelled.tsv): precision and recall both at least 0.95.
#[test]
fn personal_data_precision_and_recall() {
    let text =
        std::fs::read_to_string(common::fixtures().join("privacy/labelled.tsv")).expect("set");
    let domains = vec!["city.nishinomiya.lg.jp".to_owned()];
    let phones = vec!["0798353151".to_owned()];
    let allow = dx::privacy::Allow::new(&domains, &phones);
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let mut wrong = Vec::new();
    let mut lines = 0;
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') || l.starts_with("#\t"))
    {
        let Some((label, sample)) = line.split_once('\t') else {
            continue;
        };
        lines += 1;
        let found = !dx::privacy::scan(sample, &allow).is_empty();
        match (label, found) {
            ("P", true) => tp += 1,
            ("P", false) => {
                fn_ += 1;
                wrong.push(format!("missed: {sample}"));
            }
            ("N", true) => {
                fp += 1;
                wrong.push(format!("false alarm: {sample}"));
            }
            _ => {}
        }
    }
    assert!(lines >= 100, "{lines} labelled lines");
    eprintln!("personal data: {lines} lines, {tp} found, {fp} false alarms, {fn_} missed");
    let precision = f64::from(tp) / f64::from(tp + fp);
    let recall = f64::from(tp) / f64::from(tp + fn_);
    assert!(
        precision >= 0.95 && recall >= 0.95,
        "precision {precision:.2}, recall {recall:.2}\n{}",
        wrong.join("\n")
    );
}

/// The language server's tree, read once and then file by file, says
/// exactly what a fresh load of the same texts says: on every rule
/// fixture, each file edited (a link broken, a key added, the text cut in
/// half) and then put back from disk.
#[test]
fn a_tree_kept_file_by_file_checks_as_a_fresh_load() {
    let edits: [fn(&str) -> String; 3] = [
        |t| t.replacen("K-00", "K-90", 1),
        |t| format!("{t}\nunknown_key = 1\n"),
        |t| t[..t.floor_char_boundary(t.len() / 2)].to_owned(),
    ];
    for id in dx::rules::RuleId::ALL {
        let tree = common::tree(Some(&format!("rules/{}", id.slug())));
        let root = tree.path();
        let mut kept = model::KeptTree::load(root, Default::default()).expect("loads");
        let (disk, disk_diags) = common::check(root);
        let files: Vec<String> = (0..disk.files.len())
            .map(|i| disk.files.get(dx::files::FileId::new(i)).path.to_string())
            .filter(|p| p.ends_with(".toml") && root.join(p).is_file())
            .collect();
        for rel in &files {
            let text = std::fs::read_to_string(root.join(rel)).unwrap_or_default();
            for edit in edits {
                let bytes = edit(&text).into_bytes();
                let changes: std::collections::BTreeMap<_, _> =
                    [(rel.clone(), Some(bytes.clone()))].into();
                let fresh = model::load_from(
                    root,
                    &model::Source::Overlay {
                        root: root.to_path_buf(),
                        changes: changes.clone(),
                    },
                )
                .expect("loads");
                // dx.toml (read before every other file) is not taken alone.
                if !kept.update(rel, Some(bytes)).expect("reads") {
                    assert_eq!(rel, "dx.toml", "{}: {rel} not taken alone", id.slug());
                    kept = model::KeptTree::load(root, changes).expect("loads");
                }
                let got = kept.model();
                assert_eq!(
                    common::json(&got, &dx::rules::check(&got, common::today())),
                    common::json(&fresh, &dx::rules::check(&fresh, common::today())),
                    "{}: {rel} edited",
                    id.slug()
                );
            }
            if !kept.update(rel, None).expect("reads") {
                kept = model::KeptTree::load(root, Default::default()).expect("loads");
            }
            let back = kept.model();
            assert_eq!(
                common::json(&back, &dx::rules::check(&back, common::today())),
                common::json(&disk, &disk_diags),
                "{}: {rel} put back",
                id.slug()
            );
        }
    }
}
