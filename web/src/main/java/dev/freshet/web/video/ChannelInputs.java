package dev.freshet.web.video;

import dev.freshet.web.protocol.Shape;
import dev.freshet.web.protocol.Shape.Member;
import dev.freshet.web.protocol.Shape.StringShape;
import dev.freshet.web.protocol.Shape.StructureShape;

/**
 * The inputs of the signaling-channel operations ({@code kinesisvideo} model) and of
 * GetIceServerConfig ({@code kinesis-video-signaling} model) and of the storage sessions
 * ({@code kinesis-video-webrtc-storage} model), as the service validates them.
 *
 * <p>Immutable and thread-safe.
 */
final class ChannelInputs {

    static final StringShape CHANNEL_NAME = Shape.string("ChannelName").length(1, 256).pattern("[a-zA-Z0-9_.-]+");

    static final StructureShape SINGLE_MASTER_CONFIGURATION = Shape.structure("SingleMasterConfiguration",
        Member.optional("MessageTtlSeconds", Shape.integer("MessageTtlSeconds").range(5, 120)));

    static final StructureShape CREATE = Shape.structure("CreateSignalingChannelInput",
        Member.required("ChannelName", CHANNEL_NAME),
        Member.optional("ChannelType", Shape.enumeration("ChannelType", "SINGLE_MASTER", "FULL_MESH")),
        Member.optional("SingleMasterConfiguration", SINGLE_MASTER_CONFIGURATION),
        Member.optional("Tags", Shape.list("TagOnCreateList", VideoShapes.TAG).length(0, 50)));

    static final StructureShape DESCRIBE = Shape.structure("DescribeSignalingChannelInput", channelRef());

    static final StructureShape LIST = Shape.structure("ListSignalingChannelsInput",
        Member.optional("MaxResults", Shape.integer("ListStreamsInputLimit").range(1, 10_000)),
        Member.optional("NextToken", VideoShapes.NEXT_TOKEN),
        Member.optional("ChannelNameCondition", Shape.structure("ChannelNameCondition",
            Member.optional("ComparisonOperator", Shape.enumeration("ComparisonOperator", "BEGINS_WITH")),
            Member.optional("ComparisonValue", CHANNEL_NAME))));

    static final StructureShape UPDATE = Shape.structure("UpdateSignalingChannelInput",
        Member.required("ChannelARN", VideoShapes.RESOURCE_ARN),
        Member.required("CurrentVersion", VideoShapes.VERSION),
        Member.optional("SingleMasterConfiguration", SINGLE_MASTER_CONFIGURATION));

    static final StructureShape DELETE = Shape.structure("DeleteSignalingChannelInput",
        Member.required("ChannelARN", VideoShapes.RESOURCE_ARN),
        Member.optional("CurrentVersion", VideoShapes.VERSION));

    static final StructureShape GET_ENDPOINT = Shape.structure("GetSignalingChannelEndpointInput",
        Member.required("ChannelARN", VideoShapes.RESOURCE_ARN),
        Member.optional("SingleMasterChannelEndpointConfiguration",
            Shape.structure("SingleMasterChannelEndpointConfiguration",
                Member.optional("Protocols", Shape.list("ListOfProtocols",
                    Shape.enumeration("ChannelProtocol", "WSS", "HTTPS", "WEBRTC")).length(1, 5)),
                Member.optional("Role", Shape.enumeration("ChannelRole", "MASTER", "VIEWER")))));

    static final StructureShape UPDATE_MEDIA_STORAGE = Shape.structure("UpdateMediaStorageConfigurationInput",
        Member.required("ChannelARN", VideoShapes.RESOURCE_ARN),
        Member.required("MediaStorageConfiguration", Shape.structure("MediaStorageConfiguration",
            Member.optional("StreamARN", VideoShapes.RESOURCE_ARN),
            Member.required("Status", Shape.enumeration("MediaStorageConfigurationStatus", "ENABLED", "DISABLED")))));

    static final StructureShape DESCRIBE_MEDIA_STORAGE =
        Shape.structure("DescribeMediaStorageConfigurationInput", channelRef());

    static final StructureShape GET_ICE_SERVER_CONFIG = Shape.structure("GetIceServerConfigRequest",
        Member.required("ChannelARN", VideoShapes.RESOURCE_ARN),
        Member.optional("ClientId", Shape.string("ClientId").length(1, 256).pattern("[a-zA-Z0-9_.-]+")),
        Member.optional("Service", Shape.enumeration("Service", "TURN")),
        Member.optional("Username", Shape.string("Username").length(1, 256).pattern("[a-zA-Z0-9_.-]+")));

    static final StructureShape SEND_ALEXA_OFFER = Shape.structure("SendAlexaOfferToMasterRequest");

    /** {@code kinesis-video-webrtc-storage} model: its members are spelt in lower camel case. */
    static final StructureShape JOIN_STORAGE_SESSION = Shape.structure("JoinStorageSessionInput",
        Member.required("channelArn", VideoShapes.RESOURCE_ARN));

    static final StructureShape JOIN_STORAGE_SESSION_AS_VIEWER = Shape.structure("JoinStorageSessionAsViewerInput",
        Member.required("channelArn", VideoShapes.RESOURCE_ARN),
        Member.required("clientId", Shape.string("ClientId").length(1, 256).pattern("[a-zA-Z0-9_.-]+")));

    private ChannelInputs() {
    }

    private static Member[] channelRef() {
        return new Member[] {Member.optional("ChannelName", CHANNEL_NAME),
            Member.optional("ChannelARN", VideoShapes.RESOURCE_ARN)};
    }
}
