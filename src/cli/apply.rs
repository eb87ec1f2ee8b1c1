//! `dx apply MEETING.toml`: a whole meeting into the records, all or
//! nothing (SPEC §6.4).

use std::io::Write;
use std::path::PathBuf;

use super::Ctx;
use super::write::{WriteArgs, commit};
use crate::edit::meeting;

/// Arguments of `dx apply`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 会議ファイル(ツリーの meetings/ にあるもの)
    pub meeting: PathBuf,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let model = ctx.load()?;
    let words = ctx.lang().words();
    let wanted = std::fs::canonicalize(ctx.env.cwd.join(&args.meeting)).ok();
    let found = model.meetings.iter().find(|m| {
        let path = model.root.join(&*model.files.get(m.file).path);
        wanted.is_some() && std::fs::canonicalize(path).ok() == wanted
    });
    let Some(meeting) = found else {
        anyhow::bail!((words.not_a_meeting)(&args.meeting.display().to_string()));
    };
    match meeting::apply(&model, meeting) {
        Ok(plan) => commit(ctx, &model, &plan, &args.write, out),
        Err(errors) => {
            let path = &model.files.get(meeting.file).path;
            let lines: Vec<String> = errors
                .iter()
                .map(|e| {
                    format!(
                        "  {} [[{}]] {}: {}",
                        path,
                        e.entry.0,
                        e.entry.1,
                        (words.edit_error)(&e.error)
                    )
                })
                .collect();
            anyhow::bail!("{}\n{}", words.meeting_refused, lines.join("\n"))
        }
    }
}
