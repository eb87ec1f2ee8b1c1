//! Hostile inputs: what staff produce with Notepad, Excel and e-mail, and
//! what an attacker might. Each case is the base fixture plus one mutation,
//! with the findings it must produce. For every case, every read command
//! must finish without panicking (exit 101 is a bug) and change no byte.

mod common;

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::Path;

/// What a case must produce.
enum Expect {
    /// `dx check` exits with this code and reports at least these (rule, path).
    Findings(i32, &'static [(&'static str, &'static str)]),
    /// `dx check` exits 2 with a message naming this.
    Trouble(&'static str),
}

struct Case {
    name: &'static str,
    setup: fn(&Path),
    expect: Expect,
}

fn put(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
    std::fs::write(path, bytes).expect("write");
}

fn encoded(enc: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    enc.encode(text).0.into_owned()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

const K101: &str = "kurashi/online/K-101.toml";
const ISSUE: &str = "title = \"来庁が必要な手続\"\nvision = [\"kurashi-1\"]\n";
const OK: i32 = 0;
const ERR: i32 = 1;

fn cases() -> Vec<Case> {
    use Expect::{Findings, Trouble};

    vec![
        Case {
            name: "shift-jis",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/K-101.toml",
                    encoded(encoding_rs::SHIFT_JIS, ISSUE),
                );
            },
            expect: Findings(ERR, &[("encoding", "kurashi/online/K-101.toml")]),
        },
        Case {
            name: "euc-jp",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/K-101.toml",
                    encoded(encoding_rs::EUC_JP, ISSUE),
                );
            },
            expect: Findings(ERR, &[("encoding", "kurashi/online/K-101.toml")]),
        },
        Case {
            name: "utf-16le",
            setup: |r| put(r, "kurashi/online/K-101.toml", utf16(ISSUE, false)),
            expect: Findings(ERR, &[("encoding", "kurashi/online/K-101.toml")]),
        },
        Case {
            name: "utf-16be",
            setup: |r| put(r, "kurashi/online/K-101.toml", utf16(ISSUE, true)),
            expect: Findings(ERR, &[("encoding", "kurashi/online/K-101.toml")]),
        },
        Case {
            name: "bom-and-crlf",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/K-101.toml",
                    [
                        b"\xEF\xBB\xBF".as_slice(),
                        ISSUE.replace('\n', "\r\n").as_bytes(),
                    ]
                    .concat(),
                );
            },
            expect: Findings(OK, &[]),
        },
        Case {
            name: "cr-only-line-ends",
            setup: |r| put(r, "kurashi/online/K-101.toml", ISSUE.replace('\n', "\r")),
            expect: Findings(ERR, &[("parse-error", "kurashi/online/K-101.toml")]),
        },
        Case {
            name: "full-width-link",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/S-101.toml",
                    "title = \"t\"\nsolves = [\"Ｋ－００１\"]\nprinciples = [\"P1\"]\nstage = \"検討\"\n",
                );
            },
            expect: Findings(ERR, &[("id-format", "kurashi/online/S-101.toml")]),
        },
        Case {
            name: "full-width-file-name",
            setup: |r| put(r, "kurashi/online/Ｋ－１０１.toml", ISSUE),
            expect: Findings(ERR, &[("id-format", "kurashi/online/Ｋ－１０１.toml")]),
        },
        Case {
            name: "zero-width-space-in-link",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/S-101.toml",
                    "title = \"t\"\nsolves = [\"K-0\u{200B}01\"]\nprinciples = [\"P1\"]\nstage = \"検討\"\n",
                );
            },
            expect: Findings(ERR, &[("id-format", "kurashi/online/S-101.toml")]),
        },
        Case {
            name: "zero-width-space-in-id",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/K-101.toml",
                    format!("id = \"K-1\u{200B}01\"\n{ISSUE}"),
                );
            },
            expect: Findings(ERR, &[("id-format", "kurashi/online/K-101.toml")]),
        },
        Case {
            name: "duplicate-key",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/K-101.toml",
                    format!("{ISSUE}title = \"二度目\"\n"),
                );
            },
            expect: Findings(ERR, &[("parse-error", "kurashi/online/K-101.toml")]),
        },
        Case {
            name: "duplicate-table",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/K-101.toml",
                    format!("{ISSUE}[closed]\ndate = 2025-03-31\n[closed]\nreason = \"x\"\n"),
                );
            },
            expect: Findings(ERR, &[("parse-error", "kurashi/online/K-101.toml")]),
        },
        Case {
            name: "fifty-megabytes",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/K-101.toml",
                    format!("{ISSUE}# {}\n", "x".repeat(50 * 1024 * 1024)),
                );
            },
            expect: Findings(ERR, &[("parse-error", "kurashi/online/K-101.toml")]),
        },
        Case {
            name: "deeply-nested-arrays",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/K-101.toml",
                    format!("title = {}{}\n", "[".repeat(100_000), "]".repeat(100_000)),
                );
            },
            expect: Findings(ERR, &[("parse-error", "kurashi/online/K-101.toml")]),
        },
        Case {
            name: "deeply-nested-tables",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/K-101.toml",
                    format!("title = {}{}\n", "{a = ".repeat(20_000), "}".repeat(20_000)),
                );
            },
            expect: Findings(ERR, &[("parse-error", "kurashi/online/K-101.toml")]),
        },
        Case {
            name: "binary-garbage",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/K-101.toml",
                    (0..4096u32)
                        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                        .collect::<Vec<u8>>(),
                );
            },
            expect: Findings(ERR, &[("encoding", "kurashi/online/K-101.toml")]),
        },
        Case {
            name: "nul-byte",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/K-101.toml",
                    "title = \"a\0b\"\nvision = [\"kurashi-1\"]\n",
                );
            },
            expect: Findings(ERR, &[("parse-error", "kurashi/online/K-101.toml")]),
        },
        Case {
            name: "escape-sequence-in-value",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/S-101.toml",
                    "title = \"t\"\nsolves = [\"K-001\"]\nprinciples = [\"P1\"]\nstage = \"\\u001b[31m運用\"\n",
                );
            },
            expect: Findings(ERR, &[("invalid-value", "kurashi/online/S-101.toml")]),
        },
        Case {
            name: "empty-record",
            setup: |r| put(r, "kurashi/online/K-101.toml", ""),
            expect: Findings(ERR, &[("missing-key", "kurashi/online/K-101.toml")]),
        },
        Case {
            name: "empty-dx-toml",
            setup: |r| put(r, "dx.toml", ""),
            expect: Findings(OK, &[]),
        },
        Case {
            name: "folder-named-like-a-record",
            setup: |r| std::fs::create_dir_all(r.join("kurashi/online/K-150.toml")).expect("dir"),
            expect: Findings(OK, &[]),
        },
        Case {
            name: "record-inside-folder-named-toml",
            setup: |r| put(r, "kurashi/online/K-150.toml/K-151.toml", ISSUE),
            expect: Findings(OK, &[]),
        },
        Case {
            name: "symlink-loop",
            setup: |r| symlink(Path::new("../.."), &r.join("kurashi/online/loop")),
            expect: Findings(OK, &[]),
        },
        Case {
            name: "symlink-out-of-tree",
            setup: |r| {
                symlink(
                    Path::new("/etc/hostname"),
                    &r.join("kurashi/online/K-160.toml"),
                );
            },
            expect: Findings(OK, &[]),
        },
        Case {
            name: "named-pipe-named-like-a-record",
            setup: |r| fifo(&r.join("kurashi/online/K-170.toml")),
            expect: Findings(OK, &[]),
        },
        Case {
            name: "id-with-path-characters",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/S-101.toml",
                    "id = \"../S-101\"\ntitle = \"t\"\nsolves = [\"../../etc/passwd\"]\nprinciples = [\"P1\"]\nstage = \"検討\"\n",
                );
            },
            expect: Findings(ERR, &[("id-format", "kurashi/online/S-101.toml")]),
        },
        Case {
            name: "broken-dx-toml",
            setup: |r| put(r, "dx.toml", "[tree\norganization = \"x\"\n"),
            expect: Findings(ERR, &[("parse-error", "dx.toml")]),
        },
        Case {
            name: "missing-field-toml",
            setup: |r| std::fs::remove_file(r.join("kurashi/field.toml")).expect("rm"),
            expect: Findings(
                ERR,
                &[
                    ("misplaced-record", "kurashi/online/domain.toml"),
                    ("broken-link", "kurashi/online/K-001.toml"),
                ],
            ),
        },
        Case {
            name: "missing-principles-toml",
            setup: |r| std::fs::remove_file(r.join("principles.toml")).expect("rm"),
            expect: Findings(ERR, &[("missing-key", "principles.toml")]),
        },
        Case {
            name: "unknown-rule-in-dx-toml",
            setup: |r| put(r, "dx.toml", "[rules]\nbroken-links = \"allow\"\n"),
            expect: Findings(ERR, &[("unknown-key", "dx.toml")]),
        },
        Case {
            name: "prefix-clash",
            setup: |r| put(r, "dx.toml", "[ids]\nmethod = \"K\"\n"),
            expect: Findings(ERR, &[("invalid-value", "dx.toml")]),
        },
        Case {
            name: "wrong-types",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/S-101.toml",
                    "title = 42\nsolves = \"K-001\"\nprinciples = [\"P1\", 2]\nstage = \"検討\"\n[[team]]\nname = \"x\"\n",
                );
            },
            expect: Findings(ERR, &[("invalid-value", "kurashi/online/S-101.toml")]),
        },
        Case {
            name: "nan-and-inf",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/S-101.toml",
                    "title = \"t\"\nsolves = [\"K-001\"]\nprinciples = [\"P1\"]\nstage = \"検討\"\n[[indicator]]\nname = \"x\"\nbaseline = nan\ntarget = inf\n",
                );
            },
            expect: Findings(ERR, &[("invalid-value", "kurashi/online/S-101.toml")]),
        },
        Case {
            name: "integer-overflow",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/S-101.toml",
                    "title = \"t\"\nsolves = [\"K-001\"]\nprinciples = [\"P1\"]\nstage = \"検討\"\n[[indicator]]\nname = \"x\"\nbaseline = 99999999999999999999999\ntarget = 1\n",
                );
            },
            expect: Findings(ERR, &[("invalid-value", "kurashi/online/S-101.toml")]),
        },
        Case {
            name: "impossible-date",
            setup: |r| {
                put(
                    r,
                    K101,
                    format!("{ISSUE}[closed]\ndate = 2025-02-30\nreason = \"x\"\n"),
                );
            },
            expect: Findings(ERR, &[("parse-error", "kurashi/online/K-101.toml")]),
        },
        Case {
            name: "date-with-offset",
            setup: |r| {
                put(
                    r,
                    K101,
                    format!("{ISSUE}[closed]\ndate = 2025-03-31T09:00:00+09:00\nreason = \"x\"\n"),
                );
            },
            expect: Findings(ERR, &[("invalid-value", "kurashi/online/K-101.toml")]),
        },
        Case {
            name: "stage-with-trailing-space",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/S-101.toml",
                    "title = \"t\"\nsolves = [\"K-001\"]\nprinciples = [\"P1\"]\nstage = \"検討 \"\n",
                );
            },
            expect: Findings(ERR, &[("invalid-value", "kurashi/online/S-101.toml")]),
        },
        Case {
            name: "windows-reserved-name",
            setup: |r| put(r, "kurashi/online/CON.toml", ISSUE),
            expect: Findings(ERR, &[("id-format", "kurashi/online/CON.toml")]),
        },
        Case {
            name: "record-at-the-root",
            setup: |r| put(r, "K-101.toml", ISSUE),
            expect: Findings(OK, &[("misplaced-record", "K-101.toml")]),
        },
        Case {
            name: "ten-thousand-links",
            setup: |r| {
                put(
                    r,
                    "kurashi/online/S-101.toml",
                    format!(
                        "title = \"t\"\nsolves = [{}]\nprinciples = [\"P1\"]\nstage = \"検討\"\n",
                        vec!["\"K-001\""; 10_000].join(", ")
                    ),
                );
            },
            expect: Findings(OK, &[("duplicate-link", "kurashi/online/S-101.toml")]),
        },
        Case {
            name: "one-megabyte-title",
            setup: |r| {
                put(
                    r,
                    K101,
                    format!(
                        "title = \"{}\"\nvision = [\"kurashi-1\"]\n",
                        "課".repeat(300_000)
                    ),
                );
            },
            expect: Findings(OK, &[]),
        },
        Case {
            name: "unreadable-file",
            setup: unreadable,
            expect: Trouble("K-101.toml"),
        },
    ]
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).expect("symlink");
}

