//! The JSON of SPEC §5: `{"diagnostics": [...], "summary": {...}}`.

use std::io::{self, Write};

use serde::Serialize;

use super::Findings;
use crate::diag::Summary;

#[derive(Serialize)]
struct Item<'a> {
    rule: &'a str,
    severity: &'a str,
    path: &'a str,
    line: usize,
    column: usize,
    record: Option<&'a str>,
    message: String,
}

#[derive(Serialize)]
struct Output<'a> {
    diagnostics: Vec<Item<'a>>,
    summary: Summary,
}

/// Write the findings as JSON, paths relative to the tree root with `/`.
pub fn json(f: &Findings<'_>, out: &mut dyn Write) -> io::Result<()> {
    let diagnostics = f
        .diagnostics
        .iter()
        .map(|d| {
            let (path, line, column) = f.files.locate(d.span);
            Item {
                rule: d.rule.slug(),
                severity: d.severity.as_str(),
                path,
                line,
                column,
                record: d.record.as_deref(),
                message: f.lang.message(&d.message),
            }
        })
        .collect();
    let output = Output {
        diagnostics,
        summary: f.summary,
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}
