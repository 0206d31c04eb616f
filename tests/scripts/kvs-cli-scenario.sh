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
check "signaling channels are InvalidArgumentException" InvalidArgumentException \
  "$(error_of create-signaling-channel --channel-name "$STREAM-channel")"

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
