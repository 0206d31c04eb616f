package dev.freshet.delivery.catalog;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The settings the delivery-stream catalog runs with.
 *
 * @param region the region in ARNs ({@code arn:aws:firehose:<region>:…})
 * @param accountId the 12-digit account in ARNs and messages
 * @param transition how long CREATING, DELETING, ENABLING and DISABLING last (the server's
 *     {@code stream-transition-millis}, shared with data streams)
 * @param enforceLimits whether the documented control-plane rates and the Direct PUT quota apply
 *     (the server's {@code enforce-limits})
 * @param streamLimit how many delivery streams may exist (the service's default quota is 50 per
 *     account and region)
 * @param clock time source (tests move it)
 * @param putQuota each DirectPut stream's throughput in limits mode ({@code delivery-put-*})
 */
public record CatalogSettings(String region, String accountId, Duration transition, boolean enforceLimits,
        int streamLimit, InstantSource clock, PutQuota putQuota) {

    /** The service's default quota of delivery streams per account and region. */
    public static final int DEFAULT_STREAM_LIMIT = 50;

    public CatalogSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(putQuota, "putQuota");
    }

    public static CatalogSettings defaults() {
        return new CatalogSettings("us-east-1", "000000000000", Duration.ofMillis(500), false, DEFAULT_STREAM_LIMIT,
            InstantSource.system(), PutQuota.DEFAULT);
    }

    public CatalogSettings withClock(InstantSource newClock) {
        return new CatalogSettings(region, accountId, transition, enforceLimits, streamLimit, newClock, putQuota);
    }
}
