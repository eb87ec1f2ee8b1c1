//! `dx diff BASE [HEAD]`: the portfolio change between two git revisions
//! (HEAD defaults to the working tree).

use std::io::Write;

use super::output::{Output, emit};
use super::{Ctx, EXIT_OK};
use crate::git;
use crate::model::{self, Source};
use crate::report::diff::Diff;

/// Arguments of `dx diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 比べる元のリビジョン(例: main、origin/main、HEAD~1)
    pub base: String,
    /// 比べる先のリビジョン。省略すると作業中のファイル
    pub head: Option<String>,
    #[command(flatten)]
    pub output: Output,
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let root = model::find_root(ctx.cli.root.as_deref(), &ctx.env.cwd)?;
    let words = ctx.lang().words();
    let (top, prefix) = git::locate(&root).map_err(|e| anyhow::anyhow!((words.git_error)(&e)))?;
    let at = |rev: &str| -> anyhow::Result<model::Model> {
        let files = git::read_tree(&top, rev, &prefix)
            .map_err(|e| anyhow::anyhow!((words.git_error)(&e)))?;
        Ok(model::load_from(&root, &Source::Memory(files))?)
    };
    let base = at(&args.base)?;
    let (head, head_name) = match &args.head {
        Some(rev) => (at(rev)?, rev.clone()),
        None => (model::load(&root)?, words.working_tree.to_owned()),
    };
    let diff = Diff::build(&base, &head, &args.base, &head_name);
    emit(&args.output, &diff, || diff.doc(ctx.lang()), out)?;
    Ok(EXIT_OK)
}
