#!/usr/bin/env bash
# End-to-end check of `dx report` in a real browser: renders the bundled
# tree's dashboard (full and public) in headless Chromium, saves a screenshot
# and an A4 PDF of each, and fails on a console error, a blank page, a
# missing section, an accessibility violation (axe-core, WCAG 2.1 AA) or
# sideways scrolling at 390 or 320 px, text too small, colours that claim
# more than they list, or a 10,000-record report slower than 3 s to open. Installs Debian's chromium and a
# Japanese font if absent, and axe-core with puppeteer-core from npm.
#
#   scripts/e2e-report.sh            # outputs in target/e2e/
#
# Exit codes: 0 passed, 1 the report failed a check, 3 the browser could not
# be installed (no package registry): nothing was checked.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/e2e
mkdir -p "$out"

install() {
    command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "cjk" && command -v pdfinfo >/dev/null 2>&1 && return 0
    if [ "$(id -u)" != 0 ]; then
        echo "e2e: chromium, fonts-noto-cjk and poppler-utils are needed (apt-get install as root)" >&2
        return 1
    fi
    apt-get update -qq >/dev/null &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils >/dev/null
}
if ! install; then
    echo "e2e: SKIPPED: the browser could not be installed" >&2
    exit 3
fi

cargo build --release --quiet
dx=target/release/dx
export DX_TODAY=${DX_TODAY:-2026-11-24}
"$dx" --root records report -o "$out/report.html"
"$dx" --root records report --public -o "$out/report-public.html"
# Every report as a page of its own (--format html), to print or to read on
# a phone: checked by axe as the dashboard is.
docs=()
for report in gap "show S-001" status agenda list; do
    name="doc-${report%% *}"
    # shellcheck disable=SC2086
    "$dx" --root records $report --format html -o "$out/$name.html"
    docs+=("$out/$name.html")
done
# A synthetic tree of 300 records: tables and charts at a larger size.
rm -rf "$out/synth-300"
cargo run --release --quiet --example gen_tree -- 300 "$out/synth-300" 2>/dev/null
"$dx" --root "$out/synth-300" report -o "$out/synth-300.html" || [ $? = 1 ]
"$dx" --root "$out/synth-300" report --public -o "$out/synth-300-public.html" || [ $? = 1 ]
# 10,000 records: the public report must open in under 3 s.
if ! [ -f "$out/synth-10000/dx.toml" ]; then
    rm -rf "$out/synth-10000"
    cargo run --release --quiet --example gen_tree -- 10000 "$out/synth-10000" 2>/dev/null
fi
"$dx" --root "$out/synth-10000" report --public -o "$out/synth-10000-public.html" || [ $? = 1 ]

browser() {
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$(mktemp -d)" --hide-scrollbars --enable-logging=stderr --v=0 --log-level=0 "$@"
}

fail=0
for name in report report-public; do
    page="file://$PWD/$out/$name.html"
    browser --window-size=1200,1900 --screenshot="$out/$name.png" "$page" 2>"$out/$name.log" >/dev/null
    browser --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "$page" 2>>"$out/$name.log" >/dev/null
    browser --dump-dom "$page" >"$out/$name.dom.html" 2>>"$out/$name.log"

    if grep -E ":CONSOLE[:(]|Refused to|Uncaught|ERR_(FILE|NAME|CONNECTION|BLOCKED)" "$out/$name.log"; then
        echo "e2e: $name: console errors (above)" >&2
        fail=1
    fi
    size=$(stat -c %s "$out/$name.png")
    if [ "$size" -lt 40000 ]; then
        echo "e2e: $name: the screenshot looks blank ($size bytes)" >&2
        fail=1
    fi
    for section in numbers status funnel coverage indicators attention records; do
        grep -q "id=\"$section\"" "$out/$name.dom.html" || { echo "e2e: $name: section $section missing" >&2; fail=1; }
    done
    grep -q "DX推進状況報告" "$out/$name.dom.html" || { echo "e2e: $name: no title in the rendered page" >&2; fail=1; }
    pages=$(pdfinfo "$out/$name.pdf" | awk '/^Pages:/ {print $2}')
    pdfinfo "$out/$name.pdf" | grep -q "A4" || { echo "e2e: $name: PDF is not A4" >&2; fail=1; }
    echo "e2e: $name: screenshot $size bytes, PDF $pages A4 pages"
done
# Accessibility: axe-core (WCAG 2.1 A/AA, as JIS X 8341-3:2016 AA asks) on
# both reports of the bundled tree and of the 300-record tree at 1280, 390
# and 320 px and at 200 % zoom; no sideways scrolling, indicators that fit
# at 320 px, no text below 12 px at 390 px, honest ビジョン colours in the
# public edition; and the 10,000-record public report loaded in under 3 s.
if ! [ -d scripts/a11y/node_modules/axe-core ]; then
    (cd scripts/a11y && npm ci --no-audit --no-fund --silent) || { echo "e2e: npm could not install axe-core" >&2; exit 3; }
fi
if ! CHROMIUM="$(command -v chromium)" node scripts/a11y/check.mjs "$out/report.html" "$out/report-public.html" \
    "$out/synth-300.html" "$out/synth-300-public.html" "${docs[@]}" --load "$out/synth-10000-public.html"; then
    echo "e2e: accessibility violations (above)" >&2
    fail=1
fi
[ "$fail" = 0 ] && echo "e2e: passed ($out/)"
exit "$fail"
