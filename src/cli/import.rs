//! `dx import`: answered 照会 workbooks (or CSV) into the records, all or
//! nothing (SPEC §7.3), through the writers' machinery.

use std::io::Write;
use std::path::PathBuf;

use super::write::{WriteArgs, commit, options};
use super::{Ctx, EXIT_FINDINGS};
use crate::diag::ImportProblem;
use crate::edit::import::{self, At, Source, read};

/// Arguments of `dx import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 記入済みの照会のブック(.xlsx)か、同じ見出しの CSV(UTF-8 か Shift_JIS)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// 所管課を書いていない CSV の新規提案の所管課
    #[arg(long, value_name = "課")]
    pub owner: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// The largest answered file read: a 照会 is a few hundred kilobytes.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

fn read_source(ctx: &Ctx<'_>, path: &std::path::Path) -> Result<Source, ImportProblem> {
    let name = path.display().to_string();
    let full = ctx.env.cwd.join(path);
    let unreadable = |reason: String| ImportProblem::Unreadable { reason };
    let cannot_open = |e: std::io::Error| ImportProblem::CannotOpen {
        missing: e.kind() == std::io::ErrorKind::NotFound,
        reason: e.to_string(),
    };
    let size = std::fs::metadata(&full).map_err(cannot_open)?.len();
    if size > MAX_BYTES {
        return Err(unreadable(format!("{size} bytes")));
    }
    let bytes = std::fs::read(&full).map_err(cannot_open)?;
    if bytes.is_empty() {
        return Err(unreadable("0 bytes".to_owned()));
    }
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt"));
    let book = if is_csv {
        read::csv(&bytes)
    } else {
        read::xlsx(&bytes)
    }
    .map_err(unreadable)?;
    Ok(Source { name, book })
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let (_lock, model) = ctx.load_for_write()?;
    let lang = ctx.lang();
    let mut sources = Vec::new();
    let mut problems: Vec<At<ImportProblem>> = Vec::new();
    for path in &args.files {
        match read_source(ctx, path) {
            Ok(s) => sources.push(s),
            Err(what) => problems.push(At {
                file: path.display().to_string(),
                cell: String::new(),
                what,
            }),
        }
    }
    let planned = if problems.is_empty() {
        import::plan(
            &model,
            &sources,
            options(ctx, &args.write, false),
            args.owner.as_deref(),
        )
    } else {
        Err(problems)
    };
    let imported = match planned {
        Ok(i) => i,
        Err(problems) => {
            for p in &problems {
                let at = if p.cell.is_empty() {
                    crate::files::printable(&p.file, false).into_owned()
                } else {
                    format!("{}: {}", crate::files::printable(&p.file, false), p.cell)
                };
                writeln!(out, "{at}: {}", lang.import_problem(&p.what))?;
            }
            writeln!(out, "{}", lang.import_refused(problems.len()))?;
            return Ok(EXIT_FINDINGS);
        }
    };
    for n in &imported.notes {
        writeln!(
            out,
            "{}: {}: {}",
            crate::files::printable(&n.file, false),
            n.cell,
            lang.import_note(&n.what)
        )?;
    }
    let anything = !imported.plan.changes.is_empty()
        || !imported.plan.follow_ups.is_empty()
        || imported
            .notes
            .iter()
            .any(|n| matches!(n.what, crate::diag::ImportNote::Proposed { .. }));
    if !anything {
        writeln!(out, "{}", lang.import_nothing())?;
        return Ok(super::EXIT_OK);
    }
    let created = imported
        .plan
        .changes
        .iter()
        .filter(|c| c.before.is_none())
        .count();
    writeln!(
        out,
        "{}",
        lang.import_summary(imported.observations, created)
    )?;
    commit(ctx, &model, &imported.plan, &args.write, out)
}
