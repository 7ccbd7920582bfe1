#!/usr/bin/env bash
# analytics-service's benchmark (AnalyticsBenchmark): rebuild throughput, review p99 with 1,000,000 grievances and
# an event's time to the review figures, each beside a floor measured in the same run. Everything runs in one test
# JVM on test-support's own Kafka broker and PostgreSQL (random ports), so it never touches a running local stack.
# Writes analytics-service/bench/results.md; exits non-zero when a target is missed. About 10 minutes on 2 cores.
# Usage: analytics-service/bench/run.sh [-Dbench.events=200000] [-Dbench.grievances=1000000] [-Dbench.requests=200]
#        [-Dbench.warmup=30] [-Dbench.rate=50] [-Dbench.seconds=60]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Never the shared broker or database, even when the environment names them.
unset KAFKA_BOOTSTRAP_SERVERS TEST_DATABASE_URL TEST_DATABASE_USER TEST_DATABASE_PASSWORD

cd "$ROOT"
started="$(mktemp)"
trap 'rm -f "$started"' EXIT
status=0
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo ' with uncommitted changes')"
./mvnw -B -q -ntp verify -pl analytics-service -am -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest=AnalyticsBenchmark "-Dbench.commit=$commit" "$@" || status=$?
if [[ analytics-service/bench/results.md -nt "$started" ]]; then
  cat analytics-service/bench/results.md
else
  echo "[bench] no results written; see analytics-service/target/surefire-reports/" >&2
fi
exit "$status"
