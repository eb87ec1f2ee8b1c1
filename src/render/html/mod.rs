//! The meeting dashboard as one self-contained HTML file: inline CSS with a
//! print stylesheet for A4, inline SVG charts, no script and no external
//! asset, so that it opens from an intranet share and prints as it looks.
//! Every text from the records is escaped.

use std::fmt::Write as _;
use std::io;

use crate::i18n::Lang;
use crate::render::escape::esc;
use crate::report::dashboard::Dashboard;
use crate::report::doc::{Block, Cell, Doc};

mod cards;
mod css;
mod sections;
mod tables;

use css::CSS;
use tables::Table;

/// A report document as a page of its own, to print or read on a phone
/// (`--format html`). Made in one string: a list of a hundred thousand
/// records is a page of 46 MB, not to be copied again.
#[must_use]
pub fn page(doc: &Doc, lang: Lang) -> String {
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><style>{CSS}</style></head><body><main><h1>{title}</h1>",
        code = lang.code(),
        title = esc(&doc.title),
    );
    write_blocks(&mut h, doc, lang);
    h.push_str("</main></body></html>\n");
    h
}

/// Text from the records, escaped: Japanese text in a page of another
/// language marked `lang="ja"`, so that a screen reader reads it in
/// Japanese (WCAG 3.1.2).
fn text(s: &str, lang: Lang) -> String {
    if lang != Lang::Ja && s.chars().any(|c| c >= '\u{3000}') {
        format!("<span lang=\"ja\">{}</span>", esc(s))
    } else {
        esc(s)
    }
}

/// A report document's blocks as HTML (its title is left out).
#[must_use]
pub fn blocks(doc: &Doc, lang: Lang) -> String {
    let mut h = String::new();
    write_blocks(&mut h, doc, lang);
    h
}

