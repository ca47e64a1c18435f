#!/usr/bin/env bash
# Fetches Keycloak (org.keycloak:keycloak-quarkus-dist, from Maven Central) and starts it in
# development mode with the joint-discipline realm imported (infra/keycloak/realm/), with a
# JDK >= 21, then waits until the realm answers. Writes the URL to <target>/url.
# Usage: infra/keycloak/start.sh [target-dir]        Stop: infra/keycloak/stop.sh [target-dir]
# KC_VERSION, KC_PORT (default 8180), KC_JAVA_HOME, KC_ADMIN / KC_ADMIN_PASSWORD (the master
# realm's bootstrap administrator) override the defaults. Demo only: start-dev keeps its data
# in the target directory and uses plain HTTP.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION="${KC_VERSION:-26.5.6}"
TARGET="$(realpath -m "${1:-target/keycloak}")"
HOME_DIR="$TARGET/keycloak-$VERSION"
PORT="${KC_PORT:-8180}"
URL="http://127.0.0.1:$PORT"
READY="$URL/realms/joint-discipline/.well-known/openid-configuration"

source infra/java-home.sh

if [ -f "$TARGET/pid" ] && kill -0 "$(cat "$TARGET/pid")" 2>/dev/null && curl -fs "$READY" >/dev/null 2>&1; then
  echo "Keycloak already running at $(cat "$TARGET/url")"; exit 0
fi
if curl -fs "$READY" >/dev/null 2>&1; then
  echo "Something else answers on port $PORT with the realm already; using it"; echo "$URL" > "$TARGET/url"; exit 0
fi

mkdir -p "$TARGET"
if [ ! -d "$HOME_DIR" ]; then
  echo "Fetching Keycloak $VERSION from Maven Central"
  ./mvnw -q -B -ntp dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" \
    -DoutputDirectory="$TARGET" -Dmdep.overWriteIfNewer=true
  (cd "$TARGET" && unzip -q -o "keycloak-quarkus-dist-$VERSION.zip" && rm -f "keycloak-quarkus-dist-$VERSION.zip")
fi

# the realm as shipped: a fresh import on every start of a fresh data directory
mkdir -p "$HOME_DIR/data/import"
cp infra/keycloak/realm/*.json "$HOME_DIR/data/import/"

echo "Starting Keycloak $VERSION on port $PORT"
JDK="$(java_home 21 KC_JAVA_HOME)"
env JAVA_HOME="$JDK" PATH="$JDK/bin:$PATH" \
  JAVA_OPTS_KC_HEAP="${KC_HEAP:--Xms256m -Xmx768m}" \
  KC_BOOTSTRAP_ADMIN_USERNAME="${KC_ADMIN:-admin}" KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_ADMIN_PASSWORD:-admin}" \
  nohup "$HOME_DIR/bin/kc.sh" start-dev --http-port="$PORT" --http-host=127.0.0.1 --import-realm \
  > "$TARGET/keycloak.log" 2>&1 &
echo $! > "$TARGET/pid"

for _ in $(seq 1 180); do
  if curl -fs "$READY" >/dev/null 2>&1; then
    echo "$URL" > "$TARGET/url"
    echo "Keycloak up at $URL (realm joint-discipline)"
    exit 0
  fi
  if ! kill -0 "$(cat "$TARGET/pid")" 2>/dev/null; then break; fi
  sleep 1
done
echo "Keycloak did not start; see $TARGET/keycloak.log" >&2
tail -20 "$TARGET/keycloak.log" >&2
exit 1
