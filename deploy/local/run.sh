#!/usr/bin/env bash
# The whole system on one machine, without containers: a real Kafka broker (jars from Maven Central), a real
# PostgreSQL (Debian package), a real OIDC provider (Keycloak, from Maven Central, realm deploy/local/keycloak),
# Prometheus (Debian package, deploy/prometheus) scraping the services and the broker, and every service, all under
# the ignored .run/ directory.
#
#   deploy/local/run.sh up [service ...]   start Kafka, PostgreSQL, Keycloak, Prometheus and the services (all, or the
#                                          ones named)
#   deploy/local/run.sh stop service ...   stop the named services only
#   deploy/local/run.sh down               stop exactly what `up` started
#   deploy/local/run.sh status             show what runs
#
# Environment (local defaults in brackets):
#   KAFKA_BOOTSTRAP_SERVERS  use this broker instead of starting one                 [start one on 127.0.0.1:9092]
#   WHATSAPP_APP_SECRET      Meta app secret that signs webhooks                      [local-app-secret]
#   WHATSAPP_VERIFY_TOKEN    webhook subscription token                               [local-verify-token]
#   WHATSAPP_ACCESS_TOKEN    Cloud API bearer token (the sandbox expects it)          [local-access-token]
#   CITIZEN_REF_KEY          key of the pseudonymous citizen references               [local-citizen-ref-key-0123]
#   DISTRICT_CODE            tenant of this deployment                                [BLD]
#   PORTAL_SESSION_SECRET    encrypts the portal's session cookies (32+ characters)   [local-portal-session-secret-…]
#   DB_USER / DB_PASSWORD    PostgreSQL role the services use                         [samadhan / samadhan]
#   LOCAL_OFFICIAL_PASSWORD  password of the local realm's officials (phe-gurur, phe-head, collector, ...) [local-password]
#   KEYCLOAK_JAVA_HOME       Java 21+ for Keycloak                                     [/usr/lib/jvm/temurin-25-jdk-amd64]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN="$ROOT/.run"
KAFKA_HOME="$RUN/kafka"
# PostgreSQL runs as user postgres when we are root, and that user may not enter the checkout (root's home, a
# `mktemp -d` folder: mode 700), so its files live under /var/lib/samadhan, one folder per checkout (named by a hash
# of the checkout's path, so two checkouts never share data). Run as another user, PostgreSQL runs as that user and
# keeps its files in the checkout.
if [[ $(id -u) == 0 ]]; then
  PG_HOME="/var/lib/samadhan/postgres-$(printf '%s' "$ROOT" | sha256sum | cut -c1-16)"
else
  PG_HOME="$RUN/postgres"
fi
KC_HOME="$RUN/keycloak"
PROM_HOME="$RUN/prometheus"
JMX_HOME="$RUN/jmx-exporter"
PIDS="$RUN/pids"
LOGS="$RUN/logs"

KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
PG_PORT=55432
KC_PORT=8180
KC_URL="http://localhost:$KC_PORT"
PROM_PORT=9090
KAFKA_METRICS_PORT=9404 # the broker's JMX exporter agent (deploy/prometheus/jmx-exporter)
# Fixed local ports (ENGINEERING.md). A module is started only if it exists in the repository.
declare -A PORTS=(
  [gateway-service]=8081 [chatbot-service]=8082 [routing-service]=8083 [grievance-service]=8084
  [notification-service]=8085 [analytics-service]=8086 [officer-portal]=8087 [whatsapp-sandbox]=8089
)
SERVICE_ORDER=(whatsapp-sandbox gateway-service routing-service grievance-service chatbot-service
  notification-service analytics-service officer-portal)

export WHATSAPP_APP_SECRET="${WHATSAPP_APP_SECRET:-local-app-secret}"
export WHATSAPP_VERIFY_TOKEN="${WHATSAPP_VERIFY_TOKEN:-local-verify-token}"
export WHATSAPP_ACCESS_TOKEN="${WHATSAPP_ACCESS_TOKEN:-local-access-token}"
export CITIZEN_REF_KEY="${CITIZEN_REF_KEY:-local-citizen-ref-key-0123}"
export DISTRICT_CODE="${DISTRICT_CODE:-BLD}"
export PORTAL_SESSION_SECRET="${PORTAL_SESSION_SECRET:-local-portal-session-secret-0123456789}"
DB_USER="${DB_USER:-samadhan}"
DB_PASSWORD="${DB_PASSWORD:-samadhan}"
LOCAL_OFFICIAL_PASSWORD="${LOCAL_OFFICIAL_PASSWORD:-local-password}"
KEYCLOAK_JAVA_HOME="${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

