#!/usr/bin/env python3
"""boto3 scenario for delivery streams (Firehose) against a Freshet endpoint: the control plane, and
put_record / put_record_batch read back (gzipped) from the server's embedded object store (<data-dir>/s3/<bucket>/).

Usage: firehose_boto3_scenario.py http://127.0.0.1:PORT [DATA_DIR]   (without DATA_DIR the read-back is skipped)
Prints one PASS/FAIL line per check and exits non-zero if any check failed.
"""
import gzip
import os
import sys
import time

import boto3
from scenario_checks import check, error_code, results

ENDPOINT = sys.argv[1]
DATA_DIR = sys.argv[2] if len(sys.argv) > 2 else ""
ROLE = "arn:aws:iam::000000000000:role/firehose"
NAME = f"boto3-fh-{os.getpid()}"


def s3(bucket="boto3-bucket", **extra):
    return {"RoleARN": ROLE, "BucketARN": f"arn:aws:s3:::{bucket}", **extra}


def delivered(bucket, prefix):
    """(keys, records): the objects under the prefix in the embedded store, and their gunzipped lines, sorted."""
    root = os.path.join(DATA_DIR, "s3", bucket)
    keys, lines = [], []
    for folder, _, files in os.walk(os.path.join(root, prefix)):
        for name in files:
            if not name.startswith(".freshet-tmp-"):
                path = os.path.join(folder, name)
                keys.append(os.path.relpath(path, root))
                with gzip.open(path, "rb") as f:
                    lines += f.read().splitlines()
    return sorted(keys), sorted(lines)


