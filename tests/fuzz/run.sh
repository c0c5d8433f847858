#!/bin/sh
# Builds the libFuzzer targets (clang 14, ASan + UBSan) in build-fuzz/ and runs each one after the other,
# one process at a time, at the lowest priority, for RUNS executions (default 10^6) or MAX_TIME seconds,
# whichever comes first. Not part of CI's default run; see docs/fuzzing.md.
# Usage: tests/fuzz/run.sh [target...]   (targets: docker_configuration parties_conf env projectfile template_archive federation)
# Env: RUNS (executions per target), MAX_TIME (seconds per target, default 7200), FUZZ_BUILD (build folder),
#      FUZZ_WORK (scratch corpus + crash folder), NO_BUILD=1 (use the binaries already built).
set -eu
cd "$(dirname "$0")/../.."
root=$(pwd)
runs=${RUNS:-1000000}
max_time=${MAX_TIME:-7200}
build=${FUZZ_BUILD:-$root/build-fuzz}
work=${FUZZ_WORK:-$root/build-fuzz/work}
targets=${*:-docker_configuration parties_conf env projectfile template_archive federation}

if [ -z "${NO_BUILD:-}" ]; then
    "$root/scripts/deps.sh" fuzz
    cmake -S "$root" -B "$build" -G Ninja -DFD_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
    for t in $targets; do
        nice -n 19 cmake --build "$build" --parallel 2 --target "fuzz_$t"
    done
fi

# A small ASan quarantine: freed memory is reused after 4 MiB of other frees instead of 256 MiB, so each
# execution does not touch fresh pages (8-30x more executions per second). A use after free is still caught
# while the block is in the quarantine, which covers everything freed within one execution of these targets.
# Leak checking stays on (at exit). UBSan reports abort (-fno-sanitize-recover at build time).
export ASAN_OPTIONS="${ASAN_OPTIONS:-quarantine_size_mb=4:malloc_context_size=2}"

# Inputs larger than the seeds by far add no coverage but cost time: the project seeds are < 1 KB, the
# archive seeds <= 10 KB (a 512-byte tar header per entry; a bomb needs few bytes when compressed).
max_len() {
    case $1 in
    projectfile) echo 8192 ;;
    template_archive) echo 16384 ;;
    *) echo 65536 ;;
    esac
}

status=0
for t in $targets; do
    # New inputs go to a scratch corpus; the seeds in tests/fuzz/corpus/<target>/ stay as committed.
    mkdir -p "$work/$t/corpus" "$work/$t/artifacts"
    echo "== fuzz_$t: $runs executions (at most $max_time s)"
    if ! nice -n 19 "$build/bin/fuzz_$t" -runs="$runs" -max_total_time="$max_time" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$(max_len "$t")" -print_final_stats=1 -artifact_prefix="$work/$t/artifacts/" \
        "$work/$t/corpus" "$root/tests/fuzz/corpus/$t" >"$work/$t/log.txt" 2>&1; then
        echo "fuzz_$t FAILED: see $work/$t/log.txt and $work/$t/artifacts/" >&2
        status=1
    fi
    grep -E '^(#[0-9]+.*DONE|Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb)' "$work/$t/log.txt" || true
done
exit $status
