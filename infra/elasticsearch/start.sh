#!/usr/bin/env bash
# Fetches Elasticsearch (the integ-test-zip distribution, from Maven Central) and starts one node
# for the tests: single node, security off, on a free port, as a dedicated non-root user, with a
# JDK >= 21. Prints nothing but progress; writes the URL to target/elasticsearch/url.
# Usage: infra/elasticsearch/start.sh [target-dir]     Stop: infra/elasticsearch/stop.sh [target-dir]
# ES_VERSION, ES_PORT, ES_JAVA_HOME, ES_JAVA_OPTS and ES_USER override the defaults.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION="${ES_VERSION:-8.19.21}"
TARGET="$(realpath -m "${1:-target/elasticsearch}")"
HOME_DIR="$TARGET/elasticsearch-$VERSION"
RUN_USER="${ES_USER:-elasticsearch}"

source infra/java-home.sh

if [ -f "$TARGET/pid" ] && kill -0 "$(cat "$TARGET/pid")" 2>/dev/null; then
  echo "Elasticsearch already running at $(cat "$TARGET/url")"; exit 0
fi

mkdir -p "$TARGET"
if [ ! -d "$HOME_DIR" ]; then
  echo "Fetching Elasticsearch $VERSION from Maven Central"
  ./mvnw -q -B -ntp dependency:copy \
    -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$VERSION:zip" \
    -DoutputDirectory="$TARGET" -Dmdep.overWriteIfNewer=true
  (cd "$TARGET" && unzip -q -o "elasticsearch-$VERSION.zip")
fi

# ES_PORT restarts a node on its old port (and data)
PORT="${ES_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}"
DATA="$TARGET/data-$PORT"
mkdir -p "$DATA" "$TARGET/logs"

# Elasticsearch refuses to run as root: run it as a dedicated user
RUN=()
if [ "$(id -u)" = 0 ]; then
  id "$RUN_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_USER"
  chown -R "$RUN_USER" "$TARGET"
  # every directory above the target must be passable for that user
  d="$TARGET"; while [ "$d" != "/" ]; do chmod o+x "$d" 2>/dev/null || true; d=$(dirname "$d"); done
  RUN=(runuser -u "$RUN_USER" --)
fi

echo "Starting Elasticsearch $VERSION on port $PORT"
JDK="$(java_home 21 ES_JAVA_HOME)"
"${RUN[@]}" env ES_JAVA_HOME="$JDK" ES_JAVA_OPTS="${ES_JAVA_OPTS:--Xms512m -Xmx512m}" \
  "$HOME_DIR/bin/elasticsearch" -d -p "$TARGET/pid" \
  -E discovery.type=single-node -E xpack.security.enabled=false \
  -E http.port="$PORT" -E http.host=127.0.0.1 -E transport.port=0 \
  -E path.data="$DATA" -E path.logs="$TARGET/logs" \
  -E cluster.routing.allocation.disk.threshold_enabled=false

URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do
  if curl -fs "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
    echo "$URL" > "$TARGET/url"
    echo "Elasticsearch up at $URL"
    exit 0
  fi
  sleep 1
done
echo "Elasticsearch did not start; see $TARGET/logs" >&2
exit 1
