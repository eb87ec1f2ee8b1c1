// Runs axe-core (WCAG 2.1 A and AA, the level of JIS X 8341-3:2016 AA, and
// the experimental label-content-name-mismatch, 2.5.3) on each report at
// 1280, 390 and 320 px wide and at 200 % zoom (640 CSS px at twice the
// pixels) in Debian's Chromium, and measures what axe does not:
//   - the page reflows without sideways scrolling (1.4.10);
//   - at 320 px no element of the indicator sections or of a table laid
//     out as cards is narrower than its content (a number cut or squeezed
//     one character a line);
//   - at 390 px no visible text, HTML or SVG, is below 12 CSS px;
//   - in a public edition, no ビジョン cell claims more progress than the
//     課題 its row lists, unless the row says what it leaves out.
// With --load FILE, it also loads FILE (a 10,000-record report) three times
// and fails when the median takes longer than 3 s to load or 1 s to the
// first Tab.
// Exits 1 on any failure.
//
//   node check.mjs target/e2e/report.html target/e2e/report-public.html [--load big.html]
import { createRequire } from "node:module";
import path from "node:path";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const views = [
  { name: "1280px", width: 1280, scale: 1 },
  { name: "390px", width: 390, scale: 1 },
  { name: "320px", width: 320, scale: 1 },
  { name: "200% zoom", width: 640, scale: 2 },
];
const args = process.argv.slice(2);
const loadAt = args.indexOf("--load");
const big = loadAt >= 0 ? args.splice(loadAt, 2)[1] : null;
const files = args;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--headless=new"],
});
let failed = 0;
const fail = (msg) => {
  failed++;
  console.log(msg);
};

// Elements of the indicator sections whose content is wider than they are.
function squeezed() {
  const out = [];
  for (const section of document.querySelectorAll("#indicators, #headline, table.stack")) {
    for (const el of section.querySelectorAll("*")) {
      if (el.closest(".sr-only, thead") || el.tagName === "svg" || el.closest("svg")) continue;
      const style = getComputedStyle(el);
      if (style.display === "none" || style.position === "absolute") continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && style.overflowX !== "auto") {
        out.push(`${el.tagName.toLowerCase()}.${el.className} ${el.clientWidth}px < ${el.scrollWidth}px: ${el.textContent.slice(0, 40)}`);
      }
    }
  }
  return out;
}

// Visible text below 12 CSS px, HTML or SVG (scaled as drawn).
function smallText() {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    const el = n.parentElement;
    if (!el || el.closest(".sr-only, [hidden], .cover, .skip, style, title")) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest("svg");
    if (svg && el.getScreenCTM) size *= el.getScreenCTM().a;
    if (size < 11.99) out.push(`${size.toFixed(1)}px: ${n.textContent.trim().slice(0, 30)}`);
  }
  return out;
}

// Public ビジョン cells whose colour claims more than their row lists.
function dishonest() {
  const order = ["未着手", "検討中", "実証中", "導入決定", "運用中", "解消",
    "not started", "studying", "piloting", "decided", "operating", "resolved"];
  const rank = (w) => { const i = order.indexOf(w.trim()); return i < 0 ? -1 : i % 6; };
  const out = [];
  for (const cell of document.querySelectorAll("a.heat-cell")) {
    const row = document.getElementById(decodeURIComponent(cell.getAttribute("href").slice(1)));
    if (!row) { out.push(`no row for ${cell.getAttribute("href")}`); continue; }
    const claimed = rank(cell.querySelector("small")?.textContent ?? "");
    const listed = Math.max(-1, ...[...row.querySelectorAll(".issue .badge")].map((b) => rank(b.textContent)));
    const says = row.querySelector(".hidden-count") !== null;
    if (claimed > listed && !says) out.push(`${cell.getAttribute("href")}: the cell claims ${cell.querySelector("small")?.textContent}, its row lists at most rank ${listed}`);
  }
  return out;
}

for (const file of files) {
  const publicEdition = /public/.test(path.basename(file));
  for (const view of views) {
    const page = await browser.newPage();
    await page.setViewport({ width: view.width, height: 900, deviceScaleFactor: view.scale });
    // The report forbids scripts (its Content-Security-Policy); axe is ours.
    await page.setBypassCSP(true);
    await page.goto("file://" + path.resolve(file), { waitUntil: "load" });
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () => {
      const wcag = await window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        resultTypes: ["violations"],
      });
      // 2.5.3 Label in Name: an experimental rule, off by default, named.
      const named = await window.axe.run(document, {
        runOnly: { type: "rule", values: ["label-content-name-mismatch"] },
        resultTypes: ["violations"],
      });
      return { violations: [...wcag.violations, ...named.violations] };
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const name = `${path.basename(file)} @ ${view.name}`;
    const before = failed;
    for (const v of result.violations) {
      fail(`a11y: ${name}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s)`);
      for (const n of v.nodes.slice(0, 3)) console.log(`    ${n.target.join(" ")}: ${n.failureSummary.split("\n").slice(1, 2).join("").trim()}`);
    }
    if (overflow > 1) fail(`a11y: ${name}: the page scrolls sideways by ${overflow} px`);
    if (view.width === 320) {
      const s = await page.evaluate(squeezed);
      if (s.length) fail(`a11y: ${name}: ${s.length} indicator element(s) narrower than their content:\n    ${s.slice(0, 5).join("\n    ")}`);
    }
    if (view.width === 390) {
      const s = await page.evaluate(smallText);
      if (s.length) fail(`a11y: ${name}: ${s.length} text(s) below 12 px:\n    ${s.slice(0, 5).join("\n    ")}`);
      if (publicEdition) {
        const d = await page.evaluate(dishonest);
        if (d.length) fail(`a11y: ${name}: ${d.length} ビジョン cell(s) claim more than they list:\n    ${d.slice(0, 5).join("\n    ")}`);
      }
    }
    if (failed === before) console.log(`a11y: ${name}: no violations, no sideways scrolling${view.width === 320 ? ", indicators fit" : ""}${view.width === 390 ? ", text ≥ 12 px" + (publicEdition ? ", colours honest" : "") : ""}`);
    await page.close();
  }
}

if (big) {
  // Three loads in a fresh tab each; the median is judged (one slow run on
  // a busy two-core machine says little about the page).
  const name = path.basename(big);
  const runs = [];
  for (let k = 0; k < 3; k++) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const t0 = performance.now();
    await page.goto("file://" + path.resolve(big), { waitUntil: "load", timeout: 120000 });
    const load = performance.now() - t0;
    const t1 = performance.now();
    await page.keyboard.press("Tab");
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    runs.push({ load, tab: performance.now() - t1 });
    await page.close();
  }
  const median = (xs) => xs.sort((a, b) => a - b)[1];
  const load = median(runs.map((r) => r.load));
  const tab = median(runs.map((r) => r.tab));
  if (load > 3000) fail(`load: ${name}: ${Math.round(load)} ms to load (at most 3000)`);
  if (tab > 1000) fail(`load: ${name}: ${Math.round(tab)} ms to the first Tab (at most 1000)`);
  console.log(`load: ${name}: ${Math.round(load)} ms to load, ${Math.round(tab)} ms to the first Tab (median of ${runs.map((r) => Math.round(r.load)).join(", ")} ms)`);
}
await browser.close();
process.exit(failed ? 1 : 0);
