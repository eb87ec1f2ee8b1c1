//! The output options every report shares, and writing a report in them.

use std::io::Write;

use serde::Serialize;

use crate::calendar::DateStyle;
use crate::render;
use crate::report::doc::Doc;

/// Report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// 罫線つきの表(端末向け)
    Table,
    /// Markdown(議事録やプルリクエストのコメントに貼る)
    Markdown,
    /// JSON(docs/json.md)
    Json,
    /// CSV(Excel で開ける UTF-8 BOM つき)
    Csv,
}

/// `--format` and `--no-bom`.
#[derive(Debug, clap::Args)]
pub struct Output {
    /// 出力形式
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// CSV の先頭に BOM を付けない(Excel 以外で読むとき)
    #[arg(long)]
    pub no_bom: bool,
}

/// Write `data` as JSON, or the document `doc` makes in the other formats.
/// Dates in the table and Markdown formats follow `dates`; JSON and CSV
/// keep ISO dates.
pub(crate) fn emit<T: Serialize>(
    output: &Output,
    dates: DateStyle,
    data: &T,
    doc: impl FnOnce() -> Doc,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match output.format {
        Format::Json => {
            let text = serde_json::to_string_pretty(data)?;
            writeln!(out, "{text}")?;
        }
        Format::Table => render::text(&doc().with_dates(dates), out)?,
        Format::Markdown => render::markdown(&doc().with_dates(dates), out)?,
        Format::Csv => render::csv(&doc(), !output.no_bom, out)?,
    }
    Ok(())
}
