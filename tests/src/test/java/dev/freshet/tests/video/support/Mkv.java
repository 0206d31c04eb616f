package dev.freshet.tests.video.support;

import dev.freshet.tests.video.support.Ebml.Header;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Matroska document held in memory, read with {@link Ebml}: its tracks, its clusters (with timecodes
 * and blocks) and the SimpleTags of its Tags elements. Also splits a byte stream of several documents
 * (what GetMedia and GetMediaForFragmentList send: one EBML header + Segment per fragment) into documents.
 *
 * <pre>
 *   EBML header | Segment( Info Tracks [Tags] Cluster( Timecode SimpleBlock… ) … [Tags] )
 * </pre>
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class Mkv {
    private final byte[] bytes;
    private final long timecodeScaleNanos;
    private final List<Track> tracks = new ArrayList<>();
    private final List<Cluster> clusters = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final long firstClusterOffset;

    public record Track(long number, long type, String codecId, boolean hasCodecPrivate, long width, long height,
                        Header codecPrivate) {
        public boolean video() {
            return type == 1;
        }
    }

    public record Block(long track, int relativeTimecode, boolean keyframe, int size, Header element) {
    }

    /** A cluster: where its bytes are, its absolute timecode in milliseconds, its blocks. */
    public record Cluster(long offset, long end, long timecodeMillis, Header timecode, List<Block> blocks) {
        public int length() {
            return (int) (end - offset);
        }

        public long videoFrames(long videoTrack) {
            return blocks.stream().filter(b -> b.track() == videoTrack).count();
        }

        /** Block sizes per track number, in order: what must survive storage and re-muxing unchanged. */
        public Map<Long, List<Integer>> frameSizesPerTrack() {
            Map<Long, List<Integer>> out = new java.util.TreeMap<>();
            blocks.forEach(b -> out.computeIfAbsent(b.track(), t -> new ArrayList<>()).add(b.size()));
            return out;
        }
    }

    public Mkv(byte[] bytes) {
        this.bytes = bytes;
        Header segment = Ebml.children(bytes, 0, bytes.length).stream().filter(h -> h.id() == Ebml.SEGMENT)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no Segment element"));
        long scale = 1_000_000;
        long firstCluster = -1;
        for (Header child : Ebml.children(bytes, segment.dataStart(), segment.end())) {
            if (child.id() == Ebml.INFO) {
                Header s = Ebml.first(bytes, child, Ebml.TIMECODE_SCALE);
                scale = s == null ? scale : Ebml.readUnsigned(bytes, s);
            } else if (child.id() == Ebml.TRACKS) {
                readTracks(child);
            } else if (child.id() == Ebml.CLUSTER) {
                firstCluster = firstCluster < 0 ? child.offset() : firstCluster;
                clusters.add(readCluster(child, scale));
            } else if (child.id() == Ebml.TAGS) {
                readTags(child);
            }
        }
        this.timecodeScaleNanos = scale;
        this.firstClusterOffset = firstCluster < 0 ? segment.end() : firstCluster;
    }

    public static Mkv read(Path file) {
        try {
            return new Mkv(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits concatenated Matroska documents at each top-level EBML header. */
    public static List<Mkv> documents(byte[] stream) {
        List<Mkv> out = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        for (Header h : Ebml.children(stream, 0, stream.length)) {
            if (h.id() == Ebml.EBML) {
                starts.add(h.offset());
            }
        }
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i).intValue();
            int to = i + 1 < starts.size() ? starts.get(i + 1).intValue() : stream.length;
            out.add(new Mkv(Arrays.copyOfRange(stream, from, to)));
        }
        return out;
    }

    public byte[] bytes() {
        return bytes;
    }

    /** Everything before the first cluster: EBML header, Segment header, Info, Tracks, leading Tags. */
    public byte[] head() {
        return Arrays.copyOfRange(bytes, 0, (int) firstClusterOffset);
    }

    public byte[] clusterBytes(int index) {
        Cluster c = clusters.get(index);
        return Arrays.copyOfRange(bytes, (int) c.offset(), (int) c.end());
    }

    public long timecodeScaleNanos() {
        return timecodeScaleNanos;
    }

    public List<Track> tracks() {
        return tracks;
    }

    public Track videoTrack() {
        return tracks.stream().filter(Track::video).findFirst().orElseThrow();
    }

    public List<Cluster> clusters() {
        return clusters;
    }

    /** SimpleTag name → string value, over every Tags element of the document. */
    public Map<String, String> tags() {
        return tags;
    }

    private void readTracks(Header tracksElement) {
        for (Header entry : Ebml.children(bytes, tracksElement.dataStart(), tracksElement.end())) {
            if (entry.id() != Ebml.TRACK_ENTRY) {
                continue;
            }
            long number = 0;
            long type = 0;
            String codec = "";
            Header codecPrivate = null;
            long width = 0;
            long height = 0;
            for (Header f : Ebml.children(bytes, entry.dataStart(), entry.end())) {
                if (f.id() == Ebml.TRACK_NUMBER) {
                    number = Ebml.readUnsigned(bytes, f);
                } else if (f.id() == Ebml.TRACK_TYPE) {
                    type = Ebml.readUnsigned(bytes, f);
                } else if (f.id() == Ebml.CODEC_ID) {
                    codec = Ebml.readString(bytes, f);
                } else if (f.id() == Ebml.CODEC_PRIVATE) {
                    codecPrivate = f;
                } else if (f.id() == Ebml.VIDEO) {
                    Header w = Ebml.first(bytes, f, Ebml.PIXEL_WIDTH);
                    Header h = Ebml.first(bytes, f, Ebml.PIXEL_HEIGHT);
                    width = w == null ? 0 : Ebml.readUnsigned(bytes, w);
                    height = h == null ? 0 : Ebml.readUnsigned(bytes, h);
                }
            }
            tracks.add(new Track(number, type, codec, codecPrivate != null, width, height, codecPrivate));
        }
    }

    private Cluster readCluster(Header cluster, long scale) {
        Header timecode = null;
        List<Block> blocks = new ArrayList<>();
        for (Header child : Ebml.children(bytes, cluster.dataStart(), cluster.end())) {
            if (child.id() == Ebml.TIMECODE) {
                timecode = child;
            } else if (child.id() == Ebml.SIMPLE_BLOCK) {
                blocks.add(block(child, (bytes[blockFlagsAt(child)] & 0x80) != 0, child));
            } else if (child.id() == Ebml.BLOCK_GROUP) {
                Header block = Ebml.first(bytes, child, Ebml.BLOCK);
                boolean referenced = Ebml.first(bytes, child, Ebml.REFERENCE_BLOCK) != null;
                if (block != null) {
                    blocks.add(block(block, !referenced, child));
                }
            }
        }
        long ticks = timecode == null ? 0 : Ebml.readUnsigned(bytes, timecode);
        return new Cluster(cluster.offset(), cluster.end(), ticks * scale / 1_000_000, timecode, List.copyOf(blocks));
    }

    private Block block(Header block, boolean keyframe, Header element) {
        int pos = (int) block.dataStart();
        int trackLength = Integer.numberOfLeadingZeros(bytes[pos] & 0xFF) - 23;
        long track = bytes[pos] & (0xFF >> trackLength);
        for (int i = 1; i < trackLength; i++) {
            track = (track << 8) | (bytes[pos + i] & 0xFF);
        }
        int relative = (short) (((bytes[pos + trackLength] & 0xFF) << 8) | (bytes[pos + trackLength + 1] & 0xFF));
        return new Block(track, relative, keyframe, (int) block.size(), element);
    }

    private int blockFlagsAt(Header block) {
        int pos = (int) block.dataStart();
        int trackLength = Integer.numberOfLeadingZeros(bytes[pos] & 0xFF) - 23;
        return pos + trackLength + 2;
    }

    /** The SimpleTags (name → string) of one complete Tags element. */
    public static Map<String, String> readSimpleTags(byte[] tagsElement) {
        Map<String, String> out = new LinkedHashMap<>();
        readTags(tagsElement, Ebml.header(tagsElement, 0), out);
        return out;
    }

    private void readTags(Header tagsElement) {
        readTags(bytes, tagsElement, tags);
    }

    private static void readTags(byte[] bytes, Header tagsElement, Map<String, String> tags) {
        for (Header tag : Ebml.children(bytes, tagsElement.dataStart(), tagsElement.end())) {
            if (tag.id() != Ebml.TAG) {
                continue;
            }
            for (Header simple : Ebml.children(bytes, tag.dataStart(), tag.end())) {
                if (simple.id() == Ebml.SIMPLE_TAG) {
                    Header name = Ebml.first(bytes, simple, Ebml.TAG_NAME);
                    Header value = Ebml.first(bytes, simple, Ebml.TAG_STRING);
                    if (name != null) {
                        tags.put(Ebml.readString(bytes, name), value == null ? "" : Ebml.readString(bytes, value));
                    }
                }
            }
        }
    }
}
