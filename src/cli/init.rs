//! `dx init DIR`: a new tree for a municipality.

use std::io::Write;
use std::path::PathBuf;

use anyhow::bail;

use super::{Ctx, EXIT_OK};
use crate::{fsutil, scaffold, schema};

/// Arguments of `dx init`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 作るフォルダ(存在しないか空であること)
    pub dir: PathBuf,
    /// 組織名(dx.toml の organization)
    #[arg(long, default_value = "〇〇市")]
    pub organization: String,
    /// 指針の名前(省略時は「組織名DX推進指針」)
    #[arg(long)]
    pub guideline: Option<String>,
    /// 全国地方公共団体コード(検査数字つき6桁。例: 282049)
    #[arg(long, value_name = "CODE")]
    pub lg_code: Option<String>,
    /// 分野を作らない(dx.toml・principles.toml・national.toml だけ)
    #[arg(long)]
    pub empty: bool,
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let dir = if args.dir.is_absolute() {
        args.dir.clone()
    } else {
        ctx.env.cwd.join(&args.dir)
    };
    if !fsutil::is_empty_dir(&dir)? {
        bail!((ctx.lang().words().not_empty)(
            &args.dir.display().to_string()
        ));
    }
    if let Some(code) = &args.lg_code
        && let Err(expected) = crate::model::settings::check_lg_code(code)
    {
        let message = crate::diag::Message::LgCode {
            value: code.clone(),
            expected,
        };
        let lang = ctx.lang();
        bail!(
            "{}: {}",
            lang.message(&message),
            lang.help(&message).unwrap_or_default()
        );
    }
    let mut files = scaffold::tree(
        &args.organization,
        args.guideline.as_deref(),
        args.lg_code.as_deref(),
        args.empty,
    );
    // The editor checks from the first minute: taplo's settings and the
    // schemas they name (JSON files, which dx check does not read).
    files.push((".taplo.toml".to_owned(), scaffold::TAPLO.to_owned()));
    files.extend(
        schema::KINDS.iter().filter_map(|(name, file)| {
            Some((format!("schemas/{file}"), schema::schema_text(name)?))
        }),
    );
    for (rel, text) in files {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            fsutil::ensure_dir(parent)?;
        }
        fsutil::create_new(&path, text.as_bytes())?;
        writeln!(out, "{}", args.dir.join(&rel).display())?;
    }
    Ok(EXIT_OK)
}
