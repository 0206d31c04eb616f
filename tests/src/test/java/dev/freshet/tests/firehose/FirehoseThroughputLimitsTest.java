package dev.freshet.tests.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.Errors;
import dev.freshet.tests.harness.FreshetServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.firehose.model.ServiceUnavailableException;

/**
 * With {@code --enforce-limits} each DirectPut delivery stream gets its Direct PUT quota, here made
 * small through {@code delivery-put-*} (100 calls, 1,000 records and 1 MiB per second): a call past the
 * request rate is refused with ServiceUnavailableException (503, "Slow down."), records past the record
 * or byte rate fail one by one in PutRecordBatch's answer, and ThrottledRecords counts them. The SDK
 * retries a refused call, so a burst with the default retries gets through.
 */
class FirehoseThroughputLimitsTest {

    private static final int RECORD = 1_000 * 1024;

    @RegisterExtension
    static final FreshetServer server = new FreshetServer("--enforce-limits", "--delivery-put-requests-per-second", "100",
        "--delivery-put-records-per-second", "1000", "--delivery-put-bytes-per-second", "1048576");
    @RegisterExtension
    static final FirehoseSdk sdk = new FirehoseSdk(server);
    static FirehoseClient noRetries;

    @BeforeAll
    static void clients() {
        server.process(); // needs the small quotas set above: skipped against an external server
        noRetries = Firehoses.clientWithoutRetries(server.endpoint());
    }

    @AfterAll
    static void close() {
        if (noRetries != null) {
            noRetries.close();
        }
    }

    @Test
    void recordsPastTheByteRateFailOneByOneAndAPutRecordPastItIsRefused() {
        create("bytes");
        List<Record> big = Collections.nCopies(4, record(RECORD));
        // the first call that finds a full second's budget takes exactly one 1,000 KiB record of the four
        PutRecordBatchResponse partly = await("a batch meeting a refilled byte budget").atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(300)).until(() -> noRetries.putRecordBatch(r -> r.deliveryStreamName("bytes")
                .records(big)), response -> response.requestResponses().get(0).recordId() != null);

        assertThat(partly.failedPutCount()).isEqualTo(3);
        assertThat(partly.requestResponses().subList(1, 4)).allSatisfy(FirehoseThroughputLimitsTest::assertSlowDown);
        AwsServiceException refused = Errors.serviceError(() -> noRetries.putRecord(r -> r.deliveryStreamName("bytes")
            .record(record(RECORD))));
        assertThat(refused).isInstanceOf(ServiceUnavailableException.class);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(Errors.code(refused)).isEqualTo("ServiceUnavailableException");
        assertThat(Errors.message(refused)).isEqualTo("Slow down.");
    }

    @Test
    void recordsPastTheRecordRateFailFromTheFirstThatDoesNotFit() throws Exception {
        create("records");
        List<Record> batch = Collections.nCopies(500, record(1));
        List<PutRecordBatchResponseEntry> failed = new ArrayList<>();
        for (int call = 0; call < 4; call++) {
            PutRecordBatchResponse response = noRetries.putRecordBatch(r -> r.deliveryStreamName("records").records(batch));
            List<PutRecordBatchResponseEntry> entries = response.requestResponses();
            int firstFailed = (int) entries.stream().takeWhile(e -> e.recordId() != null).count();
            assertThat(entries.subList(firstFailed, entries.size())).as("the refused records are the last ones")
                .allSatisfy(FirehoseThroughputLimitsTest::assertSlowDown);
            assertThat(response.failedPutCount()).isEqualTo(entries.size() - firstFailed);
            failed.addAll(entries.subList(firstFailed, entries.size()));
        }
        assertThat(failed).as("2,000 records within far less than a second of a 1,000 records/s quota").isNotEmpty();
        assertThat(throttledRecords("records")).isEqualTo(failed.size());
    }

    @Test
    void callsPastTheRequestRateAreRefusedWithServiceUnavailable() throws Exception {
        create("calls");
        List<AwsServiceException> refused = callFromThreads("calls", 8, 40, false);

        assertThat(refused).as("320 calls against 100 per second").isNotEmpty().allSatisfy(e -> {
            assertThat(e).isInstanceOf(ServiceUnavailableException.class);
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(Errors.code(e)).isEqualTo("ServiceUnavailableException");
            assertThat(Errors.message(e)).isEqualTo("Slow down.");
        });
        assertThat(throttledRecords("calls")).isEqualTo(refused.size());
        assertThat(incomingRecords("calls")).isEqualTo(320 - refused.size());
    }

    @Test
    void withTheSdksDefaultRetriesABurstAgainstAnEmptiedBudgetGetsThrough() throws Exception {
        create("burst");
        // empty the stream's request budget: calls from eight threads until one is refused
        List<AwsServiceException> refused = callFromThreads("burst", 8, 100, true);
        assertThat(refused).isNotEmpty();
        long before = incomingRecords("burst");

        FirehoseClient client = sdk.client(); // the SDK's default retry strategy (legacy: up to 3 retries of a 503)
        for (int call = 0; call < 20; call++) {
            int n = call;
            client.putRecord(r -> r.deliveryStreamName("burst").record(x -> x.data(SdkBytes.fromUtf8String("r" + n))));
        }

        assertThat(incomingRecords("burst") - before).isEqualTo(20);
        assertThat(throttledRecords("burst")).isGreaterThanOrEqualTo(refused.size());
    }

    /** PutRecord calls without retries from {@code threads} threads; the refusals (all, or up to the first). */
    private static List<AwsServiceException> callFromThreads(String stream, int threads, int callsEach,
            boolean stopAtFirstRefusal) throws Exception {
        List<AwsServiceException> refused = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int call = 0; call < callsEach && !(stopAtFirstRefusal && !refused.isEmpty()); call++) {
                        try {
                            noRetries.putRecord(r -> r.deliveryStreamName(stream).record(record(10)));
                        } catch (ServiceUnavailableException e) {
                            refused.add(e);
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return refused;
    }

    private static void create(String name) {
        sdk.client().createDeliveryStream(r -> r.deliveryStreamName(name)
            .extendedS3DestinationConfiguration(Firehoses.extendedS3("quota").prefix(name + "/").build()));
    }

    private static Record record(int size) {
        return Record.builder().data(SdkBytes.fromByteArray(new byte[size])).build();
    }

    private static void assertSlowDown(PutRecordBatchResponseEntry entry) {
        assertThat(entry.recordId()).isNull();
        assertThat(entry.errorCode()).isEqualTo("ServiceUnavailableException");
        assertThat(entry.errorMessage()).isEqualTo("Slow down.");
    }

    private static long throttledRecords(String stream) throws Exception {
        return counter("freshet_firehose_throttled_records_total", stream);
    }

    private static long incomingRecords(String stream) throws Exception {
        return counter("freshet_firehose_incoming_records_total", stream);
    }

    private static long counter(String name, String stream) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint().resolve("/metrics"))
            .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher value = Pattern.compile(Pattern.quote(name + "{delivery_stream=\"" + stream + "\"}") + " ([0-9.E]+)")
            .matcher(metrics);
        return value.find() ? (long) Double.parseDouble(value.group(1)) : 0;
    }
}
