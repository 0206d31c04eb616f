package dev.freshet.datastreams.kinesis;

import java.time.Instant;

/** An enhanced fan-out consumer as the consumer operations present it. */
public record ConsumerDescription(String name, String arn, String status, Instant created, String streamArn) {
}
