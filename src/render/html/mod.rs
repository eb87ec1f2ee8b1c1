//! The meeting dashboard as one self-contained HTML file: inline CSS with a
//! print stylesheet for A4, inline SVG charts, no script and no external
//! asset, so that it opens from an intranet share and prints as it looks.
//! Every text from the records is escaped.

use std::fmt::Write as _;
use std::io;

use crate::i18n::Lang;
use crate::model::{Model, Visibility};
use crate::render::escape::esc;
use crate::render::svg;
use crate::report::dashboard::Dashboard;
use crate::report::doc::{Block, Doc};
use crate::report::gap::Coverage;
use crate::report::show::{Link, Show};
use crate::report::{number, percent, state_word};

mod css;
mod tables;

use css::CSS;
use tables::accessible_tables;

/// A report document as a page of its own, to print (`dx agenda --format html`).
#[must_use]
pub fn page(doc: &Doc, lang: Lang) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><style>{CSS}</style></head><body><main><h1>{title}</h1>{body}</main></body></html>\n",
        code = lang.code(),
        title = esc(&doc.title),
        body = blocks(doc),
    )
}

/// A record ID as tables show it (`K-001`, `S-012`): letters, a hyphen,
/// digits.
fn looks_like_id(cell: &str) -> bool {
    cell.split_once('-').is_some_and(|(prefix, number)| {
        !prefix.is_empty()
            && prefix.chars().all(|c| c.is_ascii_uppercase())
            && !number.is_empty()
            && number.chars().all(|c| c.is_ascii_digit())
    })
}

/// A report document's blocks as HTML (its title is left out).
#[must_use]
pub fn blocks(doc: &Doc) -> String {
    let mut h = String::new();
    // A table's caption is the heading it stands under, for screen readers
    // that list tables (seen once, as the heading, on screen).
    let mut caption: Option<&str> = None;
    for block in &doc.blocks {
        match block {
            Block::Heading(t) => {
                let _ = write!(h, "<h3>{}</h3>", esc(t));
                caption = Some(t);
            }
            Block::Text(t) => {
                let _ = write!(h, "<p>{}</p>", esc(t));
            }
            Block::Facts(facts) => {
                h.push_str("<dl class=\"facts\">");
                for (k, v) in facts {
                    let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(v));
                }
                h.push_str("</dl>");
            }
            // An empty table is said by the text before it (「なし」).
            Block::Table(t) if t.rows.is_empty() => {}
            Block::Table(t) => {
                h.push_str("<table>");
                if let Some(c) = caption {
                    let _ = write!(h, "<caption class=\"sr-only\">{}</caption>", esc(c));
                }
                h.push_str("<thead><tr>");
                for (i, head) in t.headers.iter().enumerate() {
                    let class = if t.numeric.contains(&i) {
                        " class=\"num\""
                    } else {
                        ""
                    };
                    let _ = write!(h, "<th{class}>{}</th>", esc(head));
                }
                h.push_str("</tr></thead><tbody>");
                for (r, row) in t.rows.iter().enumerate() {
                    let total = t.totals && r + 1 == t.rows.len();
                    h.push_str(if total {
                        "<tr class=\"total\">"
                    } else {
                        "<tr>"
                    });
                    for (i, cell) in row.iter().enumerate() {
                        // A table of counts is read by its first column: a
                        // row header, kept on one line (a 分野's name, not
                        // one letter a line on a phone).
                        if i == 0 && !t.numeric.is_empty() && !t.numeric.contains(&0) {
                            let _ = write!(h, "<th scope=\"row\">{}</th>", esc(cell));
                            continue;
                        }
                        // An ID never breaks across lines (「S-」/「003」).
                        let class = if t.numeric.contains(&i) {
                            " class=\"num\""
                        } else if looks_like_id(cell) {
                            " class=\"id\""
                        } else {
                            ""
                        };
                        let _ = write!(h, "<td{class}>{}</td>", esc(cell));
                    }
                    h.push_str("</tr>");
                }
                h.push_str("</tbody></table>");
            }
            Block::Outline(lines) => {
                h.push_str("<ul>");
                for (depth, line) in lines {
                    let _ = write!(
                        h,
                        "<li style=\"margin-left:{}em\">{}</li>",
                        depth * 2,
                        esc(line)
                    );
                }
                h.push_str("</ul>");
            }
            Block::FoldStart(summary) => {
                let _ = write!(h, "<details><summary>{}</summary>", esc(summary));
            }
            Block::FoldEnd => h.push_str("</details>"),
            Block::Trailer(t) => {
                let _ = write!(h, "<p>{}</p>", esc(t));
            }
        }
    }
    h
}

