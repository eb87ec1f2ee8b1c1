//! The 照会 round trip (SPEC §7.3): `dx survey` makes a workbook, a
//! department answers it (here: the workbook read back and written again
//! by another writer, with the answers typed as offices type them), and
//! `dx import` takes it in all or nothing. scripts/survey-check.sh runs the
//! same trip through openpyxl and LibreOffice in CI.

mod common;

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use common::{dx_on, snapshot};
use rust_xlsxwriter::{ExcelDateTime, Workbook};

const DAY: &str = "2026-12-02";

/// A fixture tree whose S-001 is owned by 市民課 and keeps its history as
/// observations, so that an import only appends.
fn tree() -> tempfile::TempDir {
    let dir = common::tree(None);
    let s001 = dir.path().join("kurashi/online/S-001.toml");
    let text = std::fs::read_to_string(&s001).expect("S-001");
    let text = text
        .replace(
            "stage = \"運用\"\n",
            "stage = \"運用\"\n# 所管は市民課\nowner = \"市民課\"\n",
        )
        .replace(
            "actual = 22.0\nmeasured = 2026-09-30\n",
            "\n[[indicator.observation]]\ndate = 2026-09-30\nvalue = 22.0\n",
        );
    std::fs::write(&s001, text).expect("write S-001");
    dir
}

/// `dx survey --owner 市民課` into `out`: the workbook's bytes.
fn survey(root: &Path, out: &Path) -> Vec<u8> {
    let path = out.join("made.xlsx");
    let (code, stdout, stderr) = dx_on(
        root,
        DAY,
        &[
            "survey",
            "--owner",
            "市民課",
            "--due",
            "2026-12-25",
            "-o",
            path.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("市民課、評価指標 1 行"), "{stdout}");
    std::fs::read(&path).expect("workbook written")
}

/// A cell as a department leaves it.
#[derive(Clone)]
enum Answer {
    Text(&'static str),
    Number(f64),
    Date(u16, u8, u8),
}

/// The workbook read back and written again with `answers` (sheet, row,
/// column, 0-based) put in, as another program would save it.
fn answered(made: &[u8], answers: &[(&str, u32, u16, Answer)]) -> Vec<u8> {
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(made)).expect("opens");
    let mut out = Workbook::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).expect("sheet");
        let sheet = out.add_worksheet();
        sheet.set_name(&name).expect("name");
        if name == "_dx" {
            sheet.set_hidden(true);
        }
        for (r, c, v) in range.used_cells() {
            let (r, c) = (r as u32, c as u16);
            match v {
                Data::String(s) => sheet.write_string(r, c, s).map(|_| ()),
                Data::Float(f) => sheet.write_number(r, c, *f).map(|_| ()),
                Data::Int(i) => sheet.write_number(r, c, *i as f64).map(|_| ()),
                Data::DateTime(d) => sheet.write_number(r, c, d.as_f64()).map(|_| ()),
                _ => Ok(()),
            }
            .expect("cell");
        }
        for (sheet_name, r, c, a) in answers {
            if *sheet_name != name {
                continue;
            }
            let date_format = rust_xlsxwriter::Format::new().set_num_format("yyyy/m/d");
            match a {
                Answer::Text(s) => sheet.write_string(*r, *c, *s).map(|_| ()),
                Answer::Number(n) => sheet.write_number(*r, *c, *n).map(|_| ()),
                Answer::Date(y, m, d) => sheet
                    .write_datetime_with_format(
                        *r,
                        *c,
                        ExcelDateTime::from_ymd(*y, *m, *d).expect("date"),
                        &date_format,
                    )
                    .map(|_| ()),
            }
            .expect("answer");
        }
    }
    out.save_to_buffer().expect("saved")
}

fn import(root: &Path, book: &[u8], extra: &[&str]) -> (i32, String) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("answer.xlsx");
    std::fs::write(&path, book).expect("write answer");
    let mut args = vec!["import"];
    args.extend_from_slice(extra);
    args.push(path.to_str().expect("utf-8"));
    let (code, out, err) = dx_on(root, DAY, &args);
    (code, out + &err)
}

// 測定's columns: K 測定日, L 値, M 状況, N 出典, O 備考.
const DATE: u16 = 10;
const VALUE: u16 = 11;
const STATUS: u16 = 12;
const SOURCE: u16 = 13;

