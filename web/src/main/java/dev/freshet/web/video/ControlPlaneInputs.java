package dev.freshet.web.video;

import static dev.freshet.web.video.VideoShapes.streamRef;

import dev.freshet.web.protocol.Shape;
import dev.freshet.web.protocol.Shape.Member;
import dev.freshet.web.protocol.Shape.StructureShape;

/**
 * The inputs of the control-plane operations Freshet serves ({@code kinesisvideo} model), as the
 * service validates them (the signaling-channel ones are {@link ChannelInputs}). The edge-agent
 * operations are answered without a model (see {@link UnsupportedOperations}).
 *
 * <p>Immutable and thread-safe.
 */
final class ControlPlaneInputs {

    static final StructureShape STREAM_STORAGE_CONFIGURATION = Shape.structure("StreamStorageConfiguration",
        Member.required("DefaultStorageTier", Shape.enumeration("DefaultStorageTier", "HOT", "WARM")));

    static final StructureShape CREATE_STREAM = Shape.structure("CreateStreamInput",
        Member.optional("DeviceName", VideoShapes.DEVICE_NAME),
        Member.required("StreamName", VideoShapes.STREAM_NAME),
        Member.optional("MediaType", VideoShapes.MEDIA_TYPE),
        Member.optional("KmsKeyId", VideoShapes.KMS_KEY_ID),
        Member.optional("DataRetentionInHours", VideoShapes.DATA_RETENTION_IN_HOURS),
        Member.optional("Tags", VideoShapes.RESOURCE_TAGS),
        Member.optional("StreamStorageConfiguration", STREAM_STORAGE_CONFIGURATION));

    static final StructureShape DESCRIBE_STREAM = Shape.structure("DescribeStreamInput", streamRef());

    static final StructureShape LIST_STREAMS = Shape.structure("ListStreamsInput",
        Member.optional("MaxResults", Shape.integer("ListStreamsInputLimit").range(1, 10_000)),
        Member.optional("NextToken", VideoShapes.NEXT_TOKEN),
        Member.optional("StreamNameCondition", Shape.structure("StreamNameCondition",
            Member.optional("ComparisonOperator", Shape.enumeration("ComparisonOperator", "BEGINS_WITH")),
            Member.optional("ComparisonValue", VideoShapes.STREAM_NAME))));

    static final StructureShape DELETE_STREAM = Shape.structure("DeleteStreamInput",
        Member.required("StreamARN", VideoShapes.RESOURCE_ARN),
        Member.optional("CurrentVersion", VideoShapes.VERSION));

    static final StructureShape UPDATE_STREAM = Shape.structure("UpdateStreamInput", streamRef(
        Member.required("CurrentVersion", VideoShapes.VERSION),
        Member.optional("DeviceName", VideoShapes.DEVICE_NAME),
        Member.optional("MediaType", VideoShapes.MEDIA_TYPE)));

    static final StructureShape UPDATE_DATA_RETENTION = Shape.structure("UpdateDataRetentionInput", streamRef(
        Member.required("CurrentVersion", VideoShapes.VERSION),
        Member.required("Operation", Shape.enumeration("UpdateDataRetentionOperation",
            "INCREASE_DATA_RETENTION", "DECREASE_DATA_RETENTION")),
        Member.required("DataRetentionChangeInHours", Shape.integer("DataRetentionChangeInHours").min(1))));

    static final StructureShape GET_DATA_ENDPOINT = Shape.structure("GetDataEndpointInput", streamRef(
        Member.required("APIName", Shape.enumeration("APIName", "PUT_MEDIA", "GET_MEDIA", "LIST_FRAGMENTS",
            "GET_MEDIA_FOR_FRAGMENT_LIST", "GET_HLS_STREAMING_SESSION_URL", "GET_DASH_STREAMING_SESSION_URL",
            "GET_CLIP", "GET_IMAGES"))));

    static final StructureShape TAG_STREAM = Shape.structure("TagStreamInput", streamRef(
        Member.required("Tags", VideoShapes.RESOURCE_TAGS)));

    static final StructureShape UNTAG_STREAM = Shape.structure("UntagStreamInput", streamRef(
        Member.required("TagKeyList", VideoShapes.TAG_KEY_LIST)));

    static final StructureShape LIST_TAGS_FOR_STREAM = Shape.structure("ListTagsForStreamInput", streamRef(
        Member.optional("NextToken", VideoShapes.NEXT_TOKEN)));

    static final StructureShape TAG_RESOURCE = Shape.structure("TagResourceInput",
        Member.required("ResourceARN", VideoShapes.RESOURCE_ARN),
        Member.required("Tags", Shape.list("TagList", VideoShapes.TAG).length(1, 50)));

    static final StructureShape UNTAG_RESOURCE = Shape.structure("UntagResourceInput",
        Member.required("ResourceARN", VideoShapes.RESOURCE_ARN),
        Member.required("TagKeyList", VideoShapes.TAG_KEY_LIST));

    static final StructureShape LIST_TAGS_FOR_RESOURCE = Shape.structure("ListTagsForResourceInput",
        Member.optional("NextToken", VideoShapes.NEXT_TOKEN),
        Member.required("ResourceARN", VideoShapes.RESOURCE_ARN));

    static final StructureShape IMAGE_GENERATION_CONFIGURATION = Shape.structure("ImageGenerationConfiguration",
        Member.required("Status", VideoShapes.CONFIGURATION_STATUS),
        Member.required("ImageSelectorType", VideoShapes.IMAGE_SELECTOR_TYPE),
        Member.required("DestinationConfig", Shape.structure("ImageGenerationDestinationConfig",
            Member.required("Uri", VideoShapes.DESTINATION_URI),
            Member.required("DestinationRegion", Shape.string("DestinationRegion").length(9, 14)
                .pattern("^[a-z]+(-[a-z]+)?-[a-z]+-[0-9]$")))),
        Member.required("SamplingInterval", Shape.integer("SamplingInterval")),
        Member.required("Format", VideoShapes.FORMAT),
        Member.optional("FormatConfig", VideoShapes.FORMAT_CONFIG),
        Member.optional("WidthPixels", VideoShapes.WIDTH_PIXELS),
        Member.optional("HeightPixels", VideoShapes.HEIGHT_PIXELS));

    static final StructureShape UPDATE_IMAGE_GENERATION = Shape.structure("UpdateImageGenerationConfigurationInput",
        streamRef(Member.optional("ImageGenerationConfiguration", IMAGE_GENERATION_CONFIGURATION)));

    static final StructureShape NOTIFICATION_CONFIGURATION = Shape.structure("NotificationConfiguration",
        Member.required("Status", VideoShapes.CONFIGURATION_STATUS),
        Member.required("DestinationConfig", Shape.structure("NotificationDestinationConfig",
            Member.required("Uri", VideoShapes.DESTINATION_URI))));

    static final StructureShape UPDATE_NOTIFICATION = Shape.structure("UpdateNotificationConfigurationInput",
        streamRef(Member.optional("NotificationConfiguration", NOTIFICATION_CONFIGURATION)));

    static final StructureShape UPDATE_STREAM_STORAGE = Shape.structure("UpdateStreamStorageConfigurationInput",
        streamRef(Member.required("CurrentVersion", VideoShapes.VERSION),
            Member.required("StreamStorageConfiguration", STREAM_STORAGE_CONFIGURATION)));

    /** DescribeImageGeneration/Notification/StreamStorageConfiguration take just the stream. */
    static StructureShape describeConfiguration(String name) {
        return Shape.structure(name, streamRef());
    }

    private ControlPlaneInputs() {
    }
}
