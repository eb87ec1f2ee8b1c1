//! Reports as CSV that opens correctly in Japanese Excel: UTF-8 with a BOM
//! (Excel reads BOM-less CSV as Shift_JIS). The command hands over one
//! table (`--table`, else the first): its header row, then its rows, no
//! totals row. A document of several sections (written by the tests and
//! the library's callers) puts each after a row naming it, separated by an
//! empty line.

use std::io::{self, Write};

use crate::report::doc::{Block, Cell, Doc};

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

type Sheet = ::csv::Writer<Vec<u8>>;

fn sheet() -> Sheet {
    ::csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new())
}

/// A cell as a spreadsheet must take it: text, never a formula. A text
/// starting with `=`, `+`, `-`, `@`, a tab or a carriage return is a
/// formula to Excel and LibreOffice (`=HYPERLINK(…)`, `+cmd|…`); a leading
/// apostrophe makes it text, and Excel does not show the apostrophe. A
/// number cell (`-2`, `-0.5`) stays a number.
fn safe(s: &str, numeric: bool) -> String {
    let s = crate::files::printable(s, true);
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !(numeric && s.parse::<f64>().is_ok()) {
        format!("'{s}")
    } else {
        s.into_owned()
    }
}

/// Write a section's rows out, an empty line before all but the first.
fn finish(section: Sheet, first: &mut bool, out: &mut dyn Write) -> io::Result<()> {
    let bytes = section
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?;
    if bytes.is_empty() {
        return Ok(());
    }
    if !*first {
        // A bare line: the csv writer would write an empty field as "".
        out.write_all(b"\n")?;
    }
    *first = false;
    out.write_all(&bytes)
}

/// Write a report as CSV; `bom` puts the byte order mark first.
pub fn csv(doc: &Doc, bom: bool, out: &mut dyn Write) -> io::Result<()> {
    if bom {
        out.write_all(BOM)?;
    }
    let mut first = true;
    let mut w = sheet();
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => {
                finish(std::mem::replace(&mut w, sheet()), &mut first, out)?;
                w.write_record([safe(h, false)])?;
            }
            Block::Text(t) => w.write_record([safe(t, false)])?,
            Block::Facts(facts) => {
                for (k, v) in facts {
                    w.write_record([safe(k, false), safe(&v.data(), false)])?;
                }
            }
            Block::Table(t) => {
                w.write_record(t.headers.iter().map(|h| safe(h, false)))?;
                // A totals row would be read as one more row of data; a
                // spreadsheet sums what it needs.
                let rows = t.rows.len() - usize::from(t.totals && !t.rows.is_empty());
                for row in &t.rows[..rows] {
                    w.write_record(
                        row.iter().map(|c| {
                            safe(&c.data(), matches!(c, Cell::Number(_) | Cell::Ratio(_)))
                        }),
                    )?;
                }
            }
            Block::Outline(lines) => {
                for (depth, line) in lines {
                    w.write_record([depth.to_string(), safe(line, false)])?;
                }
            }
            Block::FoldStart(_) | Block::FoldEnd | Block::Trailer(_) => {}
        }
    }
    finish(w, &mut first, out)
}
