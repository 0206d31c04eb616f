package dev.freshet.web.server;

/**
 * Whether the server is ready for traffic: {@code STARTING} until its listeners are bound,
 * {@code UP} while serving, {@code DOWN} from the start of shutdown on. Also knows the uptime.
 *
 * <p>Thread-safe.
 */
final class Health {

    enum State { STARTING, UP, DOWN }

    private final long startNanos = System.nanoTime();
    private volatile State state = State.STARTING;

    State state() {
        return state;
    }

    void up() {
        state = State.UP;
    }

    void down() {
        state = State.DOWN;
    }

    long uptimeSeconds() {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }
}
