//! The `dx` binary end to end: arguments, output and exit codes.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;

fn dx() -> Command {
    common::dx_in(Path::new(env!("CARGO_MANIFEST_DIR")))
}

fn bundled() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("records")
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().expect("runs").stdout).expect("utf-8")
}

#[test]
fn bundled_records_are_clean() {
    let out = dx()
        .arg("--root")
        .arg(bundled())
        .arg("check")
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("エラー 0 件、警告 0 件"), "{text}");
}

/// The bundled example at fixed dates over two years: never an error, and
/// the warnings a real portfolio would show as time passes (pilots past
/// their target dates, reviews falling due), pinned so that a change to
/// the records or the rules that alters them shows up here.
#[test]
fn bundled_records_over_two_years() {
    let mut seen = BTreeMap::new();
    for day in [
        "2026-12-01",
        "2027-06-01",
        "2027-12-01",
        "2028-06-01",
        "2028-12-01",
    ] {
        let out = dx()
            .arg("--root")
            .arg(bundled())
            .args(["--today", day, "check", "--format", "json"])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0), "errors as of {day}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let mut rules: BTreeMap<String, usize> = BTreeMap::new();
        for d in v["diagnostics"].as_array().expect("diagnostics") {
            assert_eq!(d["severity"], "warning", "as of {day}: {d}");
            *rules
                .entry(d["rule"].as_str().unwrap_or("").to_owned())
                .or_default() += 1;
        }
        seen.insert(day, rules);
    }
    insta::assert_json_snapshot!(seen);
}

#[test]
fn finds_records_folder_from_repository_root() {
    let mut cmd = dx();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).arg("check");
    cmd.assert().success();
}

#[test]
fn finds_root_from_a_subfolder() {
    let tree = common::tree(None);
    let mut cmd = dx();
    cmd.current_dir(tree.path().join("kurashi/online"))
        .arg("check");
    cmd.assert().success();
}

#[test]
fn errors_exit_1() {
    let tree = common::tree(Some("rules/broken-link"));
    dx().arg("--root")
        .arg(tree.path())
        .arg("check")
        .assert()
        .code(1);
}

#[test]
fn warnings_pass_unless_denied() {
    let tree = common::tree(Some("rules/missing-team"));
    dx().arg("--root")
        .arg(tree.path())
        .arg("check")
        .assert()
        .code(0);
    dx().arg("--root")
        .arg(tree.path())
        .args(["check", "--deny-warnings"])
        .assert()
        .code(1);
}

#[test]
fn no_tree_exits_2() {
    let empty = tempfile::tempdir().expect("temp dir");
    let out = dx().current_dir(empty.path()).arg("check").assert().code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("dx.toml"), "{err}");
}

#[test]
fn root_that_is_not_a_folder_exits_2() {
    dx().args(["--root", "/nonexistent/dx-tree", "check"])
        .assert()
        .code(2);
}

#[test]
fn bad_arguments_exit_2() {
    dx().args(["check", "--format", "xml"]).assert().code(2);
    dx().args(["--today", "2026-13-01", "check"])
        .assert()
        .code(2);
    dx().arg("frobnicate").assert().code(2);
}

/// Every help text and the words around it, of dx and of every command,
/// as `dx [command] --help` prints them in `lang`.
fn every_help(lang: &str) -> Vec<(String, String)> {
    let mut names = vec![String::new()];
    names.extend(
        dx::cli::command(dx::i18n::Lang::Ja)
            .get_subcommands()
            .map(|c| c.get_name().to_owned())
            // `dx help` has no --help of its own, as in every clap program.
            .filter(|name| name != "help"),
    );
    names
        .into_iter()
        .map(|name| {
            let mut cmd = dx();
            cmd.args(["--lang", lang]);
            if !name.is_empty() {
                cmd.arg(&name);
            }
            let out = cmd.arg("--help").output().expect("runs");
            assert_eq!(out.status.code(), Some(0), "{name} --help");
            (name, String::from_utf8(out.stdout).expect("utf-8"))
        })
        .collect()
}

#[test]
fn help_is_japanese_under_ja() {
    for (name, help) in every_help("ja") {
        for english in [
            "Usage",
            "Options",
            "Commands",
            "Arguments",
            "Print",
            "possible",
            "default",
            "env:",
        ] {
            assert!(
                !help.contains(english),
                "dx {name} --help: {english}\n{help}"
            );
        }
        assert!(help.contains("使い方: dx"), "dx {name}:\n{help}");
        assert!(help.contains("このヘルプを表示する"), "dx {name}:\n{help}");
    }
}

