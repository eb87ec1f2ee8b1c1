//! `dx report` (the HTML dashboard) and `dx export`.

mod common;

use std::path::Path;

use assert_cmd::Command;

use common::dx_in as dx;

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The text of `page` from after `start` to before the next `end`.
fn between<'a>(page: &'a str, start: &str, end: &str) -> Option<&'a str> {
    page.split(start).nth(1)?.split(end).next()
}

fn bundled() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn report_is_one_self_contained_file() {
    let html = stdout(dx(bundled()).arg("report"));
    assert!(html.starts_with("<!DOCTYPE html>"));
    for section in [
        "id=\"numbers\"",
        "id=\"status\"",
        "id=\"funnel\"",
        "id=\"coverage\"",
        "id=\"indicators\"",
        "id=\"attention\"",
        "id=\"records\"",
    ] {
        assert!(html.contains(section), "{section}");
    }
    // No script, and nothing fetched: the only URL is the SVG namespace.
    assert!(!html.contains("<script"), "no JavaScript");
    for scheme in ["http://", "https://"] {
        for (at, _) in html.match_indices(scheme) {
            let url: String = html[at..].chars().take(40).collect();
            assert!(
                url.starts_with("http://www.w3.org/2000/svg"),
                "a URL in the report: {url}"
            );
        }
    }
    assert!(!html.contains(" src="), "no external asset");
    assert!(
        html.contains("Content-Security-Policy\" content=\"default-src 'none'"),
        "and none could load"
    );
    assert!(
        html.contains("@media print") && html.contains("size: A4"),
        "print stylesheet"
    );
    // Every record has an anchor, and links point at anchors that exist.
    for id in ["K-001", "S-001", "G-017"] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
    }
    for (i, _) in html.match_indices("href=\"#") {
        let target: String = html[i + 7..].chars().take_while(|&c| c != '"').collect();
        assert!(
            html.contains(&format!("id=\"{target}\"")),
            "dangling link #{target}"
        );
    }
    // Uncovered ビジョン items are marked plainly.
    assert!(html.contains("未カバー"));
}

#[test]
fn report_writes_the_file_given() {
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("report.html");
    let printed = stdout(dx(bundled()).args(["report", "-o"]).arg(&out));
    assert!(printed.is_empty());
    let html = std::fs::read_to_string(&out).expect("written");
    assert!(html.contains("西宮市 DX推進状況報告"));
}

#[test]
fn public_report_leaks_nothing_internal() {
    let model = dx::model::load(&bundled().join("records")).expect("loads");
    let html = stdout(dx(bundled()).args(["report", "--public"]));
    let internal: Vec<&dx::model::Record> = model
        .records
        .iter()
        .map(|r| &**r)
        .filter(|r| r.visibility() == dx::model::Visibility::Internal)
        .collect();
    assert!(
        internal.len() >= 3,
        "the bundled tree has internal records to hide"
    );
    let public_texts: std::collections::HashSet<&str> = model
        .records
        .iter()
        .filter(|r| r.visibility() == dx::model::Visibility::Public)
        .flat_map(|r| r.all_texts().map(|t| t.value.as_str()))
        .collect();
    for r in &internal {
        assert!(
            !html.contains(r.title()),
            "internal title leaked: {}",
            r.title()
        );
        assert!(
            !html.contains(&format!("id=\"{}\"", r.id)),
            "internal record shown: {}",
            r.id
        );
        if let Some(owner) = &r.owner {
            assert!(
                !html.contains(owner.value.as_str()),
                "internal owner leaked: {}",
                owner.value
            );
        }
        // Free texts, but not words public records share (units like "%").
        for t in r
            .all_texts()
            .filter(|t| t.value.chars().count() >= 6 && !public_texts.contains(t.value.as_str()))
        {
            assert!(
                !html.contains(t.value.as_str()),
                "internal text leaked: {}",
                t.value
            );
        }
    }
    // Public records are there.
    assert!(html.contains("id=\"S-001\""));
    assert!(html.contains("公開版"));
}

