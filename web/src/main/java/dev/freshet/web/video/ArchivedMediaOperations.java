package dev.freshet.web.video;

import dev.freshet.fragments.archive.FragmentListing;
import dev.freshet.fragments.archive.FragmentPage;
import dev.freshet.fragments.archive.FragmentSelector;
import dev.freshet.fragments.archive.ImageSampling;
import dev.freshet.fragments.images.ImageOptions;
import dev.freshet.fragments.images.ImageResult;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.video.ResolvedStream;
import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.VideoStreams;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * ListFragments and GetImages: the JSON-out archived-media operations. A stream that keeps no data
 * (retention 0) lists no fragments and has no images: its media is live only.
 *
 * <p>Thread-safe.
 */
final class ArchivedMediaOperations {

    private final VideoStreams streams;
    private final FragmentListing listing;
    private final ImageSampling images;

    ArchivedMediaOperations(VideoStreams streams, FragmentListing listing, ImageSampling images) {
        this.streams = streams;
        this.listing = listing;
        this.images = images;
    }

    void register(RestJsonRoutes routes) {
        routes.add("ListFragments", "/listFragments", DataPlaneInputs.LIST_FRAGMENTS, this::listFragments)
            .add("GetImages", "/getImages", DataPlaneInputs.GET_IMAGES, this::getImages);
    }

    private void listFragments(RestJsonCall call, OutputWriter out) {
        ResolvedStream stream = streams.resolve(call.streamRef());
        FragmentSelector selector = call.structure("FragmentSelector")
            .map(s -> TimestampRanges.selector(s.string("FragmentSelectorType").orElseThrow(),
                s.structure("TimestampRange").orElseThrow()))
            .orElse(null);
        Integer max = call.input().longInteger("MaxResults").map(Long::intValue).orElse(null);
        FragmentPage page = stream.retentionHours() == 0 ? new FragmentPage(java.util.List.of(), null)
            : listing.list(stream.id(), streams.fragments(stream), selector, max, call.string("NextToken"));
        out.startArray("Fragments");
        for (FragmentInfo fragment : page.fragments()) {
            out.startObject()
                .string("FragmentNumber", fragment.fragmentNumber())
                .number("FragmentSizeInBytes", fragment.sizeBytes())
                .timestamp("ProducerTimestamp", Instant.ofEpochMilli(fragment.producerTimestampMillis()))
                .timestamp("ServerTimestamp", Instant.ofEpochMilli(fragment.serverTimestampMillis()))
                .number("FragmentLengthInMilliseconds", fragment.durationMillis())
                .endObject();
        }
        out.endArray().string("NextToken", page.nextToken());
    }

    private void getImages(RestJsonCall call, OutputWriter out) {
        ResolvedStream stream = streams.resolve(call.streamRef());
        if (stream.retentionHours() == 0) {
            throw VideoErrorType.NO_DATA_RETENTION.exception("The stream does not retain data, so it has no images.");
        }
        Input in = call.input();
        ImageSampling.Request request = new ImageSampling.Request(
            TimestampRanges.kind(call.string("ImageSelectorType")),
            in.timestamp("StartTimestamp").orElseThrow().toEpochMilli(),
            in.timestamp("EndTimestamp").orElseThrow().toEpochMilli(),
            in.integer("SamplingInterval").map(Integer::longValue).orElse(null), options(in),
            in.longInteger("MaxResults").map(Long::intValue).orElse(null), call.string("NextToken"));
        ImageSampling.Page page = images.sample(stream.id(), streams.fragments(stream), request);
        out.startArray("Images");
        for (ImageSampling.Sample sample : page.samples()) {
            out.startObject().timestamp("TimeStamp", Instant.ofEpochMilli(sample.timestampMillis()));
            ImageResult result = sample.result().orElse(null);
            if (result instanceof ImageResult.Encoded picture) {
                out.string("ImageContent", Base64.getEncoder().encodeToString(picture.content()));
            } else {
                out.string("Error", result == null ? "NO_MEDIA" : "MEDIA_ERROR");
            }
            out.endObject();
        }
        out.endArray().string("NextToken", page.nextToken());
    }

    private static ImageOptions options(Input in) {
        ImageOptions options = "PNG".equals(in.string("Format").orElseThrow()) ? ImageOptions.png()
            : ImageOptions.jpeg(jpegQuality(in.has("FormatConfig") ? in.stringMap("FormatConfig") : Map.of()));
        return options.withSize(in.integer("WidthPixels").orElse(0), in.integer("HeightPixels").orElse(0));
    }

    private static int jpegQuality(Map<String, String> config) {
        String quality = config.get("JPEGQuality");
        if (quality == null) {
            return ImageOptions.DEFAULT_JPEG_QUALITY;
        }
        try {
            int value = Integer.parseInt(quality);
            if (value >= 1 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw VideoErrorType.INVALID_ARGUMENT.exception("JPEGQuality must be a whole number from 1 to 100.");
    }
}
