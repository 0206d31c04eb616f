package dev.freshet.fragments.mkv;

import java.util.List;
import java.util.Objects;

/**
 * Reads a PutMedia body (Matroska, RFC 9559, over EBML, RFC 8794) incrementally, as octets arrive
 * in chunks of any size, and reports what it finds to a {@link Listener}.
 *
 * <pre>
 *  stream   := ( EBML-header Segment )*            producers restart with a new header + Segment
 *  Segment  := Info | Tracks | Cluster | Tags | skipped (SeekHead, Cues, Chapters, Attachments,
 *              Void, CRC-32, unknown IDs)
 *  Cluster  := Timestamp ( SimpleBlock | BlockGroup | skipped )*   block times are relative to it
 * </pre>
 *
 * <p>Segment and Cluster may have unknown size (RFC 8794 section 6.2): an unknown-size Cluster ends
 * at the next Segment-level element or EBML header, an unknown-size Segment at the next EBML header
 * or Segment, and both at {@link #finish()}. Info, Tracks, Tags and the EBML header are decoded once
 * complete (at most {@link MkvParserLimits#maxElementBytes()} each). Each block is reported as soon as
 * it is decoded, so an ingest can act on a frame without waiting for its Cluster (producers stream
 * unknown-size Clusters frame by frame); the Cluster is also gathered child by child and reported
 * once complete (at most {@link MkvParserLimits#maxClusterBytes()}; its blocks share their frame
 * bytes with the block events). Skipped elements are never held. Memory is therefore bounded by
 * the element being decoded and the open Cluster.
 *
 * <p>Malformed input raises {@link MkvException}; so may the listener. After any exception the
 * parser is unusable: further calls throw {@link IllegalStateException}.
 *
 * <p>Not thread-safe: one upload, one thread at a time.
 */
public final class MkvStreamParser {

    /** What the parser reports, in stream order. The defaults ignore the event. */
    public interface Listener {
        default void onEbmlHeader(EbmlHeader header) {
        }

        default void onSegmentStart() {
        }

        /** The Segment's Info; its TimecodeScale applies to the Clusters that follow. */
        default void onInfo(MkvInfo info) {
        }

        /** A Tracks element: these tracks apply to the Clusters that follow (replacing earlier ones). */
        default void onTracks(MkvTracks tracks) {
        }

        /** The first octets of a Cluster arrived. */
        default void onClusterStart() {
        }

        /**
         * A block of the open Cluster, as soon as its last octet arrived: its frames start at
         * {@code clusterTimecode + block.relativeTimecode()} in units of {@code timecodeScaleNanos}
         * (see {@link ClusterFrames}). Its track is one the current Tracks define.
         */
        default void onBlock(long clusterTimecode, long timecodeScaleNanos, MkvBlock block) {
        }

        /** A complete Cluster, with the blocks already reported one by one. */
        default void onCluster(MkvCluster cluster) {
        }

        /** A Tags element's TagName/TagString pairs. */
        default void onTags(List<MkvSimpleTag> tags) {
        }

        default void onSegmentEnd() {
        }
    }

    private enum Mode { HEADER, BODY, SKIP }

    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final Listener listener;
    private final MkvParserLimits limits;
    private final byte[] headerBytes = new byte[ElementHeader.MAX_ID_WIDTH + EbmlVint.MAX_WIDTH];
    private int headerFill;
    private Mode mode = Mode.HEADER;
    private ElementHeader current;
    private ElementBody body;
    private long skipRemaining;
    private long position;
    private boolean unusable;

    private boolean ebmlHeaderSeen;
    private boolean inSegment;
    private long segmentEnd;
    private long timecodeScale = MkvInfo.DEFAULT_TIMECODE_SCALE;
    private MkvTracks tracks;
    private ClusterBuilder cluster;

    public MkvStreamParser(Listener listener) {
        this(listener, MkvParserLimits.KVS);
    }

    public MkvStreamParser(Listener listener, MkvParserLimits limits) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Octets consumed so far. */
    public long position() {
        return position;
    }

    /** Parses the next {@code len} octets of the stream; reports every element they complete. */
    public void feed(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        guard(() -> {
            int end = off + len;
            int at = off;
            while (at < end) {
                at += step(buf, at, end - at);
                closeFinished();
            }
        });
    }

