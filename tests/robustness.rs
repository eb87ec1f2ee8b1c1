//! Nothing destroyed, no crash on a hostile tree or revision: the second
//! round of hostile cases, each a regression test.

mod common;

use std::path::Path;
use std::process::Command as Process;
use std::time::{Duration, Instant};

fn dx(root: &Path) -> assert_cmd::Command {
    let mut cmd = common::dx_in(root);
    cmd.arg("--root").arg(root);
    cmd
}

fn git(dir: &Path, args: &[&str]) {
    let ok = Process::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.invalid",
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

#[test]
fn a_very_long_id_is_no_typo_and_costs_nothing() {
    let tree = common::tree(None);
    let root = tree.path();
    let id = format!("K-{}", "1".repeat(20_000));
    std::fs::write(
        root.join("kurashi/online/S-101.toml"),
        format!("title = \"t\"\nsolves = [\"{id}\"]\nprinciples = [\"P1\"]\nstage = \"検討\"\n"),
    )
    .expect("write");
    let start = Instant::now();
    let out = dx(root).arg("check").output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn the_next_id_after_the_largest_number_does_not_wrap() {
    let tree = common::tree(None);
    let root = tree.path();
    std::fs::write(
        root.join("kurashi/online/K-18446744073709551615.toml"),
        "title = \"t\"\nvision = [\"kurashi-1\"]\n",
    )
    .expect("write");
    let out = dx(root)
        .args([
            "new",
            "課題",
            "--domain",
            "kurashi/online",
            "--title",
            "次",
            "--vision",
            "kurashi-1",
        ])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        root.join("kurashi/online/K-18446744073709551616.toml")
            .is_file()
    );
}

#[cfg(unix)]
#[test]
fn report_writes_into_a_pipe_or_a_link_never_over_it() {
    let tree = common::tree(None);
    let root = tree.path();
    let out_dir = tempfile::tempdir().expect("temp");
    // A symbolic link to a file: written through, the link stays.
    let target = out_dir.path().join("real.html");
    std::fs::write(&target, "old").expect("write");
    let link = out_dir.path().join("link.html");
    std::os::unix::fs::symlink(&target, &link).expect("link");
    let status = dx(root)
        .args(["report", "-o"])
        .arg(&link)
        .output()
        .expect("runs")
        .status;
    assert!(status.success());
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .expect("read")
            .starts_with("<!DOCTYPE html>")
    );
    // A named pipe: written into (a reader drains it), still a pipe.
    let fifo = out_dir.path().join("pipe");
    assert!(
        Process::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).expect("read pipe"))
    };
    let status = dx(root)
        .args(["report", "-o"])
        .arg(&fifo)
        .output()
        .expect("runs")
        .status;
    assert!(status.success());
    let got = reader.join().expect("reader");
    assert!(got.starts_with(b"<!DOCTYPE html>"));
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .expect("meta")
            .file_type()
            .is_fifo()
    );
}

