//! Reports as aligned text tables for the terminal.
//!
//! Borders are ASCII: box-drawing characters are "ambiguous width" and take
//! two columns in Japanese Windows consoles, which breaks alignment there.
//! Characters of ambiguous width in the cells (①, …, ※, —) are measured as
//! the terminal shows them: two columns in Japanese consoles ([`Ambiguous`]).
//! A cell line is cut at [`MAX_CELL`] characters, so that one title of a
//! million characters cannot pad every row of a list to its width.

use std::borrow::Cow;
use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use crate::report::doc::{Block, Cell, Doc, Table, clip};

/// The most characters one line of a cell shows on a terminal (Markdown,
/// CSV, JSON and the workbook keep the whole text).
pub const MAX_CELL: usize = 200;

/// How wide characters of East Asian "ambiguous" width are on the terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Ambiguous {
    /// One column (most terminals outside Japanese locales).
    Narrow,
    /// Two columns (Japanese Windows consoles, terminals set for CJK).
    Wide,
}

impl Ambiguous {
    /// The columns `s` takes.
    fn width(self, s: &str) -> usize {
        match self {
            Self::Narrow => s.width(),
            Self::Wide => s.width_cjk(),
        }
    }
}

/// The text of one cell as the terminal shows it.
fn cell<'a>(t: &Table, c: Option<&'a Cell>, col: usize) -> Cow<'a, str> {
    let text = match c.map(Cell::shown) {
        None => Cow::Borrowed(""),
        Some(Cow::Borrowed(s)) => crate::files::printable(s, true),
        Some(Cow::Owned(s)) => Cow::Owned(crate::files::printable(&s, true).into_owned()),
    };
    fit(t, text, col)
}

/// A heading as the terminal shows it.
fn header(t: &Table, col: usize) -> Cow<'_, str> {
    let text = t.headers.get(col).map_or("", String::as_str);
    fit(t, crate::files::printable(text, true), col)
}

/// A cell's text shortened where its column is clipped and every line to
/// [`MAX_CELL`] characters.
fn fit<'a>(t: &Table, text: Cow<'a, str>, col: usize) -> Cow<'a, str> {
    let text = match (t.clip.iter().find(|(c, _)| *c == col), text) {
        (Some((_, max)), text) => clip(&text, *max).into(),
        (None, text) => text,
    };
    if text.lines().all(|l| l.len() <= MAX_CELL) {
        // Bytes bound characters: nothing to count.
        return text;
    }
    let cut: Vec<String> = text.lines().map(|l| clip(l, MAX_CELL)).collect();
    cut.join("\n").into()
}

/// Write a table with ASCII borders, columns as wide as their widest line.
///
/// Written row by row into `out`, widths found in one pass before: a list
/// of a hundred thousand records is laid out in linear time and without a
/// second copy of its cells.
fn grid(t: &Table, amb: Ambiguous, out: &mut dyn Write) -> io::Result<()> {
    let ncols = t
        .rows
        .iter()
        .map(Vec::len)
        .chain([t.headers.len()])
        .max()
        .unwrap_or(0);

    let line_width = |s: &str| s.lines().map(|l| amb.width(l)).max().unwrap_or(0);
    let mut widths = vec![0usize; ncols];
    for (col, w) in widths.iter_mut().enumerate() {
        *w = t
            .rows
            .iter()
            .map(|row| line_width(&cell(t, row.get(col), col)))
            .chain([line_width(&header(t, col))])
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
    let write_row = |cells: Vec<Cow<'_, str>>, out: &mut dyn Write| -> io::Result<()> {
        let height = cells
            .iter()
            .map(|c| c.lines().count().max(1))
            .max()
            .unwrap_or(1);
        for line in 0..height {
            let mut text = String::from("|");
            for (col, c) in cells.iter().enumerate() {
                let part = c.lines().nth(line).unwrap_or("");
                let pad = " ".repeat(widths[col].saturating_sub(amb.width(part)));
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
    write_row((0..ncols).map(|c| header(t, c)).collect(), out)?;
    let inner: usize = widths
        .iter()
        .map(|w| w + 3)
        .sum::<usize>()
        .saturating_sub(1);
    writeln!(out, "+{}+", "=".repeat(inner))?;
    for row in &t.rows {
        write_row((0..ncols).map(|c| cell(t, row.get(c), c)).collect(), out)?;
    }
    writeln!(out, "{border}")
}

/// Write a report as text, characters of ambiguous width measured as `amb`.
pub fn text(doc: &Doc, amb: Ambiguous, out: &mut dyn Write) -> io::Result<()> {
    // Whatever a record or a file name holds, the terminal only shows it.
    let p = |s: &str| crate::files::printable(s, true).into_owned();
    writeln!(out, "{}", p(&doc.title))?;
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => writeln!(out, "\n■ {}", p(h))?,
            Block::Text(t) => writeln!(out, "{}", p(t))?,
            Block::Facts(facts) => {
                let width = facts.iter().map(|(k, _)| amb.width(k)).max().unwrap_or(0);
                for (k, v) in facts {
                    let pad = width - amb.width(k);
                    writeln!(out, "  {k}{}  {}", " ".repeat(pad), p(&v.shown()))?;
                }
            }
            // An empty table is said by the text before it (「なし」).
            Block::Table(t) if t.rows.is_empty() => {}
            Block::Table(t) => grid(t, amb, out)?,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn table(cells: &[&str]) -> Doc {
        Doc {
            blocks: vec![Block::Table(Table {
                headers: vec!["h".into()],
                rows: cells.iter().map(|c| vec![(*c).into()]).collect(),
                ..Table::default()
            })],
            ..Doc::new("t")
        }
    }

    /// The lines written; writing to memory cannot fail, and a failure
    /// would leave the lines short, which every test's comparison shows.
    fn lines(doc: &Doc, amb: Ambiguous) -> Vec<String> {
        let mut out = Vec::new();
        let _ = text(doc, amb, &mut out);
        String::from_utf8_lossy(&out)
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// ① is one column in most terminals and two in Japanese consoles:
    /// the padding follows what the terminal shows.
    #[test]
    fn ambiguous_characters_are_padded_as_the_terminal_shows_them() {
        let doc = table(&["①", "ab"]);
        assert_eq!(lines(&doc, Ambiguous::Narrow)[4], "| ①  |");
        assert_eq!(lines(&doc, Ambiguous::Wide)[4], "| ① |");
        assert_eq!(lines(&doc, Ambiguous::Wide)[5], "| ab |");
    }

    /// One cell of a million characters is cut on the terminal, so the
    /// rows around it are not padded to its width.
    #[test]
    fn a_huge_cell_is_cut() {
        let huge = "あ".repeat(1_000_000);
        let doc = table(&[&huge, "x"]);
        let out = lines(&doc, Ambiguous::Wide);
        // Two columns a character, the borders and spaces around.
        assert!(
            out.iter().all(|l| l.chars().count() <= MAX_CELL * 2 + 4),
            "{}",
            out[4].len()
        );
        assert!(out[4].contains('…'));
    }
}
