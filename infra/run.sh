#!/usr/bin/env bash
# Builds Werkraum and starts one node with its embedded Redis (data kept in ./data).
# Extra arguments go to the server, e.g. infra/run.sh --port 9090 or --cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
# The jar takes redis-server from PATH, else the binary shipped in the embedded-redis artifact.
mvn -q -B -DskipTests package
exec java -jar server/target/werkraum-server.jar "$@"
