//! `dx report`: the meeting dashboard as one HTML file.

use std::io::Write;
use std::path::PathBuf;

use super::{Ctx, EXIT_OK};
use crate::report::dashboard::Dashboard;
use crate::report::diff::Diff;
use crate::{fsutil, model, render};

/// Arguments of `dx report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 書き出すファイル(省略すると標準出力)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 市民向けの公開版: 公開区分が public のレコードと全体の件数だけ
    #[arg(long)]
    pub public: bool,
    /// このリビジョンか日付(前回の会議の日など)からの変更の節を加える
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let root = model::find_root(ctx.cli.root.as_deref(), &ctx.env.cwd)?;
    let model = ctx.load_at(&root)?;
    let since = match &args.since {
        Some(rev) => {
            let base = super::diff::at_revision(ctx, &root, rev)?;
            Some(Diff::build(
                &base,
                &model,
                rev,
                crate::report::diff::WORKING_TREE,
                ctx.today(),
            ))
        }
        None => None,
    };
    let mut dashboard = Dashboard::build(&model, ctx.today(), args.public, since, ctx.lang());
    dashboard.dates = ctx.dates(&model);
    dashboard.errors = ctx.note_errors(&model);
    let write = |w: &mut dyn Write| render::html::dashboard(&dashboard, ctx.lang(), w);
    match &args.output {
        Some(path) => {
            let path = if path.is_absolute() {
                path.clone()
            } else {
                ctx.env.cwd.join(path)
            };
            fsutil::replace_with(&path, write).map_err(|e| {
                anyhow::anyhow!((ctx.lang().words().cannot_write)(
                    &path.display().to_string(),
                    &e.to_string()
                ))
            })?;
        }
        None => write(out)?,
    }
    Ok(EXIT_OK)
}
