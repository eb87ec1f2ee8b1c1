//! SARIF 2.1.0, for code scanning. Columns are declared as Unicode code
//! points (`columnKind`), which is what dx counts.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::Findings;
use crate::rules::RULES;

/// Write the findings as one SARIF run. `prefix` makes paths relative to the
/// repository (the working directory), like `records/`.
pub fn sarif(f: &Findings<'_>, prefix: &str, out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            let doc = f.lang.pick(r.ja, r.en);
            json!({
                "id": r.id.slug(),
                "name": r.id.slug(),
                "shortDescription": { "text": doc.summary },
                "fullDescription": { "text": doc.why },
                "help": { "text": doc.fix },
                "defaultConfiguration": { "level": r.severity().as_str() },
            })
        })
        .collect();
    let results: Vec<Value> = f
        .diagnostics
        .iter()
        .map(|d| {
            let (path, line, column) = f.files.locate(d.span);
            let end = crate::files::Span { start: d.span.end, ..d.span };
            let (_, end_line, end_column) = f.files.locate(end);
            let mut text = f.lang.message(&d.message);
            if let Some(help) = f.lang.help(&d.message) {
                text.push('\n');
                text.push_str(&help);
            }
            json!({
                "ruleId": d.rule.slug(),
                "ruleIndex": RULES.iter().position(|r| r.id == d.rule),
                "level": d.severity.as_str(),
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": format!("{prefix}{path}") },
                        "region": {
                            "startLine": line,
                            "startColumn": column,
                            "endLine": end_line.max(line),
                            "endColumn": if end_line > line { end_column } else { end_column.max(column) },
                        }
                    }
                }],
                "properties": { "record": d.record },
            })
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "dx",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
