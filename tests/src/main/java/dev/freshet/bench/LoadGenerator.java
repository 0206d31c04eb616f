package dev.freshet.bench;

import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Load generator for any Kinesis Data Streams endpoint, driven by the AWS SDK for Java v2, run as
 * its own JVM. Modes: {@code put} (PutRecords throughput), {@code get-tail} (put→readable latency
 * through GetRecords pollers) and {@code subscribe} (the same through SubscribeToShard). Prints one
 * summary sentence and one JSON line; exits 2 on bad arguments, 1 when the run failed.
 *
 * <pre>
 *   java -cp … dev.freshet.bench.LoadGenerator put --endpoint http://127.0.0.1:4567 --cbor false
 * </pre>
 * See {@link Options#USAGE} for every option.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        quietLogging();
        // before any client exists: the SDK reads it when a client is built
        SdkClients.chooseEncoding(options.cbor());
        int status = 0;
        try (KinesisClient client = SdkClients.sync(options.endpoint(), options.threads() + options.shards() + 4)) {
            run(options, client);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // Netty and Apache leave non-daemon threads behind for a while
        System.exit(status);
    }

    /** The SDK logs at DEBUG under logback's default setup; keep stdout for the report. */
    private static void quietLogging() {
        if (System.getProperty("logback.configurationFile") == null
            && LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static void run(Options options, KinesisClient client) throws Exception {
        StreamSetup setup = new StreamSetup(client, options.stream());
        StreamDescriptionSummary stream = setup.ensureActive(options.shards());
        List<String> shards = setup.openShards();
        Report report = new Report(options).put("openShards", shards.size());
        switch (options.mode()) {
            case PUT -> new PutLoad(client, options).run(report);
            case GET_TAIL -> new LatencyRun(client, options).run(
                sink -> new PollingTail(client, options.stream(), shards, options.pollMillis(), sink), report);
            case SUBSCRIBE -> subscribe(options, client, setup, stream.streamARN(), shards, report);
        }
    }

    private static void subscribe(Options options, KinesisClient client, StreamSetup setup, String streamArn,
                                  List<String> shards, Report report) throws Exception {
        String consumerArn = setup.registerConsumer(streamArn, "bench-" + Long.toHexString(System.nanoTime()));
        try (KinesisAsyncClient async = SdkClients.asyncHttp2(options.endpoint())) {
            new LatencyRun(client, options).run(sink -> new FanOutTail(async, consumerArn, shards, sink), report);
        } finally {
            setup.deregisterConsumer(consumerArn);
        }
    }
}
