//! The dashboard's sections above the record cards: the headline
//! indicators, the numbers, the funnel, the ビジョン coverage, the
//! indicators, the glossary and the accessibility statement. Every number
//! and word is HTML text (readable at any width and zoom); colours and
//! bars only repeat what the text says.

use std::fmt::Write as _;

use super::tables::Table;
use super::{text, vision_anchor};
use crate::i18n::Lang;
use crate::render::escape::esc;
use crate::render::svg;
use crate::report::dashboard::{Dashboard, IndicatorRow};
use crate::report::gap::Coverage;
use crate::report::show::IndicatorView;
use crate::report::{number, percent};
use crate::vocab::{Grade, ObservationStatus, Progress};

pub(super) fn numbers(d: &Dashboard<'_>, lang: Lang) -> String {
    let r = lang.report_labels();
    let l = lang.labels();
    let c = &d.counts;
    let cards = [
        (r.issues, c.listed[0].to_string()),
        (r.methods, c.listed[1].to_string()),
        (r.technologies, c.listed[2].to_string()),
        (r.vision_covered, format!("{} / {}", c.vision.0, c.vision.1)),
        (l.indicators_overdue, c.overdue.to_string()),
        (l.indicators_behind_pace, c.behind_pace.to_string()),
        (l.reviews, c.reviews.to_string()),
        (l.decisions_waiting, c.decisions_waiting.to_string()),
    ];
    let mut h = String::from("<div class=\"cards\">");
    for (k, n) in cards {
        let _ = write!(
            h,
            "<div class=\"card\"><div class=\"n\">{}</div><div class=\"k\">{}</div></div>",
            esc(&n),
            esc(k)
        );
    }
    h.push_str("</div>");
    // What the public edition leaves out is counted, so that its numbers
    // add up with the whole portfolio's.
    if c.hidden.iter().any(|&n| n > 0) {
        let _ = write!(h, "<p>{}</p>", esc(&(r.hidden_records)(c.hidden)));
    }
    h
}

/// 手法 per stage, as a list: each step's name and count in text, a bar
/// beside it that only repeats the count.
pub(super) fn funnel(d: &Dashboard<'_>, lang: Lang) -> String {
    let r = lang.report_labels();
    let steps = d.funnel();
    let max = steps.iter().map(|s| s.1).max().unwrap_or(0).max(1);
    let mut h = String::from("<ol class=\"funnel\">");
    for ((stage, count), label) in steps.iter().zip(r.funnel_steps) {
        // A step in the colour of the progress it gives a 課題, as the map
        // and the badges have it; what is no longer pursued in grey.
        let fill = match stage.and_then(Progress::from_stage) {
            Some(p) => svg::progress_colors(Some(p)).0,
            None => "#9ca3af",
        };
        let _ = write!(
            h,
            "<li><span class=\"f-label\">{}</span><span class=\"f-track\" aria-hidden=\"true\"><span class=\"f-bar\" style=\"width:{}%;background:{fill}\"></span></span><span class=\"f-count\">{count}</span></li>",
            esc(label),
            count * 100 / max,
        );
    }
    h.push_str("</ol>");
    h
}

