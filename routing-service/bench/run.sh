#!/usr/bin/env bash
# Classification latency per complaint (in-process, as the service classifies), over the evaluation split's complaints,
# beside Lucene's StandardAnalyzer splitting the same texts (the baseline). Usage: routing-service/bench/run.sh [rounds=50]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
./mvnw -q -B -ntp -pl routing-service -am test-compile -DskipTests
./mvnw -q -B -ntp -pl routing-service org.codehaus.mojo:exec-maven-plugin:3.6.3:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.samadhan.routing.bench.ClassifyLatencyBenchmark -Dexec.args="${1:-50}"
