package dev.freshet.bench.jmh;

import dev.freshet.datastreams.log.AppendRecord;
import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.ReadResult;
import dev.freshet.datastreams.log.ShardLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sequential read throughput: a reader walks a prefilled log ({@value #PREFILL} records of 1 KiB,
 * about 100 MiB, three segments, in the page cache) {@value #READ} records per call, wrapping to the
 * start at the end, as a GetRecords poller or a subscription catching up would. Scores are records
 * per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class ReadBenchmark {

    static final int PREFILL = 100_000;
    static final int READ = 1_000;
    private static final long MAX_BYTES = 10L * 1024 * 1024;

    private TempShardLog log;
    private long position;

    @Setup(Level.Trial)
    public void fill() {
        log = new TempShardLog(Durability.OS);
        List<AppendRecord> batch = TempShardLog.batch(AppendBenchmark.BATCH, AppendBenchmark.RECORD_BYTES, 7);
        for (int written = 0; written < PREFILL; written += batch.size()) {
            log.log().append(batch).join();
        }
    }

    @TearDown(Level.Trial)
    public void remove() {
        log.close();
    }

    @Benchmark
    @OperationsPerInvocation(READ)
    public ReadResult readThousand() {
        ShardLog shard = log.log();
        ReadResult result = shard.read(position, READ, MAX_BYTES);
        position = result.nextSequence() >= shard.endSequence() ? 0 : result.nextSequence();
        return result;
    }
}
