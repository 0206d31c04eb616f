package dev.freshet.web.server;

/**
 * Freshet cannot start: a port is taken, the TLS keystore is unreadable, a module failed to open,
 * the data directory cannot be created. The message says which, for the operator.
 */
public final class StartupException extends Exception {

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
