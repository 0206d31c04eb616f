package dev.freshet.web.video;

import dev.freshet.web.protocol.Shape;
import dev.freshet.web.protocol.Shape.IntegerShape;
import dev.freshet.web.protocol.Shape.ListShape;
import dev.freshet.web.protocol.Shape.MapShape;
import dev.freshet.web.protocol.Shape.Member;
import dev.freshet.web.protocol.Shape.StringShape;
import dev.freshet.web.protocol.Shape.StructureShape;

/**
 * The member shapes the Kinesis Video Streams models share, with their constraints as in botocore's
 * {@code kinesisvideo}, {@code kinesis-video-archived-media} and {@code kinesis-video-media} models
 * ({@code 2017-09-30}). The input structures are in {@link ControlPlaneInputs} and
 * {@link DataPlaneInputs}.
 *
 * <p>Immutable and thread-safe.
 */
public final class VideoShapes {

    public static final StringShape STREAM_NAME = Shape.string("StreamName").length(1, 256).pattern("[a-zA-Z0-9_.-]+");
    public static final StringShape RESOURCE_ARN = Shape.string("ResourceARN").length(1, 1024)
        .pattern("arn:[a-z\\d-]+:kinesisvideo:[a-z0-9-]+:[0-9]+:[a-z]+/[a-zA-Z0-9_.-]+/[0-9]+");
    public static final StringShape DEVICE_NAME = Shape.string("DeviceName").length(1, 128).pattern("[a-zA-Z0-9_.-]+");
    public static final StringShape MEDIA_TYPE = Shape.string("MediaType").length(1, 128)
        .pattern("[\\w\\-\\.\\+]+/[\\w\\-\\.\\+]+(,[\\w\\-\\.\\+]+/[\\w\\-\\.\\+]+)*");
    public static final StringShape KMS_KEY_ID = Shape.string("KmsKeyId").length(1, 2048).pattern(".+");
    public static final StringShape VERSION = Shape.string("Version").length(1, 64).pattern("[a-zA-Z0-9]+");
    public static final StringShape NEXT_TOKEN = Shape.string("NextToken").length(0, 1024).pattern("[a-zA-Z0-9+/=]*");
    public static final StringShape TAG_KEY = Shape.string("TagKey").length(1, 128)
        .pattern("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
    public static final StringShape TAG_VALUE = Shape.string("TagValue").length(0, 256)
        .pattern("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    public static final MapShape RESOURCE_TAGS = Shape.map("ResourceTags", TAG_KEY, TAG_VALUE).length(1, 50);
    public static final ListShape TAG_KEY_LIST = Shape.list("TagKeyList", TAG_KEY).length(1, 50);
    public static final StructureShape TAG = Shape.structure("Tag",
        Member.required("Key", TAG_KEY), Member.required("Value", TAG_VALUE));
    public static final IntegerShape DATA_RETENTION_IN_HOURS = Shape.integer("DataRetentionInHours").min(0);
    public static final StringShape CONFIGURATION_STATUS = Shape.enumeration("ConfigurationStatus", "ENABLED", "DISABLED");
    public static final StringShape IMAGE_SELECTOR_TYPE =
        Shape.enumeration("ImageSelectorType", "SERVER_TIMESTAMP", "PRODUCER_TIMESTAMP");
    public static final StringShape FORMAT = Shape.enumeration("Format", "JPEG", "PNG");
    public static final MapShape FORMAT_CONFIG = Shape.map("FormatConfig",
        Shape.enumeration("FormatConfigKey", "JPEGQuality"),
        Shape.string("FormatConfigValue").length(0, 256).pattern("^[a-zA-Z_0-9]+")).length(1, 1);
    public static final IntegerShape WIDTH_PIXELS = Shape.integer("WidthPixels").range(1, 3840);
    public static final IntegerShape HEIGHT_PIXELS = Shape.integer("HeightPixels").range(1, 2160);
    public static final StringShape DESTINATION_URI = Shape.string("DestinationUri").length(1, 255)
        .pattern("^[a-zA-Z_0-9]+:(//)?([^/]+)/?([^*]*)$");
    public static final StringShape TIMESTAMP_SELECTOR_TYPE =
        Shape.enumeration("FragmentSelectorType", "PRODUCER_TIMESTAMP", "SERVER_TIMESTAMP");

    private VideoShapes() {
    }

    /** The optional {@code StreamName} and {@code StreamARN} members most operations start with. */
    public static Member[] streamRef(Member... rest) {
        Member[] members = new Member[rest.length + 2];
        members[0] = Member.optional("StreamName", STREAM_NAME);
        members[1] = Member.optional("StreamARN", RESOURCE_ARN);
        System.arraycopy(rest, 0, members, 2, rest.length);
        return members;
    }
}
