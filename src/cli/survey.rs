//! `dx survey`: the 照会 workbooks, one per 所管課 (SPEC §7.3).

use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::{Ctx, EXIT_OK, parse_date};
use crate::report::survey;

/// Arguments of `dx survey`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 照会する所管課(省略すると、評価指標のある手法・技術を所管するすべての課)
    #[arg(long, num_args = 1.., value_name = "課")]
    pub owner: Vec<String>,
    /// 回答期限(記入方法のシートに載せる)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub due: Option<Date>,
    /// 新規提案のシートだけの白紙のブック(台帳からの移行にも)
    #[arg(long)]
    pub blank: bool,
    /// 書き出す先: 1冊なら .xlsx のファイルかフォルダー、複数ならフォルダー
    #[arg(short, long, value_name = "PATH")]
    pub output: PathBuf,
}

/// A department's name as part of a file name: no separators or
/// characters Windows refuses.
fn file_part(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect()
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let model = ctx.load()?;
    ctx.note_errors(&model);
    let lang = ctx.lang();
    let words = lang.words();
    let today = ctx.today();
    let (known, unowned) = survey::departments(&model);
    let departments: Vec<String> = if args.blank {
        vec![
            args.owner
                .first()
                .map(|o| o.trim().to_owned())
                .unwrap_or_default(),
        ]
    } else if args.owner.is_empty() {
        known.clone()
    } else {
        let mut wanted = Vec::new();
        for o in &args.owner {
            let o = o.trim();
            if !known.iter().any(|k| k == o) {
                anyhow::bail!(lang.survey_unknown_owner(o, &known));
            }
            wanted.push(o.to_owned());
        }
        wanted
    };
    if departments.is_empty() {
        anyhow::bail!(lang.survey_unknown_owner("", &known));
    }
    let target = ctx.env.cwd.join(&args.output);
    let is_file = target
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if is_file && departments.len() > 1 {
        anyhow::bail!(lang.survey_needs_folder(departments.len()));
    }
    let revision = crate::git::locate(&model.root)
        .ok()
        .and_then(|(top, _)| crate::git::head(&top).ok().flatten());
    let cannot = |path: &Path, e: &dyn std::fmt::Display| {
        anyhow::anyhow!((words.cannot_write)(
            &path.display().to_string(),
            &e.to_string()
        ))
    };
    // Every workbook is made before anything is written: a workbook that
    // cannot be made leaves no folder and no other department's file.
    let mut books = Vec::with_capacity(departments.len());
    for department in &departments {
        let origin = survey::origin(&model, department, today, revision.clone());
        let s = survey::build(&model, origin, args.due, args.blank);
        books.push((
            department,
            crate::render::survey::workbook(&s)?,
            s.rows.len(),
        ));
    }
    if !is_file {
        crate::fsutil::ensure_dir(&target).map_err(|e| cannot(&target, &e))?;
    }
    for (department, bytes, rows) in books {
        let path = if is_file {
            target.clone()
        } else {
            let who = if department.is_empty() {
                "新規提案"
            } else {
                department
            };
            target.join(format!("照会_{}_{today}.xlsx", file_part(who)))
        };
        crate::fsutil::replace(&path, &bytes).map_err(|e| cannot(&path, &e))?;
        let shown = args
            .output
            .join(path.file_name().unwrap_or_default())
            .display()
            .to_string();
        let shown = if is_file {
            args.output.display().to_string()
        } else {
            shown
        };
        writeln!(out, "{}", lang.survey_written(&shown, department, rows))?;
    }
    if unowned > 0 && !args.blank && args.owner.is_empty() {
        writeln!(out, "{}", lang.survey_unowned(unowned))?;
    }
    Ok(EXIT_OK)
}
