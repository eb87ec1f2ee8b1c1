//! `dx export`: the whole model with derived values, as JSON or YAML; the
//! flat tables as an Excel workbook or as CSV files with a data package.

use std::io::Write;

use super::output::{Format, to_file_or};
use super::{Ctx, EXIT_OK};
use crate::report::export::Export;
use crate::report::gap::Gap;
use crate::report::status::{Axis, Status};
use crate::report::tables::Tables;

/// The export's formats: the whole model as data, the flat tables in a
/// workbook or as files for engines.
const FORMATS: &[&[Format]] = &[&[Format::Json, Format::Yaml, Format::Xlsx, Format::Tables]];

/// Arguments of `dx export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 出力形式(xlsx は Excel のブック、tables は CSV の表と datapackage.json をフォルダに)
    #[arg(long, value_parser = Format::only(FORMATS), default_value = "json")]
    pub format: Format,
    /// 書き出すファイル(tables ではフォルダ)。省略すると標準出力
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<std::path::PathBuf>,
    /// 市民向けの公開版: 公開区分が public のレコードだけ(xlsx・tables)
    #[arg(long)]
    pub public: bool,
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let model = ctx.load()?;
    ctx.note_errors(&model);
    let words = ctx.lang().words();
    let target = args.output.as_ref().map(|p| ctx.env.cwd.join(p));
    let cannot = |path: &std::path::Path, e: &dyn std::fmt::Display| {
        anyhow::anyhow!((words.cannot_write)(
            &path.display().to_string(),
            &e.to_string()
        ))
    };
    match args.format {
        Format::Xlsx => {
            let tables = Tables::build(&model, ctx.today(), args.public);
            let lang = ctx.lang();
            let mut reports = vec![(
                lang.labels().status_title,
                Status::build(&model, Axis::Field).doc(&model, lang),
            )];
            if !args.public {
                reports.push((
                    lang.labels().gap_title,
                    Gap::compute(&model, ctx.today(), None).doc(&model, lang),
                ));
            }
            let bytes = crate::render::xlsx::workbook(&tables, &reports, ctx.lang())?;
            to_file_or(ctx, args.output.as_deref(), args.format, out, |w| {
                Ok(w.write_all(&bytes)?)
            })?;
            return Ok(EXIT_OK);
        }
        Format::Tables => {
            let Some(dir) = &target else {
                anyhow::bail!(words.tables_need_folder);
            };
            let tables = Tables::build(&model, ctx.today(), args.public);
            crate::fsutil::ensure_dir(dir).map_err(|e| cannot(dir, &e))?;
            for t in &tables.tables {
                let path = dir.join(format!("{}.csv", t.name));
                crate::fsutil::replace_with(&path, |w| crate::render::tables::csv(t, w))
                    .map_err(|e| cannot(&path, &e))?;
            }
            let package =
                crate::render::tables::datapackage(&tables, model.settings.organization.as_deref());
            let path = dir.join("datapackage.json");
            let text = serde_json::to_string_pretty(&package)? + "\n";
            crate::fsutil::replace(&path, text.as_bytes()).map_err(|e| cannot(&path, &e))?;
            let path = dir.join("schema.sql");
            let sql = crate::render::tables::schema_sql(&tables);
            crate::fsutil::replace(&path, sql.as_bytes()).map_err(|e| cannot(&path, &e))?;
            for t in &tables.tables {
                let path = dir.join(format!("{}.bigquery.json", t.name));
                let schema = crate::render::tables::bigquery_schema(t);
                let text = serde_json::to_string_pretty(&schema)? + "\n";
                crate::fsutil::replace(&path, text.as_bytes()).map_err(|e| cannot(&path, &e))?;
            }
            return Ok(EXIT_OK);
        }
        Format::Json | Format::Yaml => {}
        // Not among the export's formats (`Format::only` refuses them).
        Format::Table | Format::Markdown | Format::Csv | Format::Html | Format::Meeting => {
            let name = clap::ValueEnum::to_possible_value(&args.format)
                .map(|v| v.get_name().to_owned())
                .unwrap_or_default();
            anyhow::bail!((words.format_not_here)(&name))
        }
    }
    if args.public {
        anyhow::bail!(words.public_only_tables);
    }
    let export = Export::build(&model, ctx.today());
    // Written as it is made: a whole export in one string was the largest
    // thing in memory (200 MB at 100k records).
    let write = |out: &mut dyn Write| -> std::io::Result<()> {
        let mut out = std::io::BufWriter::new(out);
        match args.format {
            Format::Yaml => {
                crate::render::yaml::to_writer(&mut out, &export).map_err(|e| match e {
                    // A closed pipe stays an io::Error, recognised as such.
                    crate::render::yaml::Error::Io(e) => e,
                    other => std::io::Error::other(other),
                })?;
            }
            _ => {
                serde_json::to_writer_pretty(&mut out, &export)?;
                writeln!(out)?;
            }
        }
        out.flush()
    };
    to_file_or(ctx, args.output.as_deref(), args.format, out, |w| {
        Ok(write(w)?)
    })?;
    Ok(EXIT_OK)
}
