//! Excel and tables for other engines (SPEC §6.7): the workbook opens with
//! real dates and numbers, the tables carry lg_code and fiscal years, the
//! public export holds public records only.

mod common;

use std::io::Read;
use std::path::Path;

/// The tables `dx export --format tables` writes, in order.
const TABLES: [&str; 7] = [
    "records",
    "links",
    "indicators",
    "observations",
    "decisions",
    "tags",
    "references",
];

fn bundled() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("records")
}

fn dx(args: &[&str], out: &Path) -> std::process::Output {
    common::dx_in(out)
        .arg("--root")
        .arg(bundled())
        .args(args)
        .output()
        .expect("runs")
}

/// The XML of every part of the workbook, by name.
fn parts(path: &Path) -> std::collections::BTreeMap<String, String> {
    let file = std::fs::File::open(path).expect("workbook");
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut part = zip.by_index(i).expect("part");
            let mut text = String::new();
            part.read_to_string(&mut text).expect("xml");
            (part.name().to_owned(), text)
        })
        .collect()
}

#[test]
fn the_workbook_has_every_sheet_with_dates_and_numbers() {
    let dir = tempfile::tempdir().expect("temp");
    let out = dx(
        &["export", "--format", "xlsx", "-o", "台帳.xlsx"],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let parts = parts(&dir.path().join("台帳.xlsx"));
    let book = &parts["xl/workbook.xml"];
    for sheet in [
        "台帳",
        "リンク",
        "評価指標",
        "測定",
        "意思決定",
        "状況表",
        "ギャップ分析",
    ] {
        assert!(
            book.contains(&format!("name=\"{sheet}\"")),
            "{sheet}: {book}"
        );
    }
    // The indicators sheet: frozen header, a filter, dates as date-formatted
    // numbers (a style with a number format), values as numbers (the
    // baseline in F, after the record's title), the attainment as a
    // percentage (style 3, "0%").
    let sheet3 = &parts["xl/worksheets/sheet3.xml"];
    assert!(sheet3.contains("<pane ySplit=\"1\""), "frozen");
    assert!(sheet3.contains("<autoFilter ref=\"A1:"), "filter");
    assert!(sheet3.contains("<c r=\"F2\"><v>"), "{sheet3}");
    assert!(sheet3.contains("<c r=\"M2\" s=\"3\"><v>"), "{sheet3}");
    assert!(parts["xl/styles.xml"].contains("formatCode=\"0%\""));
    // Kinds, visibilities and link keys in words people read; the IDs in
    // their own columns. The tables' sheets hold their strings in their
    // cells (written a row at a time), the reports' in the shared table.
    let strings: String = parts
        .iter()
        .filter(|(name, _)| name.starts_with("xl/worksheets/") || *name == "xl/sharedStrings.xml")
        .map(|(_, xml)| xml.as_str())
        .collect();
    for word in ["<t>手法</t>", "<t>公開</t>", "<t>解決する課題</t>"] {
        assert!(strings.contains(word), "{word}");
    }
    assert!(
        sheet3.contains("t=\"inlineStr\""),
        "a table's sheet keeps its strings in its cells"
    );
    for code in ["<t>method</t>", "<t>public</t>", "<t>solves</t>"] {
        assert!(!strings.contains(code), "{code}");
    }
    // Page numbers on every printed page.
    assert!(sheet3.contains("<oddFooter>&amp;C&amp;P / &amp;N</oddFooter>"));
    assert!(parts["xl/styles.xml"].contains("yyyy-mm-dd"));
    assert!(
        sheet3.contains("<pageSetup paperSize=\"9\"")
            && sheet3.contains("orientation=\"landscape\""),
        "A4 landscape"
    );
    // Strings are shared strings or inline strings, never formulas.
    assert!(
        !parts.values().any(|x| x.contains("<f>")),
        "no formula anywhere"
    );
    // Refused onto a terminal; written to a pipe.
    let piped = dx(&["export", "--format", "xlsx"], dir.path());
    assert!(piped.stdout.starts_with(b"PK\x03\x04"));
}

#[test]
fn tables_for_engines_with_a_data_package() {
    let dir = tempfile::tempdir().expect("temp");
    let out = dx(&["export", "--format", "tables", "-o", "t"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let t = dir.path().join("t");
    for name in TABLES {
        let bytes = std::fs::read(t.join(format!("{name}.csv"))).expect(name);
        // For engines: UTF-8 as the data package says, no BOM to strip.
        assert!(!bytes.starts_with(b"\xEF\xBB\xBF"), "{name}: BOM");
        let text = String::from_utf8(bytes).expect("utf-8");
        let mut rows = csv::Reader::from_reader(text.as_bytes());
        let headers = rows.headers().expect("headers").clone();
        assert_eq!(&headers[0], "lg_code", "{name}");
        for row in rows.records() {
            assert_eq!(
                &row.expect("row")[0],
                "282049",
                "{name}: every row carries lg_code"
            );
        }
    }
    let decisions = std::fs::read_to_string(t.join("decisions.csv")).expect("decisions");
    assert!(
        decisions.contains(",2022-03-24,2021,推進本部,導入,"),
        "fiscal_year beside the date"
    );
    let package: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(t.join("datapackage.json")).expect("package"),
    )
    .expect("json");
    assert_eq!(package["profile"], "tabular-data-package");
    let resources = package["resources"].as_array().expect("resources");
    let names: Vec<&str> = resources
        .iter()
        .filter_map(|r| r["name"].as_str())
        .collect();
    assert_eq!(names, TABLES);
    assert!(
        resources.iter().all(|r| r["encoding"] == "utf-8"),
        "the IANA name"
    );
    // Every link joins a row: a record, or a reference (分野, 領域, ビジョン
    // item, 原則, 配慮, national priority).
    let ids = |name: &str, col: &str| -> std::collections::HashSet<String> {
        let text = std::fs::read_to_string(t.join(format!("{name}.csv"))).expect(name);
        let mut rows = csv::Reader::from_reader(text.as_bytes());
        let at = rows
            .headers()
            .expect("headers")
            .iter()
            .position(|h| h == col)
            .expect(col);
        rows.records()
            .map(|r| r.expect("row")[at].to_owned())
            .collect()
    };
    let known: std::collections::HashSet<String> = ids("records", "id")
        .union(&ids("references", "id"))
        .cloned()
        .collect();
    let targets = ids("links", "target");
    assert!(targets.len() > 20);
    let unjoined: Vec<&String> = targets.difference(&known).collect();
    assert!(unjoined.is_empty(), "{unjoined:?}");
    // Tags as rows of their own.
    assert!(ids("tags", "tag").len() > 3);
    // The types for engines that guess: lg_code is text.
    let sql = std::fs::read_to_string(t.join("schema.sql")).expect("schema.sql");
    assert!(sql.contains("\"lg_code\" VARCHAR"), "{sql}");
    assert!(
        sql.contains("COPY \"records\" FROM 'records.csv' (HEADER true);"),
        "{sql}"
    );
    let bq: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(t.join("records.bigquery.json")).expect("bigquery"),
    )
    .expect("json");
    assert_eq!(
        bq[0],
        serde_json::json!({ "name": "lg_code", "type": "STRING", "mode": "NULLABLE", "description": "団体コード" })
    );
    let records = &resources[0]["schema"];
    assert_eq!(records["primaryKey"], serde_json::json!(["lg_code", "id"]));
    let links = &resources[1]["schema"];
    assert_eq!(links["foreignKeys"][0]["reference"]["resource"], "records");
    let date = records["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .find(|f| f["name"] == "review_due")
        .expect("review_due");
    assert_eq!(date["type"], "date");
}

#[test]
fn the_public_tables_hold_public_records_only() {
    let dir = tempfile::tempdir().expect("temp");
    let out = dx(
        &["export", "--format", "tables", "--public", "-o", "p"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let model = dx::model::load(&bundled()).expect("loads");
    let internal: Vec<String> = model
        .parsed_records()
        .filter(|(_, r)| r.visibility() == dx::model::Visibility::Internal)
        .map(|(_, r)| r.id.to_string())
        .collect();
    assert!(!internal.is_empty());
    for name in [
        "records",
        "links",
        "indicators",
        "observations",
        "decisions",
    ] {
        let text =
            std::fs::read_to_string(dir.path().join("p").join(format!("{name}.csv"))).expect(name);
        for id in &internal {
            assert!(!text.contains(&format!(",{id},")), "{name}: {id} leaked");
        }
    }
}

#[test]
fn lg_code_has_its_check_digit() {
    let tree = common::tree(None);
    let dx_toml = tree.path().join("dx.toml");
    let text = std::fs::read_to_string(&dx_toml).expect("dx.toml");
    std::fs::write(
        &dx_toml,
        text.replace("[tree]\n", "[tree]\nlg_code = \"282048\"\n"),
    )
    .expect("write");
    let out = common::dx_in(tree.path())
        .arg("check")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("282049"),
        "the right check digit in the help: {stdout}"
    );
    let dir = tempfile::tempdir().expect("temp");
    let init = common::dx_in(dir.path())
        .args([
            "init",
            "新しい市",
            "--organization",
            "みなと市",
            "--lg-code",
            "131016",
        ])
        .output()
        .expect("runs");
    assert_eq!(init.status.code(), Some(0));
    let written = std::fs::read_to_string(dir.path().join("新しい市/dx.toml")).expect("dx.toml");
    assert!(
        written.contains("lg_code = \"131016\"")
            && written.contains("guideline = \"みなと市DX推進指針\""),
        "{written}"
    );
    assert!(
        !written.contains("0798"),
        "no 西宮市 contact data: {written}"
    );
}

#[test]
fn export_names_what_it_holds() {
    let dir = tempfile::tempdir().expect("temp");
    let out = dx(&["export"], dir.path());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let closed = v["records"]
        .as_array()
        .expect("records")
        .iter()
        .find_map(|r| r["closed"].as_object().cloned())
        .expect("a closed 課題 in the bundled records");
    assert!(
        closed.contains_key("date")
            && closed.contains_key("reason")
            && closed.contains_key("fiscal_year")
    );
    // met is null when nothing gives an attainment, not false.
    let unmeasured = v["records"]
        .as_array()
        .expect("records")
        .iter()
        .flat_map(|r| r["indicators"].as_array().cloned().unwrap_or_default())
        .find(|i| i["actual"].is_null())
        .expect("an indicator not yet measured");
    assert!(unmeasured["met"].is_null(), "{unmeasured}");
}

#[test]
fn reports_as_workbooks_too() {
    let dir = tempfile::tempdir().expect("temp");
    for (args, file) in [
        (
            &["status", "--format", "xlsx", "-o", "status.xlsx"][..],
            "status.xlsx",
        ),
        (&["gap", "--format", "xlsx", "-o", "gap.xlsx"], "gap.xlsx"),
        (
            &["list", "--format", "xlsx", "-o", "list.xlsx"],
            "list.xlsx",
        ),
    ] {
        let out = dx(args, dir.path());
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let parts = parts(&dir.path().join(file));
        assert!(parts.contains_key("xl/worksheets/sheet1.xml"), "{args:?}");
        assert!(!parts.values().any(|x| x.contains("<f>")), "no formula");
    }
    // Written to a pipe as the export's workbook is (`> status.xlsx`).
    let out = dx(&["status", "--format", "xlsx"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"PK\x03\x04"));
}

/// A text over Excel's limit of 32,767 characters a cell (a 40,000-character
/// note, well under dx's 4 MiB a file) is cut with a marker; the workbook
/// is written and a 注意 sheet names the cell and the record. The same in a
/// report's workbook.
#[test]
fn a_text_over_excels_cell_limit_is_cut_and_listed() {
    use calamine::{Data, Reader, Xlsx};
    let tree = common::tree(None);
    let root = tree.path();
    let s001 = root.join("kurashi/online/S-001.toml");
    let text = std::fs::read_to_string(&s001).expect("S-001");
    let long = "長".repeat(40_000);
    std::fs::write(
        &s001,
        text.replacen(
            "[[decision]]\n",
            &format!("[[decision]]\nnote = \"{long}\"\n"),
            1,
        ),
    )
    .expect("written");
    for (args, cut_cell) in [
        (
            &["export", "--format", "xlsx", "-o", "book.xlsx"][..],
            "意思決定!G2",
        ),
        (
            &["show", "S-001", "--format", "xlsx", "-o", "book.xlsx"],
            "意思決定の記録!D2",
        ),
    ] {
        let out = common::dx_in(root).args(args).output().expect("runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut book: Xlsx<_> = calamine::open_workbook(root.join("book.xlsx")).expect("opens");
        let notes = book.worksheet_range("注意").expect("a 注意 sheet");
        let rows: Vec<Vec<String>> = notes
            .rows()
            .map(|r| r.iter().map(ToString::to_string).collect())
            .collect();
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(rows[1][0], cut_cell, "{rows:?}");
        assert_eq!(rows[1][2], "40000", "{rows:?}");
        let (sheet, cell) = cut_cell.split_once('!').expect("a cell");
        let range = book.worksheet_range(sheet).expect("sheet");
        let col = usize::from(cell.as_bytes()[0] - b'A');
        let Some(Data::String(kept)) = range.get((1, col)) else {
            panic!("{cut_cell} is not text");
        };
        assert_eq!(kept.chars().count(), 32_767);
        assert!(
            kept.starts_with("長長長") && kept.ends_with("JSON・CSV で】"),
            "{}",
            &kept[kept.len() - 120..]
        );
    }
}

/// Characters XML 1.0 forbids (U+FFFE, U+FFFF) in a record's title are
/// written as `<U+FFFF>`, so the workbook stays well-formed; so is the
/// 照会 workbook.
#[test]
fn workbooks_hold_no_character_xml_forbids() {
    let tree = common::tree(None);
    let root = tree.path();
    let s001 = root.join("kurashi/online/S-001.toml");
    let text = std::fs::read_to_string(&s001).expect("S-001");
    std::fs::write(
        &s001,
        text.replace(
            "title = \"申請手続のオンライン化\"",
            "title = \"申請\u{FFFF}手続\u{FFFE}\"\nowner = \"市民課\"",
        ),
    )
    .expect("write");
    let out = tempfile::tempdir().expect("out");
    let book = out.path().join("book.xlsx");
    let survey = out.path().join("survey.xlsx");
    for args in [
        vec![
            "export",
            "--format",
            "xlsx",
            "-o",
            book.to_str().expect("utf-8"),
        ],
        vec![
            "survey",
            "--owner",
            "市民課",
            "-o",
            survey.to_str().expect("utf-8"),
        ],
    ] {
        let (code, stdout, stderr) = common::dx_on(root, common::TODAY, &args);
        assert_eq!(code, 0, "{args:?}: {stdout}{stderr}");
    }
    for path in [&book, &survey] {
        let all: String = parts(path).into_values().collect();
        assert!(
            !all.contains(['\u{FFFF}', '\u{FFFE}']),
            "{}",
            path.display()
        );
        assert!(
            all.contains("申請&lt;U+FFFF&gt;手続") || all.contains("申請<U+FFFF>手続"),
            "{}",
            path.display()
        );
    }
}

/// Every workbook's sheets keep a temporary file while it is made (the
/// export's tables are written a row at a time): with no temporary folder
/// to write to, each command that makes a workbook says so in Japanese and
/// exits 2, writes no file and leaves the tree as it was — never a panic.
#[test]
fn a_workbook_without_a_temporary_folder_is_refused_not_a_panic() {
    let tree = common::tree(Some("reports"));
    let root = tree.path();
    let before = common::snapshot(root);
    let out_dir = tempfile::tempdir().expect("temp");
    for (args, name) in [
        (&["export", "--format", "xlsx", "-o"][..], "book.xlsx"),
        (&["status", "--format", "xlsx", "-o"], "book.xlsx"),
        // One workbook a department, into a folder.
        (&["survey", "--output"], "照会"),
    ] {
        let target = out_dir.path().join(name);
        let out = common::dx_in(root)
            .env("TMPDIR", root.join("no-such-folder"))
            .args(args)
            .arg(&target)
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("一時フォルダ") && err.contains("TMPDIR"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        assert!(
            !target.exists(),
            "{args:?}: nothing written, no folder made"
        );
    }
    assert_eq!(common::snapshot(root), before, "the tree is as it was");
}
