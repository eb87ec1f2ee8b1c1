//! The 照会 workbook's shape (SPEC §7.3): sheet names, columns and the keys
//! of the hidden `_dx` sheet. `dx survey` writes it and `dx import` reads it
//! back; both read this one table, so they cannot drift apart.
//!
//! Columns are found again by their header text, not their place: a CSV
//! (kintone, a city's own ledger) may order them as it likes.

/// Version of the workbook's layout; `dx import` refuses a newer one.
pub const FORMAT_VERSION: u32 = 1;

/// The sheet that says what to fill and by when.
pub const GUIDE: &str = "記入方法";
/// One row per indicator to measure.
pub const MEASURE: &str = "測定";
/// Any number of rows proposing 課題 and 手法.
pub const PROPOSE: &str = "新規提案";
/// The hidden sheet: where the workbook came from, and the lists.
pub const META: &str = "_dx";

/// A column of a sheet: its header and whether the department fills it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// The header, as the sheet shows it.
    pub header: &'static str,
    /// A cell the department writes (unlocked), or one dx wrote (locked).
    pub fill: bool,
}

const fn given(header: &'static str) -> Column {
    Column {
        header,
        fill: false,
    }
}

const fn fill(header: &'static str) -> Column {
    Column { header, fill: true }
}

/// The columns of 測定, in order.
pub mod measure {
    use super::{Column, fill, given};

    /// The record's ID.
    pub const ID: usize = 0;
    /// The record's title.
    pub const TITLE: usize = 1;
    /// The indicator's name.
    pub const INDICATOR: usize = 2;
    /// Its unit.
    pub const UNIT: usize = 3;
    /// Baseline.
    pub const BASELINE: usize = 4;
    /// Target.
    pub const TARGET: usize = 5;
    /// Target date.
    pub const TARGET_DATE: usize = 6;
    /// The latest value recorded.
    pub const LATEST: usize = 7;
    /// Its date.
    pub const LATEST_DATE: usize = 8;
    /// Its status.
    pub const LATEST_STATUS: usize = 9;
    /// To fill: the date measured.
    pub const DATE: usize = 10;
    /// To fill: the value.
    pub const VALUE: usize = 11;
    /// To fill: 確定, 速報, 推計 or 評価不能.
    pub const STATUS: usize = 12;
    /// To fill: where the value comes from.
    pub const SOURCE: usize = 13;
    /// To fill: a note.
    pub const NOTE: usize = 14;

    /// Every column.
    pub const COLUMNS: [Column; 15] = [
        given("ID"),
        given("件名"),
        given("評価指標"),
        given("単位"),
        given("基準値"),
        given("目標値"),
        given("目標期日"),
        given("最新の値"),
        given("最新の測定日"),
        given("最新の状況"),
        fill("測定日"),
        fill("値"),
        fill("状況"),
        fill("出典"),
        fill("備考"),
    ];
}

/// The columns of 新規提案, in order.
pub mod propose {
    use super::{Column, fill};

    /// The row's own name for the proposal (新1), for links between rows.
    pub const TEMP_ID: usize = 0;
    /// 課題 or 手法.
    pub const KIND: usize = 1;
    /// The 領域 (`kurashi/online` and its name).
    pub const DOMAIN: usize = 2;
    /// The title.
    pub const TITLE: usize = 3;
    /// 課題: ビジョン items.
    pub const VISION: usize = 4;
    /// 手法: 課題 solved (IDs or 仮IDs).
    pub const SOLVES: usize = 5;
    /// 手法: 原則.
    pub const PRINCIPLES: usize = 6;
    /// 課題: 現状.
    pub const CURRENT: usize = 7;
    /// 課題: ギャップ.
    pub const GAP: usize = 8;

    /// Every column: all of them filled by the department.
    pub const COLUMNS: [Column; 9] = [
        fill("仮ID"),
        fill("種別"),
        fill("領域"),
        fill("件名"),
        fill("ビジョン項目"),
        fill("解決する課題"),
        fill("原則"),
        fill("現状"),
        fill("ギャップ"),
    ];
}

/// Keys of the `_dx` sheet (column A, value in column B).
pub mod meta {
    /// The layout version.
    pub const FORMAT: &str = "format";
    /// dx.toml `[tree] organization`.
    pub const ORGANIZATION: &str = "organization";
    /// dx.toml `[tree] lg_code`.
    pub const LG_CODE: &str = "lg_code";
    /// The 所管課 the workbook was made for.
    pub const DEPARTMENT: &str = "department";
    /// The day it was made.
    pub const MADE: &str = "made";
    /// The git revision of the tree, when there is one.
    pub const REVISION: &str = "revision";
    /// The header of the rows table: one row per 測定 row, with the record,
    /// the indicator and the hash of the record's file as it was.
    pub const ROWS: &str = "rows";
    /// The first row (0-based) of the rows table, below its header.
    pub const ROWS_START: u32 = 9;
    /// Columns of the lists the validations read (状況, 種別, 領域, 原則).
    pub const LIST_COLUMNS: [u16; 4] = [6, 7, 8, 9];
}

/// Where a cell is, as Excel names it: `測定!L7`.
#[must_use]
pub fn cell_name(sheet: &str, row: u32, col: usize) -> String {
    format!("{sheet}!{}{}", column_letters(col), row + 1)
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`.
#[must_use]
pub fn column_letters(col: usize) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_excel_names_them() {
        assert_eq!(cell_name(MEASURE, 6, measure::VALUE), "測定!L7");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn headers_are_distinct() {
        let mut all: Vec<&str> = measure::COLUMNS.iter().map(|c| c.header).collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), measure::COLUMNS.len());
    }
}
