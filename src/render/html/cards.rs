//! The dashboard's record cards: each record as `dx show` shows it, under
//! its 分野 (h3) and 領域 (h4); in a large report each 領域's cards folded.

use std::fmt::Write as _;
use std::io;

use super::tables::Table;
use super::{sections, text, vision_anchor};
use crate::i18n::Lang;
use crate::names::{Fact, ThingKind};
use crate::render::escape::esc;
use crate::render::svg;
use crate::report::dashboard::Dashboard;
use crate::report::show::{IndicatorView, Link, Show};
use crate::report::{number, state_word};
use crate::vocab::{Progress, Stage};

/// A stage or progress as a coloured word (the word carries the meaning;
/// the colour repeats the coverage map's).
pub(super) fn badge(state: &str, lang: Lang) -> String {
    if state.is_empty() {
        return String::new();
    }
    // A 手法's stage takes the colour of the progress it gives its 課題.
    let progress = Stage::parse(state)
        .map(|s| Progress::from_stage(s).unwrap_or(Progress::NotStarted))
        .or_else(|| Progress::parse(state))
        .unwrap_or(Progress::Resolved);
    // A class, not a style: a 10,000-record page carries tens of thousands.
    format!(
        r#"<span class="badge p{}">{}</span>"#,
        progress as usize,
        esc(&state_word(state, lang))
    )
}

/// The badges' colours, one class per progress (`p0` 未着手 … `p5` 解消).
pub(super) fn badge_css() -> String {
    Progress::ALL
        .iter()
        .map(|p| {
            let (fill, ink) = svg::progress_colors(Some(*p));
            format!(
                ".badge.p{} {{ background: {fill}; color: {ink}; }}\n",
                *p as usize
            )
        })
        .collect()
}

fn link_html(link: &Link, public: bool, lang: Lang) -> String {
    if link.hidden {
        return format!(
            "<span class=\"hidden\">{}</span>",
            esc(lang.report_labels().hidden)
        );
    }
    let anchor = match link.kind {
        ThingKind::Issue | ThingKind::Method | ThingKind::Technology => Some(link.id.clone()),
        ThingKind::Vision => Some(vision_anchor(&link.id)),
        _ => None,
    };
    // Named by its title (WCAG 2.4.4); the ID or ビジョン number beside it.
    let title = text(&link.title, lang);
    let body = match anchor {
        Some(a) => format!("<a href=\"#{}\">{title}</a>", esc(&a)),
        None => title,
    };
    // Citizens read 原則, 配慮 and national priorities by name: their codes
    // (P1, C2, N3) are the city's shorthand.
    if public
        && matches!(
            link.kind,
            ThingKind::Principle | ThingKind::Consideration | ThingKind::National
        )
    {
        return body;
    }
    format!(
        "<span class=\"id\">{}</span> {body}{}",
        text(&link.shown, lang),
        badge(&link.state, lang)
    )
}

fn record_html(d: &Dashboard<'_>, show: &Show, lang: Lang) -> String {
    let l = lang.labels();
    let mut h = format!(
        // A heading a level below its 領域's (h4), the ID, title and state
        // apart as words, so a screen reader does not run them together.
        r#"<article class="record" id="{id}"><h5><span class="id">{id}</span> {title} {badge}</h5>"#,
        id = esc(&show.id),
        title = text(&show.title, lang),
        badge = badge(
            show.facts
                .iter()
                .find(|f| matches!(f.key, Fact::Stage | Fact::Progress))
                .map_or("", |f| f.value.as_str()),
            lang
        ),
    );
    let facts: Vec<_> = show
        .facts
        .iter()
        // The 分野 and 領域 are the headings the card stands under.
        .filter(|f| {
            !matches!(
                f.key,
                Fact::Stage | Fact::Progress | Fact::Path | Fact::Field | Fact::Domain
            )
        })
        .filter(|f| !(d.public && matches!(f.key, Fact::Owner | Fact::Visibility)))
        .collect();
    if !facts.is_empty() {
        h.push_str("<dl class=\"facts\">");
        for f in facts {
            let value = if f.key == Fact::Visibility {
                esc((l.visibility_word)(&f.value))
            } else if f.key.is_date() {
                text(&d.dates.show_text(&f.value), lang)
            } else {
                text(&f.value, lang)
            };
            let _ = write!(h, "<dt>{}</dt><dd>{value}</dd>", esc((l.fact)(f.key)));
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
                link_html(link, d.public, lang)
            );
        }
        h.push_str("</ul>");
    }
    if let Some(team) = show.team.as_ref().filter(|_| !d.public) {
        let _ = write!(h, "<p>{}: {}</p>", esc(l.team), text(&team.name, lang));
    }
    if !show.indicators.is_empty() {
        indicators(&mut h, d, &show.indicators, lang);
    }
    if !show.decisions.is_empty() {
        let table = Table::open(&mut h, "", l.decisions, false);
        table.head(
            &mut h,
            &[
                (l.date, false),
                (l.body, false),
                (l.result, false),
                (l.note, false),
            ],
        );
        for x in &show.decisions {
            let _ = write!(
                h,
                "<tr><td class=\"date\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&d.dates.show_text(x.date.as_deref().unwrap_or(""))),
                text(x.body.unwrap_or(""), lang),
                text(x.result.unwrap_or(""), lang),
                text(x.note.as_deref().unwrap_or(""), lang)
            );
        }
        table.close(&mut h);
    }
    h.push_str("</article>");
    h
}

