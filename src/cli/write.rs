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
    /// 検査でエラーが増える変更、段階の表にない結果、今日より後の日付でも書き込む
    #[arg(long)]
    pub force: bool,
}

/// A finding's identity across a write: rule, record and message, not its
/// line (a write moves lines).
type FindingKey = (crate::diag::RuleId, Option<String>, String);

// Messages hold numbers (f64), so they are not `Hash`; their debug form is
// the same data, written out.
fn key_of(d: &Diagnostic) -> FindingKey {
    (d.rule, d.record.clone(), format!("{:?}", d.message))
}

/// The findings in `after` that `before` did not have, and those of
/// `before` that `after` no longer has: a multiset difference through one
/// map, linear in the number of findings.
pub(super) fn finding_changes(
    before: &[Diagnostic],
    after: Vec<Diagnostic>,
) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let mut old: rustc_hash::FxHashMap<FindingKey, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (i, d) in before.iter().enumerate() {
        old.entry(key_of(d)).or_default().push(i);
    }
    let mut introduced = Vec::new();
    for d in after {
        match old.get_mut(&key_of(&d)).and_then(Vec::pop) {
            Some(_) => {}
            None => introduced.push(d),
        }
    }
    let mut left: Vec<usize> = old.into_values().flatten().collect();
    left.sort_unstable();
    let fixed = left.into_iter().map(|i| before[i].clone()).collect();
    (introduced, fixed)
}

/// One line of a finding: severity, rule, place and message.
fn finding_line(ctx: &Ctx<'_>, files: &crate::files::FileDb, d: &Diagnostic) -> String {
    let words = ctx.lang().words();
    let (path, line, col) = files.locate(d.span);
    format!(
        "  {}[{}] {}:{line}:{col}: {}",
        (words.severity)(d.severity),
        d.rule.slug(),
        crate::files::printable(path, false),
        crate::files::printable(&ctx.lang().message(&d.message), false)
    )
}

/// Findings as `dx check` prints them, with their lines and carets.
pub(super) fn show_findings(
    ctx: &Ctx<'_>,
    model: &Model,
    found: &[Diagnostic],
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    model.files.preload(found.iter().map(|d| d.span.file));
    let findings = Findings {
        files: &model.files,
        diagnostics: found,
        summary: Summary::of(model.record_count(), found),
        lang: ctx.lang(),
    };
    render::human(&findings, ctx.color(), out)?;
    Ok(())
}

/// What a writer's session is told by its command line.
pub(super) fn options(ctx: &Ctx<'_>, args: &WriteArgs, replace: bool) -> crate::edit::Options {
    crate::edit::Options {
        today: ctx.today(),
        force: args.force,
        replace,
    }
}

/// Check, then write or show `plan`.
pub(super) fn commit(
    ctx: &Ctx<'_>,
    model: &Model,
    plan: &Plan,
    args: &WriteArgs,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    commit_checked(ctx, model, None, plan, args, out)
}

/// [`commit`], given the tree's findings as it is when the caller has them
/// already (`dx apply` validates its meeting file with them): the tree is
/// checked once before and once as the plan would leave it.
pub(super) fn commit_checked(
    ctx: &Ctx<'_>,
    model: &Model,
    before: Option<Vec<Diagnostic>>,
    plan: &Plan,
    args: &WriteArgs,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let words = ctx.lang().words();
    if plan.changes.is_empty() {
        for f in &plan.follow_ups {
            writeln!(out, "{}", (words.follow_up)(f))?;
        }
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
    // Never a file dx itself would refuse to read (a meeting of a hundred
    // thousand entries for one record): refused as a finding would be.
    for c in &plan.changes {
        let size = c.after.as_ref().map_or(0, |b| b.len() as u64);
        if size > model::MAX_FILE_BYTES {
            writeln!(
                out,
                "{}",
                (words.write_too_large)(&c.path, size, model::MAX_FILE_BYTES)
            )?;
            return Ok(EXIT_FINDINGS);
        }
    }
    let today = ctx.today();
    let after_model = model::load_from(&model.root, &plan.overlay(&model.root))?;
    let before = before.unwrap_or_else(|| rules::check(model, today));
    let (introduced, fixed) = finding_changes(&before, rules::check(&after_model, today));
    let added: Vec<Diagnostic> = introduced
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    if !added.is_empty() && !args.force {
        show_findings(ctx, &after_model, &added, out)?;
        writeln!(out, "{}", words.write_refused)?;
        return Ok(EXIT_FINDINGS);
    }
    if args.dry_run {
        out.write_all(plan.unified_diff().as_bytes())?;
    } else {
        crate::fsutil::write_all(
            &model.root,
            &plan.writes(&model.root),
            crate::fsutil::Inject::from_env(),
        )
        .map_err(|e| {
            let why = if e.kind() == std::io::ErrorKind::InvalidFilename {
                format!("{}{}", words.nothing_written, words.name_too_long)
            } else {
                words.nothing_written.to_owned()
            };
            anyhow::Error::new(e).context(why)
        })?;
        for c in &plan.changes {
            writeln!(out, "{}: {}", words.written, c.path)?;
        }
    }
    for f in &plan.follow_ups {
        writeln!(out, "{}", (words.follow_up)(f))?;
    }
    // What the change does to the check (SPEC §7.1), warnings included.
    if !introduced.is_empty() {
        writeln!(out, "{}", words.findings_introduced)?;
        after_model
            .files
            .preload(introduced.iter().map(|d| d.span.file));
        for d in &introduced {
            writeln!(out, "{}", finding_line(ctx, &after_model.files, d))?;
        }
    }
    if !fixed.is_empty() {
        writeln!(out, "{}", words.findings_fixed)?;
        model.files.preload(fixed.iter().map(|d| d.span.file));
        for d in &fixed {
            writeln!(out, "{}", finding_line(ctx, &model.files, d))?;
        }
    }
    if args.dry_run {
        writeln!(out, "{}", words.dry_run)?;
    }
    Ok(EXIT_OK)
}

/// A writer's refusal by the rules of SPEC §7.1 (a transition the table
/// does not allow, a date after today, a measurement that would be
/// replaced): exit 1, like a refusal on findings. Other edit errors (an
/// unknown ID) are wrong arguments: exit 2.
#[derive(Debug)]
pub(super) struct Refused(String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

/// An edit error in the user's words.
pub(super) fn refuse(ctx: &Ctx<'_>, e: &EditError) -> anyhow::Error {
    let text = (ctx.lang().words().edit_error)(e);
    match e {
        EditError::Transition { .. }
        | EditError::NotOperating { .. }
        | EditError::FutureDate { .. }
        | EditError::ReviewNotAfter { .. }
        | EditError::ObservationExists { .. } => anyhow::Error::new(Refused(text)),
        _ => anyhow::anyhow!(text),
    }
}
