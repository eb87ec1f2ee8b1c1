//! `dx check`: validate the tree; the one command CI runs.

use std::io::Write;

use crate::diag::Summary;
use crate::render::{self, Findings};
use crate::rules;

use super::{Ctx, EXIT_FINDINGS, EXIT_OK};

/// Output formats of `dx check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc 風の表示(ソース行と位置の印つき)
    Human,
    /// JSON(SPEC §5)
    Json,
    /// GitHub Actions の注釈
    Github,
    /// SARIF 2.1.0(コードスキャン用)
    Sarif,
}

/// Arguments of `dx check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 出力形式
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// 警告があっても失敗(終了コード 1)にする
    #[arg(long)]
    pub deny_warnings: bool,
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let model = ctx.load()?;
    let diagnostics = rules::check(&model, ctx.today());
    let summary = Summary::of(model.record_count(), &diagnostics);
    model.files.preload(diagnostics.iter().map(|d| d.span.file));
    let findings = Findings {
        files: &model.files,
        diagnostics: &diagnostics,
        summary,
        lang: ctx.lang(),
    };
    match args.format {
        Format::Human => render::human(&findings, ctx.color(), out)?,
        Format::Json => render::json(&findings, out)?,
        Format::Github => {
            let prefix = super::root_prefix(&model.root, &ctx.env.cwd);
            render::github(&findings, &prefix, out)?;
        }
        Format::Sarif => {
            let prefix = super::root_prefix(&model.root, &ctx.env.cwd);
            render::sarif(&findings, &prefix, out)?;
        }
    }
    let failed = summary.errors > 0 || (args.deny_warnings && summary.warnings > 0);
    Ok(if failed { EXIT_FINDINGS } else { EXIT_OK })
}
