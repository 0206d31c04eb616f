package dev.freshet.datastreams.log;

/** An append reached a log that was sealed (its shard was closed by a split or merge). */
public final class SealedLogException extends LogException {
    public SealedLogException(String logId) {
        super("shard log " + logId + " is sealed");
    }
}