fn badge(state: &str, lang: Lang) -> String {
    if state.is_empty() {
        return String::new();
    }
    let progress = match state {
        "検討" => "検討中",
        "実証実験" | "先行導入" => "実証中",
        "運用" => "運用中",
        "見送り" | "廃止" => "未着手",
        other => other,
    };
    let (fill, ink) = svg::progress_colors(Some(progress));
    format!(
        r#"<span class="badge" style="background:{fill};color:{ink}">{}</span>"#,
        esc(&state_word(state, lang))
    )
}

/// The anchor of a ビジョン item.
fn vision_anchor(id: &str) -> String {
    format!("vision-{id}")
}

fn link_html(d: &Dashboard<'_>, link: &Link, lang: Lang) -> String {
    let hidden = d.public
        && d.model
            .record(&link.id)
            .is_some_and(|r| r.visibility() != Visibility::Public);
    if hidden {
        return format!(
            "<span class=\"hidden\">{}</span>",
            esc(lang.report_labels().hidden)
        );
    }
    let anchor = match link.kind {
        "issue" | "method" | "technology" => Some(link.id.clone()),
        "vision" => Some(vision_anchor(&link.id)),
        _ => None,
    };
    let text = format!("{} {}", link.shown, link.title);
    let body = match anchor {
        Some(a) => format!("<a href=\"#{}\">{}</a>", esc(&a), esc(&text)),
        None => esc(&text),
    };
    format!("{body}{}", badge(&link.state, lang))
}

fn record_html(d: &Dashboard<'_>, show: &Show, lang: Lang) -> String {
    let l = lang.labels();
    let mut h = format!(
        // A heading a level below its 領域's (h4), the ID, title and state
        // apart as words, so a screen reader does not run them together.
        r#"<article class="record" id="{id}"><h5><span class="id">{id}</span> {title} {badge}</h5>"#,
        id = esc(&show.id),
        title = esc(&show.title),
        badge = badge(
            show.facts
                .iter()
                .find(|f| matches!(f.key, "stage" | "progress"))
                .map_or("", |f| f.value.as_str()),
            lang
        ),
    );
    let facts: Vec<_> = show
        .facts
        .iter()
        .filter(|f| !matches!(f.key, "stage" | "progress" | "path" | "field"))
        .filter(|f| !(d.public && matches!(f.key, "owner" | "visibility")))
        .collect();
    if !facts.is_empty() {
        h.push_str("<dl class=\"facts\">");
        for f in facts {
            let value = if f.key == "visibility" {
                (l.visibility_word)(&f.value).to_owned()
            } else {
                d.dates.show_text(&f.value)
            };
            let _ = write!(
                h,
                "<dt>{}</dt><dd>{}</dd>",
                esc((l.fact)(f.key)),
                esc(&value)
            );
        }
        h.push_str("</dl>");
    }
    let links: Vec<&Link> = show.up.iter().chain(&show.down).collect();
    if !links.is_empty() {
        h.push_str("<ul class=\"links\">");
        for link in links {
            let _ = write!(
                h,
                "<li>{}: {}</li>",
                esc((l.relation)(link.relation)),
                link_html(d, link, lang)
            );
        }
        h.push_str("</ul>");
    }
    if let Some(team) = show.team.as_ref().filter(|_| !d.public) {
        let _ = write!(h, "<p>{}: {}</p>", esc(l.team), esc(&team.name));
    }
    if !show.indicators.is_empty() {
        let n = |v: Option<f64>| v.map_or_else(String::new, number);
        let _ = write!(
            h,
            "<table class=\"stack\"><caption class=\"sr-only\">{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            esc(l.indicators),
            esc(l.indicator),
            esc(l.baseline_target),
            esc(l.actual),
            esc(l.attainment),
            esc(l.grade),
            esc(l.measured)
        );
        for i in &show.indicators {
            let _ = write!(
                h,
                "<tr><td data-label=\"{}\">{}</td><td data-label=\"{}\"><span class=\"nobr\">{} → {} {}</span></td><td class=\"num\" data-label=\"{}\">{}</td><td class=\"attain\" data-label=\"{}\"><span class=\"pct\">{}</span>{}</td><td data-label=\"{}\"><span class=\"grade grade-{}\">{}</span></td><td class=\"date\" data-label=\"{}\">{}</td></tr>",
                esc(l.indicator),
                esc(&i.name),
                esc(l.baseline_target),
                esc(&n(i.baseline)),
                esc(&n(i.target)),
                esc(&i.unit),
                esc(l.actual),
                esc(&n(i.actual)),
                esc(l.attainment),
                esc(&percent(i.attainment)),
                svg::indicator_bar(i.attainment, i.grade),
                esc(l.grade),
                i.grade,
                esc(&(l.paren)(i.grade, &i.grade_label)),
                esc(l.measured),
                esc(&d.dates.show_text(i.measured.as_deref().unwrap_or(""))),
            );
        }
        h.push_str("</tbody></table>");
        for i in show.indicators.iter().filter(|i| i.observations.len() > 1) {
            h.push_str(&history(i, d.dates, lang));
        }
    }
    if !show.decisions.is_empty() {
        let _ = write!(
            h,
            "<table><caption class=\"sr-only\">{}</caption><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            esc(l.decisions),
            esc(l.date),
            esc(l.body),
            esc(l.result),
            esc(l.note)
        );
        for x in &show.decisions {
            let _ = write!(
                h,
                "<tr><td class=\"date\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&d.dates.show_text(x.date.as_deref().unwrap_or(""))),
                esc(x.body.unwrap_or("")),
                esc(x.result.unwrap_or("")),
                esc(x.note.as_deref().unwrap_or(""))
            );
        }
        h.push_str("</tbody></table>");
    }
    h.push_str("</article>");
    h
}

