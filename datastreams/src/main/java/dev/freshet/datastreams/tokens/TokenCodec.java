package dev.freshet.datastreams.tokens;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Packs the fields of a token (strings and longs, in a fixed order) into bytes and back, for
 * {@link SealedTokens}. A payload that does not unpack to the expected field count is rejected.
 *
 * <p>Stateless and thread-safe.
 */
public final class TokenCodec {

    private TokenCodec() {
    }

    public static byte[] pack(Object... fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Object field : fields) {
                if (field instanceof Long number) {
                    out.writeByte('L');
                    out.writeLong(number);
                } else {
                    out.writeByte('S');
                    out.writeUTF(field == null ? "" : field.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The fields, each a String or a Long; empty when the payload is malformed. */
    public static Optional<List<Object>> unpack(byte[] payload, int expectedFields) {
        List<Object> fields = new ArrayList<>(expectedFields);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            while (in.available() > 0) {
                int kind = in.readByte();
                fields.add(kind == 'L' ? (Object) in.readLong() : in.readUTF());
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return fields.size() == expectedFields ? Optional.of(fields) : Optional.empty();
    }
}
