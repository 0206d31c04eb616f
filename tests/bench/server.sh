# Sourced by the benchmark scripts: the server they start has its pid in $server_pid and logs to
# $work/server.log.

# A TCP port of 127.0.0.1 free right now.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits up to 30 s for the server to listen on $1; fails at once if it exits.
wait_for_port() {
  local port="$1"
  for _ in $(seq 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    kill -0 "$server_pid" 2>/dev/null || { echo "server exited; log:" >&2; tail -20 "$work/server.log" >&2; return 1; }
    sleep 0.1
  done
  echo "server did not listen on $port" >&2; return 1
}

# Stops the server, politely first (SIGTERM, so it closes its logs cleanly), then for good after $1
# tenths of a second.
stop_server() {
  local tries="${1:-50}"
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq "$tries"); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}

# After a generator run ($1 its exit status; its stdout in $work/gen.out, stderr in $work/gen.err):
# prints the report, appends the JSON line to $out, shows the generator's errors, and fails when
# the server has gone; the first WARN/ERROR lines of the server's log are shown either way.
report_run() {
  local status="$1" gone=0 problems
  grep -v '^{' "$work/gen.out" || true
  # other processes' CPU is in the figures too (otherProcessesCores); the load average says the same coarsely
  echo "load after: $(uptime | sed 's/.*load average/load average/')"
  grep '^{' "$work/gen.out" | tee -a "$out" || true
  if [[ $status -ne 0 ]]; then
    echo "the generator reported failures (exit $status); its stderr:" >&2
    tail -40 "$work/gen.err" >&2
  fi
  kill -0 "$server_pid" 2>/dev/null || { echo "the server is gone; last log lines:" >&2; tail -40 "$work/server.log" >&2; gone=1; }
  problems="$(grep -cE ' (WARN|ERROR) |Exception' "$work/server.log" || true)"
  if [[ "$problems" -gt 0 ]]; then
    echo "server log: $problems WARN/ERROR/exception lines; the first ones:" >&2
    grep -E ' (WARN|ERROR) |Exception' "$work/server.log" | head -20 >&2
  fi
  return "$gone"
}
