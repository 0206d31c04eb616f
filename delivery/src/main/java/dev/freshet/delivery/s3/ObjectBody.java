package dev.freshet.delivery.s3;

import dev.freshet.delivery.compress.CompressionFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The content of one object: records concatenated with no delimiter (as the service writes them),
 * compressed as configured. Uncompressed content is assembled in one exactly sized array; compressed
 * content streams through the encoder into one growing buffer.
 *
 * <p>Thread-safe (stateless).
 */
final class ObjectBody {

    private ObjectBody() {
    }

    static byte[] encode(List<byte[]> parts, CompressionFormat format, String entryName) {
        if (format == CompressionFormat.UNCOMPRESSED) {
            return concatenate(parts);
        }
        long raw = 0;
        for (byte[] part : parts) {
            raw += part.length;
        }
        Output buffer = new Output((int) Math.min(Integer.MAX_VALUE - 16, raw / 3 + 64));
        try (OutputStream out = format.wrap(buffer, entryName)) {
            for (byte[] part : parts) {
                out.write(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress an object as " + format.awsName(), e);
        }
        return buffer.toByteArray();
    }

    static byte[] concatenate(List<byte[]> parts) {
        long total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("object of " + total + " bytes is too big");
        }
        byte[] content = new byte[(int) total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, content, at, part.length);
            at += part.length;
        }
        return content;
    }

    /** A ByteArrayOutputStream without the synchronisation of every write. */
    private static final class Output extends ByteArrayOutputStream {
        Output(int size) {
            super(size);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            ensure(length);
            System.arraycopy(bytes, offset, buf, count, length);
            count += length;
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        private void ensure(int more) {
            if (count + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            }
        }
    }
}
