package dev.freshet.bench.webrtc;

import dev.freshet.fragments.codec.H264Nals;
import dev.freshet.webrtc.depacketize.H264Packetizer;
import dev.freshet.webrtc.depacketize.RtpPayload;
import dev.freshet.webrtc.receive.X264Clip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded H.264 stream every publisher replays, packetized once into RTP payloads (Freshet's
 * own packetizer: single NAL units, STAP-A, FU-A, 1,200-byte MTU) so that sending costs a header
 * and SRTP, not packetization. Publishers number the packets themselves.
 *
 * <p>Immutable; thread-safe.
 */
final class Clip {

    static final int MTU = 1200;

    /** One access unit's payloads in order, the last with the marker bit. */
    record Picture(List<byte[]> payloads, boolean keyframe, int bytes) {
    }

    private final String name;
    private final List<Picture> pictures;
    private final int fps;

    private Clip(String name, List<Picture> pictures, int fps) {
        this.name = name;
        this.pictures = pictures;
        this.fps = fps;
    }

    /** Reads an Annex B file with one slice per picture whose first picture is an IDR. */
    static Clip read(Path file, int fps) throws IOException {
        List<byte[]> units = X264Clip.accessUnits(Files.readAllBytes(file));
        if (units.isEmpty() || !H264Nals.isKeyframe(units.get(0), 4)) {
            throw new IOException(file + " does not start with an IDR access unit");
        }
        H264Packetizer packetizer = new H264Packetizer(MTU, 4, 0);
        List<Picture> pictures = new ArrayList<>();
        for (byte[] unit : units) {
            List<byte[]> payloads = packetizer.packetize(unit, 0).stream().map(RtpPayload::toByteArray).toList();
            pictures.add(new Picture(payloads, H264Nals.isKeyframe(unit, 4), unit.length));
        }
        return new Clip(file.getFileName().toString(), List.copyOf(pictures), fps);
    }

    String name() {
        return name;
    }

    int fps() {
        return fps;
    }

    int size() {
        return pictures.size();
    }

    /** The picture sent at frame {@code index} of a publisher's run: the clip loops. */
    Picture picture(long index) {
        return pictures.get((int) (index % pictures.size()));
    }

    /** Media bits per second (access units, without RTP, SRTP, UDP or IP overhead). */
    double bitsPerSecond() {
        long bytes = pictures.stream().mapToLong(Picture::bytes).sum();
        return bytes * 8.0 * fps / pictures.size();
    }

    /** Pictures between two IDRs (the first gap), that is frames per fragment. */
    int keyframeInterval() {
        for (int i = 1; i < pictures.size(); i++) {
            if (pictures.get(i).keyframe()) {
                return i;
            }
        }
        return pictures.size();
    }
}
