#!/usr/bin/env bash
# The live check, run by .ci/run after deploy/local/smoke-test.sh and before `run.sh down`: against the real
# Prometheus scraping the running stack, every service of this checkout and the Kafka broker is an `up` target, and
# every dashboard panel query returns data, except those listed in expected-empty.tsv with the reason the smoke test
# cannot feed them (throttling, dead letters, month-to-date rates that need more grievances, ...). Queries are sent
# as Grafana would send them with every variable on "All" ($__rate_interval 1m, $__range 1h).
#   PROMETHEUS_URL  [http://127.0.0.1:9090]
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PROM="${PROMETHEUS_URL:-http://127.0.0.1:9090}"
fail() { echo "live check: FAILED: $*" >&2; exit 1; }

curl -sf "$PROM/-/ready" >/dev/null || fail "Prometheus does not answer at $PROM (deploy/local/run.sh up starts it)"
# The services this checkout has (analytics-service may not be built yet), and the broker unless Kafka is external.
expected=()
for s in gateway-service chatbot-service routing-service grievance-service notification-service analytics-service \
  officer-portal; do
  [[ -f "$ROOT/$s/pom.xml" ]] && expected+=("$s")
done
[[ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" || "${KAFKA_BOOTSTRAP_SERVERS}" == 127.0.0.1:9092 ]] && expected+=(kafka-broker)

# Wait for a scrape of every expected target that started after this script did (5 s interval), at most 60 s.
python3 - "$PROM" "$(date +%s)" "${expected[@]}" <<'PY' || exit 1
import json, sys, time, urllib.request
prom, started, expected = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
deadline = time.time() + 60
while True:
    targets = json.load(urllib.request.urlopen(prom + "/api/v1/targets?state=active"))["data"]["activeTargets"]
    seen = {t["labels"].get("service"): t for t in targets}
    def fresh(t):
        return t["health"] == "up" and time.mktime(time.strptime(t["lastScrape"][:19], "%Y-%m-%dT%H:%M:%S")) - time.timezone >= started
    waiting = [s for s in expected if s not in seen or not fresh(seen[s])]
    if not waiting:
        break
    if time.time() > deadline:
        for s in waiting:
            t = seen.get(s)
            print(f"live check: FAILED: target {s} is " + (f"{t['health']} ({t['lastError'] or 'no fresh scrape'})" if t else "not configured in deploy/prometheus/prometheus.yml"), file=sys.stderr)
        sys.exit(1)
    time.sleep(1)
others = sorted(s for s, t in seen.items() if s not in expected)
print(f"live check: every target is up: {', '.join(expected)}" + (f" (not in this checkout, not checked: {', '.join(others)})" if others else ""))
PY

queries="$(mktemp)"
trap 'rm -f "$queries"' EXIT
node "$HERE/dashboards.mjs" queries >"$queries"
python3 - "$PROM" "$HERE/expected-empty.tsv" "$queries" "$([[ -f "$ROOT/analytics-service/pom.xml" ]] && echo yes || echo no)" <<'PY'
import json, sys, urllib.parse, urllib.request
prom, expected_file, queries, analytics = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "yes"
allowed = {}
for line in open(expected_file, encoding="utf-8"):
    if line.strip() and not line.startswith("#"):
        uid, panel, ref, why = line.rstrip("\n").split("\t")
        allowed[(uid, panel, ref)] = why
used, failures, fed, empty_ok, skipped = set(), [], 0, 0, 0
for line in open(queries, encoding="utf-8"):
    q = json.loads(line)
    key = (q["dashboard"], q["panel"], q["refId"])
    name = f'{q["dashboard"]} / {q["panel"]} / {q["refId"]}'
    if q["dashboard"] == "samadhan-district-review" and not analytics:
        skipped += 1
        continue
    answer = json.load(urllib.request.urlopen(prom + "/api/v1/query?" + urllib.parse.urlencode({"query": q["filled"]})))
    if answer["status"] != "success":
        failures.append(f"{name}: Prometheus refused the query: {answer.get('error')}")
        continue
    series = len(answer["data"]["result"])
    if key in allowed:
        used.add(key)
        empty_ok += 1
        print(f"  {'data ' if series else 'empty'} {name} (may be empty: {allowed[key]})")
    elif series == 0:
        failures.append(f"{name}: no data ({q['filled']})")
    else:
        fed += 1
for key in sorted(set(allowed) - used):
    if key[0] != "samadhan-district-review" or analytics:
        failures.append(f"expected-empty.tsv names a query no dashboard has: {' / '.join(key)}")
for f in failures:
    print(f"live check: FAILED: {f}", file=sys.stderr)
print(f"live check: {fed} panel queries returned data, {empty_ok} allowed to be empty, {len(failures)} failed"
      + (f", {skipped} of the District review skipped (no analytics-service in this checkout)" if skipped else ""))
sys.exit(1 if failures else 0)
PY
