#!/usr/bin/env bash
# Presence fan-out load test on this machine: starts one Werkraum node (embedded Redis in a
# temporary folder) on 127.0.0.1, runs the load tool against it, stops the node.
# Options go to the tool: --clients 2000 --movers 10 --hz 20 --seconds 20 --warmup 3
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package
port="${WERKRAUM_LOAD_PORT:-8099}"
data="$(mktemp -d)"
WERKRAUM_PORT="$port" WERKRAUM_DATA_DIR="$data" java -jar server/target/werkraum-server.jar > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
java -jar infra/loadtest/target/werkraum-loadtest.jar --url "http://127.0.0.1:$port" "$@"