#[test]
fn a_department_answers_and_the_import_records_exactly_that() {
    let t = tree();
    let root = t.path();
    let out = tempfile::tempdir().expect("out");
    let made = survey(root, out.path());
    let book = answered(
        &made,
        &[
            ("測定", 1, DATE, Answer::Text("R8.11.30")),
            ("測定", 1, VALUE, Answer::Text("４５")),
            ("測定", 1, STATUS, Answer::Text("速報")),
            ("測定", 1, SOURCE, Answer::Text("電子申請システムの月報")),
            ("新規提案", 1, 0, Answer::Text("新1")),
            ("新規提案", 1, 1, Answer::Text("課題")),
            (
                "新規提案",
                1,
                2,
                Answer::Text("kurashi/online オンライン手続"),
            ),
            ("新規提案", 1, 3, Answer::Text("夜間に申請の相談ができない")),
            ("新規提案", 1, 4, Answer::Text("kurashi-1")),
            ("新規提案", 1, 7, Answer::Text("相談は開庁時間のみ")),
            ("新規提案", 2, 0, Answer::Text("新2")),
            ("新規提案", 2, 1, Answer::Text("手法")),
            ("新規提案", 2, 2, Answer::Text("kurashi/online")),
            ("新規提案", 2, 3, Answer::Text("チャットでの申請相談")),
            ("新規提案", 2, 5, Answer::Text("新1")),
            ("新規提案", 2, 6, Answer::Text("P1 DXは利用者目線で、P3")),
        ],
    );
    let before = snapshot(root);
    let (code, text) = import(root, &book, &["--dry-run"]);
    assert_eq!(code, 0, "{text}");
    assert_eq!(snapshot(root), before, "--dry-run wrote: {text}");
    assert!(
        text.contains("測定!K2: 文字の日付「R8.11.30」を 2026-11-30 として読みました"),
        "{text}"
    );
    assert!(
        text.contains("測定!L2: 「４５」を半角の 45 として読みました"),
        "{text}"
    );

    let (code, text) = import(root, &book, &[]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("取り込み: 測定 1 件、新しいレコード 2 件"),
        "{text}"
    );
    let after = snapshot(root);
    // S-001: only the observation's lines added, after the last one.
    let s001 = "kurashi/online/S-001.toml";
    let (old, new) = (
        String::from_utf8_lossy(&before[s001]).into_owned(),
        String::from_utf8_lossy(&after[s001]).into_owned(),
    );
    let added = "\n[[indicator.observation]]\ndate = 2026-11-30\nvalue = 45.0\nstatus = \"速報\"\nsource = \"電子申請システムの月報\"\n";
    assert_eq!(
        new.replacen(added, "", 1),
        old,
        "S-001 changed beyond its observation:\n{new}"
    );
    // Two new records with the next free IDs, the 手法 solving the new 課題.
    let created: Vec<&String> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    assert_eq!(created.len(), 2, "{created:?}");
    let issue = created
        .iter()
        .find(|k| k.contains("/K-"))
        .expect("a new 課題");
    let method = created
        .iter()
        .find(|k| k.contains("/S-"))
        .expect("a new 手法");
    let issue_id = Path::new(issue.as_str())
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("id");
    let method_text = String::from_utf8_lossy(&after[*method]).into_owned();
    assert!(
        method_text.contains(&format!("solves = [\"{issue_id}\"]")),
        "{method_text}"
    );
    assert!(
        method_text.contains("principles = [\"P1\", \"P3\"]"),
        "{method_text}"
    );
    assert!(method_text.contains("owner = \"市民課\""), "{method_text}");
    assert!(
        method_text.contains("visibility = \"internal\""),
        "{method_text}"
    );
    assert!(method_text.contains("stage = \"検討\""), "{method_text}");
    let issue_text = String::from_utf8_lossy(&after[*issue]).into_owned();
    assert!(
        issue_text.contains("current = \"相談は開庁時間のみ\""),
        "{issue_text}"
    );
    // Every other file as it was.
    for (path, bytes) in &before {
        if path != s001 {
            assert_eq!(&after[path], bytes, "{path} changed");
        }
    }
    let (code, out_check, _) = dx_on(root, DAY, &["check"]);
    assert_eq!(code, 0, "{out_check}");

    // Again: nothing written.
    let (code, text) = import(root, &book, &[]);
    assert_eq!(code, 0, "{text}");
    assert_eq!(snapshot(root), after, "a second import wrote: {text}");
    assert!(text.contains("記録済み"), "{text}");
}

/// Import `book` and expect a refusal that names `cell` and says `says`,
/// with every byte of the tree as it was.
fn refused(root: &Path, book: &[u8], cell: &str, says: &str) {
    let before = snapshot(root);
    let (code, text) = import(root, book, &[]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains(cell), "no {cell} in: {text}");
    assert!(text.contains(says), "no 「{says}」 in: {text}");
    assert!(text.contains("何も書き込みませんでした"), "{text}");
    assert_eq!(snapshot(root), before, "a refused import wrote");
}

