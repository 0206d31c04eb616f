package dev.freshet.bench.jmh;

import dev.freshet.datastreams.log.AppendRecord;
import dev.freshet.datastreams.log.AppendResult;
import dev.freshet.datastreams.log.Durability;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Append throughput of one shard log: each operation appends a batch of {@value #BATCH} records of
 * {@value #RECORD_BYTES} bytes (a full PutRecords call) and waits for its acknowledgement. Scores are
 * records per second; multiply by 1,024 for payload bytes per second.
 *
 * <p>{@code appendOneThread} and {@code appendFourThreads} share nothing but the method: each trial
 * gets its own log. The log is recreated every iteration so the disk use stays bounded (about 0.5 KiB
 * of segment per record).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AppendBenchmark {

    static final int BATCH = 500;
    static final int RECORD_BYTES = 1024;

    @Param({"OS", "FSYNC"})
    public Durability durability;

    private List<AppendRecord> batch;
    private TempShardLog log;

    @Setup(Level.Trial)
    public void makeBatch() {
        batch = TempShardLog.batch(BATCH, RECORD_BYTES, 42);
    }

    @Setup(Level.Iteration)
    public void openLog() {
        log = new TempShardLog(durability);
    }

    @TearDown(Level.Iteration)
    public void removeLog() {
        log.close();
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public AppendResult appendOneThread() {
        return log.log().append(batch).join();
    }

    @Benchmark
    @Threads(4)
    @OperationsPerInvocation(BATCH)
    public AppendResult appendFourThreads() {
        return log.log().append(batch).join();
    }
}
