//! `dx status`: stage and progress counts.

use std::io::Write;

use super::output::{Output, emit};
use super::{Ctx, EXIT_OK};
use crate::report::status::{Axis, Status};

/// Arguments of `dx status`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 行の軸: 分野・領域・原則・国の重点取組事項・検討チーム
    #[arg(long, value_enum, default_value = "field")]
    pub by: Axis,
    #[command(flatten)]
    pub output: Output,
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let model = ctx.load()?;
    let status = Status::build(&model, args.by, ctx.lang());
    emit(
        &args.output,
        &status,
        || status.doc(&model, ctx.lang()),
        out,
    )?;
    Ok(EXIT_OK)
}