fn numbers(d: &Dashboard<'_>, lang: Lang) -> String {
    let r = lang.report_labels();
    let l = lang.labels();
    let s = &d.gap.summary;
    let count = |k| d.model.records_of(k).count();
    let cards = [
        (
            r.issues.to_owned(),
            count(crate::model::Kind::Issue).to_string(),
        ),
        (
            r.methods.to_owned(),
            count(crate::model::Kind::Method).to_string(),
        ),
        (
            r.technologies.to_owned(),
            count(crate::model::Kind::Technology).to_string(),
        ),
        (
            r.vision_covered.to_owned(),
            format!("{} / {}", s.covered + s.unaddressed, s.vision_items),
        ),
        (
            l.indicators_overdue.to_owned(),
            s.indicators_overdue.to_string(),
        ),
        (
            l.indicators_behind_pace.to_owned(),
            s.indicators_behind_pace.to_string(),
        ),
        (
            l.reviews.to_owned(),
            (s.reviews_overdue + s.reviews_due_soon).to_string(),
        ),
        (
            l.decisions_waiting.to_owned(),
            s.decisions_waiting.to_string(),
        ),
    ];
    let mut h = String::from("<div class=\"cards\">");
    for (k, n) in cards {
        let _ = write!(
            h,
            "<div class=\"card\"><div class=\"n\">{}</div><div class=\"k\">{}</div></div>",
            esc(&n),
            esc(&k)
        );
    }
    h.push_str("</div>");
    h
}

