#!/usr/bin/env python3
"""boto3 scenario against a Kinesis-compatible endpoint.

Usage: boto3_scenario.py http://127.0.0.1:PORT
Prints one PASS/FAIL line per check and exits non-zero if any check failed.
"""
import base64
import os
import random
import sys
import math
import threading
import time

import boto3
from scenario_checks import check, error_code, results, step  # beside this script

ENDPOINT = sys.argv[1]

kinesis = boto3.client("kinesis", endpoint_url=ENDPOINT, region_name="us-east-1",
                       aws_access_key_id="test", aws_secret_access_key="test")
stream = f"boto3-{os.getpid()}-{random.randint(0, 99999)}"
state = {}


def create():
    kinesis.create_stream(StreamName=stream, ShardCount=3)
    kinesis.get_waiter("stream_exists").wait(StreamName=stream, WaiterConfig={"Delay": 1, "MaxAttempts": 30})
    summary = kinesis.describe_stream_summary(StreamName=stream)["StreamDescriptionSummary"]
    check("stream ACTIVE", "ACTIVE", summary["StreamStatus"])
    check("stream ARN", f"arn:aws:kinesis:us-east-1:000000000000:stream/{stream}", summary["StreamARN"])
    state["arn"] = summary["StreamARN"]


def put_and_read_at_timestamp():
    first = kinesis.put_record(StreamName=stream, PartitionKey="same", Data=b"\x00\x01before")
    # botocore sends JSON timestamps as whole epoch seconds, so `between` must be a whole second
    # that falls after the first record and before the others
    between = math.floor(time.time()) + 1
    time.sleep(between - time.time() + 0.05)
    batch = kinesis.put_records(StreamName=stream, Records=[
        {"PartitionKey": "same", "Data": b"after-%d" % i} for i in range(3)])
    check("put_records failed count", 0, batch.get("FailedRecordCount", 0))
    shard = first["ShardId"]
    state["shard"] = shard
    it = kinesis.get_shard_iterator(StreamName=stream, ShardId=shard, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    records = kinesis.get_records(ShardIterator=it)["Records"]
    check("binary data round trip", b"\x00\x01before", records[0]["Data"])
    it = kinesis.get_shard_iterator(StreamName=stream, ShardId=shard, ShardIteratorType="AT_TIMESTAMP",
                                    Timestamp=between)["ShardIterator"]
    got = [r["Data"] for r in kinesis.get_records(ShardIterator=it)["Records"]]
    check("AT_TIMESTAMP (float seconds) starts after the first record", [b"after-0", b"after-1", b"after-2"], got)


def paginators():
    names = []
    for page in kinesis.get_paginator("list_streams").paginate(PaginationConfig={"PageSize": 1}):
        names.extend(page["StreamNames"])
    check("list_streams paginator finds the stream", True, stream in names)
    shards = [s["ShardId"] for p in kinesis.get_paginator("describe_stream").paginate(
        StreamName=stream, PaginationConfig={"PageSize": 1}) for s in p["StreamDescription"]["Shards"]]
    check("describe_stream paginator", ["shardId-000000000000", "shardId-000000000001", "shardId-000000000002"], shards)
    single_page = [s["ShardId"] for p in kinesis.get_paginator("list_shards").paginate(StreamName=stream)
                   for s in p["Shards"]]
    check("list_shards paginator (one page)", 3, len(single_page))
    # More than one page: botocore's paginator resends StreamName with NextToken, which AWS refuses
    # (botocore#2009), so page by hand as AWS requires.
    page = kinesis.list_shards(StreamName=stream, MaxResults=1)
    manual = [s["ShardId"] for s in page["Shards"]]
    while page.get("NextToken"):
        token = page["NextToken"]
        check("NextToken with StreamName is InvalidArgumentException", "InvalidArgumentException",
              error_code(lambda: kinesis.list_shards(StreamName=stream, NextToken=token)))
        page = kinesis.list_shards(NextToken=token, MaxResults=1)
        manual.extend(s["ShardId"] for s in page["Shards"])
    check("list_shards by NextToken", single_page, manual)


def reshard_and_tags():
    kinesis.split_shard(StreamName=stream, ShardToSplit="shardId-000000000000",
                        NewStartingHashKey=str(2 ** 126 // 3))
    kinesis.get_waiter("stream_exists").wait(StreamName=stream, WaiterConfig={"Delay": 1, "MaxAttempts": 30})
    latest = [s["ShardId"] for s in kinesis.list_shards(StreamName=stream, ShardFilter={"Type": "AT_LATEST"})["Shards"]]
    check("AT_LATEST lists open shards", ["shardId-000000000001", "shardId-000000000002",
                                          "shardId-000000000003", "shardId-000000000004"], latest)
    kinesis.add_tags_to_stream(StreamName=stream, Tags={"team": "data"})
    tags = kinesis.list_tags_for_stream(StreamName=stream)["Tags"]
    check("tags", [{"Key": "team", "Value": "data"}], tags)


def subscribe():
    consumer = kinesis.register_stream_consumer(StreamARN=state["arn"], ConsumerName="boto3-reader")["Consumer"]
    arn = consumer["ConsumerARN"]
    deadline = time.time() + 30
    while kinesis.describe_stream_consumer(ConsumerARN=arn)["ConsumerDescription"]["ConsumerStatus"] != "ACTIVE":
        if time.time() > deadline:
            raise AssertionError("consumer not ACTIVE within 30 s")
        time.sleep(0.1)
    live = kinesis.put_record(StreamName=stream, PartitionKey="live", Data=b"pushed",
                              ExplicitHashKey="340282366920938463463374607431768211455")
    response = kinesis.subscribe_to_shard(ConsumerARN=arn, ShardId=live["ShardId"],
                                          StartingPosition={"Type": "TRIM_HORIZON"})
    got = []
    timer = threading.Timer(20, response["EventStream"].close)  # never hang the scenario
    timer.start()
    try:
        for event in response["EventStream"]:
            if "SubscribeToShardEvent" in event:
                got.extend(r["Data"] for r in event["SubscribeToShardEvent"]["Records"])
                state["continuation"] = event["SubscribeToShardEvent"]["ContinuationSequenceNumber"]
                if b"pushed" in got:
                    break
    finally:
        timer.cancel()
        response["EventStream"].close()
    check("subscribe_to_shard over HTTP/1.1 delivers the record", True, b"pushed" in got)
    check("continuation sequence number present", True, bool(state.get("continuation")))
    kinesis.deregister_stream_consumer(ConsumerARN=arn)


def errors():
    check("missing stream", "ResourceNotFoundException",
          error_code(lambda: kinesis.describe_stream(StreamName=stream + "-missing")))
    check("existing stream", "ResourceInUseException",
          error_code(lambda: kinesis.create_stream(StreamName=stream, ShardCount=1)))
    check("bad stream name", "ValidationException",
          error_code(lambda: kinesis.describe_stream_summary(StreamName="bad name")))
    check("bad iterator", "InvalidArgumentException",
          error_code(lambda: kinesis.get_records(ShardIterator="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")))


def delete():
    kinesis.delete_stream(StreamName=stream, EnforceConsumerDeletion=True)
    kinesis.get_waiter("stream_not_exists").wait(StreamName=stream, WaiterConfig={"Delay": 1, "MaxAttempts": 30})
    check("deleted", "ResourceNotFoundException", error_code(lambda: kinesis.describe_stream(StreamName=stream)))


for name, fn in [("create", create), ("put and read", put_and_read_at_timestamp), ("paginators", paginators),
                 ("reshard and tags", reshard_and_tags), ("subscribe", subscribe), ("errors", errors),
                 ("delete", delete)]:
    step(name, fn)

print(f"boto3 scenario: {results['passed']} checks passed, {results['failed']} checks failed")
sys.exit(1 if results["failed"] else 0)
