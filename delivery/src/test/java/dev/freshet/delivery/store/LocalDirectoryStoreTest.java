package dev.freshet.delivery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryStoreTest {

    @TempDir
    Path dir;

    @Test
    void storesObjectsUnderBucketAndKeyCreatingTheBucketFolder() throws Exception {
        LocalDirectoryStore store = new LocalDirectoryStore(dir.resolve("s3"), true);
        store.put("my-bucket", "2026/11/26/05/s-1-x", new byte[] {1, 2, 3});
        store.put("my-bucket", "2026/11/26/05/s-1-x", new byte[] {4});
        assertThat(Files.readAllBytes(dir.resolve("s3/my-bucket/2026/11/26/05/s-1-x"))).containsExactly(4);
        assertThat(allFiles()).allMatch(p -> !p.getFileName().toString().startsWith(LocalDirectoryStore.TEMPORARY_PREFIX));
    }

    @Test
    void refusesKeysThatLeaveTheBucketAndBadBucketNames() {
        LocalDirectoryStore store = new LocalDirectoryStore(dir, false);
        for (String key : new String[] {"../x", "a/../../x", "/abs", "a//b", "dir/", "", "a/./b", "a\\b",
            LocalDirectoryStore.TEMPORARY_PREFIX + "1"}) {
            ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class, () -> store.put("b1", key, new byte[1]));
            assertThat(e.errorCode()).as(key).isEqualTo("InvalidObjectName");
            assertThat(e.retryable()).isFalse();
        }
        ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class, () -> store.put("../etc", "k", new byte[1]));
        assertThat(e.errorCode()).isEqualTo("InvalidBucketName");
    }

    @Test
    void removesLeftoverTemporaryFilesOnOpen() throws Exception {
        Path leftover = dir.resolve("b1/" + LocalDirectoryStore.TEMPORARY_PREFIX + "9-9");
        Files.createDirectories(leftover.getParent());
        Files.write(leftover, new byte[10]);
        new LocalDirectoryStore(dir, false);
        assertThat(leftover).doesNotExist();
    }

    @Test
    void aFileInTheWayIsARetryableIoError() throws Exception {
        LocalDirectoryStore store = new LocalDirectoryStore(dir, false);
        store.put("b1", "a", new byte[1]);
        ObjectStoreException e = catchThrowableOfType(ObjectStoreException.class, () -> store.put("b1", "a/b", new byte[1]));
        assertThat(e.errorCode()).isEqualTo("IOException");
    }

    private java.util.List<Path> allFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
