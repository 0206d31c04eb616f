#!/usr/bin/env bash
# End-to-end benchmarks: Freshet (durability os and fsync; CBOR and JSON) against kinesalite
# (in memory and on LevelDB; JSON only, its CBOR GetRecords is broken), all driven by the same
# AWS SDK v2 load generator (dev.freshet.bench.LoadGenerator). Server and generator share this
# machine's cores. Traffic goes to 127.0.0.1 only.
#
#   tests/bench/run.sh                 # everything, about 15 minutes
#   BENCH_SECONDS=10 BENCH_WARMUP=3 BENCH_PUT_WARMUP=10 tests/bench/run.sh     # shorter
#   BENCH_ONLY="freshet-os" tests/bench/run.sh              # a subset of: freshet-os freshet-fsync kinesalite-memory kinesalite-leveldb
#   BENCH_SERVER_JAVA_OPTS="-XX:StartFlightRecording=duration=60s,filename=/tmp/x.jfr" tests/bench/run.sh
#
# Results: one JSON line per run in $BENCH_OUT (default tests/target/bench/results.jsonl), and the
# side-by-side table on stdout. Every server started here is stopped on exit, failure included.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${BENCH_SECONDS:-20}"
warmup="${BENCH_WARMUP:-5}"
# The SDK client's JIT keeps compiling for about 15 s after the generator starts, at up to a third
# of a core (docs/BENCHMARKS.md); a put run measures the server after that, not the client's warm-up.
put_warmup="${BENCH_PUT_WARMUP:-15}"
only="${BENCH_ONLY:-freshet-os freshet-fsync kinesalite-memory kinesalite-leveldb}"
out="${BENCH_OUT:-$root/tests/target/bench/results.jsonl}"
kinesalite_dir="${KINESALITE_DIR:-/tmp/kinesalite}"
work="$(mktemp -d /tmp/freshet-bench.XXXXXX)"
server_pid=""

source "$root/tests/bench/server.sh"
cleanup() { stop_server; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

start_freshet() {  # durability
  local port; port="$(free_port)"
  # shellcheck disable=SC2086
  java ${BENCH_SERVER_JAVA_OPTS:-} -jar "$root/web/target/freshet.jar" --port "$port" --host 127.0.0.1 \
    --data-dir "$(mktemp -d "$work/freshet-data.XXXX")" --stream-transition-millis 0 --durability "$1" \
    >"$work/server.log" 2>&1 &
  server_pid=$!
  wait_for_port "$port"
  endpoint="http://127.0.0.1:$port"
}

start_kinesalite() {  # memory|leveldb
  local port path_args=(); port="$(free_port)"
  [[ "$1" == leveldb ]] && path_args=(--path "$(mktemp -d "$work/kinesalite-data.XXXX")")
  "$kinesalite_dir/node_modules/.bin/kinesalite" --port "$port" "${path_args[@]}" --createStreamMs 0 \
    --deleteStreamMs 0 --updateStreamMs 0 --shardLimit 100 >"$work/server.log" 2>&1 &
  server_pid=$!
  wait_for_port "$port"
  endpoint="http://127.0.0.1:$port"
}

server_cpu() {  # "user system" seconds of CPU the server process has used so far
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f %.2f", $14 / hz, $15 / hz}' "/proc/$server_pid/stat"
}

generate() {  # label mode cbor [more options]
  local label="$1" mode="$2" cbor="$3" cpu_before run_warmup="$warmup"; shift 3
  [[ "$mode" == put ]] && run_warmup="$put_warmup"
  cpu_before="$(server_cpu)"
  java -cp "$classpath" dev.freshet.bench.LoadGenerator "$mode" --endpoint "$endpoint" --cbor "$cbor" \
    --seconds "$seconds" --warmup "$run_warmup" --label "$label" --stream "bench-$mode-$cbor" "$@" \
    >"$work/gen.out" 2>"$work/gen.err" || { echo "generator failed:" >&2; cat "$work/gen.out" "$work/gen.err" >&2; return 1; }
  grep -v '^{' "$work/gen.out"
  # the server's CPU over the generator's lifetime (warm-up included), added to the JSON line; the
  # kernel's share apart, because on this VM it swings with the host's page faults (docs/BENCHMARKS.md)
  python3 -c 'import json, sys
r = json.loads(sys.argv[1]); after = sys.argv[2].split(); before = sys.argv[3].split()
user, system = (round(float(a) - float(b), 2) for a, b in zip(after, before))
r.update(serverCpuSec=round(user + system, 2), serverUserCpuSec=user, serverSystemCpuSec=system)
print(json.dumps(r))' "$(grep '^{' "$work/gen.out")" "$(server_cpu)" "$cpu_before" >>"$out"
}

warm_up() {  # label cbor: one unrecorded put run so the server's JIT has compiled the hot paths
  java -cp "$classpath" dev.freshet.bench.LoadGenerator put --endpoint "$endpoint" --cbor "$2" --seconds 5 \
    --warmup 10 --stream bench-warmup --label "$1-warmup" >/dev/null 2>"$work/gen.err" \
    || { echo "warm-up failed:" >&2; cat "$work/gen.err" >&2; return 1; }
}

bench_freshet() {  # durability
  local label="freshet-$1"
  start_freshet "$1"
  echo "== $label ($endpoint)"
  # both encodings: each has its own decode path for the JIT to compile (kinesalite speaks JSON only)
  warm_up "$label" true
  warm_up "$label" false
  for cbor in true false; do
    local enc; [[ $cbor == true ]] && enc=cbor || enc=json
    generate "$label-$enc" put "$cbor"
    generate "$label-$enc" get-tail "$cbor"
    generate "$label-$enc" subscribe "$cbor"
  done
  stop_server
}

bench_kinesalite() {  # memory|leveldb
  local label="kinesalite-$1"
  start_kinesalite "$1"
  echo "== $label ($endpoint)"
  warm_up "$label" false
  generate "$label-json" put false
  generate "$label-json" get-tail false
  stop_server
}

machine() {
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "nproc: $(nproc); memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "uname: $(uname -a)"
  echo "java: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "disk: $(df -h "$work" | awk 'NR==2 {print $1, $2, "(" $5 " used)"}') $(findmnt -n -o FSTYPE --target "$work" 2>/dev/null || true)"
  echo "node: $(node --version); kinesalite: $(node -p "require('$kinesalite_dir/node_modules/kinesalite/package.json').version")"
  echo "settings: $seconds s measured after $warmup s warm-up per run ($put_warmup s for put runs); put 8 threads x 500 x 1 KiB; latency 1000 records/s in calls of 10, 4 shards"
}

[[ -x "$kinesalite_dir/node_modules/.bin/kinesalite" ]] || (mkdir -p "$kinesalite_dir" && cd "$kinesalite_dir" \
  && npm install --no-save --no-audit --no-fund kinesalite >/dev/null)
echo "building…" >&2
(cd "$root" && mvn -q -B -DskipTests package)
source "$root/tests/bench/classpath.sh"
classpath="$(bench_classpath "$root")"
mkdir -p "$(dirname "$out")"
: >"$out"
machine | tee "$(dirname "$out")/machine.txt"

for target in $only; do
  case "$target" in
    freshet-os) bench_freshet os ;;
    freshet-fsync) bench_freshet fsync ;;
    kinesalite-memory) bench_kinesalite memory ;;
    kinesalite-leveldb) bench_kinesalite leveldb ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
done
python3 "$root/tests/bench/table.py" "$out"