#[test]
fn help_is_english_under_en() {
    for (name, help) in every_help("en") {
        assert!(help.contains("Usage: dx"), "dx {name}:\n{help}");
        assert!(help.contains("Print help"), "dx {name}:\n{help}");
        // The Japanese sentences of the definitions are gone: no hiragana,
        // no Japanese punctuation; only the guideline's terms and the
        // vocabulary typed into records (検討チーム, タスクフォース) remain.
        let mut prose = help.clone();
        for word in dx::vocab::Outcome::WORDS
            .iter()
            .chain(dx::vocab::Body::WORDS)
            .chain(dx::vocab::Stage::WORDS)
            .chain(dx::vocab::ObservationStatus::WORDS)
        {
            prose = prose.replace(word, "");
        }
        let japanese = prose
            .chars()
            .find(|c| matches!(c, '\u{3040}'..='\u{309F}' | '、' | '。' | '（' | '「'));
        assert_eq!(japanese, None, "dx {name} --help:\n{help}");
    }
    let check = stdout(dx().args(["--lang", "en", "check", "--help"]));
    assert!(check.contains("--format <FORMAT>  Output format [possible values: human, json, github, sarif; default: human]"), "{check}");
}

#[test]
fn every_command_and_argument_has_english_help() {
    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            // Global options are named once, at the top.
            let inherited = arg.is_global_set() && !path.is_empty();
            if matches!(id, "help" | "version") || inherited {
                continue;
            }
            let key = format!("{path}.{id}");
            if dx::i18n::help::english(&key)
                .or_else(|| dx::i18n::help::english(&format!("*.{id}")))
                .is_none()
            {
                missing.push(key);
            }
        }
        for sub in cmd.get_subcommands().filter(|c| c.get_name() != "help") {
            if dx::i18n::help::english(sub.get_name()).is_none() {
                missing.push(sub.get_name().to_owned());
            }
            walk(sub, sub.get_name(), missing);
        }
    }
    let mut missing = Vec::new();
    walk(&dx::cli::command(dx::i18n::Lang::Ja), "", &mut missing);
    assert_eq!(missing, Vec::<String>::new());
}

#[test]
fn argument_errors_in_the_users_language() {
    let ja = dx().args(["list", "--kin", "x"]).output().expect("runs");
    assert_eq!(ja.status.code(), Some(2));
    let text = String::from_utf8(ja.stderr).expect("utf-8");
    assert!(
        text.starts_with("エラー: 「--kin」という引数はありません\n  もしかして: --kind\n"),
        "{text}"
    );
    assert!(text.contains("使い方: dx list"), "{text}");
    assert!(!text.contains("error") && !text.contains("tip"), "{text}");

    let value = dx()
        .args(["check", "--format", "xml"])
        .output()
        .expect("runs");
    let text = String::from_utf8(value.stderr).expect("utf-8");
    assert!(
        text.contains("「xml」は指定できません\n  指定できる値: human, json, github, sarif"),
        "{text}"
    );
    let date = dx()
        .args(["--today", "2026-13-01", "check"])
        .output()
        .expect("runs");
    let text = String::from_utf8(date.stderr).expect("utf-8");
    assert!(
        text.contains("日付は YYYY-MM-DD か和暦(令和8年3月31日、R8.3.31)で指定してください"),
        "{text}"
    );

    // Under English, clap's own words; DX_LANG counts as much as --lang.
    let en = dx()
        .env("DX_LANG", "en")
        .args(["list", "--kin", "x"])
        .output()
        .expect("runs");
    assert_eq!(en.status.code(), Some(2));
    let text = String::from_utf8(en.stderr).expect("utf-8");
    assert!(text.contains("unexpected argument '--kin'"), "{text}");
}

#[test]
fn the_language_is_known_before_parsing() {
    use dx::cli::lang_of;
    use dx::i18n::Lang;
    use std::ffi::{OsStr, OsString};
    let args = |s: &str| -> Vec<OsString> { s.split(' ').map(OsString::from).collect() };
    assert_eq!(lang_of(&args("dx check"), None), Lang::Ja);
    assert_eq!(lang_of(&args("dx check --lang en"), None), Lang::En);
    assert_eq!(lang_of(&args("dx --lang=en check"), None), Lang::En);
    assert_eq!(lang_of(&args("dx check"), Some(OsStr::new("en"))), Lang::En);
    // The flag wins over the environment; the last flag over the first.
    assert_eq!(
        lang_of(&args("dx --lang ja check"), Some(OsStr::new("en"))),
        Lang::Ja
    );
    assert_eq!(
        lang_of(&args("dx --lang en --lang ja check"), None),
        Lang::Ja
    );
    // After `--` it is a value, not the flag.
    assert_eq!(lang_of(&args("dx show -- --lang en"), None), Lang::Ja);
    assert_eq!(
        lang_of(&args("dx --lang xx check"), Some(OsStr::new("en"))),
        Lang::En
    );
}

