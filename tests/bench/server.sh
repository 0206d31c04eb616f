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
