#!/usr/bin/env python3
"""boto3 scenario for delivery streams (Firehose) against a Freshet endpoint: the control plane.

Usage: firehose_boto3_scenario.py http://127.0.0.1:PORT
Prints one PASS/FAIL line per check and exits non-zero if any check failed.
"""
import os
import sys

import boto3
from scenario_checks import check, error_code, results

ENDPOINT = sys.argv[1]
ROLE = "arn:aws:iam::000000000000:role/firehose"
NAME = f"boto3-fh-{os.getpid()}"


def s3(bucket="boto3-bucket", **extra):
    return {"RoleARN": ROLE, "BucketARN": f"arn:aws:s3:::{bucket}", **extra}


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

    for name in (NAME, f"{NAME}-p1", f"{NAME}-p2", f"{NAME}-p3"):
        firehose.delete_delivery_stream(DeliveryStreamName=name)
    check("deleted", "ResourceNotFoundException",
          error_code(lambda: firehose.describe_delivery_stream(DeliveryStreamName=NAME)))

    print(f"firehose boto3 scenario: {results['passed']} checks passed, {results['failed']} checks failed")
    return 0 if results["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
