package dev.freshet.signaling.channels;

import java.util.List;

/** A peer that writes what it is given as {@code "<name> <sender> <type> <payload>"} or {@code "<name> GO_AWAY"}. */
final class RecordingPeer implements SignalingPeer {

    private final String name;
    private final List<String> events;

    RecordingPeer(String name, List<String> events) {
        this.name = name;
        this.events = events;
    }

    @Override
    public synchronized void deliver(String senderClientId, String messageType, String messagePayloadBase64) {
        events.add(name + " " + senderClientId + " " + messageType + " " + messagePayloadBase64);
    }

    @Override
    public synchronized void goAway() {
        events.add(name + " GO_AWAY");
    }
}
