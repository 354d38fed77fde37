#!/usr/bin/env bash
# Runs every test: domain unit tests, JavaScript unit tests, integration tests against real Redis
# over real WebSocket frames, the two-node cluster test, persistence tests and the browser tests
# in headless Chromium. Installs what the tests need when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Playwright drives Debian's Chromium; it must not try to download browsers of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export WERKRAUM_CHROMIUM="${WERKRAUM_CHROMIUM:-$(command -v chromium)}"

mvn -B verify "$@"
