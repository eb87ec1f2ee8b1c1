//! The Excel workbook of `dx export --format xlsx`: a sheet per table and
//! for the status and gap reports; the header row frozen, filters on,
//! dates as dates, numbers as numbers, columns sized for Japanese text,
//! A4 landscape. Every string is written as a string, so nothing in a
//! record can become a formula.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use crate::report::doc::{Block, Doc};
use crate::report::tables::{Cell, FlatTable, Tables};

/// A4 in Excel's paper sizes.
const A4: u8 = 9;

fn setup(sheet: &mut Worksheet, name: &str) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    sheet
        .set_landscape()
        .set_paper_size(A4)
        .set_print_fit_to_pages(1, 0);
    Ok(())
}

fn width(s: &str) -> f64 {
    // Excel's unit is about one half-width character; a little air.
    (s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0) as f64 + 2.0).min(60.0)
}

fn table_sheet(book: &mut Workbook, t: &FlatTable) -> Result<(), XlsxError> {
    let header = Format::new().set_bold().set_background_color("#E5E7EB");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let sheet = book.add_worksheet();
    setup(sheet, t.sheet)?;
    let mut widths: Vec<f64> = t.columns.iter().map(|c| width(c.title)).collect();
    for (col, c) in t.columns.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, c.title, &header)?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            let c = col as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(s) => {
                    let s = crate::files::printable(s, true);
                    sheet.write_string(r, c, s.as_ref())?;
                    widths[col] = widths[col].max(width(&s));
                }
                Cell::Number(n) => {
                    sheet.write_number(r, c, *n)?;
                }
                Cell::Integer(n) => {
                    sheet.write_number(r, c, *n as f64)?;
                }
                Cell::Date(d) => {
                    let when = ExcelDateTime::from_ymd(
                        u16::try_from(d.year()).unwrap_or(1900),
                        u8::try_from(d.month()).unwrap_or(1),
                        u8::try_from(d.day()).unwrap_or(1),
                    )?;
                    sheet.write_datetime_with_format(r, c, &when, &date)?;
                    widths[col] = widths[col].max(12.0);
                }
            }
        }
    }
    for (col, w) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *w)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    if !t.columns.is_empty() {
        sheet.autofilter(0, 0, t.rows.len() as u32, t.columns.len() as u16 - 1)?;
    }
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

/// A report's document on a sheet: headings in bold, tables with their
/// header row; numbers in numeric columns as numbers.
fn doc_sheet(book: &mut Workbook, name: &str, doc: &Doc) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let header = Format::new().set_bold().set_background_color("#E5E7EB");
    let sheet = book.add_worksheet();
    setup(sheet, name)?;
    let mut widths: Vec<f64> = Vec::new();
    let mut grow = |col: usize, s: &str| {
        if widths.len() <= col {
            widths.resize(col + 1, 8.0);
        }
        widths[col] = widths[col].max(width(s));
    };
    let mut r = 0u32;
    sheet.write_string_with_format(
        r,
        0,
        crate::files::printable(&doc.title, false).as_ref(),
        &bold,
    )?;
    r += 2;
    for block in &doc.blocks {
        match block {
            Block::Heading(h) | Block::FoldStart(h) => {
                sheet.write_string_with_format(
                    r,
                    0,
                    crate::files::printable(h, false).as_ref(),
                    &bold,
                )?;
                r += 1;
            }
            Block::Text(t) => {
                sheet.write_string(r, 0, crate::files::printable(t, true).as_ref())?;
                r += 2;
            }
            Block::Facts(facts) => {
                for (k, v) in facts {
                    sheet.write_string_with_format(r, 0, k, &bold)?;
                    sheet.write_string(r, 1, crate::files::printable(v, true).as_ref())?;
                    grow(0, k);
                    r += 1;
                }
                r += 1;
            }
            // An empty table is said by the text before it (「なし」).
            Block::Table(t) if t.rows.is_empty() => {}
            Block::Table(t) => {
                for (c, h) in t.headers.iter().enumerate() {
                    sheet.write_string_with_format(r, c as u16, h, &header)?;
                    grow(c, h);
                }
                r += 1;
                for i in 0..t.rows.len() {
                    for (c, cell) in t.data_row(i).into_iter().enumerate() {
                        match cell.parse::<f64>() {
                            Ok(n) if t.numeric.contains(&c) => {
                                sheet.write_number(r, c as u16, n)?;
                            }
                            _ => {
                                let s = crate::files::printable(cell, true);
                                sheet.write_string(r, c as u16, s.as_ref())?;
                                grow(c, &s);
                            }
                        }
                    }
                    r += 1;
                }
                r += 1;
            }
            Block::Outline(lines) => {
                for (depth, line) in lines {
                    sheet.write_string(
                        r,
                        *depth as u16,
                        crate::files::printable(line, false).as_ref(),
                    )?;
                    r += 1;
                }
            }
            Block::FoldEnd | Block::Trailer(_) => {}
        }
    }
    for (col, w) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *w)?;
    }
    Ok(())
}

/// The workbook's bytes: the tables, then the status and gap reports.
///
/// # Errors
/// When the workbook cannot be made (a sheet name Excel refuses).
pub fn workbook(tables: &Tables, reports: &[(&str, Doc)]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    for t in &tables.tables {
        table_sheet(&mut book, t)?;
    }
    for (name, doc) in reports {
        doc_sheet(&mut book, name, doc)?;
    }
    book.save_to_buffer()
}

/// One report's document as a workbook of one sheet (`--format xlsx` of
/// status, gap, list, tree, show and diff).
///
/// # Errors
/// When the workbook cannot be made.
pub fn document(doc: &Doc) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A sheet name: at most 31 characters, none of []:*?/\.
    let name: String = doc
        .title
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    doc_sheet(
        &mut book,
        if name.trim().is_empty() {
            "dx"
        } else {
            name.trim()
        },
        doc,
    )?;
    book.save_to_buffer()
}
