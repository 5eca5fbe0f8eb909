#!/usr/bin/env bash
# Real-time delivery benchmark: Querfunk and ejabberd side by side on the same PostgreSQL, and
# PostgreSQL's own single-row insert rate (pgbench) as the limit for durable sends.
#
#   bench/realtime/run.sh            the full run (10,000 people, 60 s scenarios, 300 s ramp steps)
#   bench/realtime/run.sh --quick    30 s scenarios and ramp steps, for a first look (~35 min)
#
# Run as root on a Debian machine: it installs ejabberd if missing, starts its own PostgreSQL
# cluster (synchronous_commit=on) in a temporary directory, both servers on loopback only, runs
# every scenario, stops everything (also on failure) and writes the "Real-time delivery" section
# of docs/benchmarks.md. Raw results stay in bench/realtime/target/run-*/.
# Any parameter below can be set from the environment, e.g. RAMP_STEP_SECONDS=60.
# BASELINE=<dir with results.tsv and machine.txt of an earlier run> adds a before/after table for
# Querfunk (docs/benchmarks/realtime-before/ keeps a --quick run before the send-path changes,
# docs/benchmarks/realtime-full/ the first full run).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
MIN_JAVA=21

MODE=full
BUILD=true
for arg in "$@"; do
    case $arg in
        --quick) MODE=quick ;;
        --no-build) BUILD=false ;;
        -h | --help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "unknown option $arg (use --quick, --no-build)" >&2; exit 2 ;;
    esac
done

if [ "$MODE" = quick ]; then
    : "${PEOPLE:=10000}" "${SIZE_CLIENTS:=1000 5000 10000}" "${WARMUP_SECONDS:=10}" "${SCENARIO_SECONDS:=30}"
    : "${RAMP_STEP_SECONDS:=30}" "${PGBENCH_SECONDS:=30}"
else
    : "${PEOPLE:=10000}" "${SIZE_CLIENTS:=1000 5000 10000}" "${WARMUP_SECONDS:=15}" "${SCENARIO_SECONDS:=60}"
    : "${RAMP_STEP_SECONDS:=300}" "${PGBENCH_SECONDS:=300}"
fi
: "${RATE:=50}"                      # messages per second in the client-count scenarios
: "${ROOM_SCENARIOS=10:50 1000:5}"  # room size:rate at ROOM_CLIENTS clients (100 is in the size scenarios)
: "${ROOM_CLIENTS:=1000}"
: "${RAMP_CLIENTS:=1000}"
: "${RAMP_ROOM_SIZE:=10}"            # small rooms, so that the ramp finds the send limit, not the fan-out limit
: "${RAMP_RATES=100,200,300,400,800,1600,3200}"
: "${SENDERS:=30}"                   # sending clients in the ramp, and pgbench's client count
: "${ACK_P99_LIMIT_MS:=100}"
: "${SERVERS:=querfunk ejabberd}"
: "${PG_PORT:=55432}" "${QF_PORT:=18080}" "${EJ_HTTP_PORT:=15280}" "${EJ_C2S_PORT:=15222}"
: "${SERVER_CPU:=0}" "${DRIVER_CPU:=1}"
SMALL_ROOM_CLIENTS=$(( ROOM_CLIENTS > RAMP_CLIENTS ? ROOM_CLIENTS : RAMP_CLIENTS ))
LAYOUT="10:$SMALL_ROOM_CLIENTS,100:$PEOPLE,1000:$ROOM_CLIENTS"

