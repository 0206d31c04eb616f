package dev.freshet.fragments.testmedia;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one {@code trak} of a classic (moov-described) MP4 back into a {@link Track} and its
 * frames: stsd for the codec and its configuration, stts/ctts/elst for the times, stss for
 * keyframes, stsc/stsz/stco/co64 for where each sample's bytes are. Test code only; it reads what
 * ffmpeg writes and what Freshet's {@code Mp4ClipWriter} writes.
 */
record SampleTables(Track track, List<SourceMedia.TimedFrame> frames) {

    static SampleTables read(IsoBox trak, byte[] file, long epochMicros) {
        IsoBox tkhd = trak.child("tkhd");
        int trackId = (int) tkhd.u32(tkhd.u8(0) == 1 ? 20 : 12);
        IsoBox mdhd = trak.child("mdia/mdhd");
        long timescale = mdhd.u32(mdhd.u8(0) == 1 ? 20 : 12);
        IsoBox stbl = trak.child("mdia/minf/stbl");
        Track track = track(trackId, stbl.child("stsd").childrenAt(8).get(0));
        long[] dts = decodeTimes(stbl.child("stts"));
        long[] cts = column(stbl.child("ctts"), dts.length);
        long mediaTime = mediaTime(trak.child("edts/elst"));
        int[] sizes = sizes(stbl.child("stsz"));
        long[] offsets = sampleOffsets(stbl, sizes);
        boolean[] sync = sync(stbl.child("stss"), dts.length);
        List<SourceMedia.TimedFrame> frames = new ArrayList<>();
        for (int i = 0; i < dts.length; i++) {
            long pts = micros(dts[i] + cts[i] - mediaTime, timescale) + epochMicros;
            long next = i + 1 < dts.length ? dts[i + 1] : dts[i] + (dts.length > 1 ? dts[i] - dts[i - 1] : 0);
            long duration = micros(next, timescale) - micros(dts[i], timescale);
            byte[] data = Arrays.copyOfRange(file, (int) offsets[i], (int) offsets[i] + sizes[i]);
            Frame frame = new Frame(trackId, pts, duration, sync[i], data);
            frames.add(new SourceMedia.TimedFrame(frame, micros(dts[i] - mediaTime, timescale) + epochMicros));
        }
        return new SampleTables(track, frames);
    }

    private static long micros(long ticks, long timescale) {
        return Math.floorDiv(ticks * 1_000_000 + timescale / 2, timescale);
    }

    private static Track track(int id, IsoBox entry) {
        return switch (entry.type()) {
            case "avc1", "avc3" -> Track.video(id, Codec.H264, config(entry, 78, "avcC"), entry.u16(24), entry.u16(26));
            case "hvc1", "hev1" -> Track.video(id, Codec.H265, config(entry, 78, "hvcC"), entry.u16(24), entry.u16(26));
            case "mp4a" -> Track.audio(id, Codec.AAC, decoderSpecificInfo(child(entry, 28, "esds")), rate(entry),
                entry.u16(16));
            case "Opus" -> Track.audio(id, Codec.OPUS, opusHead(child(entry, 28, "dOps")), 48_000, entry.u16(16));
            default -> throw new AssertionError("unexpected sample entry " + entry.type());
        };
    }

    private static int rate(IsoBox audioEntry) {
        return (int) (audioEntry.u32(24) >>> 16);
    }

    private static IsoBox child(IsoBox entry, int offset, String type) {
        return entry.childrenAt(offset).stream().filter(b -> b.type().equals(type)).findFirst().orElseThrow();
    }

    private static byte[] config(IsoBox entry, int offset, String type) {
        return child(entry, offset, type).payloadBytes();
    }

    /** The DecoderSpecificInfo (tag 5) inside the esds's ES_Descriptor. */
    static byte[] decoderSpecificInfo(IsoBox esds) {
        byte[] p = esds.payloadBytes();
        for (int at = 4; at < p.length; ) {
            int tag = p[at++] & 0xFF;
            int length = 0;
            int b;
            do {
                b = p[at++] & 0xFF;
                length = (length << 7) | (b & 0x7F);
            } while ((b & 0x80) != 0);
            switch (tag) {
                case 0x03 -> at += 3;
                case 0x04 -> at += 13;
                case 0x05 -> {
                    return Arrays.copyOfRange(p, at, at + length);
                }
                default -> at += length;
            }
        }
        throw new AssertionError("no DecoderSpecificInfo");
    }

