package dev.freshet.web.video;

import dev.freshet.signaling.channels.ChannelInfo;
import dev.freshet.signaling.channels.ChannelLifecycle;
import dev.freshet.signaling.channels.ChannelLifecycle.CreateRequest;
import dev.freshet.signaling.channels.ChannelPage;
import dev.freshet.signaling.channels.ChannelRef;
import dev.freshet.signaling.channels.ChannelType;
import dev.freshet.signaling.channels.MediaStorage;
import dev.freshet.signaling.channels.SignalingChannels;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signaling-channel control plane: Create/Describe/List/Update/DeleteSignalingChannel,
 * GetSignalingChannelEndpoint (this server's endpoints, see {@link SignalingEndpoints}) and
 * Update/DescribeMediaStorageConfiguration. Channel tags go through {@link TagOperations}.
 *
 * <p>Thread-safe.
 */
final class ChannelOperations {

    private static final List<String> ALL_PROTOCOLS = List.of("WSS", "HTTPS", "WEBRTC");

    private final SignalingChannels channels;
    private final ChannelLifecycle lifecycle;
    private final SignalingEndpoints endpoints;

    ChannelOperations(SignalingChannels channels, SignalingEndpoints endpoints) {
        this.channels = channels;
        this.lifecycle = channels.lifecycle();
        this.endpoints = endpoints;
    }

    void register(RestJsonRoutes routes) {
        routes.add("CreateSignalingChannel", "/createSignalingChannel", ChannelInputs.CREATE, this::create)
            .add("DescribeSignalingChannel", "/describeSignalingChannel", ChannelInputs.DESCRIBE, this::describe)
            .add("ListSignalingChannels", "/listSignalingChannels", ChannelInputs.LIST, this::list)
            .add("UpdateSignalingChannel", "/updateSignalingChannel", ChannelInputs.UPDATE, this::update)
            .add("DeleteSignalingChannel", "/deleteSignalingChannel", ChannelInputs.DELETE, this::delete)
            .add("GetSignalingChannelEndpoint", "/getSignalingChannelEndpoint", ChannelInputs.GET_ENDPOINT,
                this::getEndpoint)
            .add("UpdateMediaStorageConfiguration", "/updateMediaStorageConfiguration",
                ChannelInputs.UPDATE_MEDIA_STORAGE, this::updateMediaStorage)
            .add("DescribeMediaStorageConfiguration", "/describeMediaStorageConfiguration",
                ChannelInputs.DESCRIBE_MEDIA_STORAGE, this::describeMediaStorage);
    }

    private void create(RestJsonCall call, OutputWriter out) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Input tag : call.input().structures("Tags")) {
            tags.put(tag.string("Key").orElseThrow(), tag.string("Value").orElseThrow());
        }
        String type = call.string("ChannelType");
        String arn = lifecycle.create(new CreateRequest(call.string("ChannelName"),
            type == null ? null : ChannelType.valueOf(type), messageTtl(call).orElse(null), tags));
        out.string("ChannelARN", arn);
    }

    private void describe(RestJsonCall call, OutputWriter out) {
        out.startObject("ChannelInfo");
        write(out, lifecycle.describe(ref(call)));
        out.endObject();
    }

    private void list(RestJsonCall call, OutputWriter out) {
        String prefix = call.structure("ChannelNameCondition")
            .flatMap(condition -> condition.string("ComparisonValue")).orElse(null);
        ChannelPage page = lifecycle.list(call.input().integer("MaxResults").orElse(null), call.string("NextToken"),
            prefix);
        out.startArray("ChannelInfoList");
        for (ChannelInfo info : page.channels()) {
            out.startObject();
            write(out, info);
            out.endObject();
        }
        out.endArray().string("NextToken", page.nextToken());
    }

    private void update(RestJsonCall call, OutputWriter out) {
        lifecycle.update(call.string("ChannelARN"), call.string("CurrentVersion"), messageTtl(call).orElse(null));
    }

    private void delete(RestJsonCall call, OutputWriter out) {
        lifecycle.delete(call.string("ChannelARN"), call.string("CurrentVersion"));
    }

    private void getEndpoint(RestJsonCall call, OutputWriter out) {
        lifecycle.describe(ChannelRef.byArn(call.string("ChannelARN")));
        List<String> protocols = call.structure("SingleMasterChannelEndpointConfiguration")
            .filter(configuration -> configuration.has("Protocols"))
            .map(configuration -> configuration.strings("Protocols")).orElse(ALL_PROTOCOLS);
        out.startArray("ResourceEndpointList");
        for (String protocol : protocols.stream().distinct().toList()) {
            out.startObject().string("Protocol", protocol)
                .string("ResourceEndpoint", endpoints.of(protocol, call.baseUrl())).endObject();
        }
        out.endArray();
    }

    private void updateMediaStorage(RestJsonCall call, OutputWriter out) {
        Input configuration = call.structure("MediaStorageConfiguration").orElseThrow();
        channels.mediaStorage().update(call.string("ChannelARN"), new MediaStorage(
            configuration.string("StreamARN").orElse(null), "ENABLED".equals(configuration.string("Status").orElseThrow())));
    }

    private void describeMediaStorage(RestJsonCall call, OutputWriter out) {
        MediaStorage storage = channels.mediaStorage().describe(ref(call));
        out.startObject("MediaStorageConfiguration").string("StreamARN", storage.streamArn())
            .string("Status", storage.enabled() ? "ENABLED" : "DISABLED").endObject();
    }

    private static ChannelRef ref(RestJsonCall call) {
        return new ChannelRef(call.string("ChannelName"), call.string("ChannelARN"));
    }

    private static Optional<Integer> messageTtl(RestJsonCall call) {
        return call.structure("SingleMasterConfiguration").flatMap(single -> single.integer("MessageTtlSeconds"));
    }

    private static void write(OutputWriter out, ChannelInfo info) {
        out.string("ChannelName", info.name()).string("ChannelARN", info.arn())
            .string("ChannelType", info.type().name()).string("ChannelStatus", info.status().name())
            .timestamp("CreationTime", info.creationTime())
            .startObject("SingleMasterConfiguration").number("MessageTtlSeconds", info.messageTtlSeconds()).endObject()
            .string("Version", info.version());
    }
}