#[test]
fn invalid_cells_are_refused_by_name() {
    let t = tree();
    let root = t.path();
    let out = tempfile::tempdir().expect("out");
    let made = survey(root, out.path());
    let with = |value: Answer, status: Option<&'static str>| {
        let mut answers = vec![
            ("測定", 1, DATE, Answer::Date(2026, 11, 30)),
            ("測定", 1, VALUE, value),
        ];
        if let Some(s) = status {
            answers.push(("測定", 1, STATUS, Answer::Text(s)));
        }
        answered(&made, &answers)
    };
    refused(
        root,
        &with(Answer::Text("28分"), None),
        "測定!L2",
        "「28分」は数値ではありません",
    );
    refused(
        root,
        &with(Answer::Text("40%"), None),
        "測定!L2",
        "40 と書き、% は単位の列にあります",
    );
    refused(
        root,
        &with(Answer::Number(3.0), Some("評価不能")),
        "測定!L2",
        "評価不能",
    );
    refused(
        root,
        &with(Answer::Number(3.0), Some("確認中")),
        "測定!M2",
        "一覧にありません",
    );
    let bad_date = answered(
        &made,
        &[
            ("測定", 1, DATE, Answer::Text("来月")),
            ("測定", 1, VALUE, Answer::Number(30.0)),
        ],
    );
    refused(root, &bad_date, "測定!K2", "日付として読めません");
    // A date after today: the writers' rule.
    let future = answered(
        &made,
        &[
            ("測定", 1, DATE, Answer::Date(2027, 1, 31)),
            ("測定", 1, VALUE, Answer::Number(30.0)),
        ],
    );
    refused(root, &future, "測定!L2", "2027-01-31");
}

#[test]
fn another_trees_workbook_and_a_conflict_are_refused() {
    let t = tree();
    let root = t.path();
    let out = tempfile::tempdir().expect("out");
    let made = survey(root, out.path());
    let answers = [
        ("測定", 1, DATE, Answer::Date(2026, 11, 30)),
        ("測定", 1, VALUE, Answer::Number(30.0)),
    ];
    // Another tree: its organisation in _dx.
    let mut other = answers.to_vec();
    other.push(("_dx", 1, 1, Answer::Text("よその市")));
    refused(
        root,
        &answered(&made, &other),
        "_dx!B2",
        "別のツリー(よその市)",
    );
    // A locked cell changed.
    let mut moved = answers.to_vec();
    moved.push(("測定", 1, 0, Answer::Text("S-002")));
    refused(root, &answered(&made, &moved), "測定!A2", "dx が書いた欄");
    // The indicator renamed after the survey: a conflict naming the cell
    // and the indicators the record has now.
    let s001 = root.join("kurashi/online/S-001.toml");
    let text = std::fs::read_to_string(&s001).expect("S-001");
    std::fs::write(
        &s001,
        text.replace("オンライン申請率", "オンライン申請の割合"),
    )
    .expect("rename");
    refused(
        root,
        &answered(&made, &answers),
        "測定!C2",
        "今の評価指標: オンライン申請の割合",
    );
}