#[test]
fn titles_are_escaped() {
    let tree = common::tree(None);
    let k = tree.path().join("kurashi/online/K-001.toml");
    let src = std::fs::read_to_string(&k).expect("read");
    std::fs::write(
        &k,
        src.replace("多くの手続が", "<script>alert(1)</script>&\\\"多くの手続が"),
    )
    .expect("write");
    let html = stdout(dx(tree.path()).arg("report"));
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;"));
}

#[test]
fn since_adds_the_changes_section() {
    let repo = tempfile::tempdir().expect("temp");
    let tree = common::tree(Some("reports"));
    for entry in walkdir::WalkDir::new(tree.path())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let rel = entry.path().strip_prefix(tree.path()).expect("inside");
        let dest = repo.path().join("records").join(rel);
        std::fs::create_dir_all(dest.parent().expect("parent")).expect("dir");
        std::fs::copy(entry.path(), dest).expect("copy");
    }
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .current_dir(repo.path())
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.invalid",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .status()
            .expect("git")
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q", "-b", "main"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "meeting 1"]);
    std::fs::write(
        repo.path().join("records/kurashi/online/K-010.toml"),
        "title = \"会議の後に見つかった課題\"\nvision = [\"kurashi-2\"]\nvisibility = \"public\"\n",
    )
    .expect("write");
    let html = stdout(dx(repo.path()).args(["report", "--since", "main"]));
    assert!(html.contains("id=\"since\""));
    assert!(html.contains("会議の後に見つかった課題"));
    let html = stdout(dx(repo.path()).arg("report"));
    assert!(!html.contains("id=\"since\""));
}