def await_delivered(bucket, prefix, expected_records, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and delivered(bucket, prefix)[1] != expected_records:
        time.sleep(0.5)
    return delivered(bucket, prefix)


def main():
    firehose = boto3.client("firehose", endpoint_url=ENDPOINT, region_name="us-east-1",
                            aws_access_key_id="test", aws_secret_access_key="test")

    arn = firehose.create_delivery_stream(DeliveryStreamName=NAME, DeliveryStreamType="DirectPut",
                                          ExtendedS3DestinationConfiguration=s3(Prefix="b/"))["DeliveryStreamARN"]
    check("create ARN", f"arn:aws:firehose:us-east-1:000000000000:deliverystream/{NAME}", arn)
    description = firehose.describe_delivery_stream(DeliveryStreamName=NAME)["DeliveryStreamDescription"]
    check("status", "ACTIVE", description["DeliveryStreamStatus"])
    check("create timestamp is a datetime", True, hasattr(description["CreateTimestamp"], "year"))
    destination = description["Destinations"][0]["ExtendedS3DestinationDescription"]
    check("default buffering hints", {"SizeInMBs": 5, "IntervalInSeconds": 300}, destination["BufferingHints"])
    check("default encryption configuration", {"NoEncryptionConfig": "NoEncryption"},
          destination["EncryptionConfiguration"])

    for suffix in ("p1", "p2", "p3"):
        firehose.create_delivery_stream(DeliveryStreamName=f"{NAME}-{suffix}", S3DestinationConfiguration=s3())
    names, start = [], NAME
    while True:
        page = firehose.list_delivery_streams(Limit=1, ExclusiveStartDeliveryStreamName=start)
        names += [n for n in page["DeliveryStreamNames"] if n.startswith(NAME)]
        if not page["HasMoreDeliveryStreams"] or not page["DeliveryStreamNames"]:
            break
        start = page["DeliveryStreamNames"][-1]
    check("list paging", [f"{NAME}-p1", f"{NAME}-p2", f"{NAME}-p3"], names)

    firehose.update_destination(DeliveryStreamName=NAME, CurrentDeliveryStreamVersionId="1",
                                DestinationId="destinationId-000000000001",
                                ExtendedS3DestinationUpdate={"BufferingHints": {"SizeInMBs": 2, "IntervalInSeconds": 0}})
    updated = firehose.describe_delivery_stream(DeliveryStreamName=NAME)["DeliveryStreamDescription"]
    check("version after update", "2", updated["VersionId"])
    check("merged hints", {"SizeInMBs": 2, "IntervalInSeconds": 0},
          updated["Destinations"][0]["ExtendedS3DestinationDescription"]["BufferingHints"])
    check("prefix kept", "b/", updated["Destinations"][0]["ExtendedS3DestinationDescription"]["Prefix"])
    check("stale version", "ConcurrentModificationException", error_code(lambda: firehose.update_destination(
        DeliveryStreamName=NAME, CurrentDeliveryStreamVersionId="1", DestinationId="destinationId-000000000001",
        ExtendedS3DestinationUpdate={"Prefix": "c/"})))

    firehose.tag_delivery_stream(DeliveryStreamName=NAME, Tags=[{"Key": "k1", "Value": "v1"}, {"Key": "k2", "Value": "v2"}])
    tags = firehose.list_tags_for_delivery_stream(DeliveryStreamName=NAME, Limit=1)
    check("tags page", ([{"Key": "k1", "Value": "v1"}], True), (tags["Tags"], tags["HasMoreTags"]))
    check("aws: tag keys are a validation error", "ValidationException", error_code(
        lambda: firehose.tag_delivery_stream(DeliveryStreamName=NAME, Tags=[{"Key": "aws:x", "Value": "v"}])))

    firehose.start_delivery_stream_encryption(
        DeliveryStreamName=NAME, DeliveryStreamEncryptionConfigurationInput={"KeyType": "AWS_OWNED_CMK"})
    check("encryption enabled", "ENABLED", firehose.describe_delivery_stream(DeliveryStreamName=NAME)[
        "DeliveryStreamDescription"]["DeliveryStreamEncryptionConfiguration"]["Status"])

    check("hints out of range", "ValidationException", error_code(lambda: firehose.create_delivery_stream(
        DeliveryStreamName=f"{NAME}-bad", ExtendedS3DestinationConfiguration=s3(
            BufferingHints={"SizeInMBs": 200, "IntervalInSeconds": 60}))))
    check("only one of the hints", "InvalidArgumentException", error_code(lambda: firehose.create_delivery_stream(
        DeliveryStreamName=f"{NAME}-bad", ExtendedS3DestinationConfiguration=s3(BufferingHints={"SizeInMBs": 2}))))
    check("error prefix without error-output-type", "InvalidArgumentException", error_code(
        lambda: firehose.create_delivery_stream(DeliveryStreamName=f"{NAME}-bad", ExtendedS3DestinationConfiguration=s3(
            Prefix="d/!{timestamp:yyyy}/", ErrorOutputPrefix="e/!{timestamp:yyyy}/"))))
    check("two destinations", "InvalidArgumentException", error_code(lambda: firehose.create_delivery_stream(
        DeliveryStreamName=f"{NAME}-bad", ExtendedS3DestinationConfiguration=s3(), S3DestinationConfiguration=s3())))
    check("unknown stream", "ResourceNotFoundException",
          error_code(lambda: firehose.list_tags_for_delivery_stream(DeliveryStreamName=f"{NAME}-none")))

    put_stream = f"{NAME}-put"
    firehose.create_delivery_stream(DeliveryStreamName=put_stream, ExtendedS3DestinationConfiguration=s3(
        Prefix=f"{put_stream}/", CompressionFormat="GZIP", BufferingHints={"SizeInMBs": 1, "IntervalInSeconds": 0}))
    check("put_record RecordId", True, len(firehose.put_record(
        DeliveryStreamName=put_stream, Record={"Data": b"alpha\n"})["RecordId"]) > 0)
    batch = firehose.put_record_batch(DeliveryStreamName=put_stream,
                                      Records=[{"Data": b"beta\n"}, {"Data": "gamma\n".encode()}])
    check("put_record_batch", (0, 2), (batch["FailedPutCount"], len(batch["RequestResponses"])))
    if DATA_DIR:
        keys, records = await_delivered("boto3-bucket", f"{put_stream}/", [b"alpha", b"beta", b"gamma"])
        check("records delivered gzipped to <data-dir>/s3/boto3-bucket", [b"alpha", b"beta", b"gamma"], records)
        check("object names", True, all(k.startswith(f"{put_stream}/2") and k.endswith(".gz")
                                        and f"/{put_stream}-1-" in k for k in keys))
    firehose.delete_delivery_stream(DeliveryStreamName=put_stream)

    for name in (NAME, f"{NAME}-p1", f"{NAME}-p2", f"{NAME}-p3"):
        firehose.delete_delivery_stream(DeliveryStreamName=name)
    check("deleted", "ResourceNotFoundException",
          error_code(lambda: firehose.describe_delivery_stream(DeliveryStreamName=NAME)))

    print(f"firehose boto3 scenario: {results['passed']} checks passed, {results['failed']} checks failed")
    return 0 if results["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
