package dev.freshet.fragments.media;

import java.util.Arrays;
import java.util.Objects;

/**
 * One track of a video stream's fragment, as an MKV TrackEntry or an MP4 trak describes it.
 *
 * @param number       the track number frames refer to (Matroska TrackNumber, 1..)
 * @param codec        what the track carries
 * @param codecPrivate decoder configuration (see {@link Codec}); empty when the producer sent none
 * @param width        pixels, video only (0 for audio)
 * @param height       pixels, video only (0 for audio)
 * @param sampleRate   Hz, audio only (0 for video)
 * @param channels     audio only (0 for video)
 * @param name         the producer's track name, may be empty
 */
public record Track(int number, Codec codec, byte[] codecPrivate, int width, int height, int sampleRate, int channels,
                    String name) {

    public Track {
        Objects.requireNonNull(codec, "codec");
        codecPrivate = codecPrivate == null ? new byte[0] : codecPrivate;
        name = name == null ? "" : name;
        if (number < 1) {
            throw new IllegalArgumentException("track numbers start at 1: " + number);
        }
    }

    public MediaKind kind() {
        return codec.kind();
    }

    public static Track video(int number, Codec codec, byte[] codecPrivate, int width, int height) {
        return new Track(number, codec, codecPrivate, width, height, 0, 0, "");
    }

    public static Track audio(int number, Codec codec, byte[] codecPrivate, int sampleRate, int channels) {
        return new Track(number, codec, codecPrivate, 0, 0, sampleRate, channels, "");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Track t && number == t.number && codec == t.codec && width == t.width
            && height == t.height && sampleRate == t.sampleRate && channels == t.channels && name.equals(t.name)
            && Arrays.equals(codecPrivate, t.codecPrivate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, codec, width, height, sampleRate, channels, name, Arrays.hashCode(codecPrivate));
    }

    @Override
    public String toString() {
        return "Track[" + number + " " + codec + " " + (kind() == MediaKind.VIDEO ? width + "x" + height
            : sampleRate + "Hz/" + channels + "ch") + " private=" + codecPrivate.length + "B]";
    }
}
