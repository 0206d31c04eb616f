package dev.freshet.fragments.store.internal;

import dev.freshet.datastreams.log.AppendRecord;
import dev.freshet.datastreams.log.LogRecord;
import dev.freshet.datastreams.log.ReadResult;
import dev.freshet.datastreams.log.ShardLog;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.store.FragmentEncoding;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.TimestampKind;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link FragmentLog} on two shard logs: the fragments themselves (one record each, see
 * {@link FragmentRecord}) and a compact index log ({@link IndexRecord}) that rebuilds the
 * in-memory {@link FragmentIndex} at start without reading media. A fragment is acknowledged once
 * its record is durable; its index entry follows, and on open any fragment the index log missed
 * (a crash in between) is indexed again from the fragment record's header.
 *
 * <p>Thread-safe.
 */
final class LogFragmentLog implements FragmentLog {

    private static final long READ_ALL = Long.MAX_VALUE;

    private final ShardLog fragments;
    private final ShardLog indexLog;
    private final FragmentEncoding encoding;
    private final FragmentIndex index;
    /** Completed (and replaced) each time a fragment joins the index. */
    private CompletableFuture<Void> indexed = new CompletableFuture<>();

    LogFragmentLog(ShardLog fragments, ShardLog indexLog, FragmentEncoding encoding, long streamCreatedMillis) {
        this.fragments = fragments;
        this.indexLog = indexLog;
        this.encoding = encoding;
        this.index = new FragmentIndex(streamCreatedMillis);
        loadIndex();
        indexMissedFragments();
    }

    @Override
    public CompletableFuture<FragmentInfo> append(Fragment fragment, long serverTimestampMillis) {
        byte[] media = encoding.encode(fragment);
        FragmentRecord.Header header = FragmentRecord.headerOf(fragment,
            Math.max(serverTimestampMillis, index.lastServerMillis()), media.length);
        byte[] record = FragmentRecord.encode(header, media);
        return fragments.append(List.of(new AppendRecord("", record))).thenApply(stored -> {
            long sequence = stored.firstSequence();
            index.add(sequence, header);
            signalIndexed();
            indexLog.append(List.of(new AppendRecord("", IndexRecord.encode(sequence, header))));
            return index.find(sequence).orElseThrow();
        });
    }

    @Override
    public List<FragmentInfo> list(TimestampKind kind, long fromMillis, long toMillis, long afterSequence, int max) {
        trim();
        return index.between(kind, fromMillis, toMillis, afterSequence, max);
    }

    @Override
    public List<FragmentInfo> after(long afterSequence, int max) {
        trim();
        return index.after(afterSequence, max);
    }

    @Override
    public Optional<FragmentInfo> latest() {
        trim();
        return index.latest();
    }

    @Override
    public Optional<FragmentInfo> info(long sequence) {
        trim();
        return index.find(sequence);
    }

    @Override
    public Optional<Fragment> read(long sequence) {
        if (sequence < fragments.startSequence()) {
            return Optional.empty();
        }
        ReadResult read = fragments.read(sequence, 1, READ_ALL);
        if (read.records().isEmpty() || read.records().get(0).sequence() != sequence) {
            return Optional.empty();
        }
        return Optional.of(FragmentRecord.fragment(read.records().get(0).data(), encoding));
    }

    /**
     * The fragment record becomes durable a moment before its index entry is added, so waiting on
     * the shard log alone would wake readers that then find nothing listed: wait for the index too.
     */
    @Override
    public CompletableFuture<Void> awaitAfter(long sequence) {
        return fragments.awaitBeyond(sequence + 1).thenCompose(stored -> indexedAfter(sequence));
    }

    private CompletableFuture<Void> indexedAfter(long sequence) {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = indexed;
        }
        if (index.lastSequence() > sequence || fragments.isSealed()) {
            return CompletableFuture.completedFuture(null);
        }
        return next.thenCompose(added -> indexedAfter(sequence));
    }

    private void signalIndexed() {
        CompletableFuture<Void> done;
        synchronized (this) {
            done = indexed;
            indexed = new CompletableFuture<>();
        }
        done.complete(null);
    }

    private void trim() {
        index.trimBelow(fragments.startSequence());
    }

    private void loadIndex() {
        long next = indexLog.startSequence();
        while (true) {
            ReadResult read = indexLog.read(next, 10_000, 8L * 1024 * 1024);
            for (LogRecord record : read.records()) {
                IndexRecord.Entry entry = IndexRecord.decode(record.data());
                if (entry != null && entry.sequence() < fragments.endSequence()) {
                    index.add(entry.sequence(), entry.header());
                }
            }
            if (read.records().isEmpty()) {
                break;
            }
            next = read.nextSequence();
        }
        trim();
    }

    /** Indexes fragments stored after the last index entry (their index append did not survive). */
    private void indexMissedFragments() {
        long next = Math.max(index.lastSequence() + 1, fragments.startSequence());
        while (next < fragments.endSequence()) {
            ReadResult read = fragments.read(next, 1, READ_ALL);
            if (read.records().isEmpty()) {
                break;
            }
            LogRecord record = read.records().get(0);
            FragmentRecord.Header header = FragmentRecord.header(record.data());
            index.add(record.sequence(), header);
            indexLog.append(List.of(new AppendRecord("", IndexRecord.encode(record.sequence(), header)))).join();
            next = read.nextSequence();
        }
    }
}
