//! SARIF 2.1.0, for code scanning. Columns are declared as Unicode code
//! points (`columnKind`), which is what dx counts.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::Findings;
use crate::diag::{DocText, RuleId};

/// A path as a URI reference: each segment percent-encoded (UTF-8), `/`
/// kept, so that `資料 DX/K-001.toml` is a valid `uri-reference`.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `broken-link` → `BrokenLink`: SARIF wants a rule name apart from its id.
fn pascal(slug: &str) -> String {
    slug.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Where a rule is explained, for `helpUri`: docs/rules.md of dx's own
/// repository, when the build knows it (Cargo.toml `repository`); never a
/// guessed address. The full explanation is in `help` either way.
fn help_uri(slug: &str) -> Option<String> {
    let repo = env!("CARGO_PKG_REPOSITORY").trim_end_matches('/');
    (!repo.is_empty()).then(|| format!("{repo}/blob/main/docs/rules.md#{slug}"))
}

/// Write the findings as one SARIF run. `prefix` is the tree's place in its
/// repository (`records/`): URIs are relative to the repository's root,
/// given as the base `SRCROOT`. `docs` is the rule list, each rule with its
/// explanation in the findings' language.
pub fn sarif(
    f: &Findings<'_>,
    docs: &[(RuleId, DocText)],
    prefix: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let index: std::collections::HashMap<RuleId, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (*id, i))
        .collect();
    let rules: Vec<Value> = docs
        .iter()
        .map(|(id, doc)| {
            let mut rule = json!({
                "id": id.slug(),
                "name": pascal(id.slug()),
                "shortDescription": { "text": doc.summary },
                "fullDescription": { "text": doc.why },
                "help": { "text": doc.fix },
                "defaultConfiguration": { "level": id.default_severity().as_str() },
            });
            if let Some(uri) = help_uri(id.slug()) {
                rule["helpUri"] = json!(uri);
            }
            rule
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
            let related: Vec<Value> = d
                .related
                .iter()
                .enumerate()
                .map(|(i, span)| {
                    let (path, line, column) = f.files.locate(*span);
                    json!({
                        "id": i + 1,
                        "physicalLocation": {
                            "artifactLocation": { "uri": uri(&format!("{prefix}{path}")), "uriBaseId": "SRCROOT" },
                            "region": { "startLine": line, "startColumn": column },
                        },
                    })
                })
                .collect();
            json!({
                "ruleId": d.rule.slug(),
                "ruleIndex": index.get(&d.rule),
                "level": d.severity.as_str(),
                "message": { "text": text },
                "relatedLocations": related,
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&format!("{prefix}{path}")), "uriBaseId": "SRCROOT" },
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
