#!/usr/bin/env bash
# Video benchmark: N emulated cameras replay a 1080p/2 Mb/s H.264 sample in real time through
# PutMedia into one Freshet server, LL-HLS viewers watch a few of them, then clients fetch stored
# segments as fast as they can. The load generator (dev.freshet.bench.video.VideoLoadGenerator) is
# its own JVM on the same machine; it reads the server's CPU time from /proc. Traffic goes to
# 127.0.0.1 only. The server and its data are removed on exit, failure and Ctrl-C included.
#
#   tests/bench/video.sh                                              # 200 streams, 15 s warm-up, 60 s measured
#   VIDEO_STREAMS=20 VIDEO_SECONDS=20 VIDEO_WARMUP=5 tests/bench/video.sh
#   VIDEO_SERVE_SECONDS=0 tests/bench/video.sh                        # no segment-serving test
#   VIDEO_SERVER_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/v.jfr,settings=profile" tests/bench/video.sh
#
# Knobs: VIDEO_STREAMS (200), VIDEO_SECONDS (60), VIDEO_WARMUP (15), VIDEO_VIEWERS (5),
# VIDEO_SERVE_SECONDS (20; 0 = off), VIDEO_SERVE_CLIENTS (8), VIDEO_DURABILITY (os|fsync, default os),
# VIDEO_SAMPLE (an MKV to replay instead of the generated one), VIDEO_OUT (JSON lines, default
# tests/target/bench/video-results.jsonl), VIDEO_KEEP_LOG=1 (keep the server log in the results folder).
#
# The sample (made once, kept in tests/target/bench/video/): 20 s of ffmpeg's testsrc2 at 1920x1080,
# 25 fps, H.264 High by libx264 (veryfast), 2 Mb/s with -maxrate 2M -bufsize 1M, one keyframe per
# second (-g 25 -keyint_min 25 -sc_threshold 0) and no B-frames (-bf 0: what IP cameras send for
# low latency), no audio (the issue's figure is a 2 Mb/s video stream), in Matroska.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
streams="${VIDEO_STREAMS:-200}"
seconds="${VIDEO_SECONDS:-60}"
warmup="${VIDEO_WARMUP:-15}"
viewers="${VIDEO_VIEWERS:-5}"
serve_seconds="${VIDEO_SERVE_SECONDS:-20}"
serve_clients="${VIDEO_SERVE_CLIENTS:-8}"
durability="${VIDEO_DURABILITY:-os}"
sample="${VIDEO_SAMPLE:-$root/tests/target/bench/video/testsrc2-1080p25-h264-2M.mkv}"
out="${VIDEO_OUT:-$root/tests/target/bench/video-results.jsonl}"
work="$(mktemp -d /tmp/freshet-video-bench.XXXXXX)"
server_pid=""

source "$root/tests/bench/server.sh"
cleanup() {
  stop_server 100
  if [[ "${VIDEO_KEEP_LOG:-0}" == 1 && -f "$work/server.log" ]]; then cp "$work/server.log" "$(dirname "$out")/video-server.log"; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

make_sample() {
  mkdir -p "$(dirname "$sample")"
  echo "making the sample $sample…" >&2
  ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=1920x1080:rate=25" -t 20 \
    -c:v libx264 -preset veryfast -profile:v high -pix_fmt yuv420p \
    -b:v 2M -maxrate 2M -bufsize 1M -g 25 -keyint_min 25 -sc_threshold 0 -bf 0 -an \
    -f matroska -cluster_time_limit 10000 -cluster_size_limit 50000000 "$sample.tmp.mkv"
  mv "$sample.tmp.mkv" "$sample"
}

machine() {
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); nproc: $(nproc); memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "java: $(java -version 2>&1 | head -1); disk: $(df -h "$work" | awk 'NR==2 {print $1, $2}') $(findmnt -n -o FSTYPE --target "$work" 2>/dev/null || true)"
  echo "run: $streams streams, ${warmup} s warm-up, ${seconds} s measured, $viewers LL-HLS viewers, segment serving ${serve_seconds} s x $serve_clients clients, durability $durability"
  echo "load before: $(uptime | sed 's/.*load average/load average/')"
  echo "sample: $(basename "$sample") $(ffprobe -v error -select_streams v:0 -show_entries stream=codec_name,profile,width,height,r_frame_rate,has_b_frames -show_entries format=duration,bit_rate -of compact=p=0:nk=0 "$sample" | tr '\n' ' ')"
}

[[ -f "$sample" ]] || make_sample
echo "building…" >&2
source "$root/tests/bench/classpath.sh"
classpath="$(bench_classpath "$root")"
[[ -f "$root/web/target/freshet.jar" ]] || (cd "$root" && mvn -q -B -o -DskipTests package)
mkdir -p "$(dirname "$out")"
machine

port="$(free_port)"
# shellcheck disable=SC2086
java ${VIDEO_SERVER_JAVA_OPTS:-} -jar "$root/web/target/freshet.jar" --port "$port" --host 127.0.0.1 \
  --data-dir "$work/data" --stream-transition-millis 0 --durability "$durability" >"$work/server.log" 2>&1 &
server_pid=$!
wait_for_port "$port"

status=0
# shellcheck disable=SC2086
java ${VIDEO_GENERATOR_JAVA_OPTS:-} -cp "$classpath" dev.freshet.bench.video.VideoLoadGenerator \
  --endpoint "http://127.0.0.1:$port" --sample "$sample" --server-pid "$server_pid" --clock-ticks "$(getconf CLK_TCK)" \
  --streams "$streams" --seconds "$seconds" --warmup "$warmup" --viewers "$viewers" \
  --serve-seconds "$serve_seconds" --serve-clients "$serve_clients" --label "freshet-$durability" \
  >"$work/gen.out" 2>"$work/gen.err" || status=$?
report_run "$status" || status=1
exit "$status"
