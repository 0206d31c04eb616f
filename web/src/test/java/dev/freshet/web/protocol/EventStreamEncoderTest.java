package dev.freshet.web.protocol;

import static dev.freshet.web.protocol.Bodies.parseCbor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.eventstream.MessageDecoder;

class EventStreamEncoderTest {

    @Test
    void initialResponseIsAnEmptyJsonEvent() {
        Message message = decodeOne(EventStreamEncoder.initialResponse(WireFormat.JSON));
        assertThat(headers(message)).containsExactly(Map.entry(":message-type", "event"),
                Map.entry(":event-type", "initial-response"), Map.entry(":content-type", "application/x-amz-json-1.1"));
        assertThat(new String(message.getPayload(), StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    @Test
    void eventsCarryTheirPayloadInEitherFormat() {
        byte[] payload = OutputWriter.create(WireFormat.CBOR).startObject().number("MillisBehindLatest", 5).endObject().toByteArray();
        Message message = decodeOne(EventStreamEncoder.event(EventStreamEncoder.SUBSCRIBE_TO_SHARD_EVENT, payload, WireFormat.CBOR));
        assertThat(headers(message)).containsEntry(":event-type", "SubscribeToShardEvent")
                .containsEntry(":content-type", "application/x-amz-cbor-1.1");
        assertThat(parseCbor(message.getPayload()).get("MillisBehindLatest").intValue()).isEqualTo(5);
    }

    @Test
    void exceptionFrames() {
        Message raw = decodeOne(EventStreamEncoder.exception("ResourceInUseException", "{\"message\":\"m\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(headers(raw)).containsExactly(Map.entry(":message-type", "exception"),
                Map.entry(":exception-type", "ResourceInUseException"), Map.entry(":content-type", "application/x-amz-json-1.1"));
        Message fromError = decodeOne(EventStreamEncoder.exception(AwsError.resourceInUse("m"), WireFormat.JSON));
        assertThat(fromError).isEqualTo(raw);
    }

    @Test
    void framesSplitAcrossReadsDecodeInOrder() {
        ByteBuffer first = EventStreamEncoder.initialResponse(WireFormat.JSON);
        ByteBuffer second = EventStreamEncoder.event("SubscribeToShardEvent", new byte[] {'{', '}'}, WireFormat.JSON);
        byte[] stream = new byte[first.remaining() + second.remaining()];
        first.get(stream, 0, first.remaining());
        second.get(stream, stream.length - second.remaining(), second.remaining());
        MessageDecoder decoder = new MessageDecoder();
        for (int i = 0; i < stream.length; i += 7) {
            decoder.feed(stream, i, Math.min(7, stream.length - i));
        }
        List<Message> messages = decoder.getDecodedMessages();
        assertThat(messages).extracting(m -> m.getHeaders().get(":event-type").getString())
                .containsExactly("initial-response", "SubscribeToShardEvent");
    }

    private static Message decodeOne(ByteBuffer frame) {
        MessageDecoder decoder = new MessageDecoder();
        decoder.feed(frame.duplicate());
        List<Message> messages = decoder.getDecodedMessages(); // drains the decoder
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static Map<String, String> headers(Message message) {
        return message.getHeaders().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().getString(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

}
