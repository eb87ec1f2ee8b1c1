#!/usr/bin/env bash
# Every CSV dx writes, as the engines read it: pandas and DuckDB read each
# report's CSV (`--format csv`, every table of every report) as one table;
# `dx export --format tables` loads into DuckDB through its schema.sql with
# lg_code as VARCHAR (a leading zero kept), every links.target joins a
# record or a reference, and pandas reads every table. Installs duckdb and
# pandas (pip) when absent.
#
#   scripts/tables-check.sh            # outputs in target/tables/
#
# Exit codes: 0 passed, 1 a check failed, 3 the tools could not be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/tables
rm -rf "$out" && mkdir -p "$out"

python3 -c "import duckdb, pandas" 2>/dev/null ||
    pip install -q duckdb pandas >/dev/null 2>&1 ||
    { echo "tables-check: SKIPPED: duckdb and pandas could not be installed" >&2; exit 3; }

cargo build --release --quiet
dx=target/release/dx
export DX_TODAY=${DX_TODAY:-2026-11-24}

# A tree whose lg_code starts with a zero (北海道's codes do): copied, the
# code changed to 011002.
cp -r records "$out/tree"
sed -i 's/^lg_code = .*/lg_code = "011002"/' "$out/tree/dx.toml"
"$dx" --root "$out/tree" export --format tables -o "$out/export"

# Every table of every report, as CSV.
n=0
for report in "status" "status --by domain" "status --by fiscal-year" "gap" "list" "show S-001" "tree"; do
    # shellcheck disable=SC2086
    choices=$("$dx" --root records $report --format csv 2>&1 >/dev/null | grep -o '[0-9]*: ' | tr -d ': ' || true)
    for t in ${choices:-1}; do
        n=$((n + 1))
        # shellcheck disable=SC2086
        "$dx" --root records $report --table "$t" --format csv --no-bom >"$out/report-$n.csv" 2>/dev/null
    done
done

python3 - "$out" <<'PY'
import glob, sys
import duckdb, pandas as pd

out = sys.argv[1]
problems = []
for path in sorted(glob.glob(f"{out}/report-*.csv")):
    try:
        frame = pd.read_csv(path)
    except Exception as e:  # noqa: BLE001 - any failure to read is the finding
        problems.append(f"{path}: pandas: {e}")
        continue
    width = duckdb.sql(f"SELECT * FROM read_csv('{path}')").columns
    if len(width) != len(frame.columns):
        problems.append(f"{path}: DuckDB reads {len(width)} columns, pandas {len(frame.columns)}")

con = duckdb.connect()
con.execute(f"SET file_search_path = '{out}/export'")
con.execute(open(f"{out}/export/schema.sql", encoding="utf-8").read())
kind, code = con.execute("SELECT typeof(lg_code), lg_code FROM records LIMIT 1").fetchone()
if (kind, code) != ("VARCHAR", "011002"):
    problems.append(f"records.lg_code read as {kind} {code!r}")
unjoined = con.execute("""
    SELECT count(*) FROM links l
    WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.lg_code = l.lg_code AND r.id = l.target)
      AND NOT EXISTS (SELECT 1 FROM "references" f WHERE f.lg_code = l.lg_code AND f.id = l.target)
""").fetchone()[0]
if unjoined:
    problems.append(f"{unjoined} links join no record or reference")
for path in sorted(glob.glob(f"{out}/export/*.csv")):
    frame = pd.read_csv(path, dtype={"lg_code": str})
    if len(frame) and frame["lg_code"].iloc[0] != "011002":
        problems.append(f"{path}: lg_code {frame['lg_code'].iloc[0]!r}")

if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
reports = len(glob.glob(f"{out}/report-*.csv"))
print(f"tables: {reports} report CSVs read as one table each by pandas and DuckDB; "
      "the export loads through schema.sql, lg_code VARCHAR, every link joins")
PY
echo "tables-check: passed (target/tables/)"
