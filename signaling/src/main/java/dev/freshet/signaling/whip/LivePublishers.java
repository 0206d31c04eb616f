package dev.freshet.signaling.whip;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The streams that have a live WHIP publisher now, by stream name: {@link WhipSessions} adds a
 * publisher when it answers and removes it when the session ends; WHEP looks viewers' streams up.
 *
 * <p>Thread-safe.
 */
public final class LivePublishers {

    private final Map<String, LivePublisher> byStream = new ConcurrentHashMap<>();

    /** The live publisher of {@code stream}, if there is one. */
    public Optional<LivePublisher> of(String stream) {
        return Optional.ofNullable(byStream.get(stream));
    }

    void add(LivePublisher publisher) {
        byStream.put(publisher.stream(), publisher);
    }

    void remove(LivePublisher publisher) {
        byStream.remove(publisher.stream(), publisher);
    }
}
