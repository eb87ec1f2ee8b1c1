// Runs axe-core (WCAG 2.1 A and AA, the level of JIS X 8341-3:2016 AA, and
// the experimental label-content-name-mismatch, 2.5.3) on
// each report at 1280, 390 and 320 px wide in Debian's Chromium, and checks
// that the page reflows without sideways scrolling. Exits 1 on any
// violation or overflow.
//
//   node check.mjs target/e2e/report.html target/e2e/report-public.html
import { createRequire } from "node:module";
import path from "node:path";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const widths = [1280, 390, 320];
const files = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--headless=new"],
});
let failed = 0;
for (const file of files) {
  for (const width of widths) {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 900 });
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
    const name = `${path.basename(file)} @ ${width}px`;
    for (const v of result.violations) {
      failed++;
      console.log(`a11y: ${name}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s)`);
      for (const n of v.nodes.slice(0, 3)) console.log(`    ${n.target.join(" ")}: ${n.failureSummary.split("\n").slice(1, 2).join("").trim()}`);
    }
    if (overflow > 1) {
      failed++;
      console.log(`a11y: ${name}: the page scrolls sideways by ${overflow} px`);
    }
    if (!result.violations.length && overflow <= 1) console.log(`a11y: ${name}: no violations, no sideways scrolling`);
    await page.close();
  }
}
await browser.close();
process.exit(failed ? 1 : 0);
