//! `dx new KIND`: scaffold a record with the next free ID.

use std::io::Write;

use anyhow::bail;

use super::{Ctx, EXIT_OK};
use crate::diag::IdKind;
use crate::fsutil;
use crate::model::{Kind, Model, Resolution};
use crate::scaffold::{self, NewRecord};

/// Arguments of `dx new`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 種類: 課題・手法・技術(issue・method・technology も可)
    pub kind: String,
    /// 置く領域(例: kurashi/online)
    #[arg(long)]
    pub domain: String,
    /// タイトル
    #[arg(long)]
    pub title: String,
    /// 課題: もとになるビジョン項目(例: kurashi-1)
    #[arg(long, num_args = 1.., value_name = "ID")]
    pub vision: Vec<String>,
    /// 手法: 解決する課題(例: K-001)
    #[arg(long, num_args = 1.., value_name = "ID")]
    pub solves: Vec<String>,
    /// 手法: 則る原則(例: P1)
    #[arg(long, num_args = 1.., value_name = "ID")]
    pub principles: Vec<String>,
    /// 技術: 実現する手法(例: S-001)
    #[arg(long, num_args = 1.., value_name = "ID")]
    pub implements: Vec<String>,
    /// 所管(部署名または役職)
    #[arg(long)]
    pub owner: Option<String>,
}

/// Check every link before anything is written.
fn check_links(
    ctx: &Ctx<'_>,
    model: &Model,
    links: &[(&str, &[String], IdKind)],
) -> anyhow::Result<()> {
    let words = ctx.lang().words();
    for (flag, values, kind) in links {
        for value in *values {
            if let Resolution::Found(_) = model.resolve(*kind, value) {
                continue;
            }
            let nearest = model.nearest_id(*kind, value);
            bail!((words.bad_link)(
                flag,
                value,
                ctx.lang().id_kind(*kind),
                nearest.as_deref()
            ));
        }
    }
    Ok(())
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let words = ctx.lang().words();
    let Some(kind) = Kind::from_word(&args.kind) else {
        bail!((words.bad_filter)("KIND", &args.kind, "課題、手法、技術"));
    };
    let misplaced = [
        ("--vision", !args.vision.is_empty(), Kind::Issue),
        ("--solves", !args.solves.is_empty(), Kind::Method),
        ("--principles", !args.principles.is_empty(), Kind::Method),
        (
            "--implements",
            !args.implements.is_empty(),
            Kind::Technology,
        ),
    ];
    if let Some((flag, _, owner)) = misplaced.iter().find(|(_, given, k)| *given && *k != kind) {
        bail!((words.option_for)(
            flag,
            ctx.lang().id_kind((*owner).into())
        ));
    }
    if args.title.trim().is_empty() {
        bail!(words.empty_title);
    }
    let model = ctx.load()?;
    let domain = args.domain.trim_end_matches('/');
    let Some(domain) = model.domains.iter().find(|d| d.id == domain) else {
        let nearest = crate::suggest::nearest(domain, model.domains.iter().map(|d| d.id.as_str()));
        bail!((words.unknown_domain)(domain, nearest));
    };
    check_links(
        ctx,
        &model,
        &[
            ("--vision", &args.vision, IdKind::Vision),
            ("--solves", &args.solves, IdKind::Issue),
            ("--principles", &args.principles, IdKind::Principle),
            ("--implements", &args.implements, IdKind::Method),
        ],
    )?;
    let id = model.next_id(kind);
    let path = model.root.join(&domain.id).join(format!("{id}.toml"));
    let text = scaffold::record(
        kind,
        &NewRecord {
            title: args.title.trim().to_owned(),
            vision: args.vision.clone(),
            solves: args.solves.clone(),
            principles: args.principles.clone(),
            implements: args.implements.clone(),
            owner: args.owner.clone(),
        },
    );
    fsutil::create_new(&path, text.as_bytes())?;
    writeln!(out, "{}", path.display())?;
    Ok(EXIT_OK)
}
