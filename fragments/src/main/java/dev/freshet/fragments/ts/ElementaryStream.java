package dev.freshet.fragments.ts;

import dev.freshet.fragments.codec.AudioSpecificConfig;
import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.fragments.media.Track;

/**
 * How one track travels in the transport stream: its PID, PMT stream_type (ISO/IEC 13818-1 Table
 * 2-34), PES stream_id (Table 2-22) and the writer that turns a stored frame into PES payload.
 * Immutable; thread-safe.
 */
record ElementaryStream(Track track, int pid, int streamType, int streamId, AccessUnitWriter payload) {

    static final int H264 = 0x1B;
    static final int H265 = 0x24;
    static final int AAC_ADTS = 0x0F;

    /** The stream for a track, or null when MPEG-TS for HLS cannot carry its codec (Opus). */
    static ElementaryStream of(Track track, int pid) {
        return switch (track.codec()) {
            case H264 -> new ElementaryStream(track, pid, H264, 0xE0, AnnexBWriter.h264(track.codecPrivate()));
            case H265 -> new ElementaryStream(track, pid, H265, 0xE0, AnnexBWriter.h265(track.codecPrivate()));
            case AAC -> new ElementaryStream(track, pid, AAC_ADTS, 0xC0,
                new AdtsWriter(AudioSpecificConfig.parse(track.codecPrivate())));
            case OPUS -> null;
        };
    }

    /** Whether a segment's tracks include a track of this codec in TS output. */
    static boolean carries(Codec codec) {
        return codec != Codec.OPUS;
    }

    boolean video() {
        return track.kind() == MediaKind.VIDEO;
    }
}
