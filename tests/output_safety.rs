//! What records and file names hold never acts on what shows it: no control
//! character, bidi override or GitHub workflow command reaches a terminal or
//! a log, no formula a spreadsheet, no HTML a pull-request comment.

mod common;

use std::path::Path;

fn run(root: &Path, args: &[&str]) -> (Vec<u8>, Vec<u8>) {
    let out = common::dx_in(root)
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("runs");
    assert_ne!(out.status.code(), Some(101), "dx {args:?} panicked");
    (out.stdout, out.stderr)
}

/// Every read command in every format, stdout and stderr together.
fn every_output(root: &Path) -> Vec<(String, String)> {
    let mut outputs = Vec::new();
    let commands: &[&[&str]] = &[
        &["check"],
        &["check", "--format", "json"],
        &["check", "--format", "github"],
        &["check", "--format", "sarif"],
        &["show", "S-101"],
        &["tree"],
        &["gap"],
        &["status", "--by", "team"],
        &["export"],
        &["export", "--format", "yaml"],
        &["report"],
        &["agenda"],
    ];
    for args in commands {
        let (out, err) = run(root, args);
        outputs.push((
            format!("{args:?}"),
            String::from_utf8_lossy(&[out, err].concat()).into_owned(),
        ));
    }
    for format in ["table", "markdown", "csv", "json"] {
        let (out, err) = run(root, &["list", "--format", format]);
        outputs.push((
            format!("list {format}"),
            String::from_utf8_lossy(&[out, err].concat()).into_owned(),
        ));
    }
    outputs
}

fn assert_inert(outputs: &[(String, String)]) {
    for (what, text) in outputs {
        let bad = text.chars().find(|&c| {
            (c.is_control() && !matches!(c, '\n' | '\t' | '\r')) || dx::files::is_bidi(c)
        });
        assert_eq!(bad, None, "{what}: {text}");
        assert!(
            !text.lines().any(|l| l.starts_with("::error file=README")),
            "{what}: a workflow command\n{text}"
        );
    }
}

#[test]
fn escapes_in_values_are_shown_not_obeyed() {
    let tree = common::tree(None);
    let root = tree.path();
    std::fs::write(
        root.join("kurashi/online/S-101.toml"),
        "title = \"\\u001b]8;;http://x\\u0007link\\u001b]8;;\\u0007\\u001b[2J\"\nsolves = [\"K-001\"]\nprinciples = [\"P1\"]\nstage = \"検討\"\nowner = \"市民課\\u202E\\u0085\"\ntags = [\"\\u001b[31m赤\"]\n\n[team]\nname = \"チーム\\u0007\"\n",
    )
    .expect("write");
    // A key that is only escapes, and a raw bidi override in the file.
    std::fs::write(
        root.join("kurashi/online/S-102.toml"),
        "title = \"順序が\u{202E}逆\"\nsolves = [\"K-001\"]\nprinciples = [\"P1\"]\nstage = \"検討\"\n\"\\u001b[2J\" = 1\n",
    )
    .expect("write");
    let outputs = every_output(root);
    assert_inert(&outputs);
    // Shown, visibly.
    let (show, _) = run(root, &["show", "S-101"]);
    assert!(String::from_utf8_lossy(&show).contains("<U+001B>]8;;http://x<U+0007>link"));
}

#[test]
fn file_names_cannot_inject_workflow_commands() {
    let tree = common::tree(None);
    let root = tree.path();
    let name = "x\n::error file=README.md,line=1::INJECTED.toml";
    let path = root.join("kurashi/online").join(name);
    std::fs::write(&path, "title = \"x\"\n").expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        &path,
        root.join("kurashi/online")
            .join(format!("{name}-link.toml")),
    )
    .expect("link");
    std::fs::write(
        root.join("kurashi/online/\u{1b}[2Jclear\u{7}.toml"),
        "title = \"y\"\n",
    )
    .expect("write");
    assert_inert(&every_output(root));
}

#[test]
fn csv_cells_are_never_formulas() {
    let tree = common::tree(None);
    let root = tree.path();
    let titles = [
        "=HYPERLINK(\\\"http://x\\\"&A1,\\\"詳細\\\")",
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)",
    ];
    for (i, title) in titles.iter().enumerate() {
        std::fs::write(
            root.join(format!("kurashi/online/K-10{i}.toml")),
            format!("title = \"{title}\"\nvision = [\"kurashi-1\"]\nowner = \"=1+2\"\n"),
        )
        .expect("write");
    }
    for args in [
        &["list", "--format", "csv"][..],
        &["gap", "--format", "csv"],
        &["status", "--format", "csv"],
    ] {
        let (out, _) = run(root, args);
        let text = String::from_utf8_lossy(&out);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
        for record in reader.records() {
            for cell in record.expect("csv").iter() {
                let formula = cell.starts_with(['=', '+', '@'])
                    || (cell.starts_with('-') && cell.parse::<f64>().is_err());
                assert!(!formula, "{args:?}: live formula {cell:?}\n{text}");
            }
        }
        if args[0] == "list" {
            assert!(text.contains("'=HYPERLINK("), "{text}");
        }
    }
}

#[test]
fn markdown_carries_no_html_from_records() {
    let tree = common::tree(None);
    let root = tree.path();
    std::fs::write(
        root.join("kurashi/online/K-101.toml"),
        "title = \"<img src=x onerror=alert(1)><details open><!-- 隠す\"\nvision = [\"kurashi-1\"]\n",
    )
    .expect("write");
    for args in [
        &["gap", "--format", "markdown"][..],
        &["list", "--format", "markdown"],
        &["show", "K-101", "--format", "markdown"],
    ] {
        let (out, _) = run(root, args);
        let text = String::from_utf8_lossy(&out);
        for raw in ["<img", "<details open", "<!--"] {
            assert!(!text.contains(raw), "{args:?}: {raw}\n{text}");
        }
        assert!(text.contains("&lt;img"), "{args:?}\n{text}");
    }
}

#[test]
fn personal_data_is_masked_in_every_message() {
    let tree = common::tree(None);
    let root = tree.path();
    std::fs::write(
        root.join("kurashi/online/K-101.toml"),
        "title = \"x\"\nvision = [\"kurashi-1\"]\n\"090-1234-5678\" = 1\ncontact = \"taro.yamada@gmail.com\"\n",
    )
    .expect("write");
    for format in ["human", "json", "github", "sarif"] {
        let (out, err) = run(root, &["check", "--format", format]);
        let text = String::from_utf8_lossy(&[out, err].concat()).into_owned();
        for secret in ["1234-5678", "aro.yamada"] {
            assert!(!text.contains(secret), "{format}: {secret}\n{text}");
        }
    }
}
