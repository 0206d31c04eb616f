package dev.freshet.web.server.config;

/**
 * The configuration cannot be used. The message is written for the person starting the server
 * (it names the setting and where its value came from); {@link #reason()} is for code and tests.
 */
public final class ConfigException extends Exception {

    /** Why the configuration was refused. */
    public enum Reason {
        /** A command-line flag or config-file key that is no setting. */
        UNKNOWN_SETTING,
        /** A flag that needs a value was last on the command line. */
        MISSING_VALUE,
        /** A command-line word that is not a flag. */
        UNEXPECTED_ARGUMENT,
        /** A value that does not parse or is out of range. */
        INVALID_VALUE,
        /** Values that are fine alone but not together, e.g. a TLS port without a keystore. */
        CONFLICT,
        /** The config file cannot be read. */
        UNREADABLE_FILE
    }

    private final Reason reason;

    public ConfigException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