    /**
     * The stream ended: reports an open unknown-size Cluster and the open Segment. Fails if the
     * stream stopped inside an element or a sized Cluster; a sized Segment cut short between two
     * elements is accepted (the upload simply ended).
     */
    public void finish() {
        guard(() -> {
            if (mode != Mode.HEADER || headerFill > 0) {
                throw MkvException.invalid("stream ended inside an element, at octet " + position);
            }
            if (cluster != null && !cluster.unknownSize()) {
                throw MkvException.invalid("stream ended inside a sized Cluster");
            }
            endCluster();
            endSegment();
            unusable = true;
        });
    }

    private void guard(Runnable work) {
        if (unusable) {
            throw new IllegalStateException("the parser failed or finished earlier");
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            unusable = true;
            throw e;
        }
    }

    private int step(byte[] buf, int off, int len) {
        return switch (mode) {
            case HEADER -> readHeader(buf, off, len);
            case BODY -> readBody(buf, off, len);
            case SKIP -> skip(len);
        };
    }

    private int readHeader(byte[] buf, int off, int len) {
        int n = Math.min(len, headerBytes.length - headerFill);
        System.arraycopy(buf, off, headerBytes, headerFill, n);
        ElementHeader header = ElementHeader.decode(headerBytes, 0, headerFill + n);
        if (header == null) {
            headerFill += n;
            position += n;
            return n;
        }
        int consumed = header.headerLength() - headerFill;
        headerFill = 0;
        position += consumed;
        onHeader(header);
        return consumed;
    }

    private int readBody(byte[] buf, int off, int len) {
        int n = body.append(buf, off, len);
        position += n;
        if (body.complete()) {
            completeBody();
        }
        return n;
    }

    private int skip(int len) {
        int n = (int) Math.min(len, skipRemaining);
        skipRemaining -= n;
        position += n;
        if (skipRemaining == 0) {
            mode = Mode.HEADER;
        }
        return n;
    }

    private void onHeader(ElementHeader h) {
        checkWithinParent(h);
        if (cluster != null) {
            if (!MkvIds.endsCluster(h.id())) {
                clusterChild(h);
                return;
            }
            requireUnknownSize(cluster.unknownSize(), h, "Cluster");
            endCluster();
        }
        if (inSegment) {
            if (!MkvIds.endsSegment(h.id())) {
                segmentChild(h);
                return;
            }
            requireUnknownSize(segmentEnd == EbmlVint.UNKNOWN_SIZE, h, "Segment");
            endSegment();
        }
        topLevelElement(h);
    }

    private void checkWithinParent(ElementHeader h) {
        long parentEnd = cluster != null && !cluster.unknownSize() ? cluster.end()
            : inSegment ? segmentEnd : EbmlVint.UNKNOWN_SIZE;
        if (parentEnd == EbmlVint.UNKNOWN_SIZE) {
            return;
        }
        if (position > parentEnd || (!h.unknownSize() && h.size() > parentEnd - position)) {
            throw MkvException.invalid(String.format("element 0x%X overruns its parent at octet %d",
                h.id(), position));
        }
    }

    private static void requireUnknownSize(boolean unknownSize, ElementHeader h, String parent) {
        if (!unknownSize) {
            throw MkvException.invalid(String.format("element 0x%X inside a sized %s", h.id(), parent));
        }
    }

    private void topLevelElement(ElementHeader h) {
        switch (h.id()) {
            case MkvIds.EBML -> collect(h, limits.maxElementBytes());
            case MkvIds.SEGMENT -> startSegment(h);
            case MkvIds.VOID, MkvIds.CRC32 -> skip(h);
            default -> throw MkvException.invalid(String.format("element 0x%X outside a Segment", h.id()));
        }
    }

    private void segmentChild(ElementHeader h) {
        switch (h.id()) {
            case MkvIds.INFO, MkvIds.TRACKS, MkvIds.TAGS -> collect(h, limits.maxElementBytes());
            case MkvIds.CLUSTER -> startCluster(h);
            case MkvIds.SIMPLE_BLOCK, MkvIds.BLOCK_GROUP, MkvIds.CLUSTER_TIMECODE ->
                throw MkvException.invalid(String.format("element 0x%X outside a Cluster", h.id()));
            default -> skip(h);
        }
    }

