#!/usr/bin/env bash
# JMH benchmarks (dev.freshet.bench.jmh): the shard log's append throughput, sequential reads and
# append→readable latency; decoding and validating a PutRecords request (PutRecordsDecodeBenchmark). Short settings so a
# full run takes about 7 minutes on 2 cores: 1 fork, 2 warm-up iterations of 3 s, 3 measured iterations of 5 s.
#
#   tests/bench/jmh.sh                      # everything
#   tests/bench/jmh.sh AppendBenchmark      # a regex, and any other JMH option, e.g. -p durability=OS
#
# Logs live in fresh folders under /tmp/freshet-jmh-*, removed after each iteration or trial.
# Results: the JMH table on stdout, and JSON in tests/target/jmh-result.json.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/tests/bench/classpath.sh"
cp="$(bench_classpath "$root")"
exec java -cp "$cp" org.openjdk.jmh.Main \
  -f 1 -wi 2 -w 3s -i 3 -r 5s -foe true \
  -rf json -rff "$root/tests/target/jmh-result.json" \
  "$@"