log() { printf '\n== %s  (load %s)\n' "$*" "$(cut -d' ' -f1-3 /proc/loadavg)"; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "run as root: it starts PostgreSQL and ejabberd as their own users"

# --- JDK: the newest one under /usr/lib/jvm that is at least 21 ---------------------------------
pick_jdk() {
    local home version major
    for home in /usr/lib/jvm/*; do
        [ -d "$home" ] && [ ! -L "$home" ] && [ -x "$home/bin/javac" ] || continue
        version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$home/release" 2>/dev/null || true)
        major=${version%%[!0-9]*}
        [ -n "$major" ] && [ "$major" -ge "$MIN_JAVA" ] && printf '%s %s\n' "$version" "$home"
    done | sort -V | tail -n 1 | cut -d' ' -f2-
}
JAVA_HOME=$(pick_jdk)
[ -n "$JAVA_HOME" ] || die "no JDK $MIN_JAVA or newer under /usr/lib/jvm"
export JAVA_HOME
JAVA=$JAVA_HOME/bin/java

# --- packages ---------------------------------------------------------------------------------------
missing=()
command -v ejabberdctl >/dev/null 2>&1 || missing+=(ejabberd)
[ -d /usr/lib/erlang/lib ] && ls -d /usr/lib/erlang/lib/p1_pgsql-* >/dev/null 2>&1 || missing+=(erlang-p1-pgsql)
ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1 || missing+=(postgresql postgresql-contrib)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
    log "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

# --- where things go ----------------------------------------------------------------------------
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN=$HERE/target/run-$STAMP-$MODE
mkdir -p "$RUN/hist"
RESULTS=$RUN/results.tsv
: >"$RESULTS"
WORK=$(mktemp -d /tmp/querfunk-bench.XXXXXX)   # PostgreSQL and ejabberd run as their own users: not under the work tree
chmod 755 "$WORK"
QF_PID=
EJ_STARTED=false
PG_STARTED=false
T0=$(date +%s)
exec > >(tee "$RUN/run.log") 2>&1

as_user() { local u=$1; shift; setpriv --reuid="$u" --regid="$u" --init-groups env HOME="$(getent passwd "$u" | cut -d: -f6)" "$@"; }
psql_do() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

stop_all() {
    set +e
    if [ -n "$QF_PID" ] && kill -0 "$QF_PID" 2>/dev/null; then
        kill -TERM "$QF_PID"
        for _ in $(seq 60); do kill -0 "$QF_PID" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$QF_PID" 2>/dev/null && kill -KILL "$QF_PID"
    fi
    QF_PID=
    if $EJ_STARTED; then
        as_user ejabberd ejabberdctl --config-dir "$WORK/ejabberd/conf" --spool "$WORK/ejabberd/spool" --logs "$WORK/ejabberd/logs" stop >/dev/null 2>&1
        for _ in $(seq 60); do pgrep -u ejabberd -f 'beam.*ejabberd@localhost' >/dev/null || break; sleep 0.5; done
        cp -r "$WORK/ejabberd/logs" "$RUN/ejabberd-logs" 2>/dev/null
        EJ_STARTED=false
    fi
    if $PG_STARTED; then
        as_user postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null 2>&1
        cp "$WORK/pgrun/postgresql.log" "$RUN/postgresql.log" 2>/dev/null
        PG_STARTED=false
    fi
    rm -rf "$WORK"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# --- build ------------------------------------------------------------------------------------------
if $BUILD || [ ! -f "$REPO/target/quarkus-app/quarkus-run.jar" ]; then
    log "Building the server"
    (cd "$REPO" && mvn -B -q package -DskipTests) >"$RUN/build-server.log" 2>&1 || die "server build failed: $RUN/build-server.log"
fi
log "Building the driver"
(cd "$HERE" && mvn -B -q package) >"$RUN/build-driver.log" 2>&1 || die "driver build failed: $RUN/build-driver.log"
DRIVER_CP="$HERE/target/classes:$(ls "$HERE"/target/lib/*.jar | tr '\n' ':')"

# The driver may open 10,000 sockets; so may each server. 20,000 is this machine's hard limit.
ulimit -n "$(ulimit -Hn)"
driver() {
    taskset -c "$DRIVER_CPU" "$JAVA" -Xms1g -Xmx4g -XX:+UseZGC -XX:+AlwaysPreTouch -cp "$DRIVER_CP" \
        de.querfunk.bench.realtime.Main "$@"
}

# --- the machine ------------------------------------------------------------------------------------
# The install and the builds above load the machine: give the 1-minute load average up to two
# minutes to fall below 1 before the first measurement (the report says if it did not).
for _ in $(seq 24); do
    awk '{ exit !($1 < 1.0) }' /proc/loadavg && break
    sleep 5
done
{
    echo "mode=$MODE"
    echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
    echo "commit=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "cpu=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)"
    echo "cores=$(nproc)"
    echo "memory=$(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
    echo "kernel=$(uname -r)"
    echo "jdk=$("$JAVA" -version 2>&1 | sed -n '2p')"
    echo "postgresql=$("$PG_BIN/postgres" --version)"
    echo "ejabberd=$(dpkg-query -W -f '${Version}' ejabberd 2>/dev/null || echo unknown)"
    echo "loadStart=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "people=$PEOPLE"
    echo "sizeClients=$SIZE_CLIENTS"
    echo "rate=$RATE"
    echo "roomScenarios=$ROOM_SCENARIOS"
    echo "roomClients=$ROOM_CLIENTS"
    echo "warmupSeconds=$WARMUP_SECONDS"
    echo "scenarioSeconds=$SCENARIO_SECONDS"
    echo "rampClients=$RAMP_CLIENTS"
    echo "rampRoomSize=$RAMP_ROOM_SIZE"
    echo "rampRates=$RAMP_RATES"
    echo "rampStepSeconds=$RAMP_STEP_SECONDS"
    echo "senders=$SENDERS"
    echo "ackLimitMs=$ACK_P99_LIMIT_MS"
    echo "serverCpu=$SERVER_CPU"
    echo "driverCpu=$DRIVER_CPU"
} >"$RUN/machine.txt"
cat "$RUN/machine.txt"

# --- PostgreSQL: one cluster for Querfunk, ejabberd and pgbench ----------------------------------------
log "Starting PostgreSQL ($("$PG_BIN/postgres" --version))"
mkdir "$WORK/pg" "$WORK/pgrun" && chown postgres:postgres "$WORK/pg" "$WORK/pgrun"
as_user postgres "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust >"$RUN/initdb.log" 2>&1
cat >>"$WORK/pg/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$WORK/pgrun'
max_connections = 200
shared_buffers = 1GB
# Durable commits: the point of the comparison.
synchronous_commit = on
fsync = on
# Querfunk orders events by commit time (docs/operations.md).
track_commit_timestamp = on
# Counts the statements each server runs per message.
shared_preload_libraries = 'pg_stat_statements'
EOF
as_user postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pgrun/postgresql.log" -w start >/dev/null
PG_STARTED=true
PG_PID=$(head -n 1 "$WORK/pg/postmaster.pid")
for db in querfunk ejabberd pgbench; do psql_do -c "CREATE DATABASE $db"; done
psql_do -c "CREATE EXTENSION pg_stat_statements"

# What a server asked of PostgreSQL during its scenarios: statements by calls, and how many messages were stored.
db_profile() {
    local db=$1 count_sql=$2 out=$3
    {
        echo "messages stored: $(psql_do -d "$db" -At -c "$count_sql")"
        psql_do -c "SELECT s.calls, round(s.total_exec_time::numeric) AS total_ms, round(s.mean_exec_time::numeric, 3) AS mean_ms,
                left(regexp_replace(s.query, '\s+', ' ', 'g'), 120) AS statement
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = '$db' ORDER BY s.calls DESC LIMIT 20"
    } >"$out" 2>&1 || true
}

# --- the limit: raw message-shaped inserts ------------------------------------------------------------
log "pgbench: single-row message inserts, $SENDERS clients, ${PGBENCH_SECONDS}s"
psql_do -d pgbench <<'EOF'
CREATE TABLE message (
    id uuid PRIMARY KEY,
    conversation_id uuid NOT NULL,
    author_id uuid NOT NULL,
    body text NOT NULL,
    idempotency_key text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX message_conversation ON message (conversation_id, created_at);
EOF
cat >"$RUN/pgbench-insert.sql" <<'EOF'
\set c random(1, 100)
INSERT INTO message (id, conversation_id, author_id, body, idempotency_key)
VALUES (gen_random_uuid(), ('00000000-0000-0000-0000-' || lpad(:c::text, 12, '0'))::uuid, gen_random_uuid(),
        'qfb 1234567890123 42 4711 Kannst du bitte kurz auf das Ticket schauen, der Kunde wartet seit heute morgen',
        gen_random_uuid()::text);
EOF
PGB_LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
"$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c "$SENDERS" -j 2 -T "$PGBENCH_SECONDS" \
    -f "$RUN/pgbench-insert.sql" pgbench >"$RUN/pgbench.log" 2>&1
PGB_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$RUN/pgbench.log" | head -n 1)
PGB_LAT=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$RUN/pgbench.log" | head -n 1)
printf 'label=pgbench\tclients=%s\tdurationS=%s\ttps=%s\tlatencyAvgMs=%s\tloadBefore=%s\tloadAfter=%s\n' \
    "$SENDERS" "$PGBENCH_SECONDS" "$PGB_TPS" "$PGB_LAT" "${PGB_LOAD_BEFORE// //}" "$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)" >>"$RESULTS"
echo "pgbench: $PGB_TPS inserts/s, average latency $PGB_LAT ms"

# --- scenarios, the same for both servers ---------------------------------------------------------------
scenarios() {
    local protocol=$1 url=$2 server=$3 pid=$4 jcmd=$5 data=$6 n spec size rate
    local common=(--protocol "$protocol" --url "$url" --data "$data" --server-pid "$pid" --pg-pid "$PG_PID"
        --clk-tck "$(getconf CLK_TCK)" --out "$RESULTS" --hist-dir "$RUN/hist")
    [ -n "$jcmd" ] && common+=(--jcmd "$jcmd")
    for n in $SIZE_CLIENTS; do
        log "$server: $n clients, rooms of 100, $RATE messages/s"
        driver run "${common[@]}" --label "$server-clients-$n" --clients "$n" --room-size 100 --rates "$RATE" \
            --warmup "$WARMUP_SECONDS" --duration "$SCENARIO_SECONDS"
    done
    for spec in $ROOM_SCENARIOS; do
        size=${spec%%:*}
        rate=${spec##*:}
        log "$server: $ROOM_CLIENTS clients, rooms of $size, $rate messages/s"
        driver run "${common[@]}" --label "$server-rooms-$size" --clients "$ROOM_CLIENTS" --room-size "$size" --rates "$rate" \
            --warmup "$WARMUP_SECONDS" --duration "$SCENARIO_SECONDS"
    done
    [ -n "$RAMP_RATES" ] || return 0
    log "$server: ramp, $RAMP_CLIENTS clients in rooms of $RAMP_ROOM_SIZE, $SENDERS senders, ${RAMP_STEP_SECONDS}s per step, until send-ack p99 > ${ACK_P99_LIMIT_MS} ms"
    driver run "${common[@]}" --label "$server-ramp" --clients "$RAMP_CLIENTS" --room-size "$RAMP_ROOM_SIZE" --rates "$RAMP_RATES" \
        --senders "$SENDERS" --warmup 10 --duration "$RAMP_STEP_SECONDS" --ack-p99-limit-ms "$ACK_P99_LIMIT_MS"
}

# --- Querfunk ------------------------------------------------------------------------------------------------
if [[ " $SERVERS " == *" querfunk "* ]]; then
    log "Starting Querfunk on core $SERVER_CPU"
    TOKEN=bench-$RANDOM$RANDOM
    mkdir -p "$RUN/querfunk-data"
    # Cheap password hashes only because the setup creates thousands of accounts; sends are not hashed.
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/querfunk" QUARKUS_DATASOURCE_USERNAME=postgres \
        QUARKUS_DATASOURCE_PASSWORD=postgres \
        taskset -c "$SERVER_CPU" "$JAVA" \
        -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$QF_PORT" -Dquerfunk.public-url="http://127.0.0.1:$QF_PORT" \
        -Dquerfunk.data-dir="$RUN/querfunk-data" -Dquerfunk.identity.secure-cookie=false \
        -Dquerfunk.identity.setup-token="$TOKEN" \
        -Dquerfunk.identity.password-hash-memory-kib=4096 -Dquerfunk.identity.password-hash-iterations=1 \
        -Dquerfunk.chat.messages-per-second=100000 -Dquerfunk.chat.message-burst=100000 \
        -Dquerfunk.realtime.presence-enabled="${QF_PRESENCE:-false}" \
        -jar "$REPO/target/quarkus-app/quarkus-run.jar" >"$RUN/querfunk.log" 2>&1 &
    QF_PID=$!
    for _ in $(seq 120); do
        curl -fs "http://127.0.0.1:$QF_PORT/q/health/ready" >/dev/null 2>&1 && break
        kill -0 "$QF_PID" 2>/dev/null || die "Querfunk did not start: $RUN/querfunk.log"
        sleep 1
    done
    log "Querfunk: setting up $PEOPLE people and their spaces"
    driver setup-querfunk --base "http://127.0.0.1:$QF_PORT" --setup-token "$TOKEN" --users "$PEOPLE" --layout "$LAYOUT" \
        --out "$RUN/querfunk-setup" | tee "$RUN/querfunk-setup.log"
    # Profile the scenarios only, not the setup's account creation.
    "$JAVA_HOME/bin/jcmd" "$QF_PID" JFR.start name=bench settings=profile >/dev/null
    psql_do -At -c "SELECT pg_stat_statements_reset()" >/dev/null
    MSG_BEFORE=$(psql_do -d querfunk -At -c "SELECT count(*) FROM message")
    scenarios querfunk "ws://127.0.0.1:$QF_PORT/api/v1/stream" querfunk "$QF_PID" "$JAVA_HOME/bin/jcmd" "$RUN/querfunk-setup"
    db_profile querfunk "SELECT count(*) - $MSG_BEFORE FROM message" "$RUN/querfunk-statements.txt"
    "$JAVA_HOME/bin/jcmd" "$QF_PID" JFR.dump name=bench filename="$RUN/querfunk.jfr" >/dev/null 2>&1 || true
    stop_one=$QF_PID
    kill -TERM "$stop_one"; for _ in $(seq 60); do kill -0 "$stop_one" 2>/dev/null || break; sleep 0.5; done
    QF_PID=
    "$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$RUN/querfunk.jfr" >"$RUN/querfunk-hot-methods.txt" 2>&1 || true
    "$JAVA_HOME/bin/jfr" view --width 160 allocation-by-site "$RUN/querfunk.jfr" >"$RUN/querfunk-allocation.txt" 2>&1 || true
    "$JAVA_HOME/bin/jfr" view --width 160 gc-pauses "$RUN/querfunk.jfr" >"$RUN/querfunk-gc-pauses.txt" 2>&1 || true
fi

# --- ejabberd ------------------------------------------------------------------------------------------------
if [[ " $SERVERS " == *" ejabberd "* ]]; then
    log "Starting ejabberd $(dpkg-query -W -f '${Version}' ejabberd) on core $SERVER_CPU"
    EJ=$WORK/ejabberd
    mkdir -p "$EJ/conf" "$EJ/spool" "$EJ/logs"
    sed -e "s/@PGPORT@/$PG_PORT/" -e "s/@C2S_PORT@/$EJ_C2S_PORT/" -e "s/@HTTP_PORT@/$EJ_HTTP_PORT/" \
        "$HERE/ejabberd/ejabberd.yml.in" >"$EJ/conf/ejabberd.yml"
    cp "$HERE/ejabberd/ejabberdctl.cfg" "$EJ/conf/"
    [ -f /etc/ejabberd/inetrc ] && cp /etc/ejabberd/inetrc "$EJ/conf/"
    chown -R ejabberd:ejabberd "$EJ"
    # ejabberd 23.01 does not create its SQL schema itself.
    psql_do -d ejabberd -f /usr/share/ejabberd/sql/pg.sql >"$RUN/ejabberd-schema.log" 2>&1
    # Started as root it would drop to the ejabberd user with 1,024 open files: start it as that user.
    taskset -c "$SERVER_CPU" setpriv --reuid=ejabberd --regid=ejabberd --init-groups env HOME=/var/lib/ejabberd \
        ejabberdctl --config-dir "$EJ/conf" --spool "$EJ/spool" --logs "$EJ/logs" start
    EJ_STARTED=true
    for _ in $(seq 120); do
        curl -fs -X POST -H 'Content-Type: application/json' -d '{}' "http://127.0.0.1:$EJ_HTTP_PORT/api/status" >/dev/null 2>&1 && break
        sleep 1
    done
    EJ_PID=$(pgrep -u ejabberd -f 'beam.*ejabberd@localhost' | head -n 1)
    [ -n "$EJ_PID" ] || die "ejabberd did not start: $EJ/logs"
    log "ejabberd: registering $PEOPLE users and creating their rooms"
    driver setup-xmpp --api "http://127.0.0.1:$EJ_HTTP_PORT/api" --users "$PEOPLE" --layout "$LAYOUT" \
        --out "$RUN/ejabberd-setup" | tee "$RUN/ejabberd-setup.log"
    psql_do -At -c "SELECT pg_stat_statements_reset()" >/dev/null
    scenarios xmpp "ws://127.0.0.1:$EJ_HTTP_PORT/ws" ejabberd "$EJ_PID" "" "$RUN/ejabberd-setup"
    db_profile ejabberd "SELECT count(*) FROM archive" "$RUN/ejabberd-statements.txt"
fi

stop_all
trap - EXIT

# --- the report -----------------------------------------------------------------------------------------------
echo "loadEnd=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RUN/machine.txt"
echo "minutes=$(( ($(date +%s) - T0 + 59) / 60 ))" >>"$RUN/machine.txt"
log "Writing docs/benchmarks.md"
driver report --results "$RESULTS" --machine "$RUN/machine.txt" --hot-methods "$RUN/querfunk-hot-methods.txt" \
    --statements "$RUN/querfunk-statements.txt,$RUN/ejabberd-statements.txt" \
    --jfr "$RUN/querfunk.jfr" --doc "$REPO/docs/benchmarks.md" --svg "$REPO/docs/benchmarks/realtime-latency.svg" \
    ${BASELINE:+--baseline "$BASELINE"}
log "Done in $(( ($(date +%s) - T0) / 60 )) min; raw results in ${RUN#"$REPO"/}"
