#!/usr/bin/env bash
# Starts one Werkraum node with its embedded Redis (data kept in ./data), building the jar first
# when it is missing or the sources changed since it was built here (a hash of every pom and of
# the sources and resources the jar is made of, recorded next to the jar).
# Extra arguments go to the server, e.g. infra/run.sh --port 9090 or --cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=server/target/werkraum-server.jar
stamp=server/target/werkraum-server.sources.sha256

sources_hash() {
  find pom.xml web-client/pom.xml server/pom.xml web-client/src/main server/src/main -type f -print0 \
    | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
}

hash=$(sources_hash)
if [ ! -f "$jar" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$hash" ]; then
  echo "Building Werkraum (sources changed or no jar yet) ..."
  mvn -q -B -pl server -am -DskipTests package
  echo "$hash" > "$stamp"
fi
# The jar takes redis-server from PATH, else the binary shipped in the embedded-redis artifact.
exec java -jar "$jar" "$@"
