#!/bin/sh
# Builds the libFuzzer targets (clang 14, ASan + UBSan) in build-fuzz/ and runs each one after the other,
# one process at a time, for RUNS executions (default 10^6). Not part of CI's default run; see docs/fuzzing.md.
# Usage: tests/fuzz/run.sh [target...]   (targets: docker_configuration parties_conf env projectfile template_archive)
# Env: RUNS (executions per target), FUZZ_BUILD (build folder), FUZZ_WORK (scratch corpus + crash folder).
set -eu
cd "$(dirname "$0")/../.."
root=$(pwd)
runs=${RUNS:-1000000}
build=${FUZZ_BUILD:-$root/build-fuzz}
work=${FUZZ_WORK:-$root/build-fuzz/work}
targets=${*:-docker_configuration parties_conf env projectfile template_archive}

"$root/scripts/deps.sh" fuzz
cmake -S "$root" -B "$build" -G Ninja -DFD_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
for t in $targets; do
    cmake --build "$build" --parallel 2 --target "fuzz_$t"
done

status=0
for t in $targets; do
    # New inputs go to a scratch corpus; the seeds in tests/fuzz/corpus/<target>/ stay as committed.
    mkdir -p "$work/$t/corpus" "$work/$t/artifacts"
    echo "== fuzz_$t: $runs executions"
    if ! "$build/bin/fuzz_$t" -runs="$runs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$work/$t/artifacts/" "$work/$t/corpus" "$root/tests/fuzz/corpus/$t" \
        >"$work/$t/log.txt" 2>&1; then
        echo "fuzz_$t FAILED: see $work/$t/log.txt and $work/$t/artifacts/" >&2
        status=1
    fi
    grep -E '^(#[0-9]+.*DONE|Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb)' "$work/$t/log.txt" || true
done
exit $status
