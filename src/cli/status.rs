//! `dx status`: stage and progress counts.

use std::io::Write;

use super::output::{Output, emit};
use super::{Ctx, EXIT_OK};
use crate::report::status::{Axis, Status};
use crate::report::yearly::Yearly;

/// The rows of `dx status`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    /// 分野.
    #[value(alias = "分野")]
    Field,
    /// 領域.
    #[value(alias = "領域")]
    Domain,
    /// 原則.
    #[value(alias = "原則")]
    Principle,
    /// 国の重点取組事項.
    #[value(alias = "国", alias = "国の重点取組事項")]
    National,
    /// 検討チーム.
    #[value(alias = "チーム", alias = "検討チーム")]
    Team,
    /// 年度: decisions and observations by year.
    #[value(alias = "年度")]
    FiscalYear,
}

/// Arguments of `dx status`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 行の軸: field(分野)・domain(領域)・principle(原則)・national(国)・team(チーム)・fiscal-year(年度: 意思決定と測定の年度ごとの実績)。日本語でも指定できる
    #[arg(long, value_enum, default_value = "field")]
    pub by: By,
    #[command(flatten)]
    pub output: Output,
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let model = ctx.load()?;
    ctx.note_errors(&model);
    let axis = match args.by {
        By::Field => Axis::Field,
        By::Domain => Axis::Domain,
        By::Principle => Axis::Principle,
        By::National => Axis::National,
        By::Team => Axis::Team,
        By::FiscalYear => {
            let yearly = Yearly::build(&model);
            emit(
                ctx,
                &args.output,
                ctx.dates(&model),
                &yearly,
                || yearly.doc(&model, ctx.lang()),
                out,
            )?;
            return Ok(EXIT_OK);
        }
    };
    let status = Status::build(&model, axis);
    emit(
        ctx,
        &args.output,
        ctx.dates(&model),
        &status,
        || status.doc(&model, ctx.lang()),
        out,
    )?;
    Ok(EXIT_OK)
}
