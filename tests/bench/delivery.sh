#!/usr/bin/env bash
# Delivery-stream (Firehose) benchmark: a load generator in its own JVM
# (dev.freshet.bench.firehose.DeliveryLoadGenerator) sends PutRecordBatch calls (500 stamped
# 1 KiB records each, several threads) to a DirectPut delivery stream of a Freshet server and
# watches the destination for what was delivered; it prints delivered MB/s inside the measured
# window and freshness (sent → visible at the destination) percentiles, and checks that nothing is
# missing after draining. Each run has a fresh server; its destination runs as its own process:
#   local-*     Freshet's local-directory S3 (<data-dir>/s3/<bucket>/), watched through inotify
#   s3, s3-gzip s3proxy (from the tests' test classpath, over a scratch folder); Freshet started with
#               --s3-endpoint; the generator lists the bucket every 20 ms and reads new objects
#   postgres    PostgreSQL 15 (initdb/pg_ctl, 127.0.0.1, scratch folder, fsync off) loaded by a
#               Redshift stream's COPY; the generator selects new rows every 20 ms
#   opensearch  an OpenSearch 2.19 node (own JVM, -Xmx512m); JSON records; the generator searches
#               for new documents every 50 ms (freshness includes the 1 s index refresh)
# Server, destination and generator share this machine's cores; the CPU each used is printed per
# run. Traffic goes to 127.0.0.1 only; processes and data are removed on exit.
#
#   tests/bench/delivery.sh                                   # uncompressed and GZIP, interval 0
#   DELIVERY_SECONDS=10 DELIVERY_WARMUP=3 DELIVERY_RUNS="local-gzip postgres" tests/bench/delivery.sh
#
# Knobs: DELIVERY_RUNS (a subset of: local-uncompressed local-gzip local-light s3 s3-gzip postgres
# postgres-light opensearch opensearch-light; -light: 1 thread, calls of 100 records), DELIVERY_SECONDS (20), DELIVERY_WARMUP (5), DELIVERY_THREADS (4),
# DELIVERY_DRAIN_SECONDS (180: how long the rest may take to arrive after the last call before it
# counts as missing), DELIVERY_DESTINATION_WARMUP (10: an unrecorded run of that many seconds before s3 and opensearch),
# DELIVERY_DURABILITY (os|fsync), DELIVERY_OUT (JSON lines, default
# tests/target/bench/delivery-results.jsonl), BENCH_MVN_OPTS (e.g. -o), DELIVERY_SERVER_JAVA_OPTS.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${DELIVERY_SECONDS:-20}"
warmup="${DELIVERY_WARMUP:-5}"
threads="${DELIVERY_THREADS:-4}"
destination_warmup="${DELIVERY_DESTINATION_WARMUP:-10}"
drain="${DELIVERY_DRAIN_SECONDS:-180}"
runs="${DELIVERY_RUNS:-local-uncompressed local-gzip local-light}"
out="${DELIVERY_OUT:-$root/tests/target/bench/delivery-results.jsonl}"
work="$(mktemp -d /tmp/freshet-delivery-bench.XXXXXX)"
pg_bin=/usr/lib/postgresql/15/bin
# s3proxy's credentials (delivery's S3ProxyFixture)
s3_key=AKIDFRESHETTEST
s3_secret=freshet-test-secret
server_pid=""
destination_pid=""
pg_dir=""
failed_runs=""

