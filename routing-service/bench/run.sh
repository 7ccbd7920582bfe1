#!/usr/bin/env bash
# Classification latency per complaint (in-process, as the service classifies), over the dev split's complaints,
# beside Lucene's StandardAnalyzer splitting the same texts (the baseline), and the time to train.
# Usage: routing-service/bench/run.sh [rounds=50]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# Compiled in the reactor and run from target/ (nothing installed into the local Maven repository).
CLASSPATH_FILE="$ROOT/routing-service/target/bench.classpath"
./mvnw -q -B -ntp -pl routing-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CLASSPATH_FILE"
java -cp "routing-service/target/test-classes:routing-service/target/classes:$(cat "$CLASSPATH_FILE")" \
  org.samadhan.routing.bench.ClassifyLatencyBenchmark "${1:-50}"
