package dev.freshet.delivery.destination.redshift;

import dev.freshet.delivery.DeliveryStreamRef;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Names a Redshift stream's intermediate objects and error manifests as the service does. A
 * Redshift S3Configuration.Prefix has no expressions, so the key is
 * {@code <Prefix>yyyy/MM/dd/HH/<stream>-<version>-yyyy-MM-dd-HH-mm-ss-<uuid>} (UTC, the oldest
 * record's arrival), and a skipped object's manifest is
 * {@code <Prefix>errors/manifests/yyyy/MM/dd/HH/<the object's file name>}.
 *
 * @param folder {@code <Prefix>yyyy/MM/dd/HH/}
 * @param fileName {@code <stream>-<version>-yyyy-MM-dd-HH-mm-ss-<uuid>}
 * @param hours {@code yyyy/MM/dd/HH/}
 * @param prefix the configured Prefix
 */
record StagedObjectKey(String prefix, String hours, String fileName) {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH/").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);

    static StagedObjectKey of(String prefix, DeliveryStreamRef stream, long oldestArrivalMillis) {
        Instant at = Instant.ofEpochMilli(oldestArrivalMillis);
        String file = stream.name() + "-" + stream.versionId() + "-" + STAMP.format(at) + "-" + UUID.randomUUID();
        return new StagedObjectKey(prefix, HOURS.format(at), file);
    }

    String objectKey() {
        return prefix + hours + fileName;
    }

    String errorManifestKey() {
        return prefix + "errors/manifests/" + hours + fileName;
    }
}
