package dev.freshet.datastreams.log.internal;

import dev.freshet.datastreams.log.AppendRecord;
import dev.freshet.datastreams.log.AppendResult;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An append waiting for the group committer, or the seal marker that ends the log. Keys are
 * encoded to UTF-8 on the caller's thread so the committer, which holds the write lock, only
 * copies bytes.
 */
final class PendingAppend {

    final List<AppendRecord> records;
    final byte[][] keys;
    final long frameBytes;
    final CompletableFuture<AppendResult> result = new CompletableFuture<>();
    /** Set for the seal marker: completes with the final end sequence. */
    final CompletableFuture<Long> sealed;

    private PendingAppend(List<AppendRecord> records, CompletableFuture<Long> sealed) {
        this.records = records;
        this.sealed = sealed;
        this.keys = new byte[records.size()][];
        long bytes = 0;
        for (int i = 0; i < keys.length; i++) {
            keys[i] = RecordFormat.keyBytes(records.get(i).partitionKey());
            bytes += RecordFormat.frameSize(keys[i], records.get(i).data().length);
        }
        this.frameBytes = bytes;
    }

    static PendingAppend of(List<AppendRecord> records) {
        return new PendingAppend(List.copyOf(records), null);
    }

    static PendingAppend sealMarker() {
        return new PendingAppend(List.of(), new CompletableFuture<>());
    }

    boolean isSeal() {
        return sealed != null;
    }
}
