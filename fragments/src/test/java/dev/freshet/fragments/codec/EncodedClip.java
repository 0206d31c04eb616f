package dev.freshet.fragments.codec;

import dev.freshet.fragments.media.Codec;
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
 * ffmpeg wrote, and each packet's bytes (length-prefixed NAL units, as in the MP4) with its
 * presentation time, in decode order.
 *
 * @param mp4    the encoded file
 * @param track  track 1, CodecPrivate from ffmpeg's extradata, size from ffprobe
 * @param frames the packets in decode order
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
        return read(dir, mp4);
    }

    /** The clip of an existing MP4 file's first video stream. */
    public static EncodedClip read(Path dir, Path mp4) {
        Ffmpeg.StreamInfo info = Ffmpeg.streamInfo(mp4, "v:0");
        Codec codec = "hevc".equals(info.field("codec_name")) ? Codec.H265 : Codec.H264;
        Track track = Track.video(1, codec, info.extradata(), Integer.parseInt(info.field("width")),
            Integer.parseInt(info.field("height")));
        return new EncodedClip(mp4, track, frames(dir, mp4, info.field("time_base").split("/")));
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

    private static List<Frame> frames(Path dir, Path mp4, String[] timeBase) {
        Path raw = dir.resolve(mp4.getFileName() + ".bin");
        Ffmpeg.ffmpeg("-i", mp4.toString(), "-map", "0:v:0", "-c", "copy", "-f", "rawvideo", raw.toString());
        String packets = Ffmpeg.ffprobe("-select_streams", "v:0", "-show_entries", "packet=pts,duration,size,flags",
            "-of", "csv=p=0", mp4.toString());
        try {
            return split(Files.readAllBytes(raw), packets, Long.parseLong(timeBase[0]), Long.parseLong(timeBase[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Frame> split(byte[] raw, String packets, long tbNum, long tbDen) {
        List<Frame> frames = new ArrayList<>();
        int position = 0;
        for (String line : packets.strip().split("\n")) {
            String[] f = line.split(",");
            int size = Integer.parseInt(f[2]);
            long pts = EPOCH_MICROS + Long.parseLong(f[0]) * 1_000_000L * tbNum / tbDen;
            long duration = Long.parseLong(f[1]) * 1_000_000L * tbNum / tbDen;
            frames.add(new Frame(1, pts, duration, f[3].startsWith("K"), Arrays.copyOfRange(raw, position,
                position + size)));
            position += size;
        }
        return frames;
    }
}
