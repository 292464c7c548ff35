#!/usr/bin/env bash
# Builds the benchmarks module and runs the whole suite (issue 6): the JMH workloads for sqlink,
# sqlite-jdbc and sqlite4j side by side, cold start in fresh JVMs, and memory per idle connection.
# Writes benchmarks/results/<UTC time>-<mode>/ with the raw JSON, the logs, the machine's
# description, the load average sampled during the run, and results.md (the table).
#
#   benchmarks/run.sh            full run: long warm-up (sqlink's JIT warm-up takes 10-20 s of CPU)
#   benchmarks/run.sh --medium   shorter warm-up and measurement
#   benchmarks/run.sh --quick    1 s iterations: checks the suite works, numbers are not warm
#   benchmarks/run.sh --quick 'QueryBenchmarks.fullScan'   only the JMH workloads matching a regex
#                                (extra arguments go to JMH; cold start and memory are then skipped)
#
# SQLINK_BENCH_SKIP_BUILD=1 reuses benchmarks/target/benchmarks.jar as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
case "${1:-}" in
  --quick|--medium|--full) mode=${1#--}; shift ;;
esac
# One fork per workload and driver: a longer warm-up inside one JVM buys more accuracy here than a
# second fork, because the AOT-compiled SQLite is thousands of JVM methods the JIT must compile.
case $mode in
  quick)  jmh_options=(-f 1 -wi 1 -w 1s -i 2 -r 1s); cold_runs=3;  heap_repetitions=1 ;;
  medium) jmh_options=(-f 1 -wi 3 -w 3s -i 3 -r 3s); cold_runs=7;  heap_repetitions=2 ;;
  full)   jmh_options=(-f 1 -wi 6 -w 3s -i 5 -r 2s); cold_runs=11; heap_repetitions=3 ;;
esac
idle_connections=20

out="benchmarks/results/$(date -u +%Y-%m-%dT%H%M%SZ)-$mode"
mkdir -p "$out"
started=$(date +%s)

if [[ "${SQLINK_BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  echo "== building the benchmarks jar"
  mvn -B -ntp -q -pl benchmarks -am package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
fi
jar=benchmarks/target/benchmarks.jar

{
  echo "- date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
  echo "- mode: $mode (JMH ${jmh_options[*]}, average time per operation; cold start: $cold_runs fresh JVMs per driver; memory: $idle_connections connections, $heap_repetitions JVM(s) per driver)"
  echo "- cores (nproc): $(nproc)"
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "- memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "- JDK: $(java -version 2>&1 | sed -n 2p)"
  echo "- load average at start (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"

# The machine may be shared: record the load while the suite runs, to judge the noise.
(while true; do echo "$(date -u +%T) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 15; done) > "$out/loadavg.txt" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT

echo "== JMH workloads ($mode)"
# A workload a driver cannot run (e.g. WAL) fails alone; JMH goes on with the others.
java -jar "$jar" "${jmh_options[@]}" -bm avgt -tu us -rf json -rff "$out/jmh.json" "$@" 2>&1 | tee "$out/jmh.log" || true
inputs=("$out/jmh.json")

if [[ $# -eq 0 ]]; then
  echo "== cold start to first row"
  java -cp "$jar" dev.sqlink.bench.ColdStartRunner "$cold_runs" "$out/coldstart.json" 2>&1 | tee "$out/coldstart.log"
  echo "== memory per idle connection"
  java -cp "$jar" dev.sqlink.bench.IdleHeapRunner "$idle_connections" "$heap_repetitions" "$out/memory.json" 2>&1 | tee "$out/memory.log"
  inputs+=("$out/coldstart.json" "$out/memory.json")
fi

kill "$sampler" 2>/dev/null || true
java -cp "$jar" dev.sqlink.bench.report.ResultTable "$out/table.md" "${inputs[@]}" > /dev/null
load=$(awk '{print $2}' "$out/loadavg.txt" | sort -n | awk '{a[NR]=$1} END {if (NR) printf "min %s, median %s, max %s", a[1], a[int((NR+1)/2)], a[NR]}')
{
  echo "# sqlink benchmark results"
  echo
  cat "$out/machine.txt"
  echo "- 1-minute load average during the run: $load"
  echo "- wall time of the run: $(( ($(date +%s) - started) / 60 )) min"
  echo
  cat "$out/table.md"
} > "$out/results.md"
cat "$out/results.md"
echo
echo "results: $out/results.md"
