package dev.freshet.delivery.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.DeliveryStreamRef;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class CloudWatchLogsProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DeliveryStreamRef STREAM = new DeliveryStreamRef("s", "arn", "us-east-1", 1);

    @Property
    void dataMessagesYieldEveryMessageInOrder(@ForAll("messages") List<String> messages) throws Exception {
        ObjectNode envelope = JSON.createObjectNode().put("messageType", "DATA_MESSAGE").put("owner", "1")
            .put("logGroup", "g").put("logStream", "s");
        ArrayNode events = envelope.putArray("logEvents");
        for (int i = 0; i < messages.size(); i++) {
            events.addObject().put("id", Integer.toString(i)).put("timestamp", 1000L + i).put("message", messages.get(i));
        }
        List<DeliveryRecord> in = List.of(new DeliveryRecord("r", 1L, JSON.writeValueAsBytes(envelope)));

        ProcessingResult out = new CloudWatchLogsProcessor(Clock.systemUTC()).process(STREAM, in);

        assertThat(out.records()).extracting(r -> new String(r.data(), StandardCharsets.UTF_8))
            .containsExactlyElementsOf(messages.stream().map(m -> m + "\n").toList());
        Accounting.assertAccounted(in, out);
    }

    @Property(tries = 3000)
    void mutatedEnvelopesAreProcessedOrFailedNeverThrown(@ForAll("messages") List<String> messages,
            @ForAll("edits") List<int[]> edits) throws Exception {
        ObjectNode envelope = JSON.createObjectNode().put("messageType", "DATA_MESSAGE");
        ArrayNode events = envelope.putArray("logEvents");
        messages.forEach(m -> events.addObject().put("id", "1").put("timestamp", 1).put("message", m));
        byte[] bytes = JSON.writeValueAsBytes(envelope);
        for (int[] edit : edits) {
            bytes[Math.floorMod(edit[0], bytes.length)] = (byte) edit[1];
        }
        accounted(bytes);
    }

    @Property(tries = 2000)
    void randomBytesAreFailedNeverThrown(@ForAll @Size(max = 200) byte[] bytes) {
        accounted(bytes);
    }

    private static void accounted(byte[] bytes) {
        List<DeliveryRecord> in = List.of(new DeliveryRecord("r", 1L, bytes));
        Accounting.assertAccounted(in, new CloudWatchLogsProcessor(Clock.systemUTC()).process(STREAM, in));
    }

    @Provide
    Arbitrary<List<String>> messages() {
        return Arbitraries.strings().ofMaxLength(20).list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<int[]>> edits() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers(), Arbitraries.of(
            (int) '{', (int) '}', (int) '"', (int) '[', (int) ']', (int) ':', (int) ',', 0, 0xC3, (int) 'x'))
            .as((at, value) -> new int[] {at, value}).list().ofMinSize(1).ofMaxSize(3);
    }
}