#[test]
fn report_into_a_missing_folder_names_the_path() {
    let tree = common::tree(None);
    let out = dx(tree.path())
        .args(["report", "-o", "no-such-folder/報告.html"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no-such-folder/報告.html"), "{err}");
}

#[test]
fn fmt_keeps_the_meaning_of_strings_and_the_mode() {
    let tree = common::tree(None);
    let root = tree.path();
    // CRLF lines, and a multi-line string holding a bare LF.
    let text = "stage = \"検討\"\r\ntitle = \"改行の混在\"\r\nsolves = [\"K-001\"]\r\nprinciples = [\"P1\"]\r\nowner = \"\"\"一行目\n二行目\"\"\"\r\n";
    let path = root.join("kurashi/online/S-101.toml");
    std::fs::write(&path, text).expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("mode");
    }
    let before: toml::Table = text.parse().expect("toml");
    let out = dx(root).arg("fmt").output().expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after_text = std::fs::read_to_string(&path).expect("read");
    let after: toml::Table = after_text.parse().expect("toml");
    assert_eq!(before["owner"], after["owner"], "{after_text:?}");
    assert!(after_text.starts_with("title"), "formatted: {after_text:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
}

/// A revision holding a blob over the size limit, a tree in a folder named
/// like pathspec magic and one whose name ends in a space.
#[test]
fn diff_survives_huge_blobs_and_odd_folder_names() {
    for folder in [":rec", "records ", "r"] {
        let repo = tempfile::tempdir().expect("temp");
        let tree = common::tree(None);
        let records = repo.path().join(folder);
        std::fs::create_dir_all(&records).expect("dir");
        for entry in walkdir::WalkDir::new(tree.path())
            .into_iter()
            .filter_map(Result::ok)
        {
            let rel = entry.path().strip_prefix(tree.path()).expect("inside");
            let to = records.join(rel);
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).expect("dir");
            } else {
                std::fs::copy(entry.path(), &to).expect("copy");
            }
        }
        if folder == "r" {
            // 5 MiB: over the 4 MiB limit.
            let mut big = String::from("title = \"");
            big.push_str(&"あ".repeat(5 * 1024 * 1024 / 3));
            big.push_str("\"\nvision = [\"kurashi-1\"]\n");
            std::fs::write(records.join("kurashi/online/K-101.toml"), big).expect("write");
        }
        git(repo.path(), &["init", "-q", "-b", "main"]);
        git(repo.path(), &["add", "-A"]);
        git(repo.path(), &["commit", "-q", "-m", "base"]);
        let out = common::dx_in(&records)
            .args(["diff", "HEAD", "--format", "json"])
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{folder:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        assert_eq!(
            v["added"].as_array().map(Vec::len),
            Some(0),
            "{folder:?}: {v}"
        );
        assert_eq!(
            v["removed"].as_array().map(Vec::len),
            Some(0),
            "{folder:?}: {v}"
        );
    }
}

#[test]
fn concurrent_new_records_take_distinct_ids() {
    let tree = common::tree(None);
    let root = tree.path().to_path_buf();
    let domains = ["kurashi/online", "kurashi/madoguchi", "gyosei/jimu"];
    let children: Vec<std::process::Child> = (0..8)
        .map(|i| {
            Process::new(env!("CARGO_BIN_EXE_dx"))
                .arg("--root")
                .arg(&root)
                .env("DX_TODAY", common::TODAY)
                .env_remove("DX_LANG")
                .args([
                    "new",
                    "課題",
                    "--domain",
                    domains[i % 3],
                    "--title",
                    &format!("同時 {i}"),
                    "--vision",
                    "kurashi-1",
                ])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("waits");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = dx(&root)
        .args(["check", "--format", "json"])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let dups = v["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|d| d["rule"] == "duplicate-id")
        .count();
    assert_eq!(dups, 0, "{v}");
    assert!(!root.join(".dx.lock").exists(), "the lock is released");
}

#[cfg(unix)]
#[test]
fn fmt_names_a_file_it_cannot_open() {
    use std::os::unix::ffi::OsStrExt;
    let tree = common::tree(None);
    let root = tree.path();
    let folder = root
        .join("kurashi")
        .join(std::ffi::OsStr::from_bytes(b"bad\xffname"));
    std::fs::create_dir_all(&folder).expect("dir");
    std::fs::write(folder.join("domain.toml"), "name = \"x\"\n").expect("write");
    std::fs::write(
        folder.join("K-101.toml"),
        "vision = [\"kurashi-1\"]\ntitle = \"t\"\n",
    )
    .expect("write");
    let out = dx(root).arg("fmt").output().expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(101));
    if out.status.code() == Some(2) {
        assert!(
            err.contains("K-101.toml") && err.contains("UTF-8"),
            "the file is named: {err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_file_named_in_no_utf8_is_shown_with_its_line() {
    use std::os::unix::ffi::OsStrExt;
    let tree = common::tree(None);
    let root = tree.path();
    let folder = root
        .join("kurashi")
        .join(std::ffi::OsStr::from_bytes(b"bad\xffname"));
    std::fs::create_dir_all(&folder).expect("dir");
    std::fs::write(folder.join("domain.toml"), "name = \"x\"\n").expect("write");
    std::fs::write(
        folder.join("K-101.toml"),
        "title = \"t\"\nvision = [\"kurashi-99\"]\n",
    )
    .expect("write");
    let out = dx(root).arg("check").output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    // The file is read again by its real name: its line is shown, and it
    // is not said to have changed.
    assert!(text.contains("2 | vision = [\"kurashi-99\"]"), "{text}");
    assert!(
        !text.contains("検査の後でこのファイルが変更された") && !text.contains("読み直せない"),
        "{text}"
    );
}
