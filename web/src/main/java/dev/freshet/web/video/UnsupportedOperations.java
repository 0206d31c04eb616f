package dev.freshet.web.video;

import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.web.protocol.Shape;

/**
 * The control-plane operations Freshet does not serve, each answered at its path with
 * 400 {@code InvalidArgumentException} and a message saying why: edge agent configurations
 * (StartEdgeConfigurationUpdate, Describe/DeleteEdgeConfiguration, ListEdgeAgentConfigurations) and
 * DescribeMappedResourceConfiguration are not supported, there is no AWS IoT Greengrass edge agent
 * to configure and no stream is mapped to a channel.
 *
 * <p>Why that error: every one of these operations declares InvalidArgumentException, so each SDK
 * raises its typed exception (not a generic one); 400 is not retried by any SDK's retry policy,
 * unlike 5xx. The body is still read and must be JSON, as for every operation.
 *
 * <p>Thread-safe.
 */
final class UnsupportedOperations {

    private static final String EDGE = "Freshet does not support %s: it has no edge agent (AWS IoT Greengrass) "
        + "configurations and maps no streams to signaling channels.";

    private UnsupportedOperations() {
    }

    static void register(RestJsonRoutes routes) {
        for (String operation : new String[] {"StartEdgeConfigurationUpdate", "DescribeEdgeConfiguration",
            "DeleteEdgeConfiguration", "ListEdgeAgentConfigurations", "DescribeMappedResourceConfiguration"}) {
            refuse(routes, operation, "/" + Character.toLowerCase(operation.charAt(0)) + operation.substring(1),
                String.format(EDGE, operation));
        }
    }

    /** Answers {@code operation} at {@code path} with InvalidArgumentException and {@code message}. */
    static void refuse(RestJsonRoutes routes, String operation, String path, String message) {
        routes.add(operation, path, Shape.structure(operation + "Input"), (call, out) -> {
            throw VideoErrorType.INVALID_ARGUMENT.exception(message);
        });
    }
}
