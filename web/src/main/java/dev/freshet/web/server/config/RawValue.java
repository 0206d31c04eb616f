package dev.freshet.web.server.config;

/**
 * A setting's value as text, with where it came from, so an error can say
 * "from environment variable FRESHET_PORT" rather than just "bad port".
 *
 * @param text   the value as given
 * @param origin where it was given, e.g. {@code flag --port} or {@code file freshet.properties}
 */
record RawValue(String text, String origin) {
}
