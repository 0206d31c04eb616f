package dev.freshet.web.protocol;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * Frames of the {@code application/vnd.amazon.eventstream} response of SubscribeToShard, encoded by
 * AWS's own codec ({@link Message}), which adds the length prelude and both CRC32s:
 * <pre>
 *  total length u32 | headers length u32 | prelude CRC32 | headers | payload | message CRC32
 *  headers (all strings, in this order):
 *   event      :message-type=event      :event-type=&lt;name&gt;          :content-type=&lt;format&gt;
 *   exception  :message-type=exception  :exception-type=&lt;type&gt;      :content-type=&lt;format&gt;
 * </pre>
 * The stream starts with {@link #initialResponse} (payload {@code {}}; some SDKs wait for it), then
 * one {@code SubscribeToShardEvent} per batch. The Java SDK sends SubscribeToShard as JSON even with
 * CBOR enabled; CBOR payloads are supported all the same.
 *
 * <p>Thread-safe (stateless). Each method returns a fresh buffer ready to write.
 */
public final class EventStreamEncoder {

    /** The response {@code Content-Type} of an event stream. */
    public static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";

    /** Event type of SubscribeToShard's record batches. */
    public static final String SUBSCRIBE_TO_SHARD_EVENT = "SubscribeToShardEvent";

    private EventStreamEncoder() {
    }

    /** The {@code initial-response} event with an empty structure as payload. */
    public static ByteBuffer initialResponse(WireFormat format) {
        return event("initial-response", OutputWriter.emptyObject(format), format);
    }

    /** An event whose payload was written in {@code format} (e.g. with {@link OutputWriter}). */
    public static ByteBuffer event(String eventType, byte[] payload, WireFormat format) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("event"));
        headers.put(":event-type", HeaderValue.fromString(eventType));
        headers.put(":content-type", HeaderValue.fromString(format.contentType()));
        return new Message(headers, payload).toByteBuffer();
    }

    /** An exception frame with a JSON payload. */
    public static ByteBuffer exception(String exceptionType, byte[] payload) {
        return exception(exceptionType, payload, WireFormat.JSON);
    }

    /** An exception frame whose payload was written in {@code format}. */
    public static ByteBuffer exception(String exceptionType, byte[] payload, WireFormat format) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("exception"));
        headers.put(":exception-type", HeaderValue.fromString(exceptionType));
        headers.put(":content-type", HeaderValue.fromString(format.contentType()));
        return new Message(headers, payload).toByteBuffer();
    }

    /** An exception frame for {@code error}, payload {@code {"message":"…"}} as the model's exception shapes. */
    public static ByteBuffer exception(AwsError error, WireFormat format) {
        byte[] payload = OutputWriter.create(format, 128).startObject()
                .string("message", error.message()).endObject().toByteArray();
        return exception(error.type(), payload, format);
    }
}
