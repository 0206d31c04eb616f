package dev.freshet.delivery.s3;

import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.destination.FailedRecord;
import dev.freshet.delivery.destination.FailureEnvelope;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes records and error envelopes as objects of one {@link S3Target}: one object per distinct
 * evaluated prefix (records of a dynamically partitioned stream are grouped by their partition
 * keys, in source order within each group), named by {@link ObjectKeys}, stored by an
 * {@link ObjectPutter} that retries until the store confirms.
 *
 * <p>Not thread-safe: one delivery thread uses it.
 */
public final class S3ObjectWriter {

    /** The error-output folder for records whose prefix could not be evaluated. */
    static final String PARTITIONING_FAILED = "processing-failed";
    private static final byte[] NEWLINE = {'\n'};
    private static final DateTimeFormatter FALLBACK_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH/");

    private final S3Target target;
    private final ObjectKeys keys;
    private final ObjectPutter putter;
    private final InstantSource clock;
    private final ObjectFormat format;
    private final ActivePartitions partitions;

    /** A writer of concatenated records with the service's default quota of active partitions, reporting no gauges. */
    public S3ObjectWriter(S3Target target, DeliveryStreamRef stream, ObjectPutter putter, InstantSource clock) {
        this(target, stream, putter, clock, ObjectFormat.concatenated(target), ActivePartitions.UNREPORTED);
    }

    /**
     * A writer whose objects' bodies the format makes (concatenated, or record format conversion),
     * opening at most {@code partitions}' limit of partitions per batch.
     */
    public S3ObjectWriter(S3Target target, DeliveryStreamRef stream, ObjectPutter putter, InstantSource clock,
            ObjectFormat format, ActivePartitions partitions) {
        this.target = target;
        this.keys = new ObjectKeys(stream, target.zone(), target.extension());
        this.putter = putter;
        this.clock = clock;
        this.format = format;
        this.partitions = partitions;
    }

    public S3Target target() {
        return target;
    }

    /**
     * Stores the records; returns those whose object name could not be evaluated (a missing
     * partition key, a prefix past 512 characters), those of partitions past the active-partitions
     * limit, and those the format left out (records that failed conversion), for the error output.
     */
    public List<FailedRecord> writeRecords(List<DeliveryRecord> records) throws InterruptedException {
        List<FailedRecord> unnamed = new ArrayList<>();
        S3Prefix prefix = target.rules().prefix();
        ActivePartitions.Count active = partitions.count();
        for (List<DeliveryRecord> group : groups(records, prefix.partitionKeyNames())) {
            long oldest = oldestArrival(group);
            String evaluated;
            try {
                evaluated = keys.prefix(prefix, oldest, group.get(0).partitionKeys(), null);
            } catch (PrefixException e) {
                for (DeliveryRecord record : group) {
                    unnamed.add(new FailedRecord(record, PARTITIONING_FAILED, FailureEnvelope.toBytes(
                        FailureEnvelope.of(record, 1, "DynamicPartitioning." + e.reason(), e.getMessage(), clock.millis()))));
                }
                continue;
            }
            if (!active.admit()) {
                unnamed.addAll(active.refuse(group, clock.millis()));
                continue;
            }
            String key = keys.key(evaluated, oldest);
            ObjectFormat.Encoded encoded = format.encode(group, entryName(key));
            unnamed.addAll(encoded.failed());
            if (encoded.body() != null) {
                putter.put(target.bucket(), key, encoded.body());
            }
        }
        if (!prefix.partitionKeyNames().isEmpty()) {
            active.report();
        }
        return unnamed;
    }

    /**
     * Stores the envelopes, one JSON line each, one object per error-output type (and per value of
     * partition keys the error prefix uses, which the catalog does not allow: records of thousands
     * of partitions past the active-partitions limit still make one object).
     */
    public void writeErrors(List<FailedRecord> failed) throws InterruptedException {
        List<String> keyNames = target.rules().errorPrefix().partitionKeyNames();
        Map<Map.Entry<String, List<String>>, List<FailedRecord>> byType = new LinkedHashMap<>();
        for (FailedRecord record : failed) {
            byType.computeIfAbsent(Map.entry(record.errorOutputType(), keyValues(record.record(), keyNames)),
                k -> new ArrayList<>()).add(record);
        }
        for (List<FailedRecord> group : byType.values()) {
            long oldest = Long.MAX_VALUE;
            List<byte[]> lines = new ArrayList<>(group.size() * 2);
            for (FailedRecord record : group) {
                oldest = Math.min(oldest, record.record().arrivalMillis());
                lines.add(record.envelope());
                lines.add(NEWLINE);
            }
            FailedRecord first = group.get(0);
            String key = keys.key(errorPrefix(first, oldest), oldest);
            putter.put(target.bucket(), key, ObjectBody.encode(lines, target.compression(), entryName(key)));
        }
    }

    /** The evaluated ErrorOutputPrefix; the plain default when it cannot be evaluated, so errors are never lost. */
    private String errorPrefix(FailedRecord record, long oldest) {
        try {
            return keys.prefix(target.rules().errorPrefix(), oldest, record.record().partitionKeys(),
                record.errorOutputType());
        } catch (PrefixException e) {
            return record.errorOutputType() + "/" + FALLBACK_TIME.format(keys.time(oldest));
        }
    }

    /** Records by the values of the partition keys the prefix uses: one group per distinct evaluated prefix. */
    private static List<List<DeliveryRecord>> groups(List<DeliveryRecord> records, List<String> keyNames) {
        if (keyNames.isEmpty()) {
            return records.isEmpty() ? List.of() : List.of(records);
        }
        Map<List<String>, List<DeliveryRecord>> groups = new LinkedHashMap<>();
        for (DeliveryRecord record : records) {
            groups.computeIfAbsent(keyValues(record, keyNames), k -> new ArrayList<>()).add(record);
        }
        return new ArrayList<>(groups.values());
    }

    /** The record's values of the named partition keys (null where it lacks one). */
    private static List<String> keyValues(DeliveryRecord record, List<String> keyNames) {
        List<String> values = new ArrayList<>(keyNames.size());
        for (String name : keyNames) {
            values.add(record.partitionKeys().get(name));
        }
        return values;
    }

    private static long oldestArrival(List<DeliveryRecord> records) {
        long oldest = Long.MAX_VALUE;
        for (DeliveryRecord record : records) {
            oldest = Math.min(oldest, record.arrivalMillis());
        }
        return oldest;
    }

    /** A ZIP object's one entry: the object's file name without {@code .zip}. */
    private static String entryName(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        return name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    }
}
