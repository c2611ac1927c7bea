#!/usr/bin/env bash
# Runs three chat-server nodes on this machine against one PostgreSQL and one Redis (docs/cluster.md).
#
#   scripts/cluster.sh start     start the nodes on ports 3001-3003, wait until each answers /health
#   scripts/cluster.sh status    print each node's /health
#   scripts/cluster.sh stop      stop them (SIGTERM: sockets closed with 1001, pools closed)
#
# Settings (environment): CHAT_DATABASE_URL (default jdbc:postgresql://127.0.0.1:5432/chat), CHAT_DATABASE_USER,
# CHAT_DATABASE_PASSWORD, CHAT_REDIS_URL (default redis://127.0.0.1:6379), CHAT_JWT_SECRET (every node must share
# it; when unset a random one is made once and kept in the run directory), CLUSTER_NODES (3), CLUSTER_BASE_PORT
# (3001), CLUSTER_DIR (./cluster-run: logs, pids, the secret), CHAT_JAR (adapter-jetty/target/chat-server.jar).
# CHAT_STORE (postgres) and CHAT_BUS (redis) may be overridden, e.g. for a single-node baseline; any other CHAT_*
# setting passes through to every node.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
jar=${CHAT_JAR:-$root/adapter-jetty/target/chat-server.jar}
dir=${CLUSTER_DIR:-$PWD/cluster-run}
nodes=${CLUSTER_NODES:-3}
base_port=${CLUSTER_BASE_PORT:-3001}

health() {
    curl -fsS --max-time 3 "http://127.0.0.1:$1/health" 2>/dev/null
}

start() {
    [[ -f $jar ]] || { echo "cluster: no $jar; build it with ./mvnw -B package -DskipTests" >&2; exit 2; }
    mkdir -p "$dir"
    if [[ -z ${CHAT_JWT_SECRET:-} ]]; then
        [[ -f $dir/jwt-secret ]] || (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/jwt-secret")
        CHAT_JWT_SECRET=$(cat "$dir/jwt-secret")
        echo "cluster: tokens are HS256, signed with the secret in $dir/jwt-secret (subject = user id)"
    fi
    export CHAT_JWT_SECRET CHAT_STORE=${CHAT_STORE:-postgres} CHAT_BUS=${CHAT_BUS:-redis}
    export CHAT_DATABASE_URL=${CHAT_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/chat}
    export CHAT_REDIS_URL=${CHAT_REDIS_URL:-redis://127.0.0.1:6379}
    for ((n = 1; n <= nodes; n++)); do
        local pidfile=$dir/node-$n.pid
        if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            echo "cluster: node $n already runs (pid $(cat "$pidfile"))" >&2
            exit 2
        fi
        CHAT_PORT=$((base_port + n - 1)) nohup java -jar "$jar" >"$dir/node-$n.log" 2>&1 &
        echo $! >"$pidfile"
    done
    for ((n = 1; n <= nodes; n++)); do
        local port=$((base_port + n - 1)) pid
        pid=$(cat "$dir/node-$n.pid")
        for ((tries = 0; tries < 120; tries++)); do
            if health "$port" >/dev/null; then
                echo "cluster: node $n up: ws://127.0.0.1:$port/ (pid $pid, log $dir/node-$n.log)"
                continue 2
            fi
            if ! kill -0 "$pid" 2>/dev/null; then
                local code=0
                wait "$pid" || code=$?
                echo "cluster: node $n did not start (exit $code; 1: the database or Redis does not answer," \
                     "2: a setting); its log:" >&2
                tail -n 20 "$dir/node-$n.log" >&2
                stop
                exit 1
            fi
            sleep 0.5
        done
        echo "cluster: node $n does not answer /health after 60 s; see $dir/node-$n.log" >&2
        stop
        exit 1
    done
}

status() {
    for ((n = 1; n <= nodes; n++)); do
        local port=$((base_port + n - 1))
        echo "node $n (port $port): $(health "$port" || echo 'no answer')"
    done
}

stop() {
    for ((n = 1; n <= nodes; n++)); do
        local pidfile=$dir/node-$n.pid
        [[ -f $pidfile ]] || continue
        local pid
        pid=$(cat "$pidfile")
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid"
            local tries=0
            while kill -0 "$pid" 2>/dev/null && ((tries++ < 60)); do
                sleep 0.5
            done
            kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
            echo "cluster: node $n stopped"
        fi
        rm -f "$pidfile"
    done
}

case ${1:-} in
    start) start ;;
    status) status ;;
    stop) stop ;;
    *) sed -n '2,15p' "$0" >&2; exit 2 ;;
esac
