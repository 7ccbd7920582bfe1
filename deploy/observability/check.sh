#!/usr/bin/env bash
# Static checks of the observability files, run by .ci/run after the tests (needs promtool from Debian's prometheus
# package, node and npm):
#   Prometheus  promtool check config (and the rules it loads), check rules, test rules (deploy/prometheus/tests)
#   Grafana     every dashboard against Grafana's dashboard type: a JSON Schema generated from npm @grafana/schema
#               (ts-json-schema-generator), validated with ajv; then our rules (unit, description, ${datasource},
#               $__rate_interval: dashboards.mjs); every panel query parsed by promtool, wrapped as a recording rule
# Exits non-zero at the first check that fails.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/target"
PROM="$ROOT/deploy/prometheus"

step() { printf '\033[1m[observability]\033[0m %s\n' "$*"; }
command -v promtool >/dev/null || { echo "promtool missing: apt-get install --no-install-recommends prometheus" >&2; exit 1; }

step "promtool check config deploy/prometheus/prometheus.yml"
promtool check config "$PROM/prometheus.yml" >/dev/null
step "promtool check rules deploy/prometheus/rules"
promtool check rules "$PROM"/rules/*.yml
step "promtool test rules deploy/prometheus/tests"
promtool test rules "$PROM"/tests/*.yml

step "Grafana's dashboard schema from @grafana/schema (npm ci)"
mkdir -p "$OUT"
(cd "$HERE" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
# The raw Dashboard type is what provisioned JSON files hold (the v1 model that Grafana's import reads).
(cd "$HERE" && npx --no-install ts-json-schema-generator --no-type-check --type Dashboard \
  --path node_modules/@grafana/schema/dist/types/raw/dashboard/x/types.gen.d.ts -o "$OUT/dashboard.schema.json")
step "dashboards: schema and our rules"
node "$HERE/dashboards.mjs" check "$OUT/dashboard.schema.json" "$OUT/panel-queries.yml"
step "dashboards: every panel query parses (promtool check rules)"
promtool check rules "$OUT/panel-queries.yml"
step "passed"
