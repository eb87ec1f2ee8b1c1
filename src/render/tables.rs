//! The flat tables as CSV files (UTF-8, no BOM) for DuckDB, BigQuery and
//! Spark, with what types them: a Frictionless Data Package
//! (`datapackage.json`), a `schema.sql` that creates and loads them in
//! DuckDB with explicit types (engines guess `lg_code` 011002 as a number
//! and drop its zero), and a BigQuery schema for each table. Values as in
//! the records: no spreadsheet guard here, an engine reads the text as it
//! is (people open the workbook, `--format xlsx`).

use std::fmt::Write as _;
use std::io::{self, Write};

use serde_json::{Value, json};

use crate::report::tables::{Cell, ColumnType, FlatTable, Tables};

/// A cell as CSV text: ISO dates, numbers as written by Rust (shortest
/// form that reads back).
fn text(c: &Cell) -> String {
    match c {
        Cell::Empty => String::new(),
        Cell::Text(s) => crate::files::printable(s, true).into_owned(),
        Cell::Number(n) => n.to_string(),
        Cell::Integer(n) => n.to_string(),
        Cell::Date(d) => d.to_string(),
    }
}

/// Write one table as CSV.
///
/// # Errors
/// When the writer fails.
pub fn csv(table: &FlatTable, out: &mut dyn Write) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(table.columns.iter().map(|c| c.name))?;
    for row in &table.rows {
        w.write_record(row.iter().map(text))?;
    }
    w.flush()
}

/// The data package describing the tables.
#[must_use]
pub fn datapackage(tables: &Tables, organization: Option<&str>) -> Value {
    let resources: Vec<Value> = tables
        .tables
        .iter()
        .map(|t| {
            let fields: Vec<Value> = t
                .columns
                .iter()
                .map(|c| json!({ "name": c.name, "title": c.title, "type": c.kind.name() }))
                .collect();
            let mut schema = json!({
                "fields": fields,
                "missingValues": [""],
            });
            if !t.primary_key.is_empty() {
                schema["primaryKey"] = json!(t.primary_key);
            }
            let foreign: Vec<Value> = t
                .foreign_keys
                .iter()
                .map(|(fields, resource, theirs)| {
                    json!({ "fields": fields, "reference": { "resource": resource, "fields": theirs } })
                })
                .collect();
            if !foreign.is_empty() {
                schema["foreignKeys"] = json!(foreign);
            }
            json!({
                "name": t.name,
                "path": format!("{}.csv", t.name),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            })
        })
        .collect();
    json!({
        "profile": "tabular-data-package",
        "name": "dx-portfolio",
        "title": organization.map(|o| format!("{o} DXポートフォリオ")),
        "resources": resources,
    })
}

/// A column type in DuckDB's SQL.
fn sql_type(kind: ColumnType) -> &'static str {
    match kind {
        ColumnType::String => "VARCHAR",
        ColumnType::Integer => "BIGINT",
        ColumnType::Number => "DOUBLE",
        ColumnType::Date => "DATE",
    }
}

/// `schema.sql`: each table created with the types datapackage.json gives
/// it, then loaded from its CSV, for `duckdb portfolio.duckdb < schema.sql`
/// run in the folder.
#[must_use]
pub fn schema_sql(tables: &Tables) -> String {
    let mut out = String::from(
        "-- dx export --format tables: the tables with their types (datapackage.json).\n\
         -- In this folder: duckdb portfolio.duckdb < schema.sql\n",
    );
    for t in &tables.tables {
        let columns: Vec<String> = t
            .columns
            .iter()
            .map(|c| format!("    \"{}\" {}", c.name, sql_type(c.kind)))
            .collect();
        let _ = write!(
            out,
            "\nCREATE TABLE \"{}\" (\n{}\n);\nCOPY \"{}\" FROM '{}.csv' (HEADER true);\n",
            t.name,
            columns.join(",\n"),
            t.name,
            t.name
        );
    }
    out
}

/// A table's schema for BigQuery (`bq load --schema NAME.bigquery.json`).
#[must_use]
pub fn bigquery_schema(table: &FlatTable) -> Value {
    Value::Array(
        table
            .columns
            .iter()
            .map(|c| {
                let kind = match c.kind {
                    ColumnType::String => "STRING",
                    ColumnType::Integer => "INT64",
                    ColumnType::Number => "FLOAT64",
                    ColumnType::Date => "DATE",
                };
                let required = table.primary_key.contains(&c.name) && c.name != "lg_code";
                json!({
                    "name": c.name,
                    "type": kind,
                    "mode": if required { "REQUIRED" } else { "NULLABLE" },
                    "description": c.title,
                })
            })
            .collect(),
    )
}
