# Sourced by the benchmark scripts: builds the tests module (and what it needs) and prints the
# runtime classpath of dev.freshet.bench: tests/target/classes plus its dependencies; with a second
# argument "test", the test classpath instead (test-classes too, and the test-scope destinations the
# delivery benchmark runs as their own processes: s3proxy, OpenSearch). Both goals run
# in one reactor so freshet-datastreams resolves to the jar just built, never to a stale copy in
# ~/.m2. Tests are compiled (the WebRTC generator uses the webrtc and signaling test-jars) but not run.
# BENCH_MVN_OPTS adds Maven options, e.g. -o to build offline.
bench_classpath() {
  local root="$1" scope="${2:-runtime}" out classes
  out="$(mktemp /tmp/freshet-bench-cp.XXXXXX)"
  (cd "$root" && mvn -q -B ${BENCH_MVN_OPTS:-} -pl tests -am -DskipTests package \
      dependency:build-classpath -DincludeScope="$scope" -Dmdep.outputFile="$out") >&2 || { rm -f "$out"; return 1; }
  # every module of the reactor writes the file; the tests module comes last
  grep -q 'jmh-core' "$out" || { echo "classpath of the tests module not found in $out" >&2; rm -f "$out"; return 1; }
  classes="$root/tests/target/classes"
  if [[ "$scope" == test ]]; then classes="$root/tests/target/test-classes:$classes"; fi
  echo "$classes:$(cat "$out")"
  rm -f "$out"
}
