package dev.freshet.datastreams.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Base64;

/**
 * A service's token key kept in a file of its data folder, so the tokens it issued (playback
 * sessions, paging tokens) stay valid across restarts. Created on first use with a fresh random
 * key, written atomically (temp file, force, rename).
 *
 * <p>Thread-safe for distinct files; one service owns each file.
 */
public final class KeyFile {

    private KeyFile() {
    }

    public static SealedTokens tokens(Path file) {
        try {
            if (Files.exists(file)) {
                return new SealedTokens(Base64.getDecoder().decode(Files.readString(file).trim()));
            }
            byte[] key = SealedTokens.newKey();
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key));
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new SealedTokens(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token key " + file, e);
        }
    }
}
