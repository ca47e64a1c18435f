#!/usr/bin/env bash
# Builds the portal into the application's static resources (target/classes/static).
# Called by Maven in generate-resources; skips `npm ci` when the lock file has not changed
# and the build when no source has, so repeated `./mvnw` runs stay quick.
set -euo pipefail
cd "$(dirname "$0")"
target=../../../target
mkdir -p "$target"

lock=$(sha256sum package-lock.json | cut -c1-64)
if [[ ! -f node_modules/.lock-sha256 || "$(cat node_modules/.lock-sha256)" != "$lock" ]]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock" > node_modules/.lock-sha256
fi

sources=$(find src public index.html vite.config.ts tsconfig.json package-lock.json -type f -print0 \
  | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64)
if [[ -f "$target/classes/static/index.html" && "$(cat "$target/portal.sha256" 2>/dev/null)" == "$sources" ]]; then
  echo "portal: up to date"
  exit 0
fi
npm run build --silent
echo "$sources" > "$target/portal.sha256"
