package dev.freshet.delivery.catalog;

import dev.freshet.delivery.DeliveryEngine;
import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * PutRecord and PutRecordBatch: records of at most 1,000 KiB, batches of at most 500 records and
 * 4 MiB, only for DirectPut streams (a KinesisStreamAsSource stream reads its source stream). The
 * records are appended to the stream's buffer log by the engine and acknowledged once it has them.
 * When the engine cannot take a batch now, PutRecordBatch answers each record as failed with
 * ServiceUnavailableException (the service's per-record failure) and PutRecord answers the error.
 * In limits mode the stream's Direct PUT quota ({@link PutThrottle}) refuses a call past the request
 * rate as a whole, and the records past the record or byte rate one by one ("Slow down.").
 * Refused records are counted as ThrottledRecords.
 *
 * <p>Thread-safe.
 */
public final class RecordIntake {

    public static final int MAX_RECORD_BYTES = 1_000 * 1024;
    public static final int MAX_BATCH_RECORDS = 500;
    public static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;
    private static final long PUT_TIMEOUT_SECONDS = 60;

    private final DeliveryCatalog catalog;
    private final DeliveryEngine engine;
    private final IntakeMetrics metrics;
    private final PutThrottle throttle;

    RecordIntake(DeliveryCatalog catalog, DeliveryEngine engine, IntakeMetrics metrics, PutThrottle throttle) {
        this.catalog = catalog;
        this.engine = engine;
        this.metrics = metrics;
        this.throttle = throttle;
    }

    /** PutRecord: the record's id, or the error. */
    public PutResult putRecord(String name, byte[] data) {
        PutResult result = put(name, List.of(data));
        if (result.failedPutCount() > 0) {
            PutResult.Entry entry = result.entries().get(0);
            throw new DeliveryException(DeliveryErrorType.SERVICE_UNAVAILABLE, entry.errorMessage());
        }
        return result;
    }

    /** PutRecordBatch: per-record outcomes in request order. */
    public PutResult putRecordBatch(String name, List<byte[]> records) {
        if (records.isEmpty() || records.size() > MAX_BATCH_RECORDS) {
            throw DeliveryException.invalidArgument("PutRecordBatch takes 1 to " + MAX_BATCH_RECORDS
                + " records, got " + records.size() + ".");
        }
        return put(name, records);
    }

    private PutResult put(String name, List<byte[]> records) {
        checkSizes(records);
        boolean encrypted = catalog.read(state -> {
            DeliveryStreamState stream = catalog.require(state, name);
            if (stream.deletedAtMillis > 0) {
                throw DeliveryException.notFound("Firehose stream " + name + " under account "
                    + catalog.settings().accountId() + " is being deleted.");
            }
            if (Specs.KINESIS_STREAM_AS_SOURCE.equals(stream.type)) {
                throw DeliveryException.invalidArgument(
                    "This operation is not permitted on KinesisStreamAsSource delivery stream type.");
            }
            return EncryptionSettings.encrypted(stream, catalog.now());
        });
        int admitted;
        try {
            admitted = throttle.admit(name, records);
        } catch (DeliveryException e) {
            metrics.throttled(name, records.size());
            throw e;
        }
        List<PutResult.Entry> entries = new ArrayList<>(append(name, records.subList(0, admitted)));
        entries.addAll(refused(name, records.size() - admitted, PutThrottle.SLOW_DOWN));
        int failed = 0;
        for (PutResult.Entry entry : entries) {
            failed += entry.errorCode() == null ? 0 : 1;
        }
        return new PutResult(failed, encrypted, entries);
    }

    /** Hands the records to the engine: one entry each, its id or (when the engine cannot take them now) the error. */
    private List<PutResult.Entry> append(String name, List<byte[]> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        try {
            List<String> ids = engine.put(name, records).get(PUT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long bytes = 0;
            for (byte[] record : records) {
                bytes += record.length;
            }
            metrics.incoming(name, records.size(), bytes);
            List<PutResult.Entry> entries = new ArrayList<>(ids.size());
            ids.forEach(id -> entries.add(new PutResult.Entry(id, null, null)));
            return entries;
        } catch (ExecutionException e) {
            return unavailable(name, records.size(), e.getCause());
        } catch (TimeoutException e) {
            return unavailable(name, records.size(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(name, records.size(), e);
        }
    }

    private List<PutResult.Entry> unavailable(String name, int count, Throwable cause) {
        if (cause instanceof DeliveryException refused && refused.type() != DeliveryErrorType.SERVICE_UNAVAILABLE) {
            throw refused;
        }
        return refused(name, count, cause instanceof DeliveryException refused ? refused.getMessage()
            : "Firehose stream " + name + " could not take the records now; retry.");
    }

    /** {@code count} ServiceUnavailableException entries, counted as ThrottledRecords. */
    private List<PutResult.Entry> refused(String name, int count, String message) {
        if (count == 0) {
            return List.of();
        }
        metrics.throttled(name, count);
        return Collections.nCopies(count, new PutResult.Entry(null, DeliveryErrorType.SERVICE_UNAVAILABLE.awsName(),
            message));
    }

    private static void checkSizes(List<byte[]> records) {
        long total = 0;
        for (int i = 0; i < records.size(); i++) {
            int size = records.get(i).length;
            if (size > MAX_RECORD_BYTES) {
                throw DeliveryException.invalidArgument("Record " + i + " is " + size + " bytes; a record may have at most "
                    + MAX_RECORD_BYTES + " bytes (1,000 KiB) before base64 encoding.");
            }
            total += size;
        }
        if (total > MAX_BATCH_BYTES) {
            throw DeliveryException.invalidArgument("Records size exceeds 4 MB limit: the batch has " + total + " bytes.");
        }
    }
}
