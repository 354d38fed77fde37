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
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The sign-in tests start Keycloak (from Maven Central), which needs Java 21 or newer; the build
# itself stays on the default Java 17. Take the newest JDK of at least 21 under /usr/lib/jvm, or
# install one from Debian where the release has it (bookworm has none: its machines here come
# with Temurin's JDK 25 under /usr/lib/jvm).
java21() {
  for release in /usr/lib/jvm/*/release; do
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
    dir=$(dirname "$release")
    if [ -n "$version" ] && [ "$version" -ge 21 ] && [ -x "$dir/bin/java" ] && [ ! -L "$dir" ]; then
      echo "$version $dir"
    fi
  done | sort -n | tail -1 | cut -d' ' -f2
}
if [ -z "${WERKRAUM_KEYCLOAK_JAVA_HOME:-}" ] && [ -z "$(java21)" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  for package in openjdk-25-jre-headless openjdk-21-jre-headless; do
    if apt-cache policy "$package" | grep -q 'Candidate: [0-9]'; then
      echo "Installing $package (Keycloak, for the sign-in tests, needs Java 21+) ..."
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$package" >/dev/null
      break
    fi
  done
  if [ -z "$(java21)" ]; then
    echo "The sign-in tests need a JDK 21 or newer for Keycloak: none under /usr/lib/jvm and none in this" >&2
    echo "machine's Debian release. Install one there or set WERKRAUM_KEYCLOAK_JAVA_HOME." >&2
    exit 1
  fi
fi
export WERKRAUM_KEYCLOAK_JAVA_HOME="${WERKRAUM_KEYCLOAK_JAVA_HOME:-$(java21)}"
echo "Keycloak runs on $WERKRAUM_KEYCLOAK_JAVA_HOME"

# The accessibility tests inject axe-core (from npm) into the pages they check; Werkraum never
# serves it. Installed once into the user's cache.
axe="$HOME/.cache/werkraum/axe"
if [ ! -f "$axe/node_modules/axe-core/axe.min.js" ]; then
  echo "Installing axe-core from npm into $axe ..."
  mkdir -p "$axe"
  (cd "$axe" && npm install --no-audit --no-fund --silent axe-core@4.14.1)
fi

# Playwright drives Debian's Chromium; it must not try to download browsers of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export WERKRAUM_CHROMIUM="${WERKRAUM_CHROMIUM:-$(command -v chromium)}"

mvn -B verify "$@"
