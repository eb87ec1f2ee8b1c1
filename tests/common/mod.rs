//! Shared helpers: fixture trees built from `tests/fixtures/base` plus a
//! rule's overlay, checked as of a fixed day.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use dx::diag::{Diagnostic, Summary};
use dx::i18n::Lang;
use dx::model::{self, Model};
use dx::render::{self, Findings};

/// The `dx` binary in `dir`, as of [`TODAY`], in Japanese, with none of
/// the caller's language or colour settings.
pub(crate) fn dx_in(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("dx").expect("binary built");
    cmd.current_dir(dir)
        .env("DX_TODAY", TODAY)
        .env_remove("DX_LANG")
        .env_remove("NO_COLOR");
    cmd
}

/// Run `dx args` in `root` as of `day`: exit code, stdout, stderr.
pub(crate) fn dx_on(root: &Path, day: &str, args: &[&str]) -> (i32, String, String) {
    let out = dx_in(root)
        .env("DX_TODAY", day)
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every file of the tree with its bytes (temporary files included): what
/// a refused write must leave as it was.
pub(crate) fn snapshot(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(root).expect("inside");
            (
                rel.to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("reads"),
            )
        })
        .collect()
}

/// The day every fixture is checked as of.
pub(crate) const TODAY: &str = "2026-11-24";

pub(crate) fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("fixture readable");
        let rel = entry.path().strip_prefix(from).expect("inside fixture");
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("create fixture dir");
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy fixture file");
        }
    }
}

/// A temporary tree: the base fixture with `overlay` (a folder under
/// tests/fixtures) copied over it.
pub(crate) fn tree(overlay: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixtures().join("base"), dir.path());
    if let Some(o) = overlay {
        copy_dir(&fixtures().join(o), dir.path());
    }
    dir
}

pub(crate) fn today() -> jiff::civil::Date {
    TODAY.parse().expect("valid date")
}

pub(crate) fn check(root: &Path) -> (Model, Vec<Diagnostic>) {
    let model = model::load(root).expect("tree loads");
    let diags = dx::rules::check(&model, today());
    (model, diags)
}

pub(crate) fn human(model: &Model, diags: &[Diagnostic], lang: Lang) -> String {
    let findings = Findings {
        files: &model.files,
        diagnostics: diags,
        summary: Summary::of(model.record_count(), diags),
        lang,
    };
    let mut out = Vec::new();
    render::human(&findings, false, &mut out).expect("render");
    String::from_utf8(out).expect("utf-8")
}

/// The JSON output as printed; checked to parse.
pub(crate) fn json(model: &Model, diags: &[Diagnostic]) -> String {
    let findings = Findings {
        files: &model.files,
        diagnostics: diags,
        summary: Summary::of(model.record_count(), diags),
        lang: Lang::Ja,
    };
    let mut out = Vec::new();
    render::json(&findings, &mut out).expect("render");
    serde_json::from_slice::<serde_json::Value>(&out).expect("valid json");
    String::from_utf8(out).expect("utf-8")
}
