//! What every writer promises (SPEC §7.1): it records everything it was
//! asked to or nothing; a refusal leaves every byte of the tree as it was;
//! a success changes only the lines it records, on files laid out by hand
//! (a comment above every key, odd spacing, CRLF, a BOM); the stage moves
//! only as the transition table allows; input never panics.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

const DAY: &str = "2027-03-15";
const S007: &str = "gyosei/jimu/S-007.toml";

fn tree() -> tempfile::TempDir {
    common::tree(Some("reports"))
}

fn dx(root: &Path, args: &[&str]) -> (i32, String, String) {
    common::dx_on(root, DAY, args)
}

fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    common::snapshot(root)
}

/// A record laid out by hand: a comment above every key and table, odd
/// spacing around `=`, CRLF line ends and a BOM.
fn hand_laid(text: &str) -> String {
    let mut out = String::from("\u{FEFF}");
    for line in text.lines() {
        if let Some((key, value)) = line.split_once(" = ") {
            out.push_str(&format!("# {key} について\r\n{key}   =  {value}\r\n"));
        } else if line.starts_with('[') {
            out.push_str(&format!("# 表 {line}\r\n{line}\r\n"));
        } else {
            out.push_str(line);
            out.push_str("\r\n");
        }
    }
    out
}

/// The lines a change removed and added, in order (line ends cut).
fn changed_lines(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
    let diff = similar::TextDiff::from_lines(before, after);
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    for change in diff.iter_all_changes() {
        let line = change.value().trim_end_matches(['\r', '\n']).to_owned();
        match change.tag() {
            similar::ChangeTag::Delete => removed.push(line),
            similar::ChangeTag::Insert => added.push(line),
            similar::ChangeTag::Equal => {}
        }
    }
    (removed, added)
}

fn lines(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

/// The added lines are `expected`: the same lines in the same order, and
/// as many blank ones (where a line diff puts a blank line between two
/// tables is its own choice).
fn assert_added(added: &[String], expected: &[&str]) {
    fn solid<'a>(v: &[&'a str]) -> Vec<&'a str> {
        v.iter().copied().filter(|l| !l.is_empty()).collect()
    }
    let blanks = |v: &[&str]| v.iter().filter(|l| l.is_empty()).count();
    let got: Vec<&str> = added.iter().map(String::as_str).collect();
    assert_eq!(solid(&got), solid(expected), "{added:?}");
    assert_eq!(blanks(&got), blanks(expected), "{added:?}");
}

/// S-007 laid out by hand in `root`; its text.
fn lay_out_s007(root: &Path) -> String {
    let original = std::fs::read_to_string(root.join(S007)).expect("reads");
    let laid = hand_laid(&original);
    std::fs::write(root.join(S007), &laid).expect("writes");
    laid
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).expect("reads")
}

/// BOM and CRLF stay on every line.
fn assert_kept_form(text: &str) {
    assert!(text.starts_with('\u{FEFF}'), "BOM lost");
    assert!(
        text.split_inclusive('\n').all(|l| l.ends_with("\r\n")),
        "a line lost its CRLF:\n{text}"
    );
}

#[test]
fn decide_changes_only_the_lines_it_records() {
    let dir = tree();
    let root = dir.path();
    let before = lay_out_s007(root);
    let (code, out, err) = dx(
        root,
        &["decide", "S-007", "--body", "推進本部", "--result", "廃止"],
    );
    assert_eq!(code, 0, "{out}{err}");
    let after = read(root, S007);
    assert_kept_form(&after);
    let (removed, added) = changed_lines(&before, &after);
    assert_eq!(removed, lines(&["stage   =  \"運用\""]));
    assert_eq!(
        added,
        lines(&[
            "stage   =  \"廃止\"",
            "",
            "[[decision]]",
            "date = 2027-03-15",
            "body = \"推進本部\"",
            "result = \"廃止\"",
        ])
    );
    // The comment directly above `stage` stays.
    assert!(after.contains("# stage について\r\nstage   =  \"廃止\""));
}

