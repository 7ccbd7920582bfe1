#!/usr/bin/env bash
# In-service reply latency of chatbot-service: from a citizen's message appended to whatsapp.inbound.v1 to the reply
# appended to whatsapp.outbound.v1 (consume, conversation, PostgreSQL transaction, outbox relay), over whole
# conversations (words, location pin, Submit, "status"), beside the broker's own produce-to-consume floor.
#   1. warm-up: 100 citizens, 8 at a time (not reported);
#   2. one at a time: 200 citizens, one conversation in flight (latency without queueing);
#   3. busy: 800 citizens, 16 conversations in flight at once.
# Usage: chatbot-service/bench/run.sh [busy-citizens=800]
# Starts Kafka, PostgreSQL and chatbot-service with deploy/local/run.sh and stops them afterwards.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUSY="${1:-800}"
RUN="$ROOT/deploy/local/run.sh"

"$RUN" down >/dev/null 2>&1 || true
trap '"$RUN" down >/dev/null 2>&1' EXIT
cd "$ROOT"
./mvnw -q -B -ntp -pl chatbot-service -am test-compile -DskipTests
"$RUN" up chatbot-service >/dev/null
bench() { KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 ./mvnw -q -B -ntp -pl chatbot-service \
  org.codehaus.mojo:exec-maven-plugin:3.6.3:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.samadhan.chatbot.bench.ReplyLatencyBenchmark -Dexec.args="$1 $2" \
  -Dexec.cleanupDaemonThreads=false; }

echo "[bench] warm-up"
bench 100 8 >/dev/null
echo "[bench] one conversation at a time"
bench 200 1
echo "[bench] busy"
bench "$BUSY" 16
