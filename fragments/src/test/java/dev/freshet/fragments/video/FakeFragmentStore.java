package dev.freshet.fragments.video;

import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.FragmentStore;
import dev.freshet.fragments.store.TimestampKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory {@link FragmentStore} that records the control plane's calls; its logs hold nothing. */
final class FakeFragmentStore implements FragmentStore {

    final Map<String, Duration> retention = new ConcurrentHashMap<>();
    final List<String> opened = new ArrayList<>();
    final List<String> deleted = new ArrayList<>();
    /** How many of the next deletions fail, to simulate a crash or an I/O error. */
    int failingDeletions;

    @Override
    public synchronized FragmentLog open(String streamId, long streamCreatedMillis, Duration retentionPeriod) {
        opened.add(streamId);
        retention.put(streamId, retentionPeriod);
        return new EmptyLog();
    }

    @Override
    public synchronized void updateRetention(String streamId, Duration retentionPeriod) {
        retention.put(streamId, retentionPeriod);
    }

    @Override
    public synchronized void delete(String streamId) {
        if (failingDeletions > 0) {
            failingDeletions--;
            throw new IllegalStateException("disk on fire");
        }
        deleted.add(streamId);
        retention.remove(streamId);
    }

    private static final class EmptyLog implements FragmentLog {
        @Override
        public CompletableFuture<FragmentInfo> append(Fragment fragment, long serverTimestampMillis) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<FragmentInfo> list(TimestampKind kind, long fromMillis, long toMillis, long afterSequence, int max) {
            return List.of();
        }

        @Override
        public List<FragmentInfo> after(long afterSequence, int max) {
            return List.of();
        }

        @Override
        public Optional<FragmentInfo> latest() {
            return Optional.empty();
        }

        @Override
        public Optional<FragmentInfo> info(long sequence) {
            return Optional.empty();
        }

        @Override
        public Optional<Fragment> read(long sequence) {
            return Optional.empty();
        }

        @Override
        public CompletableFuture<Void> awaitAfter(long sequence) {
            return new CompletableFuture<>();
        }
    }
}
