package dev.freshet.datastreams.metadata;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * A metadata state kept as pretty-printed JSON in a {@link SnapshotFile}: human-readable when
 * debugging a data directory, an internal format rather than a wire protocol.
 *
 * <p>The state classes are plain holders with public fields (only public fields are read and
 * written, null fields are left out, unknown fields are ignored so older servers can read newer
 * files), for example {@code final class CatalogState { public TreeMap<String, StreamRecord> streams; }}.
 *
 * <p>Thread-safe; the state objects given to it are not, so serialise them under their owner's lock.
 *
 * @param <T> the root class of the state
 */
public final class JsonSnapshots<T> {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
        .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private final SnapshotFile file;
    private final Class<T> type;
    private final String what;

    /**
     * @param what names the state in error messages, e.g. {@code "Kinesis metadata"}
     */
    public JsonSnapshots(SnapshotFile file, Class<T> type, String what) {
        this.file = file;
        this.type = type;
        this.what = what;
    }

    /** The stored state, or {@code fresh} when nothing was stored yet. */
    public T load(Supplier<T> fresh) {
        byte[] stored = file.read().orElse(null);
        if (stored == null) {
            return fresh.get();
        }
        try {
            return MAPPER.readValue(stored, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + file.path(), e);
        }
    }

    /** Serialises {@code state}; call under the owner's lock so the bytes are one consistent snapshot. */
    public byte[] snapshot(T state) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + what, e);
        }
    }

    /** Writes snapshot {@code version} (see {@link SnapshotFile#write}); may run outside the lock. */
    public void write(long version, byte[] snapshot) {
        file.write(version, snapshot);
    }
}
