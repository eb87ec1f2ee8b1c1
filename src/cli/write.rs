//! What every writer does after making its plan (SPEC §6.4): check the tree
//! as the plan would leave it, refuse when that adds an error (unless
//! `--force`), print the change instead of writing it under `--dry-run`,
//! else write every file all or nothing and say what changed and what to
//! look at next.

use std::io::Write;

use crate::diag::{Diagnostic, Severity, Summary};
use crate::edit::{EditError, Plan};
use crate::model::{self, Model};
use crate::render::{self, Findings};
use crate::rules;

use super::{Ctx, EXIT_FINDINGS, EXIT_OK};

/// `--dry-run` and `--force`, shared by every writer.
#[derive(Debug, Clone, clap::Args)]
pub struct WriteArgs {
    /// 書き込まずに、変更を差分(unified diff)で表示する
    #[arg(long)]
    pub dry_run: bool,
    /// 検査でエラーが増える変更でも書き込む
    #[arg(long)]
    pub force: bool,
}

/// The errors in `after` that `before` did not have, matched by rule,
/// record and message (not by line: a write moves lines).
fn new_errors(before: &[Diagnostic], after: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut old: Vec<&Diagnostic> = before
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    after
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .filter(|d| {
            match old
                .iter()
                .position(|o| o.rule == d.rule && o.record == d.record && o.message == d.message)
            {
                Some(at) => {
                    old.swap_remove(at);
                    false
                }
                None => true,
            }
        })
        .collect()
}

/// Check, then write or show `plan`.
pub(super) fn commit(
    ctx: &Ctx<'_>,
    model: &Model,
    plan: &Plan,
    args: &WriteArgs,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let words = ctx.lang().words();
    if plan.changes.is_empty() {
        writeln!(out, "{}", words.nothing_to_write)?;
        return Ok(EXIT_OK);
    }
    // Never a file outside the tree: every path relative, without `..`.
    for c in &plan.changes {
        let inside = std::path::Path::new(&c.path)
            .components()
            .all(|p| matches!(p, std::path::Component::Normal(_)));
        if !inside {
            anyhow::bail!((words.edit_error)(&EditError::Invalid {
                what: c.path.clone()
            }));
        }
    }
    let today = ctx.today();
    let after_model = model::load_from(&model.root, &plan.overlay(&model.root))?;
    let before = rules::check(model, today);
    let added = new_errors(&before, rules::check(&after_model, today));
    if !added.is_empty() && !args.force {
        after_model.files.preload(added.iter().map(|d| d.span.file));
        let findings = Findings {
            files: &after_model.files,
            diagnostics: &added,
            summary: Summary::of(after_model.record_count(), &added),
            lang: ctx.lang(),
        };
        render::human(&findings, ctx.color(), out)?;
        writeln!(out, "{}", words.write_refused)?;
        return Ok(EXIT_FINDINGS);
    }
    if args.dry_run {
        out.write_all(plan.unified_diff().as_bytes())?;
        writeln!(out, "{}", words.dry_run)?;
        return Ok(EXIT_OK);
    }
    crate::fsutil::write_all(&plan.writes(&model.root), fail_before())?;
    for c in &plan.changes {
        writeln!(out, "{}: {}", words.written, c.path)?;
    }
    for f in &plan.follow_ups {
        writeln!(out, "{}", (words.follow_up)(f))?;
    }
    Ok(EXIT_OK)
}

/// A failure injected before the Nth file is written, for the test of
/// all-or-nothing writes; never set in use.
fn fail_before() -> Option<usize> {
    std::env::var("DX_TEST_FAIL_WRITE_BEFORE")
        .ok()
        .and_then(|v| v.parse().ok())
}

/// An edit error in the user's words.
pub(super) fn refuse(ctx: &Ctx<'_>, e: &EditError) -> anyhow::Error {
    anyhow::anyhow!((ctx.lang().words().edit_error)(e))
}
