#!/usr/bin/env bash
# Measures the fan-out shape on a cluster on this machine (docs/benchmarks.md, "Protocol v2 and cluster"):
# PostgreSQL and Redis from the Maven artifacts the tests use (chat-testkit's PostgresServer and RedisServer, run
# by the test class ClusterServices), three server nodes (CHAT_STORE=postgres, CHAT_BUS=redis) started and stopped
# by scripts/cluster.sh, and one `load` run over all of them: every room has posters and receivers on every node,
# latency and loss are counted cluster-wide, server CPU is the nodes' together. Everything is stopped at the end.
# SHAPES runs several deployments one after the other in one invocation, each on fresh nodes, for a side-by-side
# table (docs/benchmarks.md, issue 13): "h2" is one node on an H2 file with the in-process bus, "postgres" one node
# on PostgreSQL with the in-process bus, and a number N is N nodes on PostgreSQL with the Redis bus. After each
# load line comes a "-services" line: PostgreSQL's and Redis's CPU and the requests the nodes sent them (TCP data
# segments, from ss), per acknowledged post, over the whole run (connecting and joining included: measure with a
# few connections, e.g. CONNECTIONS=10, for the cost of a post alone).
#
#   chat-bench/run-cluster-benchmark.sh
#   SHAPES="h2 postgres 1 2 3" chat-bench/run-cluster-benchmark.sh
#
# Environment (all optional):
#   SHAPES=3 BASE_PORT=3201    deployments to measure, in order; nodes on 127.0.0.1:BASE_PORT.. (loopback only)
#   CONNECTIONS=1000 ROOMS=1 RATE=100 DURATION=30 WARMUP=5 PROTOCOL=v1     the load (v1 or v2)
#   SERVER_JAVA_OPTS=-Xmx1g    each node's JVM options (passed as JDK_JAVA_OPTIONS; the result line reports them)
#   CLUSTER_SCRIPT=...         the node starter (default scripts/cluster.sh)
#   SERVER_JAR, BENCH_JAR, RESULTS   as in run-benchmarks.sh
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SERVER_JAR="${SERVER_JAR:-$ROOT/adapter-jetty/target/chat-server.jar}"
BENCH_JAR="${BENCH_JAR:-$HERE/target/chat-bench.jar}"
CLUSTER_SCRIPT="${CLUSTER_SCRIPT:-$ROOT/scripts/cluster.sh}"
SHAPES="${SHAPES:-${NODES:-3}}"
BASE_PORT="${BASE_PORT:-3201}"
CONNECTIONS="${CONNECTIONS:-1000}"
ROOMS="${ROOMS:-1}"
RATE="${RATE:-100}"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-5}"
PROTOCOL="${PROTOCOL:-v1}"
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:--Xmx1g}"
RESULTS="${RESULTS:-$HERE/target/results/cluster-$(date +%Y%m%d-%H%M%S)}"
export CHAT_JWT_SECRET="${CHAT_JWT_SECRET:-roomchat-benchmark-secret-0123456789abcdef}"

if [ ! -x "$CLUSTER_SCRIPT" ]; then
  echo "no $CLUSTER_SCRIPT (the three-node starter of docs/cluster.md); set CLUSTER_SCRIPT" >&2
  exit 2
