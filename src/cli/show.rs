//! `dx show ID`: one record in full.

use std::io::Write;

use super::output::{Output, emit};
use super::{Ctx, EXIT_OK};
use crate::report::show::Show;

/// Arguments of `dx show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 表示する ID(課題・手法・技術、ビジョン項目 kurashi-1、原則 P1、分野 kurashi、領域 kurashi/online)
    pub id: String,
    #[command(flatten)]
    pub output: Output,
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let model = ctx.load()?;
    ctx.note_errors(&model);
    let show = Show::build(&model, args.id.trim(), ctx.today(), ctx.lang()).map_err(|e| {
        anyhow::anyhow!((ctx.lang().words().not_found)(&e.id, e.nearest.as_deref()))
    })?;
    emit(
        ctx,
        &args.output,
        ctx.dates(&model),
        &show,
        || show.doc(ctx.lang()),
        out,
    )?;
    Ok(EXIT_OK)
}
