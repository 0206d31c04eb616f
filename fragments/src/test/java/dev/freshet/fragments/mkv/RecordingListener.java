package dev.freshet.fragments.mkv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Keeps every parser event, and a one-line rendering of each for comparisons. */
final class RecordingListener implements MkvStreamParser.Listener {

    final List<String> events = new ArrayList<>();
    final List<MkvCluster> clusters = new ArrayList<>();
    final List<MkvBlock> blocks = new ArrayList<>();
    final List<MkvTracks> tracks = new ArrayList<>();
    final List<MkvInfo> infos = new ArrayList<>();
    final List<List<MkvSimpleTag>> tags = new ArrayList<>();

    @Override
    public void onEbmlHeader(EbmlHeader header) {
        events.add("ebml " + header);
    }

    @Override
    public void onSegmentStart() {
        events.add("segment");
    }

    @Override
    public void onInfo(MkvInfo info) {
        infos.add(info);
        events.add("info " + info);
    }

    @Override
    public void onTracks(MkvTracks t) {
        tracks.add(t);
        events.add("tracks " + t);
    }

    @Override
    public void onClusterStart() {
        events.add("cluster-start");
    }

    @Override
    public void onBlock(long clusterTimecode, long timecodeScaleNanos, MkvBlock block) {
        blocks.add(block);
        events.add("block tc=" + clusterTimecode + " scale=" + timecodeScaleNanos + render(block));
    }

    @Override
    public void onCluster(MkvCluster cluster) {
        clusters.add(cluster);
        StringBuilder s = new StringBuilder("cluster tc=" + cluster.timecode() + " scale="
            + cluster.timecodeScaleNanos() + " size=" + cluster.sizeBytes());
        cluster.blocks().forEach(b -> s.append(render(b)));
        events.add(s.toString());
    }

    private static String render(MkvBlock b) {
        StringBuilder s = new StringBuilder(" [").append(b.track()).append('@').append(b.relativeTimecode())
            .append(b.keyframe() ? "K" : "").append(b.duration().isPresent() ? " d" + b.duration().getAsLong() : "");
        b.frames().forEach(f -> s.append(' ').append(f.length).append('#').append(Arrays.hashCode(f)));
        return s.append(']').toString();
    }

    @Override
    public void onTags(List<MkvSimpleTag> t) {
        tags.add(t);
        events.add("tags " + t);
    }

    @Override
    public void onSegmentEnd() {
        events.add("segment-end");
    }

    /** The kind of each event (its first word), blocks left out. */
    List<String> kinds() {
        return events.stream().map(e -> e.split(" ")[0]).filter(kind -> !kind.equals("block")).toList();
    }

    /** Parses {@code bytes} whole with default limits and finishes. */
    static RecordingListener parse(byte[] bytes) {
        RecordingListener listener = new RecordingListener();
        MkvStreamParser parser = new MkvStreamParser(listener);
        parser.feed(bytes, 0, bytes.length);
        parser.finish();
        return listener;
    }

    /** Parses {@code bytes} one octet at a time. */
    static RecordingListener parseByteByByte(byte[] bytes) {
        RecordingListener listener = new RecordingListener();
        MkvStreamParser parser = new MkvStreamParser(listener);
        for (int i = 0; i < bytes.length; i++) {
            parser.feed(bytes, i, 1);
        }
        parser.finish();
        return listener;
    }
}
