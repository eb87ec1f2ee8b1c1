#!/usr/bin/env bash
# The workbooks in the office's programs: `dx export --format xlsx` of the
# bundled tree opened with openpyxl (real dates and numbers, frozen header,
# autofilter, A4 landscape) and converted by LibreOffice headless, whose
# copy must hold the same dates and numbers; the list, status and gap
# workbooks must open too. Installs openpyxl (pip) and LibreOffice Calc
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
for report in list status gap; do
    "$dx" --root records "$report" --format xlsx -o "$out/$report.xlsx"
done
rm -rf "$out/lo" && mkdir -p "$out/lo"
timeout 300 soffice --headless --norestore --calc --convert-to xlsx:"Calc MS Excel 2007 XML" \
    --outdir "$out/lo" "$out/book.xlsx" >/dev/null 2>&1 ||
    { echo "xlsx-check: LibreOffice could not open book.xlsx" >&2; exit 1; }
python3 scripts/xlsx/check.py "$out/book.xlsx" "$out/lo/book.xlsx"
python3 - "$out" <<'PY'
import sys, openpyxl
out = sys.argv[1]
for report, first in [("list", "ID"), ("status", None), ("gap", None)]:
    ws = openpyxl.load_workbook(f"{out}/{report}.xlsx").worksheets[0]
    cells = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert cells, f"{report}.xlsx is empty"
    firsts = [row[0] for row in ws.iter_rows(values_only=True)]
    assert first is None or first in firsts, f"{report}.xlsx: no table headed {first!r}"
print("xlsx: list, status and gap workbooks open")
PY
echo "xlsx-check: passed (target/xlsx/)"
