package dev.freshet.datastreams.kinesis;

import java.time.Instant;

/** One entry of ListStreams' StreamSummaries. */
public record StreamSummary(String name, String arn, String status, String mode, Instant created) {
}
