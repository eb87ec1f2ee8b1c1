//! The meeting commands end to end (SPEC §6.4): agenda → meeting file →
//! apply, the single-step writers, and what every writer promises —
//! comments, BOM and line ends kept, nothing written when it refuses or
//! under --dry-run, all files or none.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

/// The base and reports fixtures, as of the meeting day.
fn tree() -> tempfile::TempDir {
    common::tree(Some("reports"))
}

const MEETING_DAY: &str = "2027-03-15";

fn dx(root: &Path, args: &[&str]) -> (i32, String, String) {
    common::dx_on(root, MEETING_DAY, args)
}

fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    common::snapshot(root)
}

/// `dx check`'s error count, and the paths it names.
fn errors(root: &Path) -> (u64, String) {
    let (_, out, _) = dx(root, &["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    (v["summary"]["errors"].as_u64().expect("count"), out)
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).expect("reads")
}

/// The meeting of the issue: adopt one pilot, review an operating system
/// and set its next review, record a measurement — from the agenda's
/// skeleton, a few lines filled in, one `dx apply`.
#[test]
fn agenda_meeting_file_then_apply() {
    let dir = tree();
    let root = dir.path();
    let (code, skeleton, err) = dx(root, &["agenda", "--format", "meeting"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        skeleton.contains("record = \"S-003\"\nresult = \"\""),
        "{skeleton}"
    );
    assert!(
        skeleton.contains("[[review]]\nrecord = \"S-001\""),
        "{skeleton}"
    );
    // Every entry of the skeleton waits for its result: applied as it is,
    // it is refused as unfilled (未記入) and nothing is written.
    std::fs::create_dir_all(root.join("meetings")).expect("folder");
    std::fs::write(root.join("meetings/2027-03-15-honbu.toml"), &skeleton).expect("writes");
    let untouched = snapshot(root);
    let (code, out, _) = dx(root, &["apply", "meetings/2027-03-15-honbu.toml"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("未記入: [[decision]] S-003"), "{out}");
    assert!(out.contains("未記入: [[review]] S-001"), "{out}");
    assert!(out.contains("未記入の項目が 4 件"), "{out}");
    assert_eq!(snapshot(root), untouched);
    std::fs::remove_file(root.join("meetings/2027-03-15-honbu.toml")).expect("removes");
    // The secretariat fills in the results.
    let filled = skeleton
        .replace(
            "record = \"S-001\"\nresult = \"\"",
            "record = \"S-001\"\nnext_review = 2028-03-31\nresult = \"\"",
        )
        .replacen("result = \"\"", "result = \"導入\"", 1)
        .replace("result = \"\"", "result = \"継続\"")
        .replace(
            "# [[measurement]]\n# record = \"S-003\"\n# indicator = \"手書き枚数\"\n# value = ",
            "[[measurement]]\nrecord = \"S-003\"\nindicator = \"手書き枚数\"\nvalue = 2.0",
        )
        .replace("title = \"\"", "title = \"第12回 推進本部\"");
    // (The fixture has findings of its own, on purpose.)
    let (errors_before, _) = errors(root);
    std::fs::create_dir_all(root.join("meetings")).expect("folder");
    std::fs::write(root.join("meetings/2027-03-15-honbu.toml"), &filled).expect("writes");
    // The completed meeting file checks clean.
    let (n, out) = errors(root);
    assert_eq!(n, errors_before);
    assert!(!out.contains("meetings/"), "{out}");

    let (code, out, err) = dx(root, &["apply", "meetings/2027-03-15-honbu.toml"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("S-003 の段階: 実証実験 → 導入決定"), "{out}");
    let s003 = read(root, "kurashi/madoguchi/S-003.toml");
    assert!(s003.contains("stage = \"導入決定\""), "{s003}");
    assert!(
        s003.contains("[[decision]]\ndate = 2027-03-15\nbody = \"推進本部\"\nresult = \"導入\""),
        "{s003}"
    );
    // Its first-edition measurement became the first observation.
    assert!(!s003.contains("actual ="), "{s003}");
    assert!(
        s003.contains("[[indicator.observation]]\ndate = 2026-02-28\nvalue = 3.0\n\n[[indicator.observation]]\ndate = 2027-03-15\nvalue = 2.0"),
        "{s003}"
    );
    let s001 = read(root, "kurashi/online/S-001.toml");
    assert!(s001.contains("review_due = 2028-03-31"), "{s001}");
    assert!(s001.contains("result = \"継続\""), "{s001}");
    // No error more than before, and every file written is formatted.
    assert!(errors(root).0 <= errors_before);
    let (_, unformatted, _) = dx(root, &["fmt", "--check"]);
    for written in ["S-001.toml", "S-003.toml"] {
        assert!(!unformatted.contains(written), "{unformatted}");
    }
    // A second apply changes nothing.
    let before = snapshot(root);
    let (code, out, _) = dx(root, &["apply", "meetings/2027-03-15-honbu.toml"]);
    assert_eq!(code, 0);
    assert!(out.contains("変更はありません"), "{out}");
    assert_eq!(snapshot(root), before);
}

#[test]
fn decide_keeps_comments_bom_and_line_ends() {
    let dir = tree();
    let root = dir.path();
    let rel = "kurashi/madoguchi/S-003.toml";
    let original = read(root, rel);
    let crlf = format!(
        "\u{FEFF}# 書かない窓口(実証中)\r\n{}",
        original
            .replace("stage = \"実証実験\"", "stage = \"実証実験\"  # 段階")
            .replace('\n', "\r\n")
    );
    std::fs::write(root.join(rel), &crlf).expect("writes");
    let (code, out, err) = dx(
        root,
        &[
            "decide",
            "S-003",
            "--body",
            "推進本部",
            "--result",
            "見送り",
            "--note",
            "費用対効果が低い",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    let after = std::fs::read(root.join(rel)).expect("reads");
    let text = String::from_utf8(after).expect("utf-8");
    assert!(
        text.starts_with("\u{FEFF}# 書かない窓口(実証中)\r\n"),
        "{text}"
    );
    assert!(text.contains("stage = \"見送り\"  # 段階\r\n"), "{text}");
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    assert!(text.contains("note = \"費用対効果が低い\"\r\n"), "{text}");
    // The 技術 of a stopped 手法 is named for the same decision.
    assert!(out.contains("G-003"), "{out}");
}

#[test]
fn a_writer_that_would_add_an_error_writes_nothing() {
    let dir = tree();
    let root = dir.path();
    let before = snapshot(root);
    // S-006 has no indicator: a pilot needs one (missing-indicator).
    let (code, out, _) = dx(
        root,
        &[
            "decide",
            "S-006",
            "--body",
            "作業部会",
            "--result",
            "実証開始",
        ],
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("missing-indicator"), "{out}");
    assert!(out.contains("何も書き込みませんでした"), "{out}");
    assert_eq!(snapshot(root), before);
    // --force writes it anyway.
    let (code, _, _) = dx(
        root,
        &[
            "decide",
            "S-006",
            "--body",
            "作業部会",
            "--result",
            "実証開始",
            "--force",
        ],
    );
    assert_eq!(code, 0);
    assert!(read(root, "gyosei/jimu/S-006.toml").contains("stage = \"実証実験\""));
}

#[test]
fn dry_run_prints_the_diff_and_writes_nothing() {
    let dir = tree();
    let root = dir.path();
    let before = snapshot(root);
    let (code, out, _) = dx(
        root,
        &[
            "measure",
            "S-007",
            "--indicator",
            "1",
            "--value",
            "31",
            "--status",
            "速報",
            "--dry-run",
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("+++ b/gyosei/jimu/S-007.toml"), "{out}");
    assert!(
        out.contains(
            "+[[indicator.observation]]\n+date = 2027-03-15\n+value = 31.0\n+status = \"速報\""
        ),
        "{out}"
    );
    assert_eq!(snapshot(root), before);
}

#[test]
fn apply_is_all_or_nothing() {
    let dir = tree();
    let root = dir.path();
    std::fs::create_dir_all(root.join("meetings")).expect("folder");
    std::fs::write(
        root.join("meetings/m.toml"),
        "date = 2027-03-15\nbody = \"推進本部\"\n\n[[decision]]\nrecord = \"S-003\"\nresult = \"導入\"\n\n[[review]]\nrecord = \"S-007\"\n",
    )
    .expect("writes");
    let before = snapshot(root);
    // The disk fills up before the second file is written.
    let out = common::dx_in(root)
        .env("DX_TODAY", MEETING_DAY)
        .env("DX_TEST_FAIL_WRITE_BEFORE", "1")
        .args(["apply", "meetings/m.toml"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        snapshot(root),
        before,
        "no file changed, no temporary file left"
    );
    // An entry that cannot be applied stops the whole meeting.
    std::fs::write(
        root.join("meetings/m.toml"),
        "date = 2027-03-15\nbody = \"推進本部\"\n\n[[decision]]\nrecord = \"S-003\"\nresult = \"導入\"\n\n[[measurement]]\nrecord = \"S-007\"\nindicator = \"ない指標\"\nvalue = 1.0\n",
    )
    .expect("writes");
    let before = snapshot(root);
    let (code, out, _) = dx(root, &["apply", "meetings/m.toml"]);
    assert_eq!(code, 1);
    assert!(out.contains("ない指標"), "{out}");
    assert!(out.contains("何も書き込みませんでした"), "{out}");
    assert_eq!(snapshot(root), before);
}

#[test]
fn check_validates_meeting_files() {
    let dir = tree();
    let root = dir.path();
    std::fs::create_dir_all(root.join("meetings")).expect("folder");
    std::fs::write(
        root.join("meetings/bad.toml"),
        "date = 2027-03-15\nbody = \"本部会議\"\n\n[[decision]]\nrecord = \"S-099\"\nresult = \"導入\"\n\n[[measurement]]\nrecord = \"S-007\"\nindicator = \"ない指標\"\nvalue = 1.0\n\n[[decision]]\nrecord = \"K-001\"\nresult = \"継続\"\n",
    )
    .expect("writes");
    let (code, out, _) = dx(root, &["check"]);
    assert_eq!(code, 1);
    for want in [
        "error[invalid-value]",
        "meetings/bad.toml:2:8",
        "error[broken-link]: 会議ファイルのレコード「S-099」は存在しません",
        "error[broken-link]: S-007 に評価指標「ない指標」はありません",
        "error[wrong-link-kind]: K-001 は課題です",
    ] {
        assert!(out.contains(want), "{want}\n{out}");
    }
}

#[test]
fn mv_renames_and_rewrites_every_link() {
    let dir = tree();
    let root = dir.path();
    let (errors_before, _) = errors(root);
    let (code, out, err) = dx(root, &["mv", "K-003", "K-030"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(!root.join("kurashi/madoguchi/K-003.toml").exists());
    assert!(root.join("kurashi/madoguchi/K-030.toml").exists());
    assert!(read(root, "kurashi/madoguchi/S-003.toml").contains("\"K-030\""));
    assert_eq!(errors(root).0, errors_before);
    // Refused: an ID that exists.
    let (code, _, err) = dx(root, &["mv", "K-030", "K-001"]);
    assert_eq!(code, 2);
    assert!(err.contains("K-001 はすでにあります"), "{err}");
    // To another 領域.
    let (code, _, _) = dx(root, &["mv", "S-003", "--domain", "kurashi/online"]);
    assert_eq!(code, 0);
    assert!(root.join("kurashi/online/S-003.toml").exists());
}

#[test]
fn mv_of_a_duplicated_id_rewrites_only_the_links_named() {
    let dir = tree();
    let root = dir.path();
    // Two branches each made a K-003; S-050 was written for the second.
    std::fs::write(
        root.join("kurashi/online/K-003.toml"),
        "title = \"別ブランチの課題\"\nvision = [\"kurashi-2\"]\n",
    )
    .expect("writes");
    std::fs::write(
        root.join("kurashi/online/S-050.toml"),
        "title = \"別ブランチの手法\"\nsolves = [\"K-003\"]\nprinciples = [\"P1\"]\nstage = \"検討\"\n",
    )
    .expect("writes");
    let (errors_with_duplicate, _) = errors(root);
    let (_, out, _) = dx(root, &["check"]);
    assert!(
        out.contains("dx mv kurashi/online/K-003.toml --next"),
        "{out}"
    );
    let (code, _, err) = dx(root, &["mv", "K-003", "--next"]);
    assert_eq!(code, 2);
    assert!(err.contains("パスで指定"), "{err}");
    let (code, out, err) = dx(
        root,
        &[
            "mv",
            "kurashi/online/K-003.toml",
            "--next",
            "--links-from",
            "S-050",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(read(root, "kurashi/online/S-050.toml").contains("solves = [\"K-008\"]"));
    assert!(read(root, "kurashi/madoguchi/S-003.toml").contains("\"K-003\""));
    // The other link to K-003 is listed, not rewritten.
    assert!(
        out.contains("S-003 (kurashi/madoguchi/S-003.toml)"),
        "{out}"
    );
    // Both duplicate-id findings are gone.
    assert_eq!(errors(root).0, errors_with_duplicate - 2);
}

/// 付議 (SPEC §7.4): a 作業部会 refers its stale pilot to the 推進本部. The
/// pilot's stale-pilot warning ends and it leaves the 作業部会's list; the
/// 推進本部's agenda lists it under 上位の会議体の判断待ち, with an entry in
/// its meeting skeleton, until the 推進本部 decides on it.
#[test]
fn a_referral_goes_up_and_comes_off_when_decided() {
    let dir = tree();
    let root = dir.path();
    let stale = |root: &Path| {
        let (_, out, _) = dx(root, &["check", "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&out).expect("json");
        v["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .any(|d| d["rule"] == "stale-pilot" && d["record"] == "S-003")
    };
    let agenda = |root: &Path, body: &str| -> serde_json::Value {
        let (code, out, err) = dx(root, &["agenda", "--body", body, "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).expect("json")
    };
    let ids = |v: &serde_json::Value, key: &str| -> Vec<String> {
        v[key]
            .as_array()
            .expect(key)
            .iter()
            .map(|x| x["record"]["id"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert!(stale(root), "the fixture's S-003 is a stale pilot");
    assert!(ids(&agenda(root, "作業部会"), "pilots").contains(&"S-003".to_owned()));
    assert!(ids(&agenda(root, "推進本部"), "referred").is_empty());

    // A 付議 without `to` is an error of the meeting file: refused.
    std::fs::create_dir_all(root.join("meetings")).expect("folder");
    let meeting = "meetings/2027-03-10-bukai.toml";
    let without = "date = 2027-03-10\nbody = \"作業部会\"\n\n[[decision]]\nrecord = \"S-003\"\nresult = \"付議\"\n";
    std::fs::write(root.join(meeting), without).expect("writes");
    let untouched = snapshot(root);
    let (code, out, _) = dx(root, &["apply", meeting]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("to"), "{out}");
    assert_eq!(snapshot(root), untouched);

    std::fs::write(
        root.join(meeting),
        without.replace(
            "result = \"付議\"\n",
            "result = \"付議\"\nto = \"推進本部\"\nnote = \"推進本部に諮る\"\n",
        ),
    )
    .expect("writes");
    let (code, out, err) = dx(root, &["apply", meeting]);
    assert_eq!(code, 0, "{out}{err}");
    let s003 = read(root, "kurashi/madoguchi/S-003.toml");
    assert!(
        s003.contains("body = \"作業部会\"\nresult = \"付議\"\nto = \"推進本部\"\n"),
        "{s003}"
    );
    assert!(
        s003.contains("stage = \"実証実験\""),
        "付議 keeps the stage: {s003}"
    );
    assert!(!stale(root), "stale-pilot ends for the lower body");
    assert!(!ids(&agenda(root, "作業部会"), "pilots").contains(&"S-003".to_owned()));
    let up = agenda(root, "推進本部");
    assert_eq!(ids(&up, "referred"), ["S-003"]);
    assert_eq!(up["referred"][0]["by"], "作業部会");
    assert_eq!(up["referred"][0]["date"], "2027-03-10");
    let (_, text, _) = dx(root, &["agenda", "--body", "推進本部"]);
    assert!(text.contains("上位の会議体の判断待ち"), "{text}");
    let (_, skeleton, _) = dx(
        root,
        &["agenda", "--body", "推進本部", "--format", "meeting"],
    );
    assert!(
        skeleton.contains("[[decision]]\nrecord = \"S-003\"\nresult = \"\""),
        "{skeleton}"
    );

    // The 推進本部 decides: off its agenda.
    let (code, out, err) = dx(
        root,
        &[
            "decide",
            "S-003",
            "--body",
            "推進本部",
            "--result",
            "導入",
            "--date",
            "2027-03-15",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(ids(&agenda(root, "推進本部"), "referred").is_empty());
}

/// A 作業部会's meeting file names its 分野 (SPEC §7.4): `dx agenda --field`
/// compares with that 分野's last meeting, not another 分野's, heads itself
/// with the 作業部会's name and writes the key into its skeleton; an
/// unknown 分野 is a finding with the nearest one.
#[test]
fn working_group_meetings_name_their_field() {
    let dir = tree();
    let root = dir.path();
    std::fs::create_dir_all(root.join("meetings")).expect("folder");
    std::fs::write(
        root.join("meetings/2027-02-01-kurashi.toml"),
        "date = 2027-02-01\nbody = \"作業部会\"\nfield = \"kurashi\"\n",
    )
    .expect("writes");
    std::fs::write(
        root.join("meetings/2027-03-01-gyosei.toml"),
        "date = 2027-03-01\nbody = \"作業部会\"\nfield = \"gyosei\"\n",
    )
    .expect("writes");
    let (code, out, err) = dx(root, &["agenda", "--field", "kurashi", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        v["last_meeting"],
        "2027-02-01 meetings/2027-02-01-kurashi.toml"
    );
    assert_eq!(v["group"], "暮らし手続き作業部会");
    let (_, text, _) = dx(root, &["agenda", "--field", "kurashi"]);
    assert!(
        text.lines()
            .next()
            .is_some_and(|l| l.contains("暮らし手続き作業部会 議題案")),
        "{text}"
    );
    let (_, skeleton, _) = dx(
        root,
        &["agenda", "--field", "kurashi", "--format", "meeting"],
    );
    assert!(
        skeleton.contains("body = \"作業部会\"\nfield = \"kurashi\"\n"),
        "{skeleton}"
    );
    // Without --field, the body's last meeting of any 分野.
    let (_, out, _) = dx(root, &["agenda", "--body", "作業部会", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        v["last_meeting"],
        "2027-03-01 meetings/2027-03-01-gyosei.toml"
    );

    std::fs::write(
        root.join("meetings/2027-03-01-gyosei.toml"),
        "date = 2027-03-01\nbody = \"作業部会\"\nfield = \"gyosie\"\n",
    )
    .expect("writes");
    let (_, out, _) = dx(root, &["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let found = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["path"] == "meetings/2027-03-01-gyosei.toml")
        .cloned()
        .expect("a finding on the unknown 分野");
    assert_eq!(found["rule"], "broken-link", "{found}");
    assert!(
        found["message"]
            .as_str()
            .is_some_and(|m| m.contains("gyosie")),
        "{found}"
    );
}

/// A guideline revision (SPEC §7.4): the records it reaches are warned
/// until taken up again — the 課題 by `dx review K-…` (writing `reviewed`,
/// only that line), the 手法 and 技術 by a decision — and `dx agenda` lists
/// them meanwhile.
#[test]
fn a_revision_runs_the_processes_again() {
    let dir = common::tree(Some("rules/revision-review-due"));
    let root = dir.path();
    let day = common::TODAY;
    let due = |root: &Path| -> Vec<String> {
        let (_, out, _) = common::dx_on(root, day, &["check", "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&out).expect("json");
        let mut ids: Vec<String> = v["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["rule"] == "revision-review-due")
            .map(|d| d["record"].as_str().unwrap_or_default().to_owned())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(due(root), ["G-001", "K-001", "S-001"]);
    // dx show of the ビジョン item lists the revision that changed it.
    let (_, shown, _) = common::dx_on(root, day, &["show", "kurashi-1", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&shown).expect("json");
    assert!(
        v["facts"]
            .as_array()
            .expect("facts")
            .iter()
            .any(|f| f["key"] == "revised"
                && f["value"] == "2.0 (2026-04-01) 暮らし手続きのビジョン1を改定"),
        "{shown}"
    );
    let (_, agenda, _) = common::dx_on(root, day, &["agenda", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&agenda).expect("json");
    let listed: Vec<&str> = v["revised"]
        .as_array()
        .expect("revised")
        .iter()
        .filter_map(|x| x["record"]["id"].as_str())
        .collect();
    assert_eq!(listed, ["K-001", "S-001", "G-001"]);

    let before = read(root, "kurashi/online/K-001.toml");
    let (code, out, err) = common::dx_on(root, day, &["review", "K-001", "--date", "2026-11-01"]);
    assert_eq!(code, 0, "{out}{err}");
    let after = read(root, "kurashi/online/K-001.toml");
    assert_eq!(
        after,
        format!("{before}reviewed = 2026-11-01\n"),
        "only the line added"
    );
    assert_eq!(due(root), ["G-001", "S-001"]);
    // Again: nothing written.
    let snap = snapshot(root);
    let (code, out, _) = common::dx_on(root, day, &["review", "K-001", "--date", "2026-11-01"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(snapshot(root), snap);

    let (code, out, err) = common::dx_on(
        root,
        day,
        &[
            "decide",
            "S-001",
            "--body",
            "作業部会",
            "--result",
            "継続",
            "--date",
            "2026-11-02",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(due(root), ["G-001"]);
}

/// The national plan's editions (SPEC §7.4): a record still on an item the
/// current edition replaced is warned, and `dx mv N3 N7` rewrites the links
/// (only the item, keeping the list's other items and comments); a list
/// with both loses the old one. A first-edition national.toml (one flat
/// list) has no retired item.
#[test]
fn dx_mv_moves_links_to_the_current_edition() {
    let dir = common::tree(Some("rules/retired-reference"));
    let root = dir.path();
    let day = common::TODAY;
    let retired = |root: &Path| -> usize {
        let (_, out, _) = common::dx_on(root, day, &["check", "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&out).expect("json");
        v["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["rule"] == "retired-reference")
            .count()
    };
    assert_eq!(retired(root), 1);
    // The status by national item counts by the current edition, then the
    // earlier edition's items still linked, marked.
    let (_, status, _) = common::dx_on(root, day, &["status", "--by", "national"]);
    let n7 = status.find("N7 フロントヤード改革").expect("N7 row");
    let n3 = status
        .find("N3 行政手続のオンライン化(旧版)")
        .expect("N3 row");
    assert!(n7 < n3, "{status}");
    // S-102 has N7 and gets N3 too: after the move, N7 once.
    let s102 = root.join("kurashi/online/S-102.toml");
    let text = read(root, "kurashi/online/S-102.toml").replace("[\"N7\"]", "[\"N7\", \"N3\"]");
    std::fs::write(&s102, text).expect("writes");
    let s101_before = read(root, "kurashi/online/S-101.toml");
    let (code, out, err) = common::dx_on(root, day, &["mv", "N3", "N7"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("N3 → N7 (kurashi/online/S-101.toml)"), "{out}");
    assert_eq!(
        read(root, "kurashi/online/S-101.toml"),
        s101_before.replace("[\"N1\", \"N3\"]", "[\"N1\", \"N7\"]")
    );
    assert!(read(root, "kurashi/online/S-102.toml").contains("national = [\"N7\"]"));
    assert_eq!(retired(root), 0);
    // N3, now unlinked, is no gap of today's plan.
    let (_, gap, _) = common::dx_on(root, day, &["gap", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&gap).expect("json");
    assert!(
        !v["national_unserved"]
            .as_array()
            .expect("national_unserved")
            .iter()
            .any(|n| n["id"] == "N3"),
        "{gap}"
    );
    // An unknown item: refused, nothing written.
    let snap = snapshot(root);
    let (code, _, err) = common::dx_on(root, day, &["mv", "N3", "N99"]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(snapshot(root), snap);

    // The base fixture's flat national.toml: everything current.
    let flat = common::tree(None);
    assert_eq!(retired(flat.path()), 0);
}

/// `dx agenda -o`: the agenda to a file, and the meeting-file skeleton to a
/// new file only: one that exists (it may hold what the meeting decided)
/// is left byte for byte, with a message that says why.
#[test]
fn agenda_writes_to_a_file_and_never_over_a_meeting_file() {
    let dir = tree();
    let root = dir.path();
    std::fs::create_dir_all(root.join("meetings")).expect("folder");
    let (code, out, err) = dx(root, &["agenda", "--format", "markdown", "-o", "議題案.md"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(read(root, "議題案.md").contains("S-003"));
    const SKELETON: [&str; 5] = [
        "agenda",
        "--format",
        "meeting",
        "-o",
        "meetings/2027-03-15-honbu.toml",
    ];
    let untouched = snapshot(root);
    let (code, _, err) = dx(root, &SKELETON);
    assert_eq!(code, 0, "{err}");
    let (_, skeleton, _) = dx(root, &["agenda", "--format", "meeting"]);
    assert_eq!(read(root, "meetings/2027-03-15-honbu.toml"), skeleton);
    // The new file is the only change.
    let mut after = snapshot(root);
    after.remove("meetings/2027-03-15-honbu.toml");
    assert_eq!(after, untouched, "nothing else written");
    // Filled in, then asked for again: refused, nothing written.
    let filled = skeleton.replacen("result = \"\"", "result = \"導入\"", 1);
    std::fs::write(root.join("meetings/2027-03-15-honbu.toml"), &filled).expect("writes");
    let before = snapshot(root);
    let (code, _, err) = dx(root, &SKELETON);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("すでにあります") && err.contains("上書きしない"),
        "{err}"
    );
    assert_eq!(snapshot(root), before, "the filled-in file is kept");
}

/// Two `dx agenda --format meeting -o` at once onto one name: one writes
/// the skeleton, the other is refused; the file is whole.
#[test]
fn two_skeletons_at_once_make_one_file() {
    let dir = tree();
    let root = dir.path().to_path_buf();
    std::fs::create_dir_all(root.join("meetings")).expect("folder");
    let args = [
        "agenda",
        "--format",
        "meeting",
        "-o",
        "meetings/2027-03-15-honbu.toml",
    ];
    let runs: Vec<(i32, String, String)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4).map(|_| s.spawn(|| dx(&root, &args))).collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("runs"))
            .collect()
    });
    let written = runs.iter().filter(|(code, _, _)| *code == 0).count();
    assert_eq!(written, 1, "{runs:?}");
    assert!(
        runs.iter()
            .filter(|(code, _, _)| *code != 0)
            .all(|(code, _, err)| *code == 2 && err.contains("すでにあります")),
        "{runs:?}"
    );
    let (_, skeleton, _) = dx(&root, &["agenda", "--format", "meeting"]);
    assert_eq!(read(&root, "meetings/2027-03-15-honbu.toml"), skeleton);
}
