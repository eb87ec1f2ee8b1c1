#!/usr/bin/env bash
# The editor's check, from the command line: taplo (the engine of the Even
# Better TOML extension) validates trees against dx's schemas as
# docs/editor.md says, in a plain bash (no globstar): `taplo check` reads
# the files from .taplo.toml's `include`.
#
#   scripts/schema-check.sh
#
# Passes when the bundled tree and a tree fresh from `dx init` validate,
# and a copy of each with one mistake in every file kind does not, naming
# each broken file. Installs @taplo/cli from npm (scripts/taplo/).
# Exit codes: 0 passed, 1 a check failed, 3 taplo could not be installed.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! [ -x scripts/taplo/node_modules/.bin/taplo ]; then
    (cd scripts/taplo && npm ci --no-audit --no-fund --silent) ||
        { echo "schema-check: npm could not install taplo" >&2; exit 3; }
fi
taplo="$PWD/scripts/taplo/node_modules/.bin/taplo"
cargo build --quiet
dx="$PWD/target/debug/dx"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

# taplo check in $1 must pass, or (with the files after it) fail naming each.
expect() {
    local dir=$1 want=$2
    shift 2
    local log="$work/log" code=0
    (cd "$dir" && RUST_LOG=error "$taplo" check) >"$log" 2>&1 || code=$?
    if [ "$want" = pass ] && [ "$code" != 0 ]; then
        echo "schema-check: $dir: taplo check failed:" >&2
        cat "$log" >&2
        fail=1
    fi
    if [ "$want" = fail ]; then
        [ "$code" != 0 ] || { echo "schema-check: $dir: broken files passed" >&2; fail=1; }
        for f in "$@"; do
            grep -q "$f" "$log" || { echo "schema-check: $dir: $f not reported" >&2; fail=1; }
        done
    fi
}

# Breaks one file of every kind under tree root $1.
break_tree() {
    local root=$1 k
    k=$(find "$root" -name 'K-*.toml' | head -1)
    printf 'progress = "進行中"\n' >>"$k"
    printf '\nbogus = 1\n' | cat - "$root/kurashi/field.toml" >"$work/f" && mv "$work/f" "$root/kurashi/field.toml"
    printf 'lg_code = 282049\n' | cat - "$root/dx.toml" >"$work/f" && mv "$work/f" "$root/dx.toml"
    mkdir -p "$root/meetings"
    printf 'date = 2026-12-01\nbody = "本部"\n' >"$root/meetings/2026-12-01-honbu.toml"
    echo "$(basename "$k") field.toml dx.toml 2026-12-01-honbu.toml"
}

# The bundled tree, as the repository's .taplo.toml sees it.
expect . pass
mkdir -p "$work/repo"
cp -r .taplo.toml schemas records "$work/repo/"
broken=$(break_tree "$work/repo/records")
# shellcheck disable=SC2086
expect "$work/repo" fail $broken

# A tree fresh from dx init: its own .taplo.toml and schemas/.
(cd "$work" && "$dx" init city --organization みなと市 >/dev/null)
expect "$work/city" pass
mkdir -p "$work/city/kurashi/online"
printf 'name = "オンライン手続"\n' >"$work/city/kurashi/online/domain.toml"
printf 'title = "来庁が必要"\nvision = ["kurashi-1"]\n' >"$work/city/kurashi/online/K-001.toml"
expect "$work/city" pass
broken=$(break_tree "$work/city")
# shellcheck disable=SC2086
expect "$work/city" fail $broken

if [ "$fail" = 0 ]; then
    echo "schema-check: passed (bundled tree and dx init tree; one mistake per file kind found)"
fi
exit "$fail"
