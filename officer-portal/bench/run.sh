#!/usr/bin/env bash
# The portal's page benchmark (PageBenchmark): worklist and grievance pages' time as officials load them, with a
# district's year of grievances (100,000 by default), beside floors measured in the same rounds. Writes
# officer-portal/bench/results.md; exits non-zero when a page's p99 misses 150 ms.
#
# It uses the local run's Keycloak, PostgreSQL, Kafka and routing-service (deploy/local/run.sh up, started here if
# they are not running, and then stopped), and starts its own grievance-service on the database grievance_bench
# (loaded by bench/load.sql; its command consumer and timers off, so nothing reaches the running system) and its own
# portal pointed at it, on ports 18084 and 18087. Both are stopped and the database dropped at the end.
# Officials sign in once each in Debian's Chromium (as the browser tests do); the timed requests then carry their
# session cookies.
# Usage: officer-portal/bench/run.sh [grievances=100000] [rounds=200] [warmup=30]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
COUNT="${1:-100000}" ROUNDS="${2:-200}" WARMUP="${3:-30}"
RUN="$ROOT/.run/bench-portal"
DB_USER="${DB_USER:-samadhan}" DB_PASSWORD="${DB_PASSWORD:-samadhan}"
export PGPASSWORD="$DB_PASSWORD" PORTAL_SESSION_SECRET="${PORTAL_SESSION_SECRET:-local-portal-session-secret-0123456789}"
PSQL=("$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql" -h 127.0.0.1 -p 55432 -U "$DB_USER" -v ON_ERROR_STOP=1 -q)
cd "$ROOT"
for port in 18084 18087; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "[bench] port $port is taken: stop what runs there" >&2; exit 1; fi
done

started_here=0
if ! curl -sf http://127.0.0.1:8083/q/health/ready >/dev/null 2>&1; then
  deploy/local/run.sh up routing-service grievance-service officer-portal
  started_here=1
else
  deploy/local/run.sh up grievance-service officer-portal >/dev/null # builds the jars if stale; running ones stay
fi
mkdir -p "$RUN"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "${PSQL[@]}" -d postgres -c "drop database if exists grievance_bench" || true
  if [[ $started_here == 1 ]]; then deploy/local/run.sh down; fi
}
trap cleanup EXIT

"${PSQL[@]}" -d postgres -c "drop database if exists grievance_bench" -c "create database grievance_bench"
echo "[bench] grievance-service on grievance_bench, port 18084"
java -Xmx384m -Dquarkus.http.port=18084 \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:55432/grievance_bench \
  -Dquarkus.datasource.username="$DB_USER" -Dquarkus.datasource.password="$DB_PASSWORD" \
  -Dquarkus.oidc.auth-server-url=http://localhost:8180/realms/balod \
  -Dquarkus.scheduler.enabled=false -Dmp.messaging.incoming.grievance-commands.enabled=false \
  -Dmp.messaging.incoming.routing-directory.group.id=grievance-bench-directory \
  -jar grievance-service/target/quarkus-app/quarkus-run.jar >"$RUN/grievance-service.log" 2>&1 &
pids+=($!)
echo "[bench] officer-portal on port 18087, calling it"
java -Xmx384m -Dquarkus.http.port=18087 -Dquarkus.rest-client.grievance-service.url=http://localhost:18084 \
  -jar officer-portal/target/quarkus-app/quarkus-run.jar >"$RUN/officer-portal.log" 2>&1 &
pids+=($!)
for port in 18084 18087; do
  for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null || { echo "[bench] port $port not ready (see $RUN)" >&2; exit 1; }
done

echo "[bench] loading $COUNT grievances"
start=$(date +%s)
"${PSQL[@]}" -d grievance_bench -v count="$COUNT" \
  -v directory="$(cat routing-service/src/main/resources/directory/balod.json)" -f officer-portal/bench/load.sql
echo "[bench] loaded in $(($(date +%s) - start)) s"

./mvnw -q -B -ntp -pl officer-portal -am install -DskipTests
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ./mvnw -q -B -ntp -pl officer-portal org.codehaus.mojo:exec-maven-plugin:3.6.3:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.samadhan.portal.bench.PageBenchmark -Dexec.cleanupDaemonThreads=false \
  -Dexec.args="http://localhost:18087 http://localhost:18084 http://localhost:8180 $ROUNDS $WARMUP $ROOT/officer-portal/bench/results.md"
