package dev.freshet.bench.video;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads presentation times out of fragmented MP4 (ISO/IEC 14496-12): which track is the video
 * track and its timescale, from an init segment; and the earliest presentation time of that track's
 * samples in a media segment or LL-HLS part.
 *
 * <pre>
 *  init   moov/trak ├ tkhd: track_ID
 *                   └ mdia ├ mdhd: timescale
 *                          └ hdlr: handler_type 'vide'
 *  media  moof/traf ├ tfhd: track_ID [base_data_offset 0x01] [sample_description_index 0x02]
 *                   │       [default_sample_duration 0x08] ...
 *                   ├ tfdt: baseMediaDecodeTime (v0 32 bits, v1 64 bits)
 *                   └ trun: sample_count [data_offset 0x001] [first_sample_flags 0x004]
 *                           per sample: [duration 0x100] [size 0x200] [flags 0x400] [composition offset 0x800]
 *  PTS(i) = tfdt + sum of the durations before i + composition offset(i)
 * </pre>
 *
 * <p>Stateless; thread-safe.
 */
final class Mp4Times {

    /** The video track of an init segment. */
    record VideoTrack(long trackId, long timescale) {
    }

    private record Box(String type, int payload, int end) {
    }

    private Mp4Times() {
    }

    static VideoTrack videoTrack(byte[] init) {
        ByteBuffer b = ByteBuffer.wrap(init);
        for (Box trak : children(b, only(b, 0, init.length, "moov"), "trak")) {
            Box mdia = only(b, trak, "mdia");
            Box hdlr = only(b, mdia, "hdlr");
            if ("vide".equals(fourCc(b, hdlr.payload + 8))) {
                return new VideoTrack(trackId(b, only(b, trak, "tkhd")), timescale(b, only(b, mdia, "mdhd")));
            }
        }
        throw new IllegalArgumentException("the init segment has no video track");
    }

    /** The earliest presentation time of the video samples, in epoch microseconds when the times are absolute. */
    static OptionalLong earliestVideoMicros(byte[] media, VideoTrack video) {
        ByteBuffer b = ByteBuffer.wrap(media);
        long earliest = Long.MAX_VALUE;
        for (Box moof : children(b, 0, media.length, "moof")) {
            for (Box traf : children(b, moof, "traf")) {
                Box tfhd = only(b, traf, "tfhd");
                if (Integer.toUnsignedLong(b.getInt(tfhd.payload + 4)) == video.trackId()) {
                    earliest = Math.min(earliest, earliestTicks(b, traf, tfhd));
                }
            }
        }
        return earliest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(micros(earliest, video.timescale()));
    }

    /** Ticks to microseconds without overflow: epoch times at 90 kHz times 10^6 exceed a long. */
    private static long micros(long ticks, long timescale) {
        return ticks / timescale * 1_000_000L + ticks % timescale * 1_000_000L / timescale;
    }

    private static long earliestTicks(ByteBuffer b, Box traf, Box tfhd) {
        Box tfdt = only(b, traf, "tfdt");
        long decode = b.get(tfdt.payload) == 1 ? b.getLong(tfdt.payload + 4)
            : Integer.toUnsignedLong(b.getInt(tfdt.payload + 4));
        long defaultDuration = defaultDuration(b, tfhd);
        long earliest = Long.MAX_VALUE;
        for (Box trun : children(b, traf, "trun")) {
            int version = b.get(trun.payload);
            int flags = b.getInt(trun.payload) & 0xFFFFFF;
            int count = b.getInt(trun.payload + 4);
            int at = trun.payload + 8 + ((flags & 0x001) != 0 ? 4 : 0) + ((flags & 0x004) != 0 ? 4 : 0);
            for (int i = 0; i < count; i++) {
                long duration = defaultDuration;
                if ((flags & 0x100) != 0) {
                    duration = Integer.toUnsignedLong(b.getInt(at));
                    at += 4;
                }
                at += ((flags & 0x200) != 0 ? 4 : 0) + ((flags & 0x400) != 0 ? 4 : 0);
                long offset = 0;
                if ((flags & 0x800) != 0) {
                    offset = version == 0 ? Integer.toUnsignedLong(b.getInt(at)) : b.getInt(at);
                    at += 4;
                }
                if (duration < 0) {
                    throw new IllegalArgumentException("a sample without a duration (trex defaults are not read)");
                }
                earliest = Math.min(earliest, decode + offset);
                decode += duration;
            }
        }
        return earliest;
    }

    /** tfhd's default_sample_duration, or -1 when absent. */
    private static long defaultDuration(ByteBuffer b, Box tfhd) {
        int flags = b.getInt(tfhd.payload) & 0xFFFFFF;
        if ((flags & 0x08) == 0) {
            return -1;
        }
        int at = tfhd.payload + 8 + ((flags & 0x01) != 0 ? 8 : 0) + ((flags & 0x02) != 0 ? 4 : 0);
        return Integer.toUnsignedLong(b.getInt(at));
    }

    private static long trackId(ByteBuffer b, Box tkhd) {
        int skip = b.get(tkhd.payload) == 1 ? 16 : 8;
        return Integer.toUnsignedLong(b.getInt(tkhd.payload + 4 + skip));
    }

    private static long timescale(ByteBuffer b, Box mdhd) {
        int skip = b.get(mdhd.payload) == 1 ? 16 : 8;
        return Integer.toUnsignedLong(b.getInt(mdhd.payload + 4 + skip));
    }

    private static Box only(ByteBuffer b, Box parent, String type) {
        return only(b, parent.payload, parent.end, type);
    }

    private static Box only(ByteBuffer b, int from, int to, String type) {
        List<Box> found = children(b, from, to, type);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no " + type + " box");
        }
        return found.get(0);
    }

    private static List<Box> children(ByteBuffer b, Box parent, String type) {
        return children(b, parent.payload, parent.end, type);
    }

    /** The boxes of {@code type} directly within {@code [from, to)}. */
    private static List<Box> children(ByteBuffer b, int from, int to, String type) {
        List<Box> found = new ArrayList<>();
        int at = from;
        while (at + 8 <= to) {
            long size = Integer.toUnsignedLong(b.getInt(at));
            int header = 8;
            if (size == 1) {
                size = b.getLong(at + 8);
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < header || at + size > to) {
                throw new IllegalArgumentException("box " + fourCc(b, at + 4) + " overruns its parent");
            }
            if (fourCc(b, at + 4).equals(type)) {
                found.add(new Box(type, at + header, (int) (at + size)));
            }
            at += (int) size;
        }
        return found;
    }

    private static String fourCc(ByteBuffer b, int at) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) (b.get(at + i) & 0xFF);
        }
        return new String(c);
    }
}
