//! Excel workbooks: `dx export --format xlsx` (a sheet per flat table, then
//! the status and gap reports) and `--format xlsx` of every report (a sheet
//! per table of the report). Every table sheet has its header row frozen
//! and a filter on it; dates are dates, numbers numbers, percentages
//! formatted as percentages; A4 landscape with the report's title and page
//! numbers on every printed page. Every string is written as a string, so
//! nothing in a record can become a formula. A text over Excel's limit of
//! 32,767 characters a cell is cut with a visible marker and listed on a
//! 注意 sheet: the workbook is still written, the whole text stays in JSON
//! and the tables.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use crate::i18n::Lang;
use crate::report::doc::{Block, Cell, Doc, Section, Table};
use crate::report::tables::{self, FlatTable, Shown, Tables};

/// A4 in Excel's paper sizes.
const A4: u8 = 9;

/// The characters one cell holds in Excel.
const CELL_LIMIT: usize = 32_767;

/// The texts cut to fit a cell: (the cell, as `台帳!F12`; the row's first
/// cell, its ID in a table of records; its length in characters).
#[derive(Default)]
struct Cuts(Vec<(String, String, usize)>);

/// The workbook's formats, made once.
struct Formats {
    header: Format,
    bold: Format,
    date: Format,
    percent: Format,
    ratio: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            header: Format::new().set_bold().set_background_color("#E5E7EB"),
            bold: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            percent: Format::new().set_num_format("0%"),
            ratio: Format::new().set_num_format("0.00"),
        }
    }
}

/// Page setup: A4 landscape, as wide as one page, the title at the top of
/// every printed page and its number at the foot.
fn setup(sheet: &mut Worksheet, name: &str, title: &str) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    // `&` starts a code in Excel's header and footer: doubled, it is one.
    let title: String = crate::files::printable(title, false)
        .replace('&', "&&")
        .chars()
        .take(200)
        .collect();
    sheet
        .set_landscape()
        .set_paper_size(A4)
        .set_print_fit_to_pages(1, 0)
        .set_header(format!("&L{title}"))
        .set_footer("&C&P / &N");
    Ok(())
}

fn width(s: &str) -> f64 {
    // Excel's unit is about one half-width character; a little air.
    (s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0) as f64 + 2.0).min(60.0)
}

/// A value of the tables as people read it in the workbook: kinds,
/// visibilities and link keys in words (the ID columns stay as they are).
fn shown_text(s: &str, shown: Shown, lang: Lang) -> &str {
    let l = lang.labels();
    let word = match shown {
        Shown::Kind => crate::vocab::Kind::from_word(s).map(|k| lang.kind(k)),
        Shown::Visibility => Some((l.visibility_word)(s)),
        Shown::LinkKey => crate::names::Relation::parse(s).map(l.relation),
        Shown::Plain | Shown::Percent | Shown::Ratio => None,
    };
    word.filter(|w| !w.is_empty()).unwrap_or(s)
}

/// A text as a cell takes it: printable, and cut with a marker when over
/// Excel's limit (the cut is listed in `cuts`).
fn fit(s: &str, lang: Lang, at: (&str, u32, u16), first: &str, cuts: &mut Cuts) -> String {
    let s = crate::files::printable(s, true);
    let chars = s.chars().count();
    if chars <= CELL_LIMIT {
        return s.into_owned();
    }
    let marker = (lang.words().cell_cut)(chars);
    let keep = CELL_LIMIT - marker.chars().count();
    let mut out: String = s.chars().take(keep).collect();
    out.push_str(&marker);
    let (sheet, row, col) = at;
    cuts.0.push((
        crate::sheets::cell_name(sheet, row, usize::from(col)),
        first.to_owned(),
        chars,
    ));
    out
}

/// A workbook, once the temporary folder is known to take files: every
/// sheet keeps one there (the writer's constant-memory mode), and the
/// writer cannot say so itself when it cannot make one.
///
/// # Errors
/// When no temporary file can be made (`TMPDIR` unwritable or full), said
/// in `lang`.
pub fn new_workbook(lang: Lang) -> Result<Workbook, XlsxError> {
    tempfile::tempfile().map_err(|e| {
        XlsxError::CustomError((lang.words().temp_unwritable)(
            &std::env::temp_dir().display().to_string(),
            &e.to_string(),
        ))
    })?;
    Ok(Workbook::new())
}

