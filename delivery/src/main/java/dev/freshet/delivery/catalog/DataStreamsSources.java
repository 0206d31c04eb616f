package dev.freshet.delivery.catalog;

import dev.freshet.datastreams.kinesis.DataStreams;
import dev.freshet.datastreams.kinesis.KinesisException;
import dev.freshet.datastreams.kinesis.StreamRef;
import java.util.Optional;

/** {@link SourceStreams} over the server's Kinesis Data Streams (its public API only). Thread-safe. */
public final class DataStreamsSources implements SourceStreams {

    private final DataStreams dataStreams;

    public DataStreamsSources(DataStreams dataStreams) {
        this.dataStreams = dataStreams;
    }

    @Override
    public Optional<String> streamName(String streamArn) {
        try {
            return Optional.of(dataStreams.streams().describeSummary(StreamRef.byArn(streamArn)).name());
        } catch (KinesisException e) {
            return Optional.empty();
        }
    }
}
