//! Reports as aligned text tables for the terminal.
//!
//! Borders are ASCII: box-drawing characters are "ambiguous width" and take
//! two columns in Japanese Windows consoles, which breaks alignment there.

use std::borrow::Cow;
use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use crate::report::doc::{Block, Doc, Table, clip};

/// The text of one cell, shortened where its column is clipped.
fn cell<'a>(t: &Table, row: &'a [String], col: usize) -> Cow<'a, str> {
    let text = crate::files::printable(row.get(col).map_or("", String::as_str), true);
    match (t.clip.iter().find(|(c, _)| *c == col), text) {
        (Some((_, max)), text) => clip(&text, *max).into(),
        (None, text) => text,
    }
}

/// Write a table with ASCII borders, columns as wide as their widest line.
///
/// Written row by row into `out`, widths found in one pass before: a list
/// of a hundred thousand records is laid out in linear time and without a
/// second copy of its cells.
fn grid(t: &Table, out: &mut dyn Write) -> io::Result<()> {
    let ncols = t
        .rows
        .iter()
        .map(Vec::len)
        .chain([t.headers.len()])
        .max()
        .unwrap_or(0);

    let line_width = |s: &str| s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
    let mut widths = vec![0usize; ncols];
    for (col, w) in widths.iter_mut().enumerate() {
        *w = std::iter::once(&t.headers)
            .chain(&t.rows)
            .map(|row| line_width(&cell(t, row, col)))
            .max()
            .unwrap_or(0);
    }
    let mut border = String::from("+");
    for w in &widths {
        border.push_str(&"-".repeat(w + 2));
        border.push('+');
    }
    writeln!(out, "{border}")?;
    let right = |col: usize| t.numeric.contains(&col);
    let write_row = |row: &[String], out: &mut dyn Write| -> io::Result<()> {
        let cells: Vec<Cow<'_, str>> = (0..ncols).map(|c| cell(t, row, c)).collect();
        let height = cells
            .iter()
            .map(|c| c.lines().count().max(1))
            .max()
            .unwrap_or(1);
        for line in 0..height {
            let mut text = String::from("|");
            for (col, c) in cells.iter().enumerate() {
                let part = c.lines().nth(line).unwrap_or("");
                let pad = " ".repeat(widths[col] - part.width());
                if right(col) {
                    text.push_str(&format!(" {pad}{part} |"));
                } else {
                    text.push_str(&format!(" {part}{pad} |"));
                }
            }
            writeln!(out, "{text}")?;
        }
        Ok(())
    };
    write_row(&t.headers, out)?;
    let inner: usize = widths
        .iter()
        .map(|w| w + 3)
        .sum::<usize>()
        .saturating_sub(1);
    writeln!(out, "+{}+", "=".repeat(inner))?;
    for row in &t.rows {
        write_row(row, out)?;
    }
    writeln!(out, "{border}")
}

/// Write a report as text.
pub fn text(doc: &Doc, out: &mut dyn Write) -> io::Result<()> {
    // Whatever a record or a file name holds, the terminal only shows it.
    let p = |s: &str| crate::files::printable(s, true).into_owned();
    writeln!(out, "{}", p(&doc.title))?;
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => writeln!(out, "\n■ {}", p(h))?,
            Block::Text(t) => writeln!(out, "{}", p(t))?,
            Block::Facts(facts) => {
                let width = facts.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
                for (k, v) in facts {
                    let pad = width - k.width();
                    writeln!(out, "  {k}{}  {}", " ".repeat(pad), p(v))?;
                }
            }
            // An empty table is said by the text before it (「なし」).
            Block::Table(t) if t.rows.is_empty() => {}
            Block::Table(t) => grid(t, out)?,
            Block::Outline(lines) => {
                for (depth, line) in lines {
                    writeln!(out, "{}{}", "  ".repeat(*depth), p(line))?;
                }
            }
            // A terminal shows everything.
            Block::FoldStart(_) | Block::FoldEnd => {}
            Block::Trailer(t) => writeln!(out, "{}", p(t))?,
        }
    }
    Ok(())
}
