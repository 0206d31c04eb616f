package dev.freshet.datastreams.log.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * File names of a shard log folder. Segments are named by their base sequence, zero-padded to 20
 * digits so that {@code ls} lists them in order: {@code 00000000000000001234.log} with its
 * {@code .index} and {@code .timeindex}. Files on their way out get the {@code .deleted} suffix
 * first (a rename is atomic), and are removed afterwards; a restart removes leftovers.
 */
final class FileNames {

    static final String LOG = ".log";
    static final String INDEX = ".index";
    static final String TIME_INDEX = ".timeindex";
    static final String DELETED = ".deleted";
    static final String CLEAN_SHUTDOWN = ".clean-shutdown";

    private FileNames() {
    }

    static String base(long baseSequence) {
        return String.format("%020d", baseSequence);
    }

    static Path log(Path dir, long baseSequence) {
        return dir.resolve(base(baseSequence) + LOG);
    }

    static Path index(Path dir, long baseSequence) {
        return dir.resolve(base(baseSequence) + INDEX);
    }

    static Path timeIndex(Path dir, long baseSequence) {
        return dir.resolve(base(baseSequence) + TIME_INDEX);
    }

    /** The base sequence a segment file name encodes, or -1 if it is not a segment file. */
    static long baseOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(LOG) || name.length() != 20 + LOG.length()) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(0, 20));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static void renameForDeletion(Path file) throws IOException {
        if (Files.exists(file)) {
            Files.move(file, file.resolveSibling(file.getFileName() + DELETED), StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
