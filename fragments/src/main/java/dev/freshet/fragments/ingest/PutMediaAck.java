package dev.freshet.fragments.ingest;

/**
 * One PutMedia acknowledgement, sent as a line of JSON:
 * {@code {"EventType":"PERSISTED","FragmentTimecode":1700000000000,"FragmentNumber":"9134…"}}.
 *
 * @param eventType        BUFFERING, RECEIVED, PERSISTED, ERROR or IDLE
 * @param fragmentTimecode the producer timecode (ms) of the fragment's first frame, or null
 * @param fragmentNumber   the fragment's number, or null
 * @param errorId          the ErrorId of an ERROR, or null
 */
public record PutMediaAck(String eventType, Long fragmentTimecode, String fragmentNumber, Integer errorId) {

    public static PutMediaAck idle() {
        return new PutMediaAck("IDLE", null, null, null);
    }

    public static PutMediaAck error(int errorId, Long fragmentTimecode) {
        return new PutMediaAck("ERROR", fragmentTimecode, null, errorId);
    }

    /** The JSON line, without the trailing newline. */
    public String json() {
        StringBuilder out = new StringBuilder(128).append("{\"EventType\":\"").append(eventType).append('"');
        if (fragmentTimecode != null) {
            out.append(",\"FragmentTimecode\":").append(fragmentTimecode);
        }
        if (fragmentNumber != null) {
            out.append(",\"FragmentNumber\":\"").append(fragmentNumber).append('"');
        }
        if (errorId != null) {
            out.append(",\"ErrorId\":").append(errorId);
        }
        return out.append('}').toString();
    }
}
