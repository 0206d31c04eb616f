package dev.freshet.tests.webrtc.support;

import dev.freshet.signaling.whip.JavaCamera;
import dev.freshet.webrtc.depacketize.H264Packetizer;
import dev.freshet.webrtc.depacketize.RtpPayload;
import dev.freshet.webrtc.rtcp.GenericNack;
import dev.freshet.webrtc.rtcp.RtcpPacket;
import dev.freshet.webrtc.rtp.OutgoingRtpPacket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A healthy WHIP publisher for the length of a test: a {@link JavaCamera} that POSTs its offer,
 * connects, and sends a recorded x264 clip over and over in real time, its RTP sequence numbers and
 * timestamps running on across the loops, and answers the server's NACKs from the packets it sent.
 *
 * <p>Thread-safe: one scheduler thread sends, the camera's receive thread answers NACKs, counters
 * may be read from any thread.
 */
public final class LoopingCamera implements AutoCloseable {

    /** Sent packets kept for NACKs: about 2 s of the clip. */
    private static final int HISTORY = 1024;

    private final List<List<byte[]>> pictures;
    private final int fps;
    private final JavaCamera camera = new JavaCamera(this::feedback);
    private final ConcurrentHashMap<Integer, byte[]> sent = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pacing = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "looping-camera");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong retransmitted = new AtomicLong();
    private final AtomicLong sendErrors = new AtomicLong();
    private String offer;
    private String answer;
    private URI location;
    private long frame;
    private int sequenceNumber;

    private LoopingCamera(List<byte[]> accessUnits, int fps) {
        H264Packetizer packetizer = new H264Packetizer(1200, 4, 0);
        this.pictures = accessUnits.stream().map(unit -> packetizer.packetize(unit, 0).stream()
                .map(RtpPayload::toByteArray).toList()).toList();
        this.fps = fps;
    }

    /**
     * POSTs the camera's offer to {@code whip} (failing unless 201), connects, and starts sending
     * {@code accessUnits} (AVCC, 4-byte lengths, the first an IDR) at {@code fps} in a loop.
     */
    public static LoopingCamera publish(URI whip, List<byte[]> accessUnits, int fps) throws Exception {
        LoopingCamera looping = new LoopingCamera(accessUnits, fps);
        try {
            looping.start(whip);
            return looping;
        } catch (Exception | Error e) {
            looping.close();
            throw e;
        }
    }

    private void start(URI whip) throws Exception {
        offer = camera.offer();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(whip)
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(offer)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("WHIP POST " + whip + ": " + response.statusCode() + " " + response.body());
        }
        answer = response.body();
        location = whip.resolve(response.headers().firstValue("Location").orElseThrow());
        camera.connect(answer);
        pacing.scheduleAtFixedRate(this::sendPicture, 0, 1_000_000_000L / fps, TimeUnit.NANOSECONDS);
    }

    /** The offer the camera published with. */
    public String offer() {
        return offer;
    }

    /** The server's answer. */
    public String answer() {
        return answer;
    }

    /** The session's resource (DELETE ends it). */
    public URI location() {
        return location;
    }

    /** RTP packets sent, retransmissions not counted. */
    public long packetsSent() {
        return packetsSent.get();
    }

    /** Packets sent again for the server's NACKs. */
    public long retransmitted() {
        return retransmitted.get();
    }

    /** Packets that could not be sent (no keys, a socket error). */
    public long sendErrors() {
        return sendErrors.get();
    }

    private void sendPicture() {
        List<byte[]> payloads = pictures.get((int) (frame % pictures.size()));
        long timestamp = frame * 90_000L / fps & 0xFFFF_FFFFL;
        for (int i = 0; i < payloads.size(); i++) {
            int seq = sequenceNumber;
            sequenceNumber = seq + 1 & 0xFFFF;
            byte[] rtp = OutgoingRtpPacket.of(i == payloads.size() - 1, JavaCamera.PAYLOAD_TYPE, seq, timestamp,
                    JavaCamera.SSRC, payloads.get(i)).encode();
            sent.put(seq, rtp);
            sent.remove(seq - HISTORY & 0xFFFF);
            if (send(rtp)) {
                packetsSent.incrementAndGet();
            }
        }
        frame++;
    }

    /** The server's RTCP, on the camera's receive thread: NACKed packets go again. */
    private void feedback(List<RtcpPacket> packets) {
        for (RtcpPacket packet : packets) {
            if (packet instanceof GenericNack nack && nack.mediaSsrc() == JavaCamera.SSRC) {
                for (int seq : nack.lost()) {
                    byte[] rtp = sent.get(seq);
                    if (rtp != null && send(rtp)) {
                        retransmitted.incrementAndGet();
                    }
                }
            }
        }
    }

    private boolean send(byte[] rtp) {
        try {
            if (camera.send(rtp)) {
                return true;
            }
        } catch (IOException | UncheckedIOException e) {
            // counted: a lost packet, which the server would NACK
        }
        sendErrors.incrementAndGet();
        return false;
    }

    /** Stops sending and closes the transport (the server ends the session when it falls silent). */
    @Override
    public void close() {
        pacing.shutdownNow();
        camera.close();
    }
}
