package dev.freshet.web.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every request an id, as AWS does: a random UUID in {@code x-amzn-RequestId} and random
 * bytes in {@code x-amz-id-2}, set on the response before anything else runs so that every answer,
 * errors included, carries them. The id stays on the exchange for logs ({@link #of}).
 *
 * <p>Ids come from {@link ThreadLocalRandom}: unique enough to correlate logs, not secrets.
 * Thread-safe.
 */
public final class RequestIdHandler implements HttpHandler {

    public static final HttpString REQUEST_ID_HEADER = new HttpString("x-amzn-RequestId");
    public static final HttpString ID_2_HEADER = new HttpString("x-amz-id-2");
    private static final AttachmentKey<String> REQUEST_ID = AttachmentKey.create(String.class);
    private static final int ID_2_BYTES = 48;

    private final HttpHandler next;

    RequestIdHandler(HttpHandler next) {
        this.next = next;
    }

    /** The id of this exchange's request, or {@code "-"} outside the server's chain. */
    public static String of(HttpServerExchange exchange) {
        String id = exchange.getAttachment(REQUEST_ID);
        return id != null ? id : "-";
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String id = newRequestId();
        exchange.putAttachment(REQUEST_ID, id);
        exchange.getResponseHeaders().put(REQUEST_ID_HEADER, id);
        exchange.getResponseHeaders().put(ID_2_HEADER, newId2());
        next.handleRequest(exchange);
    }

    /** A version 4 (random) UUID, without the locking of {@link UUID#randomUUID()}'s SecureRandom. */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    private static String newId2() {
        byte[] bytes = new byte[ID_2_BYTES];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
