//! `dx decide`, `dx review`, `dx measure`: one step of a meeting, written
//! into its record (SPEC §6.4).

use std::io::Write;

use jiff::civil::Date;

use super::list::parse;
use super::write::{WriteArgs, commit, options, refuse};
use super::{Ctx, parse_date, parse_value};
use crate::edit::{NewDecision, NewObservation, Session};
use crate::model::{Body, ObservationStatus, Outcome};

/// Arguments of `dx decide`.
#[derive(Debug, clap::Args)]
pub struct DecideArgs {
    /// 手法・技術の ID
    pub id: String,
    /// 会議体(推進本部・幹事会・作業部会・検討チーム・タスクフォース)
    #[arg(long)]
    pub body: String,
    /// 結果(実証開始・先行導入・導入・運用開始・継続・改善・見送り・廃止・付議)。段階もそれに合わせて変わる
    #[arg(long)]
    pub result: String,
    /// 会議の日付(省略時は今日)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<Date>,
    /// 付議のとき: 付議先の会議体(幹事会・推進本部)
    #[arg(long)]
    pub to: Option<String>,
    /// 備考
    #[arg(long)]
    pub note: Option<String>,
    /// 次の見直しの期限(運用中のレコードは省略時に日付 + dx.toml の interval_months)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub next_review: Option<Date>,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// Arguments of `dx review`.
#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    /// 運用中の手法・技術の ID、または課題の ID(課題の整理をやり直したことを reviewed に記録)
    pub id: String,
    /// 見直しの日付(省略時は今日)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<Date>,
    /// 次の見直しの期限(省略時は日付 + dx.toml の interval_months)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub next_review: Option<Date>,
    /// 結果(継続・改善・廃止。省略時は継続)
    #[arg(long)]
    pub result: Option<String>,
    /// 会議体(省略時は作業部会)
    #[arg(long)]
    pub body: Option<String>,
    /// 備考
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// Arguments of `dx measure`.
#[derive(Debug, clap::Args)]
pub struct MeasureArgs {
    /// 手法・技術の ID
    pub id: String,
    /// 評価指標の名前、または番号(1 から)
    #[arg(long)]
    pub indicator: String,
    /// 測定値(状態が評価不能のときは書かない)
    #[arg(long, allow_negative_numbers = true, value_parser = parse_value)]
    pub value: Option<f64>,
    /// 測定日(省略時は今日)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<Date>,
    /// 状態(確定・速報・推計・評価不能。省略時は確定)
    #[arg(long)]
    pub status: Option<String>,
    /// 出典
    #[arg(long)]
    pub source: Option<String>,
    /// 同じ日付の測定値がすでにあるとき、置き換える
    #[arg(long)]
    pub replace: bool,
    /// 備考
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub(super) fn decide(ctx: &Ctx<'_>, args: &DecideArgs, out: &mut dyn Write) -> anyhow::Result<u8> {
    let (_lock, model) = ctx.load_for_write()?;
    let decision = NewDecision {
        date: args.date.unwrap_or_else(|| ctx.today()),
        body: parse(ctx, "--body", &args.body, Body::parse, Body::WORDS)?,
        result: parse(
            ctx,
            "--result",
            &args.result,
            Outcome::parse,
            Outcome::WORDS,
        )?,
        to: args
            .to
            .as_deref()
            .map(|b| parse(ctx, "--to", b, Body::parse, Body::WORDS))
            .transpose()?,
        note: args.note.clone(),
    };
    let mut session = Session::new(&model, options(ctx, &args.write, false));
    session
        .decide(&args.id, &decision, args.next_review)
        .map_err(|e| refuse(ctx, &e))?;
    commit(ctx, &model, &session.finish(), &args.write, out)
}

pub(super) fn review(ctx: &Ctx<'_>, args: &ReviewArgs, out: &mut dyn Write) -> anyhow::Result<u8> {
    let (_lock, model) = ctx.load_for_write()?;
    let body = args
        .body
        .as_deref()
        .map(|b| parse(ctx, "--body", b, Body::parse, Body::WORDS))
        .transpose()?;
    let result = args
        .result
        .as_deref()
        .map(|r| parse(ctx, "--result", r, Outcome::parse, Outcome::WORDS))
        .transpose()?;
    let mut session = Session::new(&model, options(ctx, &args.write, false));
    session
        .review(
            &args.id,
            args.date.unwrap_or_else(|| ctx.today()),
            body,
            result,
            args.note.clone(),
            args.next_review,
        )
        .map_err(|e| refuse(ctx, &e))?;
    commit(ctx, &model, &session.finish(), &args.write, out)
}

pub(super) fn measure(
    ctx: &Ctx<'_>,
    args: &MeasureArgs,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    let (_lock, model) = ctx.load_for_write()?;
    let status = args
        .status
        .as_deref()
        .map(|s| {
            parse(
                ctx,
                "--status",
                s,
                ObservationStatus::parse,
                ObservationStatus::WORDS,
            )
        })
        .transpose()?
        .unwrap_or(ObservationStatus::Final);
    let observation = NewObservation {
        date: args.date.unwrap_or_else(|| ctx.today()),
        value: args.value,
        status,
        source: args.source.clone(),
        note: args.note.clone(),
    };
    let mut session = Session::new(&model, options(ctx, &args.write, args.replace));
    session
        .measure(&args.id, &args.indicator, &observation)
        .map_err(|e| refuse(ctx, &e))?;
    commit(ctx, &model, &session.finish(), &args.write, out)
}
