#!/usr/bin/env bash
# AWS CLI scenario for delivery streams (Firehose) against a Freshet endpoint: the control plane, and
# put-record / put-record-batch read back from the server's embedded object store (<data-dir>/s3/<bucket>/).
# Usage: firehose-cli-scenario.sh http://127.0.0.1:PORT [DATA_DIR]   (without DATA_DIR the read-back is skipped)
# Works with aws-cli v1 (pip) and v2. Prints one PASS/FAIL line per check; exits non-zero on any failure.
set -u
ENDPOINT="$1"
DATA_DIR="${2:-}"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
PY="${PYTHON:-python3}"
NAME="cli-fh-$$-$RANDOM"
ROLE="arn:aws:iam::000000000000:role/firehose"
PASSED=0
FAILED=0

BLOB_ARGS=()
if aws --version 2>&1 | grep -q '^aws-cli/2'; then
  BLOB_ARGS=(--cli-binary-format raw-in-base64-out)   # v2 reads blobs as base64 unless told otherwise; v1 sends text
fi

f() { aws firehose --endpoint-url "$ENDPOINT" --region us-east-1 --output json "$@"; }
k() { aws kinesis --endpoint-url "$ENDPOINT" --region us-east-1 --output json "$@"; }
check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then echo "PASS $1"; PASSED=$((PASSED + 1));
  else echo "FAIL $1: expected [$2] got [$3]"; FAILED=$((FAILED + 1)); fi
}
json() { "$PY" -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
delivered() {  # delivered BUCKET PREFIX: the records of every object under the prefix, one per line, sorted
  find "$DATA_DIR/s3/$1/$2" -type f ! -name '.freshet-tmp-*' 2>/dev/null | xargs -r cat | sort
}
await_delivered() {  # await_delivered BUCKET PREFIX EXPECTED: polls for up to 60 s, then prints what is there
  for _ in $(seq 1 120); do
    [ "$(delivered "$1" "$2")" == "$3" ] && break
    sleep 0.5
  done
  delivered "$1" "$2"
}
error_of() {  # the error code an aws call printed on stderr
  "$@" 2>&1 >/dev/null | sed -n 's/.*An error occurred (\([A-Za-z]*\)).*/\1/p' | head -1
}

S3="RoleARN=$ROLE,BucketARN=arn:aws:s3:::cli-bucket,Prefix=cli/,BufferingHints={SizeInMBs=1,IntervalInSeconds=60}"
ARN=$(f create-delivery-stream --delivery-stream-name "$NAME" --extended-s3-destination-configuration "$S3" \
  --tags Key=team,Value=data | json "d['DeliveryStreamARN']")
check "create-delivery-stream ARN" "arn:aws:firehose:us-east-1:000000000000:deliverystream/$NAME" "$ARN"
DESC=$(f describe-delivery-stream --delivery-stream-name "$NAME")
check "describe status" ACTIVE "$(echo "$DESC" | json "d['DeliveryStreamDescription']['DeliveryStreamStatus']")"
check "describe version" 1 "$(echo "$DESC" | json "d['DeliveryStreamDescription']['VersionId']")"
check "describe buffering hints" "1 60" "$(echo "$DESC" | json "' '.join(str(v) for v in d['DeliveryStreamDescription']['Destinations'][0]['ExtendedS3DestinationDescription']['BufferingHints'].values())")"
check "describe compression default" UNCOMPRESSED "$(echo "$DESC" | json "d['DeliveryStreamDescription']['Destinations'][0]['ExtendedS3DestinationDescription']['CompressionFormat']")"
check "list-delivery-streams contains it" True "$(f list-delivery-streams --limit 100 | json "'$NAME' in d['DeliveryStreamNames']")"

f update-destination --delivery-stream-name "$NAME" --current-delivery-stream-version-id 1 \
  --destination-id destinationId-000000000001 --extended-s3-destination-update CompressionFormat=GZIP
check "update-destination" 0 $?
check "version after update" 2 "$(f describe-delivery-stream --delivery-stream-name "$NAME" | json "d['DeliveryStreamDescription']['VersionId']")"
check "stale version is ConcurrentModificationException" ConcurrentModificationException "$(error_of f update-destination \
  --delivery-stream-name "$NAME" --current-delivery-stream-version-id 1 --destination-id destinationId-000000000001 \
  --extended-s3-destination-update CompressionFormat=ZIP)"

f tag-delivery-stream --delivery-stream-name "$NAME" --tags Key=env,Value=test
check "list-tags-for-delivery-stream" "env=test,team=data" "$(f list-tags-for-delivery-stream --delivery-stream-name "$NAME" | \
  json "','.join(t['Key'] + '=' + t['Value'] for t in d['Tags'])")"
f untag-delivery-stream --delivery-stream-name "$NAME" --tag-keys env
check "untag-delivery-stream" team "$(f list-tags-for-delivery-stream --delivery-stream-name "$NAME" | json "','.join(t['Key'] for t in d['Tags'])")"

f start-delivery-stream-encryption --delivery-stream-name "$NAME" --delivery-stream-encryption-configuration-input KeyType=AWS_OWNED_CMK
check "start-delivery-stream-encryption" ENABLED "$(f describe-delivery-stream --delivery-stream-name "$NAME" | json "d['DeliveryStreamDescription']['DeliveryStreamEncryptionConfiguration']['Status']")"
f stop-delivery-stream-encryption --delivery-stream-name "$NAME"
check "stop-delivery-stream-encryption" DISABLED "$(f describe-delivery-stream --delivery-stream-name "$NAME" | json "d['DeliveryStreamDescription']['DeliveryStreamEncryptionConfiguration']['Status']")"

k create-stream --stream-name "$NAME-src" --shard-count 1
SRC=$(k describe-stream-summary --stream-name "$NAME-src" | json "d['StreamDescriptionSummary']['StreamARN']")
f create-delivery-stream --delivery-stream-name "$NAME-k" --delivery-stream-type KinesisStreamAsSource \
  --kinesis-stream-source-configuration "KinesisStreamARN=$SRC,RoleARN=$ROLE" \
  --s3-destination-configuration "RoleARN=$ROLE,BucketARN=arn:aws:s3:::cli-bucket" >/dev/null
check "kinesis-sourced source ARN" "$SRC" "$(f describe-delivery-stream --delivery-stream-name "$NAME-k" | json "d['DeliveryStreamDescription']['Source']['KinesisStreamSourceDescription']['KinesisStreamARN']")"
check "list by type" "$NAME-k" "$(f list-delivery-streams --delivery-stream-type KinesisStreamAsSource | json "' '.join(n for n in d['DeliveryStreamNames'] if n.startswith('$NAME'))")"

check "prefix without error prefix is InvalidArgumentException" InvalidArgumentException "$(error_of f create-delivery-stream \
  --delivery-stream-name "$NAME-bad" --extended-s3-destination-configuration \
  "{\"RoleARN\":\"$ROLE\",\"BucketARN\":\"arn:aws:s3:::cli-bucket\",\"Prefix\":\"x/!{timestamp:yyyy}/\"}")"
check "unknown stream is ResourceNotFoundException" ResourceNotFoundException "$(error_of f describe-delivery-stream --delivery-stream-name "$NAME-none")"

f create-delivery-stream --delivery-stream-name "$NAME-put" --extended-s3-destination-configuration \
  "RoleARN=$ROLE,BucketARN=arn:aws:s3:::cli-bucket,Prefix=$NAME-put/,BufferingHints={SizeInMBs=1,IntervalInSeconds=0}" >/dev/null
check "put-record RecordId" True "$(f put-record --delivery-stream-name "$NAME-put" "${BLOB_ARGS[@]}" \
  --record '{"Data":"one\n"}' | json "len(d['RecordId']) > 0")"
check "put-record-batch FailedPutCount" 0 "$(f put-record-batch --delivery-stream-name "$NAME-put" "${BLOB_ARGS[@]}" \
  --records '[{"Data":"two\n"},{"Data":"three\n"}]' | json "d['FailedPutCount']")"
if [ -n "$DATA_DIR" ]; then
  EXPECTED=$(printf 'one\nthree\ntwo')
  check "records delivered to <data-dir>/s3/cli-bucket" "$EXPECTED" "$(await_delivered cli-bucket "$NAME-put/" "$EXPECTED")"
fi
f delete-delivery-stream --delivery-stream-name "$NAME-put"

f delete-delivery-stream --delivery-stream-name "$NAME"
check "delete-delivery-stream" 0 $?
f delete-delivery-stream --delivery-stream-name "$NAME-k"
check "deleted stream is not listed" False "$(f list-delivery-streams --limit 100 | json "'$NAME' in d['DeliveryStreamNames']")"

echo "firehose cli scenario: $PASSED checks passed, $FAILED checks failed"
[ "$FAILED" -eq 0 ]
