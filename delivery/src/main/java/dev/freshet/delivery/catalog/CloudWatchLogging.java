package dev.freshet.delivery.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * CloudWatchLoggingOptions: stored and described as given (default {@code Enabled: false}); Freshet
 * has no CloudWatch Logs, delivery errors go to its own log. Stateless.
 */
final class CloudWatchLogging {

    private CloudWatchLogging() {
    }

    static void apply(ObjectNode configuration) {
        ObjectNode options = ConfigNodes.childOrNew(configuration, "CloudWatchLoggingOptions");
        if (!ConfigNodes.has(options, "Enabled")) {
            options.put("Enabled", false);
        }
    }
}
