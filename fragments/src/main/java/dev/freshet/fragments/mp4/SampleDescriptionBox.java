package dev.freshet.fragments.mp4;

import dev.freshet.fragments.codec.AudioSpecificConfig;
import dev.freshet.fragments.media.Track;

/**
 * {@code stsd} (ISO/IEC 14496-12 8.5.2) with the one sample entry that describes a track:
 * {@code avc1}+{@code avcC}, {@code hvc1}+{@code hvcC}, {@code mp4a}+{@code esds} or
 * {@code Opus}+{@code dOps}.
 *
 * <pre>
 *  full box header | u32 entry_count = 1 | sample entry
 * </pre>
 *
 * Immutable; thread-safe.
 */
record SampleDescriptionBox(Box entry) implements Box {

    /** The description of a track, from its codec and CodecPrivate. */
    static SampleDescriptionBox of(Track track) {
        return new SampleDescriptionBox(switch (track.codec()) {
            case H264 -> new VisualSampleEntry("avc1", track.width(), track.height(), configuration("avcC", track));
            case H265 -> new VisualSampleEntry("hvc1", track.width(), track.height(), configuration("hvcC", track));
            case AAC -> new AudioSampleEntry("mp4a", aacChannels(track), Timescale.of(track).ticksPerSecond(),
                new EsdsBox(track.codecPrivate()));
            case OPUS -> new AudioSampleEntry("Opus", Math.max(1, track.channels()), 48_000,
                OpusSpecificBox.fromOpusHead(track.codecPrivate(), track.channels()));
        });
    }

    private static Box configuration(String type, Track track) {
        if (track.codecPrivate().length == 0) {
            throw new IllegalArgumentException(track + " has no decoder configuration for " + type);
        }
        return new RawBox(type, track.codecPrivate());
    }

    private static int aacChannels(Track track) {
        return track.channels() > 0 ? track.channels()
            : Math.max(1, AudioSpecificConfig.parse(track.codecPrivate()).channels());
    }

    @Override
    public int size() {
        return 16 + entry.size();
    }

    @Override
    public void write(BoxBuffer out) {
        out.fullHeader(size(), "stsd", 0, 0);
        out.u32(1);
        out.box(entry);
    }
}
