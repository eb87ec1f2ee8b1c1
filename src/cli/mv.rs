//! `dx mv`: a new ID or another 領域 for a record, with every link to it.

use std::io::Write;
use std::path::PathBuf;

use super::Ctx;
use super::write::{WriteArgs, commit, refuse};
use crate::edit::EditError;
use crate::edit::mv::{Move, plan};
use crate::model::RecordIdx;

/// Arguments of `dx mv`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 移すレコードの ID、または(同じ ID のファイルが2つあるときは)ファイルのパス
    pub record: String,
    /// 新しい ID
    pub new: Option<String>,
    /// 新しい ID を次の空き番号にする
    #[arg(long, conflicts_with = "new")]
    pub next: bool,
    /// 移す先の領域(例: kurashi/online)
    #[arg(long, value_name = "F/D")]
    pub domain: Option<String>,
    /// 同じ ID が2つあるとき: このレコードを指すリンクを持つレコード(ほかのリンクは書き換えず一覧にする)
    #[arg(long, num_args = 1.., value_name = "ID")]
    pub links_from: Option<Vec<String>>,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let (_lock, model) = ctx.load_for_write()?;
    let words = ctx.lang().words();
    // A national item of an earlier edition onto the current one
    // (dx mv N3 N7, SPEC §7.4): the links move, no file does.
    if let Some(crate::model::Thing::National(_)) = model.find(args.record.trim()) {
        let Some(new) = args.new.as_deref().map(str::trim) else {
            anyhow::bail!(words.mv_needs_target);
        };
        let plan = crate::edit::mv::national(&model, args.record.trim(), new)
            .map_err(|e| refuse(ctx, &e))?;
        let code = commit(ctx, &model, &plan, &args.write, out)?;
        if code == super::EXIT_OK && !args.write.dry_run {
            for c in &plan.changes {
                writeln!(out, "{} → {new} ({})", args.record.trim(), c.path)?;
            }
        }
        return Ok(code);
    }
    let record = find(ctx, &model, &args.record).map_err(|e| refuse(ctx, &e))?;
    let r = &model.records[record];
    let domain = match &args.domain {
        Some(d) => {
            let d = d.trim().trim_end_matches('/');
            match model.domains.enumerate().find(|(_, x)| x.id == d) {
                Some((i, _)) => Some(i),
                None => {
                    let nearest =
                        crate::suggest::nearest(d, model.domains.iter().map(|x| x.id.as_str()));
                    anyhow::bail!((words.unknown_domain)(d, nearest));
                }
            }
        }
        None => None,
    };
    let new_id = match (&args.new, args.next) {
        (Some(n), _) => n.trim().to_owned(),
        (None, true) => model.next_id(r.kind),
        (None, false) if domain.is_some() => r.id.to_string(),
        (None, false) => anyhow::bail!(words.mv_needs_target),
    };
    let moved = plan(
        &model,
        &Move {
            record,
            new_id: new_id.clone(),
            domain,
            links_from: args.links_from.clone(),
        },
    )
    .map_err(|e| refuse(ctx, &e))?;
    let code = commit(ctx, &model, &moved.plan, &args.write, out)?;
    // SPEC §7.1: OLD → NEW, with the file's old and new path.
    if code == super::EXIT_OK {
        let from = moved.plan.changes.iter().find(|c| c.after.is_none());
        let to = moved.plan.changes.iter().find(|c| c.before.is_none());
        if let (Some(from), Some(to)) = (from, to) {
            writeln!(
                out,
                "{} → {} ({} → {})",
                r.id,
                new_id,
                crate::files::printable(&from.path, false),
                crate::files::printable(&to.path, false)
            )?;
        }
    }
    if !moved.left.is_empty() {
        writeln!(out, "{}", (words.links_left)(r.id.as_str()))?;
        for (id, path) in &moved.left {
            writeln!(out, "  {id} ({path})")?;
        }
    }
    Ok(code)
}

/// The record by ID (one file only) or by path.
fn find(ctx: &Ctx<'_>, model: &crate::model::Model, what: &str) -> Result<RecordIdx, EditError> {
    let by_path = what.ends_with(".toml") || what.contains(['/', '\\']);
    if by_path {
        let wanted = std::fs::canonicalize(ctx.env.cwd.join(PathBuf::from(what))).ok();
        return model
            .parsed_records()
            .find(|(_, r)| {
                wanted.is_some()
                    && std::fs::canonicalize(model.root.join(model.path_of(r))).ok() == wanted
            })
            .map(|(i, _)| i)
            .ok_or_else(|| EditError::UnknownRecord {
                id: what.to_owned(),
                nearest: None,
            });
    }
    let mut found = model
        .parsed_records()
        .filter(|(_, r)| r.id.as_str() == what.trim());
    match (found.next(), found.next()) {
        (Some((i, _)), None) => Ok(i),
        (Some(_), Some(_)) => Err(EditError::Ambiguous {
            id: what.to_owned(),
        }),
        (None, _) => Err(EditError::UnknownRecord {
            id: what.to_owned(),
            nearest: crate::suggest::nearest(what, model.all_ids()).map(str::to_owned),
        }),
    }
}
