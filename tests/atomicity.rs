//! Writers at once and writers stopped half way (SPEC §7.1): every writer
//! holds the tree lock from reading to its last rename, so concurrent
//! writers lose nothing; a change to several files is all or nothing when a
//! rename fails, and a writer killed at any point is undone by the next.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

const MEETING_DAY: &str = "2026-11-20";

fn dx(root: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dx"));
    cmd.current_dir(root)
        .arg("--root")
        .arg(root)
        .env("DX_TODAY", common::TODAY)
        .env_remove("DX_LANG")
        .env_remove("NO_COLOR");
    cmd
}

/// A meeting file deciding S-001 and S-007 (files in two 領域).
fn two_decisions(root: &Path) {
    std::fs::create_dir_all(root.join("meetings")).expect("folder");
    std::fs::write(
        root.join("meetings/m.toml"),
        format!(
            "date = {MEETING_DAY}\nbody = \"推進本部\"\n\n[[decision]]\nrecord = \"S-001\"\nresult = \"継続\"\n\n[[decision]]\nrecord = \"S-007\"\nresult = \"継続\"\n"
        ),
    )
    .expect("meeting");
}

/// Eight writers at once, twenty rounds each, of the kinds that raced
/// before (decide beside decide, beside fmt, beside apply): every decision
/// each one was told it wrote is in the record, once.
#[test]
fn eight_writers_twenty_rounds_lose_nothing() {
    let dir = common::tree(Some("reports"));
    let root = dir.path().to_path_buf();
    std::fs::create_dir_all(root.join("meetings/2026")).expect("folder");
    let rounds = 20;
    let writers: Vec<std::thread::JoinHandle<Vec<String>>> = (0..8)
        .map(|w| {
            let root = root.clone();
            std::thread::spawn(move || {
                let mut written = Vec::new();
                for r in 0..rounds {
                    let note = format!("W{w}-R{r}");
                    // A date of its own: decide takes a decision of the same
                    // day, body and result as one already recorded.
                    let date = format!("2025-{:02}-{:02}", w + 1, r + 1);
                    let out = match w {
                        // A formatter beside the deciders.
                        7 => dx(&root).arg("fmt").output(),
                        // A meeting applied beside them.
                        6 => {
                            let rel = format!("meetings/2026/m{r}.toml");
                            std::fs::write(
                                root.join(&rel),
                                format!(
                                    "date = {date}\nbody = \"幹事会\"\n\n[[decision]]\nrecord = \"S-001\"\nresult = \"継続\"\nnote = \"{note}\"\n"
                                ),
                            )
                            .expect("meeting file");
                            dx(&root).args(["apply", &rel]).output()
                        }
                        _ => dx(&root)
                            .args([
                                "decide", "S-001", "--body", "作業部会", "--result", "継続",
                                "--date", &date, "--note", &note,
                            ])
                            .output(),
                    }
                    .expect("runs");
                    assert_eq!(
                        out.status.code(),
                        Some(0),
                        "{note}: {}{}",
                        String::from_utf8_lossy(&out.stdout),
                        String::from_utf8_lossy(&out.stderr)
                    );
                    if w != 7 {
                        written.push(note);
                    }
                }
                written
            })
        })
        .collect();
    let mut expected = Vec::new();
    for w in writers {
        expected.extend(w.join().expect("writer thread"));
    }
    assert_eq!(expected.len(), 7 * rounds);
    let text = std::fs::read_to_string(root.join("kurashi/online/S-001.toml")).expect("S-001");
    for note in &expected {
        let times = text.matches(&format!("note = \"{note}\"\n")).count();
        assert_eq!(times, 1, "{note} is in S-001 {times} times:\n{text}");
    }
    assert_eq!(
        text.matches("[[decision]]").count(),
        1 + expected.len(),
        "the fixture's decision and one per write"
    );
    assert!(!root.join(".dx.lock").exists(), "the lock is released");
    let (code, out, _) = common::dx_on(&root, common::TODAY, &["check"]);
    assert!(!out.contains("parse-error"), "{code}: {out}");
}