#[cfg(not(unix))]
fn symlink(_: &Path, _: &Path) {}

/// A named pipe: opening it for reading blocks until a writer comes, so a
/// loader that reads it hangs (the commands' timeout turns that into a failure).
#[cfg(unix)]
fn fifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

#[cfg(not(unix))]
fn fifo(_: &Path) {}

fn unreadable(root: &Path) {
    let path = root.join("kurashi/online/K-101.toml");
    put(root, "kurashi/online/K-101.toml", ISSUE);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    }
}

/// Whether permissions can make a file unreadable here (not for root).
fn permissions_bite(root: &Path) -> bool {
    std::fs::read(root.join("kurashi/online/K-101.toml")).is_err()
}

fn fingerprint(root: &Path) -> BTreeMap<String, u64> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            std::fs::read(e.path()).unwrap_or_default().hash(&mut h);
            (e.path().display().to_string(), h.finish())
        })
        .collect()
}

fn dx(root: &Path, args: &[&str]) -> (i32, String, String) {
    let out = common::dx_in(root)
        .args(args)
        .timeout(std::time::Duration::from_secs(60))
        .output();
    match out {
        Ok(out) => (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        ),
        // A hang (killed at the timeout) is a failure like any other.
        Err(e) => (-1, String::new(), format!("dx did not finish: {e}")),
    }
}

