//! The report's one stylesheet: screen, phone and print (A4, a cover, page
//! numbers), inlined in the page (its Content-Security-Policy loads nothing).

/// The stylesheet.
pub(super) const CSS: &str = r#"
:root { --ink: #111827; --muted: #4b5563; --line: #d1d5db; --accent: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; color: var(--ink); background: #fff;
  font-family: "Hiragino Kaku Gothic ProN", "Hiragino Sans", "Yu Gothic UI", "Yu Gothic", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", sans-serif;
  font-size: 14px; line-height: 1.6; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; border-bottom: 3px solid var(--accent); padding-bottom: 4px; margin-top: 36px; }
h3 { font-size: 16px; margin: 24px 0 8px; }
h4 { font-size: 15px; margin: 0 0 6px; }
h5 { font-size: 15px; margin: 0 0 6px; }
.stamp { display: inline-block; border: 2px solid #b91c1c; color: #b91c1c; font-weight: bold; padding: 0 8px; margin-bottom: 6px; }
.meta { color: var(--muted); margin: 0; }
.note { background: #fef3c7; border-left: 4px solid #d97706; padding: 8px 12px; }
nav ol { columns: 2; padding-left: 20px; }
a { color: var(--accent); }
table { border-collapse: collapse; margin: 8px 0 16px; width: 100%; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; }
tbody th { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td, th { overflow-wrap: anywhere; }
td.num, th.num { white-space: nowrap; overflow-wrap: normal; }
.scroll { overflow-x: auto; max-width: 100%; }
.scroll > table { margin: 0; }
svg.chart { max-width: 100%; height: auto; }
svg.bar { max-width: 100%; height: auto; display: block; margin-top: 2px; }
td.attain { min-width: 6em; }
.pct { font-weight: bold; white-space: nowrap; font-variant-numeric: tabular-nums; }
.nobr { white-space: nowrap; }
span.issue { display: block; }
/* On a phone and at 200 % zoom, an indicator table is a card per row:
   each value under its label, numbers never broken. The header row stays
   for screen readers; the ARIA roles keep the table's semantics, which
   display: block would drop. */
@media (max-width: 640px) {
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 10px; padding: 6px 10px; }
  table.stack td { border: none; padding: 2px 0; display: grid; grid-template-columns: 6.5em minmax(0, 1fr); gap: 8px; text-align: left; }
  table.stack td::before { content: attr(data-label); color: var(--muted); font-size: 13px; }
  table.stack td.num { white-space: normal; }
  table.stack svg.bar { grid-column: 2; }
  table.stack .grade { white-space: normal; }
  table.stack td:empty { display: none; }
}
.id, .badge, .grade, .date { white-space: nowrap; }
.mark { display: inline-block; border: 1px solid #92400e; color: #92400e; border-radius: 4px; padding: 0 4px; font-size: 12px; font-weight: bold; }
.sub { display: block; color: var(--muted); font-size: 12px; white-space: normal; }
.hidden-count { color: var(--muted); }
.val { display: block; }
ol.funnel { list-style: none; padding: 0; margin: 8px 0 16px; max-width: 760px; }
ol.funnel li { display: grid; grid-template-columns: minmax(7em, 15em) minmax(0, 1fr) 3.5em; gap: 8px; align-items: center; margin: 4px 0; }
.f-track { display: block; height: 22px; background: #f3f4f6; border-radius: 3px; }
.f-bar { display: block; height: 100%; border-radius: 3px; }
.f-count { font-weight: bold; text-align: right; font-variant-numeric: tabular-nums; }
.heat { display: grid; gap: 6px; margin: 8px 0; }
.heat-row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.heat-field { flex: 0 0 9em; font-weight: bold; }
a.heat-cell { display: inline-flex; flex-direction: column; align-items: center; justify-content: center; min-width: 6em; min-height: 3.2em; padding: 2px 8px; border-radius: 4px; text-decoration: none; font-weight: bold; line-height: 1.3; }
a.heat-cell small { font-size: 12px; font-weight: normal; }
a.heat-cell.none { border: 2px dashed #b91c1c; }
a.heat-cell:focus-visible { outline: 3px solid var(--ink); outline-offset: 2px; }
details.fold > summary { cursor: pointer; color: var(--accent); margin: 4px 0 8px; }
/* On a phone: the funnel's names above their bars, each 分野's name above
   its map cells, and the ビジョン table a block per item. */
@media (max-width: 640px) {
  ol.funnel li { grid-template-columns: minmax(0, 1fr) 3.5em; }
  .f-label { grid-column: 1 / -1; }
  .heat-field { flex-basis: 100%; }
  table.vision, table.vision tbody, table.vision tr, table.vision th, table.vision td { display: block; width: 100%; }
  table.vision tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 10px; }
  table.vision th, table.vision td { border: none; }
}
tr.total td { font-weight: bold; background: #f9fafb; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.card .n { font-size: 26px; font-weight: bold; }
.card .k { color: var(--muted); font-size: 12px; }
.legend { color: var(--muted); font-size: 12px; }
.swatch { display: inline-block; width: 12px; height: 12px; border: 1px solid var(--line); vertical-align: middle; margin: 0 4px 0 10px; }
.record { border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; margin: 10px 0; }
.record .id { font-family: ui-monospace, Menlo, Consolas, monospace; color: var(--muted); margin-right: 6px; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; margin-left: 6px; vertical-align: middle; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
/* On a phone a long label (どの手法も対応していない国の重点取組事項) would
   squeeze its value to a character a line: each value goes under its label. */
@media (max-width: 640px) {
  dl.facts { grid-template-columns: minmax(0, 1fr); gap: 0; }
  dl.facts dd { margin: 0 0 6px 1em; }
}
ul.links { margin: 4px 0; padding-left: 18px; }
.hidden { color: var(--muted); font-style: italic; }
.grade { font-weight: bold; white-space: nowrap; }
.grade-C, .grade-D { color: #92400e; }
figure.history { margin: 6px 0 12px; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-start; }
figure.history figcaption { flex-basis: 100%; font-weight: bold; font-size: 13px; }
figure.history table.compact { width: auto; margin: 0; font-size: 13px; }
figure.history .legend { margin: 2px 0 0; }
svg.sample { vertical-align: middle; margin: 0 3px 0 8px; }
svg.trend { max-width: 100%; height: auto; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
.cover { display: none; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; border: 2px solid var(--accent); }
@page { size: A4; margin: 14mm 12mm 16mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #4b5563; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  h3, h4, h5 { break-after: avoid; }
  /* A record card breaks between its parts, never inside a row, a list
     item, a chart or its facts: whole cards left pages half empty. */
  tr, li, .card, svg, figure, dl.facts { break-inside: avoid; }
  .record > h3, .record > h4, .record > h5 { break-after: avoid; }
  .scroll { overflow: visible; }
  thead { display: table-header-group; }
  .cover { display: flex; flex-direction: column; justify-content: center; min-height: 240mm; break-after: page; text-align: center; }
  .cover-org { font-size: 20pt; margin: 0; }
  .cover-title { font-size: 30pt; font-weight: bold; margin: 12pt 0 24pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;
