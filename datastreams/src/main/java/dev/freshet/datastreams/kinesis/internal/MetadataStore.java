package dev.freshet.datastreams.kinesis.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Persists the {@link CatalogState} atomically: the snapshot is written to a temporary file,
 * forced, renamed over {@code catalog.json}, and the folder is forced, so after any crash the file
 * holds either the previous or the new state, never a mix. The file is JSON for humans debugging a
 * data directory; it is an internal format, not a wire protocol.
 *
 * <p>Thread-safe: writes are serialised.
 */
public final class MetadataStore {

    private static final String FILE = "catalog.json";
    private static final ObjectMapper MAPPER = JsonMapper.builder()
        .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private final Path dir;
    private long lastWritten = -1;

    public MetadataStore(Path dir) {
        this.dir = dir;
    }

    /** The stored state, or a fresh one when the folder holds none. */
    public CatalogState load() {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(FILE + ".tmp"));
            return Files.exists(file) ? MAPPER.readValue(file.toFile(), CatalogState.class) : new CatalogState();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kinesis metadata " + file, e);
        }
    }

    /** Serialises under the caller's lock, so the bytes are one consistent snapshot. */
    public byte[] snapshot(CatalogState state) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise Kinesis metadata", e);
        }
    }

    /**
     * Writes snapshot number {@code version}. Snapshots are taken in version order under the
     * catalog's lock but written outside it, so a writer that lost the race to a newer snapshot
     * skips its stale one.
     */
    public synchronized void write(long version, byte[] snapshot) {
        if (version <= lastWritten) {
            return;
        }
        lastWritten = version;
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(snapshot);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
                folder.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Kinesis metadata in " + dir, e);
        }
    }
}
