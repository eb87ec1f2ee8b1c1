//! Writing commands (`new`, `fmt`, `init`) and review commands (`diff`,
//! SARIF, schemas) end to end, with temporary trees and git repositories.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;

use common::dx_in as dx;

fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn bytes(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_type().is_file() && !e.path().components().any(|c| c.as_os_str() == ".git")
        })
        .map(|e| {
            (
                e.path()
                    .strip_prefix(root)
                    .expect("inside")
                    .display()
                    .to_string(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}

/// (rule, record) of every finding: what fmt must not change.
fn findings(root: &Path) -> Vec<(String, String)> {
    let (_, out, _) = run(dx(root).args(["check", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let mut f: Vec<(String, String)> = v["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("").to_owned(),
                d["record"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    f.sort();
    f
}

// --- dx new -----------------------------------------------------------------

#[test]
fn new_takes_the_next_free_id_and_writes_a_valid_record() {
    let tree = common::tree(None);
    let (code, out, err) = run(dx(tree.path()).args([
        "new",
        "課題",
        "--domain",
        "kurashi/madoguchi",
        "--title",
        "窓口で待つ",
        "--vision",
        "kurashi-6",
    ]));
    assert_eq!(code, 0, "{err}");
    // K-001 and K-002 exist in the base tree.
    assert!(
        out.trim().ends_with("kurashi/madoguchi/K-003.toml"),
        "{out}"
    );
    let (code, out, err) = run(dx(tree.path()).args([
        "new",
        "method",
        "--domain",
        "kurashi/madoguchi",
        "--title",
        "書かない窓口",
        "--solves",
        "K-003",
        "--principles",
        "P1",
        "P4",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(out.trim().ends_with("S-002.toml"), "{out}");
    let text =
        std::fs::read_to_string(tree.path().join("kurashi/madoguchi/S-002.toml")).expect("written");
    assert!(
        text.contains("solves = [\"K-003\"]")
            && text.contains("principles = [\"P1\", \"P4\"]")
            && text.contains("stage = \"検討\""),
        "{text}"
    );
    assert!(
        text.contains("# [[indicator]]"),
        "optional keys as comments"
    );
    assert!(
        findings(tree.path()).is_empty(),
        "{:?}",
        findings(tree.path())
    );
}

#[test]
fn new_checks_links_before_writing_anything() {
    let tree = common::tree(None);
    let before = bytes(tree.path());
    let (code, _, err) = run(dx(tree.path()).args([
        "new",
        "技術",
        "--domain",
        "kurashi/online",
        "--title",
        "t",
        "--implements",
        "S-011",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("S-001"), "suggests the nearest: {err}");
    let (code, _, err) = run(dx(tree.path()).args([
        "new",
        "技術",
        "--domain",
        "kurashi/onlin",
        "--title",
        "t",
        "--implements",
        "S-001",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("kurashi/online"), "{err}");
    let (code, _, _) = run(dx(tree.path()).args([
        "new",
        "課題",
        "--domain",
        "kurashi/online",
        "--title",
        "t",
        "--solves",
        "K-001",
    ]));
    assert_eq!(code, 2, "--solves is for 手法");
    let (code, _, _) =
        run(dx(tree.path()).args(["new", "計画", "--domain", "kurashi/online", "--title", "t"]));
    assert_eq!(code, 2);
    assert_eq!(before, bytes(tree.path()), "nothing written");
}

#[test]
fn new_writes_what_check_and_fmt_accept_or_nothing() {
    let tree = common::tree(None);
    // Two ビジョン items out of order: written sorted, as dx fmt wants them.
    let (code, _, err) = run(dx(tree.path()).args([
        "new",
        "課題",
        "--domain",
        "kurashi/online",
        "--title",
        "通知が届かない",
        "--vision",
        "kurashi-2",
        "kurashi-1",
        "--tags",
        "通知",
        "--visibility",
        "public",
    ]));
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = run(dx(tree.path()).args(["fmt", "--check"]));
    assert_eq!(code, 0, "{out}");
    let text =
        std::fs::read_to_string(tree.path().join("kurashi/online/K-003.toml")).expect("written");
    assert!(
        text.contains("vision = [\"kurashi-1\", \"kurashi-2\"]")
            && text.contains("visibility = \"public\""),
        "{text}"
    );
    let (code, _, err) = run(dx(tree.path()).args([
        "new",
        "手法",
        "--domain",
        "kurashi/online",
        "--title",
        "通知のプッシュ配信",
        "--solves",
        "K-003",
        "--principles",
        "P1",
        "--stage",
        "検討",
        "--team-name",
        "通知チーム",
        "--team-kind",
        "タスクフォース",
    ]));
    assert_eq!(code, 0, "{err}");
    let text =
        std::fs::read_to_string(tree.path().join("kurashi/online/S-002.toml")).expect("written");
    assert!(
        text.contains("[team]\nname = \"通知チーム\"\nkind = \"タスクフォース\""),
        "{text}"
    );
    assert!(
        findings(tree.path()).is_empty(),
        "{:?}",
        findings(tree.path())
    );
    // What dx check would reject is not written: a 課題 with no ビジョン
    // item, a pilot without an indicator.
    let before = bytes(tree.path());
    let (code, out, _) =
        run(dx(tree.path()).args(["new", "課題", "--domain", "kurashi/online", "--title", "t"]));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("missing-link"), "{out}");
    let (code, out, _) = run(dx(tree.path()).args([
        "new",
        "手法",
        "--domain",
        "kurashi/online",
        "--title",
        "t",
        "--solves",
        "K-001",
        "--principles",
        "P1",
        "--stage",
        "実証実験",
    ]));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("missing-indicator"), "{out}");
    assert_eq!(before, bytes(tree.path()), "nothing written");
    // A new 領域 and 分野.
    let (code, _, err) =
        run(dx(tree.path()).args(["new", "領域", "kurashi/kosodate", "--name", "子育て"]));
    assert_eq!(code, 0, "{err}");
    assert!(tree.path().join("kurashi/kosodate/domain.toml").is_file());
    let (code, _, err) = run(dx(tree.path()).args(["new", "分野", "kanko", "--name", "観光"]));
    assert_eq!(code, 0, "{err}");
    assert!(tree.path().join("kanko/field.toml").is_file());
    let (code, _, _) = run(dx(tree.path()).args(["new", "領域", "nowhere/x", "--name", "x"]));
    assert_eq!(code, 2, "a 領域 needs its 分野");
    assert!(
        findings(tree.path()).is_empty(),
        "{:?}",
        findings(tree.path())
    );
}

// --- dx fmt -----------------------------------------------------------------

#[test]
fn fmt_check_lists_without_writing_then_fmt_is_idempotent() {
    let tree = common::tree(Some("fmt"));
    let before = bytes(tree.path());
    let findings_before = findings(tree.path());
    let (code, out, _) = run(dx(tree.path()).args(["fmt", "--check"]));
    assert_eq!(code, 1);
    assert!(
        out.contains("kurashi/online/S-201.toml") && out.contains("kurashi/online/K-201.toml"),
        "{out}"
    );
    assert!(
        !out.contains("S-202"),
        "formatted files are not listed: {out}"
    );
    assert_eq!(before, bytes(tree.path()), "--check writes nothing");

    let (code, _, _) = run(dx(tree.path()).arg("fmt"));
    assert_eq!(code, 0);
    let after = bytes(tree.path());
    let changed: Vec<&String> = after.keys().filter(|k| before[*k] != after[*k]).collect();
    assert_eq!(
        changed,
        ["kurashi/online/K-201.toml", "kurashi/online/S-201.toml"],
        "only files that change are touched"
    );
    insta::assert_snapshot!(
        "fmt_method",
        String::from_utf8_lossy(&after["kurashi/online/S-201.toml"])
    );
    insta::assert_snapshot!(
        "fmt_issue",
        String::from_utf8_lossy(&after["kurashi/online/K-201.toml"])
    );

    let (code, out, _) = run(dx(tree.path()).args(["fmt", "--check"]));
    assert_eq!(code, 0, "idempotent: {out}");
    // The same findings, less the repeated link fmt removed.
    let expected: Vec<(String, String)> = findings_before
        .into_iter()
        .filter(|(r, _)| r != "duplicate-link")
        .collect();
    assert_eq!(findings(tree.path()), expected);
}

#[test]
fn bundled_records_are_formatted() {
    let (code, out, _) = run(dx(Path::new(env!("CARGO_MANIFEST_DIR"))).args(["fmt", "--check"]));
    assert_eq!(code, 0, "{out}");
}

// --- dx init ----------------------------------------------------------------

#[test]
fn init_writes_a_tree_that_checks_clean() {
    let parent = tempfile::tempdir().expect("temp");
    let (code, out, err) =
        run(dx(parent.path()).args(["init", "city", "--organization", "テスト市"]));
    assert_eq!(code, 0, "{err}");
    let kinds = dx::schema::KINDS.len();
    assert_eq!(out.lines().count(), 7 + 1 + kinds, "{out}");
    let city = parent.path().join("city");
    let (code, out, _) = run(dx(&city).arg("check"));
    assert_eq!(code, 0, "{out}");
    // The editor checks from the first minute: taplo's settings name a
    // schema for every file kind, each as `dx schema` prints it.
    let taplo = std::fs::read_to_string(city.join(".taplo.toml")).expect(".taplo.toml");
    let taplo: toml::Table = taplo.parse().expect("taplo settings parse");
    let named: Vec<&str> = taplo["rule"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["schema"]["path"].as_str())
        .collect();
    for (name, file) in dx::schema::KINDS {
        assert!(
            named.contains(&format!("./schemas/{file}").as_str()),
            "{file} not in .taplo.toml"
        );
        let written = std::fs::read_to_string(city.join("schemas").join(file)).expect("schema");
        assert_eq!(Some(written), dx::schema::schema_text(name), "{file}");
    }
    let (_, gap, _) = run(dx(&city).args(["gap", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&gap).expect("json");
    assert_eq!(
        v["summary"]["vision_items"], 21,
        "the guideline's 21 ビジョン items"
    );
    assert_eq!(v["summary"]["uncovered"], 21);

    let (code, _, _) = run(dx(parent.path()).args(["init", "city"]));
    assert_eq!(code, 2, "refuses a folder that is not empty");
    let (code, out, _) = run(dx(parent.path()).args(["init", "bare", "--empty"]));
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 3 + 1 + kinds);
}

// --- dx diff ----------------------------------------------------------------

fn git(dir: &Path, args: &[&str]) {
    let ok = Process::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=dx-test",
            "-c",
            "user.email=dx@example.invalid",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .expect("git runs")
        .status
        .success();
    assert!(ok, "git {args:?}");
}

/// A repository with the reports fixture under `records/`, committed once.
fn repo() -> tempfile::TempDir {
    let tree = common::tree(Some("reports"));
    let repo = tempfile::tempdir().expect("temp");
    let records = repo.path().join("records");
    std::fs::rename(tree.path(), &records)
        .or_else(|_| {
            std::fs::create_dir_all(&records)?;
            for (rel, data) in bytes(tree.path()) {
                let p = records.join(rel);
                std::fs::create_dir_all(p.parent().expect("parent"))?;
                std::fs::write(p, data)?;
            }
            Ok::<(), std::io::Error>(())
        })
        .expect("tree in repo");
    git(repo.path(), &["init", "-q", "-b", "main"]);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-m", "base"]);
    repo
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from} in {}", path.display());
    std::fs::write(path, text.replace(from, to)).expect("write");
}

fn change(repo: &Path) {
    let r = repo.join("records");
    // A pilot decided on, with a new decision; an indicator updated; a stage
    // moved back; a record added, one moved, one removed; a link added.
    edit(
        &r.join("kurashi/madoguchi/S-003.toml"),
        "stage = \"実証実験\"",
        "stage = \"導入決定\"",
    );
    std::fs::write(
        r.join("kurashi/madoguchi/S-003.toml"),
        std::fs::read_to_string(r.join("kurashi/madoguchi/S-003.toml")).expect("read")
            + "\n[[decision]]\ndate = 2026-11-20\nbody = \"推進本部\"\nresult = \"導入\"\n",
    )
    .expect("write");
    edit(
        &r.join("kurashi/online/S-001.toml"),
        "actual = 22.0",
        "actual = 35.0",
    );
    edit(
        &r.join("kurashi/online/S-002.toml"),
        "stage = \"運用\"",
        "stage = \"実証実験\"",
    );
    edit(
        &r.join("gyosei/jimu/S-006.toml"),
        "solves = [\"K-006\"]",
        "solves = [\"K-006\", \"K-002\"]",
    );
    edit(
        &r.join("gyosei/jimu/S-006.toml"),
        "stage = \"検討\"",
        "stage = \"運用\"",
    );
    std::fs::write(
        r.join("kurashi/online/K-010.toml"),
        "title = \"新しい課題\"\nvision = [\"kurashi-2\"]\n",
    )
    .expect("write");
    std::fs::rename(
        r.join("kurashi/madoguchi/G-003.toml"),
        r.join("kurashi/online/G-003.toml"),
    )
    .expect("move");
    std::fs::remove_file(r.join("kurashi/online/S-004.toml")).expect("remove");
}

#[test]
fn diff_against_the_working_tree() {
    let repo = repo();
    change(repo.path());
    let (code, md, err) = run(dx(repo.path()).args(["diff", "main", "--format", "markdown"]));
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("diff_markdown", md);
    let (_, json, _) = run(dx(repo.path()).args(["diff", "main", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["added"][0]["id"], "K-010");
    assert_eq!(v["removed"][0]["id"], "S-004");
    assert_eq!(v["moved"][0]["to"], "kurashi/online/G-003.toml");
    let change_of = |id: &str| {
        v["state_changes"]
            .as_array()
            .expect("list")
            .iter()
            .find(|c| c["record"]["id"] == id)
            .cloned()
            .expect(id)
    };
    assert_eq!(change_of("S-002")["backwards"], true);
    assert_eq!(
        change_of("S-006")["skipped_pilot"],
        true,
        "検討 → 運用 with no pilot"
    );
    assert_eq!(change_of("S-003")["skipped_pilot"], false, "it was a pilot");
    assert_eq!(v["new_decisions"][0]["record"]["id"], "S-003");
    assert_eq!(v["indicator_updates"][0]["actual_after"], 35.0);
    assert_eq!(v["links_added"][0]["target"], "K-002");
    assert_eq!(
        v["coverage_after"]["unaddressed"], 1,
        "kurashi-2 gained a 未着手 課題"
    );
}

/// The diff's workbook types its dates: a new decision's date and an
/// indicator's measurement date are date cells, not text.
#[test]
fn diff_workbook_has_its_dates_typed() {
    use calamine::{Data, Reader, Xlsx};
    let repo = repo();
    change(repo.path());
    let (code, _, err) =
        run(dx(repo.path()).args(["diff", "main", "--format", "xlsx", "-o", "diff.xlsx"]));
    assert_eq!(code, 0, "{err}");
    let mut book: Xlsx<_> = calamine::open_workbook(repo.path().join("diff.xlsx")).expect("opens");
    let mut dated = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).expect("sheet");
        let headers: Vec<String> = range
            .rows()
            .next()
            .map(|r| r.iter().map(ToString::to_string).collect())
            .unwrap_or_default();
        for (c, h) in headers.iter().enumerate() {
            if h == "日付" || h == "測定日" {
                for row in range.rows().skip(1) {
                    assert!(
                        matches!(row[c], Data::DateTime(_) | Data::Empty),
                        "{name} {h}: {:?}",
                        row[c]
                    );
                    dated.push((name.clone(), h.clone()));
                }
            }
        }
    }
    assert!(
        dated.iter().any(|(_, h)| h == "日付") && dated.iter().any(|(_, h)| h == "測定日"),
        "{dated:?}"
    );
}

/// The diff's table of changed values holds dates and words in one
/// column: each cell is typed by the fact it holds, so a changed 見直し期限
/// is a date before and after, and a changed title stays text.
#[test]
fn diff_workbook_types_each_changed_value_by_its_fact() {
    use calamine::{Data, Reader, Xlsx};
    let repo = repo();
    let s001 = repo.path().join("records/kurashi/online/S-001.toml");
    edit(&s001, "review_due = 2027-03-31", "review_due = 2028-03-31");
    let text = std::fs::read_to_string(&s001).expect("S-001");
    let title = text
        .lines()
        .find(|l| l.starts_with("title = "))
        .expect("a title")
        .to_owned();
    // A title that reads like a date is still a title.
    edit(&s001, &title, "title = \"2026-04-01\"");
    let (code, _, err) =
        run(dx(repo.path()).args(["diff", "main", "--format", "xlsx", "-o", "diff.xlsx"]));
    assert_eq!(code, 0, "{err}");
    let mut book: Xlsx<_> = calamine::open_workbook(repo.path().join("diff.xlsx")).expect("opens");
    let range = book
        .worksheet_range("レコードの内容の変更")
        .expect("the sheet of changed values");
    let rows: Vec<&[Data]> = range.rows().collect();
    let row = |what: &str| {
        rows.iter()
            .find(|r| r.get(1).is_some_and(|c| *c == what))
            .unwrap_or_else(|| panic!("{what}: {rows:?}"))
    };
    let due = row("見直し期限");
    assert!(
        matches!((&due[2], &due[3]), (Data::DateTime(_), Data::DateTime(_))),
        "{due:?}"
    );
    let Data::DateTime(after) = &due[3] else {
        unreachable!("matched above")
    };
    // 2028-03-31 as Excel counts days from 1899-12-30.
    assert_eq!(after.as_f64(), 46_843.0, "{due:?}");
    let title = row("タイトル");
    assert_eq!(title[3], Data::String("2026-04-01".into()), "{title:?}");
    // On a screen in 和暦, the date is shown as one and the title as written.
    let (code, md, err) =
        run(dx(repo.path()).args(["diff", "main", "--format", "markdown", "--dates", "wareki"]));
    assert_eq!(code, 0, "{err}");
    assert!(md.contains("| 令和10年3月31日 |"), "{md}");
    assert!(md.contains("| 2026-04-01 |"), "{md}");
}

#[test]
fn diff_between_two_revisions() {
    let repo = repo();
    change(repo.path());
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-m", "change"]);
    let (code, json, err) =
        run(dx(repo.path()).args(["diff", "HEAD~1", "HEAD", "--format", "json"]));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["head"], "HEAD");
    assert_eq!(v["added"].as_array().map(Vec::len), Some(1));
    let (_, same, _) = run(dx(repo.path()).args(["diff", "HEAD", "HEAD", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&same).expect("json");
    assert_eq!(v["state_changes"].as_array().map(Vec::len), Some(0));
}

/// The pull request of the issue: a lowered target, a postponed review, an
/// edited and a removed decision, an internal 手法 made public, a revised
/// 原則 — every one of them seen, flagged, and the findings it brings.
#[test]
fn diff_sees_every_change_and_its_findings() {
    let repo = repo();
    let r = repo.path().join("records");
    let s001 = r.join("kurashi/online/S-001.toml");
    let text = std::fs::read_to_string(&s001).expect("read");
    assert!(
        text.contains("target = 50.0") && text.contains("review_due = 2027-03-31"),
        "{text}"
    );
    edit(&s001, "target = 50.0", "target = 40.0");
    edit(&s001, "review_due = 2027-03-31", "review_due = 2031-03-31");
    edit(
        &r.join("gyosei/jimu/S-006.toml"),
        "solves = [",
        "visibility = \"public\"\nsolves = [",
    );
    let s007 = r.join("gyosei/jimu/S-007.toml");
    edit(&s007, "result = \"導入\"", "result = \"見送り\"");
    edit(
        &s007,
        "[[decision]]\ndate = 2022-05-19\nbody = \"作業部会\"\nresult = \"実証開始\"\n",
        "",
    );
    edit(
        &r.join("principles.toml"),
        "DXは利用者目線で進めます",
        "DXは利用者の目線で進めます",
    );
    let (code, json, err) = run(dx(repo.path()).args(["diff", "main", "--format", "json"]));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let fields = v["field_changes"].as_array().expect("list");
    let field = |id: &str, key: &str| {
        fields
            .iter()
            .find(|c| c["record"] == id && c["key"] == key)
            .cloned()
            .unwrap_or_else(|| panic!("{id} {key}: {json}"))
    };
    assert_eq!(field("S-001", "review_due")["flagged"], true, "postponed");
    assert_eq!(field("S-006", "visibility")["flagged"], true, "made public");
    let decisions = v["decision_changes"].as_array().expect("list");
    assert!(
        decisions.iter().any(|d| d["record"]["id"] == "S-007"
            && d["change"] == "removed"
            && d["result_before"] == "実証開始"),
        "{json}"
    );
    assert!(
        decisions.iter().any(|d| d["record"]["id"] == "S-007"
            && d["change"] == "edited"
            && d["result_after"] == "見送り"),
        "{json}"
    );
    assert_eq!(
        v["new_decisions"].as_array().map(Vec::len),
        Some(0),
        "an edit is not a new decision"
    );
    let indicator = &v["indicator_changes"][0];
    assert_eq!(indicator["record"]["id"], "S-001");
    assert_eq!(indicator["lowered_ambition"], true);
    assert_eq!(indicator["values"][0]["key"], "target");
    // The review beyond the guideline's period is a finding the change brings.
    let introduced = v["findings_introduced"].as_array().expect("list");
    assert!(
        introduced
            .iter()
            .any(|f| f["rule"] == "beyond-period" && f["record"] == "S-001"),
        "{json}"
    );
    let impact = &v["impact"][0];
    assert_eq!(impact["kind"], "principle");
    assert_eq!(impact["id"], "P1");
    assert!(
        impact["records"]
            .as_array()
            .expect("list")
            .iter()
            .any(|r| r == "S-001"),
        "{json}"
    );
    // Markdown: findings first, then what to look at, the rest folded.
    let (_, md, _) = run(dx(repo.path()).args(["diff", "main", "--format", "markdown"]));
    let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s}\n{md}"));
    assert!(at("## この変更で増える検査結果") < at("## 要確認の変更"));
    assert!(at("## 要確認の変更") < at("<details><summary>その他の変更</summary>"));
    assert!(
        md.contains("要確認の変更 5 件、増える検査結果 2 件、直る検査結果 0 件"),
        "{md}"
    );
    for flag in [
        "⚠ 見直しの延期",
        "⚠ 庁内限定 → 公開",
        "⚠ 意思決定の記録の削除",
        "⚠ 意思決定の記録の修正",
        "⚠ 目標の引き下げ",
    ] {
        assert!(md.contains(flag), "{flag}\n{md}");
    }
    insta::assert_snapshot!("diff_every_change_markdown", md);
    insta::assert_snapshot!("diff_every_change_json", json);
    assert_eq!(v["head"], "working tree", "JSON is language-independent");
    // A date stands for the last commit on or before it.
    let (code, json, err) = run(dx(repo.path()).args(["diff", "2099-01-01", "--format", "json"]));
    assert_eq!(code, 0, "{err}");
    let by_date: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(by_date["field_changes"], v["field_changes"]);
    let (code, _, _) = run(dx(repo.path()).args(["diff", "1999-01-01"]));
    assert_eq!(code, 2, "no commit that early");
}

#[test]
fn diff_explains_git_problems() {
    let repo = repo();
    let (code, _, err) = run(dx(repo.path()).args(["diff", "no-such-branch"]));
    assert_eq!(code, 2);
    assert!(err.contains("no-such-branch"), "{err}");
    let plain = common::tree(None);
    let (code, _, err) = run(dx(plain.path()).args(["diff", "main"]));
    assert_eq!(code, 2);
    assert!(err.contains("git"), "{err}");
}

// --- SARIF, schemas, completions --------------------------------------------

#[test]
fn sarif_for_code_scanning() {
    let tree = common::tree(Some("rules/broken-link"));
    let (code, out, _) = run(dx(tree.path()).args(["check", "--format", "sarif"]));
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["version"], "2.1.0");
    let run0 = &v["runs"][0];
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    assert_eq!(
        run0["tool"]["driver"]["rules"].as_array().map(Vec::len),
        Some(dx::rules::RuleId::ALL.len())
    );
    let results = run0["results"].as_array().expect("results");
    assert_eq!(results.len(), 4);
    let r = &results[0];
    assert_eq!(r["ruleId"], "broken-link");
    assert_eq!(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "kurashi/online/K-101.toml"
    );
    assert_eq!(
        r["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );
    assert_eq!(
        r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        11
    );
}

#[test]
fn schema_command_prints_the_committed_schemas() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (name, file) in dx::schema::KINDS {
        let (code, out, _) = run(dx(root).args(["schema", name]));
        assert_eq!(code, 0);
        assert_eq!(
            out,
            std::fs::read_to_string(root.join("schemas").join(file)).expect("committed")
        );
    }
    let (code, out, _) = run(dx(root).arg("schema"));
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        v.as_object().map(serde_json::Map::len),
        Some(dx::schema::KINDS.len())
    );
    assert_eq!(
        v.as_object().map(serde_json::Map::len),
        Some(9),
        "every file kind"
    );
    assert_eq!(run(dx(root).args(["schema", "plan"])).0, 2);
}

#[test]
fn completions_and_man_page() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let (code, out, _) = run(dx(root).args(["completions", shell]));
        assert_eq!(code, 0);
        assert!(out.contains("check") && out.contains("diff"), "{shell}");
        // Kinds, stages and visibilities complete; rule slugs too where
        // clap's generator completes positional values (bash, zsh).
        for word in ["実証実験", "手法", "公開"] {
            assert!(out.contains(word), "{shell}: {word}");
        }
        if matches!(shell, "bash" | "zsh") {
            assert!(out.contains("broken-link"), "{shell}: rule slugs");
        }
    }
    let (_, bash, _) = run(dx(root).args(["completions", "bash"]));
    let root_case = bash.find("--root)").expect("--root completes");
    assert!(
        bash[root_case..root_case + 200].contains("plusdirs"),
        "folders"
    );
    let (code, out, _) = run(dx(root).arg("man"));
    assert_eq!(code, 0);
    assert!(out.starts_with(".ie") || out.contains(".TH"), "roff");
    // Set left-aligned, with a break point after every wide character, so
    // roff can set Japanese lines (it breaks only at spaces otherwise).
    assert!(out.contains(".ad l\n.nh\n"), "left-aligned");
    assert!(out.contains("検\\:査\\:"), "break points");
}

/// In bash, the first argument of show, decide, measure, review and mv
/// completes from the tree at hand (`dx __ids`, natural order), the rest
/// as clap completes it; fish gets the same lists. The hidden command
/// lists IDs of the kind the command takes.
#[test]
fn record_ids_complete_in_bash() {
    let tree = common::tree(None);
    let root = tree.path();
    let (_, script, _) = run(dx(root).args(["completions", "bash"]));
    let file = root.join("dx.bash");
    std::fs::write(&file, &script).expect("script");
    let bin = assert_cmd::cargo::cargo_bin("dx");
    let path = format!(
        "{}:{}",
        bin.parent().expect("bin dir").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let complete = |words: &[&str]| -> Vec<String> {
        let cword = words.len() - 1;
        let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
        let line = words.join(" ");
        let program = format!(
            "source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; _dx_ids dx '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            file.display(),
            quoted.join(" "),
            words[cword],
            words[cword - 1],
        );
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(program)
            .current_dir(root)
            .env("PATH", &path)
            .env("DX_TODAY", common::TODAY)
            .output()
            .expect("bash runs");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let issues = complete(&["dx", "review", "K-00"]);
    assert!(
        !issues.is_empty() && issues.iter().all(|i| i.starts_with("K-00")),
        "{issues:?}"
    );
    let mut sorted = issues.clone();
    sorted.sort();
    assert_eq!(issues, sorted, "natural order");
    let work = complete(&["dx", "decide", ""]);
    assert!(work.iter().any(|w| w.starts_with("S-")) && work.iter().any(|w| w.starts_with("G-")));
    assert!(!work.iter().any(|w| w.starts_with("K-")), "{work:?}");
    // Everything `dx show` shows: ビジョン items and 領域 too.
    let things = complete(&["dx", "show", "kurashi"]);
    assert!(things.contains(&"kurashi/online".to_owned()), "{things:?}");
    // Options and commands still complete as before.
    assert_eq!(complete(&["dx", "show", "--for"]), ["--format"]);
    assert!(complete(&["dx", "sh"]).contains(&"show".to_owned()));
    let (_, fish, _) = run(dx(root).args(["completions", "fish"]));
    assert!(fish.contains("__fish_seen_subcommand_from review\" -f -a \"(dx __ids issue"));
}

/// One page for everything: every command with each of its own options,
/// the exit codes and the environment, in the language asked for, and no
/// reference to a page that is not installed (dx installs one).
#[test]
fn the_man_page_is_complete() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (lang, heading, exit) in [
        ("ja", ".SH \"コマンド\"", ".SH \"終了コード\""),
        ("en", ".SH \"Commands\"", ".SH \"Exit status\""),
    ] {
        let (code, page, _) = run(dx(root).args(["--lang", lang, "man"]));
        assert_eq!(code, 0);
        assert!(page.contains(heading) && page.contains(exit), "{lang}");
        assert!(!page.contains("(1)\n"), "{lang}: names another page");
        for var in ["DX_TODAY", "DX_LANG", "NO_COLOR"] {
            assert!(page.contains(var), "{lang}: {var}");
        }
        let cmd = dx::cli::command(if lang == "en" {
            dx::i18n::Lang::En
        } else {
            dx::i18n::Lang::Ja
        });
        // A hidden command (`dx __ids`, for the completion scripts) is not
        // one people type.
        assert!(
            !page.contains("__ids"),
            "{lang}: hidden command on the page"
        );
        for sub in cmd
            .get_subcommands()
            .filter(|c| c.get_name() != "help" && !c.is_hide_set())
        {
            let at = page
                .find(&format!(".SS \"dx {}\"", sub.get_name()))
                .unwrap_or_else(|| panic!("{lang}: dx {} missing", sub.get_name()));
            let next = page[at + 4..].find(".S").map_or(page.len(), |n| at + 4 + n);
            let section = &page[at..next];
            for arg in sub.get_arguments().filter(|a| !a.is_global_set()) {
                if let Some(long) = arg.get_long().filter(|l| *l != "help") {
                    assert!(
                        section.contains(&format!("\\-\\-{}", long.replace('-', "\\-"))),
                        "{lang}: dx {} --{long} missing",
                        sub.get_name()
                    );
                }
            }
        }
    }
    // The documents it names exist.
    for doc in ["guide.md", "rules.md", "meetings.md", "editor.md"] {
        assert!(root.join("docs").join(doc).is_file(), "docs/{doc}");
    }
}

/// A tree that keeps the guideline's 改訂歴 (SPEC §7.4): `dx diff` flags a
/// change of reference data that no revision added in the change names,
/// and not one that a new `[[revision]]` names.
#[test]
fn diff_flags_a_guideline_change_without_a_revision() {
    let repo = repo();
    let r = repo.path().join("records");
    let history =
        "\n[[revision]]\nversion = \"1.0\"\ndate = 2021-04-01\nsummary = \"初版\"\nchanged = []\n";
    let settings = std::fs::read_to_string(r.join("dx.toml")).expect("dx.toml");
    std::fs::write(r.join("dx.toml"), format!("{settings}{history}")).expect("write");
    git(repo.path(), &["commit", "-q", "-am", "改訂歴"]);
    edit(
        &r.join("principles.toml"),
        "DXは利用者目線で進めます",
        "DXは利用者の目線で進めます",
    );
    let flagged = |repo: &Path| -> Vec<serde_json::Value> {
        let (_, json, _) = run(dx(repo).args(["diff", "main", "--format", "json"]));
        let v: serde_json::Value = serde_json::from_str(&json).expect("json");
        v["impact"]
            .as_array()
            .expect("impact")
            .iter()
            .filter(|i| i["unrevised"] == true)
            .cloned()
            .collect()
    };
    let unrevised = flagged(repo.path());
    assert_eq!(unrevised.len(), 1, "{unrevised:?}");
    assert_eq!(unrevised[0]["id"], "P1");
    let (_, text, _) = run(dx(repo.path()).args(["diff", "main"]));
    assert!(
        text.contains("改訂歴([[revision]])にない指針の変更"),
        "{text}"
    );
    // The change records its revision: nothing flagged.
    let settings = std::fs::read_to_string(r.join("dx.toml")).expect("dx.toml");
    std::fs::write(
        r.join("dx.toml"),
        format!("{settings}\n[[revision]]\nversion = \"2.0\"\ndate = 2026-04-01\nsummary = \"原則1の文言\"\nchanged = [\"P1\"]\n"),
    )
    .expect("write");
    assert!(flagged(repo.path()).is_empty());
}
