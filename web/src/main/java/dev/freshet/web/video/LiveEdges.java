package dev.freshet.web.video;

import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.live.PartPlan;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live side of every video stream, by internal stream id: its {@link LiveEdge} (what LL-HLS
 * serves before fragments are stored) and whether a producer is uploading to it — the service lets
 * one PutMedia connection write a stream at a time.
 *
 * <p>Thread-safe.
 */
final class LiveEdges {

    private final PartPlan plan;
    private final Map<String, LiveEdge> edges = new ConcurrentHashMap<>();
    private final Set<String> uploading = ConcurrentHashMap.newKeySet();

    LiveEdges(PartPlan plan) {
        this.plan = plan;
    }

    PartPlan plan() {
        return plan;
    }

    LiveEdge edge(String streamId) {
        return edges.computeIfAbsent(streamId, id -> new LiveEdge(plan));
    }

    /** Claims the stream for one upload; false while another upload holds it. */
    boolean claimUpload(String streamId) {
        return uploading.add(streamId);
    }

    void releaseUpload(String streamId) {
        uploading.remove(streamId);
    }
}