fn excel_date(d: jiff::civil::Date) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(
        u16::try_from(d.year()).unwrap_or(1900),
        u8::try_from(d.month()).unwrap_or(1),
        u8::try_from(d.day()).unwrap_or(1),
    )
}

fn table_sheet(
    book: &mut Workbook,
    f: &Formats,
    t: &FlatTable,
    lang: Lang,
    cuts: &mut Cuts,
) -> Result<(), XlsxError> {
    // Row by row, each flushed to a temporary file as the next begins: a
    // table of a hundred thousand records is never held as cells. Column
    // widths and the filter are written when the workbook is saved.
    let sheet = book.add_worksheet_with_constant_memory();
    setup(sheet, t.sheet, t.sheet)?;
    let mut widths: Vec<f64> = t.columns.iter().map(|c| width(c.title)).collect();
    for (col, c) in t.columns.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, c.title, &f.header)?;
    }
    // The record a row is about, to name it on the 注意 sheet.
    let id_col = t
        .columns
        .iter()
        .position(|c| c.name == "id" || c.name == "record");
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 1;
        let first = match id_col.and_then(|i| row.get(i)) {
            Some(tables::Cell::Text(s)) => s.as_str(),
            _ => "",
        };
        for (col, cell) in row.iter().enumerate() {
            let c = col as u16;
            let shown = t.columns.get(col).map_or(Shown::Plain, |c| c.shown);
            match cell {
                tables::Cell::Empty => {}
                tables::Cell::Text(s) => {
                    let s = fit(
                        shown_text(s, shown, lang),
                        lang,
                        (t.sheet, r, c),
                        first,
                        cuts,
                    );
                    sheet.write_string(r, c, &s)?;
                    widths[col] = widths[col].max(width(&s));
                }
                // Cut towards minus infinity to what is shown, as dx shows
                // it everywhere: Excel would round 37.8 % up to 38 %.
                tables::Cell::Number(n) => match shown {
                    Shown::Percent => {
                        let v = crate::vocab::cut(*n, 2);
                        sheet.write_number_with_format(r, c, v, &f.percent)?;
                    }
                    Shown::Ratio => {
                        let v = crate::vocab::cut(*n, 2);
                        sheet.write_number_with_format(r, c, v, &f.ratio)?;
                    }
                    _ => {
                        sheet.write_number(r, c, *n)?;
                    }
                },
                tables::Cell::Integer(n) => {
                    sheet.write_number(r, c, *n as f64)?;
                }
                tables::Cell::Date(d) => {
                    sheet.write_datetime_with_format(r, c, &excel_date(*d)?, &f.date)?;
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

/// One cell of a report, written by its type: a number as a number, a
/// date as a date, a percentage as the ratio shown (37% as 0.37) formatted
/// as a percentage, a thing people read by name as its ID; text as text,
/// and nothing for an empty cell or a percentage that cannot be worked out.
/// Returns the text written, for the column's width.
fn typed_cell(
    sheet: &mut Worksheet,
    f: &Formats,
    (r, c): (u32, u16),
    cell: &Cell,
    lang: Lang,
    (name, first): (&str, &str),
    cuts: &mut Cuts,
) -> Result<Option<String>, XlsxError> {
    let mut text = |sheet: &mut Worksheet, s: &str| -> Result<Option<String>, XlsxError> {
        if s.is_empty() {
            return Ok(None);
        }
        let s = fit(s, lang, (name, r, c), first, cuts);
        sheet.write_string(r, c, &s)?;
        Ok(Some(s))
    };
    match cell {
        Cell::Date(d) => {
            sheet.write_datetime_with_format(r, c, &excel_date(*d)?, &f.date)?;
        }
        Cell::Percent(None) => {}
        // Cut as shown, not rounded: Excel would show 37.8 % as 38 %.
        Cell::Percent(Some(x)) => {
            let shown = crate::vocab::cut(x * 100.0, 0) / 100.0;
            sheet.write_number_with_format(r, c, shown, &f.percent)?;
        }
        Cell::Number(n) => {
            sheet.write_number(r, c, *n)?;
        }
        Cell::Ratio(x) => {
            sheet.write_number_with_format(r, c, crate::vocab::cut(*x, 2), &f.ratio)?;
        }
        Cell::Year { year, .. } => {
            sheet.write_number(r, c, f64::from(*year))?;
        }
        Cell::Text(s) | Cell::Id(s) => return text(sheet, s),
        Cell::Named(n) => return text(sheet, &n.id),
    }
    Ok(None)
}

/// A table on a sheet from `top`: its header row, then its rows as data
/// formats write them (IDs where people read names), typed by column.
/// Returns the row after it and the widths its cells ask.
#[allow(clippy::too_many_arguments)]
fn write_table(
    sheet: &mut Worksheet,
    f: &Formats,
    t: &Table,
    top: u32,
    name: &str,
    lang: Lang,
    widths: &mut Vec<f64>,
    cuts: &mut Cuts,
) -> Result<u32, XlsxError> {
    let mut grow = |col: usize, s: &str| {
        if widths.len() <= col {
            widths.resize(col + 1, 8.0);
        }
        widths[col] = widths[col].max(width(s));
    };
    for (c, h) in t.headers.iter().enumerate() {
        sheet.write_string_with_format(top, c as u16, h, &f.header)?;
        grow(c, h);
    }
    let mut r = top + 1;
    for row in &t.rows {
        let first = row.first().map(Cell::data).unwrap_or_default();
        for (c, cell) in row.iter().enumerate() {
            let at = (r, c as u16);
            if let Some(s) = typed_cell(sheet, f, at, cell, lang, (name, &first), cuts)? {
                grow(c, &s);
            }
            if matches!(cell, Cell::Date(_)) {
                grow(c, "2026-03-31__");
            }
        }
        r += 1;
    }
    Ok(r)
}

/// A report's document on one sheet, block after block (the status and
/// gap reports of the export's workbook): headings in bold, each table
/// typed by column.
fn doc_sheet(
    book: &mut Workbook,
    f: &Formats,
    name: &str,
    doc: &Doc,
    lang: Lang,
    cuts: &mut Cuts,
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    setup(sheet, name, &doc.title)?;
    let mut widths: Vec<f64> = Vec::new();
    let mut r = 0u32;
    sheet.write_string_with_format(
        r,
        0,
        crate::files::printable(&doc.title, false).as_ref(),
        &f.bold,
    )?;
    r += 2;
    for block in &doc.blocks {
        match block {
            Block::Heading(h) | Block::FoldStart(h) => {
                sheet.write_string_with_format(
                    r,
                    0,
                    crate::files::printable(h, false).as_ref(),
                    &f.bold,
                )?;
                r += 1;
            }
            Block::Text(t) => {
                sheet.write_string(r, 0, fit(t, lang, (name, r, 0), "", cuts))?;
                r += 2;
            }
            Block::Facts(facts) => {
                for (k, v) in facts {
                    sheet.write_string_with_format(r, 0, k, &f.bold)?;
                    typed_cell(sheet, f, (r, 1), v, lang, (name, k), cuts)?;
                    if widths.is_empty() {
                        widths.push(8.0);
                    }
                    widths[0] = widths[0].max(width(k));
                    r += 1;
                }
                r += 1;
            }
            // An empty table is said by the text before it (「なし」).
            Block::Table(t) if t.rows.is_empty() => {}
            Block::Table(t) => {
                r = write_table(sheet, f, t, r, name, lang, &mut widths, cuts)? + 1;
            }
            Block::Outline(lines) => {
                for (depth, line) in lines {
                    let s = fit(line, lang, (name, r, *depth as u16), "", cuts);
                    sheet.write_string(r, *depth as u16, &s)?;
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

/// A sheet name Excel takes: at most 31 characters, none of `[]:*?/\`,
/// not blank, not one used already.
fn sheet_name(wanted: &str, used: &mut Vec<String>) -> String {
    let clean: String = wanted
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') && !c.is_control())
        .collect();
    let clean = clean.trim().trim_matches('\'');
    let base: String = if clean.is_empty() { "dx" } else { clean }
        .chars()
        .take(31)
        .collect();
    let mut name = base.clone();
    let mut n = 2;
    // Excel compares sheet names without case.
    while used.iter().any(|u| u.to_lowercase() == name.to_lowercase()) {
        let suffix = format!(" ({n})");
        let room = 31 - suffix.chars().count();
        name = base.chars().take(room).collect::<String>() + &suffix;
        n += 1;
    }
    used.push(name.clone());
    name
}

/// One section of a report on a sheet of its own: a table (or a list of
/// labelled values as a table of 項目 and 値) from the first row, its header
/// frozen and filtered; an outline as indented rows.
fn section_sheet(
    book: &mut Workbook,
    f: &Formats,
    doc: &Doc,
    s: &Section<'_>,
    name: &str,
    lang: Lang,
    cuts: &mut Cuts,
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    let title = if s.heading == doc.title {
        doc.title.clone()
    } else {
        format!("{} — {}", doc.title, s.heading)
    };
    setup(sheet, name, &title)?;
    let facts;
    let table = match s.block {
        Block::Table(t) => t,
        Block::Facts(list) => {
            facts = Table {
                headers: vec![
                    lang.diff_labels().what.to_owned(),
                    lang.labels().value.to_owned(),
                ],
                rows: list
                    .iter()
                    .map(|(k, v)| vec![k.clone().into(), v.clone()])
                    .collect(),
                ..Table::default()
            };
            &facts
        }
        Block::Outline(lines) => {
            for (r, (depth, line)) in lines.iter().enumerate() {
                let r = r as u32;
                let s = fit(line, lang, (name, r, *depth as u16), "", cuts);
                sheet.write_string(r, *depth as u16, &s)?;
            }
            let depth = lines.iter().map(|(d, _)| *d).max().unwrap_or(0);
            for c in 0..=depth {
                sheet.set_column_width(c as u16, 4.0)?;
            }
            return Ok(());
        }
        _ => return Ok(()),
    };
    let mut widths = Vec::new();
    let end = write_table(sheet, f, table, 0, name, lang, &mut widths, cuts)?;
    for (col, w) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *w)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    if !table.headers.is_empty() {
        sheet.autofilter(0, 0, end.saturating_sub(1), table.headers.len() as u16 - 1)?;
    }
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

/// The 注意 sheet: every text cut to fit a cell, where, and how long it is.
fn cuts_sheet(book: &mut Workbook, f: &Formats, cuts: &Cuts, lang: Lang) -> Result<(), XlsxError> {
    if cuts.0.is_empty() {
        return Ok(());
    }
    let w = lang.words();
    let sheet = book.add_worksheet();
    setup(sheet, w.cuts_sheet, w.cuts_sheet)?;
    for (c, h) in w.cuts_headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &f.header)?;
    }
    for (i, (cell, first, chars)) in cuts.0.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, crate::files::printable(cell, false).as_ref())?;
        sheet.write_string(r, 1, crate::files::printable(first, false).as_ref())?;
        sheet.write_number(r, 2, *chars as f64)?;
    }
    for (c, wd) in [24.0, 16.0, 12.0].iter().enumerate() {
        sheet.set_column_width(c as u16, *wd)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, cuts.0.len() as u32, 2)?;
    // Opened on this sheet: what was cut is the first thing seen.
    sheet.set_active(true);
    Ok(())
}

/// The workbook's bytes: the tables, then the status and gap reports.
///
/// # Errors
/// When the workbook cannot be made (a sheet name Excel refuses).
pub fn workbook(
    tables: &Tables,
    reports: &[(&str, Doc)],
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = new_workbook(lang)?;
    let f = Formats::new();
    let mut cuts = Cuts::default();
    for t in &tables.tables {
        table_sheet(&mut book, &f, t, lang, &mut cuts)?;
    }
    for (name, doc) in reports {
        doc_sheet(&mut book, &f, name, doc, lang, &mut cuts)?;
    }
    cuts_sheet(&mut book, &f, &cuts, lang)?;
    book.save_to_buffer()
}

/// One report's document as a workbook (`--format xlsx` of status, gap,
/// list, tree, show and diff): a sheet for each of its tables, named by its
/// heading.
///
/// # Errors
/// When the workbook cannot be made.
pub fn document(doc: &Doc, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = new_workbook(lang)?;
    let f = Formats::new();
    let mut cuts = Cuts::default();
    let sections = doc.sections();
    let mut used = Vec::new();
    for s in &sections {
        let wanted = if sections.len() == 1 {
            &doc.title
        } else {
            s.heading
        };
        let name = sheet_name(wanted, &mut used);
        section_sheet(&mut book, &f, doc, s, &name, lang, &mut cuts)?;
    }
    if sections.is_empty() {
        // A report with nothing but text: one sheet that says so.
        let name = sheet_name(&doc.title, &mut used);
        doc_sheet(&mut book, &f, &name, doc, lang, &mut cuts)?;
    }
    cuts_sheet(&mut book, &f, &cuts, lang)?;
    book.save_to_buffer()
}