/// The ビジョン coverage: a map of links, one per item, coloured by the
/// furthest progress among the 課題 the edition lists; then the same as a
/// table, each item with its words, its 課題 and what is left out.
pub(super) fn coverage(d: &Dashboard<'_>, lang: Lang) -> String {
    let r = lang.report_labels();
    let l = lang.labels();
    let mut h = String::from("<div class=\"heat\">");
    for row in &d.coverage {
        let _ = write!(
            h,
            "<div class=\"heat-row\" role=\"group\" aria-label=\"{0}\"><span class=\"heat-field\" aria-hidden=\"true\">{1}</span>",
            esc(&row.field),
            text(&row.field, lang)
        );
        for cell in &row.cells {
            let (fill, ink) = svg::progress_colors(cell.best);
            let word = match cell.coverage {
                Coverage::Uncovered => l.uncovered,
                _ => cell.best.map_or("", |p| lang.progress(p)),
            };
            let hidden = if cell.hidden > 0 {
                format!(" ({})", (r.hidden_issues)(cell.hidden))
            } else {
                String::new()
            };
            // The link's name starts with what it shows (the number and
            // the state), then the 分野 and the item's words (WCAG 2.5.3).
            let _ = write!(
                h,
                "<a class=\"heat-cell{none}\" href=\"#{anchor}\" style=\"background:{fill};color:{ink}\">{number}<small> {word}</small><span class=\"sr-only\"> {field}: {text}{hidden}</span></a>",
                none = if cell.best.is_none() { " none" } else { "" },
                anchor = esc(&vision_anchor(&cell.id)),
                number = esc(&cell.number),
                word = esc(word),
                field = text(&row.field, lang),
                text = text(&cell.text, lang),
                hidden = esc(&hidden),
            );
        }
        h.push_str("</div>");
    }
    h.push_str("</div>");
    let _ = write!(h, "<p class=\"legend\">{}", esc(r.legend));
    for p in Progress::ALL {
        let (fill, _) = svg::progress_colors(Some(*p));
        let _ = write!(
            h,
            "<span class=\"swatch\" style=\"background:{fill}\"></span>{}",
            esc(lang.progress(*p))
        );
    }
    // The map's contents as a table: each item, its words, its 課題.
    h.push_str("</p>");
    let table = Table::open(&mut h, "vision", r.coverage, true);
    table.body(&mut h);
    for cell in d.coverage.iter().flat_map(|row| &row.cells) {
        let issues: Vec<String> = cell
            .issues
            .iter()
            // Each 課題 linked by its title (a link's words say where it
            // goes, WCAG 2.4.4), its ID beside it.
            .map(|i| {
                format!(
                    "<span class=\"issue\"><span class=\"id\">{id}</span> <a href=\"#{id}\">{title}</a>{}</span>",
                    super::cards::badge(&i.state, lang),
                    id = esc(&i.id),
                    title = text(&i.title, lang),
                )
            })
            .collect();
        let flag = match cell.coverage {
            Coverage::Uncovered => format!(" <strong>{}</strong>", esc(l.uncovered)),
            Coverage::Unaddressed => format!(" <strong>{}</strong>", esc(l.unaddressed)),
            Coverage::Covered => String::new(),
        };
        let hidden = if cell.hidden > 0 {
            format!(
                " <span class=\"hidden-count\">{}</span>",
                esc(&(r.hidden_issues)(cell.hidden))
            )
        } else {
            String::new()
        };
        table.tr(
            &mut h,
            &format!(" id=\"{}\"", esc(&vision_anchor(&cell.id))),
        );
        table.th_row(&mut h);
        let _ = write!(h, "{}</th>", text(&cell.shown, lang));
        table.td(&mut h, "", None);
        let _ = write!(h, "{}</td>", text(&cell.text, lang));
        table.td(&mut h, "", None);
        let _ = write!(h, "{}{flag}{hidden}</td></tr>", issues.join(" "));
    }
    table.close(&mut h);
    h
}

/// The current value as people must read it: the number, 速報 or 推計
/// said beside it, then its date and source.
pub(super) fn actual(i: &IndicatorView, d: &Dashboard<'_>, lang: Lang) -> String {
    let r = lang.report_labels();
    let Some(value) = i.actual else {
        return esc(r.unmeasured);
    };
    let mut h = format!("<span class=\"nobr\">{}</span>", esc(&number(value)));
    if matches!(
        i.actual_status,
        ObservationStatus::Preliminary | ObservationStatus::Estimate
    ) {
        let _ = write!(
            h,
            " <span class=\"mark\">{}</span>",
            esc(lang.observation_status(i.actual_status.as_str()))
        );
    }
    let mut sub = Vec::new();
    if let Some(m) = &i.measured {
        sub.push(format!(
            "<span class=\"nobr\">{}</span>",
            esc(&d.dates.show_text(m))
        ));
    }
    // The label in the page's language, the source as written.
    if let Some(s) = &i.actual_source {
        sub.push(format!("{}: {}", esc(r.source), text(s, lang)));
    }
    if !sub.is_empty() {
        let _ = write!(h, "<span class=\"sub\">{}</span>", sub.join(" "));
    }
    // One element: on a phone the cell is a grid of its label and value.
    format!("<span class=\"val\">{h}</span>")
}