fn coverage(d: &Dashboard<'_>, lang: Lang) -> String {
    let r = lang.report_labels();
    let l = lang.labels();
    let circled = crate::model::circled;
    let rows: Vec<(String, Vec<svg::Cell<'_>>)> = d
        .model
        .fields
        .iter()
        .map(|f| {
            let cells = f
                .vision
                .iter()
                .filter_map(|item| {
                    d.gap
                        .vision
                        .iter()
                        .find(|v| v.id == item.id)
                        .map(|v| (item, v))
                })
                .map(|(item, v)| {
                    let word = match v.coverage {
                        Coverage::Uncovered => l.uncovered,
                        _ => v.best.map_or("", |b| {
                            crate::model::Progress::parse(b).map_or("", |p| lang.progress(p))
                        }),
                    };
                    svg::Cell {
                        anchor: vision_anchor(&v.id),
                        label: circled(item.no),
                        progress: v.best,
                        word,
                        // The accessible name starts with the visible text
                        // (the number, the state), then the 分野 and the
                        // item's words (WCAG 2.5.3 Label in Name).
                        tooltip: format!("{} {word} {}: {}", circled(item.no), f.name, v.text),
                    }
                })
                .collect();
            (f.name.clone(), cells)
        })
        .collect();
    let mut h = svg::heatmap(&rows, r.coverage);
    let _ = write!(h, "<p class=\"legend\">{}", esc(r.legend));
    for p in crate::model::Progress::ALL {
        let (fill, _) = svg::progress_colors(Some(p.as_str()));
        let word = lang.progress(*p);
        let _ = write!(
            h,
            "<span class=\"swatch\" style=\"background:{fill}\"></span>{}",
            esc(word)
        );
    }
    // The heat map's numbers, as a table (each item, its text, its 課題).
    let _ = write!(
        h,
        "</p><table><caption class=\"sr-only\">{}</caption><tbody>",
        esc(r.coverage)
    );
    for v in &d.gap.vision {
        let issues: Vec<String> = v
            .issues
            .iter()
            // Each 課題 linked by its title (a link's words say where it
            // goes, WCAG 2.4.4), its ID beside it.
            .map(|i| {
                format!(
                    "<span class=\"issue\"><span class=\"id\">{id}</span> <a href=\"#{id}\">{title}</a>{}</span>",
                    badge(&i.state, lang),
                    id = esc(&i.id),
                    title = esc(&i.title),
                )
            })
            .collect();
        let flag = match v.coverage {
            Coverage::Uncovered => format!(" <strong>{}</strong>", esc(l.uncovered)),
            Coverage::Unaddressed => format!(" <strong>{}</strong>", esc(l.unaddressed)),
            Coverage::Covered => String::new(),
        };
        let _ = write!(
            h,
            "<tr id=\"{anchor}\"><th scope=\"row\">{id}</th><td>{text}</td><td>{issues}{flag}</td></tr>",
            anchor = esc(&vision_anchor(&v.id)),
            id = esc(&d.model.shown_id(&v.id)),
            text = esc(&v.text),
            issues = issues.join(" "),
        );
    }
    h.push_str("</tbody></table>");
    h
}

fn indicators(d: &Dashboard<'_>, lang: Lang) -> String {
    let l = lang.labels();
    let r = lang.report_labels();
    if d.indicators.is_empty() {
        return format!("<p>{}</p>", esc(l.nothing));
    }
    let mut h = format!(
        "<table class=\"stack\"><caption class=\"sr-only\">{}</caption><thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(l.indicators),
        esc(l.id),
        esc(l.indicator),
        esc(l.baseline_target),
        esc(l.actual),
        esc(l.attainment),
        esc(l.grade)
    );
    for bar in &d.indicators {
        let record = &d.model.records[bar.record];
        let actual = bar.actual.map_or_else(|| r.unmeasured.to_owned(), number);
        let _ = write!(
            h,
            "<tr><td data-label=\"{hid}\"><a class=\"id\" href=\"#{id}\">{id}</a></td><td data-label=\"{hname}\">{name}</td><td data-label=\"{hbt}\"><span class=\"nobr\">{b} → {t} {unit}</span></td><td class=\"num\" data-label=\"{hact}\">{actual}</td><td class=\"attain\" data-label=\"{hatt}\"><span class=\"pct\">{pct}</span>{svg}</td><td data-label=\"{hgr}\"><span class=\"grade grade-{g}\">{grade}</span></td></tr>",
            hid = esc(l.id),
            hname = esc(l.indicator),
            hbt = esc(l.baseline_target),
            hact = esc(l.actual),
            hatt = esc(l.attainment),
            hgr = esc(l.grade),
            g = bar.grade.letter(),
            grade = esc(&(l.paren)(
                bar.grade.letter(),
                lang.grade_label(bar.grade, &d.model.settings.grades)
            )),
            id = esc(&record.id),
            name = esc(&bar.name),
            b = esc(&number(bar.baseline)),
            t = esc(&number(bar.target)),
            unit = esc(&bar.unit),
            actual = esc(&actual),
            pct = esc(&percent(bar.attainment)),
            svg = svg::indicator_bar(bar.attainment, bar.grade.letter()),
        );
    }
    h.push_str("</tbody></table>");
    // What the bars' colours and line say, in words.
    let _ = write!(h, "<p class=\"legend\">{}", esc(r.bar_legend));
    for g in ["A", "B", "C", "D"] {
        let _ = write!(
            h,
            "<span class=\"swatch\" style=\"background:{}\"></span>{g}",
            svg::grade_color(g)
        );
    }
    h.push_str("</p>");
    h
}

/// An indicator's history: a small line beside the table of its numbers
/// (the table is what screen readers read; the line is hidden from them).
fn history(
    i: &crate::report::show::IndicatorView,
    dates: crate::calendar::DateStyle,
    lang: Lang,
) -> String {
    let l = lang.labels();
    let mut points: Vec<(i32, f64)> = i
        .observations
        .iter()
        .filter_map(|o| {
            let date: jiff::civil::Date = o.date.as_deref()?.parse().ok()?;
            let days = (date - jiff::civil::Date::constant(2000, 1, 1)).get_days();
            Some((days, o.value?))
        })
        .collect();
    points.sort_by_key(|p| p.0);
    let n = |v: Option<f64>| v.map_or_else(String::new, number);
    let mut h = format!(
        "<figure class=\"history\"><figcaption>{}</figcaption><div>{}<p class=\"legend\" aria-hidden=\"true\">{}</p></div>",
        esc(&(l.history)(&i.name)),
        svg::trend(&points, i.baseline, i.target),
        svg::TREND_LINES
            .iter()
            .zip(lang.report_labels().trend_legend)
            .map(|(line, word)| format!("{}{}", svg::line_sample(*line), esc(word)))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let _ = write!(
        h,
        "<table class=\"compact\"><caption class=\"sr-only\">{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        esc(&(l.history)(&i.name)),
        esc(l.measured),
        esc(l.fiscal_year),
        esc(l.value),
        esc(l.observation_status)
    );
    for o in &i.observations {
        let _ = write!(
            h,
            "<tr><td class=\"date\">{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            esc(&dates.show_text(o.date.as_deref().unwrap_or(""))),
            esc(&o
                .fiscal_year
                .map(|fy| lang.fiscal_year(fy))
                .unwrap_or_default()),
            esc(&n(o.value)),
            esc(lang.observation_status(o.status))
        );
    }
    h.push_str("</tbody></table></figure>");
    h
}

/// The records section, written straight out: it is most of the page.
fn records(d: &Dashboard<'_>, lang: Lang, out: &mut dyn io::Write) -> io::Result<()> {
    let (mut field, mut domain) = (None, None);
    for &i in &d.records {
        let r = &d.model.records[i];
        if r.field != field {
            field = r.field;
            let name = r.field.map_or("", |f| d.model.fields[f].name.as_str());
            write!(out, "<h3>{}</h3>", esc(name))?;
        }
        if r.domain != domain {
            domain = r.domain;
            let name = r.domain.map_or("", |x| d.model.domains[x].name.as_str());
            write!(out, "<h4>{}</h4>", esc(name))?;
        }
        let show = Show::of_record(d.model, i, d.today, lang);
        out.write_all(accessible_tables(&record_html(d, &show, lang)).as_bytes())?;
    }
    Ok(())
}

fn header(model: &Model, d: &Dashboard<'_>, lang: Lang) -> String {
    let r = lang.report_labels();
    let s = &model.settings;
    let org = s.organization.as_deref().unwrap_or("");
    let mut meta = Vec::new();
    if let Some(g) = &s.guideline {
        meta.push(match &s.guideline_version {
            Some(v) => format!("{g} {}", (r.edition)(v)),
            None => g.clone(),
        });
    }
    meta.push((r.as_of)(&d.today.to_string()));
    if let (Some(a), Some(b)) = (s.period_start, s.period_end) {
        meta.push((r.period)(&a.to_string(), &b.to_string()));
    }
    // The internal edition says so on its cover, at the top of the page and
    // (through the page style) on every printed page.
    let stamp = if d.public {
        String::new()
    } else {
        format!("<p class=\"stamp\">{}</p>", esc(r.internal_stamp))
    };
    // The printed report's first page: who, what, when, and the 事務局.
    let mut h = format!(
        "<div class=\"cover\" aria-hidden=\"true\">{stamp}<p class=\"cover-org\">{org}</p><p class=\"cover-title\">{title}</p><p>{when}</p>{secretariat}</div>",
        org = esc(org),
        title = esc(r.title),
        when = esc(&(r.as_of)(&d.today.to_string())),
        secretariat = s
            .secretariat
            .as_deref()
            .map(|x| format!("<p>{}</p>", esc(&(r.secretariat)(x))))
            .unwrap_or_default(),
    );
    let _ = write!(
        h,
        "<header>{stamp}<h1>{} {}</h1><p class=\"meta\">{}</p>",
        esc(org),
        esc(r.title),
        esc(&meta.join(" ・ "))
    );
    let note = if d.public {
        r.public_note
    } else {
        r.internal_note
    };
    let _ = write!(h, "<p class=\"note\">{}</p>", esc(note));
    if d.errors.0 > 0 {
        let _ = write!(
            h,
            "<p class=\"note\" role=\"alert\">{}</p>",
            esc(&(r.has_errors)(d.errors.0, d.errors.1))
        );
    }
    h.push_str("</header>");
    h
}

/// The words of the report in plain language, for citizens first: what a
/// 課題, a 手法, a stage, 達成度 and a grade are. The grades' labels are the
/// tree's own (dx.toml `[grades] labels`).
fn glossary(model: &Model, lang: Lang) -> String {
    let r = lang.report_labels();
    let mut h = String::from("<dl class=\"facts glossary\">");
    for (term, text) in r.glossary_terms {
        let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", esc(term), esc(text));
    }
    let (term, text) = r.glossary_grades;
    let grades: Vec<String> = crate::vocab::Grade::ALL
        .iter()
        .map(|g| {
            format!(
                "{} {}",
                g.letter(),
                lang.grade_label(*g, &model.settings.grades)
            )
        })
        .collect();
    let _ = write!(
        h,
        "<dt>{}</dt><dd>{}{}</dd></dl>",
        esc(term),
        esc(text),
        esc(&grades.join(lang.pick("、", ", ")))
    );
    h
}

/// The public report's accessibility statement, in the form Japanese
/// cities publish (みんなの公共サイト運用ガイドライン): what the city declares
/// in dx.toml `[accessibility]`, and what is not yet declared said so, never
/// a test the city did not make. Then what dx itself checks, as what it is.
fn statement(model: &Model, lang: Lang) -> String {
    let r = lang.report_labels();
    let s = &model.settings;
    let a = &s.accessibility;
    let org = s.organization.as_deref().unwrap_or("");
    let scope = a.scope.as_deref().unwrap_or(r.a11y_scope);
    let level = a.level.map(|c| lang.pick(c.as_str(), c.en()));
    let date = |d: Option<jiff::civil::Date>, none: &str| {
        d.map_or_else(|| none.to_owned(), |d| d.to_string())
    };
    let contact = a.contact.clone().or_else(|| {
        let c = &s.contact;
        let parts: Vec<&str> = [&c.name, &c.phone, &c.email]
            .into_iter()
            .filter_map(|x| x.as_deref())
            .collect();
        if parts.is_empty() {
            s.secretariat.clone()
        } else {
            Some(parts.join(" "))
        }
    });
    let exceptions = if a.exceptions.is_empty() {
        r.a11y_no_exceptions.to_owned()
    } else {
        a.exceptions.join(lang.pick("。", "; "))
    };
    let values = [
        date(a.declared, r.a11y_not_declared),
        r.a11y_standard.to_owned(),
        "AA".to_owned(),
        level.unwrap_or(r.a11y_not_declared).to_owned(),
        scope.to_owned(),
        r.a11y_technologies.to_owned(),
        date(a.tested, r.a11y_not_tested),
        a.pages.clone().unwrap_or_else(|| "—".to_owned()),
        exceptions,
        contact.unwrap_or_else(|| "—".to_owned()),
    ];
    let mut h = format!(
        "<p>{}</p><dl class=\"facts\">",
        esc(&(r.a11y_policy)(org, scope, level))
    );
    for (k, v) in r.a11y_fields.iter().zip(values) {
        let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(&v));
    }
    let _ = write!(h, "</dl><p>{}</p>", esc(r.a11y_dx_check));
    h
}

/// Write the whole dashboard as one HTML document.
pub fn dashboard(d: &Dashboard<'_>, lang: Lang, out: &mut dyn io::Write) -> io::Result<()> {
    let r = lang.report_labels();
    let model = d.model;
    let org = model.settings.organization.as_deref().unwrap_or("");
    // The records section (None) is written last, straight to `out`.
    let mut sections: Vec<(&str, String, Option<String>)> = vec![
        ("numbers", r.numbers.to_owned(), Some(numbers(d, lang))),
        (
            "status",
            r.status.to_owned(),
            Some(blocks(&d.status.doc(model, lang).with_dates(d.dates))),
        ),
        ("funnel", r.funnel.to_owned(), {
            let steps: Vec<svg::Step<'_>> = d
                .funnel()
                .iter()
                .zip(r.funnel_steps)
                .map(|((stage, count), label)| svg::Step {
                    label,
                    count: *count,
                    aside: stage.is_none(),
                })
                .collect();
            Some(svg::funnel(&steps, r.funnel))
        }),
        ("coverage", r.coverage.to_owned(), Some(coverage(d, lang))),
        (
            "indicators",
            r.indicators.to_owned(),
            Some(indicators(d, lang)),
        ),
        ("attention", r.attention.to_owned(), {
            let mut doc = d.gap.doc(model, lang);
            let l = lang.labels();
            // Only the parts that ask for action now.
            let keep = [l.reviews, l.decisions_waiting];
            let mut kept = Vec::new();
            let mut on = false;
            for b in doc.blocks.drain(..) {
                if let Block::Heading(h) = &b {
                    on = keep.contains(&h.as_str());
                }
                if on {
                    kept.push(b);
                }
            }
            doc.blocks = kept;
            Some(blocks(&doc.with_dates(d.dates)))
        }),
    ];
    if let Some(diff) = &d.since {
        sections.push((
            "since",
            (r.since)(&diff.base),
            Some(blocks(&diff.doc(lang).with_dates(d.dates))),
        ));
    }
    sections.push(("records", r.records.to_owned(), None));
    sections.push((
        "glossary",
        r.glossary.to_owned(),
        Some(glossary(model, lang)),
    ));
    if d.public {
        // The statement a city publishes with a report for citizens.
        sections.push((
            "accessibility",
            r.accessibility.to_owned(),
            Some(statement(model, lang)),
        ));
    }

    let mut h = String::with_capacity(64 * 1024);
    let html_lang = lang.code();
    let (marker, page_stamp) = if d.public {
        (String::new(), String::new())
    } else {
        (
            format!("【{}】", r.internal_stamp),
            format!(
                "<style>@page {{ @top-right {{ content: \"{}\"; color: #b91c1c; font-weight: bold; font-size: 9pt; }} }}</style>",
                r.internal_stamp
            ),
        )
    };
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><style>{CSS}</style>{page_stamp}</head><body>",
        title = esc(&format!("{marker}{org} {} {}", r.title, d.today)),
    );
    let _ = write!(h, "<a class=\"skip\" href=\"#main\">{}</a>", esc(r.skip));
    h.push_str(&header(model, d, lang));
    let _ = write!(
        h,
        "<nav aria-label=\"{0}\"><h2>{0}</h2><ol>",
        esc(r.contents)
    );
    for (id, title, _) in &sections {
        let _ = write!(h, "<li><a href=\"#{id}\">{}</a></li>", esc(title));
    }
    h.push_str("</ol></nav><main id=\"main\">");
    out.write_all(h.as_bytes())?;
    for (id, title, body) in &sections {
        write!(
            out,
            "<section id=\"{id}\" aria-labelledby=\"{id}-h\"><h2 id=\"{id}-h\">{}</h2>",
            esc(title)
        )?;
        match body {
            Some(body) => out.write_all(accessible_tables(body).as_bytes())?,
            None => records(d, lang, out)?,
        }
        out.write_all(b"</section>")?;
    }
    out.write_all(b"</main>")?;
    writeln!(
        out,
        "<footer>{}</footer></body></html>",
        esc(&(r.made_by)(env!("CARGO_PKG_VERSION")))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
