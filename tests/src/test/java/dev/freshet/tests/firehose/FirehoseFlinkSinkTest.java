package dev.freshet.tests.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.Clients;
import dev.freshet.tests.harness.FreshetServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.aws.config.AWSConfigConstants;
import org.apache.flink.connector.firehose.sink.KinesisFirehoseSink;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Apache Flink's Firehose sink ({@code flink-connector-aws-kinesis-firehose}'s {@link KinesisFirehoseSink},
 * unchanged, only pointed at the server with {@code aws.endpoint}) in a local mini cluster: a bounded job of
 * 2,000 JSON lines over two subtasks puts them with PutRecordBatch into a DirectPut stream, and the objects in
 * {@code <data-dir>/s3/<bucket>/} hold exactly those lines, named as Firehose names them. {@code /metrics}
 * counts the same 2,000 incoming records, arriving in a few PutRecordBatch calls and no PutRecord.
 *
 * <p>The connector's Netty client speaks HTTP/2 unless told otherwise (its {@code AWSGeneralUtil} defaults
 * {@code aws.http.protocol.version} to HTTP2; against {@code http://} that is h2c with prior knowledge); the
 * job runs once with that default and once with {@code HTTP1_1}, as a user behind an HTTP/1.1 proxy sets it.
 */
class FirehoseFlinkSinkTest {

    private static final int RECORDS = 2_000;
    /** PutRecordBatch's limit, also the sink's default maxBatchSize. */
    private static final int MAX_BATCH = 500;
    private static final String KEY = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}";

    @RegisterExtension
    static final FreshetServer server = new FreshetServer();
    @RegisterExtension
    static final FirehoseSdk sdk = new FirehoseSdk(server);

    /** What the job sets for the connector's HTTP protocol. */
    enum SinkProtocol {
        CONNECTOR_DEFAULT_HTTP2(null),
        HTTP1_1("HTTP1_1");

        final String property;

        SinkProtocol(String property) {
            this.property = property;
        }
    }

    @ParameterizedTest
    @EnumSource(SinkProtocol.class)
    void aFlinkJobsRecordsAreDeliveredExactlyOnceEach(SinkProtocol protocol) throws Exception {
        String stream = "flink-" + protocol.name().toLowerCase().replace('_', '-');
        sdk.client().createDeliveryStream(r -> r.deliveryStreamName(stream)
            .extendedS3DestinationConfiguration(Firehoses.extendedS3(stream).prefix("flink/")
                .bufferingHints(Firehoses.hints(1, 0)).build()));
        double batchCallsBefore = requests("PutRecordBatch");
        double singleCallsBefore = requests("PutRecord");

        runJob(stream, protocol);

        List<String> sent = LongStream.range(0, RECORDS).mapToObj(FirehoseFlinkSinkTest::record).toList();
        Path dataDir = server.process().dataDir();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(lines(dataDir, stream)).hasSizeGreaterThanOrEqualTo(RECORDS));
        // Freshet failed no entry (no throttled records below) and loopback drops no call, so neither the sink's
        // retry of failed entries nor the SDK's retry of a whole call had cause to put a record twice
        assertThat(lines(dataDir, stream)).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(DeliveredObjects.keys(dataDir, stream, "")).isNotEmpty().allSatisfy(key -> assertThat(key)
            .matches("flink/\\d{4}/\\d{2}/\\d{2}/\\d{2}/" + stream + "-1-" + TIME + "-" + KEY));

        assertThat(metric("freshet_firehose_incoming_records_total\\{delivery_stream=\"" + stream + "\"}"))
            .isEqualTo(RECORDS);
        assertThat(metric("freshet_firehose_throttled_records_total\\{delivery_stream=\"" + stream + "\"}"))
            .isZero();
        double batchCalls = requests("PutRecordBatch") - batchCallsBefore;
        // two subtasks of 1,000 records: full batches of 500 plus what each flushes at end of input
        assertThat(batchCalls).isBetween((double) RECORDS / MAX_BATCH, (double) RECORDS / MAX_BATCH + 4);
        assertThat(requests("PutRecord") - singleCallsBefore).isZero();
    }

    /** Runs the bounded job on a mini cluster to its end: sequence numbers as JSON lines into the sink. */
    private static void runJob(String stream, SinkProtocol protocol) throws Exception {
        KinesisFirehoseSink<String> sink = KinesisFirehoseSink.<String>builder()
            .setFirehoseClientProperties(clientProperties(protocol))
            .setSerializationSchema(new SimpleStringSchema())
            .setDeliveryStreamName(stream)
            .build();
        try (StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, new Configuration())) {
            env.fromSequence(0, RECORDS - 1)
                .map(FirehoseFlinkSinkTest::record).returns(Types.STRING)
                .sinkTo(sink);
            JobClient job = env.executeAsync("firehose-sink-" + stream);
            try {
                job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                job.cancel().get(10, TimeUnit.SECONDS);
                throw e;
            }
        }
    }

    /** The connector's AWS client properties: Freshet's endpoint, its region, static keys. */
    private static Properties clientProperties(SinkProtocol protocol) {
        Properties properties = new Properties();
        properties.setProperty(AWSConfigConstants.AWS_ENDPOINT, server.endpoint().toString());
        properties.setProperty(AWSConfigConstants.AWS_REGION, Clients.REGION.id());
        properties.setProperty(AWSConfigConstants.AWS_CREDENTIALS_PROVIDER, "BASIC");
        properties.setProperty(AWSConfigConstants.AWS_ACCESS_KEY_ID, "test");
        properties.setProperty(AWSConfigConstants.AWS_SECRET_ACCESS_KEY, "test");
        if (protocol.property != null) {
            properties.setProperty(AWSConfigConstants.HTTP_PROTOCOL_VERSION, protocol.property);
        }
        return properties;
    }

    private static String record(long id) {
        return "{\"id\":" + id + ",\"source\":\"flink\"}\n";
    }

    /** Every delivered record: the objects' lines, newline kept. */
    private static List<String> lines(Path dataDir, String bucket) {
        List<String> lines = new ArrayList<>();
        for (String key : DeliveredObjects.keys(dataDir, bucket, "")) {
            lines.addAll(List.of(new String(DeliveredObjects.content(dataDir, bucket, key), StandardCharsets.UTF_8)
                .split("(?<=\n)")));
        }
        return lines;
    }

    /** Successful Firehose calls of an operation so far, from the request-duration histogram's count. */
    private static double requests(String operation) throws Exception {
        return metric("freshet_request_duration_seconds_count\\{operation=\"" + operation
            + "\",service=\"Firehose_20150804\",status=\"200\"}");
    }

    /** A series' value on {@code /metrics}, 0 when it is not there yet. */
    private static double metric(String series) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint().resolve("/metrics"))
            .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
