//! Reading an answered 照会: an xlsx as Excel or LibreOffice saved it
//! (calamine), or a CSV of the same columns (UTF-8 with or without BOM, or
//! Shift_JIS). Cells come out typed as the file has them; what they mean
//! is decided by the caller.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use jiff::civil::Date;

use crate::sheets::{self, Column, meta};

/// A cell as the file holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Nothing, or only spaces.
    Empty,
    /// Text, trimmed.
    Text(String),
    /// A number cell.
    Number(f64),
    /// A date cell.
    Date(Date),
    /// An error cell (`#N/A`) or something else that is no value.
    Other(String),
}

impl Value {
    /// Whether something is written.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        matches!(self, Self::Empty)
    }

    /// The cell as text, as a person would read it.
    #[must_use]
    pub fn text(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(s) | Self::Other(s) => s.clone(),
            Self::Number(n) => crate::vocab::cut(*n, 6).to_string(),
            Self::Date(d) => d.to_string(),
        }
    }
}

/// One sheet's rows, with its columns found by their headers.
#[derive(Clone, Debug)]
pub struct Grid {
    /// The sheet's name (`測定`), for naming cells.
    pub sheet: &'static str,
    /// Rows from the header row (row 0) down.
    pub rows: Vec<Vec<Value>>,
    /// For each of the layout's columns, the file's column.
    pub columns: Vec<Option<usize>>,
    /// The layout's headers, for naming a cell of a CSV.
    headers: Vec<&'static str>,
    /// Read from a CSV: cells are named by line and header.
    csv: bool,
}

impl Grid {
    /// The cell of a row in a column of the layout.
    #[must_use]
    pub fn get(&self, row: usize, col: usize) -> &Value {
        static EMPTY: Value = Value::Empty;
        self.columns
            .get(col)
            .copied()
            .flatten()
            .and_then(|c| self.rows.get(row)?.get(c))
            .unwrap_or(&EMPTY)
    }

    /// Where a cell of the layout's column is: `測定!L7`.
    #[must_use]
    pub fn name(&self, row: usize, col: usize) -> String {
        if self.csv {
            let header = self.headers.get(col).copied().unwrap_or_default();
            return format!("{}行目({header})", row + 1);
        }
        let c = self.columns.get(col).copied().flatten().unwrap_or(col);
        sheets::cell_name(self.sheet, row as u32, c)
    }

    /// Whether the layout's column is in the file.
    #[must_use]
    pub fn has(&self, col: usize) -> bool {
        self.columns.get(col).copied().flatten().is_some()
    }

    fn new(sheet: &'static str, rows: Vec<Vec<Value>>, layout: &[Column], csv: bool) -> Self {
        let header: HashMap<String, usize> = rows
            .first()
            .map(|r| {
                r.iter()
                    .enumerate()
                    .map(|(i, v)| (v.text().trim().to_owned(), i))
                    .collect()
            })
            .unwrap_or_default();
        let columns = layout
            .iter()
            .map(|c| header.get(c.header).copied())
            .collect();
        Self {
            sheet,
            rows,
            columns,
            headers: layout.iter().map(|c| c.header).collect(),
            csv,
        }
    }
}

/// What `_dx` says.
#[derive(Clone, Debug, Default)]
pub struct Meta {
    /// Key → value (column A → column B).
    pub pairs: HashMap<String, String>,
    /// 測定's row (1-based, as Excel numbers it) → (record, indicator,
    /// stamp) as dx wrote them.
    pub rows: HashMap<u32, (String, String, String)>,
}

/// An answered 照会.
#[derive(Clone, Debug, Default)]
pub struct Book {
    /// `_dx`, when the file is a workbook dx made.
    pub meta: Option<Meta>,
    /// 測定.
    pub measure: Option<Grid>,
    /// 新規提案.
    pub propose: Option<Grid>,
}

fn value(d: &Data) -> Value {
    match d {
        Data::Empty => Value::Empty,
        Data::String(s) | Data::DateTimeIso(s) if s.trim().is_empty() => Value::Empty,
        Data::String(s) => Value::Text(s.trim().to_owned()),
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Text(if *b { "TRUE" } else { "FALSE" }.to_owned()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            i16::try_from(y)
                .ok()
                .and_then(|y| Date::new(y, m as i8, day as i8).ok())
                .map_or_else(|| Value::Number(dt.as_f64()), Value::Date)
        }
        Data::DateTime(dt) => Value::Number(dt.as_f64()),
        // OpenDocument: `2026-09-30` or `2026-09-30T00:00:00`.
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| d.parse::<Date>().ok())
            .map_or_else(|| Value::Text(s.trim().to_owned()), Value::Date),
        Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Error(e) => Value::Other(format!("#{e}")),
    }
}

