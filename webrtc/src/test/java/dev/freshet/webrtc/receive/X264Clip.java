package dev.freshet.webrtc.receive;

import dev.freshet.fragments.codec.AnnexB;
import dev.freshet.fragments.codec.H264Nals;
import dev.freshet.fragments.codec.LengthPrefixed;
import dev.freshet.fragments.codec.NalUnit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Access units (AVCC, 4-byte lengths) of a short x264 clip with one slice per picture and an IDR
 * exactly every 10 pictures, so an access unit ends at each slice.
 */
public final class X264Clip {

    private X264Clip() {
    }

    public static List<byte[]> accessUnits(Path dir, int pictures) throws IOException, InterruptedException {
        Path out = dir.resolve("gop10.h264");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
            "testsrc2=size=320x240:rate=25", "-frames:v", Integer.toString(pictures), "-c:v", "libx264",
            "-preset", "ultrafast", "-x264-params", "keyint=10:min-keyint=10:scenecut=0", "-f", "h264",
            out.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
            ffmpeg.destroyForcibly();
            throw new AssertionError("ffmpeg with libx264 is needed to encode the test clip");
        }
        return accessUnits(Files.readAllBytes(out));
    }

    /**
     * An Annex B stream cut into access units (AVCC, 4-byte lengths), each ending at a slice: right
     * for x264 output with one slice per picture.
     */
    public static List<byte[]> accessUnits(byte[] annexB) {
        List<byte[]> units = new ArrayList<>();
        List<NalUnit> unit = new ArrayList<>();
        for (NalUnit nal : AnnexB.split(annexB)) {
            unit.add(nal);
            if (H264Nals.isSlice(nal)) {
                units.add(LengthPrefixed.join(unit, 4));
                unit = new ArrayList<>();
            }
        }
        return units;
    }
}
