package dev.freshet.fragments.store;

/** Which clock a fragment query uses: the producer's (from the media) or the server's arrival time. */
public enum TimestampKind {
    PRODUCER,
    SERVER
}
