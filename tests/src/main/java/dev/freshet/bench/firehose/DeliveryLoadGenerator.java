package dev.freshet.bench.firehose;

import dev.freshet.bench.GeneratorMain;
import dev.freshet.bench.OptionPairs;
import dev.freshet.bench.ReportLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.CreateDeliveryStreamRequest;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.Record;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivery-stream benchmark, run as its own process beside the server: creates a DirectPut
 * delivery stream into one destination, sends PutRecordBatch calls of stamped fixed-size records
 * from several threads, watches the destination through its {@link DestinationProbe} and prints
 * delivered MB/s inside the measured window, freshness (sent → visible at the destination)
 * percentiles, and the missing and duplicated records after draining.
 *
 * <pre>
 *   DeliveryLoadGenerator --endpoint URL [--destination local|s3|postgres|opensearch] [--data-dir DIR]
 *       [--s3-endpoint URL --s3-access-key-id K --s3-secret-access-key S] [--jdbc-url URL]
 *       [--search-endpoint URL] [--format stamped|json] [--seconds 20] [--warmup 5] [--threads 4]
 *       [--record-bytes 1024] [--batch 500] [--compression UNCOMPRESSED|GZIP] [--size-mb 5]
 *       [--interval 0] [--label NAME] [--drain-seconds 60+interval]
 * </pre>
 * local (the default) watches Freshet's local-directory S3 under --data-dir; s3 an S3-compatible
 * server that Freshet was started against; postgres a Redshift stream's table; opensearch an
 * index (with --format json).
 * Exit 0 when nothing was missing and no call failed.
 */
public final class DeliveryLoadGenerator {

    private static final String USAGE = "usage: DeliveryLoadGenerator --endpoint URL"
        + " [--destination local|s3|postgres|opensearch] [--data-dir DIR] [--s3-endpoint URL --s3-access-key-id K"
        + " --s3-secret-access-key S] [--jdbc-url URL] [--search-endpoint URL] [--format stamped|json] [--seconds N]"
        + " [--warmup N] [--threads N] [--record-bytes N] [--batch N] [--compression UNCOMPRESSED|GZIP]"
        + " [--size-mb N] [--interval N] [--label NAME] [--drain-seconds N]";
    private static final Set<String> NAMES = Set.of("endpoint", "destination", "data-dir", "s3-endpoint",
        "s3-access-key-id", "s3-secret-access-key", "jdbc-url", "search-endpoint", "format", "seconds", "warmup",
        "threads", "record-bytes", "batch", "compression", "size-mb", "interval", "label", "drain-seconds");

    record Options(URI endpoint, String destination, Path dataDir, String s3Endpoint, String s3AccessKeyId,
            String s3SecretAccessKey, String jdbcUrl, String searchEndpoint, String format, int seconds, int warmup,
            int threads, int recordBytes, int batch, String compression, int sizeMb, int interval, String label,
            int drainSeconds) {
    }

    private final Options options;
    private final FirehoseClient firehose;
    private final AtomicLong serials = new AtomicLong();
    private final AtomicLong failedCalls = new AtomicLong();
    private final AtomicLong failedRecords = new AtomicLong();
    private volatile boolean probeFailed;
    private double drainSeconds;

