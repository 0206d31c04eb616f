package dev.freshet.web.kinesis;

import dev.freshet.datastreams.kinesis.KinesisErrorType;
import dev.freshet.datastreams.kinesis.KinesisException;
import dev.freshet.datastreams.kinesis.ShardSubscription;
import dev.freshet.datastreams.kinesis.SubscriptionEvent;
import dev.freshet.web.protocol.AwsError;
import dev.freshet.web.protocol.EventStreamEncoder;
import dev.freshet.web.protocol.OutputWriter;
import dev.freshet.web.protocol.WireFormat;
import dev.freshet.web.server.StreamingResponse;
import io.undertow.server.HttpServerExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drives one SubscribeToShard response without holding a thread: writes the
 * {@code initial-response} event, then a SubscribeToShardEvent whenever the shard log wakes it
 * with new records (or every {@link #HEARTBEAT_MILLIS} when idle), until the shard ends, the
 * subscription's lifetime runs out, a newer subscription takes over (a ResourceInUseException
 * frame), or the client goes away. Works the same over HTTP/2 and chunked HTTP/1.1.
 *
 * <p>Steps run one at a time: each is scheduled only after the previous write completed.
 */
final class SubscriptionPump {

    static final long HEARTBEAT_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionPump.class);

    private final HttpServerExchange exchange;
    private final ShardSubscription subscription;
    private final WireFormat format;
    private final Executor worker;
    private final ScheduledExecutorService timer;
    private final InstantSource clock;
    private long lastSentMillis;
    private volatile boolean done;
    private final StreamingResponse response;

    SubscriptionPump(HttpServerExchange exchange, ShardSubscription subscription, WireFormat format, Executor worker,
                     ScheduledExecutorService timer, InstantSource clock) {
        this.exchange = exchange;
        this.subscription = subscription;
        this.format = format;
        this.worker = worker;
        this.timer = timer;
        this.clock = clock;
        this.response = new StreamingResponse(exchange, failure -> {
            done = true;
            LOG.atDebug().setMessage("subscriber went away").addKeyValue("shard", subscription.shardId())
                .setCause(failure).log();
        });
    }

    void start() {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, EventStreamEncoder.CONTENT_TYPE);
        exchange.addExchangeCompleteListener((ex, next) -> {
            done = true;
            next.proceed();
        });
        lastSentMillis = clock.millis();
        write(EventStreamEncoder.initialResponse(format), false);
    }

    private void step() {
        if (done) {
            return;
        }
        try {
            long now = clock.millis();
            if (subscription.isSuperseded()) {
                write(EventStreamEncoder.exception(AwsError.resourceInUse(
                    "Another subscription of this consumer to shard " + subscription.shardId() + " took over."), format), true);
            } else if (now >= subscription.expiresAtMillis()) {
                finish();
            } else {
                deliverOrWait(now);
            }
        } catch (KinesisException e) {
            write(EventStreamEncoder.exception(KinesisErrors.of(e), format), true);
        } catch (RuntimeException e) {
            LOG.atError().setMessage("subscription failed").addKeyValue("shard", subscription.shardId()).setCause(e).log();
            write(EventStreamEncoder.exception(KinesisErrors.of(KinesisErrorType.INTERNAL_FAILURE, "Internal failure"), format), true);
        }
    }

    private void deliverOrWait(long now) {
        Optional<SubscriptionEvent> event = subscription.poll(now);
        if (event.isPresent()) {
            lastSentMillis = now;
            write(encode(event.get()), event.get().isShardEnd());
            return;
        }
        long pacing = subscription.pacingDelayMillis();
        if (pacing > 0) {
            timer.schedule(() -> worker.execute(this::step), pacing, TimeUnit.MILLISECONDS);
            return;
        }
        long untilHeartbeat = lastSentMillis + HEARTBEAT_MILLIS - now;
        if (untilHeartbeat <= 0) {
            lastSentMillis = now;
            write(encode(subscription.heartbeat(now)), false);
            return;
        }
        long wait = Math.min(untilHeartbeat, subscription.expiresAtMillis() - now);
        CompletableFuture<Void> records = subscription.awaitRecords();
        CompletableFuture<Void> wake = new CompletableFuture<>();
        records.thenRun(() -> wake.complete(null));
        ScheduledFuture<?> heartbeat = timer.schedule(() -> wake.complete(null), Math.max(1, wait), TimeUnit.MILLISECONDS);
        wake.thenRunAsync(() -> {
            records.cancel(false);
            heartbeat.cancel(false);
            step();
        }, worker);
    }

    private ByteBuffer encode(SubscriptionEvent event) {
        OutputWriter out = OutputWriter.create(format).startObject();
        Responses.records(out, event.records());
        out.string("ContinuationSequenceNumber", event.continuationSequenceNumber())
            .number("MillisBehindLatest", event.millisBehindLatest());
        Responses.childShards(out, event.childShards());
        byte[] payload = out.endObject().toByteArray();
        return EventStreamEncoder.event(EventStreamEncoder.SUBSCRIBE_TO_SHARD_EVENT, payload, format);
    }

    /** Sends the frame; then takes the next step, or ends the response if {@code last}. */
    private void write(ByteBuffer frame, boolean last) {
        response.send(frame, last ? this::finish : () -> worker.execute(this::step));
    }

    private void finish() {
        done = true;
        response.end();
    }
}
