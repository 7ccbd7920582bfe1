#!/usr/bin/env bash
# The portal's browser tests (officer-portal/src/test/java/.../browser, Playwright on Debian's Chromium) against the
# system deploy/local/run.sh up started: citizens on the sandbox's phone page, officials signing in on Keycloak's own
# login page. Run it after `run.sh up`; it stops with a message if something it needs is not there.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
fail() { echo "browser test: $*" >&2; exit 1; }

[[ -x "${CHROMIUM:-/usr/bin/chromium}" ]] || fail "no Chromium at ${CHROMIUM:-/usr/bin/chromium}: apt-get install chromium"
for url in http://127.0.0.1:8087/q/health/ready http://127.0.0.1:8089/q/health/ready \
  http://localhost:8180/realms/balod/.well-known/openid-configuration; do
  curl -sf -o /dev/null "$url" || fail "$url does not answer: start the system with deploy/local/run.sh up"
done
# Compiled and run without packaging: the running portal's jar under target/quarkus-app stays untouched.
cd "$ROOT"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ./mvnw -B -ntp -pl officer-portal -Pbrowser \
  test-compile failsafe:integration-test failsafe:verify "$@"
