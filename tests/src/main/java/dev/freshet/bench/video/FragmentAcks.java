package dev.freshet.bench.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The acknowledgements of one PutMedia upload, matched to its fragments. A fragment (one GOP, one
 * Cluster) is complete, as far as anyone can know, when the next GOP's keyframe is written: that
 * instant is noted under the fragment's Cluster timestamp, which PutMedia echoes as
 * {@code FragmentTimecode}; the PERSISTED ack carrying it ends the durable-ack latency.
 *
 * <pre>
 *  {"EventType":"BUFFERING"|"RECEIVED"|"PERSISTED"|"ERROR"|"IDLE","FragmentTimecode":ms,"FragmentNumber":"…"}
 * </pre>
 *
 * <p>Thread-safe: the upload's writer notes completions while its reader handles acks.
 */
final class FragmentAcks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String stream;
    private final IngestStats stats;
    /** Cluster timestamp → when the fragment became complete, for fragments not yet PERSISTED. */
    private final Map<Long, Long> completed = new ConcurrentHashMap<>();
    private long open = -1;

    FragmentAcks(String stream, IngestStats stats) {
        this.stream = stream;
        this.stats = stats;
    }

    /** The writer is about to send a new Cluster: the one open until now is complete. */
    void clusterStarts(long timestampMillis, long nanos) {
        if (open >= 0) {
            completed.put(open, nanos);
        }
        open = timestampMillis;
    }

    /** One line of the ack stream. */
    void onAck(String line, long nanos) {
        JsonNode ack;
        try {
            ack = JSON.readTree(line);
        } catch (IOException e) {
            stats.errorAck(stream, "not JSON: " + line);
            return;
        }
        switch (ack.path("EventType").asText()) {
            case "PERSISTED" -> {
                Long complete = completed.remove(ack.path("FragmentTimecode").asLong(-1));
                if (complete != null) {
                    stats.persisted(complete, nanos);
                }
            }
            case "ERROR" -> stats.errorAck(stream, line);
            default -> {
                // BUFFERING, RECEIVED and IDLE only say the upload is alive
            }
        }
    }

    /** Fragments completed inside the window and still not PERSISTED; call once the upload is over. */
    int unacknowledged(Window window) {
        return (int) completed.values().stream().filter(window::contains).count();
    }
}
