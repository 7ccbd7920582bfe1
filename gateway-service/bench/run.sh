#!/usr/bin/env bash
# Gateway throughput and latency, with two floors measured in the same run on the same machine:
#   1. HTTP floor:  the same server answering the subscription handshake (no HMAC, no JSON, no Kafka).
#   2. Kafka floor: Kafka's own producer performance tool writing records of the same size, acks=all, idempotent.
#   3. Gateway:     signed webhooks (one Hindi text message each, \u-escaped as WhatsApp sends it), each answered
#                   only after Kafka acknowledged its event.
# Usage: gateway-service/bench/run.sh [duration-seconds=30] [connections=32]
# Starts Kafka, PostgreSQL and the gateway with deploy/local/run.sh if they are not running (and stops them after).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DURATION="${1:-30}"
CONNECTIONS="${2:-32}"
THREADS=2
SECRET="${WHATSAPP_APP_SECRET:-local-app-secret}"
TOKEN="${WHATSAPP_VERIFY_TOKEN:-local-verify-token}"
URL="http://127.0.0.1:8081"
WORK="$ROOT/.run/bench"
BODIES="${BENCH_BODIES:-2000}"

command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q wrk; }; }
mkdir -p "$WORK"

started_here=0
if ! curl -sf "$URL/q/health/ready" >/dev/null 2>&1; then
  "$ROOT/deploy/local/run.sh" up gateway-service
  started_here=1
fi
cleanup() { [[ $started_here == 1 ]] && "$ROOT/deploy/local/run.sh" down; [[ -n "${BENCH_KEEP:-}" ]] || rm -rf "$WORK"; }
trap cleanup EXIT

# --- Pre-signed bodies: distinct message ids and citizens, signed once, replayed by wrk -----------------------------
echo "[bench] signing $BODIES webhook bodies"
lua="$WORK/requests.lua"
{
  echo 'local bodies, signatures, requests = {}, {}, {}'
  for ((i = 0; i < BODIES; i++)); do
    body=$(printf '{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"\\u0930\\u092e\\u0947\\u0936 \\u0938\\u093e\\u0939\\u0942"},"wa_id":"9199%08d"}],"messages":[{"from":"9199%08d","id":"wamid.BENCH.%s.%d","timestamp":"1764480000","type":"text","text":{"body":"\\u0928\\u092e\\u0938\\u094d\\u0924\\u0947, \\u0939\\u092e\\u093e\\u0930\\u0947 \\u0917\\u093e\\u0901\\u0935 \\u092e\\u0947\\u0902 \\u0939\\u0948\\u0902\\u0921\\u092a\\u0902\\u092a 10 \\u0926\\u093f\\u0928 \\u0938\\u0947 \\u0916\\u0930\\u093e\\u092c \\u0939\\u0948 \\ud83d\\ude4f"}}]},"field":"messages"}]}]}' \
      "$i" "$i" "$$" "$i")
    sig=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$SECRET" | sed 's/^.*= //')
    printf 'signatures[%d] = "sha256=%s"\nbodies[%d] = [==[%s]==]\n' "$((i + 1))" "$sig" "$((i + 1))" "$body"
  done
  cat <<'LUA'
local n = #bodies
local counter = 0
function setup(thread) thread:set("offset", counter * 7919); counter = counter + 1 end
-- wrk.format adds the Host header only once wrk is initialised, so requests are built here, not at load time.
function init(args)
  for k = 1, n do
    requests[k] = wrk.format("POST", "/webhooks/whatsapp",
      {["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = signatures[k]}, bodies[k])
  end
end
local i = 0
function request()
  i = i + 1
  return requests[((offset or 0) + i) % n + 1]
end
LUA
} >"$lua"
body_size=$(printf '%s' "$body" | wc -c)

run_wrk() { # run_wrk <label> <args...> ; prints "rps p50 p99 non2xx"
  local label=$1; shift
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@")
  echo "$out" >"$WORK/$label.txt"
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "$rps ${p50} ${p99} ${non2xx:-0}"
}

echo "[bench] warm-up (10 s)"
DURATION=10 run_wrk warmup -s "$lua" "$URL" >/dev/null

# The Kafka floor runs first: its disk writes settle while the HTTP floor runs, before the gateway's turn.
echo "[bench] 1/3 Kafka floor: producer-perf-test, acks=all, $body_size-byte records"
records=300000
kafka_cp=(-cp "$ROOT/.run/kafka/libs/*" -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.properties"
  -Dkafka.logs.dir="$ROOT/.run/logs/kafka")
bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}"
# Same partition count as whatsapp.inbound.v1, but its own topic: random bytes must never reach real consumers.
java "${kafka_cp[@]}" org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" --create --if-not-exists \
  --topic bench.kafka-floor --partitions 12 --replication-factor 1 --config retention.ms=600000 >/dev/null 2>&1
kafka_out=$(java "${kafka_cp[@]}" org.apache.kafka.tools.ProducerPerformance \
  --topic bench.kafka-floor --num-records "$records" --record-size "$body_size" --throughput -1 \
  --producer-props bootstrap.servers="$bootstrap" acks=all enable.idempotence=true \
  linger.ms=1 compression.type=lz4 2>/dev/null | tail -n 1)
echo "$kafka_out" >"$WORK/kafka-floor.txt"
kafka_rps=$(sed -E 's/.* ([0-9.]+) records\/sec.*/\1/' <<<"$kafka_out")
kafka_p99=$(sed -E 's/.* ([0-9]+) ms 99th.*/\1/' <<<"$kafka_out")

echo "[bench] 2/3 HTTP floor: handshake GET, ${DURATION}s, $CONNECTIONS connections"
read -r http_rps http_p50 http_p99 http_bad < <(run_wrk http-floor \
  "$URL/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=$TOKEN&hub.challenge=1158201444")

echo "[bench] 3/3 Gateway: signed webhooks, ${DURATION}s, $CONNECTIONS connections"
read -r gw_rps gw_p50 gw_p99 gw_bad < <(run_wrk gateway -s "$lua" "$URL")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
cat <<EOF

| run ($(nproc) cores, ${DURATION}s, $CONNECTIONS connections) | throughput /s | p50 | p99 | non-2xx |
|---|---:|---:|---:|---:|
| HTTP floor (handshake GET, same server) | $http_rps | $http_p50 | $http_p99 | $http_bad |
| Kafka floor (producer-perf-test, acks=all, ${body_size} B) | $kafka_rps | | ${kafka_p99}ms | |
| **Gateway (signed webhook → Kafka ack → 200)** | **$gw_rps** | **$gw_p50** | **$gw_p99** | **$gw_bad** |

Gateway / HTTP floor: $(ratio "$gw_rps" "$http_rps") · Gateway / Kafka floor: $(ratio "$gw_rps" "$kafka_rps")
Target: ≥ 5000/s, p99 ≤ 25 ms, no non-2xx.
EOF
