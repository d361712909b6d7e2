#!/usr/bin/env bash
# Builds ledger-bench and runs the whole benchmark suite:
#   1. the JMH benchmarks (every *Benchmark class), JSON into ledger-bench/results/<date>-<mode>.json;
#   2. the planned-rate latency harness, JSON into ledger-bench/results/<date>-<mode>-latency.json;
#   3. the memory footprint probe, JSON into ledger-bench/results/<date>-<mode>-memory.json;
# the load average before and after each phase into ledger-bench/results/<date>-<mode>-load.txt; and the tables
# of docs/performance.md (io.allianceledger.bench.Report) into ledger-bench/results/<date>-<mode>-report.md.
#
# Usage: ledger-bench/run.sh [--quick] [--no-build] [extra JMH options, e.g. a benchmark regexp]
#   full (default): about 15 minutes on 2 cores; needs about 12 GB of free memory (10 million members).
#   --quick:        about 2 to 2.5 minutes; one representative per kind, one short fork each; a smoke run.
#
# Every JMH fork gets the project's JVM flags (ledger.jvm.flags, written into the jar at build time) through
# io.allianceledger.bench.BenchMain; the harnesses are started with the same flags here.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
build=1
extra=()
for arg in "$@"; do
  case "$arg" in
    --quick) mode=quick ;;
    --no-build) build=0 ;;
    *) extra+=("$arg") ;;
  esac
done

if [ "$build" = 1 ]; then
  ./mvnw -q -B package -DskipTests -pl ledger-bench -am
fi

jar=ledger-bench/target/benchmarks.jar
flags=$(java -cp "$jar" io.allianceledger.bench.JvmFlags)
stamp=$(date -u +%Y-%m-%dT%H%MZ)
out=ledger-bench/results/$stamp-$mode
mkdir -p ledger-bench/results
load() { echo "$(date -u +%H:%M:%S) $1: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out-load.txt"; }

{
  echo "mode: $mode"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') x $(nproc)"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  echo "kernel: $(uname -sr)"
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "flags: $flags"
} > "$out-load.txt"

if [ "$mode" = quick ]; then
  # One representative of each kind of benchmark, one short fork each.
  jmh=(-f 1 -wi 1 -i 2 -w 300ms -r 500ms -p accounts=1000 -p distribution=UNIFORM -p command=TRANSFER
       -p journal=PAGE_CACHE,SYNC_PER_BATCH -p topology=ONE_HANDLER -p durability=PAGE_CACHE -p grouping=PER_BATCH
       -e HugePages -e IdIndexLayout -e 'ReplayBenchmark.(replayInto|readFilesOnly|verifyOnly|applyFromMemory)'
       -e twoHosts -e ForcedPerBatch -e independentReads)
  latency=(--rates 10000,100000 --seconds 3 --warmup-seconds 2)
  memory=(--accounts 1000000 --lots 200000 --members 200000)
else
  jmh=()
  latency=(--rates 10000,50000,100000 --seconds 10 --warmup-seconds 5)
  memory=(--accounts 1000000,10000000 --lots 1000000 --members 1000000)
fi

load "before JMH"
java -cp "$jar" io.allianceledger.bench.BenchMain -rf json -rff "$out.json" "${jmh[@]}" "${extra[@]}" \
  | tee "$out-jmh.txt"
load "after JMH"

if [ "${#extra[@]}" = 0 ]; then
  load "before latency harness"
  # shellcheck disable=SC2086
  java $flags -Xms4g -Xmx4g -cp "$jar" io.allianceledger.bench.LatencyHarness "${latency[@]}" --out "$out-latency.json"
  load "after latency harness"

  load "before memory footprint"
  # shellcheck disable=SC2086
  java $flags -XX:+UseParallelGC -Xmx8g -cp "$jar" io.allianceledger.bench.MemoryFootprint "${memory[@]}" \
    --out "$out-memory.json"
  load "after memory footprint"
fi
java -cp "$jar" io.allianceledger.bench.Report "$out" > /dev/null
echo "results: $out.json $out-latency.json $out-memory.json $out-load.txt; tables: $out-report.md"
