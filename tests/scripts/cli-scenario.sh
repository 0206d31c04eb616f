#!/usr/bin/env bash
# AWS CLI scenario against a Kinesis-compatible endpoint.
# Usage: cli-scenario.sh http://127.0.0.1:PORT
# Works with aws-cli v1 (pip) and v2. Prints one PASS/FAIL line per check; exits non-zero on any failure.
set -u
ENDPOINT="$1"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
PY="${PYTHON:-python3}"
STREAM="cli-$$-$RANDOM"
PASSED=0
FAILED=0

BLOB_ARGS=()
if aws --version 2>&1 | grep -q '^aws-cli/2'; then
  BLOB_ARGS=(--cli-binary-format raw-in-base64-out)   # v2 reads blobs as base64 unless told otherwise
fi

k() { aws kinesis --endpoint-url "$ENDPOINT" --region us-east-1 --output json "$@"; }
check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then echo "PASS $1"; PASSED=$((PASSED + 1));
  else echo "FAIL $1: expected [$2] got [$3]"; FAILED=$((FAILED + 1)); fi
}
json() { "$PY" -c "import json,sys,base64; d=json.load(sys.stdin); print($1)"; }

k create-stream --stream-name "$STREAM" --shard-count 2
check "create-stream exit code" 0 $?
k wait stream-exists --stream-name "$STREAM"
check "wait stream-exists" 0 $?
check "describe-stream status" ACTIVE "$(k describe-stream --stream-name "$STREAM" | json "d['StreamDescription']['StreamStatus']")"
check "describe-stream-summary open shards" 2 "$(k describe-stream-summary --stream-name "$STREAM" | json "d['StreamDescriptionSummary']['OpenShardCount']")"
check "list-streams contains stream" True "$(k list-streams | json "'$STREAM' in d['StreamNames']")"

PUT=$(k put-record --stream-name "$STREAM" --partition-key alpha --data "hello cli" "${BLOB_ARGS[@]}")
SHARD=$(echo "$PUT" | json "d['ShardId']")
SEQ=$(echo "$PUT" | json "d['SequenceNumber']")
check "put-record sequence number is decimal" True "$(echo "$PUT" | json "d['SequenceNumber'].isdigit()")"
check "put-records failed count" 0 "$(k put-records --stream-name "$STREAM" "${BLOB_ARGS[@]}" --records \
  Data=one,PartitionKey=alpha Data=two,PartitionKey=alpha | json "d.get('FailedRecordCount', 0)")"

IT=$(k get-shard-iterator --stream-name "$STREAM" --shard-id "$SHARD" --shard-iterator-type AT_SEQUENCE_NUMBER \
  --starting-sequence-number "$SEQ" --query ShardIterator --output text)
check "get-records from AT_SEQUENCE_NUMBER" "hello cli|one|two" "$(k get-records --shard-iterator "$IT" | \
  json "'|'.join(base64.b64decode(r['Data']).decode() for r in d['Records'])")"
IT=$(k get-shard-iterator --stream-name "$STREAM" --shard-id "$SHARD" --shard-iterator-type TRIM_HORIZON \
  --query ShardIterator --output text)
check "get-records limit" 1 "$(k get-records --shard-iterator "$IT" --limit 1 | json "len(d['Records'])")"

k split-shard --stream-name "$STREAM" --shard-to-split shardId-000000000000 \
  --new-starting-hash-key 85070591730234615865843651857942052864
check "split-shard" 0 $?
k wait stream-exists --stream-name "$STREAM"
check "list-shards after split" 4 "$(k list-shards --stream-name "$STREAM" --no-paginate | json "len(d['Shards'])")"
k merge-shards --stream-name "$STREAM" --shard-to-merge shardId-000000000002 --adjacent-shard-to-merge shardId-000000000003
check "merge-shards" 0 $?
k wait stream-exists --stream-name "$STREAM"
check "merged shard lineage" "shardId-000000000002 shardId-000000000003" "$(k list-shards --stream-name "$STREAM" \
  --no-paginate | json "next(s['ParentShardId'] + ' ' + s['AdjacentParentShardId'] for s in d['Shards'] if s['ShardId'] == 'shardId-000000000004')")"
TOKEN=$(k list-shards --stream-name "$STREAM" --max-results 2 --no-paginate --query NextToken --output text)
check "list-shards next page" 2 "$(k list-shards --next-token "$TOKEN" --max-results 2 --no-paginate | json "len(d['Shards'])")"
check "list-shards AT_LATEST filter" "shardId-000000000001 shardId-000000000004" "$(k list-shards --stream-name "$STREAM" \
  --shard-filter Type=AT_LATEST --no-paginate | json "' '.join(s['ShardId'] for s in d['Shards'])")"

k add-tags-to-stream --stream-name "$STREAM" --tags team=data,env=test
check "add-tags-to-stream" 0 $?
k remove-tags-from-stream --stream-name "$STREAM" --tag-keys env
check "list-tags-for-stream" "team=data" "$(k list-tags-for-stream --stream-name "$STREAM" | \
  json "','.join(t['Key'] + '=' + t['Value'] for t in d['Tags'])")"

ARN=$(k describe-stream-summary --stream-name "$STREAM" --query StreamDescriptionSummary.StreamARN --output text)
CONSUMER=$(k register-stream-consumer --stream-arn "$ARN" --consumer-name cli-consumer --query Consumer.ConsumerARN --output text)
check "register-stream-consumer" 0 $?
for _ in $(seq 1 100); do
  STATUS=$(k describe-stream-consumer --consumer-arn "$CONSUMER" --query ConsumerDescription.ConsumerStatus --output text)
  [ "$STATUS" == ACTIVE ] && break
  sleep 0.1   # polling the consumer status, as a CLI user would
done
check "consumer becomes ACTIVE" ACTIVE "${STATUS:-}"
check "list-stream-consumers" cli-consumer "$(k list-stream-consumers --stream-arn "$ARN" | json "' '.join(c['ConsumerName'] for c in d['Consumers'])")"
k deregister-stream-consumer --consumer-arn "$CONSUMER"
check "deregister-stream-consumer" 0 $?

k delete-stream --stream-name "$STREAM" --enforce-consumer-deletion
check "delete-stream" 0 $?
k wait stream-not-exists --stream-name "$STREAM"
check "wait stream-not-exists" 0 $?
ERR=$(k describe-stream --stream-name "$STREAM" 2>&1 >/dev/null)
check "describe deleted stream is ResourceNotFoundException" True "$(echo "$ERR" | grep -q ResourceNotFoundException && echo True || echo False)"

echo "cli scenario: $PASSED checks passed, $FAILED checks failed"
[ "$FAILED" -eq 0 ]