    /** dOps (big-endian, version 0) back to an OpusHead (little-endian, version 1). */
    static byte[] opusHead(IsoBox dOps) {
        byte[] p = dOps.payloadBytes();
        byte[] head = new byte[8 + p.length];
        System.arraycopy("OpusHead".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, head, 0, 8);
        System.arraycopy(p, 0, head, 8, p.length);
        head[8] = 1;
        reverse(head, 10, 2);
        reverse(head, 12, 4);
        reverse(head, 16, 2);
        return head;
    }

    private static void reverse(byte[] b, int at, int n) {
        for (int i = 0; i < n / 2; i++) {
            byte t = b[at + i];
            b[at + i] = b[at + n - 1 - i];
            b[at + n - 1 - i] = t;
        }
    }

    private static long[] decodeTimes(IsoBox stts) {
        long[] deltas = column(stts, -1);
        long[] dts = new long[deltas.length];
        for (int i = 1; i < dts.length; i++) {
            dts[i] = dts[i - 1] + deltas[i - 1];
        }
        return dts;
    }

    /** Expands a run-length (count, value) table; value signed as in ctts v1. Absent: zeros. */
    private static long[] column(IsoBox table, int size) {
        if (table == null) {
            return new long[size];
        }
        List<Long> values = new ArrayList<>();
        for (int entry = 0; entry < table.u32(4); entry++) {
            long count = table.u32(8 + entry * 8);
            long value = (int) table.u32(12 + entry * 8);
            for (long i = 0; i < count; i++) {
                values.add(value);
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static long mediaTime(IsoBox elst) {
        if (elst == null) {
            return 0;
        }
        boolean v1 = elst.u8(0) == 1;
        for (int entry = 0; entry < elst.u32(4); entry++) {
            long time = v1 ? elst.u64(8 + entry * 20 + 8) : (int) elst.u32(8 + entry * 12 + 4);
            if (time >= 0) {
                return time;
            }
        }
        return 0;
    }

    private static int[] sizes(IsoBox stsz) {
        int count = (int) stsz.u32(8);
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) {
            sizes[i] = stsz.u32(4) != 0 ? (int) stsz.u32(4) : (int) stsz.u32(12 + 4 * i);
        }
        return sizes;
    }

    private static long[] sampleOffsets(IsoBox stbl, int[] sizes) {
        IsoBox stco = stbl.child("stco");
        IsoBox co64 = stbl.child("co64");
        int chunks = (int) (stco != null ? stco.u32(4) : co64.u32(4));
        IsoBox stsc = stbl.child("stsc");
        long[] offsets = new long[sizes.length];
        int sample = 0;
        for (int chunk = 0; chunk < chunks; chunk++) {
            long offset = stco != null ? stco.u32(8 + 4 * chunk) : co64.u64(8 + 8 * chunk);
            for (int i = 0; i < samplesInChunk(stsc, chunk + 1); i++, sample++) {
                offsets[sample] = offset;
                offset += sizes[sample];
            }
        }
        return offsets;
    }

    private static long samplesInChunk(IsoBox stsc, int chunk) {
        long samples = 0;
        for (int entry = 0; entry < stsc.u32(4) && stsc.u32(8 + entry * 12) <= chunk; entry++) {
            samples = stsc.u32(12 + entry * 12);
        }
        return samples;
    }

    private static boolean[] sync(IsoBox stss, int count) {
        boolean[] sync = new boolean[count];
        if (stss == null) {
            Arrays.fill(sync, true);
            return sync;
        }
        for (int i = 0; i < stss.u32(4); i++) {
            sync[(int) stss.u32(8 + 4 * i) - 1] = true;
        }
        return sync;
    }
}
