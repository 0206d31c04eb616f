package dev.freshet.fragments.media;

import java.util.Optional;

/**
 * The codecs Freshet stores and plays back (no transcoding), with their Matroska codec ids.
 *
 * <p>What {@link Track#codecPrivate()} and each {@link Frame#data()} hold, per codec:
 * <ul>
 *   <li>H264: CodecPrivate is an {@code AVCDecoderConfigurationRecord} (avcC, ISO/IEC 14496-15
 *   5.3.3); frame data is length-prefixed NAL units (the length size comes from avcC, normally 4
 *   bytes) — the same bytes in MKV SimpleBlocks and MP4 samples.</li>
 *   <li>H265: CodecPrivate is an {@code HEVCDecoderConfigurationRecord} (hvcC, 14496-15 8.3.3);
 *   frame data as for H264.</li>
 *   <li>AAC: CodecPrivate is the {@code AudioSpecificConfig} (ISO/IEC 14496-3 1.6.2.1); frame data is
 *   one raw access unit (no ADTS header).</li>
 *   <li>OPUS: CodecPrivate is the {@code OpusHead} (RFC 7845 5.1); frame data is one Opus packet.</li>
 * </ul>
 */
public enum Codec {
    H264(MediaKind.VIDEO, "V_MPEG4/ISO/AVC"),
    H265(MediaKind.VIDEO, "V_MPEGH/ISO/HEVC"),
    AAC(MediaKind.AUDIO, "A_AAC"),
    OPUS(MediaKind.AUDIO, "A_OPUS");

    private final MediaKind kind;
    private final String mkvCodecId;

    Codec(MediaKind kind, String mkvCodecId) {
        this.kind = kind;
        this.mkvCodecId = mkvCodecId;
    }

    public MediaKind kind() {
        return kind;
    }

    /** The id Freshet writes into Matroska output. */
    public String mkvCodecId() {
        return mkvCodecId;
    }

    /**
     * The codec a Matroska CodecID names: {@code V_MPEG4/ISO/AVC} (what producers send) and
     * {@code V_MPEG/ISO/AVC} (what the KVS docs write), {@code V_MPEGH/ISO/HEVC}, {@code A_AAC} and
     * its profile-suffixed forms ({@code A_AAC/MPEG4/LC}…), {@code A_OPUS}.
     */
    public static Optional<Codec> fromMkvCodecId(String codecId) {
        if (codecId == null) {
            return Optional.empty();
        }
        return switch (codecId) {
            case "V_MPEG4/ISO/AVC", "V_MPEG/ISO/AVC" -> Optional.of(H264);
            case "V_MPEGH/ISO/HEVC" -> Optional.of(H265);
            case "A_OPUS" -> Optional.of(OPUS);
            default -> codecId.startsWith("A_AAC") ? Optional.of(AAC) : Optional.empty();
        };
    }
}
