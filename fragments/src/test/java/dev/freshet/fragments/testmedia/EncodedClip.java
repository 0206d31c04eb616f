package dev.freshet.fragments.testmedia;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A short test-pattern clip ffmpeg encodes, as a Freshet track and its frames: the avcC/hvcC
 * ffmpeg wrote, and each sample's bytes (length-prefixed NAL units, as in the MP4) with its
 * presentation time, in decode order — read back from the MP4 by {@link SourceMedia#read}.
 *
 * @param mp4    the encoded file
 * @param track  track 1, as the MP4's sample entry describes it
 * @param frames the samples in decode order
 */
public record EncodedClip(Path mp4, Track track, List<Frame> frames) {

    /** Epoch microseconds of the clip's time zero. */
    public static final long EPOCH_MICROS = 1_700_000_000_000_000L;

    /**
     * Encodes {@code seconds} of {@code testsrc2} at {@code size} and {@code rate} with the given
     * codec options (for example {@code -c:v libx264 -profile:v main}).
     */
    public static EncodedClip encode(Path dir, String name, String size, String rate, double seconds,
                                     String... codecOptions) {
        Path mp4 = dir.resolve(name + ".mp4");
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=" + rate,
            "-t", Double.toString(seconds)));
        args.addAll(Arrays.asList(codecOptions));
        args.add(mp4.toString());
        Ffmpeg.ffmpeg(args.toArray(String[]::new));
        SourceMedia media = SourceMedia.read(mp4, EPOCH_MICROS);
        return new EncodedClip(mp4, media.video(), media.framesOf(media.video()));
    }

    /** Presentation times of the frames in display order. */
    public List<Long> displayTimes() {
        return frames.stream().map(Frame::timestampMicros).sorted().toList();
    }

    /**
     * ffmpeg's own decoding of display frame {@code n}, as RGB: what {@code -vf select=eq(n\,K)}
     * gives, with every frame written once on first use.
     */
    public BufferedImage reference(Path dir, int n) {
        String prefix = mp4.getFileName() + "-ref-";
        if (!Files.exists(dir.resolve(prefix + "0001.png"))) {
            Ffmpeg.ffmpeg("-i", mp4.toString(), dir.resolve(prefix + "%04d.png").toString());
        }
        Path png = dir.resolve(String.format("%s%04d.png", prefix, n + 1));
        try {
            return ImageIO.read(png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
