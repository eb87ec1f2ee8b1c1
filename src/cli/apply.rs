//! `dx apply MEETING.toml`: a whole meeting into the records, all or
//! nothing (SPEC §6.4, §7.1). The meeting file is validated by `dx check`'s
//! own rules first: any error in it, or any unfilled entry (unless
//! `--skip-unfilled`), and nothing is written.

use std::io::Write;
use std::path::PathBuf;

use super::write::{WriteArgs, commit_checked, options, show_findings};
use super::{Ctx, EXIT_FINDINGS, EXIT_OK};
use crate::diag::{Diagnostic, Severity};
use crate::edit::meeting::{self, Entry};
use crate::files::FileId;
use crate::model::Model;
use crate::rules;

/// Arguments of `dx apply`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 会議ファイル(ツリーの meetings/ にあるもの)
    pub meeting: PathBuf,
    /// 未記入の項目(result = "" や value のない測定)を除いて、ほかを記録する
    #[arg(long)]
    pub skip_unfilled: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// The file of the tree that `path` names, if it is one: by its path from
/// the root, one comparison a file.
fn file_of(ctx: &Ctx<'_>, model: &Model, path: &std::path::Path) -> Option<FileId> {
    let wanted = std::fs::canonicalize(ctx.env.cwd.join(path)).ok()?;
    let root = std::fs::canonicalize(&model.root).ok()?;
    let rel = wanted.strip_prefix(root).ok()?;
    let rel: Vec<&str> = rel.iter().map(|c| c.to_str()).collect::<Option<_>>()?;
    let rel = rel.join("/");
    (0..model.files.len())
        .map(FileId::new)
        .find(|&f| *model.files.get(f).path == *rel)
}

fn place(model: &Model, file: FileId, e: &Entry) -> String {
    let path = crate::files::printable(&model.files.get(file).path, false).into_owned();
    match e.at {
        Some(at) => {
            let (_, line, col) = model.files.locate(at.in_file(file));
            format!("{path}:{line}:{col}")
        }
        None => path,
    }
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let (_lock, model) = ctx.load_for_write()?;
    let words = ctx.lang().words();
    let shown = args.meeting.display().to_string();
    let file = file_of(ctx, &model, &args.meeting);
    let found = file.and_then(|f| model.meetings.iter().find(|m| m.file == f));
    let today = ctx.today();
    let Some(meeting) = found else {
        // A file of the tree that is not a meeting: one in meetings/ that
        // could not be read (a syntax error, too large) says why.
        let Some(f) = file else {
            anyhow::bail!((words.not_a_meeting)(&shown));
        };
        let own: Vec<Diagnostic> = rules::check(&model, today)
            .into_iter()
            .filter(|d| d.span.file == f)
            .collect();
        if own.is_empty() || !model.files.get(f).path.starts_with("meetings/") {
            anyhow::bail!((words.not_a_meeting)(&shown));
        }
        show_findings(ctx, &model, &own, out)?;
        writeln!(out, "{}", (words.meeting_unreadable)(&shown))?;
        return Ok(EXIT_FINDINGS);
    };
    // One validation: dx check's own findings on this file. The empty
    // `result` of an unfilled entry is said as 未記入 below, not twice.
    let unfilled = meeting::unfilled(meeting);
    let blank: rustc_hash::FxHashSet<(usize, usize)> = unfilled
        .iter()
        .filter_map(|e| e.at)
        .map(|l| (l.range().start, l.range().end))
        .collect();
    let found = rules::check(&model, today);
    let errors: Vec<Diagnostic> = found
        .iter()
        .filter(|d| d.span.file == meeting.file && d.severity == Severity::Error)
        .filter(|d| !blank.contains(&(d.span.range().start, d.span.range().end)))
        .cloned()
        .collect();
    if !errors.is_empty() {
        show_findings(ctx, &model, &errors, out)?;
        writeln!(out, "{}", words.meeting_has_errors)?;
        return Ok(EXIT_FINDINGS);
    }
    if !unfilled.is_empty() {
        let heading = if args.skip_unfilled {
            (words.unfilled_skipped)(unfilled.len())
        } else {
            String::new()
        };
        if !heading.is_empty() {
            writeln!(out, "{heading}")?;
        }
        for e in &unfilled {
            let at = place(&model, meeting.file, e);
            writeln!(
                out,
                "{}",
                (words.unfilled_entry)(&at, e.kind.table(), &e.record)
            )?;
        }
        if !args.skip_unfilled {
            writeln!(out, "{}", (words.unfilled_refused)(unfilled.len()))?;
            return Ok(EXIT_FINDINGS);
        }
    }
    let options = options(ctx, &args.write, false);
    match meeting::apply(&model, meeting, options) {
        Ok(applied) if applied.entries == 0 => {
            writeln!(out, "{}", words.no_entries)?;
            Ok(EXIT_OK)
        }
        Ok(applied) if applied.plan.changes.is_empty() => {
            writeln!(out, "{}", words.all_recorded)?;
            Ok(EXIT_OK)
        }
        Ok(applied) => commit_checked(ctx, &model, Some(found), &applied.plan, &args.write, out),
        Err(errors) => {
            writeln!(out, "{}", words.meeting_refused)?;
            for e in &errors {
                writeln!(
                    out,
                    "  {}: [[{}]] {}",
                    place(&model, meeting.file, &e.entry),
                    e.entry.kind.table(),
                    (words.edit_error)(&e.error)
                )?;
            }
            Ok(EXIT_FINDINGS)
        }
    }
}