/// The grade with its label, and why a D is a D when the latest
/// measurement could not be made.
pub(super) fn grade(i: &IndicatorView, d: &Dashboard<'_>, lang: Lang) -> String {
    let l = lang.labels();
    let mut h = format!(
        "<span class=\"grade grade-{g}\">{}</span>",
        esc(&(l.paren)(
            i.graded.letter(),
            lang.grade_label(i.graded, d.grades)
        )),
        g = i.graded.letter(),
    );
    if let Some(reason) = &i.unmeasurable {
        let r = lang.report_labels();
        let why = if reason.is_empty() {
            esc(&(l.paren)(r.unmeasurable, r.no_reason))
        } else {
            format!("{}: {}", esc(r.unmeasurable), text(reason, lang))
        };
        let _ = write!(h, "<span class=\"sub\">{why}</span>");
    }
    format!("<span class=\"val\">{h}</span>")
}

/// Indicator rows as a table that becomes a card per row on a phone. In a
/// large report (`fold`), a table per 分野 under its heading, folded.
pub(super) fn indicators(
    d: &Dashboard<'_>,
    rows: &[IndicatorRow],
    fold: bool,
    lang: Lang,
) -> String {
    let l = lang.labels();
    let r = lang.report_labels();
    if rows.is_empty() {
        return format!("<p>{}</p>", esc(l.nothing));
    }
    let mut h = String::new();
    if fold {
        for group in rows.chunk_by(|a, b| a.field == b.field) {
            let _ = write!(
                h,
                "<h3>{}</h3><details class=\"fold\"><summary>{}</summary>{}</details>",
                text(&group[0].field, lang),
                esc(&(r.fold_indicators)(group.len())),
                indicator_table(d, group, lang)
            );
        }
    } else {
        h.push_str(&indicator_table(d, rows, lang));
    }
    // What the bars' colours and line say, in words.
    let _ = write!(h, "<p class=\"legend\">{}", esc(r.bar_legend));
    for g in Grade::ALL {
        let _ = write!(
            h,
            "<span class=\"swatch\" style=\"background:{}\"></span>{}",
            svg::grade_color(g),
            g.letter()
        );
    }
    h.push_str("</p>");
    h
}

fn indicator_table(d: &Dashboard<'_>, rows: &[IndicatorRow], lang: Lang) -> String {
    let l = lang.labels();
    let mut h = String::new();
    let table = Table::open(&mut h, "stack", l.indicators, true);
    let mut columns = vec![(l.id, false)];
    columns.extend(indicator_columns(lang));
    table.head(&mut h, &columns);
    for row in rows {
        table.tr(&mut h, "");
        table.td(&mut h, "", Some(l.id));
        let _ = write!(
            h,
            "<a class=\"id\" href=\"#{0}\">{0}</a></td>",
            esc(&row.id)
        );
        indicator_cells(&table, &mut h, d, &row.view, lang);
        h.push_str("</tr>");
    }
    table.close(&mut h);
    h
}