/// Columns read from a sheet: the layout has 15, a CSV or a pasted ledger
/// a few more; a stray cell far to the right is not read.
const MAX_COLUMNS: usize = 64;

/// A sheet's rows, streamed cell by cell from its XML (calamine's dense
/// range would allocate every cell between A1 and the last one: a stray
/// cell at XFD1048576 is 17 billion cells). Rows keep their numbers from
/// A1; only the first [`MAX_COLUMNS`] columns are read.
fn rows_of<RS: std::io::Read + std::io::Seek>(
    book: &mut Xlsx<RS>,
    name: &str,
) -> Result<Vec<Vec<Value>>, String> {
    let mut cells = book
        .worksheet_cells_reader(name)
        .map_err(|e| e.to_string())?;
    let mut rows: Vec<Vec<Value>> = Vec::new();
    while let Some(cell) = cells.next_cell().map_err(|e| e.to_string())? {
        let (r, c) = cell.get_position();
        let (r, c) = (r as usize, c as usize);
        let v = value(&Data::from(cell.get_value().clone()));
        if c >= MAX_COLUMNS || v.is_empty() {
            continue;
        }
        if rows.len() <= r {
            rows.resize_with(r + 1, Vec::new);
        }
        let row = &mut rows[r];
        if row.len() <= c {
            row.resize(c + 1, Value::Empty);
        }
        row[c] = v;
    }
    Ok(rows)
}

/// Read an xlsx.
///
/// # Errors
/// When the file is no workbook calamine can read; the reason in its words.
pub fn xlsx(bytes: &[u8]) -> Result<Book, String> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| e.to_string())?;
    let names = book.sheet_names();
    let mut out = Book::default();
    let mut read = |name: &str| -> Result<Option<Vec<Vec<Value>>>, String> {
        if !names.iter().any(|n| n == name) {
            return Ok(None);
        }
        rows_of(&mut book, name).map(Some)
    };
    if let Some(rows) = read(sheets::MEASURE)? {
        out.measure = Some(Grid::new(
            sheets::MEASURE,
            rows,
            &sheets::measure::COLUMNS,
            false,
        ));
    }
    if let Some(rows) = read(sheets::PROPOSE)? {
        out.propose = Some(Grid::new(
            sheets::PROPOSE,
            rows,
            &sheets::propose::COLUMNS,
            false,
        ));
    }
    if let Some(rows) = read(sheets::META)? {
        let mut m = Meta::default();
        for (r, row) in rows.iter().enumerate() {
            let cell = |c: usize| row.get(c).map(Value::text).unwrap_or_default();
            if (r as u32) < meta::ROWS_START - 1 {
                if !cell(0).is_empty() {
                    m.pairs.insert(cell(0), cell(1));
                }
            } else if (r as u32) >= meta::ROWS_START
                && let Value::Number(n) = row.first().unwrap_or(&Value::Empty)
            {
                m.rows.insert(*n as u32, (cell(1), cell(2), cell(3)));
            }
        }
        out.meta = Some(m);
    }
    Ok(out)
}

/// Text of a CSV: UTF-8 (a BOM dropped), else Shift_JIS as Excel and
/// kintone write it.
fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_owned());
    }
    let (text, _, errors) = encoding_rs::SHIFT_JIS.decode(bytes);
    if errors {
        return Err("UTF-8 でも Shift_JIS でもありません".to_owned());
    }
    Ok(text.into_owned())
}

/// Read a CSV: its header row says which sheet it stands for (測定日 →
/// 測定, 仮ID or 種別 → 新規提案).
///
/// # Errors
/// When it is neither UTF-8 nor Shift_JIS, or not CSV.
pub fn csv(bytes: &[u8]) -> Result<Book, String> {
    let text = decode(bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        rows.push(
            record
                .iter()
                .map(|c| {
                    let c = c.trim();
                    if c.is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(c.to_owned())
                    }
                })
                .collect(),
        );
    }
    let headers: Vec<String> = rows
        .first()
        .map(|r: &Vec<Value>| r.iter().map(Value::text).collect())
        .unwrap_or_default();
    let has = |h: &str| headers.iter().any(|x| x == h);
    let mut out = Book::default();
    if has(sheets::measure::COLUMNS[sheets::measure::DATE].header) {
        out.measure = Some(Grid::new(
            sheets::MEASURE,
            rows,
            &sheets::measure::COLUMNS,
            true,
        ));
    } else if has(sheets::propose::COLUMNS[sheets::propose::KIND].header)
        || has(sheets::propose::COLUMNS[sheets::propose::TEMP_ID].header)
    {
        out.propose = Some(Grid::new(
            sheets::PROPOSE,
            rows,
            &sheets::propose::COLUMNS,
            true,
        ));
    }
    Ok(out)
}
