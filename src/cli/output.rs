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
    /// Excel のブック(-o でファイルを指定)
    Xlsx,
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
    /// 書き出すファイル(省略すると標準出力。xlsx では必須)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

/// Write `data` as JSON, or the document `doc` makes in the other formats.
/// Dates in the table and Markdown formats follow `dates`; JSON and CSV
/// keep ISO dates.
pub(crate) fn emit<T: Serialize>(
    output: &Output,
    lang: crate::i18n::Lang,
    dates: DateStyle,
    data: &T,
    doc: impl FnOnce() -> Doc,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let write = |out: &mut dyn Write| -> anyhow::Result<()> {
        match output.format {
            Format::Json => {
                let text = serde_json::to_string_pretty(data)?;
                writeln!(out, "{text}")?;
            }
            Format::Table => render::text(&doc().without_detail().with_dates(dates), out)?,
            Format::Markdown => {
                render::markdown(&doc().without_detail().with_dates(dates), out)?;
            }
            Format::Csv => render::csv(&doc(), !output.no_bom, out)?,
            // Dates stay ISO: the workbook's cells are text for the tables of
            // a report (the export's workbook has typed dates).
            Format::Xlsx => out.write_all(&render::xlsx::document(&doc())?)?,
        }
        Ok(())
    };
    match &output.output {
        Some(path) => {
            let mut bytes = Vec::new();
            write(&mut bytes)?;
            crate::fsutil::replace(path, &bytes).map_err(|e| {
                anyhow::anyhow!((lang.words().cannot_write)(
                    &path.display().to_string(),
                    &e.to_string()
                ))
            })?;
        }
        None if output.format == Format::Xlsx => {
            anyhow::bail!(lang.words().binary_to_terminal)
        }
        None => write(out)?,
    }
    Ok(())
}
