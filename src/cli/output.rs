//! The output options every report shares, and writing a report in them.

use std::io::Write;

use serde::Serialize;

use super::Ctx;
use crate::calendar::DateStyle;
use crate::render;
use crate::report::doc::Doc;

/// Every format a command writes a document in. One type for all of them,
/// so that a format means the same and is written by the same rule (a file
/// with `-o`, else standard output; a workbook never to a terminal) in
/// every command; each command takes the ones it can write
/// ([`Format::only`]). The findings of `dx check` have formats of their own.
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
    /// 印刷用の HTML 1 ページ
    Html,
    /// YAML
    Yaml,
    /// CSV の表と datapackage.json をフォルダに(DuckDB、BigQuery)
    Tables,
    /// dx apply で記録する会議ファイルの雛形
    Meeting,
}

/// The formats every report is written in.
pub(super) const REPORT_FORMATS: &[Format] = &[
    Format::Table,
    Format::Markdown,
    Format::Json,
    Format::Csv,
    Format::Xlsx,
    Format::Html,
    Format::Yaml,
];

impl Format {
    /// A parser of `--format` that takes only the formats of `lists`, and
    /// lists just those in the help and in its error.
    pub fn only(
        lists: &'static [&'static [Self]],
    ) -> impl clap::builder::TypedValueParser<Value = Self> {
        use clap::ValueEnum as _;
        use clap::builder::TypedValueParser as _;
        clap::builder::PossibleValuesParser::new(
            lists
                .iter()
                .flat_map(|l| l.iter())
                .filter_map(clap::ValueEnum::to_possible_value),
        )
        .try_map(|s| Self::from_str(&s, false))
    }

    /// Whether it is bytes a terminal cannot show.
    #[must_use]
    pub fn is_binary(self) -> bool {
        self == Self::Xlsx
    }
}

/// `--format`, `--no-bom`, `--output` and `--table`.
#[derive(Debug, clap::Args)]
pub struct Output {
    /// 出力形式
    #[arg(long, value_parser = Format::only(&[REPORT_FORMATS]), default_value = "table")]
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
    let doc = match output.format {
        Format::Json | Format::Yaml => None,
        _ => Some(document(ctx, output, doc())?),
    };
    let write = |out: &mut dyn Write| -> anyhow::Result<()> {
        match (output.format, doc) {
            (Format::Yaml, _) => crate::render::yaml::to_writer(out, data)?,
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
            (Format::Html, Some(doc)) => {
                let page = render::html::page(&doc.without_detail().with_dates(dates), lang);
                out.write_all(page.as_bytes())?;
            }
            // Not among a report's formats (`Format::only` refuses them).
            (Format::Tables | Format::Meeting, Some(_)) => {
                let name = clap::ValueEnum::to_possible_value(&output.format)
                    .map(|v| v.get_name().to_owned())
                    .unwrap_or_default();
                anyhow::bail!((lang.words().format_not_here)(&name))
            }
        }
        Ok(())
    };
    to_file_or(ctx, output.output.as_deref(), output.format, out, write)
}

/// Write to the file `-o` names (whole or not at all: a temporary file
/// renamed into place, written as it is made) or, without it, to `out`.
/// A workbook goes to a file or a pipe (`> 状況.xlsx`); only a terminal,
/// where it would be noise, is refused. Every command that writes a
/// document takes its `-o` by this one rule.
pub(crate) fn to_file_or(
    ctx: &Ctx<'_>,
    path: Option<&std::path::Path>,
    format: Format,
    out: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let Some(path) = path else {
        if format.is_binary() && ctx.env.stdout_is_terminal {
            anyhow::bail!(ctx.lang().words().binary_to_terminal)
        }
        return write(out);
    };
    let path = ctx.env.cwd.join(path);
    // What failed in the writing is said as it is; what failed in the
    // file, with the file's name.
    let mut failed = None;
    let written = crate::fsutil::replace_with(&path, |w| {
        write(w).map_err(|e| {
            failed = Some(e);
            std::io::Error::other("")
        })
    });
    if let Some(e) = failed {
        return Err(e);
    }
    written.map_err(|e| {
        anyhow::anyhow!((ctx.lang().words().cannot_write)(
            &path.display().to_string(),
            &e.to_string()
        ))
    })
}
