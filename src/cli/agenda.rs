//! `dx agenda`: the next meeting's agenda, or its meeting-file skeleton.

use std::io::Write;

use jiff::civil::Date;

use super::list::parse;
use super::output::{Format, Output, REPORT_FORMATS, emit};
use super::{Ctx, EXIT_OK, parse_date};
use crate::model::Body;
use crate::report::agenda::{Agenda, last_meeting};
use crate::report::diff::Diff;

/// The agenda's formats: a report's, and the meeting file to complete and
/// `dx apply`.
const FORMATS: &[&[Format]] = &[REPORT_FORMATS, &[Format::Meeting]];

/// Arguments of `dx agenda`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 会議体(省略時は推進本部、--field のときは作業部会)
    #[arg(long)]
    pub body: Option<String>,
    /// 分野の作業部会の議題にする(例: kurashi)
    #[arg(long, value_name = "FIELD")]
    pub field: Option<String>,
    /// 会議の日付(省略時は今日)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<Date>,
    /// 出力形式(meeting は dx apply で記録する会議ファイルの雛形)
    #[arg(long, value_parser = Format::only(FORMATS), default_value = "table")]
    pub format: Format,
    /// 書き出すファイル(省略すると標準出力。会議ファイルの雛形は、すでにあるファイルには書きません)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let model = ctx.load()?;
    if let Some(f) = &args.field
        && !model.fields.iter().any(|x| &x.id == f)
    {
        return Err(ctx.unknown_field(&model, f));
    }
    let body = match &args.body {
        Some(b) => parse(ctx, "--body", b, Body::parse, Body::WORDS)?,
        None if args.field.is_some() => Body::WorkingGroup,
        None => Body::Headquarters,
    };
    let date = args.date.unwrap_or_else(|| ctx.today());
    let mut agenda = Agenda::build(&model, date, body, args.field.as_deref());
    // What changed since the body's last meeting: the tree as git had it
    // that day against the files now. Without git or a last meeting, none.
    if let Some(last) = last_meeting(&model, body, date, args.field.as_deref()).map(|(d, _)| d)
        && let Ok((top, _)) = crate::git::locate(&model.root)
        && let Ok(Some(rev)) = crate::git::commit_on_or_before(&top, &last.to_string())
        && let Ok(base) = super::diff::at_revision(ctx, &model.root, &rev)
    {
        let name = crate::report::diff::WORKING_TREE;
        agenda.changes = Some(Diff::build(
            &base,
            &model,
            &last.to_string(),
            name,
            ctx.today(),
        ));
    }
    let lang = ctx.lang();
    let dates = ctx.dates(&model);
    // A skeleton is never written over a meeting file, which may hold what
    // the meeting decided.
    if let (Format::Meeting, Some(path)) = (args.format, &args.output) {
        let path = ctx.env.cwd.join(path);
        return match crate::fsutil::create_new(&path, agenda.meeting_file(lang).as_bytes()) {
            Ok(()) => Ok(EXIT_OK),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(anyhow::anyhow!((lang.words().meeting_file_exists)(
                    &path.display().to_string()
                )))
            }
            Err(e) => Err(anyhow::anyhow!((lang.words().cannot_write)(
                &path.display().to_string(),
                &e.to_string()
            ))),
        };
    }
    if args.format == Format::Meeting {
        out.write_all(agenda.meeting_file(lang).as_bytes())?;
        return Ok(EXIT_OK);
    }
    let output = Output {
        format: args.format,
        no_bom: false,
        output: args.output.clone(),
        table: None,
    };
    emit(
        ctx,
        &output,
        dates,
        &agenda,
        || agenda.doc(&model, lang),
        out,
    )?;
    Ok(EXIT_OK)
}
