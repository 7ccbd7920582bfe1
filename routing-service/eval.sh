#!/usr/bin/env bash
# The evaluation command: trains the classifier as the service does (training split + the directory's vocabulary, and
# officers' corrections when a database is given) and prints accuracy, precision and recall per department, accuracy
# per writing style, and the coverage / precision trade-off at confidence thresholds.
# Usage: routing-service/eval.sh [threshold=the directory's] [jdbc-url user password   # include corrections]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -q -B -ntp -pl routing-service -am install -DskipTests
./mvnw -q -B -ntp -pl routing-service org.codehaus.mojo:exec-maven-plugin:3.6.3:java \
  -Dexec.mainClass=org.samadhan.routing.classifier.Evaluation -Dexec.args="$*"
