//! `dx list`: records filtered.

use std::io::Write;

use anyhow::bail;

use super::completions::{self, Candidates};
use super::output::{Output, emit};
use super::{Ctx, EXIT_OK};
use crate::model::{Kind, Progress, Stage, Visibility};
use crate::report::list::{Filter, List};

/// Arguments of `dx list`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 種類: 課題・手法・技術(issue, method, technology も可)。複数指定できる
    #[arg(long, value_parser = Candidates(completions::kinds), hide_possible_values = true)]
    pub kind: Vec<String>,
    /// 分野(例: kurashi)
    #[arg(long)]
    pub field: Option<String>,
    /// 領域(例: kurashi/online)
    #[arg(long)]
    pub domain: Option<String>,
    /// 段階(例: 実証実験)。複数指定できる
    #[arg(long, value_parser = Candidates(completions::stages), hide_possible_values = true)]
    pub stage: Vec<String>,
    /// 課題の進捗(例: 未着手)。複数指定できる
    #[arg(long, value_parser = Candidates(completions::progress), hide_possible_values = true)]
    pub progress: Vec<String>,
    /// タグ
    #[arg(long)]
    pub tag: Option<String>,
    /// 公開区分: public・internal
    #[arg(long, value_parser = Candidates(completions::visibilities), hide_possible_values = true)]
    pub visibility: Option<String>,
    /// 所管(例: 市民課)
    #[arg(long)]
    pub owner: Option<String>,
    #[command(flatten)]
    pub output: Output,
}

/// Read one filter value, or say what the flag accepts.
pub(super) fn parse<T>(
    ctx: &Ctx<'_>,
    flag: &str,
    value: &str,
    parse: fn(&str) -> Option<T>,
    words: &[&str],
) -> anyhow::Result<T> {
    match parse(value.trim()) {
        Some(v) => Ok(v),
        None => bail!((ctx.lang().words().bad_filter)(
            flag,
            value,
            &words.join("、")
        )),
    }
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let model = ctx.load()?;
    ctx.note_errors(&model);
    if let Some(f) = &args.field
        && !model.fields.iter().any(|x| x.id == *f)
    {
        return Err(ctx.unknown_field(&model, f));
    }
    let filter = Filter {
        kinds: args
            .kind
            .iter()
            .map(|k| parse(ctx, "--kind", k, Kind::from_word, &["課題", "手法", "技術"]))
            .collect::<Result<_, _>>()?,
        field: args.field.clone(),
        domain: args
            .domain
            .as_ref()
            .map(|d| d.trim_end_matches('/').to_owned()),
        stages: args
            .stage
            .iter()
            .map(|s| parse(ctx, "--stage", s, Stage::parse, Stage::WORDS))
            .collect::<Result<_, _>>()?,
        progress: args
            .progress
            .iter()
            .map(|s| parse(ctx, "--progress", s, Progress::parse, Progress::WORDS))
            .collect::<Result<_, _>>()?,
        tag: args.tag.clone(),
        visibility: args
            .visibility
            .as_deref()
            .map(|v| {
                parse(
                    ctx,
                    "--visibility",
                    v,
                    Visibility::from_word,
                    &["public", "internal", "公開", "庁内限定"],
                )
            })
            .transpose()?,
        owner: args.owner.clone(),
    };
    if let Some(d) = &filter.domain
        && !model
            .domains
            .iter()
            .any(|x| x.id == *d || x.id.starts_with(&format!("{d}/")))
    {
        let nearest = crate::suggest::nearest(d, model.domains.iter().map(|x| x.id.as_str()));
        bail!((ctx.lang().words().unknown_domain)(d, nearest));
    }
    let list = List::build(&model, &filter, ctx.today());
    emit(
        ctx,
        &args.output,
        ctx.dates(&model),
        &list,
        || list.doc(&model, ctx.lang()),
        out,
    )?;
    Ok(EXIT_OK)
}