/// A report document's blocks as HTML, onto the end of `h`.
fn write_blocks(h: &mut String, doc: &Doc, lang: Lang) {
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
                    let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", esc(k), text(&v.shown(), lang));
                }
                h.push_str("</dl>");
            }
            // An empty table is said by the text before it (「なし」).
            Block::Table(t) if t.rows.is_empty() => {}
            Block::Table(t) => {
                // A table of counts (a totals row) stays a grid, scrolling
                // in its box on a phone; any other table of more than three
                // columns becomes a card per row there, each value under
                // its column's name, instead of one character a line.
                let stack = !t.totals && t.headers.len() > 3;
                let class = if stack { "stack" } else { "" };
                let table = Table::open(h, class, caption.unwrap_or(&doc.title), stack);
                let columns: Vec<(&str, bool)> = t
                    .headers
                    .iter()
                    .enumerate()
                    .map(|(i, head)| (head.as_str(), t.numeric.contains(&i)))
                    .collect();
                table.head(h, &columns);
                for (r, row) in t.rows.iter().enumerate() {
                    let total = t.totals && r + 1 == t.rows.len();
                    table.tr(h, if total { " class=\"total\"" } else { "" });
                    for (i, cell) in row.iter().enumerate() {
                        // A table of counts is read by its first column: a
                        // row header, kept on one line (a 分野's name, not
                        // one letter a line on a phone).
                        if i == 0 && !stack && !t.numeric.is_empty() && !t.numeric.contains(&0) {
                            table.th_row(h);
                            let _ = write!(h, "{}</th>", text(&cell.shown(), lang));
                            continue;
                        }
                        // An ID never breaks across lines (「S-」/「003」).
                        let class = if t.numeric.contains(&i) {
                            "num"
                        } else if matches!(cell, Cell::Id(_)) {
                            "id"
                        } else {
                            ""
                        };
                        let label = stack
                            .then(|| t.headers.get(i).map(String::as_str))
                            .flatten();
                        table.td(h, class, label);
                        let _ = write!(h, "{}</td>", text(&cell.shown(), lang));
                    }
                    h.push_str("</tr>");
                }
                table.close(h);
            }
            Block::Outline(lines) => {
                h.push_str("<ul>");
                for (depth, line) in lines {
                    let _ = write!(
                        h,
                        "<li style=\"margin-left:{}em\">{}</li>",
                        depth * 2,
                        text(line, lang)
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
}

/// The anchor of a ビジョン item.
fn vision_anchor(id: &str) -> String {
    format!("vision-{id}")
}

/// The cover, the header and the edition's notes.
fn header(d: &Dashboard<'_>, lang: Lang) -> String {
    let r = lang.report_labels();
    let c = &d.cover;
    let today = d.dates.show(d.today);
    let mut meta = Vec::new();
    if let Some(g) = &c.guideline {
        meta.push(match &c.edition {
            Some(v) => format!("{} {}", text(g, lang), esc(&(r.edition)(v))),
            None => text(g, lang),
        });
    }
    meta.push(esc(&(r.as_of)(&today)));
    if let Some((a, b)) = c.period {
        meta.push(esc(&(r.period)(&d.dates.show(a), &d.dates.show(b))));
    }
    // The internal edition says so on its cover, at the top of the page and
    // (through the page style) on every printed page.
    let stamp = if d.public {
        String::new()
    } else {
        format!("<p class=\"stamp\">{}</p>", esc(r.internal_stamp))
    };
    let org = text(&c.organization, lang);
    // The printed report's first page: who, what, when, and the 事務局.
    let mut h = format!(
        "<div class=\"cover\" aria-hidden=\"true\">{stamp}<p class=\"cover-org\">{org}</p><p class=\"cover-title\">{title}</p><p>{when}</p>{secretariat}</div>",
        title = esc(r.title),
        when = esc(&(r.as_of)(&today)),
        secretariat = c
            .secretariat
            .as_deref()
            .map(|x| format!("<p>{}</p>", esc(&(r.secretariat)(x))))
            .unwrap_or_default(),
    );
    let _ = write!(
        h,
        "<header>{stamp}<h1>{org} {}</h1><p class=\"meta\">{}</p>",
        esc(r.title),
        meta.join(" ・ ")
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

/// Write the whole dashboard as one HTML document.
pub fn dashboard(d: &Dashboard<'_>, lang: Lang, out: &mut dyn io::Write) -> io::Result<()> {
    let r = lang.report_labels();
    // The records section (None) is written last, straight to `out`.
    let mut sections: Vec<(&str, String, Option<String>)> = Vec::new();
    if !d.headline.is_empty() {
        sections.push((
            "headline",
            r.headline.to_owned(),
            Some(sections::indicators(d, &d.headline, false, lang)),
        ));
    }
    sections.extend([
        (
            "numbers",
            r.numbers.to_owned(),
            Some(sections::numbers(d, lang)),
        ),
        (
            "status",
            r.status.to_owned(),
            Some(blocks(&d.status_doc(), lang)),
        ),
        (
            "funnel",
            r.funnel.to_owned(),
            Some(sections::funnel(d, lang)),
        ),
        (
            "coverage",
            r.coverage.to_owned(),
            Some(sections::coverage(d, lang)),
        ),
        (
            "indicators",
            r.indicators.to_owned(),
            Some(sections::indicators(d, &d.indicators, d.fold, lang)),
        ),
        (
            "attention",
            r.attention.to_owned(),
            Some(blocks(&d.attention_doc(), lang)),
        ),
    ]);
    if let Some((base, doc)) = d.since_doc() {
        sections.push(("since", (r.since)(&base), Some(blocks(&doc, lang))));
    }
    sections.push(("records", r.records.to_owned(), None));
    sections.push((
        "glossary",
        r.glossary.to_owned(),
        Some(sections::glossary(d, lang)),
    ));
    if d.public {
        // The statement a city publishes with a report for citizens.
        sections.push((
            "accessibility",
            r.accessibility.to_owned(),
            Some(sections::statement(d, lang)),
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
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><style>{CSS}{badges}</style>{page_stamp}</head><body>",
        badges = cards::badge_css(),
        title = esc(&format!(
            "{marker}{} {} {}",
            d.cover.organization,
            r.title,
            d.dates.show(d.today)
        )),
    );
    let _ = write!(h, "<a class=\"skip\" href=\"#main\">{}</a>", esc(r.skip));
    h.push_str(&header(d, lang));
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
            Some(body) => out.write_all(body.as_bytes())?,
            None => cards::records(d, lang, out)?,
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