/// A record's indicators: a table that becomes a card per row on a phone,
/// then each history as a small chart beside the table of its numbers.
fn indicators(h: &mut String, d: &Dashboard<'_>, list: &[IndicatorView], lang: Lang) {
    let l = lang.labels();
    let table = Table::open(h, "stack", l.indicators, true);
    table.head(h, &sections::indicator_columns(lang));
    for i in list {
        table.tr(h, "");
        sections::indicator_cells(&table, h, d, i, lang);
        h.push_str("</tr>");
    }
    table.close(h);
    for i in list.iter().filter(|i| i.observations.len() > 1) {
        h.push_str(&history(i, d, lang));
    }
}

/// An indicator's history: a small line beside the table of its numbers
/// (the table is what screen readers read; the line is hidden from them).
/// Each measurement with its status, source and note.
fn history(i: &IndicatorView, d: &Dashboard<'_>, lang: Lang) -> String {
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
        text(&(l.history)(&i.name), lang),
        svg::trend(&points, i.baseline, i.target),
        svg::TREND_LINES
            .iter()
            .zip(lang.report_labels().trend_legend)
            .map(|(line, word)| format!("{}{}", svg::line_sample(*line), esc(word)))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let table = Table::open(&mut h, "compact", &(l.history)(&i.name), false);
    table.head(
        &mut h,
        &[
            (l.measured, false),
            (l.fiscal_year, false),
            (l.value, true),
            (l.observation_status, false),
            (l.source, false),
        ],
    );
    for o in &i.observations {
        // The source, then the note (for 評価不能, its reason).
        let about: Vec<&str> = [o.source.as_deref(), o.note.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        let _ = write!(
            h,
            "<tr><td class=\"date\">{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(&d.dates.show_text(o.date.as_deref().unwrap_or(""))),
            esc(&o
                .fiscal_year
                .map(|fy| lang.fiscal_year(fy))
                .unwrap_or_default()),
            esc(&n(o.value)),
            esc(lang.observation_status(o.status)),
            text(&about.join(lang.pick("。", ". ")), lang),
        );
    }
    table.close(&mut h);
    h.push_str("</figure>");
    h
}

/// The records section, written straight out: it is most of the page. In
/// a large report each 領域's cards are folded under its heading (a
/// closed `<details>` is neither laid out nor in the tab order until
/// opened), so the page opens at once.
pub(super) fn records(d: &Dashboard<'_>, lang: Lang, out: &mut dyn io::Write) -> io::Result<()> {
    let r = lang.report_labels();
    let mut open = false;
    for card in d.cards() {
        if (card.field.is_some() || card.domain.is_some()) && open {
            out.write_all(b"</details>")?;
            open = false;
        }
        if let Some(name) = &card.field {
            write!(out, "<h3>{}</h3>", text(name, lang))?;
        }
        if let Some(domain) = &card.domain {
            write!(out, "<h4>{}</h4>", text(&domain.name, lang))?;
            if d.fold {
                write!(
                    out,
                    "<details class=\"fold\"><summary>{}</summary>",
                    esc(&(r.fold)(domain.count))
                )?;
                open = true;
            }
        }
        out.write_all(record_html(d, &card.show, lang).as_bytes())?;
    }
    if open {
        out.write_all(b"</details>")?;
    }
    Ok(())
}
