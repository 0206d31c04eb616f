package dev.freshet.web.video;

import dev.freshet.fragments.video.StorageTier;
import dev.freshet.fragments.video.StreamPage;
import dev.freshet.fragments.video.VideoStreamInfo;
import dev.freshet.fragments.video.VideoStreamLifecycle;
import dev.freshet.fragments.video.VideoStreamLifecycle.CreateRequest;
import dev.freshet.fragments.video.VideoStreamLifecycle.RetentionChange;
import dev.freshet.fragments.video.VideoStreams;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;

import java.util.Map;

/**
 * CreateStream, DescribeStream, ListStreams, DeleteStream, UpdateStream, UpdateDataRetention and
 * GetDataEndpoint, which answers this server's own base URL for every API: the data plane is
 * served on the same port.
 *
 * <p>Thread-safe.
 */
final class StreamOperations {

    private final VideoStreams video;
    private final VideoStreamLifecycle streams;

    StreamOperations(VideoStreams video) {
        this.video = video;
        this.streams = video.streams();
    }

    void register(RestJsonRoutes routes) {
        routes.add("CreateStream", "/createStream", ControlPlaneInputs.CREATE_STREAM, this::create)
            .add("DescribeStream", "/describeStream", ControlPlaneInputs.DESCRIBE_STREAM, this::describe)
            .add("ListStreams", "/listStreams", ControlPlaneInputs.LIST_STREAMS, this::list)
            .add("DeleteStream", "/deleteStream", ControlPlaneInputs.DELETE_STREAM, this::delete)
            .add("UpdateStream", "/updateStream", ControlPlaneInputs.UPDATE_STREAM, this::update)
            .add("UpdateDataRetention", "/updateDataRetention", ControlPlaneInputs.UPDATE_DATA_RETENTION,
                this::updateDataRetention)
            .add("GetDataEndpoint", "/getDataEndpoint", ControlPlaneInputs.GET_DATA_ENDPOINT, this::getDataEndpoint);
    }

    private void create(RestJsonCall call, OutputWriter out) {
        Input in = call.input();
        StorageTier tier = call.structure("StreamStorageConfiguration")
            .map(storage -> StorageTier.valueOf(storage.string("DefaultStorageTier").orElseThrow())).orElse(null);
        Map<String, String> tags = in.has("Tags") ? in.stringMap("Tags") : null;
        String arn = streams.create(new CreateRequest(call.string("StreamName"), call.string("DeviceName"),
            call.string("MediaType"), call.string("KmsKeyId"), in.integer("DataRetentionInHours").orElse(null), tags,
            tier));
        out.string("StreamARN", arn);
    }

    private void describe(RestJsonCall call, OutputWriter out) {
        VideoStreamInfo info = streams.describe(call.streamRef());
        out.startObject("StreamInfo");
        StreamInfoOutput.write(out, info);
        out.endObject();
    }

    private void list(RestJsonCall call, OutputWriter out) {
        String prefix = call.structure("StreamNameCondition")
            .flatMap(condition -> condition.string("ComparisonValue")).orElse(null);
        StreamPage page = streams.list(call.input().integer("MaxResults").orElse(null), call.string("NextToken"), prefix);
        out.startArray("StreamInfoList");
        for (VideoStreamInfo info : page.streams()) {
            out.startObject();
            StreamInfoOutput.write(out, info);
            out.endObject();
        }
        out.endArray().string("NextToken", page.nextToken());
    }

    private void delete(RestJsonCall call, OutputWriter out) {
        streams.delete(call.string("StreamARN"), call.string("CurrentVersion"));
    }

    private void update(RestJsonCall call, OutputWriter out) {
        streams.update(call.streamRef(), call.string("CurrentVersion"), call.string("DeviceName"),
            call.string("MediaType"));
    }

    private void updateDataRetention(RestJsonCall call, OutputWriter out) {
        streams.updateDataRetention(call.streamRef(), call.string("CurrentVersion"),
            RetentionChange.valueOf(call.string("Operation")),
            call.input().integer("DataRetentionChangeInHours").orElseThrow());
    }

    private void getDataEndpoint(RestJsonCall call, OutputWriter out) {
        video.resolve(call.streamRef());
        out.string("DataEndpoint", call.baseUrl());
    }
}
