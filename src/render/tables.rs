//! The flat tables as CSV files (UTF-8 with BOM) and a Frictionless Data
//! Package (`datapackage.json`) describing them, for DuckDB, BigQuery and
//! Spark. Values as in the records: no spreadsheet guard here, an engine
//! reads the text as it is.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::report::tables::{Cell, FlatTable, Tables};

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

/// Write one table as CSV with a BOM.
///
/// # Errors
/// When the writer fails.
pub fn csv(table: &FlatTable, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"\xEF\xBB\xBF")?;
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
                "encoding": "utf-8-sig",
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