#[test]
fn dx_today_drives_date_rules() {
    let tree = common::tree(Some("rules/review-overdue"));
    let count = |today: &str| {
        let mut cmd = Command::cargo_bin("dx").expect("binary");
        cmd.env("DX_TODAY", today)
            .arg("--root")
            .arg(tree.path())
            .args(["check", "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&stdout(&mut cmd)).expect("json");
        v["summary"]["warnings"].as_u64().expect("count")
    };
    // Before 2025-03-31 only the missing review_due is reported; before the
    // fixture's decisions of 2024-04-01, those are future-date too.
    assert_eq!(count("2024-06-01"), 1);
    assert_eq!(count("2024-01-01"), 4);
    assert_eq!(count("2026-11-24"), 2);
}

#[test]
fn reports_on_a_tree_with_errors_say_so() {
    let tree = common::tree(Some("rules/parse-error"));
    for args in [
        &["status"][..],
        &["gap"],
        &["list"],
        &["tree"],
        &["show", "K-001"],
        &["export"],
    ] {
        let out = dx()
            .arg("--root")
            .arg(tree.path())
            .args(args)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("検査のエラーが 2 件あり、読めないファイル 2 件は集計に含まれていません"),
            "{args:?}: {err}"
        );
    }
    let html = stdout(dx().arg("--root").arg(tree.path()).arg("report"));
    assert!(
        html.contains("role=\"alert\">この報告のもとになった記録には検査のエラーが 2 件"),
        "banner"
    );
    // A clean tree says nothing.
    let clean = dx()
        .arg("--root")
        .arg(bundled())
        .arg("status")
        .output()
        .expect("runs");
    assert!(
        clean.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&clean.stderr)
    );
    // dx fmt --check fails on a file it could not read, and says so.
    let out = dx()
        .arg("--root")
        .arg(tree.path())
        .args(["fmt", "--check"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("TOML として読めない"),
        "{out:?}"
    );
}

#[test]
fn the_words_the_output_shows_are_accepted() {
    let root = bundled();
    let same = |a: &[&str], b: &[&str]| {
        let run = |args: &[&str]| {
            let out = dx()
                .arg("--root")
                .arg(&root)
                .args(args)
                .output()
                .expect("runs");
            assert_eq!(
                out.status.code(),
                Some(0),
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            out.stdout
        };
        assert_eq!(run(a), run(b), "{a:?} = {b:?}");
    };
    for (ja, en) in [
        ("分野", "field"),
        ("領域", "domain"),
        ("原則", "principle"),
        ("国", "national"),
        ("チーム", "team"),
        ("年度", "fiscal-year"),
    ] {
        same(&["status", "--by", ja], &["status", "--by", en]);
    }
    same(
        &["list", "--visibility", "公開"],
        &["list", "--visibility", "public"],
    );
    same(
        &["list", "--visibility", "庁内限定"],
        &["list", "--visibility", "internal"],
    );
    same(&["schema", "手法"], &["schema", "method"]);
    same(&["schema", "課題"], &["schema", "issue"]);
}

#[test]
fn toml_typed_full_width_is_named() {
    let tree = common::tree(None);
    for (line, found, instead) in [
        ("title ＝ \"x\"", "全角の「＝」", "半角の ="),
        ("title = “x”", "全角の「“」", "半角の \""),
        (
            "vision = [\"kurashi-1\"、\"kurashi-2\"]",
            "全角の「、」",
            "半角の ,",
        ),
        ("title　= \"x\"", "全角の空白", "半角の空白"),
    ] {
        std::fs::write(
            tree.path().join("kurashi/online/K-101.toml"),
            format!("{line}\nowner = \"市民課\"\n"),
        )
        .expect("write");
        let text = stdout(dx().arg("--root").arg(tree.path()).arg("check"));
        assert!(
            text.contains(found) && text.contains(instead),
            "{line}\n{text}"
        );
    }
}

#[test]
fn today_in_the_era_calendar() {
    let tree = common::tree(Some("rules/review-overdue"));
    let run = |today: &str| {
        stdout(
            dx().arg("--root")
                .arg(tree.path())
                .args(["--today", today, "check", "--format", "json"]),
        )
    };
    let iso = run("2026-11-24");
    assert!(iso.contains("\"review-overdue\""), "{iso}");
    for wareki in ["令和8年11月24日", "R8.11.24", "r8/11/24"] {
        assert_eq!(run(wareki), iso, "{wareki}");
    }
    let refused = dx()
        .args(["--today", "令和1年4月1日", "check"])
        .output()
        .expect("runs");
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("和暦"));
}

#[test]
fn english_by_flag_and_by_environment() {
    let tree = common::tree(Some("rules/broken-link"));
    let by_flag = stdout(
        dx().arg("--root")
            .arg(tree.path())
            .args(["--lang", "en", "check"]),
    );
    let by_env = stdout(
        dx().env("DX_LANG", "en")
            .arg("--root")
            .arg(tree.path())
            .arg("check"),
    );
    assert!(by_flag.contains("does not exist"), "{by_flag}");
    assert_eq!(by_flag, by_env);
}

#[test]
fn json_output_matches_the_spec_shape() {
    let tree = common::tree(Some("rules/broken-link"));
    let text = stdout(
        dx().arg("--root")
            .arg(tree.path())
            .args(["check", "--format", "json"]),
    );
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let first = &v["diagnostics"][0];
    let keys: Vec<&str> = first
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 7);
    for k in [
        "rule", "severity", "path", "line", "column", "record", "message",
    ] {
        assert!(first.get(k).is_some(), "missing {k}");
    }
    assert_eq!(v["summary"]["errors"], 4);
    assert_eq!(v["summary"]["records"], 7);
    insta::assert_snapshot!("broken_link_json_cli", text);
}

