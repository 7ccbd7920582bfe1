#!/usr/bin/env bash
# Outbound messages per second through notification-service into the whatsapp-sandbox, measured from the sandbox's
# arrival times (where WhatsApp would count), with the gateway carrying the status webhooks back as in production:
#   1. floor:   the sandbox's own capacity, wrk posting sends straight to it (no Kafka, no database, no service);
#   2. limited: 5,000 replies with the default limit of 80/s (achieved rate and the most in any one second), after
#      1,500 unreported to warm every service up;
#   3. lifted:  20,000 replies with the limit lifted (sandbox and service at 100,000/s), after 10,000 unreported
#      (batches are handled a few statements at a time, so the JIT needs many messages to see those paths hot).
# In 2 and 3 each citizen first writes through the sandbox (an open 24-hour window: every reply is reported sent /
# delivered / read), then all the replies are produced at once.
# Usage: notification-service/bench/run.sh [limited-count=5000] [lifted-count=20000]
# Starts what it needs with deploy/local/run.sh and stops it afterwards.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LIMITED="${1:-5000}"
LIFTED="${2:-20000}"
RUN="$ROOT/deploy/local/run.sh"

command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q wrk; }; }
"$RUN" down >/dev/null 2>&1 || true
trap '"$RUN" down >/dev/null 2>&1' EXIT
export SANDBOX_THROUGHPUT_PER_SECOND=100000 SANDBOX_PAIR_BURST=100000
export WHATSAPP_ACCESS_TOKEN="${WHATSAPP_ACCESS_TOKEN:-local-access-token}"
export KAFKA_BOOTSTRAP_SERVERS_FOR_BENCH="127.0.0.1:9092"

cd "$ROOT"
./mvnw -q -B -ntp -pl notification-service -am test-compile -DskipTests
bench() { KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP_SERVERS_FOR_BENCH" ./mvnw -q -B -ntp -pl notification-service org.codehaus.mojo:exec-maven-plugin:3.6.3:java \
  -Dexec.classpathScope=test -Dexec.mainClass=org.samadhan.notification.bench.OutboundBenchmark \
  -Dexec.args="$1 $2" -Dexec.cleanupDaemonThreads=false; }

# --- 1. floor: the sandbox alone --------------------------------------------------------------------------------
"$RUN" up whatsapp-sandbox gateway-service >/dev/null
cat >"$ROOT/.run/bench-send.lua" <<LUA
request = function()
  local body = '{"messaging_product":"whatsapp","to":"9192' .. string.format("%08d", math.random(1, 99999999)) ..
    '","type":"text","text":{"body":"floor"}}'
  return wrk.format("POST", "/v23.0/106540352242922/messages",
    {["Content-Type"]="application/json", ["Authorization"]="Bearer $WHATSAPP_ACCESS_TOKEN"}, body)
end
LUA
echo "[bench] floor: wrk straight to the sandbox, 2 threads, 32 connections, 20 s"
wrk -t2 -c32 -d20s -s "$ROOT/.run/bench-send.lua" http://127.0.0.1:8089 | grep -E 'Requests/sec|Latency|Non-2xx'

# --- 2. limited: the default 80/s (after a warm-up: every service on the path is JIT-compiled by then) ------------
NOTIFICATION_SENDING_PER_SECOND=80 "$RUN" up notification-service >/dev/null
bench 1500 warm-up >/dev/null
sleep 30 # let the warm-up's status webhooks drain first
bench "$LIMITED" limited-to-80/s

# --- 3. lifted ----------------------------------------------------------------------------------------------------
"$RUN" stop notification-service
NOTIFICATION_SENDING_PER_SECOND=100000 NOTIFICATION_SENDING_PAIR_BURST=100000 NOTIFICATION_SENDING_CONCURRENCY=64 \
  "$RUN" up notification-service >/dev/null
bench 10000 warm-up >/dev/null
sleep 30
bench "$LIFTED" limit-lifted
