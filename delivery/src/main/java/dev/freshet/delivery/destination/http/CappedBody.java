package dev.freshet.delivery.destination.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a cap and stops reading past it, so an endpoint answering
 * megabytes of garbage cannot make delivery hold them in memory. The Lambda processor reads
 * function answers with it too.
 *
 * @param bytes what was read (at most the cap)
 * @param tooLarge whether the body went past the cap (then {@code bytes} is incomplete)
 */
public record CappedBody(byte[] bytes, boolean tooLarge) {

    /** A subscriber for one response. Not thread-safe; the HTTP client calls it serially. */
    public static BodySubscriber<CappedBody> subscriber(int cap) {
        return new Subscriber(cap);
    }

    private static final class Subscriber implements BodySubscriber<CappedBody> {
        private final int cap;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<CappedBody> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Subscriber(int cap) {
            this.cap = cap;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                if (out.size() + item.remaining() > cap) {
                    subscription.cancel();
                    result.complete(new CappedBody(out.toByteArray(), true));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(new CappedBody(out.toByteArray(), false));
        }

        @Override
        public CompletionStage<CappedBody> getBody() {
            return result;
        }
    }
}
