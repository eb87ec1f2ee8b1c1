//! `dx fmt`: rewrite records into canonical form, keeping comments.

use std::io::Write;

use rayon::prelude::*;

use super::{Ctx, EXIT_FINDINGS, EXIT_OK};
use crate::{format, fsutil};

/// Arguments of `dx fmt`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 書き換えずに、整形が必要なファイルを表示する(あれば終了コード 1)
    #[arg(long)]
    pub check: bool,
}

/// What happened to one file.
enum Outcome {
    Unchanged,
    Changed(String),
    Unreadable(String),
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    // Writing takes the tree lock, as every writer does: a dx decide beside
    // a dx fmt must not lose its decision. --check only reads.
    let (_lock, model) = if args.check {
        (None, ctx.load()?)
    } else {
        let (lock, model) = ctx.load_for_write()?;
        (Some(lock), model)
    };
    let words = ctx.lang().words();
    // Every I/O error names its file (a folder whose name is not UTF-8, a
    // name too long for the system): a bare "No such file" helps nobody.
    let named = |rel: &str, e: std::io::Error, what: fn(&str, &str) -> String| {
        std::io::Error::new(e.kind(), what(rel, &e.to_string()))
    };
    let outcomes: Vec<std::io::Result<Outcome>> = model
        .records
        .as_slice()
        .par_iter()
        .map(|r| {
            let rel = model.path_of(r).to_owned();
            let path = model.files.disk_path(&model.root, r.file);
            let bytes = std::fs::read(&path).map_err(|e| named(&rel, e, words.cannot_open))?;
            let Some(formatted) = format::format_bytes(&bytes, r.kind) else {
                return Ok(Outcome::Unreadable(rel));
            };
            if formatted == bytes {
                return Ok(Outcome::Unchanged);
            }
            if !args.check {
                fsutil::replace(&path, &formatted)
                    .map_err(|e| named(&rel, e, words.cannot_write))?;
            }
            Ok(Outcome::Changed(rel))
        })
        .collect();
    let (mut changed, mut unreadable) = (0, 0);
    for outcome in outcomes {
        match outcome? {
            Outcome::Unchanged => {}
            Outcome::Changed(rel) => {
                changed += 1;
                let verb = if args.check {
                    words.would_format
                } else {
                    words.formatted
                };
                writeln!(out, "{verb}: {rel}")?;
            }
            Outcome::Unreadable(rel) => {
                unreadable += 1;
                writeln!(out, "{}: {rel}", words.unformattable)?;
            }
        }
    }
    writeln!(out, "{}", (words.fmt_summary)(changed, args.check))?;
    if unreadable > 0 {
        writeln!(out, "{}", (words.fmt_unreadable)(unreadable))?;
    }
    // A file fmt could not read is not formatted: --check fails on it.
    Ok(if args.check && changed + unreadable > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}
