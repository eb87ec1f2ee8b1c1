//! `dx schema [KIND]`: the JSON Schemas of every file kind of a tree.

use std::io::Write;

use anyhow::bail;

use super::{Ctx, EXIT_OK};
use crate::schema;

/// Arguments of `dx schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// issue(課題)・method(手法)・technology(技術)・dx・field(分野)・domain(領域)・principles・national・meeting(会議)(省略するとすべてを一つの JSON で)
    pub kind: Option<String>,
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let names: Vec<&str> = schema::KINDS.iter().map(|(n, _)| *n).collect();
    match &args.kind {
        Some(kind) => match schema::schema_text(match kind.trim() {
            // The kinds as the records name them.
            "課題" => "issue",
            "手法" => "method",
            "技術" => "technology",
            "分野" => "field",
            "領域" => "domain",
            "会議" => "meeting",
            other => other,
        }) {
            Some(text) => out.write_all(text.as_bytes())?,
            None => bail!((ctx.lang().words().bad_filter)(
                "KIND",
                kind,
                &format!("{}、課題、手法、技術、分野、領域、会議", names.join("、"))
            )),
        },
        None => {
            let all: serde_json::Map<String, serde_json::Value> = names
                .iter()
                .filter_map(|n| Some(((*n).to_owned(), schema::schema(n)?)))
                .collect();
            serde_json::to_writer_pretty(&mut *out, &all)?;
            writeln!(out)?;
        }
    }
    Ok(EXIT_OK)
}
