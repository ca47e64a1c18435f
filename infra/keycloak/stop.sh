#!/usr/bin/env bash
# Stops the Keycloak started by start.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
TARGET="$(realpath -m "${1:-target/keycloak}")"
if [ -f "$TARGET/pid" ]; then
  PID=$(cat "$TARGET/pid")
  # kc.sh runs java as a child: stop the whole group of processes it started
  pkill -TERM -P "$PID" 2>/dev/null || true
  kill "$PID" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
  rm -f "$TARGET/pid" "$TARGET/url"
fi
