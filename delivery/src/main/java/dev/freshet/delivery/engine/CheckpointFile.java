package dev.freshet.delivery.engine;

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
import java.util.Optional;

/**
 * One delivery stream's checkpoint, {@code <state-dir>/checkpoints/<stream>.json}, replaced as a
 * whole: written to {@code <stream>.json.tmp}, renamed over the file (atomic), so after any crash it
 * holds the previous or the new checkpoint. With {@code fsync} the file and the rename are forced
 * first (survives power loss); otherwise a checkpoint survives {@code kill -9}, like the logs'
 * {@code OS} durability — a checkpoint lost with the OS only means redelivery (at-least-once).
 *
 * <p>Not thread-safe: the stream's delivery thread owns it.
 */
final class CheckpointFile {

    private static final ObjectMapper JSON = JsonMapper.builder()
        .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private final Path dir;
    private final Path file;
    private final Path temporary;
    private final boolean fsync;

    CheckpointFile(Path stateDir, String streamName, boolean fsync) {
        this.dir = stateDir.resolve("checkpoints");
        this.file = dir.resolve(streamName + ".json");
        this.temporary = dir.resolve(streamName + ".json.tmp");
        this.fsync = fsync;
    }

    Optional<CheckpointState> read() {
        try {
            Files.deleteIfExists(temporary);
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            return Optional.of(JSON.readValue(file.toFile(), CheckpointState.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file, e);
        }
    }

    void write(CheckpointState state) {
        try {
            Files.createDirectories(dir);
            byte[] bytes = JSON.writeValueAsBytes(state);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (fsync) {
                    channel.force(true);
                }
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (fsync) {
                try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
                    folder.force(true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete checkpoint " + file, e);
        }
    }
}
