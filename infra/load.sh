#!/usr/bin/env bash
# Load test on this machine: starts one Werkraum node (embedded Redis in a temporary folder) on
# 127.0.0.1, runs the load tool against it, stops the node. Besides the tool's figures it prints
# how many cores the server used while the load ran, and its resident memory before the sockets
# opened and while they were busy.
# Options go to the tool:
#   presence fan-out (default): --clients 2000 --movers 10 --hz 20 --seconds 20 --warmup 3
#   acknowledged commands:      --scenario commands --clients 50 --rate 15 --seconds 20 --warmup 3
#   deleting boards:            --scenario delete --notes 5000 --boards 5
# WERKRAUM_SERVER_JAR runs another build of the server (e.g. an older one, to compare).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package
port="${WERKRAUM_LOAD_PORT:-8099}"
data="$(mktemp -d)"
WERKRAUM_PORT="$port" WERKRAUM_DATA_DIR="$data" java -jar "${WERKRAUM_SERVER_JAR:-server/target/werkraum-server.jar}" > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done

# CPU time (user + system, in clock ticks) of the server process so far, and its resident memory in MB.
server_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
server_mb() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$server/status"; }
mb_idle=$(server_mb)

java -jar infra/loadtest/target/werkraum-loadtest.jar --url "http://127.0.0.1:$port" "$@" > "$data/load.log" 2>&1 &
tool=$!
until grep -q "warm-up" "$data/load.log" || ! kill -0 "$tool" 2>/dev/null; do sleep 0.1; done
ticks_before=$(server_ticks)
ms_before=$(date +%s%3N)
mb_moving=$(server_mb)
wait "$tool"
ticks_after=$(server_ticks)
ms_after=$(date +%s%3N)
cat "$data/load.log"
awk -v t="$((ticks_after - ticks_before))" -v hz="$(getconf CLK_TCK)" -v ms="$((ms_after - ms_before))" \
  'BEGIN { printf "server cores used under load: %.2f\n", t / hz / (ms / 1000) }'
echo "server resident memory: ${mb_idle} MB before the sockets opened, ${mb_moving} MB under load"

