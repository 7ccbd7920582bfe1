#!/usr/bin/env bash
# Proves the running system's front door end to end: a webhook signed like WhatsApp signs it is answered 200 and its
# message is on whatsapp.inbound.v1 in Kafka. Run after `deploy/local/run.sh up`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SECRET="${WHATSAPP_APP_SECRET:-local-app-secret}"
BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}"
GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8081}"

message_id="wamid.SMOKE.$(date +%s%N)"
# Hindi arrives \u-escaped, exactly as WhatsApp sends it: the signature is over these bytes.
body=$(printf '{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Smoke Test"},"wa_id":"919999900000"}],"messages":[{"from":"919999900000","id":"%s","timestamp":"%s","type":"text","text":{"body":"\\u0928\\u092e\\u0938\\u094d\\u0924\\u0947 smoke test"}}]},"field":"messages"}]}]}' \
  "$message_id" "$(date +%s)")
signature="sha256=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$SECRET" | sed 's/^.*= //')"

status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$GATEWAY/webhooks/whatsapp" \
  -H 'Content-Type: application/json' -H "X-Hub-Signature-256: $signature" --data-binary "$body")
[[ "$status" == 200 ]] || { echo "smoke test: webhook answered $status, expected 200" >&2; exit 1; }

unsigned=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$GATEWAY/webhooks/whatsapp" \
  -H 'Content-Type: application/json' --data-binary "$body")
[[ "$unsigned" == 401 ]] || { echo "smoke test: unsigned webhook answered $unsigned, expected 401" >&2; exit 1; }

found=$(java -cp "$ROOT/.run/kafka/libs/*" -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.properties" \
  -Dkafka.logs.dir="$ROOT/.run/logs/kafka" org.apache.kafka.tools.consumer.ConsoleConsumer \
  --bootstrap-server "$BOOTSTRAP" --topic whatsapp.inbound.v1 --from-beginning --timeout-ms 8000 \
  --property print.key=true 2>/dev/null | grep -F "\"messageId\":\"$message_id\"" || true)
[[ -n "$found" ]] || { echo "smoke test: $message_id not found on whatsapp.inbound.v1" >&2; exit 1; }
echo "smoke test: signed webhook answered 200, unsigned 401; $message_id is on whatsapp.inbound.v1:"
echo "  $found" | cut -c1-220
