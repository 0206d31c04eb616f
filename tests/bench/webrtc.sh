#!/usr/bin/env bash
# WebRTC benchmark: N simulated WHIP publishers (each its own UDP socket on 127.0.0.1, ICE, DTLS,
# SRTP) replay a 720p/2 Mb/s H.264 recording in real time into one Freshet server, while a few
# WHEP viewers watch some of them and measure glass-to-glass latency from capture times the
# publishers put in SEI NAL units. The load generator (dev.freshet.bench.webrtc.WebRtcLoadGenerator)
# is its own JVM on the same machine; it reads the server's CPU time from /proc. Traffic goes to
# 127.0.0.1 only. The server and its data are removed on exit, failure and Ctrl-C included.
#
#   tests/bench/webrtc.sh                                                 # 100 publishers, 60 s measured
#   WEBRTC_PUBLISHERS=10 WEBRTC_SECONDS=20 tests/bench/webrtc.sh
#   WEBRTC_SERVER_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/w.jfr,settings=profile" tests/bench/webrtc.sh
#
# Knobs: WEBRTC_PUBLISHERS (100), WEBRTC_SECONDS (60), WEBRTC_WARMUP (10), WEBRTC_VIEWERS (5),
# WEBRTC_SPREAD_MS (publishers connect one after another over this long; default 100 ms each),
# WEBRTC_CLIP (an Annex B .h264 to replay instead of the generated one; WEBRTC_FPS its frame rate),
# WEBRTC_OUT (JSON lines, default tests/target/bench/webrtc-results.jsonl), WEBRTC_KEEP_LOG=1 (keep
# the server log in the results folder), WEBRTC_GENERATOR_JAVA_OPTS, BENCH_MVN_OPTS (e.g. -o).
#
# The clip (made once, kept in tests/target/bench/webrtc/): 20 s of ffmpeg's testsrc2 at 1280x720,
# 30 fps, H.264 High by libx264 (veryfast), 2 Mb/s with -maxrate 2M -bufsize 1M, one IDR per second
# (keyint 30, no scene cuts), no B-frames (as WebRTC encoders send), SPS/PPS before every IDR
# (repeat-headers, as browsers do), one slice per picture, raw Annex B.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
publishers="${WEBRTC_PUBLISHERS:-100}"
seconds="${WEBRTC_SECONDS:-60}"
warmup="${WEBRTC_WARMUP:-10}"
viewers="${WEBRTC_VIEWERS:-5}"
spread="${WEBRTC_SPREAD_MS:-$((publishers * 100))}"
fps="${WEBRTC_FPS:-30}"
clip="${WEBRTC_CLIP:-$root/tests/target/bench/webrtc/testsrc2-720p30-h264-2M.h264}"
out="${WEBRTC_OUT:-$root/tests/target/bench/webrtc-results.jsonl}"
work="$(mktemp -d /tmp/freshet-webrtc-bench.XXXXXX)"
server_pid=""

source "$root/tests/bench/server.sh"
cleanup() {
  stop_server 100
  if [[ "${WEBRTC_KEEP_LOG:-0}" == 1 && -f "$work/server.log" ]]; then cp "$work/server.log" "$(dirname "$out")/webrtc-server.log"; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

make_clip() {
  mkdir -p "$(dirname "$clip")"
  echo "making the clip $clip…" >&2
  ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=1280x720:rate=30" -t 20 \
    -c:v libx264 -preset veryfast -profile:v high -pix_fmt yuv420p -b:v 2M -maxrate 2M -bufsize 1M \
    -bf 0 -x264-params "keyint=30:min-keyint=30:scenecut=0:repeat-headers=1:sliced-threads=0" -an \
    -f h264 "$clip.tmp"
  mv "$clip.tmp" "$clip"
}

machine() {
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); nproc: $(nproc); memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "run: $publishers publishers connecting over ${spread} ms, ${warmup} s warm-up, ${seconds} s measured, $viewers WHEP viewers"
  echo "load before: $(uptime | sed 's/.*load average/load average/')"
  echo "clip: $(basename "$clip") $(ffprobe -v error -select_streams v:0 -show_entries stream=codec_name,profile,width,height,r_frame_rate -of compact=p=0:nk=0 "$clip" | tr '\n' ' ')"
}

[[ -f "$clip" ]] || make_clip
echo "building…" >&2
source "$root/tests/bench/classpath.sh"
classpath="$(bench_classpath "$root")"
[[ -f "$root/web/target/freshet.jar" ]] || (cd "$root" && mvn -q -B ${BENCH_MVN_OPTS:-} -DskipTests package)
mkdir -p "$(dirname "$out")"
machine

port="$(free_port)"
# webrtc-port 0: a free UDP port (the answers name it), so runs beside other servers do not collide
# shellcheck disable=SC2086
java ${WEBRTC_SERVER_JAVA_OPTS:-} -jar "$root/web/target/freshet.jar" --port "$port" --host 127.0.0.1 \
  --data-dir "$work/data" --stream-transition-millis 0 --webrtc-port 0 \
  --webrtc-max-sessions "$((publishers + viewers + 10))" >"$work/server.log" 2>&1 &
server_pid=$!
wait_for_port "$port"

status=0
# shellcheck disable=SC2086
java ${WEBRTC_GENERATOR_JAVA_OPTS:-} -Dlogback.configurationFile="$root/tests/bench/logback-generator.xml" \
  -cp "$classpath" dev.freshet.bench.webrtc.WebRtcLoadGenerator \
  --endpoint "http://127.0.0.1:$port" --clip "$clip" --fps "$fps" --server-pid "$server_pid" \
  --clock-ticks "$(getconf CLK_TCK)" --publishers "$publishers" --seconds "$seconds" --warmup "$warmup" \
  --viewers "$viewers" --spread-ms "$spread" --label freshet \
  >"$work/gen.out" 2>"$work/gen.err" || status=$?
report_run "$status" || status=1
exit "$status"
