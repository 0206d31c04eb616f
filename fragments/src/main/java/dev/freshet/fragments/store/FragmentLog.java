package dev.freshet.fragments.store;

import dev.freshet.fragments.media.Fragment;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The fragments of one video stream: appended as records of the stream's shard log, indexed by
 * producer and server timestamp so queries never read media, read back as {@link Fragment}s.
 *
 * <p>Thread-safe.
 */
public interface FragmentLog {

    /**
     * Stores a fragment; completes once it is durable (the PutMedia PERSISTED ack) with its index
     * entry. {@code serverTimestampMillis} is when its first byte arrived.
     */
    CompletableFuture<FragmentInfo> append(Fragment fragment, long serverTimestampMillis);

    /**
     * Fragments whose {@code kind} timestamp lies in {@code [fromMillis, toMillis]}, ascending by
     * that timestamp, at most {@code max}, starting after sequence {@code afterSequence} (-1: from
     * the first). Reads only the index.
     */
    List<FragmentInfo> list(TimestampKind kind, long fromMillis, long toMillis, long afterSequence, int max);

    /** Up to {@code max} fragments after {@code afterSequence}, in log order (-1: from the oldest retained). */
    List<FragmentInfo> after(long afterSequence, int max);

    /** The newest stored fragment. */
    Optional<FragmentInfo> latest();

    /** The index entry of a retained fragment. */
    Optional<FragmentInfo> info(long sequence);

    /** The fragment's tracks and frames, if still retained. */
    Optional<Fragment> read(long sequence);

    /** Completes once a fragment after {@code sequence} is stored (or the stream is deleted). */
    CompletableFuture<Void> awaitAfter(long sequence);
}
