#!/usr/bin/env bash
# Stops the node started by start.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
TARGET="$(realpath -m "${1:-target/elasticsearch}")"
if [ -f "$TARGET/pid" ]; then
  PID=$(cat "$TARGET/pid")
  kill "$PID" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
  rm -f "$TARGET/pid" "$TARGET/url"
fi
