//! `dx new KIND`: a record with the next free ID, or a new 領域 or 分野;
//! written through the writers' check, so it never writes what `dx check`
//! would reject (unless `--force`).

use std::io::Write;

use anyhow::bail;

use super::Ctx;
use super::list::parse;
use super::write::{WriteArgs, commit};
use crate::diag::IdKind;
use crate::edit::{Change, Plan};
use crate::model::{Kind, Model, Resolution, Stage, TeamKind, Visibility};
use crate::scaffold::{self, NewRecord};

/// Arguments of `dx new`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 種類: 課題・手法・技術(issue・method・technology も可)、または 領域・分野(domain・field)
    pub kind: String,
    /// 領域・分野を作るとき: その ID(例: kurashi/online、kurashi)
    pub id: Option<String>,
    /// 置く領域(例: kurashi/online)
    #[arg(long)]
    pub domain: Option<String>,
    /// タイトル
    #[arg(long)]
    pub title: Option<String>,
    /// 領域・分野を作るとき: その名前
    #[arg(long)]
    pub name: Option<String>,
    /// 分野を作るとき: 作業部会の名前
    #[arg(long)]
    pub working_group: Option<String>,
    /// 手法・技術: 段階(省略時は検討)
    #[arg(long)]
    pub stage: Option<String>,
    /// タグ
    #[arg(long, num_args = 1.., value_name = "TAG")]
    pub tags: Vec<String>,
    /// 公開区分: public・internal
    #[arg(long)]
    pub visibility: Option<String>,
    /// 手法・技術: 検討チーム・タスクフォースの名前
    #[arg(long)]
    pub team_name: Option<String>,
    /// 手法・技術: チームの種類(検討チーム・タスクフォース)
    #[arg(long)]
    pub team_kind: Option<String>,
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
    #[command(flatten)]
    pub write: WriteArgs,
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
    match args.kind.trim() {
        "領域" | "domain" => return folder(ctx, args, false, out),
        "分野" | "field" => return folder(ctx, args, true, out),
        _ => {}
    }
    let Some(kind) = Kind::from_word(&args.kind) else {
        bail!((words.bad_filter)(
            "KIND",
            &args.kind,
            "課題、手法、技術、領域、分野"
        ));
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
    let work_only = [
        ("--stage", args.stage.is_some()),
        ("--team-name", args.team_name.is_some()),
        ("--team-kind", args.team_kind.is_some()),
    ];
    if kind == Kind::Issue
        && let Some((flag, _)) = work_only.iter().find(|(_, given)| *given)
    {
        bail!((words.option_for)(
            flag,
            ctx.lang().id_kind(Kind::Method.into())
        ));
    }
    let title = args.title.as_deref().unwrap_or("").trim();
    if title.is_empty() {
        bail!(words.empty_title);
    }
    // One `dx new` at a time per tree: the next free ID is taken under a
    // lock beside dx.toml, with the tree as it is once the lock is held.
    let root = crate::model::find_root(ctx.cli.root.as_deref(), &ctx.env.cwd)?;
    // Without --domain, the 領域 folder the command runs in.
    let here = domain_here(&root, &ctx.env.cwd);
    let Some(domain) = args.domain.as_deref().or(here.as_deref()) else {
        bail!((words.domain_required)(ctx.lang().id_kind(kind.into())));
    };
    let _lock = ctx.lock(&root)?;
    let model = ctx.load_at(&root)?;
    let domain = domain.trim().trim_end_matches('/');
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
    let stage = args
        .stage
        .as_deref()
        .map(|s| parse(ctx, "--stage", s, Stage::parse, Stage::WORDS))
        .transpose()?;
    let visibility = args
        .visibility
        .as_deref()
        .map(|s| {
            parse(
                ctx,
                "--visibility",
                s,
                Visibility::from_word,
                &["public", "internal", "公開", "庁内限定"],
            )
        })
        .transpose()?;
    let team_kind = args
        .team_kind
        .as_deref()
        .map(|s| parse(ctx, "--team-kind", s, TeamKind::parse, TeamKind::WORDS))
        .transpose()?;
    let id = model.next_id(kind);
    let rel = format!("{}/{id}.toml", domain.id);
    let text = scaffold::record(
        kind,
        &NewRecord {
            title: title.to_owned(),
            vision: args.vision.clone(),
            solves: args.solves.clone(),
            principles: args.principles.clone(),
            implements: args.implements.clone(),
            owner: args.owner.clone(),
            stage,
            tags: args.tags.clone(),
            visibility,
            team_name: args.team_name.clone(),
            team_kind,
            current: None,
            gap: None,
        },
    );
    // In dx fmt's form from the start (link lists sorted, no repeats).
    let text = crate::format::format_record(&text, kind).unwrap_or(text);
    let plan = Plan {
        changes: vec![Change {
            path: rel,
            before: None,
            after: Some(text.into_bytes()),
        }],
        follow_ups: Vec::new(),
    };
    commit(ctx, &model, &plan, &args.write, out).map_err(|e| {
        // Another writer created the same file between the check and the
        // write (one outside dx): say so in one sentence.
        if e.chain().any(|c| {
            c.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::AlreadyExists)
        }) {
            anyhow::anyhow!(words.id_taken)
        } else {
            e
        }
    })
}

/// `dx new 領域 F/D --name N` and `dx new 分野 F --name N`.
fn folder(ctx: &Ctx<'_>, args: &Args, field: bool, out: &mut dyn Write) -> anyhow::Result<u8> {
    let words = ctx.lang().words();
    let model = ctx.load()?;
    let id = args.id.as_deref().unwrap_or("").trim().trim_matches('/');
    let name = args.name.as_deref().unwrap_or("").trim();
    if id.is_empty() || name.is_empty() {
        bail!(words.new_folder_usage);
    }
    let parts: Vec<&str> = id.split('/').collect();
    let well_formed = parts.iter().all(|p| crate::model::ids::is_field_id(p))
        && if field {
            parts.len() == 1
        } else {
            parts.len() == 2
        };
    if !well_formed {
        bail!(words.new_folder_usage);
    }
    if !field && !model.fields.iter().any(|f| f.id == parts[0]) {
        // The message names the typo; unknown_field finds the nearest.
        return Err(ctx.unknown_field(&model, parts[0]));
    }
    if model.root.join(id).exists() {
        bail!((words.edit_error)(&crate::edit::EditError::Exists {
            what: id.to_owned()
        }));
    }
    let (file, text) = if field {
        (
            "field.toml",
            scaffold::field(name, args.working_group.as_deref()),
        )
    } else {
        ("domain.toml", scaffold::domain(name))
    };
    let plan = Plan {
        changes: vec![Change {
            path: format!("{id}/{file}"),
            before: None,
            after: Some(text.into_bytes()),
        }],
        follow_ups: Vec::new(),
    };
    commit(ctx, &model, &plan, &args.write, out)
}

/// The 領域 (`分野/領域`) whose folder `cwd` is in, if any: the first two
/// folders below the root, when the second holds a domain.toml.
fn domain_here(root: &std::path::Path, cwd: &std::path::Path) -> Option<String> {
    let root = std::fs::canonicalize(root).ok()?;
    let cwd = std::fs::canonicalize(cwd).ok()?;
    let rel = cwd.strip_prefix(&root).ok()?;
    let mut parts = rel.iter().map(|p| p.to_str());
    let (Some(Some(field)), Some(Some(domain))) = (parts.next(), parts.next()) else {
        return None;
    };
    root.join(field)
        .join(domain)
        .join("domain.toml")
        .is_file()
        .then(|| format!("{field}/{domain}"))
}
