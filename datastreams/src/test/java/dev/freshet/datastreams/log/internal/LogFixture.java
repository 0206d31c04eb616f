package dev.freshet.datastreams.log.internal;

import dev.freshet.datastreams.log.AppendRecord;
import dev.freshet.datastreams.log.AppendResult;
import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.LogConfig;
import dev.freshet.datastreams.log.LogRecord;
import dev.freshet.datastreams.log.ShardLog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Helpers shared by the log tests: engines over a temp folder, records with recognisable data. */
final class LogFixture {

    static final Duration DAY = Duration.ofHours(24);

    private LogFixture() {
    }

    static FileLogEngine engine(Path root, ManualClock clock) {
        return new FileLogEngine(root, clock, Duration.ofHours(1));
    }

    static LogConfig config(long segmentBytes) {
        return new LogConfig(segmentBytes, Duration.ofDays(365), DAY, 256, Durability.OS);
    }

    static AppendRecord record(String key, String data) {
        return new AppendRecord(key, data.getBytes(StandardCharsets.UTF_8));
    }

    static List<AppendRecord> batch(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> record("key-" + (i % 7), prefix + "-" + i)).toList();
    }

    static AppendResult append(ShardLog log, List<AppendRecord> records) {
        return log.append(records).join();
    }

    static String text(LogRecord record) {
        return new String(record.data(), StandardCharsets.UTF_8);
    }

    static List<LogRecord> readAll(ShardLog log) {
        List<LogRecord> all = new ArrayList<>();
        long next = log.startSequence();
        while (true) {
            var result = log.read(next, 1000, 1 << 20);
            all.addAll(result.records());
            if (result.records().isEmpty()) {
                return all;
            }
            next = result.nextSequence();
        }
    }
}
