package dev.freshet.web.server.config;

/** How log lines are written to stdout: {@code text} for people, {@code json} for log shippers. */
public enum LogFormat {
    TEXT,
    JSON
}
