#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer harnesses with clang, ASan and UBSan in
# their own build directory and runs each for FUZZ_SECONDS with its seeds and
# dictionary. See fuzz/README.md.
#
#   FUZZ_SECONDS=60        run length per harness
#   FUZZ_TARGET="..."      the harnesses to run (default: all three)
#   FUZZ_BUILD=build-fuzz  build directory; the working corpora grow in
#                          $FUZZ_BUILD/corpus/<harness>, crashes land in
#                          $FUZZ_BUILD/artifacts/<harness>/, logs in $FUZZ_BUILD/logs/
#   FUZZ_JOBS=2            build parallelism
#   FUZZ_NICE=10           the fuzzers run under `nice -n $FUZZ_NICE`
#   FUZZ_ARGS="..."        more libFuzzer flags (-runs=N, -seed=N, ...)
#   FUZZ_NO_BUILD=1        run the harnesses as last built (no configure, no build)
#
# clang and its fuzzer runtime are installed when missing (Debian 12's clang
# and libclang-rt-14-dev); `make test` needs neither, so scripts/setup does
# not install them.
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TARGET=${FUZZ_TARGET:-fuzz_readers fuzz_analyze fuzz_api}
FUZZ_BUILD=${FUZZ_BUILD:-build-fuzz}
FUZZ_JOBS=${FUZZ_JOBS:-2}
FUZZ_NICE=${FUZZ_NICE:-10}
FUZZ_ARGS=${FUZZ_ARGS:-}
CXX_FUZZ=${CXX_FUZZ:-clang++}

# Can clang link a libFuzzer program with ASan and UBSan?
can_fuzz() {
  local dir
  dir=$(mktemp -d)
  printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' > "$dir/t.cc"
  local ok=1
  "$CXX_FUZZ" -fsanitize=fuzzer,address,undefined "$dir/t.cc" -o "$dir/t" >/dev/null 2>&1 || ok=0
  rm -rf "$dir"
  [ "$ok" = 1 ]
}

if [ -z "${FUZZ_NO_BUILD:-}" ] && { ! command -v "$CXX_FUZZ" >/dev/null 2>&1 || ! can_fuzz; }; then
  echo "fuzz: installing clang and libclang-rt-14-dev (libFuzzer, ASan, UBSan runtimes)"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "fuzz: need root or sudo to install clang and libclang-rt-14-dev" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev
  can_fuzz || { echo "fuzz: $CXX_FUZZ still cannot link -fsanitize=fuzzer" >&2; exit 1; }
fi

if [ -z "${FUZZ_NO_BUILD:-}" ]; then
  unset MAKEFLAGS MFLAGS MAKELEVEL  # called from make: the inner build is not a sub-make of it
  cmake -S . -B "$FUZZ_BUILD" -DCMAKE_CXX_COMPILER="$CXX_FUZZ" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DWARTA_FUZZ=ON -DWARTA_TESTS=OFF -DWARTA_BENCH=OFF -DWARTA_DASHBOARD=OFF >/dev/null
  # shellcheck disable=SC2086
  cmake --build "$FUZZ_BUILD" -j "$FUZZ_JOBS" --target $FUZZ_TARGET
fi

status=0
for harness in $FUZZ_TARGET; do
  case "$harness" in
    fuzz_readers) max_len=16384; extra="" ;;
    # Entropic scheduling spends 60% of the time in libFuzzer's feature
    # frequency updates on analyze's ~30,000 features: three times the
    # executions without it.
    fuzz_analyze) max_len=16384; extra="-entropic=0" ;;
    fuzz_api) max_len=1024; extra="" ;;
    *) echo "fuzz: unknown harness $harness (fuzz_readers, fuzz_analyze, fuzz_api)" >&2; exit 2 ;;
  esac
  corpus="$FUZZ_BUILD/corpus/$harness"
  artifacts="$FUZZ_BUILD/artifacts/$harness"
  log="$FUZZ_BUILD/logs/$harness-$(date +%Y%m%d-%H%M%S).log"
  mkdir -p "$corpus" "$artifacts" "$FUZZ_BUILD/logs"
  [ -e "$FUZZ_BUILD/.gitignore" ] || echo "*" > "$FUZZ_BUILD/.gitignore"  # nothing here is committed
  echo "fuzz: $harness for ${FUZZ_SECONDS}s (log: $log)"
  rc=0
  # New inputs go to the first directory (the working corpus); the seeds are only read.
  # shellcheck disable=SC2086
  nice -n "$FUZZ_NICE" "$FUZZ_BUILD/fuzz/$harness" \
    -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    -dict="fuzz/dict/$harness.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
    $extra $FUZZ_ARGS "$corpus" "fuzz/seeds/$harness" >"$log" 2>&1 || rc=$?
  # The figures: the last status line and libFuzzer's final statistics.
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  if [ -z "$execs" ]; then  # -fork=N prints no final statistics: the last status line has them
    execs=$(printf '%s\n' "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')
    speed=$(printf '%s\n' "$last" | sed -n 's/.*exec\/s:* \([0-9]*\).*/\1/p')
  fi
  files=$(find "$corpus" -type f | wc -l)
  echo "fuzz: $harness: ${execs:-?} executions, ${speed:-?} exec/s, corpus $files files; last: $last"
  if [ "$rc" -eq 72 ]; then
    echo "fuzz: $harness interrupted"
    status=1
  elif [ "$rc" -ne 0 ]; then
    status=1
    echo "fuzz: $harness FAILED (exit $rc); the input is in $artifacts/:" >&2
    grep -E 'ERROR: |SUMMARY: |warta fuzz finding|Test unit written' "$log" | head -n 8 >&2 || true
    echo "fuzz: reproduce with $FUZZ_BUILD/fuzz/$harness <file>; minimise with -minimize_crash=1 -runs=100000" >&2
  fi
done
exit "$status"
