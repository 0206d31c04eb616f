package dev.freshet.fragments.testmedia;

import java.nio.file.Path;

/**
 * Matroska files shaped like a producer's PutMedia upload — live-style clusters of about one second,
 * one per GOP — for the playback tests that upload them ({@link StoredStream}). Made once per build.
 */
public final class MkvSamples {

    private MkvSamples() {
    }

    /** 4 s of 320x240 H.264 (x264 defaults: High, B-frames) at 25 fps, GOP 25, with AAC-LC 48 kHz mono. */
    public static Path h264Aac() {
        return upload("hls-src-bframes.mkv", "aac");
    }

    /** The same picture with Opus 48 kHz mono, which MPEG-TS does not carry. */
    public static Path h264Opus() {
        return upload("h264-opus.mkv", "libopus");
    }

    private static Path upload(String name, String audioCodec) {
        return Ffmpeg.sample(name, "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i",
            "sine=frequency=440:sample_rate=48000", "-c:v", "libx264", "-g", "25", "-c:a", audioCodec, "-t", "4",
            "-cluster_time_limit", "1100", "-live", "1");
    }
}
