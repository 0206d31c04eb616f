package dev.freshet.web.video;

import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.web.protocol.Shape;

/**
 * The control-plane operations Freshet does not serve, each answered at its path with
 * 400 {@code InvalidArgumentException} and a message saying why:
 * <ul>
 *   <li>signaling channels (Create/Describe/List/Update/DeleteSignalingChannel,
 *   GetSignalingChannelEndpoint, Update/DescribeMediaStorageConfiguration): not available yet,
 *   they come with the signaling module;</li>
 *   <li>edge agent configurations (StartEdgeConfigurationUpdate, Describe/DeleteEdgeConfiguration,
 *   ListEdgeAgentConfigurations) and DescribeMappedResourceConfiguration: not supported, there is no
 *   AWS IoT Greengrass edge agent to configure and no stream is mapped to a channel.</li>
 * </ul>
 * Why that error: every one of these operations declares InvalidArgumentException, so each SDK
 * raises its typed exception (not a generic one); 400 is not retried by any SDK's retry policy,
 * unlike 5xx; and it is not ResourceNotFoundException, which the WebRTC SDKs take as "create the
 * channel" and would loop on. The body is still read and must be JSON, as for every operation.
 *
 * <p>Thread-safe.
 */
final class UnsupportedOperations {

    private static final String SIGNALING =
        "Signaling channels are not available in Freshet yet: %s is not supported.";
    private static final String EDGE = "Freshet does not support %s: it has no edge agent (AWS IoT Greengrass) "
        + "configurations and maps no streams to signaling channels.";

    private UnsupportedOperations() {
    }

    static void register(RestJsonRoutes routes) {
        signaling(routes, "CreateSignalingChannel", "DescribeSignalingChannel", "ListSignalingChannels",
            "UpdateSignalingChannel", "DeleteSignalingChannel", "GetSignalingChannelEndpoint",
            "UpdateMediaStorageConfiguration", "DescribeMediaStorageConfiguration");
        edge(routes, "StartEdgeConfigurationUpdate", "DescribeEdgeConfiguration", "DeleteEdgeConfiguration",
            "ListEdgeAgentConfigurations", "DescribeMappedResourceConfiguration");
    }

    private static void signaling(RestJsonRoutes routes, String... operations) {
        for (String operation : operations) {
            refuse(routes, operation, String.format(SIGNALING, operation));
        }
    }

    private static void edge(RestJsonRoutes routes, String... operations) {
        for (String operation : operations) {
            refuse(routes, operation, String.format(EDGE, operation));
        }
    }

    private static void refuse(RestJsonRoutes routes, String operation, String message) {
        String path = "/" + Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
        routes.add(operation, path, Shape.structure(operation + "Input"), (call, out) -> {
            throw VideoErrorType.INVALID_ARGUMENT.exception(message);
        });
    }
}
