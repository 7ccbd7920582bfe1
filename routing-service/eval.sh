#!/usr/bin/env bash
# The evaluation command: trains the classifier as the service does (training split + the directory's vocabulary, and
# officers' corrections when a database is given), classifies a split (the dev split, dataset/eval.tsv, unless --split
# names a label<TAB>style<TAB>text file) and prints accuracy, precision and recall per department, accuracy per writing
# style, the coverage / precision trade-off at confidence thresholds, the calibration table and the mistakes.
# Usage: routing-service/eval.sh [--split path.tsv] [threshold=the directory's] [jdbc-url user password]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
args=()
while [[ $# -gt 0 ]]; do
  if [[ $1 == --split ]]; then
    [[ $# -ge 2 ]] || { echo "--split needs a file" >&2; exit 2; }
    [[ -f $2 ]] || { echo "No such file: $2" >&2; exit 2; }
    args+=(--split "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")") # absolute: it runs from the root
    shift 2
  else
    args+=("$1")
    shift
  fi
done
cd "$ROOT"
# Compiled in the reactor and run from target/ (nothing installed into the local Maven repository).
CLASSPATH_FILE="$ROOT/routing-service/target/eval.classpath"
./mvnw -q -B -ntp -pl routing-service -am compile dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE"
java -cp "routing-service/target/classes:$(cat "$CLASSPATH_FILE")" org.samadhan.routing.classifier.Evaluation \
  ${args[@]+"${args[@]}"}
