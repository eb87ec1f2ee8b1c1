//! `dx diff BASE [HEAD]`: the portfolio change between two git revisions
//! (HEAD defaults to the working tree).

use std::io::Write;
use std::path::Path;

use super::output::{Output, emit};
use super::{Ctx, EXIT_OK};
use crate::git;
use crate::model::{self, Model, Source};
use crate::report::diff::Diff;
use crate::rules;

/// Arguments of `dx diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 比べる元のリビジョン(例: main、origin/main、HEAD~1)、または日付(その日までの最後のコミット。例: 2026-10-01、R8.10.1)
    pub base: String,
    /// 比べる先のリビジョンか日付。省略すると作業中のファイル
    pub head: Option<String>,
    #[command(flatten)]
    pub output: Output,
}

/// A revision, or a date (ISO or 和暦) meaning the last commit on or
/// before it (SPEC §6.5).
fn resolve(top: &Path, rev: &str) -> Result<String, git::GitError> {
    if git::verify(top, rev).is_ok() {
        return Ok(rev.to_owned());
    }
    match crate::calendar::parse_date(rev) {
        Some(date) => git::commit_on_or_before(top, &date.to_string())?
            .ok_or_else(|| git::GitError::UnknownRevision(rev.to_owned())),
        None => Err(git::GitError::UnknownRevision(rev.to_owned())),
    }
}

/// The tree as it was at a git revision (or date).
pub(super) fn at_revision(ctx: &Ctx<'_>, root: &Path, rev: &str) -> anyhow::Result<Model> {
    let words = ctx.lang().words();
    let git_error = |e| anyhow::anyhow!((words.git_error)(&e));
    let (top, prefix) = git::locate(root).map_err(git_error)?;
    let rev = resolve(&top, rev).map_err(git_error)?;
    let files = git::read_tree(&top, &rev, &prefix, model::MAX_FILE_BYTES).map_err(git_error)?;
    Ok(model::load_from(root, &Source::Memory(files))?)
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let root = model::find_root(ctx.cli.root.as_deref(), &ctx.env.cwd)?;
    let base = at_revision(ctx, &root, &args.base)?;
    let (head, head_name) = match &args.head {
        Some(rev) => (at_revision(ctx, &root, rev)?, rev.clone()),
        None => (
            ctx.load_at(&root)?,
            crate::report::diff::WORKING_TREE.to_owned(),
        ),
    };
    let mut diff = Diff::build(&base, &head, &args.base, &head_name, ctx.today());
    // The findings of both sides: what the change introduces and fixes.
    let today = ctx.today();
    let (before, after) = (rules::check(&base, today), rules::check(&head, today));
    diff.findings(&base, &before, &head, &after, ctx.lang());
    emit(
        ctx,
        &args.output,
        ctx.dates(&head),
        &diff,
        || diff.doc(ctx.lang()),
        out,
    )?;
    Ok(EXIT_OK)
}
