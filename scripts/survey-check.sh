#!/usr/bin/env bash
# The 照会 round trip as an office makes it (SPEC §7.3): `dx survey` for 市民課
# of a copy of the bundled tree, filled with openpyxl as a department would
# (scripts/survey/fill.py), saved again by LibreOffice headless, imported:
# the 40% typed in 値 is refused with its cell and nothing is written; the
# corrected workbook is imported under --dry-run (nothing written), then for
# real (the observations and two new records, dx check clean), then again
# (nothing written). Installs openpyxl and LibreOffice as xlsx-check.sh does.
#
# Exit codes: 0 passed, 1 a check failed, 3 the tools could not be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/survey
rm -rf "$out" && mkdir -p "$out/lo"

python3 -c "import openpyxl" 2>/dev/null ||
    pip install -q openpyxl >/dev/null 2>&1 ||
    { echo "survey-check: SKIPPED: openpyxl could not be installed" >&2; exit 3; }
if ! command -v soffice >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ] || ! { apt-get update -qq >/dev/null &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui >/dev/null; }; then
        echo "survey-check: SKIPPED: LibreOffice could not be installed" >&2
        exit 3
    fi
fi

cargo build --release --quiet
dx=$PWD/target/release/dx
export DX_TODAY=2026-12-02 DX_LANG=ja
fail() { echo "survey-check: $*" >&2; exit 1; }
lo() { # convert $1 with LibreOffice into $out/lo, as a person saving it again
    timeout 300 soffice --headless --norestore --calc --convert-to xlsx:"Calc MS Excel 2007 XML" \
        --outdir "$out/lo" "$1" >/dev/null 2>&1 || fail "LibreOffice could not open $1"
}
cp -r records "$out/tree"
tree=$out/tree
"$dx" --root "$tree" survey --owner 市民課 --due 2026-12-25 -o "$out/made.xlsx"
python3 scripts/survey/validations.py "$out/made.xlsx"
python3 scripts/survey/fill.py "$out/made.xlsx" "$out/answer.xlsx" answer
lo "$out/answer.xlsx"
snapshot() { (cd "$tree" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
before=$(snapshot)

set +e
"$dx" --root "$tree" import "$out/lo/answer.xlsx" >"$out/refused.txt"
code=$?
set -e
[ "$code" = 1 ] || fail "the 40% answer exited $code, not 1"
grep -q '測定!L7: 「40%」は数値ではありません。40 と書き、% は単位の列にあります' "$out/refused.txt" ||
    fail "the refusal does not name 測定!L7: $(cat "$out/refused.txt")"
[ "$(snapshot)" = "$before" ] || fail "a refused import changed the tree"

python3 scripts/survey/fill.py "$out/lo/answer.xlsx" "$out/fixed.xlsx" fix
lo "$out/fixed.xlsx"
"$dx" --root "$tree" import --dry-run "$out/lo/fixed.xlsx" >"$out/dry.txt"
[ "$(snapshot)" = "$before" ] || fail "--dry-run changed the tree"
"$dx" --root "$tree" import "$out/lo/fixed.xlsx" >"$out/import.txt"
grep -q '取り込み: 測定 5 件、新しいレコード 2 件' "$out/import.txt" || fail "unexpected plan: $(cat "$out/import.txt")"
grep -q 'R8.11.30' "$out/import.txt" || fail "the 和暦 date is not named in a note"
grep -q '６０' "$out/import.txt" || fail "the full-width digits are not named in a note"
"$dx" --root "$tree" check >/dev/null || fail "dx check fails after the import"
method=$(grep -l '窓口の来庁予約' "$tree"/kurashi/madoguchi/S-*.toml) || fail "no new 手法"
issue=$(grep -l '窓口の待ち時間が長い' "$tree"/kurashi/madoguchi/K-*.toml) || fail "no new 課題"
grep -q "solves = \[\"$(basename "$issue" .toml)\"\]" "$method" || fail "the 手法 does not solve the new 課題"
after=$(snapshot)
"$dx" --root "$tree" import "$out/lo/fixed.xlsx" >"$out/again.txt"
[ "$(snapshot)" = "$after" ] || fail "a second import changed the tree"
echo "survey-check: passed (refusal, dry run, import, second import)"
