#!/usr/bin/env bash
# AWS CLI scenario for the Kinesis Video Streams control plane against a Freshet endpoint.
# Usage: kvs-cli-scenario.sh http://127.0.0.1:PORT
# Works with aws-cli v1 (pip) and v2. Prints one PASS/FAIL line per check; exits non-zero on any failure.
set -u
ENDPOINT="$1"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
PY="${PYTHON:-python3}"
STREAM="kvs-cli-$$-$RANDOM"
PASSED=0
FAILED=0

v() { aws kinesisvideo --endpoint-url "$ENDPOINT" --region us-east-1 --output json "$@"; }
check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then echo "PASS $1"; PASSED=$((PASSED + 1));
  else echo "FAIL $1: expected [$2] got [$3]"; FAILED=$((FAILED + 1)); fi
}
json() { "$PY" -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
error_of() {  # the error code the CLI reports for a failing call, e.g. ResourceNotFoundException
  v "$@" 2>&1 >/dev/null | sed -n 's/.*An error occurred (\([A-Za-z]*\)).*/\1/p' | head -1
}
status() { v describe-stream --stream-name "$1" | json "d['StreamInfo']['Status']"; }
await_active() {  # no waiter exists for kinesisvideo: poll as a CLI user would
  for _ in $(seq 1 100); do [ "$(status "$1")" == ACTIVE ] && return 0; sleep 0.1; done; return 1;
}

ARN=$(v create-stream --stream-name "$STREAM" --media-type video/h264 --data-retention-in-hours 1 \
  --tags team=video | json "d['StreamARN']")
check "create-stream answers the ARN" True "$(echo "$ARN" | grep -q ":stream/$STREAM/" && echo True || echo False)"
await_active "$STREAM"
check "describe-stream ACTIVE" ACTIVE "$(status "$STREAM")"
check "describe-stream by ARN" "$STREAM 1 video/h264" "$(v describe-stream --stream-arn "$ARN" | \
  json "' '.join(str(d['StreamInfo'][k]) for k in ('StreamName', 'DataRetentionInHours', 'MediaType'))")"
check "list-streams BEGINS_WITH" "$STREAM" "$(v list-streams \
  --stream-name-condition ComparisonOperator=BEGINS_WITH,ComparisonValue="$STREAM" | \
  json "' '.join(s['StreamName'] for s in d['StreamInfoList'])")"
check "get-data-endpoint is the server" "$ENDPOINT" "$(v get-data-endpoint --stream-name "$STREAM" \
  --api-name GET_HLS_STREAMING_SESSION_URL | json "d['DataEndpoint']")"

VERSION=$(v describe-stream --stream-name "$STREAM" | json "d['StreamInfo']['Version']")
v update-data-retention --stream-name "$STREAM" --current-version "$VERSION" \
  --operation INCREASE_DATA_RETENTION --data-retention-change-in-hours 2 >/dev/null
check "update-data-retention" 0 $?
await_active "$STREAM"
check "retention increased" 3 "$(v describe-stream --stream-name "$STREAM" | json "d['StreamInfo']['DataRetentionInHours']")"
check "stale version is VersionMismatchException" VersionMismatchException \
  "$(error_of update-stream --stream-name "$STREAM" --current-version "$VERSION" --device-name cam)"

v tag-stream --stream-name "$STREAM" --tags env=test >/dev/null
v tag-resource --resource-arn "$ARN" --tags Key=owner,Value=ana >/dev/null
v untag-stream --stream-arn "$ARN" --tag-key-list env >/dev/null
check "list-tags-for-stream" "owner=ana,team=video" "$(v list-tags-for-stream --stream-name "$STREAM" | \
  json "','.join(k + '=' + v for k, v in sorted(d['Tags'].items()))")"
check "list-tags-for-resource" "owner=ana,team=video" "$(v list-tags-for-resource --resource-arn "$ARN" | \
  json "','.join(k + '=' + v for k, v in sorted(d['Tags'].items()))")"

check "existing name is ResourceInUseException" ResourceInUseException "$(error_of create-stream --stream-name "$STREAM")"
check "bad name is ValidationException" ValidationException "$(error_of create-stream --stream-name 'no spaces')"
check "unknown stream is ResourceNotFoundException" ResourceNotFoundException \
  "$(error_of describe-stream --stream-name "$STREAM-missing")"

CHANNEL="$STREAM-channel"
CHANNEL_ARN=$(v create-signaling-channel --channel-name "$CHANNEL" --single-master-configuration MessageTtlSeconds=30 \
  --tags Key=site,Value=door | json "d['ChannelARN']")
check "create-signaling-channel answers the ARN" True \
  "$(echo "$CHANNEL_ARN" | grep -q ":channel/$CHANNEL/" && echo True || echo False)"
check "describe-signaling-channel" "$CHANNEL SINGLE_MASTER ACTIVE 30" "$(v describe-signaling-channel \
  --channel-name "$CHANNEL" | json "' '.join(str(x) for x in (d['ChannelInfo']['ChannelName'], \
  d['ChannelInfo']['ChannelType'], d['ChannelInfo']['ChannelStatus'], \
  d['ChannelInfo']['SingleMasterConfiguration']['MessageTtlSeconds']))")"
check "list-signaling-channels BEGINS_WITH" "$CHANNEL" "$(v list-signaling-channels \
  --channel-name-condition ComparisonOperator=BEGINS_WITH,ComparisonValue="$CHANNEL" | \
  json "' '.join(c['ChannelName'] for c in d['ChannelInfoList'])")"
check "get-signaling-channel-endpoint WSS is the server" "ws://${ENDPOINT#http://}/signaling" \
  "$(v get-signaling-channel-endpoint --channel-arn "$CHANNEL_ARN" \
  --single-master-channel-endpoint-configuration Protocols=WSS,Role=MASTER | \
  json "d['ResourceEndpointList'][0]['ResourceEndpoint']")"
v update-media-storage-configuration --channel-arn "$CHANNEL_ARN" \
  --media-storage-configuration StreamARN="$ARN",Status=ENABLED >/dev/null
check "describe-media-storage-configuration" "$ARN ENABLED" "$(v describe-media-storage-configuration \
  --channel-arn "$CHANNEL_ARN" | json "d['MediaStorageConfiguration']['StreamARN'] + ' ' + \
  d['MediaStorageConfiguration']['Status']")"
check "channel tags through list-tags-for-resource" "site=door" "$(v list-tags-for-resource \
  --resource-arn "$CHANNEL_ARN" | json "','.join(k + '=' + v for k, v in sorted(d['Tags'].items()))")"
check "existing channel is ResourceInUseException" ResourceInUseException \
  "$(error_of create-signaling-channel --channel-name "$CHANNEL")"
check "FULL_MESH is InvalidArgumentException" InvalidArgumentException \
  "$(error_of create-signaling-channel --channel-name "$CHANNEL-mesh" --channel-type FULL_MESH)"
CHANNEL_VERSION=$(v describe-signaling-channel --channel-arn "$CHANNEL_ARN" | json "d['ChannelInfo']['Version']")
v delete-signaling-channel --channel-arn "$CHANNEL_ARN" --current-version "$CHANNEL_VERSION" >/dev/null
check "delete-signaling-channel" 0 $?
check "deleted channel is ResourceNotFoundException" ResourceNotFoundException \
  "$(error_of describe-signaling-channel --channel-arn "$CHANNEL_ARN")"

VERSION=$(v describe-stream --stream-name "$STREAM" | json "d['StreamInfo']['Version']")
v delete-stream --stream-arn "$ARN" --current-version "$VERSION" >/dev/null
check "delete-stream" 0 $?
for _ in $(seq 1 100); do
  [ "$(error_of describe-stream --stream-name "$STREAM")" == ResourceNotFoundException ] && break
  sleep 0.1
done
check "deleted stream is ResourceNotFoundException" ResourceNotFoundException \
  "$(error_of describe-stream --stream-name "$STREAM")"

echo "kinesisvideo cli scenario: $PASSED checks passed, $FAILED checks failed"
[ "$FAILED" -eq 0 ]