/// The headings of [`indicator_cells`], each with whether it holds numbers.
pub(super) fn indicator_columns(lang: Lang) -> [(&'static str, bool); 5] {
    let l = lang.labels();
    [
        (l.indicator, false),
        (l.baseline_target, false),
        (l.actual, true),
        (l.attainment, false),
        (l.grade, false),
    ]
}

/// An indicator's cells, each labelled for the card it becomes on a phone:
/// its name, baseline → target, the current value, 達成度 and the grade.
pub(super) fn indicator_cells(
    table: &Table,
    h: &mut String,
    d: &Dashboard<'_>,
    i: &IndicatorView,
    lang: Lang,
) {
    let l = lang.labels();
    let n = |v: Option<f64>| v.map_or_else(String::new, number);
    table.td(h, "", Some(l.indicator));
    let _ = write!(h, "{}</td>", text(&i.name, lang));
    table.td(h, "", Some(l.baseline_target));
    let _ = write!(
        h,
        "<span class=\"nobr\">{} → {} {}</span></td>",
        esc(&n(i.baseline)),
        esc(&n(i.target)),
        text(&i.unit, lang)
    );
    table.td(h, "num", Some(l.actual));
    let _ = write!(h, "{}</td>", actual(i, d, lang));
    table.td(h, "attain", Some(l.attainment));
    let _ = write!(
        h,
        "<span class=\"pct\">{}</span>{}</td>",
        esc(&percent(i.attainment)),
        svg::indicator_bar(i.attainment, i.graded)
    );
    table.td(h, "", Some(l.grade));
    let _ = write!(h, "{}</td>", grade(i, d, lang));
}

/// The words of the report in plain language, for citizens first: what a
/// 課題, a 手法, a stage, 達成度 and a grade are. The grades' labels are the
/// tree's own (dx.toml `[grades] labels`).
pub(super) fn glossary(d: &Dashboard<'_>, lang: Lang) -> String {
    let r = lang.report_labels();
    let mut h = String::from("<dl class=\"facts glossary\">");
    for (term, text) in r.glossary_terms {
        let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", esc(term), esc(text));
    }
    let (term, words) = r.glossary_grades;
    let grades: Vec<String> = Grade::ALL
        .iter()
        .map(|g| format!("{} {}", g.letter(), lang.grade_label(*g, d.grades)))
        .collect();
    let _ = write!(
        h,
        "<dt>{}</dt><dd>{}{}</dd></dl>",
        esc(term),
        esc(words),
        text(&grades.join(lang.pick("、", ", ")), lang)
    );
    h
}

/// The public report's accessibility statement, in the form Japanese
/// cities publish (みんなの公共サイト運用ガイドライン): what the city declares
/// in dx.toml `[accessibility]`, and what is not yet declared said so, never
/// a test the city did not make. Then what dx itself checks, as what it is.
pub(super) fn statement(d: &Dashboard<'_>, lang: Lang) -> String {
    let r = lang.report_labels();
    let s = &d.statement;
    let scope = s.scope.as_deref().unwrap_or(r.a11y_scope);
    let level = s.level.map(|c| lang.pick(c.as_str(), c.en()));
    let date = |x: Option<jiff::civil::Date>, none: &str| {
        x.map_or_else(|| esc(none), |x| esc(&d.dates.show(x)))
    };
    let exceptions = if s.exceptions.is_empty() {
        esc(r.a11y_no_exceptions)
    } else {
        text(&s.exceptions.join(lang.pick("。", "; ")), lang)
    };
    let or_dash = |x: &Option<String>| {
        x.as_deref()
            .map_or_else(|| "—".to_owned(), |x| text(x, lang))
    };
    let values = [
        date(s.declared, r.a11y_not_declared),
        esc(r.a11y_standard),
        "AA".to_owned(),
        esc(level.unwrap_or(r.a11y_not_declared)),
        text(scope, lang),
        esc(r.a11y_technologies),
        date(s.tested, r.a11y_not_tested),
        or_dash(&s.pages),
        exceptions,
        or_dash(&s.contact),
    ];
    let mut h = format!(
        "<p>{}</p><dl class=\"facts\">",
        esc(&(r.a11y_policy)(&d.cover.organization, scope, level))
    );
    for (k, v) in r.a11y_fields.iter().zip(values) {
        let _ = write!(h, "<dt>{}</dt><dd>{v}</dd>", esc(k));
    }
    let _ = write!(h, "</dl><p>{}</p>", esc(r.a11y_dx_check));
    h
}