#[test]
fn csv_answers_in_utf8_and_shift_jis() {
    let t = tree();
    let root = t.path();
    let dir = tempfile::tempdir().expect("dir");
    let csv = "ID,評価指標,測定日,値,状況\nS-001,オンライン申請率,2026/11/30,\"1,0\",\n";
    // A number that is no number: the line and header named.
    let path = dir.path().join("bad.csv");
    std::fs::write(&path, csv).expect("write");
    let before = snapshot(root);
    let (code, out, _) = dx_on(root, DAY, &["import", path.to_str().expect("utf-8")]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("2行目(値)"), "{out}");
    assert_eq!(snapshot(root), before);

    let good = "\u{feff}ID,評価指標,測定日,値,状況\r\nS-001,オンライン申請率,令和8年11月30日,31.5,確定\r\n";
    let path = dir.path().join("good.csv");
    std::fs::write(&path, good).expect("write");
    let (code, out, _) = dx_on(root, DAY, &["import", path.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{out}");
    let s001 = std::fs::read_to_string(root.join("kurashi/online/S-001.toml")).expect("S-001");
    assert!(s001.contains("date = 2026-11-30\nvalue = 31.5\n"), "{s001}");

    // Shift_JIS, as Excel saves 「CSV (コンマ区切り)」: proposals need a
    // department, given by --owner.
    let proposal = "仮ID,種別,領域,件名,ビジョン項目\r\n新1,課題,kurashi/online,窓口の案内が分かりにくい,kurashi-1\r\n";
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(proposal);
    let path = dir.path().join("sjis.csv");
    std::fs::write(&path, &sjis).expect("write");
    let before = snapshot(root);
    let (code, out, _) = dx_on(root, DAY, &["import", path.to_str().expect("utf-8")]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("--owner"), "{out}");
    assert_eq!(snapshot(root), before);
    let (code, out, _) = dx_on(
        root,
        DAY,
        &["import", "--owner", "市民課", path.to_str().expect("utf-8")],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("窓口の案内が分かりにくい"), "{out}");
    assert_eq!(snapshot(root).len(), before.len() + 1);
}

#[test]
fn the_workbook_carries_its_lists_protection_and_hidden_sheet() {
    let t = tree();
    let out = tempfile::tempdir().expect("out");
    let made = survey(t.path(), out.path());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(made)).expect("zip");
    let mut part = |name: &str| {
        let mut s = String::new();
        zip.by_name(name)
            .expect(name)
            .read_to_string(&mut s)
            .expect("text");
        s
    };
    let workbook = part("xl/workbook.xml");
    assert!(
        workbook.contains("name=\"_dx\" sheetId=\"4\" state=\"hidden\""),
        "{workbook}"
    );
    let measure = part("xl/worksheets/sheet2.xml");
    assert!(measure.contains("<sheetProtection"), "{measure}");
    assert!(measure.contains("type=\"date\""), "{measure}");
    assert!(measure.contains("type=\"decimal\""), "{measure}");
    assert!(
        measure.contains("<formula1>_dx!$G$2:$G$5</formula1>"),
        "{measure}"
    );
    assert!(measure.contains("<pane ySplit=\"1\""), "{measure}");
    let propose = part("xl/worksheets/sheet3.xml");
    assert_eq!(propose.matches("type=\"list\"").count(), 3, "{propose}");
    // The blank workbook: no 測定 sheet.
    let blank = out.path().join("blank.xlsx");
    let (code, text, _) = dx_on(
        t.path(),
        DAY,
        &["survey", "--blank", "-o", blank.to_str().expect("utf-8")],
    );
    assert_eq!(code, 0, "{text}");
    let mut book: Xlsx<_> = calamine::open_workbook(&blank).expect("opens");
    assert_eq!(book.sheet_names(), ["記入方法", "新規提案", "_dx"]);
    assert!(book.worksheet_range("新規提案").is_ok());
}

#[test]
fn hostile_files_get_a_message_never_a_panic() {
    let t = tree();
    let root = t.path();
    let dir = tempfile::tempdir().expect("dir");
    // A stray cell at the last cell of a sheet: read from the used cells,
    // not as a grid of a million rows.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("測定").expect("name");
    for (c, h) in ["ID", "評価指標", "測定日", "値"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("header");
    }
    sheet
        .write_string(1_048_575, 16_383, "x")
        .expect("far cell");
    sheet.write_string(5, 0, "S-001").expect("id");
    sheet.write_string(5, 1, "オンライン申請率").expect("name");
    sheet
        .write_string(5, 3, "=1+1")
        .expect("formula-looking text");
    let stray = book.save_to_buffer().expect("saved");
    let files: [(&str, &[u8]); 5] = [
        ("stray.xlsx", &stray),
        ("junk.xlsx", b"not a zip at all"),
        ("empty.xlsx", b""),
        ("junk.csv", b"\xff\xfe\x00\x01\x02"),
        ("truncated.xlsx", &stray[..stray.len() / 2]),
    ];
    let before = snapshot(root);
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let start = std::time::Instant::now();
        let (code, out, err) = dx_on(root, DAY, &["import", path.to_str().expect("utf-8")]);
        assert!(code == 1 || code == 2, "{name}: exit {code}\n{out}{err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(
            out.contains("何も書き込みませんでした") || err.contains("dx:"),
            "{name}: {out}{err}"
        );
        assert!(
            start.elapsed().as_secs() < 20,
            "{name} took {:?}",
            start.elapsed()
        );
        assert_eq!(snapshot(root), before, "{name} wrote");
    }
    // A file that is not there is said so, not taken for a broken workbook.
    let missing = dir.path().join("ない.xlsx");
    let (code, out, _) = dx_on(root, DAY, &["import", missing.to_str().expect("utf-8")]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("このファイルはありません"), "{out}");
    assert_eq!(snapshot(root), before);
}
