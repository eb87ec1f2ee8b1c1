//! `dx init DIR`: a new tree for a municipality.

use std::io::Write;
use std::path::PathBuf;

use anyhow::bail;

use super::{Ctx, EXIT_OK};
use crate::{fsutil, scaffold};

/// Arguments of `dx init`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 作るフォルダ(存在しないか空であること)
    pub dir: PathBuf,
    /// 組織名(dx.toml の organization)
    #[arg(long, default_value = "〇〇市")]
    pub organization: String,
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
    for (rel, text) in scaffold::tree(&args.organization, args.empty) {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            fsutil::ensure_dir(parent)?;
        }
        fsutil::create_new(&path, text.as_bytes())?;
        writeln!(out, "{}", args.dir.join(&rel).display())?;
    }
    Ok(EXIT_OK)
}
