package dev.freshet.web.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * Streams one response body in JSON or CBOR straight into a growable buffer: no tree is built, so a
 * 10 MiB GetRecords answer costs one pass over its records.
 *
 * <p>Encodings, per {@link WireFormat}:
 * <pre>
 *  member      JSON                                  CBOR
 *  blob        base64 text (standard, padded)        byte string (major type 2)
 *  timestamp   epoch seconds, 3 decimals:            integer epoch milliseconds, untagged
 *              1700000000.123                        (the SDK reads UNIX_TIMESTAMP_MILLIS)
 *  null value  member omitted                        member omitted
 * </pre>
 * Named methods write a member of the current object; the {@code …Value} methods write an array
 * element. Call {@link #toByteBuffer()} or {@link #toByteArray()} once, after the last end.
 *
 * <p>Not thread-safe: one writer per response.
 */
public final class OutputWriter {

    private static final int DEFAULT_CAPACITY = 512;

    private final WireFormat format;
    private final ResponseBuffer buffer;
    private final JsonGenerator generator;
    private boolean finished;

    private OutputWriter(WireFormat format, int initialCapacity) {
        this.format = format;
        this.buffer = new ResponseBuffer(initialCapacity);
        try {
            this.generator = format.mapper().getFactory().createGenerator(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OutputWriter create(WireFormat format) {
        return new OutputWriter(format, DEFAULT_CAPACITY);
    }

    /** A writer whose buffer starts at {@code expectedSize} bytes, to avoid regrowth on big answers. */
    public static OutputWriter create(WireFormat format, int expectedSize) {
        return new OutputWriter(format, expectedSize);
    }

    /** The body of an operation answering an empty structure: {@code {}} in the given format. */
    public static byte[] emptyObject(WireFormat format) {
        return create(format, 16).startObject().endObject().toByteArray();
    }

    public WireFormat format() {
        return format;
    }

    public OutputWriter startObject() {
        return write(() -> generator.writeStartObject());
    }

    public OutputWriter startObject(String name) {
        return write(() -> {
            generator.writeFieldName(name);
            generator.writeStartObject();
        });
    }

    public OutputWriter endObject() {
        return write(() -> generator.writeEndObject());
    }

    public OutputWriter startArray() {
        return write(() -> generator.writeStartArray());
    }

    public OutputWriter startArray(String name) {
        return write(() -> generator.writeArrayFieldStart(name));
    }

    public OutputWriter endArray() {
        return write(() -> generator.writeEndArray());
    }

    /** A string member; omitted when {@code value} is null. */
    public OutputWriter string(String name, String value) {
        return value == null ? this : write(() -> generator.writeStringField(name, value));
    }

    public OutputWriter stringValue(String value) {
        return write(() -> generator.writeString(value));
    }

    /** An array member holding the given strings. */
    public OutputWriter strings(String name, Iterable<String> values) {
        startArray(name);
        for (String value : values) {
            stringValue(value);
        }
        return endArray();
    }

    public OutputWriter number(String name, long value) {
        return write(() -> generator.writeNumberField(name, value));
    }

    /** A number member; omitted when {@code value} is null. */
    public OutputWriter number(String name, Number value) {
        return value == null ? this : number(name, value.longValue());
    }

    public OutputWriter bool(String name, boolean value) {
        return write(() -> generator.writeBooleanField(name, value));
    }

    /** A blob member from a whole array; omitted when {@code value} is null. */
    public OutputWriter blob(String name, byte[] value) {
        return value == null ? this : blob(name, value, 0, value.length);
    }

    public OutputWriter blob(String name, byte[] value, int offset, int length) {
        return write(() -> {
            generator.writeFieldName(name);
            generator.writeBinary(value, offset, length);
        });
    }

    /**
     * A blob member from the remaining bytes of {@code value} (heap or direct); the buffer's position
     * is not changed. Omitted when {@code value} is null.
     */
    public OutputWriter blob(String name, ByteBuffer value) {
        if (value == null) {
            return this;
        }
        if (value.hasArray()) {
            return blob(name, value.array(), value.arrayOffset() + value.position(), value.remaining());
        }
        return write(() -> {
            generator.writeFieldName(name);
            generator.writeBinary(new ByteBufferInputStream(value.duplicate()), value.remaining());
        });
    }

    /**
     * A member holding a document tree as it is (a stored configuration); omitted when
     * {@code value} is null.
     */
    public OutputWriter tree(String name, JsonNode value) {
        if (value == null) {
            return this;
        }
        return write(() -> {
            generator.writeFieldName(name);
            format.mapper().writeTree(generator, value);
        });
    }

    /** A timestamp member; omitted when {@code value} is null. */
    public OutputWriter timestamp(String name, Instant value) {
        if (value == null) {
            return this;
        }
        long millis = value.toEpochMilli();
        return write(() -> {
            generator.writeFieldName(name);
            if (format == WireFormat.CBOR) {
                generator.writeNumber(millis);
            } else {
                generator.writeNumber(BigDecimal.valueOf(millis, 3));
            }
        });
    }

    /** Finishes the body and returns it without a copy (the buffer shares the writer's array). */
    public ByteBuffer toByteBuffer() {
        finish();
        return buffer.toByteBuffer();
    }

    /** Finishes the body and returns it (a copy unless the buffer happens to be exactly full). */
    public byte[] toByteArray() {
        finish();
        return buffer.toByteArray();
    }

    /** Bytes written so far (the generator may still hold a few unflushed ones). */
    public int size() {
        return buffer.size();
    }

    private void finish() {
        if (!finished) {
            finished = true;
            write(generator::close);
        }
    }

    private OutputWriter write(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    /** Reads a (direct) buffer's remaining bytes; the buffer given is a private duplicate. */
    private static final class ByteBufferInputStream extends InputStream {
        private final ByteBuffer source;

        ByteBufferInputStream(ByteBuffer source) {
            this.source = source;
        }

        @Override
        public int read() {
            return source.hasRemaining() ? source.get() & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (!source.hasRemaining()) {
                return -1;
            }
            int count = Math.min(length, source.remaining());
            source.get(target, offset, count);
            return count;
        }
    }
}
