//! Reports as aligned text tables for the terminal.
//!
//! Borders are ASCII: box-drawing characters are "ambiguous width" and take
//! two columns in Japanese Windows consoles, which breaks alignment there.

use std::io::{self, Write};

use comfy_table::{CellAlignment, Table as Grid, presets};

use crate::report::doc::{Block, Doc, Table, clip};

fn grid(t: &Table) -> Grid {
    let mut g = Grid::new();
    g.load_style(presets::ASCII_FULL_CONDENSED).force_no_tty();
    g.set_header(t.headers.clone());
    for row in &t.rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, c)| match t.clip.iter().find(|(col, _)| *col == i) {
                Some((_, max)) => clip(c, *max),
                None => c.clone(),
            })
            .collect();
        g.add_row(cells);
    }
    for &c in &t.numeric {
        if let Some(col) = g.column_mut(c) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    g
}

/// Write a report as text.
pub fn text(doc: &Doc, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", doc.title)?;
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => writeln!(out, "\n■ {h}")?,
            Block::Text(t) => writeln!(out, "{t}")?,
            Block::Facts(facts) => {
                let width = facts
                    .iter()
                    .map(|(k, _)| unicode_width::UnicodeWidthStr::width(k.as_str()))
                    .max()
                    .unwrap_or(0);
                for (k, v) in facts {
                    let pad = width - unicode_width::UnicodeWidthStr::width(k.as_str());
                    writeln!(out, "  {k}{}  {v}", " ".repeat(pad))?;
                }
            }
            Block::Table(t) => writeln!(out, "{}", grid(t))?,
            Block::Outline(lines) => {
                for (depth, line) in lines {
                    writeln!(out, "{}{line}", "  ".repeat(*depth))?;
                }
            }
        }
    }
    Ok(())
}
