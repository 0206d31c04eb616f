package dev.freshet.webrtc.depacketize;

import dev.freshet.fragments.codec.AnnexB;
import dev.freshet.fragments.codec.H264Nals;
import dev.freshet.fragments.codec.LengthPrefixed;
import dev.freshet.fragments.codec.NalUnit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A short x264 clip as the access units a camera would send: ffmpeg writes Annex B with an access
 * unit delimiter before each access unit, which is where it is cut; each comes back as AVCC.
 */
record H264Clip(List<byte[]> accessUnitsWithAud) {

    /** Encodes {@code frames} frames of testsrc2 at 320x240 (two slices, a keyframe every 10). */
    static H264Clip encode(Path dir, int frames) {
        Path out = dir.resolve("clip.h264");
        run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25",
            "-frames:v", Integer.toString(frames), "-c:v", "libx264", "-preset", "ultrafast", "-g", "10",
            "-x264-params", "aud=1:slices=2", "-f", "h264", out.toString()));
        try {
            return new H264Clip(cutAtDelimiters(AnnexB.split(Files.readAllBytes(out))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same access units without their delimiters, as the depacketizer gives them. */
    List<byte[]> accessUnits() {
        return accessUnitsWithAud.stream().map(unit -> LengthPrefixed.join(LengthPrefixed.split(unit, 4).stream()
            .filter(nal -> nal.h264Type() != H264Nals.ACCESS_UNIT_DELIMITER).toList(), 4)).toList();
    }

    private static List<byte[]> cutAtDelimiters(List<NalUnit> nals) {
        List<byte[]> units = new ArrayList<>();
        List<NalUnit> current = new ArrayList<>();
        for (NalUnit nal : nals) {
            if (nal.h264Type() == H264Nals.ACCESS_UNIT_DELIMITER && !current.isEmpty()) {
                units.add(LengthPrefixed.join(current, 4));
                current = new ArrayList<>();
            }
            current.add(nal);
        }
        units.add(LengthPrefixed.join(current, 4));
        return units;
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " failed (ffmpeg with libx264 needed): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