source "$root/tests/bench/server.sh"
cleanup() { stop_server; stop_destination; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

start_freshet() {  # [server options]
  local port; port="$(free_port)"
  data_dir="$(mktemp -d "$work/freshet-data.XXXX")"
  # shellcheck disable=SC2086
  java ${DELIVERY_SERVER_JAVA_OPTS:-} -jar "$root/web/target/freshet.jar" --port "$port" --host 127.0.0.1 \
    --data-dir "$data_dir" --stream-transition-millis 0 --durability "${DELIVERY_DURABILITY:-os}" "$@" \
    >"$work/server.log" 2>&1 &
  server_pid=$!
  wait_for_port "$port"
  endpoint="http://127.0.0.1:$port"
}

# A destination from the test classpath (BenchDestinationServer s3 DIR | opensearch) in its own JVM;
# sets $destination_endpoint from the line it prints once it serves.
start_destination_jvm() {
  java -Xms512m -Xmx512m -Djava.io.tmpdir="$work" -Dlogback.configurationFile="$root/tests/bench/logback-generator.xml" \
    -cp "$test_classpath" dev.freshet.bench.firehose.BenchDestinationServer "$@" >"$work/destination.log" 2>&1 &
  destination_pid=$!
  for _ in $(seq 1200); do
    destination_endpoint="$(sed -n 's/^endpoint //p' "$work/destination.log")"
    [[ -n "$destination_endpoint" ]] && return 0
    kill -0 "$destination_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "the $1 destination did not start; its log:" >&2; tail -30 "$work/destination.log" >&2; return 1
}

# PostgreSQL 15 as the postgres user (the server refuses root), trusted on 127.0.0.1 only.
start_postgres() {
  local port; port="$(free_port)"
  pg_dir="$(mktemp -d /tmp/freshet-delivery-pg.XXXXXX)"
  chown postgres "$pg_dir"
  su postgres -c "$pg_bin/initdb -D $pg_dir/data -A trust -U postgres -E UTF8 --no-instructions" >"$work/postgres-init.log" 2>&1
  su postgres -c "$pg_bin/pg_ctl -D $pg_dir/data -l $pg_dir/server.log -w -t 60 -o '-p $port -k $pg_dir \
    -c listen_addresses=127.0.0.1 -c fsync=off' start" >>"$work/postgres-init.log" 2>&1
  destination_pid="$(head -1 "$pg_dir/data/postmaster.pid")"
  destination_endpoint="jdbc:postgresql://127.0.0.1:$port/postgres"
}

stop_destination() {
  if [[ -n "$pg_dir" ]]; then
    su postgres -c "$pg_bin/pg_ctl -D $pg_dir/data -m immediate -w -t 60 stop" >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
    pg_dir=""
  elif [[ -n "$destination_pid" ]] && kill -0 "$destination_pid" 2>/dev/null; then
    kill "$destination_pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$destination_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$destination_pid" 2>/dev/null || true
    wait "$destination_pid" 2>/dev/null || true
  fi
  destination_pid=""
  rm -rf "$work/s3proxy"
}

# CPU seconds (user + system) a process and its children have used so far (PostgreSQL: its backends).
cpu_seconds() {
  local pid="$1" ticks=0 p
  for p in "$pid" $(pgrep -P "$pid" 2>/dev/null || true); do
    ticks=$((ticks + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "scale=2; $ticks / $(getconf CLK_TCK)" | bc
}

# An unrecorded run before the measured one, so a destination in its own JVM (s3proxy, OpenSearch)
# has compiled its hot paths: a cold OpenSearch node indexes a few hundred documents a second for
# its first ~10 s. The probe starts each run from an empty bucket, table or index.
warm_destination() {  # label [options]
  local label="$1"; shift
  echo "(warming the destination up for ${destination_warmup} s, not recorded)"
  java -cp "$classpath" dev.freshet.bench.firehose.DeliveryLoadGenerator --endpoint "$endpoint" \
    --data-dir "$data_dir" --seconds "$destination_warmup" --warmup 0 --label "$label-warmup" --drain-seconds "$drain" "$@" \
    >"$work/gen.out" 2>"$work/gen.err" || { echo "the warm-up run failed:" >&2; tail -20 "$work/gen.err" >&2; }
}

# CPU seconds the whole machine has been busy (all processes, /proc/stat).
machine_cpu_seconds() {
  echo "scale=2; $(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat) / $(getconf CLK_TCK)" | bc
}

generate() {  # label [options]
  local label="$1" status=0 started server_cpu destination_cpu=0 all_cpu elapsed; shift
  started="$(date +%s.%N)"
  all_cpu="$(machine_cpu_seconds)"
  server_cpu="$(cpu_seconds "$server_pid")"
  [[ -n "$destination_pid" ]] && destination_cpu="$(cpu_seconds "$destination_pid")"
  java -cp "$classpath" dev.freshet.bench.firehose.DeliveryLoadGenerator --endpoint "$endpoint" \
    --data-dir "$data_dir" --seconds "$seconds" --warmup "$warmup" --label "$label" --drain-seconds "$drain" "$@" \
    >"$work/gen.out" 2>"$work/gen.err" || status=$?
  if [[ $status -ne 0 ]]; then failed_runs="$failed_runs $label"; fi
  elapsed="$(echo "$(date +%s.%N) - $started" | bc)"
  server_cpu="$(echo "($(cpu_seconds "$server_pid") - $server_cpu) / $elapsed" | bc -l)"
  if [[ -n "$destination_pid" ]]; then
    destination_cpu="$(echo "($(cpu_seconds "$destination_pid") - $destination_cpu) / $elapsed" | bc -l)"
  fi
  all_cpu="$(echo "($(machine_cpu_seconds) - $all_cpu) / $elapsed" | bc -l)"
  printf 'cpu over the run (%.0f s, drain included): server %.2f cores, destination %.2f cores, generator and other processes %.2f cores\n' \
    "$elapsed" "$server_cpu" "$destination_cpu" "$(echo "$all_cpu - $server_cpu - $destination_cpu" | bc -l)"
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
if [[ " $runs " =~ \ (s3|s3-gzip|opensearch|opensearch-light)\  ]]; then
  test_classpath="$(bench_classpath "$root" test)"
fi
mkdir -p "$(dirname "$out")"
: >"$out"
machine
for run in $runs; do
  echo "== $run"
  load=(--threads "$threads" --interval 0 --size-mb 5)
  # freshness under a light load: one thread sending PutRecordBatch calls of 100 records
  light=(--threads 1 --batch 100 --interval 0 --size-mb 1)
  case "$run" in
    local-uncompressed) start_freshet; generate "$run" "${load[@]}" --compression UNCOMPRESSED ;;
    local-gzip) start_freshet; generate "$run" "${load[@]}" --compression GZIP ;;
    local-light) start_freshet; generate "$run" "${light[@]}" --compression UNCOMPRESSED ;;
    s3|s3-gzip)
      compression=UNCOMPRESSED
      if [[ "$run" == s3-gzip ]]; then compression=GZIP; fi
      start_destination_jvm s3 "$work/s3proxy"
      start_freshet --s3-endpoint "$destination_endpoint" --s3-access-key-id "$s3_key" \
        --s3-secret-access-key "$s3_secret" --s3-path-style true
      to=(--destination s3 --s3-endpoint "$destination_endpoint" --s3-access-key-id "$s3_key" --s3-secret-access-key "$s3_secret")
      warm_destination "$run" "${load[@]}" --compression "$compression" "${to[@]}"
      generate "$run" "${load[@]}" --compression "$compression" "${to[@]}" ;;
    postgres|postgres-light)
      if [[ "$run" == postgres-light ]]; then load=("${light[@]}"); fi
      start_postgres; start_freshet
      generate "$run" "${load[@]}" --compression UNCOMPRESSED --destination postgres --jdbc-url "$destination_endpoint" ;;
    opensearch|opensearch-light)
      if [[ "$run" == opensearch-light ]]; then load=("${light[@]}"); fi
      start_destination_jvm opensearch; start_freshet
      to=(--destination opensearch --format json --search-endpoint "$destination_endpoint")
      warm_destination "$run" "${load[@]}" --compression UNCOMPRESSED "${to[@]}"
      generate "$run" "${load[@]}" --compression UNCOMPRESSED "${to[@]}" ;;
    *) echo "unknown run $run" >&2; exit 2 ;;
  esac
  stop_server
  stop_destination
  rm -rf "$data_dir"
done
if [[ -n "$failed_runs" ]]; then
  echo "runs with missing records or failed calls:$failed_runs" >&2
  exit 1
fi
