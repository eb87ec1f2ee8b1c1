#!/usr/bin/env bash
# Fuzz the record parser and loader (target `load`) and the formatter
# (target `fmt`), each for SECONDS (default 600), seeded with every TOML
# file of the bundled records and the test fixtures. Needs the nightly
# toolchain and cargo-fuzz; see docs/fuzzing.md.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(load fmt)

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal

for target in "${targets[@]}"; do
    corpus="fuzz/corpus/$target"
    mkdir -p "$corpus"
    # Seeds: every TOML file we have, named by content so reruns add nothing.
    find records tests/fixtures -name '*.toml' -type f -size -64k -print0 |
        while IFS= read -r -d '' f; do
            cp "$f" "$corpus/seed-$(sha1sum "$f" | cut -c1-16)"
        done
    # -s none: no sanitizer is needed for safe Rust and it runs ~3x faster.
    (cd fuzz && cargo +nightly fuzz run -s none "$target" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 \
        -print_final_stats=1)
done
