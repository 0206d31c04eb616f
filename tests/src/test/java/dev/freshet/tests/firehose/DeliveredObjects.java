package dev.freshet.tests.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads what the server's embedded object store holds: {@code <data-dir>/s3/<bucket>/<key>} (temporary
 * files of puts in progress are skipped), objects decoded by their extension ({@code .gz} is gunzipped),
 * error-output objects split into their JSON envelopes (one per line).
 *
 * <p>Stateless.
 */
final class DeliveredObjects {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeliveredObjects() {
    }

    /**
     * The keys under {@code keyPrefix} in the bucket, sorted (keys start with the object's time, then a uuid).
     * Safe while the server writes: a temporary file renamed away during the walk makes it walk again.
     */
    static List<String> keys(Path dataDir, String bucket, String keyPrefix) {
        Path root = dataDir.resolve("s3").resolve(bucket);
        for (int attempt = 1; ; attempt++) {
            try {
                return walk(root, keyPrefix);
            } catch (NoSuchFileException e) {
                if (attempt == 100) {
                    throw new UncheckedIOException(e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<String> walk(Path root, String keyPrefix) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                .filter(f -> !f.getFileName().toString().startsWith(".freshet-tmp-"))
                .map(f -> root.relativize(f).toString().replace('\\', '/'))
                .filter(key -> key.startsWith(keyPrefix))
                .sorted()
                .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** An object's content, gunzipped when its key ends in {@code .gz}. */
    static byte[] content(Path dataDir, String bucket, String key) {
        try {
            byte[] bytes = Files.readAllBytes(dataDir.resolve("s3").resolve(bucket).resolve(key));
            if (key.endsWith(".gz")) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    return in.readAllBytes();
                }
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The failed-record envelopes of every error-output object under {@code keyPrefix}, in key then line order. */
    static List<JsonNode> envelopes(Path dataDir, String bucket, String keyPrefix) {
        List<JsonNode> envelopes = new ArrayList<>();
        for (String key : keys(dataDir, bucket, keyPrefix)) {
            for (String line : new String(content(dataDir, bucket, key), StandardCharsets.UTF_8)
                    .split("\n")) {
                if (!line.isBlank()) {
                    try {
                        envelopes.add(JSON.readTree(line));
                    } catch (IOException e) {
                        throw new UncheckedIOException("not a JSON envelope in " + key + ": " + line, e);
                    }
                }
            }
        }
        return envelopes;
    }
}
