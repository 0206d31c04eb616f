package dev.freshet.web.video;

import static dev.freshet.web.video.VideoShapes.streamRef;

import dev.freshet.web.protocol.Shape;
import dev.freshet.web.protocol.Shape.Member;
import dev.freshet.web.protocol.Shape.StructureShape;

/**
 * The inputs of the data-plane operations ({@code kinesis-video-media} and
 * {@code kinesis-video-archived-media} models), for the handlers a {@link VideoDataPlane}
 * contributes: a JSON-in, JSON-out operation such as ListFragments can be served by a
 * {@link RestJsonEndpoint} with these shapes; streaming ones (GetMedia, GetClip) validate with
 * {@code ShapeValidator.validate(shape, input)} before they start their response. PutMedia takes
 * its parameters from headers and has no body model.
 *
 * <p>Immutable and thread-safe.
 */
public final class DataPlaneInputs {

    private static final StructureShape TIMESTAMP_RANGE = Shape.structure("TimestampRange",
        Member.required("StartTimestamp", Shape.timestamp("Timestamp")),
        Member.required("EndTimestamp", Shape.timestamp("Timestamp")));
    private static final StructureShape OPTIONAL_TIMESTAMP_RANGE = Shape.structure("TimestampRange",
        Member.optional("StartTimestamp", Shape.timestamp("Timestamp")),
        Member.optional("EndTimestamp", Shape.timestamp("Timestamp")));
    private static final Shape.StringShape FRAGMENT_NUMBER =
        Shape.string("FragmentNumberString").length(1, 128).pattern("^[0-9]+$");
    private static final Shape.StringShape ARCHIVE_NEXT_TOKEN =
        Shape.string("NextToken").length(1, 4096).pattern("[a-zA-Z0-9+/]+={0,2}");
    private static final Shape.StringShape DISPLAY = Shape.enumeration("DisplayFragmentTimestamp", "ALWAYS", "NEVER");
    private static final Shape.StringShape PLAYBACK_MODE =
        Shape.enumeration("PlaybackMode", "LIVE", "LIVE_REPLAY", "ON_DEMAND");
    /**
     * Expires is checked by the operation, with InvalidArgumentException as the archived-media API
     * declares: its minimum (the service's 300 s) is a server setting, so tests can ask for less.
     */
    private static final Shape.IntegerShape EXPIRES = Shape.integer("Expires");

    public static final StructureShape GET_MEDIA = Shape.structure("GetMediaInput",
        Member.optional("StreamName", VideoShapes.STREAM_NAME),
        Member.optional("StreamARN", Shape.string("ResourceARN").length(1, 1024)
            .pattern("arn:aws:kinesisvideo:[a-z0-9-]+:[0-9]+:[a-z]+/[a-zA-Z0-9_.-]+/[0-9]+")),
        Member.required("StartSelector", Shape.structure("StartSelector",
            Member.required("StartSelectorType", Shape.enumeration("StartSelectorType", "FRAGMENT_NUMBER",
                "SERVER_TIMESTAMP", "PRODUCER_TIMESTAMP", "NOW", "EARLIEST", "CONTINUATION_TOKEN")),
            Member.optional("AfterFragmentNumber", FRAGMENT_NUMBER),
            Member.optional("StartTimestamp", Shape.timestamp("Timestamp")),
            Member.optional("ContinuationToken", Shape.string("ContinuationToken").length(1, 128)
                .pattern("^[a-zA-Z0-9_\\.\\-]+$")))));

    public static final StructureShape LIST_FRAGMENTS = Shape.structure("ListFragmentsInput", streamRef(
        Member.optional("MaxResults", Shape.longInteger("ListFragmentsMaxResults").range(1, 1000)),
        Member.optional("NextToken", ARCHIVE_NEXT_TOKEN),
        Member.optional("FragmentSelector", Shape.structure("FragmentSelector",
            Member.required("FragmentSelectorType", VideoShapes.TIMESTAMP_SELECTOR_TYPE),
            Member.required("TimestampRange", TIMESTAMP_RANGE)))));

    public static final StructureShape GET_MEDIA_FOR_FRAGMENT_LIST = Shape.structure("GetMediaForFragmentListInput",
        streamRef(Member.required("Fragments", Shape.list("FragmentNumberList", FRAGMENT_NUMBER).length(1, 1000))));

    public static final StructureShape GET_CLIP = Shape.structure("GetClipInput", streamRef(
        Member.required("ClipFragmentSelector", Shape.structure("ClipFragmentSelector",
            Member.required("FragmentSelectorType", VideoShapes.TIMESTAMP_SELECTOR_TYPE),
            Member.required("TimestampRange", TIMESTAMP_RANGE)))));

    public static final StructureShape GET_HLS_STREAMING_SESSION_URL = Shape.structure(
        "GetHLSStreamingSessionURLInput", streamRef(
            Member.optional("PlaybackMode", PLAYBACK_MODE),
            Member.optional("HLSFragmentSelector", fragmentSelector("HLSFragmentSelector")),
            Member.optional("ContainerFormat", Shape.enumeration("ContainerFormat", "FRAGMENTED_MP4", "MPEG_TS")),
            Member.optional("DiscontinuityMode",
                Shape.enumeration("HLSDiscontinuityMode", "ALWAYS", "NEVER", "ON_DISCONTINUITY")),
            Member.optional("DisplayFragmentTimestamp", DISPLAY),
            Member.optional("Expires", EXPIRES),
            Member.optional("MaxMediaPlaylistFragmentResults", Shape.longInteger("HLSMaxResults").range(1, 5000))));

    public static final StructureShape GET_DASH_STREAMING_SESSION_URL = Shape.structure(
        "GetDASHStreamingSessionURLInput", streamRef(
            Member.optional("PlaybackMode", PLAYBACK_MODE),
            Member.optional("DisplayFragmentTimestamp", DISPLAY),
            Member.optional("DisplayFragmentNumber", Shape.enumeration("DASHDisplayFragmentNumber", "ALWAYS", "NEVER")),
            Member.optional("DASHFragmentSelector", fragmentSelector("DASHFragmentSelector")),
            Member.optional("Expires", EXPIRES),
            Member.optional("MaxManifestFragmentResults", Shape.longInteger("DASHMaxResults").range(1, 5000))));

    public static final StructureShape GET_IMAGES = Shape.structure("GetImagesInput", streamRef(
        Member.required("ImageSelectorType", VideoShapes.IMAGE_SELECTOR_TYPE),
        Member.required("StartTimestamp", Shape.timestamp("Timestamp")),
        Member.required("EndTimestamp", Shape.timestamp("Timestamp")),
        Member.optional("SamplingInterval", Shape.integer("SamplingInterval")),
        Member.required("Format", VideoShapes.FORMAT),
        Member.optional("FormatConfig", VideoShapes.FORMAT_CONFIG),
        Member.optional("WidthPixels", VideoShapes.WIDTH_PIXELS),
        Member.optional("HeightPixels", VideoShapes.HEIGHT_PIXELS),
        Member.optional("MaxResults", Shape.longInteger("GetImagesMaxResults").range(1, 100)),
        Member.optional("NextToken", ARCHIVE_NEXT_TOKEN)));

    private DataPlaneInputs() {
    }

    private static StructureShape fragmentSelector(String name) {
        return Shape.structure(name,
            Member.optional("FragmentSelectorType", VideoShapes.TIMESTAMP_SELECTOR_TYPE),
            Member.optional("TimestampRange", OPTIONAL_TIMESTAMP_RANGE));
    }
}
