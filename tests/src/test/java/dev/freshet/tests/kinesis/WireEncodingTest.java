package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.tests.harness.Clients;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.harness.Transport;
import dev.freshet.tests.harness.Wire;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Proves that the CBOR and JSON clients built in one JVM really send their own encoding. */
class WireEncodingTest {
    @RegisterExtension
    static final FreshetServer server = new FreshetServer();

    @Test
    void cborAndJsonClientsBuiltSideBySideSendTheirOwnContentType() {
        ContentTypes cborSent = new ContentTypes();
        ContentTypes jsonSent = new ContentTypes();
        try (KinesisClient cbor = Clients.sync(server.endpoint(), Wire.CBOR, o -> o.addExecutionInterceptor(cborSent));
             KinesisClient json = Clients.sync(server.endpoint(), Wire.JSON, o -> o.addExecutionInterceptor(jsonSent))) {
            String name = Streams.uniqueName("wire");
            json.createStream(b -> b.streamName(name).shardCount(1));
            cbor.listStreams();
            json.listStreams();
            cbor.listStreams();

            assertThat(cborSent.seen).containsOnly("application/x-amz-cbor-1.1").hasSize(2);
            assertThat(jsonSent.seen).containsOnly("application/x-amz-json-1.1").hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void asyncNettyClientWorksOverBothTransports(Transport transport) {
        try (KinesisAsyncClient async = Clients.async(server.endpoint(), transport, Wire.preferred())) {
            assertThat(async.listStreams().join().hasMoreStreams()).isNotNull();
        }
    }

    /** Records the Content-Type of every request the client puts on the wire. */
    private static final class ContentTypes implements ExecutionInterceptor {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            context.httpRequest().firstMatchingHeader("Content-Type").ifPresent(seen::add);
        }
    }
}
