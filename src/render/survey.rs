//! The 照会 workbook of `dx survey` (SPEC §7.3): 記入方法, 測定, 新規提案 and the
//! hidden `_dx`. The cells to fill are unlocked and carry their lists and
//! date or number validation; every other cell is locked by sheet
//! protection without a password (a guard rail, not security). Dates are
//! date cells and numbers numbers; strings are written as strings, so
//! nothing from a record can become a formula.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, Format, Formula,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use crate::report::survey::Survey;
use crate::sheets::{self, Column, meta};
use crate::vocab::ObservationStatus;

/// A4 in Excel's paper sizes.
const A4: u8 = 9;
/// Rows of 新規提案 that carry the lists (a sheet is longer if pasted into).
const PROPOSAL_ROWS: u32 = 500;

fn date(d: jiff::civil::Date) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(
        u16::try_from(d.year()).unwrap_or(1900),
        u8::try_from(d.month()).unwrap_or(1),
        u8::try_from(d.day()).unwrap_or(1),
    )
}

fn text(s: &str) -> std::borrow::Cow<'_, str> {
    crate::files::printable(s, true)
}

/// Print on A4, the header row repeated, and protect: formats and widths
/// may change, contents of locked cells may not.
fn setup(sheet: &mut Worksheet, name: &str, landscape: bool) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    sheet.set_paper_size(A4).set_print_fit_to_pages(1, 0);
    if landscape {
        sheet.set_landscape();
    }
    Ok(())
}

fn protect(sheet: &mut Worksheet, insert_rows: bool) {
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        insert_rows,
        delete_rows: insert_rows,
        ..ProtectionOptions::default()
    };
    sheet.protect_with_options(&options);
}

