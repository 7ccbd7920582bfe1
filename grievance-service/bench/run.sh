#!/usr/bin/env bash
# Sustained registrations per second, command on Kafka -> grievance in PostgreSQL -> event published through the
# outbox, beside a Kafka round-trip floor measured in the same run (RegistrationBenchmark).
# Usage: grievance-service/bench/run.sh [registrations=20000]
# Starts Kafka, PostgreSQL and grievance-service with deploy/local/run.sh if they are not running (and stops them).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
COUNT="${1:-20000}"

started_here=0
if ! curl -sf "http://127.0.0.1:8084/q/health/ready" >/dev/null 2>&1; then
  "$ROOT/deploy/local/run.sh" up grievance-service
  started_here=1
fi
cleanup() { [[ $started_here == 1 ]] && "$ROOT/deploy/local/run.sh" down; }
trap cleanup EXIT

cd "$ROOT"
./mvnw -q -B -ntp -pl grievance-service -am test-compile -DskipTests
./mvnw -q -B -ntp -pl grievance-service org.codehaus.mojo:exec-maven-plugin:3.6.3:java \
  -Dexec.classpathScope=test -Dexec.mainClass=org.samadhan.grievance.bench.RegistrationBenchmark \
  -Dexec.args="$COUNT" -Dexec.cleanupDaemonThreads=false
