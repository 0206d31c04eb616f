# Sourced by the benchmark scripts: stops the server they started (its pid in $server_pid),
# politely first (SIGTERM, so it closes its logs cleanly), then for good after $1 tenths of a second.
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
