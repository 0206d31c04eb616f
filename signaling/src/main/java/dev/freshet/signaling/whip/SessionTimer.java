package dev.freshet.signaling.whip;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The one timer thread a set of WebRTC sessions (WHIP, WHEP, storage) is ticked on: a daemon, so
 * a server that forgets to close it still exits.
 *
 * <p>Stateless; thread-safe.
 */
public final class SessionTimer {

    private SessionTimer() {
    }

    /** A single-threaded scheduler on a daemon thread named {@code name}. */
    public static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
