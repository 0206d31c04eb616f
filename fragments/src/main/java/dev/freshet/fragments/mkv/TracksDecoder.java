package dev.freshet.fragments.mkv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decodes the Data of a Tracks element (RFC 9559 section 5.1.4); unlisted children are skipped.
 *
 * <pre>
 *  Tracks 0x1654AE6B
 *   └ TrackEntry 0xAE (one per track)
 *      ├ TrackNumber 0xD7        ├ CodecID 0x86 (string)   ├ Video 0xE0
 *      ├ TrackType 0x83          ├ CodecPrivate 0x63A2     │  ├ PixelWidth 0xB0
 *      ├ Name 0x536E             ├ DefaultDuration 0x23E383│  └ PixelHeight 0xBA
 *      │                         │   (ns per frame)        └ Audio 0xE1
 *      │                         │                            ├ SamplingFrequency 0xB5 (float, 8000)
 *      │                         │                            └ Channels 0x9F (1)
 * </pre>
 *
 * TrackNumbers must be unique, non-zero and fit an int; TrackType and CodecID are mandatory.
 *
 * <p>Stateless; thread-safe.
 */
final class TracksDecoder {

    private TracksDecoder() {
    }

    static MkvTracks decode(EbmlReader r, int maxTracks) {
        List<MkvTrackEntry> entries = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        while (r.hasMore()) {
            ElementHeader h = r.readHeader();
            if (h.id() != MkvIds.TRACK_ENTRY) {
                r.skip(h.size());
                continue;
            }
            if (entries.size() == maxTracks) {
                throw new MkvException(MkvError.TOO_MANY_TRACKS, "more than " + maxTracks + " tracks");
            }
            MkvTrackEntry entry = new TrackEntryBuilder().read(r.child(h.size())).build();
            if (!numbers.add(entry.number())) {
                throw MkvException.invalid("TrackNumber " + entry.number() + " defined twice");
            }
            entries.add(entry);
        }
        return new MkvTracks(entries);
    }

    /** Collects one TrackEntry's fields. Not thread-safe. */
    private static final class TrackEntryBuilder {
        private long number;
        private long type;
        private String codecId;
        private byte[] codecPrivate = new byte[0];
        private String name = "";
        private long defaultDuration;
        private long width;
        private long height;
        private double samplingFrequency;
        private long channels;

        TrackEntryBuilder read(EbmlReader r) {
            while (r.hasMore()) {
                ElementHeader h = r.readHeader();
                switch (h.id()) {
                    case MkvIds.TRACK_NUMBER -> number = r.readUnsigned(h.size());
                    case MkvIds.TRACK_TYPE -> type = r.readUnsigned(h.size());
                    case MkvIds.CODEC_ID -> codecId = r.readString(h.size());
                    case MkvIds.CODEC_PRIVATE -> codecPrivate = r.readBinary(h.size());
                    case MkvIds.NAME -> name = r.readString(h.size());
                    case MkvIds.DEFAULT_DURATION -> defaultDuration = r.readUnsigned(h.size());
                    case MkvIds.VIDEO -> readVideo(r.child(h.size()));
                    case MkvIds.AUDIO -> readAudio(r.child(h.size()));
                    default -> r.skip(h.size());
                }
            }
            return this;
        }

        private void readVideo(EbmlReader r) {
            while (r.hasMore()) {
                ElementHeader h = r.readHeader();
                switch (h.id()) {
                    case MkvIds.PIXEL_WIDTH -> width = r.readUnsigned(h.size());
                    case MkvIds.PIXEL_HEIGHT -> height = r.readUnsigned(h.size());
                    default -> r.skip(h.size());
                }
            }
        }

        private void readAudio(EbmlReader r) {
            samplingFrequency = 8000.0;
            channels = 1;
            while (r.hasMore()) {
                ElementHeader h = r.readHeader();
                switch (h.id()) {
                    case MkvIds.SAMPLING_FREQUENCY -> samplingFrequency = r.readFloat(h.size());
                    case MkvIds.CHANNELS -> channels = r.readUnsigned(h.size());
                    default -> r.skip(h.size());
                }
            }
        }

        MkvTrackEntry build() {
            if (number < 1 || number > Integer.MAX_VALUE) {
                throw MkvException.invalid("TrackNumber " + Long.toUnsignedString(number));
            }
            if (type < 1 || type > 254 || codecId == null) {
                throw MkvException.invalid("track " + number + " lacks a TrackType or CodecID");
            }
            checkRange("PixelWidth", width, Integer.MAX_VALUE);
            checkRange("PixelHeight", height, Integer.MAX_VALUE);
            checkRange("Channels", channels, Integer.MAX_VALUE);
            checkRange("DefaultDuration", defaultDuration, Long.MAX_VALUE);
            if (!(samplingFrequency >= 0 && samplingFrequency <= Integer.MAX_VALUE)) {
                throw MkvException.invalid("SamplingFrequency " + samplingFrequency);
            }
            return new MkvTrackEntry((int) number, (int) type, codecId, codecPrivate, (int) width, (int) height,
                samplingFrequency, (int) channels, name, defaultDuration);
        }

        private static void checkRange(String what, long value, long max) {
            if (value < 0 || value > max) {
                throw MkvException.invalid(what + " " + Long.toUnsignedString(value) + " out of range");
            }
        }
    }
}