/// The header row of a sheet of columns; fill columns are unlocked below
/// it and shaded so that a person sees where to write.
fn header(sheet: &mut Worksheet, columns: &[Column], widths: &[f64]) -> Result<(), XlsxError> {
    let head = Format::new()
        .set_bold()
        .set_background_color("#E5E7EB")
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let head_fill = head.clone().set_background_color("#FEF3C7");
    let open = Format::new().set_unlocked().set_background_color("#FFFBEB");
    for (c, col) in columns.iter().enumerate() {
        let c16 = c as u16;
        sheet.set_column_width(c16, widths.get(c).copied().unwrap_or(14.0))?;
        if col.fill {
            sheet.set_column_format(c16, &open)?;
            sheet.write_string_with_format(0, c16, col.header, &head_fill)?;
        } else {
            sheet.write_string_with_format(0, c16, col.header, &head)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

fn list(range: &str, title: &str, message: &str) -> Result<DataValidation, XlsxError> {
    DataValidation::new()
        .allow_list_formula(Formula::new(range))
        .set_input_title(title)?
        .set_input_message(message)
}

/// `_dx!$G$2:$G$5`: a list the validations read from the hidden sheet.
fn list_range(col: u16, len: usize) -> String {
    let letters = sheets::column_letters(col as usize);
    format!(
        "={}!${letters}$2:${letters}${}",
        sheets::META,
        len.max(1) + 1
    )
}

fn guide(book: &mut Workbook, s: &Survey) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_font_size(14);
    let strong = Format::new().set_bold();
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let sheet = book.add_worksheet();
    setup(sheet, sheets::GUIDE, false)?;
    sheet.set_column_width(0, 16)?;
    sheet.set_column_width(1, 80)?;
    let o = &s.origin;
    let who = if o.department.is_empty() {
        "新規提案".to_owned()
    } else {
        o.department.clone()
    };
    let title = format!("{} {} 照会({who})", o.organization, s.guideline);
    sheet.write_string_with_format(0, 0, text(title.trim()).as_ref(), &bold)?;
    let mut r = 2u32;
    let date_format = Format::new()
        .set_num_format("yyyy\"年\"m\"月\"d\"日\"")
        .set_align(rust_xlsxwriter::FormatAlign::Left);
    if let Some(due) = s.due {
        sheet.write_string_with_format(r, 0, "回答期限", &strong)?;
        sheet.write_datetime_with_format(r, 1, &date(due)?, &date_format)?;
        r += 1;
    }
    if let Some(made) = o.made {
        sheet.write_string_with_format(r, 0, "作成日", &strong)?;
        sheet.write_datetime_with_format(r, 1, &date(made)?, &date_format)?;
        r += 1;
    }
    if !s.ask.is_empty() {
        sheet.write_string_with_format(r, 0, "問い合わせ先", &strong)?;
        sheet.write_string_with_format(r, 1, text(&s.ask.join("\n")).as_ref(), &wrap)?;
        r += 1;
    }
    r += 1;
    let mut steps: Vec<(&str, String)> = Vec::new();
    if !s.blank {
        steps.push((
            sheets::MEASURE,
            format!(
                "評価指標ごとに1行です。色のついた列(測定日・値・状況・出典・備考)だけを記入してください。\n\
                 ・測定日: 日付(例 2026/9/30。令和8年9月30日 でも可)\n\
                 ・値: 数値だけ(単位は「単位」の列にあります。40% なら 40 と書きます)\n\
                 ・状況: {}(測れなかったときは 評価不能 とし、値は空けます)\n\
                 ・測っていない指標の行は空けたままにしてください。",
                ObservationStatus::WORDS.join("・")
            ),
        ));
    }
    steps.push((
        sheets::PROPOSE,
        "新しい課題・手法があれば1行ずつ書きます。\n\
         ・仮ID: 新1、新2 のように行ごとの名前(手法の「解決する課題」で同じシートの課題を指すときに使います)\n\
         ・種別: 課題 か 手法、領域: 一覧から選びます\n\
         ・課題: ビジョン項目(例 kurashi-1)、現状、ギャップ\n\
         ・手法: 解決する課題(例 K-001 または 新1)、原則(例 P1、複数は P1, P3)\n\
         ・取り込むと、段階「検討」・庁内限定・所管はこの課の記録になります。"
            .to_owned(),
    ));
    steps.push((
        "ご注意",
        "シート名・見出し・灰色の列は変えないでください(取り込みで照合します)。\
         行の並べ替えや削除もしないでください。Excel のほか LibreOffice で保存したものも取り込めます。"
            .to_owned(),
    ));
    for (head, body) in steps {
        sheet.write_string_with_format(r, 0, head, &strong)?;
        sheet.write_string_with_format(r, 1, &body, &wrap)?;
        // Wrapped lines of an 80-wide column, in half-width units.
        let lines = body
            .lines()
            .map(|l| (unicode_width::UnicodeWidthStr::width(l) / 78 + 1) as f64)
            .sum::<f64>()
            .max(1.0);
        sheet.set_row_height(r, 15.0 * lines + 4.0)?;
        r += 1;
    }
    protect(sheet, false);
    sheet.set_active(true);
    Ok(())
}

fn measure(book: &mut Workbook, s: &Survey) -> Result<(), XlsxError> {
    use sheets::measure::*;
    let sheet = book.add_worksheet();
    setup(sheet, sheets::MEASURE, true)?;
    let widths = [
        8.0, 32.0, 24.0, 8.0, 9.0, 9.0, 12.0, 9.0, 13.0, 11.0, 13.0, 10.0, 10.0, 20.0, 24.0,
    ];
    header(sheet, &COLUMNS, &widths)?;
    let day = Format::new().set_num_format("yyyy-mm-dd");
    let open_day = Format::new()
        .set_num_format("yyyy-mm-dd")
        .set_unlocked()
        .set_background_color("#FFFBEB");
    sheet.set_column_format(DATE as u16, &open_day)?;
    for (i, row) in s.rows.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, ID as u16, text(&row.id).as_ref())?;
        sheet.write_string(r, TITLE as u16, text(&row.title).as_ref())?;
        sheet.write_string(r, INDICATOR as u16, text(&row.indicator).as_ref())?;
        sheet.write_string(r, UNIT as u16, text(&row.unit).as_ref())?;
        for (c, v) in [
            (BASELINE, row.baseline),
            (TARGET, row.target),
            (LATEST, row.latest),
        ] {
            if let Some(v) = v {
                sheet.write_number(r, c as u16, v)?;
            }
        }
        for (c, d) in [
            (TARGET_DATE, row.target_date),
            (LATEST_DATE, row.latest_date),
        ] {
            if let Some(d) = d {
                sheet.write_datetime_with_format(r, c as u16, &date(d)?, &day)?;
            }
        }
        if let Some(st) = row.latest_status {
            sheet.write_string(r, LATEST_STATUS as u16, st.as_str())?;
        }
    }
    let last = (s.rows.len() as u32).max(1);
    let dated = DataValidation::new()
        .allow_date(DataValidationRule::Between(
            ExcelDateTime::from_ymd(1990, 1, 1)?,
            ExcelDateTime::from_ymd(2099, 12, 31)?,
        ))
        .set_input_title("測定日")?
        .set_input_message("測った日付を書きます(例 2026/9/30)")?
        .set_error_title("日付ではありません")?
        .set_error_message("2026/9/30 のように日付を書いてください。")?;
    sheet.add_data_validation(1, DATE as u16, last, DATE as u16, &dated)?;
    let number = DataValidation::new()
        .allow_decimal_number(DataValidationRule::Between(-1.0e15, 1.0e15))
        .set_input_title("値")?
        .set_input_message(
            "数値だけを書きます。単位(%、件、分など)は書きません。40% なら 40 です。",
        )?
        .set_error_title("数値ではありません")?
        .set_error_message("数値だけを書いてください(単位は書きません。40% なら 40)。")?;
    sheet.add_data_validation(1, VALUE as u16, last, VALUE as u16, &number)?;
    let status = list(
        &list_range(meta::LIST_COLUMNS[0], ObservationStatus::WORDS.len()),
        "状況",
        "確定・速報・推計・評価不能から選びます。空けると確定です。",
    )?
    .set_error_title("一覧にない状況です")?
    .set_error_message("確定・速報・推計・評価不能から選んでください。")?;
    sheet.add_data_validation(1, STATUS as u16, last, STATUS as u16, &status)?;
    protect(sheet, false);
    Ok(())
}