    private DeliveryLoadGenerator(Options options) {
        this.options = options;
        this.firehose = FirehoseClient.builder().endpointOverride(options.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
            .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMinutes(2)))
            .build();
    }

    public static void main(String[] args) {
        GeneratorMain.run(args, DeliveryLoadGenerator::parse, options -> new DeliveryLoadGenerator(options).run());
    }

    static Options parse(String[] args) {
        Map<String, String> values = OptionPairs.parse(args, 0, NAMES, USAGE);
        if (!values.containsKey("endpoint")) {
            throw new IllegalArgumentException(USAGE);
        }
        return new Options(URI.create(values.get("endpoint")), values.getOrDefault("destination", "local"),
            values.containsKey("data-dir") ? Path.of(values.get("data-dir")) : null, values.get("s3-endpoint"),
            values.get("s3-access-key-id"), values.get("s3-secret-access-key"), values.get("jdbc-url"),
            values.get("search-endpoint"), values.getOrDefault("format", "stamped"), OptionPairs.number(values, "seconds", 20), OptionPairs.number(values, "warmup", 5),
            OptionPairs.number(values, "threads", 4), OptionPairs.number(values, "record-bytes", 1024),
            OptionPairs.number(values, "batch", 500), values.getOrDefault("compression", "UNCOMPRESSED"),
            OptionPairs.number(values, "size-mb", 5), OptionPairs.number(values, "interval", 0),
            values.getOrDefault("label", "delivery"),
            OptionPairs.number(values, "drain-seconds", 60 + OptionPairs.number(values, "interval", 0)));
    }

    private boolean run() throws Exception {
        String stream = "bench-" + options.label();
        DestinationProbe probe = DestinationProbes.open(options);
        createStream(stream, probe);
        long start = Clock.nowMicros();
        long windowStart = start + options.warmup() * 1_000_000L;
        long windowEnd = windowStart + options.seconds() * 1_000_000L;
        DeliveredRecords delivered = new DeliveredRecords(windowStart, windowEnd);
        Thread watching = new Thread(() -> watch(probe, delivered), "bench-probe");
        watching.start();
        List<Thread> producers = new ArrayList<>();
        for (int i = 0; i < options.threads(); i++) {
            Thread producer = new Thread(() -> produce(stream, windowEnd), "bench-producer-" + i);
            producer.start();
            producers.add(producer);
        }
        for (Thread producer : producers) {
            producer.join();
        }
        long sent = serials.get();
        long drainStart = System.nanoTime();
        boolean drained = drain(delivered, sent, Duration.ofSeconds(options.drainSeconds()));
        drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        probe.close();
        watching.join();
        firehose.deleteDeliveryStream(b -> b.deliveryStreamName(stream));
        return report(delivered, sent, drained, probe) && !probeFailed;
    }

    private void createStream(String stream, DestinationProbe probe) throws InterruptedException {
        CreateDeliveryStreamRequest.Builder request = CreateDeliveryStreamRequest.builder().deliveryStreamName(stream)
            .deliveryStreamType("DirectPut");
        probe.configure(request, options);
        firehose.createDeliveryStream(request.build());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (firehose.describeDeliveryStream(b -> b.deliveryStreamName(stream)).deliveryStreamDescription()
                .deliveryStreamStatus() != DeliveryStreamStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(stream + " did not become ACTIVE in 30 s");
            }
            Thread.sleep(50); // polling the control plane, as a client's waiter does
        }
    }

    private void produce(String stream, long endMicros) {
        boolean json = "json".equals(options.format());
        while (Clock.nowMicros() < endMicros) {
            List<Record> records = new ArrayList<>(options.batch());
            long sentMicros = Clock.nowMicros();
            for (int i = 0; i < options.batch(); i++) {
                long serial = serials.getAndIncrement();
                byte[] data = json ? StampedRecords.json(options.recordBytes(), sentMicros, serial)
                    : StampedRecords.record(options.recordBytes(), sentMicros, serial);
                records.add(Record.builder().data(SdkBytes.fromByteArrayUnsafe(data)).build());
            }
            try {
                PutRecordBatchResponse response = firehose.putRecordBatch(b -> b.deliveryStreamName(stream).records(records));
                failedRecords.addAndGet(response.failedPutCount());
            } catch (RuntimeException e) {
                failedCalls.incrementAndGet();
            }
        }
    }

    private boolean drain(DeliveredRecords delivered, long sent, Duration patience) throws InterruptedException {
        long accepted = sent - failedRecords.get() - failedCalls.get() * options.batch();
        long deadline = System.nanoTime() + patience.toNanos();
        while (delivered.records() < accepted) {
            if (System.nanoTime() > deadline || probeFailed) {
                return false;
            }
            Thread.sleep(20); // waiting on another process's destination: nothing to await but the probe
        }
        return true;
    }

    private boolean report(DeliveredRecords delivered, long sent, boolean drained, DestinationProbe probe) {
        ReportLine line = new ReportLine();
        line.put("label", options.label());
        line.put("destination", options.destination());
        line.put("visible", probe.visibility());
        line.put("format", options.format());
        line.put("compression", options.compression());
        line.put("intervalSeconds", options.interval());
        line.put("sizeMB", options.sizeMb());
        line.put("recordBytes", options.recordBytes());
        line.put("sentRecords", sent);
        line.put("failedCalls", failedCalls.get());
        line.put("failedRecords", failedRecords.get());
        line.put("drained", drained);
        // how long the destination took, after the last call, to show the rest: the backlog left
        line.put("drainSeconds", Math.round(drainSeconds * 10) / 10.0);
        delivered.report(line, options.seconds(), sent);
        line.clause(String.format("%s: %.1f MB/s delivered to %s (%s, interval %d s, %d MB)", options.label(),
            (Double) line.get("deliveredMBps"), options.destination(), options.compression(), options.interval(),
            options.sizeMb()));
        line.clause(String.format("freshness p50 %.0f ms, p99 %.0f ms, max %.0f ms", line.get("freshnessP50Ms"),
            line.get("freshnessP99Ms"), line.get("freshnessMaxMs")));
        line.clause(String.format("%d sent, %s missing, %s duplicated, %d failed calls; drained in %.1f s", sent,
            line.get("missing"), line.get("duplicates"), failedCalls.get(), drainSeconds));
        line.print();
        return drained && failedCalls.get() == 0 && failedRecords.get() == 0 && (Long) line.get("missing") == 0;
    }

    private void watch(DestinationProbe probe, DeliveredRecords delivered) {
        try {
            probe.watch(delivered);
        } catch (Exception e) {
            probeFailed = true;
            System.err.println("the " + options.destination() + " probe failed: " + e);
            e.printStackTrace();
        }
    }
}
