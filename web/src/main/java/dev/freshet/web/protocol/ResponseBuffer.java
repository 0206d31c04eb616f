package dev.freshet.web.protocol;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A growable in-memory byte sink whose content can be taken out without a copy.
 *
 * <p>Unlike {@link java.io.ByteArrayOutputStream} it is unsynchronized and exposes its array through
 * {@link #toByteBuffer()}. Capacity doubles when full.
 *
 * <p>Not thread-safe.
 */
final class ResponseBuffer extends OutputStream {

    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private byte[] bytes;
    private int size;

    ResponseBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    @Override
    public void write(int b) {
        ensureRoom(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensureRoom(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    int size() {
        return size;
    }

    /** A buffer over the written bytes, sharing this sink's array (position 0, limit size). */
    ByteBuffer toByteBuffer() {
        return ByteBuffer.wrap(bytes, 0, size);
    }

    /** The written bytes: this sink's own array when it is exactly full, a copy otherwise. */
    byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }

    private void ensureRoom(int length) {
        if (length <= bytes.length - size) {
            return;
        }
        long needed = (long) size + length;
        if (needed > MAX_CAPACITY) {
            throw new IllegalStateException("response larger than " + MAX_CAPACITY + " bytes");
        }
        long doubled = Math.min(MAX_CAPACITY, 2L * bytes.length);
        bytes = Arrays.copyOf(bytes, (int) Math.max(needed, doubled));
    }
}
