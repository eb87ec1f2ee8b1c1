#!/usr/bin/env bash
# The workbooks in the office's programs: `dx export --format xlsx` of the
# bundled tree opened with openpyxl (real dates and numbers, frozen header,
# autofilter, A4 landscape) and converted by LibreOffice headless, whose
# copy must hold the same dates and numbers; every report's workbook
# (list, status, gap, tree, status --by fiscal-year, show) has a sheet per
# table, its header frozen and filtered, dates as dates, numbers as numbers
# and percentages formatted as such (scripts/xlsx/reports.py). Installs openpyxl (pip) and LibreOffice Calc
# (apt, as root) when absent.
#
#   scripts/xlsx-check.sh            # outputs in target/xlsx/
#
# Exit codes: 0 passed, 1 a check failed, 3 the tools could not be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/xlsx
mkdir -p "$out"

python3 -c "import openpyxl" 2>/dev/null ||
    pip install -q openpyxl >/dev/null 2>&1 ||
    { echo "xlsx-check: SKIPPED: openpyxl could not be installed" >&2; exit 3; }
if ! command -v soffice >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ] || ! { apt-get update -qq >/dev/null &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui >/dev/null; }; then
        echo "xlsx-check: SKIPPED: LibreOffice could not be installed" >&2
        exit 3
    fi
fi

cargo build --release --quiet
dx=target/release/dx
export DX_TODAY=${DX_TODAY:-2026-11-24}
"$dx" --root records export --format xlsx -o "$out/book.xlsx"
for report in list status gap tree; do
    "$dx" --root records "$report" --format xlsx -o "$out/$report.xlsx"
done
"$dx" --root records status --by fiscal-year --format xlsx -o "$out/yearly.xlsx"
"$dx" --root records show S-001 --format xlsx -o "$out/show.xlsx"
rm -rf "$out/lo" && mkdir -p "$out/lo"
timeout 300 soffice --headless --norestore --calc --convert-to xlsx:"Calc MS Excel 2007 XML" \
    --outdir "$out/lo" "$out/book.xlsx" >/dev/null 2>&1 ||
    { echo "xlsx-check: LibreOffice could not open book.xlsx" >&2; exit 1; }
python3 scripts/xlsx/check.py "$out/book.xlsx" "$out/lo/book.xlsx"
python3 scripts/xlsx/reports.py "$out"
echo "xlsx-check: passed (target/xlsx/)"