const READ_COMMANDS: &[&[&str]] = &[
    &["check"],
    &["check", "--format", "json"],
    &["check", "--format", "github"],
    &["check", "--format", "sarif"],
    &["status", "--format", "csv"],
    &["gap", "--format", "markdown"],
    &["tree"],
    &["list", "--format", "json"],
    &["show", "K-001"],
    &["export", "--format", "yaml"],
    &["report"],
    &["fmt", "--check"],
];

#[test]
fn corpus_has_at_least_thirty_cases() {
    assert!(cases().len() >= 30);
}

/// What goes wrong with one hostile case: every read command on the tree,
/// then `dx check --format json` against what the case expects.
fn failures_of(name: &str) -> Vec<String> {
    let Some(case) = cases().into_iter().find(|c| c.name == name) else {
        return vec![format!("no hostile case named {name}")];
    };
    let mut failures = Vec::new();
    let tree = common::tree(None);
    let root = tree.path();
    (case.setup)(root);
    if case.name == "unreadable-file" && !permissions_bite(root) {
        // Running as root: permissions do not stop reading. Nothing to test.
        return Vec::new();
    }
    let before = fingerprint(root);
    for args in READ_COMMANDS {
        let (code, out, err) = dx(root, args);
        if code == 101 || err.contains("panicked") {
            failures.push(format!(
                "{}: dx {} panicked: {err}",
                case.name,
                args.join(" ")
            ));
        }
        if out.contains('\u{1b}') || out.contains('\0') {
            failures.push(format!(
                "{}: dx {} printed a control character",
                case.name,
                args.join(" ")
            ));
        }
    }
    if fingerprint(root) != before {
        failures.push(format!("{}: a read command changed the tree", case.name));
    }
    let (code, out, err) = dx(root, &["check", "--format", "json"]);
    match case.expect {
        Expect::Trouble(what) => {
            if code != 2 || !err.contains(what) {
                failures.push(format!(
                    "{}: expected exit 2 naming {what}, got {code}: {err}",
                    case.name
                ));
            }
        }
        Expect::Findings(want_code, findings) => {
            if code != want_code {
                failures.push(format!(
                    "{}: exit {code}, expected {want_code}: {out}",
                    case.name
                ));
            }
            let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
            let got: Vec<(String, String)> = v["diagnostics"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|d| {
                            (
                                d["rule"].as_str().unwrap_or("").to_owned(),
                                d["path"].as_str().unwrap_or("").to_owned(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            for (rule, path) in findings {
                if !got.iter().any(|(r, p)| r == rule && p == path) {
                    failures.push(format!(
                        "{}: expected {rule} on {path}, got {got:?}",
                        case.name
                    ));
                }
            }
            if findings.is_empty() && want_code == OK && !got.is_empty() {
                failures.push(format!("{}: expected no findings, got {got:?}", case.name));
            }
        }
    }
    failures
}

/// One test per case, so that a failure names its case.
macro_rules! hostile {
    ($($test:ident => $name:literal),+ $(,)?) => {
        $(
            #[test]
            fn $test() {
                let failures = failures_of($name);
                assert!(failures.is_empty(), "{}", failures.join("\n"));
            }
        )+

        #[test]
        fn every_case_has_its_test() {
            let listed = [$($name),+];
            for case in cases() {
                assert!(listed.contains(&case.name), "hostile case {} has no test", case.name);
            }
        }
    };
}

hostile! {
    shift_jis => "shift-jis",
    euc_jp => "euc-jp",
    utf_16le => "utf-16le",
    utf_16be => "utf-16be",
    bom_and_crlf => "bom-and-crlf",
    cr_only_line_ends => "cr-only-line-ends",
    full_width_link => "full-width-link",
    full_width_file_name => "full-width-file-name",
    zero_width_space_in_link => "zero-width-space-in-link",
    zero_width_space_in_id => "zero-width-space-in-id",
    duplicate_key => "duplicate-key",
    duplicate_table => "duplicate-table",
    fifty_megabytes => "fifty-megabytes",
    deeply_nested_arrays => "deeply-nested-arrays",
    deeply_nested_tables => "deeply-nested-tables",
    binary_garbage => "binary-garbage",
    nul_byte => "nul-byte",
    escape_sequence_in_value => "escape-sequence-in-value",
    empty_record => "empty-record",
    empty_dx_toml => "empty-dx-toml",
    folder_named_like_a_record => "folder-named-like-a-record",
    record_inside_folder_named_toml => "record-inside-folder-named-toml",
    symlink_loop => "symlink-loop",
    symlink_out_of_tree => "symlink-out-of-tree",
    named_pipe_named_like_a_record => "named-pipe-named-like-a-record",
    id_with_path_characters => "id-with-path-characters",
    broken_dx_toml => "broken-dx-toml",
    missing_field_toml => "missing-field-toml",
    missing_principles_toml => "missing-principles-toml",
    unknown_rule_in_dx_toml => "unknown-rule-in-dx-toml",
    prefix_clash => "prefix-clash",
    wrong_types => "wrong-types",
    nan_and_inf => "nan-and-inf",
    integer_overflow => "integer-overflow",
    impossible_date => "impossible-date",
    date_with_offset => "date-with-offset",
    stage_with_trailing_space => "stage-with-trailing-space",
    windows_reserved_name => "windows-reserved-name",
    record_at_the_root => "record-at-the-root",
    ten_thousand_links => "ten-thousand-links",
    one_megabyte_title => "one-megabyte-title",
    unreadable_file => "unreadable-file",
}

#[test]
fn symlinks_are_named_on_stderr() {
    let tree = common::tree(None);
    symlink(
        Path::new("/etc/hostname"),
        &tree.path().join("kurashi/online/K-160.toml"),
    );
    let (code, _, err) = dx(tree.path(), &["check"]);
    assert_eq!(code, 0);
    assert!(err.contains("kurashi/online/K-160.toml"), "{err}");
}

#[cfg(unix)]
#[test]
fn special_files_are_named_on_stderr() {
    let tree = common::tree(None);
    fifo(&tree.path().join("kurashi/online/K-170.toml"));
    let (code, _, err) = dx(tree.path(), &["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("通常のファイルではない") && err.contains("kurashi/online/K-170.toml"),
        "{err}"
    );
}

#[test]
fn a_folder_named_like_a_record_is_named_on_stderr() {
    let tree = common::tree(None);
    std::fs::create_dir_all(tree.path().join("kurashi/online/K-900.toml")).expect("folder");
    let (code, _, err) = dx(tree.path(), &["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("レコードのファイル名を持つフォルダです")
            && err.contains("kurashi/online/K-900.toml"),
        "{err}"
    );
}

#[test]
fn dangerous_arguments_are_refused() {
    let tree = common::tree(None);
    let before = fingerprint(tree.path());
    for args in [
        &["show", "../../etc/passwd"][..],
        &["new", "課題", "--domain", "../..", "--title", "t"],
        &[
            "new",
            "課題",
            "--domain",
            "kurashi/online/../../..",
            "--title",
            "t",
        ],
        &["diff", "--output=/tmp/x"],
        &["gap", "--field", "../kurashi"],
    ] {
        let (code, _, err) = dx(tree.path(), args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(!err.contains("panicked"));
    }
    assert_eq!(before, fingerprint(tree.path()), "nothing written");
}

#[test]
fn personal_data_is_masked_in_every_echoed_line() {
    // The unknown key's finding echoes the same line as the phone number's.
    let tree = common::tree(None);
    put(
        tree.path(),
        K101,
        format!("{ISSUE}memo = \"担当 090-1234-5678\"\n"),
    );
    let (code, out, _) = dx(tree.path(), &["check"]);
    assert_eq!(code, ERR);
    assert!(
        out.contains("unknown-key") && out.contains("personal-data"),
        "{out}"
    );
    assert!(!out.contains("1234-5678"), "{out}");
    assert!(out.contains("090-****-****"), "{out}");
}

/// `dx fmt` formats a record in a folder whose name is not UTF-8, as
/// `dx check` reads it (it used to look for the lossy name and fail).
#[cfg(target_os = "linux")]
#[test]
fn fmt_formats_a_record_in_a_folder_not_named_in_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let tree = common::tree(None);
    let folder = tree
        .path()
        .join("kurashi")
        .join(std::ffi::OsStr::from_bytes(b"x\xff"));
    std::fs::create_dir_all(&folder).expect("folder");
    let s001 = tree.path().join("kurashi/online/S-001.toml");
    let text = std::fs::read_to_string(&s001).expect("S-001");
    // Out of dx fmt's key order: stage first.
    let messy = format!(
        "stage = \"運用\"\n{}",
        text.replace("stage = \"運用\"\n", "")
    );
    std::fs::remove_file(&s001).expect("moved");
    std::fs::write(folder.join("S-001.toml"), &messy).expect("written");
    let (code, out, err) = dx(tree.path(), &["fmt"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("S-001.toml"), "{out}");
    let formatted = std::fs::read_to_string(folder.join("S-001.toml")).expect("read");
    assert!(formatted.starts_with("title = "), "{formatted}");
}

/// A name past the system's limit is said as such, and nothing is left.
#[test]
fn a_name_too_long_is_said_so_and_nothing_is_written() {
    let tree = common::tree(None);
    let before = fingerprint(tree.path());
    let long = format!("kurashi/{}", "a".repeat(300));
    let (code, _, err) = dx(tree.path(), &["new", "領域", &long, "--name", "長い"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("何も変更していません") && err.contains("名前が長すぎます"),
        "{err}"
    );
    assert_eq!(fingerprint(tree.path()), before);
}

/// `dx fmt` formats a record whose name is near the 255-byte limit: its
/// temporary file's name is cut to fit.
#[test]
fn fmt_formats_a_record_named_at_the_length_limit() {
    let tree = common::tree(None);
    let name = format!("K-9{}.toml", "0".repeat(246));
    assert_eq!(name.len(), 254);
    let path = tree.path().join("kurashi/online").join(&name);
    std::fs::write(&path, "vision = [\"kurashi-1\"]\ntitle = \"長い名前\"\n").expect("record");
    let (code, out, err) = dx(tree.path(), &["fmt"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("1 件のファイルを整形しました"), "{out}");
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .starts_with("title = ")
    );
}

/// A writer that cannot make its lock file (here `.dx.lock` is a folder;
/// a read-only tree is the same) says it cannot write there, not that
/// another writer is busy.
#[test]
fn a_lock_that_cannot_be_made_is_not_called_busy() {
    let tree = common::tree(None);
    std::fs::create_dir(tree.path().join(".dx.lock")).expect("folder");
    let before = fingerprint(tree.path());
    let (code, _, err) = dx(
        tree.path(),
        &[
            "new",
            "課題",
            "--domain",
            "kurashi/online",
            "--title",
            "t",
            "--vision",
            "kurashi-1",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(".dx.lock に書き込めませんでした"), "{err}");
    assert!(!err.contains("終わらない"), "{err}");
    assert_eq!(fingerprint(tree.path()), before);
}

/// A writer given a record that does not parse says so, with what to do,
/// instead of "no such record".
#[test]
fn a_writer_on_an_unparsable_record_says_it_does_not_parse() {
    let tree = common::tree(None);
    let s001 = tree.path().join("kurashi/online/S-001.toml");
    let mut text = std::fs::read_to_string(&s001).expect("S-001");
    text.push_str("title = [\n");
    std::fs::write(&s001, &text).expect("broken");
    let before = fingerprint(tree.path());
    let (code, _, err) = dx(
        tree.path(),
        &["decide", "S-001", "--body", "推進本部", "--result", "継続"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("TOML として読めない") && err.contains("dx check"),
        "{err}"
    );
    assert!(!err.contains("ありません"), "{err}");
    assert_eq!(fingerprint(tree.path()), before);
}