fn propose(book: &mut Workbook, s: &Survey) -> Result<(), XlsxError> {
    use sheets::propose::*;
    let sheet = book.add_worksheet();
    setup(sheet, sheets::PROPOSE, true)?;
    let widths = [8.0, 8.0, 28.0, 32.0, 16.0, 16.0, 14.0, 32.0, 32.0];
    header(sheet, &COLUMNS, &widths)?;
    let last = PROPOSAL_ROWS;
    let kind = list(
        &list_range(meta::LIST_COLUMNS[1], 2),
        "種別",
        "課題 か 手法 を選びます。",
    )?
    .set_error_title("一覧にない種別です")?
    .set_error_message("課題 か 手法 を選んでください。")?;
    sheet.add_data_validation(1, KIND as u16, last, KIND as u16, &kind)?;
    let domain = list(
        &list_range(meta::LIST_COLUMNS[2], s.domains.len()),
        "領域",
        "記録を置く領域を一覧から選びます。",
    )?
    .set_error_title("一覧にない領域です")?
    .set_error_message("領域は一覧から選んでください。")?;
    sheet.add_data_validation(1, DOMAIN as u16, last, DOMAIN as u16, &domain)?;
    // Several principles are written by hand (P1, P3): the list helps with
    // one and only informs on more.
    let principles = list(
        &list_range(meta::LIST_COLUMNS[3], s.principles.len()),
        "原則",
        "手法が則る原則。一覧から選ぶか、複数なら P1, P3 のように書きます。",
    )?
    .set_error_style(DataValidationErrorStyle::Information)
    .set_error_title("原則")?
    .set_error_message("複数の原則は P1, P3 のように書けます。")?;
    sheet.add_data_validation(1, PRINCIPLES as u16, last, PRINCIPLES as u16, &principles)?;
    protect(sheet, true);
    Ok(())
}

/// The hidden sheet: where the workbook came from, one line per 測定 row
/// (record, indicator, hash of the record's file), and the lists.
fn meta_sheet(book: &mut Workbook, s: &Survey) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(sheets::META)?;
    let o = &s.origin;
    let made = o.made.map(|d| d.to_string()).unwrap_or_default();
    let pairs = [
        (meta::FORMAT, sheets::FORMAT_VERSION.to_string()),
        (meta::ORGANIZATION, o.organization.clone()),
        (meta::LG_CODE, o.lg_code.clone()),
        (meta::DEPARTMENT, o.department.clone()),
        (meta::MADE, made),
        (meta::REVISION, o.revision.clone()),
    ];
    for (r, (k, v)) in pairs.iter().enumerate() {
        sheet.write_string(r as u32, 0, *k)?;
        sheet.write_string(r as u32, 1, text(v).as_ref())?;
    }
    let head = meta::ROWS_START - 1;
    for (c, h) in [meta::ROWS, "record", "indicator", "stamp"]
        .iter()
        .enumerate()
    {
        sheet.write_string(head, c as u16, *h)?;
    }
    for (i, row) in s.rows.iter().enumerate() {
        let r = meta::ROWS_START + i as u32;
        sheet.write_number(r, 0, f64::from(i as u32 + 2))?;
        sheet.write_string(r, 1, text(&row.id).as_ref())?;
        sheet.write_string(r, 2, text(&row.indicator).as_ref())?;
        sheet.write_string(r, 3, format!("{:016x}", row.stamp))?;
    }
    let lists: [(&str, Vec<String>); 4] = [
        (
            "状況",
            ObservationStatus::WORDS
                .iter()
                .map(|w| (*w).to_owned())
                .collect(),
        ),
        ("種別", vec!["課題".to_owned(), "手法".to_owned()]),
        ("領域", s.domains.clone()),
        ("原則", s.principles.clone()),
    ];
    for ((name, items), col) in lists.iter().zip(meta::LIST_COLUMNS) {
        sheet.write_string(0, col, *name)?;
        for (i, item) in items.iter().enumerate() {
            sheet.write_string(i as u32 + 1, col, text(item).as_ref())?;
        }
    }
    sheet.protect();
    sheet.set_hidden(true);
    Ok(())
}

/// The workbook's bytes.
///
/// # Errors
/// When the workbook cannot be made.
pub fn workbook(s: &Survey) -> Result<Vec<u8>, XlsxError> {
    // The 照会 workbook is in Japanese, as the departments read it.
    let mut book = super::xlsx::new_workbook(crate::i18n::Lang::Ja)?;
    guide(&mut book, s)?;
    if !s.blank {
        measure(&mut book, s)?;
    }
    propose(&mut book, s)?;
    meta_sheet(&mut book, s)?;
    book.save_to_buffer()
}