log() { printf '\033[1m[run]\033[0m %s\n' "$*"; }
die() { printf '[run] error: %s\n' "$*" >&2; exit 1; }

is_running() { [[ -f "$PIDS/$1.pid" ]] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

wait_until() { # wait_until <seconds> <description> <command...>
  local seconds=$1 what=$2; shift 2
  for ((i = 0; i < seconds * 4; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  die "$what not ready after ${seconds}s (logs: $LOGS)"
}

# ---------------------------------------------------------------------------------------------------------------------
# Kafka
# ---------------------------------------------------------------------------------------------------------------------
kafka_java() { java -Xms256m -Xmx512m -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.properties" \
  -Dkafka.logs.dir="$LOGS/kafka" -cp "$KAFKA_HOME/libs/*" "$@"; }

start_kafka() {
  if [[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
    log "Kafka: using $KAFKA_BOOTSTRAP_SERVERS"
    return
  fi
  export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
  if is_running kafka; then log "Kafka: already running"; return; fi
  if [[ ! -f "$KAFKA_HOME/libs/.complete" ]]; then
    log "Kafka: fetching the broker jars from Maven Central (once)"
    rm -rf "$KAFKA_HOME/libs"
    "$ROOT/mvnw" -q -B -f "$ROOT/deploy/local/kafka/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$KAFKA_HOME/libs"
    touch "$KAFKA_HOME/libs/.complete"
  fi
  fetch_jmx_exporter
  mkdir -p "$LOGS/kafka"
  cat >"$KAFKA_HOME/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_HOME/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
EOF
  if [[ ! -f "$KAFKA_HOME/data/meta.properties" ]]; then
    kafka_java kafka.tools.StorageTool format -t "$(kafka_java kafka.tools.StorageTool random-uuid)" \
      -c "$KAFKA_HOME/server.properties" >"$LOGS/kafka/format.log" 2>&1 || die "Kafka storage format failed"
  fi
  : >"$LOGS/kafka/server.log" # readiness is read from this run's log, never from an old one
  log "Kafka: starting on 127.0.0.1:$KAFKA_PORT"
  nohup java -Xms256m -Xmx768m -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.properties" \
    -javaagent:"$(ls "$JMX_HOME"/jmx_prometheus_javaagent-*.jar)=127.0.0.1:$KAFKA_METRICS_PORT:$ROOT/deploy/prometheus/jmx-exporter/kafka-broker.yml" \
    -Dkafka.logs.dir="$LOGS/kafka" -cp "$KAFKA_HOME/libs/*" kafka.Kafka "$KAFKA_HOME/server.properties" \
    >"$LOGS/kafka/stdout.log" 2>&1 &
  echo $! >"$PIDS/kafka.pid"
  wait_until 60 "Kafka" grep -q "Kafka Server started" "$LOGS/kafka/server.log"
  create_topics
}

# The broker's metrics for Prometheus: the JMX exporter agent, from Maven Central like the broker's jars.
fetch_jmx_exporter() {
  [[ -f "$JMX_HOME/.complete" ]] && return
  log "Kafka: fetching the Prometheus JMX exporter agent from Maven Central (once)"
  rm -rf "$JMX_HOME"
  "$ROOT/mvnw" -q -B -f "$ROOT/deploy/prometheus/jmx-exporter/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DexcludeTransitive=true -DoutputDirectory="$JMX_HOME" || die "JMX exporter download failed"
  touch "$JMX_HOME/.complete"
}

create_topics() {
  local existing
  existing=$(kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --list 2>/dev/null)
  local name partitions configs args creating=()
  while IFS=$'\t' read -r name partitions configs; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    grep -qx "$name" <<<"$existing" && continue
    args=(--bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists --topic "$name"
      --partitions "$partitions" --replication-factor 1)
    IFS=',' read -ra pairs <<<"$configs"
    for pair in "${pairs[@]}"; do args+=(--config "$pair"); done
    kafka_java org.apache.kafka.tools.TopicCommand "${args[@]}" >>"$LOGS/kafka/topics.log" 2>&1 &
    creating+=($!)
  done <"$ROOT/deploy/kafka/topics.tsv"
  local pid
  for pid in "${creating[@]}"; do wait "$pid" || die "creating topics failed (see $LOGS/kafka/topics.log)"; done
  log "Kafka: topics of deploy/kafka/topics.tsv exist"
}

# ---------------------------------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------------------------------
pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [[ -z "$bin" ]]; then
    log "PostgreSQL: installing the Debian package (once)" >&2
    [[ $(id -u) == 0 ]] || die "PostgreSQL is not installed and installing it needs root: apt-get install postgresql"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$bin"
}

# From /, since initdb and pg_ctl fail when they cannot enter the directory they were started in.
as_postgres() { if [[ $(id -u) == 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

start_postgres() {
  if is_running postgres; then log "PostgreSQL: already running"; return; fi
  local bin
  bin=$(pg_bin)
  mkdir -p "$PG_HOME" "$LOGS/postgres"
  if [[ $(id -u) == 0 ]]; then chown postgres: "$PG_HOME"; fi
  chmod 700 "$PG_HOME"
  # The server writes its log as user postgres, so the log is kept with its files and linked from the logs folder.
  ln -sfn "$PG_HOME/server.log" "$LOGS/postgres/server.log"
  if [[ ! -f "$PG_HOME/data/PG_VERSION" ]]; then
    local pwfile="$PG_HOME/pwfile"
    (umask 077 && printf '%s\n' "$DB_PASSWORD" >"$pwfile")
    if [[ $(id -u) == 0 ]]; then chown postgres: "$pwfile"; fi
    as_postgres "$bin/initdb" -D "$PG_HOME/data" -U "$DB_USER" --pwfile="$pwfile" --auth=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$LOGS/postgres/initdb.log" 2>&1 || die "initdb failed (see $LOGS/postgres/initdb.log)"
    rm -f "$pwfile"
  fi
  log "PostgreSQL: starting on 127.0.0.1:$PG_PORT (files in $PG_HOME)"
  as_postgres "$bin/pg_ctl" -D "$PG_HOME/data" -l "$PG_HOME/server.log" -w -t 30 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_HOME" start >/dev/null \
    || die "PostgreSQL did not start (see $PG_HOME/server.log)"
  head -n 1 "$PG_HOME/data/postmaster.pid" >"$PIDS/postgres.pid"
  # One database per service that keeps state; services own their schema through Flyway.
  local db
  for db in chatbot routing grievance notification analytics; do
    PGPASSWORD="$DB_PASSWORD" "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d postgres -tAc \
      "select 1 from pg_database where datname = '$db'" | grep -q 1 \
      || PGPASSWORD="$DB_PASSWORD" "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" "$db"
  done
}

# ---------------------------------------------------------------------------------------------------------------------
# Keycloak: the officials' identity provider (realm balod), started in the background because it takes 20-50 s
# ---------------------------------------------------------------------------------------------------------------------
start_keycloak() {
  if is_running keycloak; then log "Keycloak: already running"; return; fi
  [[ -x "$KEYCLOAK_JAVA_HOME/bin/java" ]] || die "Keycloak needs Java 21+; set KEYCLOAK_JAVA_HOME"
  if [[ ! -f "$KC_HOME/.complete" ]]; then
    log "Keycloak: fetching the distribution from Maven Central (first run only)"
    rm -rf "$KC_HOME" && mkdir -p "$KC_HOME"
    "$ROOT/mvnw" -q -B -f "$ROOT/deploy/local/keycloak/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$RUN/keycloak-download" >"$LOGS/keycloak-fetch.log" 2>&1 || die "Keycloak download failed"
    tar -xzf "$RUN"/keycloak-download/keycloak-quarkus-dist-*.tar.gz -C "$KC_HOME" --strip-components=1
    rm -rf "$RUN/keycloak-download"
    touch "$KC_HOME/.complete"
  fi
  mkdir -p "$KC_HOME/data/import"
  sed "s/__LOCAL_PASSWORD__/$LOCAL_OFFICIAL_PASSWORD/" "$ROOT/deploy/local/keycloak/balod-realm.json" \
    >"$KC_HOME/data/import/balod-realm.json"
  log "Keycloak: starting on $KC_URL (realm balod)"
  nohup env JAVA_HOME="$KEYCLOAK_JAVA_HOME" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    "$KC_HOME/bin/kc.sh" start-dev --db=dev-mem --http-host=127.0.0.1 --http-port="$KC_PORT" \
    --hostname="$KC_URL" --import-realm >"$LOGS/keycloak.log" 2>&1 &
  echo $! >"$PIDS/keycloak.pid"
}

wait_keycloak() {
  wait_until 180 "Keycloak" curl -sf "$KC_URL/realms/balod/.well-known/openid-configuration"
}

# ---------------------------------------------------------------------------------------------------------------------
# Prometheus: deploy/prometheus/prometheus.yml and its rules, data in .run/prometheus
# ---------------------------------------------------------------------------------------------------------------------
prometheus_bin() {
  if ! command -v prometheus >/dev/null; then
    log "Prometheus: installing the Debian package (once)" >&2
    [[ $(id -u) == 0 ]] || die "Prometheus is not installed and installing it needs root: apt-get install prometheus"
    # Without recommends: prometheus-node-exporter would start a host exporter too.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends prometheus >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends prometheus >/dev/null; }
  fi
  # The package's own service (systemd or init script) would take 9090 with /etc/prometheus' configuration.
  if [[ -d /run/systemd/system ]] && systemctl is-enabled --quiet prometheus 2>/dev/null; then
    systemctl disable --now prometheus >/dev/null 2>&1 || true
  elif [[ -x /etc/init.d/prometheus ]] && /etc/init.d/prometheus status >/dev/null 2>&1; then
    /etc/init.d/prometheus stop >/dev/null 2>&1 || true
  fi
  command -v prometheus
}

start_prometheus() {
  if is_running prometheus; then log "Prometheus: already running"; return; fi
  local bin
  bin=$(prometheus_bin) || die "Prometheus could not be installed"
  if curl -s -o /dev/null "http://127.0.0.1:$PROM_PORT/-/ready"; then
    die "port $PROM_PORT is taken by another Prometheus (not started by run.sh); stop it first"
  fi
  mkdir -p "$PROM_HOME/data" "$LOGS"
  log "Prometheus: starting on http://127.0.0.1:$PROM_PORT (deploy/prometheus, data in $PROM_HOME)"
  nohup "$bin" --config.file="$ROOT/deploy/prometheus/prometheus.yml" --storage.tsdb.path="$PROM_HOME/data" \
    --storage.tsdb.retention.time=7d --web.listen-address="127.0.0.1:$PROM_PORT" >"$LOGS/prometheus.log" 2>&1 &
  echo $! >"$PIDS/prometheus.pid"
}

wait_prometheus() {
  wait_until 60 "Prometheus" curl -sf "http://127.0.0.1:$PROM_PORT/-/ready"
  is_running prometheus || die "Prometheus exited (see $LOGS/prometheus.log)"
}

# ---------------------------------------------------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------------------------------------------------
existing_services() {
  local s
  for s in "${SERVICE_ORDER[@]}"; do [[ -f "$ROOT/$s/pom.xml" ]] && echo "$s"; done
}

needs_build() { # a service needs a build when its jar is missing or older than any source of the project
  local jar="$ROOT/$1/target/quarkus-app/quarkus-run.jar"
  [[ ! -f "$jar" ]] && return 0
  [[ -n $(find "$ROOT" -path "$ROOT/.run" -prune -o \( -path '*/src/main/*' -o -name pom.xml \) -newer "$jar" \
    -type f -print -quit) ]]
}

build_services() {
  local stale=() s
  for s in "$@"; do needs_build "$s" && stale+=("$s"); done
  [[ ${#stale[@]} == 0 ]] && return
  log "Building ${stale[*]}"
  (cd "$ROOT" && ./mvnw -q -B install -DskipTests -pl "$(IFS=,; echo "${stale[*]}")" -am) \
    || die "build failed"
}

start_service() {
  local s=$1 port=${PORTS[$1]}
  if is_running "$s"; then log "$s: already running"; return; fi
  local db=${s%-service}
  nohup env QUARKUS_HTTP_PORT="$port" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" \
    QUARKUS_DATASOURCE_USERNAME="$DB_USER" QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD" \
    QUARKUS_OIDC_AUTH_SERVER_URL="$KC_URL/realms/balod" \
    java -Xmx384m -Djava.io.tmpdir="$RUN/tmp" -jar "$ROOT/$s/target/quarkus-app/quarkus-run.jar" >"$LOGS/$s.log" 2>&1 &
  echo $! >"$PIDS/$s.pid"
}

up() {
  mkdir -p "$PIDS" "$LOGS" "$RUN/tmp"
  local services=("$@") s
  if [[ ${#services[@]} == 0 ]]; then
    mapfile -t services < <(existing_services)
  fi
  for s in "${services[@]}"; do
    [[ -n "${PORTS[$s]:-}" && -f "$ROOT/$s/pom.xml" ]] || die "unknown service '$s' (have: $(existing_services | xargs))"
  done
  build_services "${services[@]}"
  start_keycloak
  start_kafka
  start_postgres
  start_prometheus
  wait_keycloak
  for s in "${services[@]}"; do start_service "$s"; done
  for s in "${services[@]}"; do
    wait_until 120 "$s" curl -sf "http://127.0.0.1:${PORTS[$s]}/q/health/ready"
    is_running "$s" || die "$s exited (see $LOGS/$s.log)"
  done
  wait_prometheus
  log "Ready."
  printf '  %-22s %s\n' "Kafka" "$KAFKA_BOOTSTRAP_SERVERS" "PostgreSQL" "127.0.0.1:$PG_PORT (user $DB_USER; files in $PG_HOME)" \
    "Keycloak" "$KC_URL (realm balod; officials phe-gurur, cspdcl-dondi, phe-head, collector)" \
    "Prometheus" "http://127.0.0.1:$PROM_PORT (targets /targets, alerts /alerts; broker metrics 127.0.0.1:$KAFKA_METRICS_PORT)"
  for s in "${services[@]}"; do
    printf '  %-22s http://127.0.0.1:%s   (health /q/health, metrics /q/metrics)\n' "$s" "${PORTS[$s]}"
  done
  printf '  %-22s %s\n' "Try it" "the citizen's phone http://localhost:8089/phone and the portal http://localhost:8087 (phe-gurur / $LOCAL_OFFICIAL_PASSWORD)" \
    "Logs" "$LOGS"
}

stop_pid() { # stop_pid <name>: TERM, then KILL after 20 s
  local name=$1 pid
  [[ -f "$PIDS/$name.pid" ]] || return 0
  pid=$(cat "$PIDS/$name.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 80; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    log "$name: stopped"
  fi
  rm -f "$PIDS/$name.pid"
}

down() {
  local s
  for s in "${SERVICE_ORDER[@]}"; do stop_pid "$s"; done
  stop_pid prometheus
  stop_pid kafka
  stop_pid keycloak
  if [[ -f "$PIDS/postgres.pid" ]]; then
    as_postgres "$(pg_bin)/pg_ctl" -D "$PG_HOME/data" -m fast -w stop >/dev/null 2>&1 || true
    stop_pid postgres
  fi
}

status() {
  local name port any=0
  for name in kafka postgres keycloak prometheus "${SERVICE_ORDER[@]}"; do
    [[ -f "$PIDS/$name.pid" ]] || continue
    any=1
    if is_running "$name"; then
      port=${PORTS[$name]:-}
      [[ $name == prometheus ]] && port=$PROM_PORT
      printf '  %-22s running (pid %s)%s\n' "$name" "$(cat "$PIDS/$name.pid")" "${port:+  http://127.0.0.1:$port}"
    else
      printf '  %-22s not running (stale pid file)\n' "$name"
    fi
  done
  [[ $any == 1 ]] || echo "  nothing started by run.sh is running"
}

case "${1:-}" in
  up) shift; up "$@" ;;
  down) down ;;
  stop) shift; for s in "$@"; do stop_pid "$s"; done ;;
  status) status ;;
  *) echo "usage: $0 up [service ...] | stop service ... | down | status" >&2; exit 2 ;;
esac
