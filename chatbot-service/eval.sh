#!/usr/bin/env bash
# How the chatbot's intent classifier does on a split it did not train on: trains it as the service does (on
# src/main/resources/intents/train.tsv) and prints accuracy, precision / recall per intent, accuracy per writing style,
# calibration and the mistakes.
# Usage: chatbot-service/eval.sh [--split path/to/split.tsv]     (default: the dev split, intents/dev.tsv)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARGS=()
if [[ $# -gt 0 ]]; then
  [[ $# -eq 2 && "$1" == "--split" ]] || { echo "usage: chatbot-service/eval.sh [--split path]" >&2; exit 2; }
  ARGS=(--split "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")")
fi
cd "$ROOT"
# Compile in one reactor (no install of the shared modules) and write each module's classpath beside it.
./mvnw -q -B -ntp -pl chatbot-service -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >/dev/null
exec java -cp "chatbot-service/target/classes:$(cat chatbot-service/target/classpath.txt)" \
  org.samadhan.chatbot.understanding.IntentEvaluation "${ARGS[@]}"
