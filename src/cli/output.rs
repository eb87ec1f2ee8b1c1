//! The output options every report shares, and writing a report in them.

use std::io::Write;

use serde::Serialize;

use super::Ctx;
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

/// `--format`, `--no-bom`, `--output` and `--table`.
#[derive(Debug, clap::Args)]
pub struct Output {
    /// 出力形式
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// CSV の先頭に BOM を付けない(Excel 以外で読むとき)
    #[arg(long)]
    pub no_bom: bool,
    /// 書き出すファイル(省略すると標準出力。xlsx は端末には出せません)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// 表を一つだけ出す: 番号(1 から)、名前(issues・課題 など)、見出し。CSV は一つの表だけを書き、省略すると最初の表(JSON には効きません)
    #[arg(long, value_name = "TABLE")]
    pub table: Option<String>,
}

/// The document to write: cut to the table `--table` names; a CSV holds
/// one table (a second would break every program that reads it), so
/// without `--table` it is the first, and a note names the others.
fn document(ctx: &Ctx<'_>, output: &Output, full: Doc) -> anyhow::Result<Doc> {
    let words = ctx.lang().words();
    let japanese = ctx.lang() == crate::i18n::Lang::Ja;
    let choices = || {
        full.sections()
            .iter()
            .map(|s| s.label(japanese))
            .collect::<Vec<_>>()
            .join(ctx.lang().pick("、", ", "))
    };
    if let Some(wanted) = &output.table {
        return full
            .select(wanted)
            .ok_or_else(|| anyhow::anyhow!((words.unknown_table)(wanted, &choices())));
    }
    if output.format == Format::Csv && full.sections().len() > 1 {
        ctx.notes
            .borrow_mut()
            .push((words.csv_one_table)(&choices()));
        return Ok(as_table(ctx, full.select("1").unwrap_or(full)));
    }
    Ok(if output.format == Format::Csv {
        as_table(ctx, full)
    } else {
        full
    })
}

/// A document of one list of labelled values as a table of two columns
/// with a header row (項目, 値), as a program reading the CSV expects.
fn as_table(ctx: &Ctx<'_>, mut doc: Doc) -> Doc {
    use crate::report::doc::{Block, Table};
    if let [Block::Facts(facts)] = doc.blocks.as_mut_slice() {
        let l = ctx.lang().labels();
        let rows = std::mem::take(facts)
            .into_iter()
            .map(|(k, v)| vec![k.into(), v])
            .collect();
        doc.blocks = vec![Block::Table(Table {
            headers: vec![ctx.lang().diff_labels().what.to_owned(), l.value.to_owned()],
            rows,
            ..Table::default()
        })];
    }
    doc
}

/// Write `data` as JSON, or the document `doc` makes in the other formats.
/// Dates in the table and Markdown formats follow `dates`; JSON and CSV
/// keep ISO dates.
pub(crate) fn emit<T: Serialize>(
    ctx: &Ctx<'_>,
    output: &Output,
    dates: DateStyle,
    data: &T,
    doc: impl FnOnce() -> Doc,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let lang = ctx.lang();
    // A workbook goes to a file or a pipe (`> 状況.xlsx`), as the export's
    // does; only a terminal, where it would be noise, is refused.
    if output.output.is_none() && output.format == Format::Xlsx && ctx.env.stdout_is_terminal {
        anyhow::bail!(lang.words().binary_to_terminal)
    }
    let doc = match output.format {
        Format::Json => None,
        _ => Some(document(ctx, output, doc())?),
    };
    let write = |out: &mut dyn Write| -> anyhow::Result<()> {
        match (output.format, doc) {
            (Format::Json, _) | (_, None) => {
                let text = serde_json::to_string_pretty(data)?;
                writeln!(out, "{text}")?;
            }
            (Format::Table, Some(doc)) => {
                render::text(
                    &doc.without_detail().with_dates(dates),
                    ctx.ambiguous(),
                    out,
                )?;
            }
            (Format::Markdown, Some(doc)) => {
                render::markdown(&doc.without_detail().with_dates(dates), out)?;
            }
            (Format::Csv, Some(doc)) => render::csv(&doc, !output.no_bom, out)?,
            (Format::Xlsx, Some(doc)) => out.write_all(&render::xlsx::document(&doc, lang)?)?,
        }
        Ok(())
    };
    to_file_or(ctx, output.output.as_deref(), out, write)
}

/// Write to the file `-o` names (whole or not at all: a temporary file
/// renamed into place) or, without it, to `out`. Every command that writes
/// a document takes its `-o` by this one rule.
pub(crate) fn to_file_or(
    ctx: &Ctx<'_>,
    path: Option<&std::path::Path>,
    out: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    match path {
        Some(path) => {
            let path = ctx.env.cwd.join(path);
            let mut bytes = Vec::new();
            write(&mut bytes)?;
            crate::fsutil::replace(&path, &bytes).map_err(|e| {
                anyhow::anyhow!((ctx.lang().words().cannot_write)(
                    &path.display().to_string(),
                    &e.to_string()
                ))
            })?;
        }
        None => write(out)?,
    }
    Ok(())
}
