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
    /// 結果をこのファイルに書く(終了コードは結果のまま。CI で SARIF を残しつつ失敗させるとき)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// 見つかったものがあっても終了コード 0 にする(ツリーを読めないときは 2 のまま)
    #[arg(long)]
    pub exit_zero: bool,
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
    // Only the formats that name paths from the repository's top ask git
    // for it (a process started for nothing costs every other check).
    let prefix = || super::repo_prefix(&model.root);
    let write = |out: &mut dyn Write| -> std::io::Result<()> {
        match args.format {
            // Colour only on a terminal: never in a file.
            Format::Human => render::human(&findings, ctx.color() && args.output.is_none(), out),
            Format::Json => render::json(&findings, out),
            Format::Github => render::github(&findings, &prefix(), out),
            Format::Sarif => {
                let docs: Vec<_> = rules::RULES
                    .iter()
                    .map(|r| (r.id, ctx.lang().pick(r.ja, r.en)))
                    .collect();
                render::sarif(&findings, &docs, &prefix(), out)
            }
        }
    };
    match &args.output {
        Some(path) => {
            let path = ctx.env.cwd.join(path);
            crate::fsutil::replace_with(&path, write).map_err(|e| {
                anyhow::anyhow!((ctx.lang().words().cannot_write)(
                    &path.display().to_string(),
                    &e.to_string()
                ))
            })?;
        }
        None => write(out)?,
    }
    let failed = summary.errors > 0 || (args.deny_warnings && summary.warnings > 0);
    Ok(if failed && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}