fi
if [ ! -f "$SERVER_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
  echo "building the server and bench jars" >&2
  (cd "$ROOT" && ./mvnw -B -o -q -pl adapter-jetty,chat-bench -am package -DskipTests)
fi
mkdir -p "$RESULTS"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# The test classpath holds chat-testkit and the PostgreSQL and Redis binaries' artifacts.
CLASSPATH_FILE="$HERE/target/test-classpath.txt"
(cd "$ROOT" && ./mvnw -B -o -q -pl chat-bench -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt)

SERVICES_PID="" NODES=0
stop_nodes() {
  [ "$NODES" -gt 0 ] && CLUSTER_DIR="$RESULTS" CLUSTER_NODES="$NODES" "$CLUSTER_SCRIPT" stop >&2 || true
  NODES=0
}
stop_all() {
  stop_nodes
  if [ -n "$SERVICES_PID" ] && kill -0 "$SERVICES_PID" 2>/dev/null; then
    kill -TERM "$SERVICES_PID"
    wait "$SERVICES_PID" 2>/dev/null || true
  fi
}
trap stop_all EXIT

java -cp "$HERE/target/test-classes:$(cat "$CLASSPATH_FILE")" io.roomchat.bench.ClusterServices \
  "$RESULTS/services.env" > "$RESULTS/services.log" 2>&1 &
SERVICES_PID=$!
for _ in $(seq 1 240); do
  [ -f "$RESULTS/services.env" ] && break
  kill -0 "$SERVICES_PID" 2>/dev/null || { cat "$RESULTS/services.log" >&2; exit 1; }
  sleep 0.5
done
[ -f "$RESULTS/services.env" ] || { echo "PostgreSQL and Redis did not come up" >&2; exit 1; }
set -a
# shellcheck disable=SC1091
. "$RESULTS/services.env"
set +a

# What the shared services did: CPU ticks of every PostgreSQL and Redis process, and the data segments the nodes
# sent to each (one request per segment: a statement with its sync, a Redis command or pipeline).
port_of() { sed -E 's#.*://[^:/]+:([0-9]+).*#\1#' <<<"$1"; }
services_sample() {
  local pg redis
  pg="$(port_of "$CHAT_DATABASE_URL")" redis="$(port_of "$CHAT_REDIS_URL")"
  python3 - "$pg" "$redis" <<'PY'
import glob, subprocess, sys
ticks = {"postgres": 0, "redis-server": 0}
for stat in glob.glob("/proc/[0-9]*/stat"):
    try:
        text = open(stat).read()
    except OSError:
        continue
    # The kernel keeps 15 characters of a name: "redis-server-7.0.15-linux-amd64" is "redis-server-7.".
    comm = text[text.index("(") + 1:text.rindex(")")]
    name = next((known for known in ticks if comm.startswith(known)), None)
    if name:
        fields = text[text.rindex(")") + 2:].split()
        ticks[name] += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
def segments(port):
    out = subprocess.run(["ss", "-tinH", "state", "established", f"( dport = :{port} )"],
                         capture_output=True, text=True).stdout
    return sum(int(word.split(":")[1]) for word in out.split() if word.startswith("data_segs_out:"))
print(ticks["postgres"], ticks["redis-server"], segments(sys.argv[1]), segments(sys.argv[2]))
PY
}

measure() { # shape
  local shape="$1" store=postgres bus=redis label="cluster-$1-$PROTOCOL"
  case "$shape" in
    h2) store=h2 bus=local NODES=1 label="single-h2-$PROTOCOL" ;;
    postgres) bus=local NODES=1 label="single-postgres-$PROTOCOL" ;;
    [1-9]*) NODES="$shape" ;;
    *) echo "unknown shape: $shape (h2, postgres or a number of nodes)" >&2; exit 2 ;;
  esac
  JDK_JAVA_OPTIONS="$SERVER_JAVA_OPTS" CHAT_HOST=127.0.0.1 CHAT_STORE="$store" CHAT_BUS="$bus" \
    CHAT_DATA_DIR="$(mktemp -d "$RESULTS/data-$shape.XXXX")" CLUSTER_DIR="$RESULTS" CLUSTER_NODES="$NODES" \
    CLUSTER_BASE_PORT="$BASE_PORT" CHAT_JAR="$SERVER_JAR" "$CLUSTER_SCRIPT" start >&2
  local targets=() pids=() n
  for n in $(seq 1 "$NODES"); do
    targets+=("ws://127.0.0.1:$((BASE_PORT + n - 1))/")
    pids+=("$(cat "$RESULTS/node-$n.pid")")
  done
  echo "== $label (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  local before after line
  before="$(services_sample)"
  line="$(java -Xms1g -Xmx1g -jar "$BENCH_JAR" load --target "$(IFS=,; echo "${targets[*]}")" \
    --server-pid "$(IFS=,; echo "${pids[*]}")" --commit "$(git -C "$ROOT" rev-parse --short HEAD)" \
    --protocol "$PROTOCOL" --label "$label" --progress 5 \
    -c "$CONNECTIONS" -r "$ROOMS" --rate "$RATE" -d "$DURATION" --warmup "$WARMUP")"
  after="$(services_sample)"
  echo "$line" | tee -a "$RESULTS/results.jsonl"
  # The services' share of the whole run (connecting and joining included), per acknowledged post.
  python3 - "$line" "$before" "$after" "$(getconf CLK_TCK)" <<'PY' | tee -a "$RESULTS/results.jsonl"
import json, sys
result = json.loads(sys.argv[1])
before, after = ([int(x) for x in sample.split()] for sample in sys.argv[2:4])
delta = [a - b for a, b in zip(after, before)]
posts, tick = max(result["acknowledged"], 1), 1e6 / int(sys.argv[4])
print(json.dumps({"label": result["label"] + "-services", "acknowledged": result["acknowledged"],
                  "deliveries": result["deliveries"], "connections": result["connections"],
                  "postgresCpuMicrosPerPost": round(delta[0] * tick / posts, 1),
                  "redisCpuMicrosPerPost": round(delta[1] * tick / posts, 1),
                  "postgresRequestsPerPost": round(delta[2] / posts, 2),
                  "redisRequestsPerPost": round(delta[3] / posts, 2)}))
PY
  stop_nodes
}

for shape in $SHAPES; do measure "$shape"; done
echo "results: $RESULTS/results.jsonl" >&2