    private void clusterChild(ElementHeader h) {
        requireKnownSize(h);
        cluster.countChild(h);
        switch (h.id()) {
            case MkvIds.CLUSTER_TIMECODE, MkvIds.SIMPLE_BLOCK, MkvIds.BLOCK_GROUP -> collect(h, MAX_ARRAY);
            default -> skip(h);
        }
    }

    private void startSegment(ElementHeader h) {
        if (!ebmlHeaderSeen) {
            throw MkvException.invalid("Segment before any EBML header");
        }
        inSegment = true;
        segmentEnd = h.unknownSize() ? EbmlVint.UNKNOWN_SIZE : position + h.size();
        timecodeScale = MkvInfo.DEFAULT_TIMECODE_SCALE;
        tracks = null;
        listener.onSegmentStart();
    }

    private void startCluster(ElementHeader h) {
        cluster = new ClusterBuilder(h, position, limits.maxClusterBytes());
        listener.onClusterStart();
    }

    private void collect(ElementHeader h, long max) {
        requireKnownSize(h);
        if (h.size() > Math.min(max, MAX_ARRAY)) {
            throw new MkvException(MkvError.FRAGMENT_SIZE_LIMIT,
                String.format("element 0x%X of %d octets exceeds the limit of %d", h.id(), h.size(), max));
        }
        current = h;
        body = new ElementBody((int) h.size());
        mode = Mode.BODY;
        if (body.complete()) {
            completeBody();
        }
    }

    private void skip(ElementHeader h) {
        requireKnownSize(h);
        skipRemaining = h.size();
        mode = skipRemaining == 0 ? Mode.HEADER : Mode.SKIP;
    }

    private static void requireKnownSize(ElementHeader h) {
        if (h.unknownSize()) {
            throw MkvException.invalid(String.format("element 0x%X of unknown size", h.id()));
        }
    }

    private void completeBody() {
        EbmlReader r = body.reader();
        body = null;
        mode = Mode.HEADER;
        switch (current.id()) {
            case MkvIds.EBML -> onEbmlHeader(EbmlHeaderDecoder.decode(r));
            case MkvIds.INFO -> onInfo(InfoDecoder.decode(r));
            case MkvIds.TRACKS -> onTracks(TracksDecoder.decode(r, limits.maxTracks()));
            case MkvIds.TAGS -> listener.onTags(TagsDecoder.decode(r));
            case MkvIds.CLUSTER_TIMECODE -> cluster.timecode(r.readUnsigned(r.remaining()));
            case MkvIds.SIMPLE_BLOCK -> addBlock(BlockDecoder.simpleBlock(r));
            case MkvIds.BLOCK_GROUP -> addBlock(BlockDecoder.blockGroup(r));
            default -> throw new IllegalStateException("collected an element nobody decodes");
        }
    }

    private void onEbmlHeader(EbmlHeader header) {
        ebmlHeaderSeen = true;
        listener.onEbmlHeader(header);
    }

    private void onInfo(MkvInfo info) {
        timecodeScale = info.timecodeScaleNanos();
        listener.onInfo(info);
    }

    private void onTracks(MkvTracks decoded) {
        tracks = decoded;
        listener.onTracks(decoded);
    }

    private void addBlock(MkvBlock block) {
        if (tracks == null) {
            throw MkvException.invalid("block before the Segment's Tracks");
        }
        if (tracks.entry(block.track()).isEmpty()) {
            throw new MkvException(MkvError.TRACK_NUMBER_MISMATCH,
                "block of track " + block.track() + " which Tracks does not define");
        }
        cluster.add(block);
        listener.onBlock(cluster.timecode(), timecodeScale, block);
    }

    /** Ends Clusters and Segments whose known size is used up, or an unknown-size Cluster at its Segment's end. */
    private void closeFinished() {
        if (mode != Mode.HEADER || headerFill > 0) {
            return;
        }
        if (cluster != null && (cluster.end() == position || (cluster.unknownSize() && segmentEnd == position))) {
            endCluster();
        }
        if (inSegment && segmentEnd == position) {
            endSegment();
        }
    }

    private void endCluster() {
        if (cluster != null) {
            MkvCluster done = cluster.build(timecodeScale);
            cluster = null;
            listener.onCluster(done);
        }
    }

    private void endSegment() {
        if (inSegment) {
            inSegment = false;
            listener.onSegmentEnd();
        }
    }
}
