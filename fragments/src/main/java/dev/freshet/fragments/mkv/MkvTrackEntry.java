package dev.freshet.fragments.mkv;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Track;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One TrackEntry as the producer wrote it (RFC 9559 section 5.1.4.1), before Freshet decides
 * whether it can store its codec.
 *
 * @param number               TrackNumber, what blocks refer to (1..)
 * @param type                 TrackType: 1 video, 2 audio, others as written
 * @param codecId              the raw CodecID, such as {@code V_MPEG4/ISO/AVC}
 * @param codecPrivate         CodecPrivate, empty when absent
 * @param width                Video PixelWidth, 0 when absent
 * @param height               Video PixelHeight, 0 when absent
 * @param samplingFrequency    Audio SamplingFrequency in Hz, 0 when the track has no Audio element
 * @param channels             Audio Channels, 0 when the track has no Audio element
 * @param name                 Name, empty when absent
 * @param defaultDurationNanos DefaultDuration, nanoseconds per frame, 0 when absent
 */
public record MkvTrackEntry(int number, int type, String codecId, byte[] codecPrivate, int width, int height,
                            double samplingFrequency, int channels, String name, long defaultDurationNanos) {

    public MkvTrackEntry {
        Objects.requireNonNull(codecId, "codecId");
        Objects.requireNonNull(codecPrivate, "codecPrivate");
        Objects.requireNonNull(name, "name");
    }

    /** The codec Freshet knows the CodecID as, if any. */
    public Optional<Codec> codec() {
        return Codec.fromMkvCodecId(codecId);
    }

    /** The canonical track, or empty when the codec is not one Freshet stores. */
    public Optional<Track> toTrack() {
        return codec().map(c -> new Track(number, c, codecPrivate, width, height,
            (int) Math.round(samplingFrequency), channels, name));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MkvTrackEntry e && number == e.number && type == e.type
            && codecId.equals(e.codecId) && Arrays.equals(codecPrivate, e.codecPrivate) && width == e.width
            && height == e.height && Double.compare(samplingFrequency, e.samplingFrequency) == 0
            && channels == e.channels && name.equals(e.name) && defaultDurationNanos == e.defaultDurationNanos;
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, type, codecId, Arrays.hashCode(codecPrivate), width, height, samplingFrequency,
            channels, name, defaultDurationNanos);
    }

    @Override
    public String toString() {
        return "MkvTrackEntry[" + number + " type=" + type + " " + codecId + " " + width + "x" + height + " "
            + samplingFrequency + "Hz/" + channels + "ch private=" + codecPrivate.length + "B name=" + name
            + " defaultDuration=" + defaultDurationNanos + "ns]";
    }
}