/// A rename refused half way (a file made immutable, a disk gone
/// read-only) undoes the renames before it: the meeting changes no record,
/// `dx mv` leaves no second copy, and no temporary file is left.
#[test]
fn a_rename_refused_half_way_changes_nothing() {
    let dir = common::tree(Some("reports"));
    let root = dir.path();
    two_decisions(root);
    let before = common::snapshot(root);
    for at in ["0", "1"] {
        let out = dx(root)
            .env("DX_TEST_FAIL_RENAME_AT", at)
            .args(["apply", "meetings/m.toml"])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "rename {at}");
        assert_eq!(common::snapshot(root), before, "rename {at}");
    }
    // dx mv: the new file, the removal of the old, the links in others.
    for at in ["0", "1", "2"] {
        let out = dx(root)
            .env("DX_TEST_FAIL_RENAME_AT", at)
            .args(["mv", "K-001", "K-099"])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "mv, rename {at}");
        assert_eq!(common::snapshot(root), before, "mv, rename {at}");
    }
    let out = dx(root)
        .args(["mv", "K-001", "K-099"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(root.join("kurashi/online/K-099.toml").exists());
    assert!(!root.join("kurashi/online/K-001.toml").exists());
}

/// The same with a real refusal: `chattr +i` on the second record (where
/// the file system and the user allow it; skipped otherwise).
#[cfg(target_os = "linux")]
#[test]
fn an_immutable_record_refuses_the_whole_meeting() {
    let dir = common::tree(Some("reports"));
    let root = dir.path();
    let s007 = root.join("gyosei/jimu/S-007.toml");
    let immutable = Command::new("chattr")
        .arg("+i")
        .arg(&s007)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !immutable {
        eprintln!("chattr +i is not allowed here; skipped");
        return;
    }
    two_decisions(root);
    let before = common::snapshot(root);
    let out = dx(root)
        .args(["apply", "meetings/m.toml"])
        .output()
        .expect("runs");
    let _ = Command::new("chattr").arg("-i").arg(&s007).status();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(common::snapshot(root), before);
}

/// `dx apply` of one meeting deciding 300 records, killed with SIGKILL at
/// points spread over its run (its renames slowed down to 2 ms each, so
/// that some kills land among them): after the next writer (here `dx fmt`, which
/// changes nothing in a formatted tree) every record has the decision or
/// none has, and no temporary file or journal is left.
#[cfg(unix)]
#[test]
fn a_writer_killed_at_any_point_is_undone_by_the_next() {
    let dir = common::tree(Some("reports"));
    let root = dir.path();
    let s001 = std::fs::read_to_string(root.join("kurashi/online/S-001.toml")).expect("S-001");
    let n = 300;
    let mut meeting = format!("date = {MEETING_DAY}\nbody = \"幹事会\"\n");
    for i in 0..n {
        let id = format!("S-{:03}", 100 + i);
        std::fs::write(
            root.join(format!("kurashi/online/{id}.toml")),
            s001.replace("申請手続のオンライン化", &format!("手続 {i}")),
        )
        .expect("record");
        meeting.push_str(&format!(
            "\n[[decision]]\nrecord = \"{id}\"\nresult = \"継続\"\nnote = \"止める\"\n"
        ));
    }
    std::fs::create_dir_all(root.join("meetings")).expect("folder");
    std::fs::write(root.join("meetings/m.toml"), &meeting).expect("meeting");
    let decided = |root: &Path| {
        (0..n)
            .filter(|i| {
                std::fs::read_to_string(root.join(format!("kurashi/online/S-{:03}.toml", 100 + i)))
                    .expect("record")
                    .contains("note = \"止める\"")
            })
            .count()
    };
    // How long a whole run takes, to spread the kills over it.
    let copy = tempfile::tempdir().expect("copy");
    let status = Command::new("cp")
        .arg("-a")
        .arg(format!("{}/.", root.display()))
        .arg(copy.path())
        .status()
        .expect("cp");
    assert!(status.success());
    let started = std::time::Instant::now();
    let out = dx(copy.path())
        .env("DX_TEST_PAUSE_RENAMES_MS", "2")
        .args(["apply", "meetings/m.toml"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let whole = started.elapsed();
    assert_eq!(decided(copy.path()), n);
    let (mut none, mut all, mut recovered) = (0, 0, 0);
    for round in 0..12u32 {
        let mut child = dx(root)
            .env("DX_TEST_PAUSE_RENAMES_MS", "2")
            .args(["apply", "meetings/m.toml"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        // From a fifth of the run to its end, where the renames are.
        std::thread::sleep(whole.mul_f64(0.2 + 0.8 * f64::from(round) / 11.0));
        let _ = child.kill();
        let _ = child.wait();
        let (code, out, err) = common::dx_on(root, common::TODAY, &["fmt"]);
        assert_eq!(code, 0, "{out}{err}");
        recovered += usize::from(err.contains("元に戻しました"));
        let count = decided(root);
        assert!(
            count == 0 || count == n,
            "round {round}: {count} of {n} decided"
        );
        let left: Vec<String> = common::snapshot(root)
            .into_keys()
            .filter(|k| k.ends_with(".tmp") || k.contains(".dx-journal"))
            .collect();
        assert!(left.is_empty(), "round {round}: {left:?}");
        if count == n {
            all += 1;
            // Back to none decided for the next round.
            for i in 0..n {
                let path = root.join(format!("kurashi/online/S-{:03}.toml", 100 + i));
                std::fs::write(
                    &path,
                    s001.replace("申請手続のオンライン化", &format!("手続 {i}")),
                )
                .expect("reset");
            }
        } else {
            none += 1;
        }
    }
    assert!(recovered > 0, "no kill landed among the renames");
    eprintln!(
        "killed runs: {none} undone ({recovered} of them half way through the renames), {all} finished before the kill"
    );
}

/// A writer never writes a file over the size dx reads (4 MiB): a record
/// just under it that one more decision would push over is refused with
/// what to look at, and nothing changes.
#[test]
fn a_write_that_would_pass_the_size_limit_is_refused() {
    let dir = common::tree(Some("reports"));
    let root = dir.path();
    let s001 = root.join("kurashi/online/S-001.toml");
    let mut text = std::fs::read_to_string(&s001).expect("S-001");
    let line = format!("# {}\n", "メモ".repeat(40));
    let room = 4 * 1024 * 1024 - 10;
    while text.len() + line.len() < room {
        text.push_str(&line);
    }
    text.push_str(&"#".repeat(room - text.len() - 1));
    text.push('\n');
    std::fs::write(&s001, &text).expect("padded");
    let (code, out, _) = common::dx_on(root, common::TODAY, &["check"]);
    assert!(
        !out.contains("too-large") && !out.contains("大きすぎ"),
        "{code}: {out}"
    );
    let before = common::snapshot(root);
    let (code, out, err) = common::dx_on(
        root,
        common::TODAY,
        &["decide", "S-001", "--body", "作業部会", "--result", "継続"],
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("kurashi/online/S-001.toml が 4096 KiB になり")
            && out.contains("上限 4096 KiB"),
        "{out}"
    );
    assert_eq!(common::snapshot(root), before);
}

/// `dx import` beside `dx decide` on the same record, ten rounds each: the
/// import settles each record after its last row and writes it under the
/// tree lock, so every measurement and every decision either was told it
/// wrote is in the record, once.
#[test]
fn import_beside_decide_loses_nothing() {
    let dir = common::tree(Some("reports"));
    let root = dir.path().to_path_buf();
    let answers = tempfile::tempdir().expect("answers");
    let rounds = 10;
    let importer = {
        let (root, answers) = (root.clone(), answers.path().to_path_buf());
        std::thread::spawn(move || {
            for r in 0..rounds {
                let day = format!("2025-03-{:02}", r + 1);
                let csv = answers.join(format!("{r}.csv"));
                std::fs::write(
                    &csv,
                    format!(
                        "ID,評価指標,測定日,値,状況\nS-001,オンライン申請率,{day},{r}.5,確定\n"
                    ),
                )
                .expect("answer");
                let out = dx(&root).arg("import").arg(&csv).output().expect("runs");
                assert_eq!(
                    out.status.code(),
                    Some(0),
                    "{day}: {}{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        })
    };
    let decider = {
        let root = root.clone();
        std::thread::spawn(move || {
            for r in 0..rounds {
                let out = dx(&root)
                    .args(["decide", "S-001", "--body", "作業部会", "--result", "継続"])
                    .args(["--date", &format!("2025-04-{:02}", r + 1)])
                    .args(["--note", &format!("D{r}")])
                    .output()
                    .expect("runs");
                assert_eq!(out.status.code(), Some(0), "D{r}");
            }
        })
    };
    importer.join().expect("importer");
    decider.join().expect("decider");
    let text = std::fs::read_to_string(root.join("kurashi/online/S-001.toml")).expect("S-001");
    for r in 0..rounds {
        let measured = format!("date = 2025-03-{:02}\nvalue = {r}.5\n", r + 1);
        assert_eq!(text.matches(&measured).count(), 1, "{measured}in:\n{text}");
        assert_eq!(
            text.matches(&format!("note = \"D{r}\"\n")).count(),
            1,
            "D{r}"
        );
    }
    assert!(!root.join(".dx.lock").exists(), "the lock is released");
}
