#!/usr/bin/env bash
# What refusing a forged webhook costs: JMH times WebhookSignature.matches on a 1 MiB body of UTF-8 Devanagari with a
# wrong signature and correctly signed, in the same run (one fork, 5 s warm-up and 10 s measured each), and prints
# both and their ratio. Needs no running service.
# Usage: gateway-service/bench/signature.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# The reactor resolves the shared modules to their target/classes; the class path is written for a plain JVM, so
# that JMH's forked JVM inherits a complete one.
./mvnw -q -B -ntp -pl gateway-service -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
module="$ROOT/gateway-service"
java -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")" \
  org.samadhan.gateway.bench.SignatureRefusalBenchmark
