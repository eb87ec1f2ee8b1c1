//! Reports as Markdown, to paste into meeting minutes and pull-request comments.

use std::io::{self, Write};

use crate::report::doc::{Block, Doc};

/// Text safe in a pull-request comment: no HTML from a record (`<img`,
/// `<details>`, `<!--`), no control character.
fn text(s: &str) -> String {
    crate::files::printable(s, true)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Make a cell safe inside a Markdown table.
fn cell(s: &str) -> String {
    text(s)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}

/// Write a report as Markdown.
pub fn markdown(doc: &Doc, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# {}", text(&doc.title))?;
    for block in &doc.blocks {
        // An empty table is said by the text before it (「なし」).
        if matches!(block, Block::Table(t) if t.rows.is_empty()) {
            continue;
        }
        writeln!(out)?;
        match block {
            Block::Heading(h) => writeln!(out, "## {}", text(h))?,
            Block::Text(t) => writeln!(out, "{}", text(t))?,
            Block::Facts(facts) => {
                for (k, v) in facts {
                    let v = v.shown();
                    writeln!(out, "- **{}**: {}", text(k), text(&v).replace('\n', " "))?;
                }
            }
            Block::Table(t) => {
                let header: Vec<String> = t.headers.iter().map(|h| cell(h)).collect();
                writeln!(out, "| {} |", header.join(" | "))?;
                let rule: Vec<&str> = (0..t.headers.len())
                    .map(|i| {
                        if t.numeric.contains(&i) {
                            "---:"
                        } else {
                            "---"
                        }
                    })
                    .collect();
                writeln!(out, "|{}|", rule.join("|"))?;
                for (i, row) in t.rows.iter().enumerate() {
                    let bold = t.totals && i + 1 == t.rows.len();
                    let cells: Vec<String> = row
                        .iter()
                        .map(|c| {
                            if bold {
                                format!("**{}**", cell(&c.shown()))
                            } else {
                                cell(&c.shown())
                            }
                        })
                        .collect();
                    writeln!(out, "| {} |", cells.join(" | "))?;
                }
            }
            Block::Outline(lines) => {
                for (depth, line) in lines {
                    writeln!(out, "{}- {}", "  ".repeat(*depth), cell(line))?;
                }
            }
            Block::FoldStart(summary) => writeln!(
                out,
                "<details><summary>{}</summary>",
                crate::render::escape::esc(summary)
            )?,
            Block::FoldEnd => writeln!(out, "</details>")?,
            Block::Trailer(t) => writeln!(out, "{}", text(t))?,
        }
    }
    Ok(())
}