#[test]
fn review_changes_only_the_lines_it_records() {
    let dir = tree();
    let root = dir.path();
    let before = lay_out_s007(root);
    let (code, out, err) = dx(root, &["review", "S-007", "--next-review", "2028-03-31"]);
    assert_eq!(code, 0, "{out}{err}");
    let after = read(root, S007);
    assert_kept_form(&after);
    let (removed, added) = changed_lines(&before, &after);
    assert_eq!(removed, lines(&["review_due   =  2027-03-31"]));
    assert_eq!(
        added,
        lines(&[
            "review_due   =  2028-03-31",
            "",
            "[[decision]]",
            "date = 2027-03-15",
            "body = \"作業部会\"",
            "result = \"継続\"",
        ])
    );
}

#[test]
fn measure_changes_only_the_lines_it_records() {
    let dir = tree();
    let root = dir.path();
    let before = lay_out_s007(root);
    let (code, out, err) = dx(
        root,
        &[
            "measure",
            "S-007",
            "--indicator",
            "削減した作業時間",
            "--value",
            "1500",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    let after = read(root, S007);
    assert_kept_form(&after);
    let (removed, added) = changed_lines(&before, &after);
    assert!(removed.is_empty(), "{removed:?}");
    assert_added(
        &added,
        &[
            "",
            "[[indicator.observation]]",
            "date = 2027-03-15",
            "value = 1500.0",
        ],
    );
    // After that indicator's last observation, before the decisions.
    assert!(
        after.contains(
            "value   =  1200.0\r\n\r\n[[indicator.observation]]\r\ndate = 2027-03-15\r\nvalue = 1500.0\r\n"
        ),
        "{after}"
    );
}

#[test]
fn apply_changes_only_the_lines_it_records() {
    let dir = tree();
    let root = dir.path();
    let before = lay_out_s007(root);
    std::fs::create_dir_all(root.join("meetings")).expect("folder");
    std::fs::write(
        root.join("meetings/m.toml"),
        "date = 2027-03-15\nbody = \"推進本部\"\n\n[[review]]\nrecord = \"S-007\"\nresult = \"改善\"\nnext_review = 2028-03-31\n\n[[measurement]]\nrecord = \"S-007\"\nindicator = \"自動化した業務数\"\nvalue = 31.0\nstatus = \"速報\"\n",
    )
    .expect("writes");
    let (code, out, err) = dx(root, &["apply", "meetings/m.toml"]);
    assert_eq!(code, 0, "{out}{err}");
    let after = read(root, S007);
    assert_kept_form(&after);
    let (removed, added) = changed_lines(&before, &after);
    assert_eq!(removed, lines(&["review_due   =  2027-03-31"]));
    assert_added(
        &added,
        &[
            "review_due   =  2028-03-31",
            "",
            "[[indicator.observation]]",
            "date = 2027-03-15",
            "value = 31.0",
            "status = \"速報\"",
            "",
            "[[decision]]",
            "date = 2027-03-15",
            "body = \"推進本部\"",
            "result = \"改善\"",
        ],
    );
    assert!(
        after.contains("value   =  27.0\r\n# status について\r\nstatus   =  \"速報\"\r\n\r\n[[indicator.observation]]\r\ndate = 2027-03-15\r\nvalue = 31.0\r\nstatus = \"速報\"\r\n"),
        "{after}"
    );
    // Applied again: nothing to do, and said so truthfully.
    let kept = snapshot(root);
    let (code, out, _) = dx(root, &["apply", "meetings/m.toml"]);
    assert_eq!(code, 0);
    assert!(out.contains("すべて記録済み"), "{out}");
    assert_eq!(snapshot(root), kept);
}

#[test]
fn mv_rewrites_expands_and_meetings_and_only_those_lines() {
    let dir = tree();
    let root = dir.path();
    let original = read(root, S007).replace(
        "principles = [\"P2\"]\n",
        "principles = [\"P2\"]\nexpands = \"S-006\"\n",
    );
    std::fs::write(root.join(S007), &original).expect("writes");
    let before = lay_out_s007(root);
    std::fs::create_dir_all(root.join("meetings")).expect("folder");
    let meeting = "# 第1回\r\ndate = 2027-03-01\r\nbody   = \"作業部会\"\r\n\r\n[[decision]]\r\nrecord  = \"S-006\"   # 電子決裁\r\nresult = \"継続\"\r\n";
    std::fs::write(root.join("meetings/m.toml"), meeting).expect("writes");
    let (code, out, err) = dx(root, &["mv", "S-006", "S-016"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("S-006 → S-016"), "{out}");
    assert!(out.contains(S007), "{out}");
    assert!(out.contains("meetings/m.toml"), "{out}");
    let after = read(root, S007);
    assert_kept_form(&after);
    let (removed, added) = changed_lines(&before, &after);
    assert_eq!(removed, lines(&["expands   =  \"S-006\""]));
    assert_eq!(added, lines(&["expands   =  \"S-016\""]));
    assert_eq!(
        read(root, "meetings/m.toml"),
        meeting.replace("\"S-006\"", "\"S-016\"")
    );
    // The tree checks as before: no link left behind.
    let (code, out, _) = dx(root, &["check"]);
    assert!(!out.contains("S-006"), "{code} {out}");
    // dx diff against the tree before shows a move, not an add and a remove.
}

/// Every kind of invalid meeting entry (one per rule that can fire in a
/// meeting file, and the unfilled ones): refused, exit 1, not a byte of the
/// tree changed, and the finding named with file:line:col.
#[test]
fn every_invalid_meeting_entry_changes_nothing() {
    let head = "date = 2027-03-15\nbody = \"推進本部\"\n\n[[decision]]\nrecord = \"S-003\"\nresult = \"導入\"\n\n";
    let cases: &[(&str, &str, &str)] = &[
        (
            "[[decision]]\nrecord = \"S-006\"\nresult = \"承認\"\n",
            "invalid-value",
            "6:",
        ),
        ("[[decision]]\nrecord = \"S-006\"\n", "missing-key", ""),
        (
            "[[decison]]\nrecord = \"S-006\"\nresult = \"導入\"\n",
            "unknown-key",
            "",
        ),
        (
            "[[measurement]]\nrecord = \"S-007\"\nindicator = \"自動化した業務数\"\nvalue = \"28分\"\n",
            "invalid-value",
            "",
        ),
        (
            "[[measurement]]\nrecord = \"S-007\"\nindicator = \"自動化した業務数\"\nvalue = 28.0\ncomment = \"x\"\n",
            "unknown-key",
            "",
        ),
        (
            "[[measurement]]\nrecord = \"S-007\"\nindicator = \"自動化した業務数\"\nvalue = 28.0\ndate = \"R8.9.30\"\n",
            "invalid-value",
            "",
        ),
        (
            "[[decision]]\nrecord = \"S-099\"\nresult = \"導入\"\n",
            "broken-link",
            "",
        ),
        (
            "[[measurement]]\nrecord = \"S-007\"\nindicator = \"ない指標\"\nvalue = 1.0\n",
            "broken-link",
            "",
        ),
        // A 課題 takes reviews (its 課題の整理 again, §7.4), not decisions.
        (
            "[[decision]]\nrecord = \"K-001\"\nresult = \"継続\"\n",
            "wrong-link-kind",
            "",
        ),
        ("[[decision]]\nrecord = \"\"\nresult = \"導入\"\n", "", ""),
        (
            "[[decision]]\nrecord = \"S-006\"\nresult = \"\"\n",
            "未記入",
            "",
        ),
        (
            "[[measurement]]\nrecord = \"S-007\"\nindicator = \"自動化した業務数\"\n",
            "未記入",
            "",
        ),
        // Allowed by the file, refused by the records: 導入 on a record in
        // operation, a review of a pilot, a date after today.
        (
            "[[decision]]\nrecord = \"S-007\"\nresult = \"導入\"\n",
            "運用から記録できる結果",
            "",
        ),
        ("[[review]]\nrecord = \"S-006\"\n", "dx decide", ""),
        (
            "[[decision]]\nrecord = \"S-006\"\nresult = \"実証開始\"\ndate = 2027-04-01\n",
            "今日(2027-03-15)より後",
            "",
        ),
    ];
    for (entry, said, _) in cases {
        let dir = tree();
        let root = dir.path();
        std::fs::create_dir_all(root.join("meetings")).expect("folder");
        std::fs::write(root.join("meetings/m.toml"), format!("{head}{entry}")).expect("writes");
        let before = snapshot(root);
        let (code, out, err) = dx(root, &["apply", "meetings/m.toml"]);
        assert_eq!(code, 1, "{entry}\n{out}{err}");
        assert!(out.contains(said), "{entry}: {said}\n{out}{err}");
        assert!(out.contains("meetings/m.toml:"), "{entry}\n{out}");
        assert!(out.contains("何も書き込みませんでした"), "{entry}\n{out}");
        assert_eq!(snapshot(root), before, "{entry}");
    }
}

#[test]
fn unfilled_entries_are_refused_or_left_out() {
    let dir = tree();
    let root = dir.path();
    std::fs::create_dir_all(root.join("meetings")).expect("folder");
    std::fs::write(
        root.join("meetings/m.toml"),
        "date = 2027-03-15\nbody = \"推進本部\"\n\n[[decision]]\nrecord = \"S-003\"\nresult = \"導入\"\n\n[[review]]\nrecord = \"S-007\"\nresult = \"\"\n",
    )
    .expect("writes");
    let before = snapshot(root);
    let (code, out, _) = dx(root, &["apply", "meetings/m.toml"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("meetings/m.toml:10:10: 未記入: [[review]] S-007"),
        "{out}"
    );
    assert_eq!(snapshot(root), before);
    let (code, out, _) = dx(root, &["apply", "--skip-unfilled", "meetings/m.toml"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("未記入の 1 件は記録せずに除きました"), "{out}");
    assert!(read(root, "kurashi/madoguchi/S-003.toml").contains("result = \"導入\""));
    // The unfilled review of S-007 was left out: its file is as it was.
    assert_eq!(std::fs::read(root.join(S007)).expect("reads"), before[S007]);
    // A meeting with no entries says so: not "already recorded".
    std::fs::write(
        root.join("meetings/e.toml"),
        "date = 2027-03-15\nbody = \"推進本部\"\n",
    )
    .expect("writes");
    let (code, out, _) = dx(root, &["apply", "meetings/e.toml"]);
    assert_eq!(code, 0);
    assert!(out.contains("記録する項目"), "{out}");
}

#[test]
fn the_transition_table_decides_what_a_writer_may_record() {
    let dir = tree();
    let root = dir.path();
    let before = snapshot(root);
    // 導入 on a record in operation; a review of a pilot: refused, exit 1.
    let (code, _, err) = dx(
        root,
        &["decide", "S-007", "--body", "推進本部", "--result", "導入"],
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("継続・改善・廃止・付議"), "{err}");
    let (code, _, err) = dx(root, &["review", "S-003", "--result", "導入"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("dx decide S-003"), "{err}");
    assert_eq!(snapshot(root), before);
    // 導入 then 運用開始: into operation, with a next review.
    let (code, out, err) = dx(
        root,
        &["decide", "S-003", "--body", "推進本部", "--result", "導入"],
    );
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = dx(
        root,
        &[
            "decide",
            "S-003",
            "--body",
            "推進本部",
            "--result",
            "運用開始",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("導入決定 → 運用"), "{out}");
    let s003 = read(root, "kurashi/madoguchi/S-003.toml");
    assert!(s003.contains("stage = \"運用\""), "{s003}");
    assert!(s003.contains("review_due = 2028-03-15"), "{s003}");
    // With --force a refused result is recorded, and said so.
    let (code, out, err) = dx(
        root,
        &[
            "decide",
            "S-003",
            "--body",
            "推進本部",
            "--result",
            "実証開始",
            "--force",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("--force で記録しました"), "{out}");
}

#[test]
fn measurements_are_idempotent_and_dates_are_not_in_the_future() {
    let dir = tree();
    let root = dir.path();
    let args = [
        "measure",
        "S-007",
        "--indicator",
        "2",
        "--value",
        "1500",
        "--date",
        "2027-03-01",
    ];
    let (code, out, err) = dx(root, &args);
    assert_eq!(code, 0, "{out}{err}");
    let once = snapshot(root);
    let (code, out, _) = dx(root, &args);
    assert_eq!(code, 0);
    assert!(out.contains("すでに記録されています"), "{out}");
    assert_eq!(snapshot(root), once);
    let mut other = args;
    other[5] = "1600";
    let (code, _, err) = dx(root, &other);
    assert_eq!(code, 1);
    assert!(err.contains("--replace"), "{err}");
    assert_eq!(snapshot(root), once);
    let replace: Vec<&str> = other.iter().copied().chain(["--replace"]).collect();
    let (code, out, err) = dx(root, &replace);
    assert_eq!(code, 0, "{out}{err}");
    let s007 = read(root, S007);
    assert!(s007.contains("date = 2027-03-01\nvalue = 1600.0"), "{s007}");
    assert!(!s007.contains("1500"), "{s007}");
    // A date after today is refused; a decision's next review not after it too.
    let future = [
        "measure",
        "S-007",
        "--indicator",
        "2",
        "--value",
        "1",
        "--date",
        "2027-04-01",
    ];
    let (code, _, err) = dx(root, &future);
    assert_eq!(code, 1);
    assert!(err.contains("今日(2027-03-15)より後"), "{err}");
    let (code, _, err) = dx(root, &["review", "S-007", "--next-review", "2027-03-15"]);
    assert_eq!(code, 1);
    assert!(err.contains("より後ではありません"), "{err}");
}

#[test]
fn values_and_codes_typed_in_full_width_are_named_never_panic() {
    let dir = tree();
    let root = dir.path();
    for (value, said) in [("40%", "数字だけ"), ("４０", "半角で 40")] {
        let (code, _, err) = dx(
            root,
            &["measure", "S-007", "--indicator", "1", "--value", value],
        );
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(said), "{err}");
        assert!(!err.contains("invalid float"), "{err}");
    }
    let dx_toml = read(root, "dx.toml");
    let with_code = if dx_toml.contains("[tree]") {
        dx_toml.replacen("[tree]", "[tree]\nlg_code = \"２８２０２２\"", 1)
    } else {
        format!("{dx_toml}\n[tree]\nlg_code = \"２８２０２２\"\n")
    };
    std::fs::write(root.join("dx.toml"), with_code).expect("writes");
    let (code, out, err) = dx(root, &["check"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("282022"), "{out}");
    let fresh = tempfile::tempdir().expect("dir");
    let (code, _, err) = dx(
        fresh.path(),
        &[
            "init",
            "new",
            "--organization",
            "テスト市",
            "--lg-code",
            "２８２０２２",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("282022"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn the_meeting_skeleton_holds_no_live_line_from_a_record() {
    let dir = tree();
    let root = dir.path();
    // An indicator name that tries to close its line and add a decision.
    let s007 = read(root, S007).replace(
        "name = \"削減した作業時間\"",
        "name = \"削減\\n[[decision]]\\nrecord = \\\"S-007\\\"\\nresult = \\\"廃止\\\"\\n#\"",
    );
    std::fs::write(root.join(S007), s007).expect("writes");
    let (code, skeleton, err) = dx(root, &["agenda", "--format", "meeting"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !skeleton.lines().any(|l| l.trim() == "result = \"廃止\""),
        "{skeleton}"
    );
    std::fs::create_dir_all(root.join("meetings")).expect("folder");
    std::fs::write(root.join("meetings/s.toml"), &skeleton).expect("writes");
    let before = snapshot(root);
    let (code, out, _) = dx(root, &["apply", "meetings/s.toml"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(snapshot(root), before);
}

#[test]
fn a_meeting_file_that_does_not_parse_is_said_so() {
    let dir = tree();
    let root = dir.path();
    std::fs::create_dir_all(root.join("meetings")).expect("folder");
    std::fs::write(
        root.join("meetings/m.toml"),
        "date = 2027-03-15\nbody = \"推進本部\n",
    )
    .expect("writes");
    let (code, out, err) = dx(root, &["apply", "meetings/m.toml"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("parse-error"), "{out}");
    assert!(out.contains("meetings/ にありますが"), "{out}");
}

#[test]
fn new_records_name_what_is_missing() {
    let dir = tree();
    let root = dir.path();
    let (code, _, err) = dx(
        root,
        &["new", "課題", "--title", "テスト", "--vision", "kurashi-1"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("--domain 分野/領域 が必要です"), "{err}");
    // Inside a 領域's folder, that 領域.
    let (code, out, err) = common::dx_in(&root.join("kurashi/online"))
        .env("DX_TODAY", DAY)
        .args(["new", "課題", "--title", "テスト", "--vision", "kurashi-1"])
        .output()
        .map(|o| {
            (
                o.status.code().unwrap_or(-1),
                String::from_utf8_lossy(&o.stdout).into_owned(),
                String::from_utf8_lossy(&o.stderr).into_owned(),
            )
        })
        .expect("runs");
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("kurashi/online/K-"), "{out}");
    let (code, _, err) = dx(root, &["new", "領域", "kurasi/foo", "--name", "x"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("分野「kurasi」はありません。「kurashi」ではありませんか"),
        "{err}"
    );
}

#[test]
fn diff_shows_a_rename_as_a_move_and_a_review_as_no_postponement() {
    let dir = tree();
    let root = dir.path();
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .current_dir(root)
            .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
            .args(args)
            .output()
            .expect("git runs")
            .status
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-qm", "base"]);
    let (code, out, err) = dx(root, &["review", "S-007"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = dx(root, &["mv", "S-006", "S-016"]);
    assert_eq!(code, 0, "{out}{err}");
    let (_, out, err) = dx(root, &["diff", "HEAD", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect(&err);
    assert_eq!(v["added"].as_array().map(Vec::len), Some(0), "{out}");
    assert_eq!(v["removed"].as_array().map(Vec::len), Some(0), "{out}");
    assert_eq!(v["moved"][0]["record"]["id"], "S-016", "{out}");
    let review = v["field_changes"]
        .as_array()
        .and_then(|a| a.iter().find(|c| c["key"] == "review_due"))
        .expect("review_due changed");
    assert_eq!(review["flagged"], false, "{out}");
}

#[test]
fn a_public_record_linking_to_one_that_does_not_parse_is_not_said_to_link_to_an_internal_one() {
    let dir = tree();
    let root = dir.path();
    // S-003 is public and solves K-003: break K-003's file.
    std::fs::write(
        root.join("kurashi/madoguchi/K-003.toml"),
        "title = \"壊れた\n",
    )
    .expect("writes");
    let (code, out, _) = dx(root, &["check"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("parse-error"), "{out}");
    assert!(!out.contains("庁内限定の K-003"), "{out}");
}

#[test]
fn a_first_decision_goes_after_the_template_hints_which_all_stay() {
    let dir = tree();
    let root = dir.path();
    let (code, out, err) = dx(
        root,
        &[
            "new",
            "手法",
            "--title",
            "テスト",
            "--solves",
            "K-003",
            "--principles",
            "P1",
            "--domain",
            "kurashi/madoguchi",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    let rel = out
        .lines()
        .find_map(|l| l.split_once(": ").map(|(_, p)| p.trim().to_owned()))
        .expect("path");
    let id = rel
        .rsplit('/')
        .next()
        .and_then(|f| f.strip_suffix(".toml"))
        .expect("id")
        .to_owned();
    let before = read(root, &rel);
    let (code, out, err) = dx(
        root,
        &["decide", &id, "--body", "作業部会", "--result", "見送り"],
    );
    assert_eq!(code, 0, "{out}{err}");
    let after = read(root, &rel);
    let (removed, added) = changed_lines(&before, &after);
    assert_eq!(removed, lines(&["stage = \"検討\""]));
    assert_added(
        &added,
        &[
            "stage = \"見送り\"",
            "",
            "[[decision]]",
            "date = 2027-03-15",
            "body = \"作業部会\"",
            "result = \"見送り\"",
        ],
    );
    // Every hint is still there, and the decision comes after the last.
    let last_hint = after.rfind("\n#").expect("hints");
    assert!(
        after
            .find("[[decision]]\ndate")
            .is_some_and(|d| d > last_hint),
        "{after}"
    );
}

/// Eight writers at once on one record, several rounds: every decision
/// each of them reported written is in the file (the tree lock serialises
/// read-change-write; before it, one decision in two was lost).
#[test]
fn eight_writers_at_once_lose_nothing() {
    let dir = tree();
    let root = dir.path();
    let bin = assert_cmd::cargo::cargo_bin("dx");
    let mut expected = read(root, S007).matches("[[decision]]").count();
    for round in 0..3 {
        let children: Vec<std::process::Child> = (1..=8)
            .map(|n| {
                let date = format!("2027-0{}-{n:02}", round + 1);
                std::process::Command::new(&bin)
                    .current_dir(root)
                    .env("DX_TODAY", DAY)
                    .env_remove("DX_LANG")
                    .args(["decide", "S-007", "--body", "作業部会", "--result", "継続"])
                    .args([
                        "--date",
                        &date,
                        "--note",
                        &format!("round {round} writer {n}"),
                    ])
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("spawns")
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().expect("runs");
            assert_eq!(
                out.status.code(),
                Some(0),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        expected += 8;
        let s007 = read(root, S007);
        assert_eq!(
            s007.matches("[[decision]]").count(),
            expected,
            "round {round}\n{s007}"
        );
        for n in 1..=8 {
            assert!(
                s007.contains(&format!("round {round} writer {n}")),
                "{s007}"
            );
        }
    }
    assert!(!root.join(".dx.lock").exists(), "the lock is released");
}

/// `dx fmt` writes under the tree lock like every writer: while another
/// writer holds it, fmt waits and writes nothing; once it is released,
/// fmt formats. (`dx fmt --check` only reads and never waits.)
#[test]
fn fmt_waits_for_the_tree_lock() {
    let dir = common::tree(None);
    let root = dir.path().to_path_buf();
    let s001 = root.join("kurashi/online/S-001.toml");
    let text = std::fs::read_to_string(&s001).expect("S-001");
    // Out of dx fmt's key order: stage before title.
    let messy = format!(
        "stage = \"運用\"\n{}",
        text.replace("stage = \"運用\"\n", "")
    );
    std::fs::write(&s001, &messy).expect("write");
    // Another writer's lock: an advisory lock on .dx.lock, held here.
    let held = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(root.join(".dx.lock"))
        .expect("lock file");
    held.lock().expect("another writer's lock");
    let (code, _, _) = common::dx_on(&root, common::TODAY, &["fmt", "--check"]);
    assert_eq!(code, 1, "--check reads without the lock and finds the file");
    let fmt = {
        let root = root.clone();
        std::thread::spawn(move || common::dx_on(&root, common::TODAY, &["fmt"]))
    };
    std::thread::sleep(std::time::Duration::from_millis(600));
    assert_eq!(
        std::fs::read_to_string(&s001).expect("S-001"),
        messy,
        "fmt wrote while another writer held the lock"
    );
    drop(held);
    let (code, out, err) = fmt.join().expect("fmt ran");
    assert_eq!(code, 0, "{out}{err}");
    assert_ne!(std::fs::read_to_string(&s001).expect("S-001"), messy);
    assert!(!root.join(".dx.lock").exists(), "fmt released its lock");
}

/// A writer killed half-way leaves `.NAME.dx-PID-N.tmp` files (git would
/// show them); the next writer, holding the tree lock, removes them and
/// nothing else.
#[test]
fn the_next_writer_removes_a_killed_writers_temporary_files() {
    let dir = common::tree(None);
    let root = dir.path();
    let stale = root.join("kurashi/online/.S-001.toml.dx-4242-123456.tmp");
    let decoy = root.join("kurashi/online/.notes.tmp");
    std::fs::write(&stale, b"half a record").expect("stale");
    std::fs::write(&decoy, b"someone's notes").expect("decoy");
    let (code, out, err) = common::dx_on(
        root,
        common::TODAY,
        &[
            "decide",
            "S-001",
            "--body",
            "作業部会",
            "--result",
            "継続",
            "--date",
            "2026-11-01",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(!stale.exists(), "the stale temporary file stays");
    assert!(decoy.exists(), "a file dx did not make was removed");
}

/// A record settled in an edit session (no more edits were counted for it)
/// keeps its new bytes and lets its document go; an edit that comes all
/// the same opens it again from those bytes. Either way the plan is byte
/// for byte the one a session that never settles makes, and it only adds
/// lines: a BOM, CRLF line ends and a comment above every key survive.
#[test]
fn a_settled_record_plans_the_same_bytes_and_opens_again() {
    use dx::edit::{NewObservation, Options, Session};
    use dx::model::{ObservationStatus, Thing};
    // S-007 has observations already: a measurement only adds lines.
    let tree = common::tree(Some("reports"));
    let s007_path = tree.path().join("gyosei/jimu/S-007.toml");
    let plain = std::fs::read_to_string(&s007_path).expect("S-007");
    // As a city's editor may have saved it: a BOM, CRLF, a comment above
    // every key.
    let mut dressed = String::from("\u{feff}");
    for line in plain.lines() {
        if line.contains(" = ") {
            dressed.push_str("# 記入者のメモ\r\n");
        }
        dressed.push_str(line);
        dressed.push_str("\r\n");
    }
    let options = Options {
        today: common::today(),
        force: false,
        replace: false,
    };
    let observation = |day: &str, value: f64| NewObservation {
        date: day.parse().expect("date"),
        value: Some(value),
        status: ObservationStatus::Final,
        source: Some("集計".into()),
        note: None,
    };
    for before in [plain.clone(), dressed] {
        std::fs::write(&s007_path, &before).expect("S-007 written");
        let model = dx::model::load(tree.path()).expect("loads");
        let Some(Thing::Record(s007)) = model.find("S-007") else {
            panic!("S-007 in the fixture");
        };
        let plan = |settle: bool| {
            let mut session = Session::new(&model, options);
            for (day, value) in [("2026-11-01", 30.0), ("2026-11-15", 33.5)] {
                session
                    .measure("S-007", "自動化した業務数", &observation(day, value))
                    .expect("measured");
                if settle {
                    session.settle(s007);
                }
            }
            session.finish()
        };
        let (kept, settled) = (plan(false), plan(true));
        assert_eq!(settled.changes.len(), 1);
        let after = |p: &dx::edit::Plan| p.changes[0].after.clone().expect("written");
        assert_eq!(after(&settled), after(&kept));
        let text = String::from_utf8(after(&settled)).expect("utf-8");
        assert!(
            text.contains("date = 2026-11-01") && text.contains("date = 2026-11-15"),
            "{text}"
        );
        // Only lines added: every line written before is there, in order,
        // with its BOM, line ends and comments.
        assert_eq!(text.starts_with('\u{feff}'), before.starts_with('\u{feff}'));
        let crlf = before.contains("\r\n");
        let ends = if crlf {
            text.matches("\r\n").count()
        } else {
            0
        };
        assert_eq!(
            ends,
            if crlf { text.matches('\n').count() } else { 0 },
            "one kind of line end"
        );
        let mut rest = text.lines();
        for line in before.lines() {
            assert!(rest.any(|l| l == line), "{line:?} lost:\n{text}");
        }
    }
}
