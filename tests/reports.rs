//! Reports on a fixture tree (tests/fixtures/base + tests/fixtures/reports):
//! every report in every format, and their numbers against a count made
//! independently from the TOML files.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use clap::Parser;

/// Run dx in-process; returns (exit code, stdout, stderr).
fn dx(root: &Path, args: &[&str]) -> (u8, Vec<u8>, String) {
    dx_to(root, args, false)
}

/// Run dx in-process, its standard output a terminal or not.
fn dx_to(root: &Path, args: &[&str], terminal: bool) -> (u8, Vec<u8>, String) {
    let mut argv = vec![
        "dx",
        "--root",
        root.to_str().expect("utf-8 path"),
        "--today",
        common::TODAY,
    ];
    argv.extend_from_slice(args);
    let cli = dx::cli::Cli::try_parse_from(argv).expect("arguments parse");
    let env = dx::cli::Env {
        cwd: root.to_path_buf(),
        stdout_is_terminal: terminal,
        no_color: true,
        local_today: common::today(),
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = dx::cli::run(&cli, &env, &mut out, &mut err);
    (code, out, String::from_utf8(err).expect("utf-8"))
}

fn text(root: &Path, args: &[&str]) -> String {
    let (code, out, err) = dx(root, args);
    assert_eq!(code, 0, "{args:?}: {err}");
    String::from_utf8(out).expect("utf-8")
}

const REPORTS: &[(&str, &[&str])] = &[
    ("status", &["status"]),
    ("status_by_domain", &["status", "--by", "domain"]),
    ("status_by_principle", &["status", "--by", "principle"]),
    ("status_by_national", &["status", "--by", "national"]),
    ("status_by_team", &["status", "--by", "team"]),
    ("status_by_fiscal_year", &["status", "--by", "fiscal-year"]),
    ("gap", &["gap"]),
    ("gap_kurashi", &["gap", "--field", "kurashi"]),
    ("show_method", &["show", "S-003"]),
    ("show_issue", &["show", "K-001"]),
    ("show_history", &["show", "S-007"]),
    ("show_wareki", &["--dates", "wareki", "show", "S-007"]),
    ("show_vision", &["show", "kurashi-1"]),
    ("show_principle", &["show", "P1"]),
    ("show_field", &["show", "gyosei"]),
    ("show_domain", &["show", "kurashi/online"]),
    ("tree", &["tree"]),
    ("tree_depth_2", &["tree", "--depth", "2"]),
    ("list", &["list"]),
    (
        "list_filtered",
        &[
            "list",
            "--kind",
            "手法",
            "--stage",
            "実証実験",
            "--stage",
            "運用",
        ],
    ),
];

#[test]
fn every_report_in_every_format() {
    let tree = common::tree(Some("reports"));
    for (name, args) in REPORTS {
        for format in ["table", "markdown", "json", "csv"] {
            let mut argv = args.to_vec();
            argv.extend(["--format", format]);
            let out = text(tree.path(), &argv);
            if format == "json" {
                serde_json::from_str::<serde_json::Value>(&out).expect("valid JSON");
            }
            insta::assert_snapshot!(format!("{name}__{format}"), out);
        }
    }
}

/// One format type for every command that writes a document, written by
/// one rule: a workbook to a file or a pipe, never to a terminal; YAML is
/// the JSON's data; HTML is a page of the report; a format a command does
/// not write is refused with the ones it does.
#[test]
fn every_document_command_takes_its_formats_by_one_rule() {
    let tree = common::tree(Some("reports"));
    let root = tree.path();
    let commands: &[&[&str]] = &[
        &["status"],
        &["status", "--by", "fiscal-year"],
        &["gap"],
        &["list"],
        &["show", "S-003"],
        &["tree"],
        &["agenda"],
        &["export"],
    ];
    for command in commands {
        let with = |format: &'static str| {
            let mut argv = command.to_vec();
            argv.extend(["--format", format]);
            argv
        };
        let (code, _, err) = dx_to(root, &with("xlsx"), true);
        assert_eq!(code, 2, "{command:?} xlsx to a terminal");
        assert!(err.contains("端末に表示できません"), "{command:?}: {err}");
        let (code, book, err) = dx_to(root, &with("xlsx"), false);
        assert_eq!(code, 0, "{command:?} xlsx to a pipe: {err}");
        assert!(book.starts_with(b"PK"), "{command:?}: a workbook");
        let (code, yaml, err) = dx(root, &with("yaml"));
        assert_eq!(code, 0, "{command:?} yaml: {err}");
        let (_, json, _) = dx(root, &with("json"));
        let from_yaml: serde_json::Value =
            serde_norway::from_slice(&yaml).expect("YAML a loader reads");
        let from_json: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
        assert_eq!(
            from_yaml, from_json,
            "{command:?}: YAML holds the JSON's data"
        );
        if command[0] != "export" {
            let page = String::from_utf8(text(root, &with("html")).into()).expect("utf-8");
            // The tree is an outline; the others have tables.
            let body = if command[0] == "tree" {
                "<ul>"
            } else {
                "<table"
            };
            assert!(
                page.starts_with("<!DOCTYPE html>") && page.contains(body),
                "{command:?}: a page with its {body}"
            );
        }
    }
    // The export writes data, not a report's document; a report is no
    // folder of tables.
    for (args, formats) in [
        (["export", "--format", "csv"], "json, yaml, xlsx, tables"),
        (
            ["status", "--format", "tables"],
            "table, markdown, json, csv, xlsx, html, yaml",
        ),
    ] {
        let out = common::dx_in(root).args(args).output().expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(formats), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn reports_in_english() {
    let tree = common::tree(Some("reports"));
    for (name, args) in [
        ("status", &["status"][..]),
        ("gap", &["gap"]),
        ("show", &["show", "S-003"]),
    ] {
        let mut argv = vec!["--lang", "en"];
        argv.extend_from_slice(args);
        insta::assert_snapshot!(format!("{name}__en"), text(tree.path(), &argv));
    }
}

#[test]
fn csv_opens_in_excel() {
    let tree = common::tree(Some("reports"));
    let (_, with_bom, _) = dx(tree.path(), &["list", "--format", "csv"]);
    assert!(
        with_bom.starts_with(b"\xEF\xBB\xBF"),
        "BOM first by default"
    );
    let (_, without, _) = dx(tree.path(), &["list", "--format", "csv", "--no-bom"]);
    assert_eq!(&with_bom[3..], &without[..]);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(&without[..]);
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("valid CSV");
    // One row per record after the header, and nothing else: a count row
    // would be read as a record.
    assert_eq!(rows.len(), 14);
    assert!(rows.iter().all(|r| r[0].contains('-')), "{rows:?}");
}

#[test]
fn one_table_per_csv_with_numbers_apart() {
    let tree = common::tree(Some("reports"));
    let (_, bytes, _) = dx(
        tree.path(),
        &["status", "--table", "issues", "--format", "csv", "--no-bom"],
    );
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(
        text.starts_with("分野,未着手,"),
        "the header row first: {text}"
    );
    assert_eq!(text.matches("分野,").count(), 1, "one table: {text}");
    let (_, bytes, _) = dx(
        tree.path(),
        &["status", "--table", "課題", "--format", "csv", "--no-bom"],
    );
    assert_eq!(
        String::from_utf8(bytes).expect("utf-8"),
        text,
        "the Japanese word too"
    );
    // Baseline, target and actual in columns of their own.
    let (_, bytes, _) = dx(
        tree.path(),
        &["gap", "--table", "behind", "--format", "csv", "--no-bom"],
    );
    let gap = String::from_utf8(bytes).expect("utf-8");
    assert!(
        gap.contains("ID,評価指標,基準値,目標値,実績値,単位,"),
        "{gap}"
    );
    assert!(!gap.contains(" → "), "{gap}");
}

/// Every CSV a report writes is one table, as pandas and DuckDB read a
/// file: a header row and rows of as many fields (the csv reader is not
/// flexible), no totals row. A report of several tables writes the first
/// and names the others on standard error; `--table` picks one by
/// number, name or heading, and an unknown name lists the choices.
#[test]
fn every_csv_is_one_table() {
    let tree = common::tree(Some("reports"));
    for (name, args) in REPORTS {
        let mut argv = args.to_vec();
        argv.extend(["--format", "csv", "--no-bom"]);
        let (code, bytes, _) = dx(tree.path(), &argv);
        assert_eq!(code, 0, "{name}");
        let mut reader = csv::ReaderBuilder::new().from_reader(&bytes[..]);
        let rows: Result<Vec<csv::StringRecord>, _> = reader.records().collect();
        let rows = rows.unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            rows.iter()
                .all(|r| !r[0].starts_with("計") && &r[0] != "Total"),
            "{name}: a totals row"
        );
    }
    let out = common::dx_in(tree.path())
        .args(["gap", "--format", "csv", "--no-bom"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("CSV には表を一つだけ書きます") && err.contains("9: 遅れ(遅れている評価指標"),
        "{err}"
    );
    let by_year = |table: &str| {
        dx(
            tree.path(),
            &[
                "status",
                "--by",
                "fiscal-year",
                "--table",
                table,
                "--format",
                "csv",
                "--no-bom",
            ],
        )
    };
    let (code, bytes, _) = by_year("observations");
    assert_eq!(code, 0);
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(text.starts_with("年度,確定,"), "{text}");
    assert!(text.contains("\n2025,"), "the 年度 as a number: {text}");
    assert_eq!(
        by_year("測定").1,
        text.clone().into_bytes(),
        "the Japanese word"
    );
    assert_eq!(by_year("2").1, text.into_bytes(), "the number");
    let (code, _, err) = by_year("予算");
    assert_eq!(code, 2);
    assert!(
        err.contains("「予算」という表はありません") && err.contains("1: 意思決定("),
        "{err}"
    );
}

/// The JSON of every report is data, not words: the same under `--lang ja`
/// and `--lang en`, but for the fields documented as following the
/// language (docs/json.md: `grade_label`, and a finding's `message` and
/// `help`).
#[test]
fn json_is_the_same_in_every_language() {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                for key in ["grade_label", "message", "help"] {
                    map.remove(key);
                }
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let tree = common::tree(Some("reports"));
    let mut reports: Vec<Vec<&str>> = REPORTS.iter().map(|(_, args)| args.to_vec()).collect();
    for by in ["domain", "principle", "national", "team", "fiscal-year"] {
        reports.push(vec!["status", "--by", by]);
    }
    reports.push(vec!["check"]);
    for args in reports {
        let json = |lang: &str| {
            let mut argv = vec!["--lang", lang];
            argv.extend(&args);
            argv.extend(["--format", "json"]);
            let (_, bytes, _) = dx(tree.path(), &argv);
            let mut v: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
            strip(&mut v);
            v
        };
        assert_eq!(json("ja"), json("en"), "{args:?}");
    }
}

#[test]
fn markdown_escapes_pipes() {
    let tree = common::tree(Some("reports"));
    let k = tree.path().join("kurashi/online/K-001.toml");
    let src = std::fs::read_to_string(&k).expect("read");
    std::fs::write(&k, src.replace("多くの手続が", "手続A|手続B が")).expect("write");
    let md = text(tree.path(), &["list", "--format", "markdown"]);
    assert!(md.contains("手続A\\|手続B"), "{md}");
}

#[test]
fn unknown_things_exit_2_with_a_suggestion() {
    let tree = common::tree(Some("reports"));
    let (code, _, err) = dx(tree.path(), &["show", "S-030"]);
    assert_eq!(code, 2);
    assert!(err.contains("S-003"), "{err}");
    let (code, _, err) = dx(tree.path(), &["gap", "--field", "kurasi"]);
    assert_eq!(code, 2);
    assert!(err.contains("kurashi"), "{err}");
    let (code, _, err) = dx(tree.path(), &["list", "--stage", "実証"]);
    assert_eq!(code, 2);
    assert!(err.contains("実証実験"), "{err}");
}

// ---------------------------------------------------------------------------
// An independent count: read the record files with plain `toml` and derive
// progress the naive way (every 課題 against every 手法), then compare.

#[derive(Default)]
struct Naive {
    issues: BTreeMap<String, (Vec<String>, bool)>,
    methods: BTreeMap<String, (Vec<String>, String, Vec<String>)>,
    technologies: BTreeMap<String, String>,
}

fn naive(root: &Path) -> Naive {
    let mut n = Naive::default();
    for entry in walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(id) = name.strip_suffix(".toml") else {
            continue;
        };
        let Ok(value) = std::fs::read_to_string(entry.path()).map(|s| s.parse::<toml::Table>())
        else {
            continue;
        };
        let Ok(t) = value else { continue };
        let strings = |k: &str| -> Vec<String> {
            t.get(k)
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        let stage = t
            .get("stage")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned();
        match id.chars().next() {
            Some('K') => {
                n.issues
                    .insert(id.to_owned(), (strings("vision"), t.contains_key("closed")));
            }
            Some('S') => {
                n.methods.insert(
                    id.to_owned(),
                    (strings("solves"), stage, strings("principles")),
                );
            }
            Some('G') => {
                n.technologies.insert(id.to_owned(), stage);
            }
            _ => {}
        }
    }
    n
}

fn naive_progress(n: &Naive, issue: &str) -> &'static str {
    if n.issues[issue].1 {
        return "解消";
    }
    let rank = |s: &str| match s {
        "検討" => 1,
        "実証実験" | "先行導入" => 2,
        "導入決定" => 3,
        "運用" => 4,
        _ => 0,
    };
    let best = n
        .methods
        .values()
        .filter(|(solves, _, _)| solves.iter().any(|s| s == issue))
        .map(|(_, stage, _)| rank(stage))
        .max()
        .unwrap_or(0);
    ["未着手", "検討中", "実証中", "導入決定", "運用中"][best]
}

fn json(root: &Path, args: &[&str]) -> serde_json::Value {
    let mut argv = args.to_vec();
    argv.extend(["--format", "json"]);
    serde_json::from_str(&text(root, &argv)).expect("json")
}

fn agree(root: &Path) {
    let n = naive(root);
    let status = json(root, &["status"]);
    let gap = json(root, &["gap"]);

    // 課題 by progress: status totals, gap summary and the naive count.
    let mut by_progress: HashMap<&str, u64> = HashMap::new();
    for id in n.issues.keys() {
        *by_progress.entry(naive_progress(&n, id)).or_default() += 1;
    }
    let columns = status["issues"]["columns"].as_array().expect("columns");
    for (c, column) in columns.iter().enumerate() {
        let p = column.as_str().expect("word");
        let want = by_progress.get(p).copied().unwrap_or(0);
        assert_eq!(
            status["issues"]["totals"][c].as_u64(),
            Some(want),
            "status: issues {p}"
        );
        let in_gap = gap["summary"]["issues_by_progress"]
            .as_array()
            .expect("pairs")
            .iter()
            .find(|x| x[0] == p)
            .expect("listed");
        assert_eq!(in_gap[1].as_u64(), Some(want), "gap: issues {p}");
    }
    assert_eq!(
        status["issues"]["total"].as_u64(),
        Some(n.issues.len() as u64)
    );
    assert_eq!(
        gap["summary"]["issues"].as_u64(),
        Some(n.issues.len() as u64)
    );

    // 手法 and 技術 by stage.
    for (key, stages) in [
        (
            "methods",
            n.methods.values().map(|m| m.1.clone()).collect::<Vec<_>>(),
        ),
        ("technologies", n.technologies.values().cloned().collect()),
    ] {
        for (c, column) in status[key]["columns"]
            .as_array()
            .expect("columns")
            .iter()
            .enumerate()
        {
            let want = stages
                .iter()
                .filter(|s| *s == column.as_str().expect("word"))
                .count() as u64;
            assert_eq!(
                status[key]["totals"][c].as_u64(),
                Some(want),
                "{key} {column}"
            );
        }
        let rows: u64 = status[key]["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r["total"].as_u64().unwrap_or(0))
            .sum();
        assert_eq!(
            rows,
            status[key]["total"].as_u64().unwrap_or(0),
            "{key}: rows add up to the total (field axis)"
        );
    }

    // ビジョン coverage: uncovered items are those no 課題 names.
    let named: std::collections::HashSet<&str> = n
        .issues
        .values()
        .flat_map(|(v, _)| v.iter().map(String::as_str))
        .collect();
    let items = gap["vision"].as_array().expect("items");
    let uncovered = items
        .iter()
        .filter(|v| !named.contains(v["id"].as_str().unwrap_or("")))
        .count() as u64;
    assert_eq!(gap["summary"]["uncovered"].as_u64(), Some(uncovered));
    assert_eq!(
        gap["summary"]["covered"].as_u64().unwrap_or(0)
            + gap["summary"]["unaddressed"].as_u64().unwrap_or(0)
            + uncovered,
        items.len() as u64
    );

    // 原則 no 手法 follows.
    let followed: std::collections::HashSet<&str> = n
        .methods
        .values()
        .flat_map(|m| m.2.iter().map(String::as_str))
        .collect();
    let unfollowed = (1..=5)
        .filter(|i| !followed.contains(format!("P{i}").as_str()))
        .count() as u64;
    assert_eq!(
        gap["summary"]["principles_unfollowed"].as_u64(),
        Some(unfollowed)
    );
}

#[test]
fn numbers_agree_on_the_fixture() {
    let tree = common::tree(Some("reports"));
    agree(tree.path());
}

#[test]
fn numbers_agree_on_the_bundled_records() {
    agree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("records"));
}