#[test]
fn export_json_and_yaml_carry_derived_values() {
    let json = stdout(dx(bundled()).args(["export", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["records"].as_array().map(Vec::len), Some(55));
    let k1 = v["records"]
        .as_array()
        .expect("records")
        .iter()
        .find(|r| r["id"] == "K-001")
        .expect("K-001");
    assert_eq!(k1["progress"], "運用中");
    assert_eq!(k1["linked_from"]["solved_by"][0], "S-001");
    let s1 = v["records"]
        .as_array()
        .expect("records")
        .iter()
        .find(|r| r["id"] == "S-001")
        .expect("S-001");
    assert!(
        s1["indicators"][0]["attainment"]
            .as_f64()
            .is_some_and(|a| a > 0.5 && a < 0.7)
    );
    let items: usize = v["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| f["vision"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(items, 21);

    let yaml = stdout(dx(bundled()).args(["export", "--format", "yaml"]));
    let y: serde_json::Value = serde_norway::from_str(&yaml).expect("yaml");
    assert_eq!(y["records"].as_array().map(Vec::len), Some(55));
    // The same data as the JSON, value for value: no string read back as a
    // number, boolean or date.
    assert_eq!(y, v);
}

/// What the browser check (scripts/e2e-report.sh, axe-core) relies on, in
/// the HTML itself: landmarks, a skip link, scoped headers, tables that
/// scroll in their own box, charts that scale, a statement in the public
/// edition, page numbers in print.
#[test]
fn the_report_is_built_for_every_reader() {
    let full = stdout(dx(bundled()).arg("report"));
    let public = stdout(dx(bundled()).args(["report", "--public"]));
    for html in [&full, &public] {
        assert!(html.contains("<a class=\"skip\" href=\"#main\">本文へ移動</a>"));
        assert!(html.contains("<main id=\"main\">") && html.contains("</main>"));
        assert!(html.contains("<nav aria-label="));
        assert!(
            !html.contains("<thead><tr><th>"),
            "every column header is scoped"
        );
        assert!(html.contains("<th scope=\"col\">"));
        assert!(html.contains("<div class=\"scroll\" tabindex=\"0\"><table"));
        // Every table has a caption (the heading it stands under).
        assert_eq!(
            html.matches("<table").count(),
            html.matches("<caption").count()
        );
        assert!(html.contains("svg.chart { max-width: 100%; height: auto; }"));
        assert!(html.contains("@bottom-center { content: counter(page)"));
        assert!(
            !html.contains("#3b82f6"),
            "white on #3b82f6 is 3.7:1, under AA"
        );
        // The heat map holds links: a group, not an image.
        assert!(!html.contains("role=\"img\" aria-label=\"ビジョンのカバー状況\""));
        // Printed, no ID or date breaks across lines: every ID cell and
        // link in a table, and every date cell, is marked unbreakable.
        assert!(html.contains(".id, .badge, .grade, .date { white-space: nowrap; }"));
        let id_cells = html.matches("<td class=\"id\">").count()
            + html.matches("<a class=\"id\"").count()
            + html.matches("<span class=\"id\">").count();
        assert!(id_cells > 10, "{id_cells} ID cells marked");
        // The ビジョン table links each 課題 by its title, the ID beside it.
        assert!(
            html.contains("<span class=\"issue\"><span class=\"id\">K-"),
            "課題 named by title"
        );
        assert!(!html.contains("<td><a href=\"#K-"), "an unmarked ID link");
        assert!(!html.contains("<td>K-0"), "an unmarked ID cell");
        assert!(html.contains("<td class=\"date\">2025-"));
        // Record cards break between their parts, not as whole cards.
        assert!(!html.contains("#records { break-before: page; }"));
        assert!(html.contains("tr, li, .card, svg, figure, dl.facts { break-inside: avoid; }"));
    }
    assert!(public.contains("id=\"accessibility\"") && public.contains("JIS X 8341-3:2016"));
    // The printed cover: organisation, title, date, 事務局 (dx.toml); the
    // internal edition stamped 庁内限定 there, in its title, at its top and
    // on every printed page; the public edition not.
    assert!(
        full.contains(
            "<div class=\"cover\" aria-hidden=\"true\"><p class=\"stamp\">庁内限定</p><p class=\"cover-org\">西宮市</p>"
        )
    );
    assert!(full.contains("<title>【庁内限定】西宮市"));
    assert!(full.contains("<header><p class=\"stamp\">庁内限定</p><h1>"));
    assert!(full.contains("@top-right { content: \"庁内限定\""));
    assert!(!public.contains("庁内限定</p>") && !public.contains("【庁内限定】"));
    assert!(public.contains("公開としたレコードだけ"));
    // A record's heading a level below its 領域's, its parts apart.
    assert!(
        full.contains("<h5><span class=\"id\">S-001</span> "),
        "record headings"
    );
    assert!(!full.contains("<h4><span class=\"id\">"));
    assert!(full.contains("事務局: 西宮市DX推進本部 事務局"));
    // Tables of counts are read by their first column: row headers, on one
    // line on a phone.
    assert!(full.contains("<th scope=\"row\">暮らし手続き</th><td class=\"num\">"));
    assert!(!full.contains("id=\"accessibility\""));
}

/// The accessibility statement of the public edition is the city's, from
/// dx.toml `[accessibility]`: 表明日, 対応度, 試験日, 試験対象, 例外 and the
/// contact as written; without it the statement says what is not yet
/// declared and claims no test (the build date is no test date).
#[test]
fn the_accessibility_statement_is_what_the_city_declares() {
    let tree = common::tree(None);
    let root = tree.path();
    let public = || stdout(dx(root).args(["report", "--public"]));
    let statement = |html: &str| {
        let at = html.find("id=\"accessibility\"").expect("a statement");
        html[at..].to_owned()
    };
    let before = statement(&public());
    assert!(
        before.contains("対応度と試験の結果は、まだ表明していません"),
        "{before}"
    );
    assert!(
        before.contains("<dt>試験日</dt><dd>まだ試験していません</dd>"),
        "{before}"
    );
    assert!(
        !before.contains(common::TODAY),
        "no test claimed on the day it was made"
    );
    assert!(before.contains("JIS X 8341-3:2016(WCAG 2.0 と一致)"));
    assert!(before.contains("<dt>依存した技術</dt><dd>HTML、CSS、SVG</dd>"));
    let settings = root.join("dx.toml");
    let mut text = std::fs::read_to_string(&settings).expect("dx.toml");
    text.push_str(
        "\n[accessibility]\ndeclared = 2026-10-01\nlevel = \"一部準拠\"\ntested = 2026-09-20\npages = \"公開版の報告の全ページ\"\nexceptions = [\"傾向のグラフは数値の表で代替しています\"]\ncontact = \"政策局 DX推進課(市役所本庁舎2階)\"\n",
    );
    std::fs::write(&settings, &text).expect("written");
    let (code, out, _) = common::dx_on(root, common::TODAY, &["check"]);
    assert_eq!(code, 0, "{out}");
    let after = statement(&public());
    for want in [
        "AA に一部準拠しています",
        "<dt>表明日</dt><dd>2026-10-01</dd>",
        "<dt>対応度</dt><dd>一部準拠</dd>",
        "<dt>試験日</dt><dd>2026-09-20</dd>",
        "<dt>試験対象</dt><dd>公開版の報告の全ページ</dd>",
        "<dt>例外</dt><dd>傾向のグラフは数値の表で代替しています</dd>",
        "<dt>問い合わせ先</dt><dd>政策局 DX推進課(市役所本庁舎2階)</dd>",
    ] {
        assert!(after.contains(want), "{want}\n{after}");
    }
    // A 対応度 that is not one of the three is a finding.
    std::fs::write(&settings, text.replace("\"一部準拠\"", "\"だいたい\"")).expect("written");
    let (code, out, _) = common::dx_on(root, common::TODAY, &["check"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("invalid-value") && out.contains("準拠"),
        "{out}"
    );
}

/// Charts carry their numbers for every reader: the funnel's counts are in
/// its name; an indicator's 達成度 is HTML text (readable at any width and
/// zoom), its bar decorative and coloured by the grade, the colours said
/// in a legend.
#[test]
fn charts_say_their_numbers_in_text() {
    let html = stdout(dx(bundled()).arg("report"));
    // The funnel is a list: each step's name and count are text.
    let funnel = between(&html, "<ol class=\"funnel\">", "</ol>").expect("the funnel");
    for step in ["検討", "導入決定", "運用", "見送り・廃止"] {
        assert!(
            funnel.contains(&format!("<span class=\"f-label\">{step}")),
            "{step} in {funnel}"
        );
    }
    let counts: Vec<&str> = funnel
        .split("<span class=\"f-count\">")
        .skip(1)
        .filter_map(|c| c.split('<').next())
        .collect();
    assert_eq!(counts.len(), 5, "{funnel}");
    assert!(
        counts.iter().all(|c| c.parse::<usize>().is_ok()),
        "{counts:?}"
    );
    // No chart text left to shrink on a phone: the coverage map's words
    // are HTML too.
    assert!(!html.contains("<text"), "SVG text in the page");
    assert!(
        html.contains("data-label=\"達成度\"><span class=\"pct\">"),
        "達成度 as text"
    );
    assert!(
        !html.contains("<svg class=\"bar\" role=\"img\""),
        "bars are decorative"
    );
    assert!(html.contains("<svg class=\"bar\" aria-hidden=\"true\""));
    // A C indicator's bar is amber (C), not blue (B).
    let row = html
        .split("<tr>")
        .find(|r| r.contains("class=\"grade grade-C\"") && r.contains("class=\"bar\""))
        .expect("a C indicator");
    assert!(row.contains("fill=\"#b45309\""), "{row}");
    assert!(html.contains("色は評価:"), "the colours explained");
    // On a phone, each indicator is a card: every cell labelled, the
    // table's semantics kept by its roles.
    assert!(html.contains("@media (max-width: 640px)") && html.contains("table.stack td::before"));
    assert!(html.contains("<table class=\"stack\" role=\"table\">"));
    assert!(html.contains("<td role=\"cell\" class=\"attain\" data-label=\"達成度\">"));
}

/// Both editions explain their words in plain language: 課題, 手法, 技術,
/// the stages, 達成度, and the grades with the tree's own labels.
#[test]
fn the_report_explains_its_words() {
    for args in [&["report"][..], &["report", "--public"]] {
        let html = stdout(dx(bundled()).args(args));
        let at = html.find("id=\"glossary\"").expect("a glossary");
        let glossary = &html[at..];
        for term in [
            "<dt>課題</dt>",
            "<dt>手法</dt>",
            "<dt>技術</dt>",
            "<dt>段階</dt>",
            "<dt>達成度</dt>",
        ] {
            assert!(glossary.contains(term), "{args:?}: {term}");
        }
        assert!(
            glossary.contains("A 目標より進んでいる、B 目標どおり、C 遅れている、D 評価できない")
        );
        assert!(
            html.contains("<a href=\"#glossary\">用語の説明</a>"),
            "in the contents"
        );
    }
}

/// A trend's baseline and target differ by their dashes, not by colour
/// alone, and a legend names the three lines.
#[test]
fn trend_lines_are_told_apart_without_colour() {
    let html = stdout(dx(bundled()).arg("report"));
    assert!(html.contains("stroke-dasharray=\"2 3\"") && html.contains("stroke-dasharray=\"8 4\""));
    let legend = between(&html, "<figure class=\"history\">", "</figure>").expect("a trend");
    for word in ["実績", "基準値", "目標値"] {
        assert!(legend.contains(word), "{word}");
    }
}

/// The progress ranks of the words a coverage cell or a badge shows.
fn rank(word: &str) -> Option<usize> {
    ["未着手", "検討中", "実証中", "導入決定", "運用中", "解消"]
        .iter()
        .position(|w| *w == word.trim())
}

/// The public edition's ビジョン map claims no more than it lists: each
/// cell's word is the furthest progress of the 課題 its row lists, and a
/// row naming 課題 that are not public says how many. The numbers at the
/// top add up with what is left out.
#[test]
fn the_public_edition_says_what_it_leaves_out() {
    let full = stdout(dx(bundled()).arg("report"));
    let html = stdout(dx(bundled()).args(["report", "--public"]));
    let mut hidden_rows = 0;
    for cell in html.split("<a class=\"heat-cell").skip(1) {
        let anchor = between(cell, "href=\"#", "\"").expect("an anchor");
        let word = between(cell, "<small> ", "<").expect("a word");
        let row = between(&html, &format!("<tr id=\"{anchor}\""), "</tr>").expect("its row");
        let listed = row
            .split("class=\"badge p")
            .skip(1)
            .filter_map(|b| b.split('>').nth(1)?.split('<').next())
            .filter_map(rank)
            .max();
        let says = row.contains("ほか非公開の課題");
        hidden_rows += usize::from(says);
        if let Some(claimed) = rank(word) {
            assert!(
                listed.is_some_and(|l| claimed <= l),
                "{anchor}: {word} claimed, {listed:?} listed: {row}"
            );
        }
        // The cell's name says what is hidden too.
        let name = cell.split("</a>").next().expect("the cell");
        assert_eq!(says, name.contains("ほか非公開の課題"), "{name}");
    }
    assert!(hidden_rows > 0, "the bundled tree has internal 課題");
    // 原則 and national priorities by name, not by the city's codes.
    assert!(
        full.contains("<span class=\"id\">P2</span>"),
        "the staff's edition keeps codes"
    );
    assert!(html.contains("則る原則: DXは"), "principles named");
    for code in [
        "P1", "P2", "P3", "P4", "P5", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8",
    ] {
        assert!(
            !html.contains(&format!("<span class=\"id\">{code}</span>")),
            "{code} in the public edition"
        );
    }
    assert!(
        !full.contains("ほか非公開の課題"),
        "the internal edition hides nothing"
    );
    // Listed plus left out is the whole.
    let number = |page: &str, label: &str| -> usize {
        page.split(&format!("</div><div class=\"k\">{label}</div>"))
            .next()
            .and_then(|r| r.rsplit('>').next())
            .and_then(|n| n.parse().ok())
            .expect("a number")
    };
    let left_out: Vec<usize> = html
        .split("このほか、公開していない課題 ")
        .nth(1)
        .expect("the line of what is left out")
        .split(" 件")
        .take(3)
        .map(|n| {
            n.trim_start_matches('・')
                .trim_start_matches(|c: char| !c.is_ascii_digit())
                .parse()
                .expect("a count")
        })
        .collect();
    for (k, label) in ["課題", "手法", "技術"].iter().enumerate() {
        assert_eq!(
            number(&html, label) + left_out[k],
            number(&full, label),
            "{label}"
        );
    }
}

/// 速報 and 推計 values are marked wherever they are shown, with their date
/// and source; a D from a 評価不能 measurement gives its reason.
#[test]
fn values_say_how_far_they_can_be_trusted() {
    let html = stdout(dx(bundled()).args(["report", "--public"]));
    let card = between(
        &html,
        "<article class=\"record\" id=\"S-001\">",
        "</article>",
    )
    .expect("S-001's card");
    assert!(
        card.contains("31.5</span> <span class=\"mark\">速報</span>"),
        "{card}"
    );
    assert!(card.contains("出典: 電子申請システムの月報"), "{card}");
    // The history gives each source and note.
    assert!(
        card.contains("システム更新で対象手続の数え方が変わり"),
        "{card}"
    );
    let section = between(&html, "id=\"indicators\"", "</section>").expect("the indicators");
    assert!(
        section.contains("<span class=\"mark\">速報</span>"),
        "{section}"
    );

    let tree = common::tree(Some("reports"));
    let html = stdout(dx(tree.path()).arg("report"));
    let card = between(
        &html,
        "<article class=\"record\" id=\"S-007\">",
        "</article>",
    )
    .expect("S-007's card");
    assert!(card.contains("<span class=\"mark\">速報</span>"), "{card}");
    assert!(card.contains("<td>業務改革推進室の集計</td>"), "{card}");

    // A D from a latest measurement that could not be made gives its note
    // as the reason, or says none was written.
    let record = tree.path().join("gyosei/jimu/S-007.toml");
    let text = std::fs::read_to_string(&record).expect("S-007");
    let at = text
        .find("[[indicator]]\nname = \"削減した作業時間\"")
        .expect("the second indicator");
    let unmeasured = |note: &str| {
        format!(
            "{}[[indicator.observation]]\ndate = 2026-06-30\nstatus = \"評価不能\"\n{note}\n{}",
            &text[..at],
            &text[at..]
        )
    };
    for (note, want) in [
        (
            "note = \"集計システムの更新中\"",
            "最新の測定は評価不能: 集計システムの更新中",
        ),
        ("", "最新の測定は評価不能(理由の記載なし)"),
    ] {
        std::fs::write(&record, unmeasured(note)).expect("written");
        let html = stdout(dx(tree.path()).arg("report"));
        let card = between(
            &html,
            "<article class=\"record\" id=\"S-007\">",
            "</article>",
        )
        .expect("S-007's card");
        assert!(card.contains("grade-D"), "{card}");
        assert!(card.contains(want), "{want}\n{card}");
    }
}

/// dx.toml `[report] headline` puts the city's chosen indicators first; an
/// entry naming nothing is a finding with the record's indicators listed.
#[test]
fn headline_indicators_come_first() {
    let tree = common::tree(None);
    let root = tree.path();
    let settings = root.join("dx.toml");
    let text = std::fs::read_to_string(&settings).expect("dx.toml");
    let html = stdout(dx(root).arg("report"));
    assert!(
        !html.contains("id=\"headline\""),
        "no headline unless chosen"
    );
    // By name, by position, and with the slash typed full-width.
    for entry in [
        "S-001/オンライン申請率",
        "S-001/1",
        "S-001／オンライン申請率",
    ] {
        std::fs::write(
            &settings,
            format!("{text}\n[report]\nheadline = [\"{entry}\"]\n"),
        )
        .expect("written");
        let (code, out, _) = common::dx_on(root, common::TODAY, &["check"]);
        assert_eq!(code, 0, "{out}");
        let html = stdout(dx(root).arg("report"));
        let headline = html.find("id=\"headline\"").expect("the headline section");
        let numbers = html.find("id=\"numbers\"").expect("the numbers");
        assert!(headline < numbers, "the headline first");
        assert!(html.contains("<li><a href=\"#headline\">主な評価指標</a></li>"));
        assert!(html[headline..numbers].contains("オンライン申請率"));
        // S-001 is internal: the public edition has no headline to show.
        let public = stdout(dx(root).args(["report", "--public"]));
        assert!(
            !public.contains("id=\"headline\""),
            "internal records stay out"
        );
    }
    let with = "S-001";
    std::fs::write(
        &settings,
        format!("{text}\n[report]\nheadline = [\"S-999/オンライン申請率\", \"{with}/ないもの\"]\n"),
    )
    .expect("written");
    let (code, out, _) = common::dx_on(root, common::TODAY, &["check"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("[report] headline の「S-999/オンライン申請率」のレコードが見つかりません"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "[report] headline の「{with}/ないもの」の評価指標が見つかりません"
        )),
        "{out}"
    );
    assert!(out.contains("broken-link"), "{out}");
}

/// The English edition marks the records' Japanese text; `--dates wareki`
/// reaches the cover and the header.
#[test]
fn languages_and_dates_reach_the_whole_page() {
    let html = stdout(dx(bundled()).args(["report", "--lang", "en"]));
    assert!(html.contains("<html lang=\"en\">"));
    assert!(
        html.contains("<h5><span class=\"id\">K-001</span> <span lang=\"ja\">"),
        "record titles in Japanese"
    );
    assert!(
        html.contains("<h3><span lang=\"ja\">"),
        "分野 names in Japanese"
    );
    let ja = stdout(dx(bundled()).arg("report"));
    assert!(
        !ja.contains("<span lang=\"ja\">"),
        "a Japanese page needs no marks"
    );
    let wareki = stdout(dx(bundled()).args(["report", "--dates", "wareki"]));
    assert!(
        wareki.contains("令和8年11月24日 現在"),
        "the as-of date in 和暦"
    );
    assert!(!wareki.contains("2026-11-24"), "no ISO date left");
}

/// A report of more than 500 records folds each 領域's cards; a smaller
/// one, the size of a meeting's print-out, does not.
#[test]
fn large_reports_fold_each_domain() {
    let small = stdout(dx(bundled()).arg("report"));
    assert!(!small.contains("<details class=\"fold\">"));
    let tree = common::tree(None);
    let root = tree.path();
    let domain = root.join("kurashi/online");
    for n in 0..510 {
        std::fs::write(
            domain.join(format!("K-{:03}.toml", 500 + n)),
            format!("title = \"課題その{n}\"\nvision = [\"kurashi-1\"]\nowner = \"市民課\"\n"),
        )
        .expect("written");
    }
    let html = stdout(dx(root).args(["report", "--public"]));
    let html = if html.contains("<details class=\"fold\">") {
        html
    } else {
        stdout(dx(root).arg("report"))
    };
    assert!(
        html.contains("<details class=\"fold\"><summary>この領域のレコード "),
        "folded"
    );
    assert!(
        html.contains("<details class=\"fold\"><summary>この分野の評価指標 "),
        "indicators folded by 分野"
    );
    assert_eq!(
        html.matches("<details class=\"fold\">").count(),
        html.matches("</details>").count(),
        "every fold closed"
    );
    // Every card is still on the page.
    assert!(html.contains("id=\"K-1009\"") || html.contains("id=\"K-999\""));
}

/// A report as a page of its own (`--format html`): a table of records
/// becomes a card per row on a phone (its roles and each cell's label
/// written), a table of counts stays a grid with its row headers; IDs are
/// kept on one line by their type, and dates (the title's too) follow
/// `--dates`.
#[test]
fn a_report_page_lays_its_tables_out_for_a_phone() {
    let gap = stdout(dx(bundled()).args(["gap", "--format", "html", "--dates", "wareki"]));
    assert!(gap.starts_with("<!DOCTYPE html>"));
    assert!(
        gap.contains("<table class=\"stack\" role=\"table\">"),
        "records tables stack"
    );
    assert!(
        gap.contains("data-label=\"最も進んだ進捗\""),
        "cells labelled"
    );
    // The 基準日 in the title follows --dates as the tables' dates do.
    assert!(
        gap.contains("ギャップ分析(令和8年11月24日)"),
        "the title's date in 和暦"
    );
    let status = stdout(dx(bundled()).args(["status", "--format", "html"]));
    assert!(!status.contains("class=\"stack\""), "counts stay a grid");
    assert!(status.contains("<th scope=\"row\">暮らし手続き</th>"));
    let show =
        stdout(dx(bundled()).args(["show", "S-001", "--format", "html", "--dates", "wareki"]));
    assert!(
        show.contains("<td role=\"cell\" class=\"id\" data-label=\"ID\">K-001</td>"),
        "{show}"
    );
    assert!(
        show.contains("<dd>令和11年3月31日</dd>"),
        "the 見直し期限 in 和暦"
    );
    assert!(!show.contains("2029-03-31"), "no ISO date left");
}
