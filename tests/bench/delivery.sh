#!/usr/bin/env bash
# Delivery-stream (Firehose) benchmark: a load generator in its own JVM
# (dev.freshet.bench.firehose.DeliveryLoadGenerator) sends PutRecordBatch calls (500 stamped
# 1 KiB records each, several threads) to a DirectPut delivery stream of one Freshet server and
# watches the local-directory S3 bucket (<data-dir>/s3/<bucket>/) for the objects delivered; it
# prints delivered MB/s inside the measured window and freshness (sent → object visible)
# percentiles, and checks that nothing is missing after draining. Server and generator share this
# machine's cores. Traffic goes to 127.0.0.1 only; the server and its data are removed on exit.
#
#   tests/bench/delivery.sh                                   # uncompressed and GZIP, interval 0
#   DELIVERY_SECONDS=10 DELIVERY_WARMUP=3 DELIVERY_RUNS="local-gzip" tests/bench/delivery.sh
#
# Knobs: DELIVERY_RUNS (a subset of: local-uncompressed local-gzip local-light), DELIVERY_SECONDS
# (20), DELIVERY_WARMUP (5), DELIVERY_THREADS (4), DELIVERY_DURABILITY (os|fsync), DELIVERY_OUT
# (JSON lines, default tests/target/bench/delivery-results.jsonl), BENCH_MVN_OPTS (e.g. -o),
# DELIVERY_SERVER_JAVA_OPTS.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${DELIVERY_SECONDS:-20}"
warmup="${DELIVERY_WARMUP:-5}"
threads="${DELIVERY_THREADS:-4}"
runs="${DELIVERY_RUNS:-local-uncompressed local-gzip local-light}"
out="${DELIVERY_OUT:-$root/tests/target/bench/delivery-results.jsonl}"
work="$(mktemp -d /tmp/freshet-delivery-bench.XXXXXX)"
server_pid=""

source "$root/tests/bench/server.sh"
cleanup() { stop_server; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

start_freshet() {
  local port; port="$(free_port)"
  data_dir="$(mktemp -d "$work/freshet-data.XXXX")"
  # shellcheck disable=SC2086
  java ${DELIVERY_SERVER_JAVA_OPTS:-} -jar "$root/web/target/freshet.jar" --port "$port" --host 127.0.0.1 \
    --data-dir "$data_dir" --stream-transition-millis 0 --durability "${DELIVERY_DURABILITY:-os}" \
    >"$work/server.log" 2>&1 &
  server_pid=$!
  wait_for_port "$port"
  endpoint="http://127.0.0.1:$port"
}

generate() {  # label [options]
  local label="$1" status=0; shift
  java -cp "$classpath" dev.freshet.bench.firehose.DeliveryLoadGenerator --endpoint "$endpoint" \
    --data-dir "$data_dir" --seconds "$seconds" --warmup "$warmup" --label "$label" "$@" \
    >"$work/gen.out" 2>"$work/gen.err" || status=$?
  report_run "$status"
}

machine() {
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); nproc: $(nproc); memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "disk: $(df -h "$work" | awk 'NR==2 {print $1, $2}') $(findmnt -n -o FSTYPE --target "$work" 2>/dev/null || true)"
  echo "run: $warmup s warm-up, $seconds s measured, $threads threads x PutRecordBatch of 500 x 1 KiB; durability ${DELIVERY_DURABILITY:-os}"
  echo "load before: $(uptime | sed 's/.*load average/load average/')"
}

echo "building…" >&2
(cd "$root" && mvn -q -B ${BENCH_MVN_OPTS:-} -DskipTests package)
source "$root/tests/bench/classpath.sh"
classpath="$(bench_classpath "$root")"
mkdir -p "$(dirname "$out")"
: >"$out"
start_freshet
machine
for run in $runs; do
  echo "== $run"
  case "$run" in
    local-uncompressed) generate "$run" --threads "$threads" --compression UNCOMPRESSED --interval 0 --size-mb 5 ;;
    local-gzip) generate "$run" --threads "$threads" --compression GZIP --interval 0 --size-mb 5 ;;
    # freshness under a light load: one thread sending PutRecordBatch calls of 100 records
    local-light) generate "$run" --threads 1 --batch 100 --compression UNCOMPRESSED --interval 0 --size-mb 1 ;;
    *) echo "unknown run $run" >&2; exit 2 ;;
  esac
done
