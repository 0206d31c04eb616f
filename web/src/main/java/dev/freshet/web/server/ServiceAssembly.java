package dev.freshet.web.server;

import dev.freshet.web.firehose.FirehoseModule;
import dev.freshet.web.firehose.ServerDeliveryEngine;
import dev.freshet.web.kinesis.KinesisModule;
import dev.freshet.web.video.KinesisVideoModule;

import java.util.List;

/**
 * The service modules this build of Freshet serves, in the order they open (and the reverse of the
 * order they close). A service joins the server by adding its factory here, for example
 * {@code new KinesisModule.Factory()} registering handler prefix {@code Kinesis_20131202}, or
 * {@code new KinesisVideoModule.Factory()} registering the REST-JSON paths of Kinesis Video Streams,
 * or the Firehose module answering {@code Firehose_20150804}.
 * Until a module is listed, every {@code X-Amz-Target} call answers
 * {@code UnknownOperationException}; {@code /health} and {@code /metrics} work regardless.
 *
 * <p>Stateless, thread-safe.
 */
public final class ServiceAssembly {

    private ServiceAssembly() {
    }

    public static List<FreshetModule.Factory> factories() {
        KinesisModule.Factory kinesis = new KinesisModule.Factory();
        // delivery streams read data streams, so Firehose opens after Kinesis (and closes, with its
        // delivery engine, before it); the server closes the shard logs after every module
        return List.of(kinesis, new KinesisVideoModule.Factory(), new FirehoseModule.Factory(kinesis::dataStreams,
            context -> ServerDeliveryEngine.open(context, kinesis.dataStreams())));
    }
}
