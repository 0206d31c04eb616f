package dev.freshet.delivery.catalog;

import dev.freshet.delivery.DeliveryException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A destination's BufferingHints: each destination has its own SizeInMBs range (S3 1–128, HTTP
 * endpoint 1–64, OpenSearch 1–100), IntervalInSeconds is 0–900 everywhere (0: zero buffering),
 * both default to 5 MB and 300 s, and the API reference says that when one is given the other must
 * be given too. The web layer checks the ranges against the model first (ValidationException);
 * they are checked again here because the engine relies on them.
 *
 * @param maxSizeInMBs the destination's SizeInMBs maximum
 */
record BufferingRules(int maxSizeInMBs) {

    static final BufferingRules S3 = new BufferingRules(128);
    static final BufferingRules HTTP_ENDPOINT = new BufferingRules(64);
    static final BufferingRules SEARCH = new BufferingRules(100);

    static final int DEFAULT_SIZE_IN_MBS = 5;
    static final int DEFAULT_INTERVAL_IN_SECONDS = 300;
    static final int MAX_INTERVAL_IN_SECONDS = 900;

    /** Checks {@code configuration.BufferingHints} and fills in the defaults ({@code path} names the configuration in messages). */
    void apply(ObjectNode configuration, String path, int defaultSize) {
        ObjectNode hints = ConfigNodes.child(configuration, "BufferingHints");
        if (hints != null) {
            boolean size = ConfigNodes.has(hints, "SizeInMBs");
            boolean interval = ConfigNodes.has(hints, "IntervalInSeconds");
            if (size != interval) {
                throw DeliveryException.invalidArgument(path + ".BufferingHints: specify both SizeInMBs and "
                    + "IntervalInSeconds, or neither.");
            }
        }
        hints = ConfigNodes.childOrNew(configuration, "BufferingHints");
        ConfigNodes.defaultInt(hints, "SizeInMBs", defaultSize);
        ConfigNodes.defaultInt(hints, "IntervalInSeconds", DEFAULT_INTERVAL_IN_SECONDS);
        int sizeInMBs = hints.get("SizeInMBs").asInt();
        int intervalInSeconds = hints.get("IntervalInSeconds").asInt();
        if (sizeInMBs < 1 || sizeInMBs > maxSizeInMBs) {
            throw DeliveryException.invalidArgument(path + ".BufferingHints.SizeInMBs must be from 1 to "
                + maxSizeInMBs + ", was " + sizeInMBs + ".");
        }
        if (intervalInSeconds < 0 || intervalInSeconds > MAX_INTERVAL_IN_SECONDS) {
            throw DeliveryException.invalidArgument(path + ".BufferingHints.IntervalInSeconds must be from 0 to "
                + MAX_INTERVAL_IN_SECONDS + ", was " + intervalInSeconds + ".");
        }
    }

    void apply(ObjectNode configuration, String path) {
        apply(configuration, path, DEFAULT_SIZE_IN_MBS);
    }
}