#[test]
fn github_annotations() {
    let tree = common::tree(Some("rules/missing-team"));
    let text = stdout(
        dx().current_dir(tree.path())
            .args(["check", "--format", "github"]),
    );
    let first = text.lines().next().expect("a line");
    assert!(
        first.starts_with(
            "::warning file=kurashi/online/S-101.toml,line=4,col=9,title=missing-team::"
        ),
        "{first}"
    );
}

/// Validate `sarif` against the OASIS SARIF 2.1.0 schema (vendored in
/// tests/fixtures/sarif), formats included: an unencoded space or a
/// Japanese letter in a URI fails there as it fails GitHub's upload.
fn assert_valid_sarif(sarif: &serde_json::Value, what: &str) {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::fixtures().join("sarif/sarif-schema-2.1.0.json"))
            .expect("vendored schema"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(sarif)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

/// The schema check can fail: a URI as a careless writer would put it.
#[test]
fn the_sarif_schema_check_catches_an_unencoded_uri() {
    let tree = common::tree(Some("rules/broken-link"));
    let out = dx()
        .arg("--root")
        .arg(tree.path())
        .args(["check", "--format", "sarif"])
        .output()
        .expect("runs");
    let mut sarif: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_valid_sarif(&sarif, "as written");
    sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        "資料 DX/K-101.toml".into();
    let bad = std::panic::catch_unwind(|| assert_valid_sarif(&sarif, "unencoded"));
    assert!(bad.is_err(), "an unencoded URI must fail the schema");
}

/// Every rule's fixture gives SARIF that the 2.1.0 schema accepts.
#[test]
fn sarif_of_every_rule_validates() {
    for id in dx::rules::RuleId::ALL {
        let tree = common::tree(Some(&format!("rules/{}", id.slug())));
        let out = dx()
            .arg("--root")
            .arg(tree.path())
            .args(["check", "--format", "sarif"])
            .output()
            .expect("runs");
        let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        assert!(
            sarif["runs"][0]["results"]
                .as_array()
                .is_some_and(|r| !r.is_empty()),
            "{}: no results",
            id.slug()
        );
        assert_valid_sarif(&sarif, id.slug());
    }
}

#[test]
fn annotations_and_sarif_name_files_from_the_repository_root() {
    let tree = common::tree(Some("rules/duplicate-id"));
    let repo = tempfile::tempdir().expect("temp");
    let records = repo.path().join("資料 DX").join("records");
    std::fs::create_dir_all(records.parent().expect("parent")).expect("dir");
    let copy = std::process::Command::new("cp")
        .arg("-r")
        .arg(tree.path())
        .arg(&records)
        .status()
        .expect("cp");
    assert!(copy.success());
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .current_dir(repo.path())
            .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
            .args(args)
            .status()
            .expect("git")
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    let run = |cwd: &Path, format: &str| {
        common::dx_in(cwd)
            .arg("--root")
            .arg(&records)
            .args(["check", "--format", format])
            .output()
            .expect("runs")
    };
    for format in ["github", "sarif"] {
        let from_top = run(repo.path(), format);
        let from_inside = run(&records.join("kurashi"), format);
        assert_eq!(
            from_top.stdout, from_inside.stdout,
            "{format}: the same from any folder"
        );
    }
    let github = String::from_utf8(run(repo.path(), "github").stdout).expect("utf-8");
    assert!(github.contains("file=資料 DX/records/"), "{github}");
    let sarif: serde_json::Value =
        serde_json::from_slice(&run(repo.path(), "sarif").stdout).expect("json");
    assert_valid_sarif(&sarif, "duplicate-id under 資料 DX");
    let result = &sarif["runs"][0]["results"][0];
    let location = &result["locations"][0]["physicalLocation"]["artifactLocation"];
    let uri = location["uri"].as_str().expect("uri");
    assert!(uri.starts_with("%E8%B3%87%E6%96%99%20DX/records/"), "{uri}");
    assert!(uri.bytes().all(|b| b.is_ascii_graphic()), "{uri}");
    assert_eq!(location["uriBaseId"], "SRCROOT");
    assert_eq!(result["ruleId"], "duplicate-id");
    assert_eq!(result["relatedLocations"].as_array().map(Vec::len), Some(1));
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert!(
        rules
            .iter()
            .any(|r| r["id"] == "duplicate-id" && r["name"] == "DuplicateId")
    );
}

#[test]
fn check_writes_a_report_file_and_still_fails() {
    let tree = common::tree(Some("rules/broken-link"));
    let out_dir = tempfile::tempdir().expect("temp");
    let file = out_dir.path().join("dx.sarif");
    let out = dx()
        .arg("--root")
        .arg(tree.path())
        .args(["check", "--format", "sarif", "-o"])
        .arg(&file)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "the exit code gives the result");
    assert!(out.stdout.is_empty());
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).expect("written")).expect("json");
    assert_eq!(v["version"], "2.1.0");
    let zero = dx()
        .arg("--root")
        .arg(tree.path())
        .args(["check", "--exit-zero"])
        .output()
        .expect("runs");
    assert_eq!(zero.status.code(), Some(0));
    // No tree: still 2.
    let empty = tempfile::tempdir().expect("temp");
    let none = dx()
        .arg("--root")
        .arg(empty.path().join("missing"))
        .args(["check", "--exit-zero"])
        .output()
        .expect("runs");
    assert_eq!(none.status.code(), Some(2));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let tree = common::tree(Some("rules/missing-team"));
    let plain = stdout(dx().arg("--root").arg(tree.path()).arg("check"));
    assert!(!plain.contains('\u{1b}'));
    let coloured = stdout(
        dx().arg("--root")
            .arg(tree.path())
            .args(["--color", "always", "check"]),
    );
    assert!(coloured.contains('\u{1b}'));
}

#[test]
fn explain_a_rule() {
    let ja = stdout(dx().args(["explain", "broken-link"]));
    insta::assert_snapshot!("explain_broken_link_ja", ja);
    let en = stdout(dx().args(["--lang", "en", "explain", "broken-link"]));
    insta::assert_snapshot!("explain_broken_link_en", en);
}

#[test]
fn explain_lists_every_rule() {
    let text = stdout(dx().arg("explain"));
    assert_eq!(text.lines().count(), dx::rules::RuleId::ALL.len());
    for id in dx::rules::RuleId::ALL {
        assert!(text.contains(id.slug()), "{}", id.slug());
    }
}

#[test]
fn explain_unknown_rule_suggests() {
    let out = dx().args(["explain", "broken-links"]).assert().code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("broken-link"), "{err}");
}

fn snapshot_bytes(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}

#[test]
fn check_changes_no_byte() {
    let tree = common::tree(Some("rules/parse-error"));
    let before = snapshot_bytes(tree.path());
    for format in ["human", "json", "github"] {
        dx().arg("--root")
            .arg(tree.path())
            .args(["check", "--format", format])
            .assert()
            .code(1);
    }
    assert_eq!(before, snapshot_bytes(tree.path()));
}
