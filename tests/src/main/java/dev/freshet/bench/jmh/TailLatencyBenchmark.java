package dev.freshet.bench.jmh;

import dev.freshet.datastreams.log.AppendRecord;
import dev.freshet.datastreams.log.AppendResult;
import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.ShardLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Append→readable latency: one thread appends a batch and waits until a separate {@link TailReader}
 * thread, woken through {@link ShardLog#awaitBeyond}, has read the batch's last record. The sample
 * covers encoding, the write (and the force with FSYNC), publishing the new end, the reader's wake-up
 * and its read. Appends are issued back to back, so this is latency at the log's closed-loop rate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class TailLatencyBenchmark {

    @Param({"OS", "FSYNC"})
    public Durability durability;

    @Param({"1", "500"})
    public int records;

    private List<AppendRecord> batch;
    private TempShardLog log;
    private TailReader reader;

    @Setup(Level.Trial)
    public void makeBatch() {
        batch = TempShardLog.batch(records, AppendBenchmark.RECORD_BYTES, 11);
    }

    @Setup(Level.Iteration)
    public void start() {
        log = new TempShardLog(durability);
        reader = new TailReader(log.log());
    }

    @TearDown(Level.Iteration)
    public void stop() {
        reader.close();
        log.close();
    }

    @Benchmark
    public AppendResult appendUntilRead() {
        ShardLog shard = log.log();
        long end = shard.endSequence() + batch.size();
        CompletableFuture<AppendResult> appended = shard.append(batch);
        reader.awaitRead(end);
        return appended.join();
    }
}
