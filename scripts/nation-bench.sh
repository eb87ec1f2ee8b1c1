#!/usr/bin/env bash
# A nation's portfolios in one engine (docs/nation.md): N synthetic cities
# of R records each are exported with `dx export --format tables`, one folder
# per city, and DuckDB reads them all as one dataset. Prints the export time
# per city and in total, and the time of each example query.
#
#   scripts/nation-bench.sh            # 1,700 cities × 300 records
#   scripts/nation-bench.sh 200 300    # fewer cities
#
# Not part of cargo test. Installs Python's duckdb with pip when missing.
set -euo pipefail
cities=${1:-1700}
records=${2:-300}
here=$(cd "$(dirname "$0")/.." && pwd)
work=${NATION_DIR:-$here/target/nation}
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
dx=$here/target/release/dx
python3 -c 'import duckdb' 2>/dev/null || pip install --quiet duckdb
rm -rf "$work" && mkdir -p "$work/out"
# One synthetic tree; each city is the same records under its own lg_code.
cargo run --release --quiet --manifest-path "$here/Cargo.toml" --example gen_tree -- "$records" "$work/tree" 2>/dev/null
codes=$(python3 - "$cities" <<'PY'
import sys
n = int(sys.argv[1])
out = []
pref, city = 1, 100
while len(out) < n:
    five = f"{pref:02d}{city:03d}"
    s = sum(int(d) * w for d, w in zip(five, [6, 5, 4, 3, 2]))
    out.append(five + str((11 - s % 11) % 10))
    city += 1
    if city > 999:
        pref, city = pref + 1, 100
print(" ".join(out))
PY
)
start=$(date +%s.%N)
for code in $codes; do
  sed -i "s/^lg_code = .*//; s/^\[tree\]/[tree]\nlg_code = \"$code\"/" "$work/tree/dx.toml"
  "$dx" --root "$work/tree" --today 2026-11-24 export --format tables -o "$work/out/$code"
done
end=$(date +%s.%N)
python3 - "$start" "$end" "$cities" "$records" "$work/out" <<'PY'
import sys, time, duckdb
start, end, cities, records, out = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
total = end - start
print(f"export: {cities} cities × {records} records in {total:.1f} s, {1000 * total / cities:.1f} ms per city")
con = duckdb.connect()
def table(name):
    return f"read_csv('{out}/*/{name}.csv', union_by_name = true, header = true)"
t = time.time()
con.execute(f"CREATE TABLE records AS SELECT * FROM {table('records')}")
con.execute(f"CREATE TABLE links AS SELECT * FROM {table('links')}")
con.execute(f"CREATE TABLE indicators AS SELECT * FROM {table('indicators')}")
print(f"load: {con.execute('SELECT count(*) FROM records').fetchone()[0]} records, "
      f"{con.execute('SELECT count(*) FROM links').fetchone()[0]} links in {time.time() - t:.2f} s")
queries = {
    "records by stage and national priority": """
        SELECT l.target AS national, r.stage, count(*) AS n
        FROM records r JOIN links l ON l.lg_code = r.lg_code AND l.record = r.id AND l.key = 'national'
        GROUP BY ALL ORDER BY national, n DESC""",
    "cities running a 技術 for N1": """
        SELECT count(DISTINCT r.lg_code) FROM records r
        JOIN links l ON l.lg_code = r.lg_code AND l.record = r.id
        WHERE r.kind = 'technology' AND l.key = 'national' AND l.target = 'N1' AND r.stage = '運用'""",
    "attainment by fiscal year": """
        SELECT target_fiscal_year, round(avg(attainment), 3) AS attainment, count(*) AS n
        FROM indicators WHERE attainment IS NOT NULL GROUP BY ALL ORDER BY 1""",
}
for name, q in queries.items():
    t = time.time()
    rows = con.execute(q).fetchall()
    print(f"query '{name}': {len(rows)} rows in {1000 * (time.time() - t):.0f} ms")
t = time.time()
con.execute(f"COPY records TO '{out}/../records.parquet' (FORMAT parquet)")
print(f"parquet: records in {1000 * (time.time() - t):.0f} ms")
PY
