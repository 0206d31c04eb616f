package dev.freshet.datastreams.log;

/** An I/O failure of the shard log, converted once at the log's boundary. */
public class LogException extends RuntimeException {
    public LogException(String message, Throwable cause) {
        super(message, cause);
    }

    public LogException(String message) {
        super(message);
    }
}
