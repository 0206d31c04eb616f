#!/usr/bin/env bash
# Publishes a Matroska file to a Freshet video stream with ffmpeg, exactly as the video tests do
# (PutMedia: one chunked POST, RELATIVE timecodes from now, one cluster per GOP, acks never read).
#
#   tests/scripts/video/publish.sh STREAM_NAME [FILE.mkv] [ENDPOINT] [READRATE]
#
# FILE defaults to a 40 s test pattern made like the tests' LIVE sample (320x240, 25 fps, 1 s GOP,
# no B-frames, AAC) under target/; ENDPOINT to http://127.0.0.1:4567; READRATE 1 means real time (-re),
# 0 as fast as possible. The stream must exist (aws kinesisvideo create-stream --endpoint-url …).
set -euo pipefail
stream=${1:?usage: publish.sh STREAM_NAME [FILE.mkv] [ENDPOINT] [READRATE]}
file=${2:-}
endpoint=${3:-http://127.0.0.1:4567}
readrate=${4:-1}

if [ -z "$file" ]; then
  file="$(dirname "$0")/../../target/video-samples/script-live-h264-aac.mkv"
  mkdir -p "$(dirname "$file")"
  [ -f "$file" ] || ffmpeg -hide_banner -v error -nostdin -y \
    -f lavfi -i testsrc2=size=320x240:rate=25 -f lavfi -i sine=frequency=440:beep_factor=4:sample_rate=48000 \
    -t 40 -map 0:v -map 1:a -c:v libx264 -preset veryfast -profile:v high -pix_fmt yuv420p \
    -x264-params keyint=25:min-keyint=25:scenecut=0 -bf 0 -c:a aac -b:a 64k -ac 1 \
    -f matroska -write_crc32 0 -cluster_time_limit 10000 -cluster_size_limit 50000000 "$file"
fi

pace=()
if [ "$readrate" = "1" ]; then pace=(-re); elif [ "$readrate" != "0" ]; then pace=(-readrate "$readrate"); fi
start=$(date +%s.%3N)
exec ffmpeg -hide_banner -v warning -nostdin "${pace[@]}" -i "$file" -map 0 -c copy \
  -f matroska -live 1 -cluster_time_limit 10000 -cluster_size_limit 50000000 \
  -method POST -chunked_post 1 \
  -headers "x-amzn-stream-name: ${stream}"$'\r\n'"x-amzn-fragment-timecode-type: RELATIVE"$'\r\n'"x-amzn-producer-start-timestamp: ${start}"$'\r\n' \
  "${endpoint}/putMedia"
