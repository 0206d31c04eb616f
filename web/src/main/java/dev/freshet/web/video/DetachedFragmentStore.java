package dev.freshet.web.video;

import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.FragmentStore;
import dev.freshet.fragments.store.TimestampKind;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The fragment store of a build that has no data plane yet: the control plane's calls (open,
 * retention, delete) succeed and store nothing, and any media operation on a log fails with
 * {@link IllegalStateException}. No route reaches a log while no {@link VideoDataPlane} is given,
 * so nothing fails in practice; a data plane comes with a real store
 * ({@link KinesisVideoModule.Factory#Factory(KinesisVideoModule.StoreOpener, List)}).
 *
 * <p>Stateless and thread-safe.
 */
final class DetachedFragmentStore implements FragmentStore {

    private static final String NONE = "this build of Freshet has no fragment store";

    @Override
    public FragmentLog open(String streamId, long streamCreatedMillis, Duration retention) {
        return new DetachedLog();
    }

    @Override
    public void updateRetention(String streamId, Duration retention) {
        // nothing is stored, so nothing expires
    }

    @Override
    public void delete(String streamId) {
        // nothing was stored
    }

    private static final class DetachedLog implements FragmentLog {
        @Override
        public CompletableFuture<FragmentInfo> append(Fragment fragment, long serverTimestampMillis) {
            throw new IllegalStateException(NONE);
        }

        @Override
        public List<FragmentInfo> list(TimestampKind kind, long fromMillis, long toMillis, long afterSequence, int max) {
            throw new IllegalStateException(NONE);
        }

        @Override
        public List<FragmentInfo> after(long afterSequence, int max) {
            throw new IllegalStateException(NONE);
        }

        @Override
        public Optional<FragmentInfo> latest() {
            throw new IllegalStateException(NONE);
        }

        @Override
        public Optional<FragmentInfo> info(long sequence) {
            throw new IllegalStateException(NONE);
        }

        @Override
        public Optional<Fragment> read(long sequence) {
            throw new IllegalStateException(NONE);
        }

        @Override
        public CompletableFuture<Void> awaitAfter(long sequence) {
            throw new IllegalStateException(NONE);
        }
    }
}
