#!/usr/bin/env bash
# Runs the self-hosted benchmark scenarios of docs/benchmarks.md against the real server jar, on this machine:
# for each store (memory, h2) a fresh server per scenario, started with an HS256 secret and stopped after it.
#
#   chat-bench/run-benchmarks.sh [SCENARIO...]     scenarios: fanout rooms maxrate memory jmh (default: all),
#                                                  and compare, typing, joinstorm, busydisk (not in the default set)
#
# Environment (all optional):
#   STORES="memory h2"     which stores to run the socket scenarios on; node-ws is the Node `ws` baseline server
#                          (chat-bench/peers/ws-chat-server.mjs, run with `node`, protocol v1 only, after `npm ci`)
#                          in the store's place: STORES="memory h2 node-ws" chat-bench/run-benchmarks.sh maxrate
#   PORT=3101              server port (loopback only)
#   DURATION=30            measured seconds of fanout and rooms (plus WARMUP=5)
#   MAXRATE_RATES="..."    posting rates tried by maxrate, in order, each for MAXRATE_DURATION=15 s after
#                          MAXRATE_WARMUP=3 s of posting that is not measured
#   IDLE_CONNECTIONS=10000 connections held by the memory scenario, in rooms of 10, over SOURCES=16 loopback
#                          source addresses (the probe keeps 128 upgrades in flight, and the server closes an
#                          address's 17th unfinished HTTP connection: 16 sources keep each at 8 on a slow machine)
#   SERVER_JAVA_OPTS=...   JVM options of the server (default -Xmx2g; the server sets its own heap-sizing
#                          defaults at start-up, as it does when started by hand, so none are needed here)
#   PROTOCOL=v1            wire protocol of the load scenarios (v1 or v2; docs/protocol.md)
#   JFR=1                  record each server run with JDK Flight Recorder into the results folder
#   SERVER_JAR, BENCH_JAR  other builds to measure (default: the ones under adapter-jetty/ and chat-bench/target)
#   RESULTS=DIR            where results go (default chat-bench/target/results/<time>)
#   compare                maxrate on each of COMPARE_STORES="node-ws memory h2", back to back, over the ladder
#                          COMPARE_RATES (default from 20 posts/s, low enough for the Node baseline), COMPARE_RUNS=1
#                          times; prints the highest rate each held and its ratio to node-ws's, per run, into
#                          $RESULTS/compare.txt too (issue 14: ours at least 5 x the Node ws server's)
# Protocol v2 scenarios (need PROTOCOL=v2; not in the default list):
#   typing      2,000 connections in 200 rooms posting 400/s in total, every connection also typing once a second
#               (--typing-interval 1000), DURATION s on each store
#   joinstorm   50 connections in one room posting 50/s in total; after the warm-up 1,000 more join it evenly over
#               10 s (--storm 1000 --storm-seconds 10), DURATION s (at least 10) on each store; the server keeps its
#               presence bound (CHAT_PRESENCE_MAX_USERS, default 200), which the tool checks (--presence-bound);
#               the storm's upgrades come from 127.0.0.1-4 (--sources 4), under the server's per-address limit
#   e.g. PROTOCOL=v2 chat-bench/run-benchmarks.sh typing joinstorm
# Every scenario prints one JSON line; they are collected in $RESULTS/results.jsonl, with the load average.
#
# busydisk (issue 14, item 3), on H2 whatever STORES says: the maxrate ladder (MAXRATE_RATES) and the rooms shape
# (2,000 connections in 200 rooms, 400 posts/s, DURATION) on a quiet disk, then again while a neighbour loads the
# disk: `chat-bench.jar disk-load`, NEIGHBOUR_WRITERS=1 writer(s) each writing a NEIGHBOUR_BLOCK_KIB=64 KiB block
# and fdatasyncing it (FileChannel.force) in a loop, into $RESULTS/neighbour: the file system of the servers' data
# directories. The neighbour runs 10 s alone first (its line "busydisk-neighbour-alone": the disk's own rate),
# then through the busy half ("busydisk-neighbour": its syncs/s and MB/s beside the server). Every load line
# carries storeSyncs (syncs/s, writes per sync, mean sync ms over the measured window, from the server's
# /metrics); a table of both halves is printed at the end.
# gencost (issue 14, item 2; memory store whatever STORES says): the load generator's own CPU per delivery
# (clientCpuMicrosPerDelivery) in the fan-out shape (1 room x 1,000) at GENCOST_RATES="100 40 10" posts/s, DURATION
# s each, twice per rate: as it runs (a read handled by the selector thread that found it) and with Jetty's hand-over
# of every read to another thread restored (-Dbench.handOff=true). A generator built before issue 14's change is
# measured with BENCH_JAR=...; compare runs with alike latencies (how many frames a read brings sets the cost).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SERVER_JAR="${SERVER_JAR:-$ROOT/adapter-jetty/target/chat-server.jar}"
BENCH_JAR="${BENCH_JAR:-$HERE/target/chat-bench.jar}"
STORES="${STORES:-memory h2}"
PORT="${PORT:-3101}"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-5}"
MAXRATE_RATES="${MAXRATE_RATES:-100 150 200 300 400 600 800 1000}"
MAXRATE_DURATION="${MAXRATE_DURATION:-15}"
MAXRATE_WARMUP="${MAXRATE_WARMUP:-3}"
IDLE_CONNECTIONS="${IDLE_CONNECTIONS:-10000}"
SOURCES="${SOURCES:-16}"
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:--Xmx2g}"
PROTOCOL="${PROTOCOL:-v1}"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
RESULTS="${RESULTS:-$HERE/target/results/$(date +%Y%m%d-%H%M%S)}"
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -eq 0 ] && SCENARIOS=(fanout rooms maxrate memory jmh)

# A fixed benchmark secret: the server listens on loopback only and lives for one scenario.
export CHAT_JWT_SECRET="${CHAT_JWT_SECRET:-roomchat-benchmark-secret-0123456789abcdef}"

if [ ! -f "$SERVER_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
  echo "building the server and bench jars" >&2
  (cd "$ROOT" && mvn -q -pl adapter-jetty,chat-bench -am package -DskipTests)
fi
mkdir -p "$RESULTS"
# Every socket needs a descriptor on each side (server and probe are separate processes): raise the hard limit
# where it is below what the memory scenario holds (root may; otherwise the soft limit goes as high as allowed).
WANT_DESCRIPTORS=$((IDLE_CONNECTIONS + 4096))
if [ "$(ulimit -Hn)" != unlimited ] && [ "$(ulimit -Hn)" -lt "$WANT_DESCRIPTORS" ]; then
  ulimit -Hn "$WANT_DESCRIPTORS" 2>/dev/null || echo "cannot raise the descriptor limit to $WANT_DESCRIPTORS" >&2
fi
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT

# The Node ws baseline in a store's place: same port, same secret, same /health; its pid is node's own.
start_node_peer() { # label
  local label="$1"
  if [ "$PROTOCOL" != v1 ]; then
    echo "node-ws speaks protocol v1 only (PROTOCOL=$PROTOCOL)" >&2
    exit 2
  fi
  if ! command -v node > /dev/null || [ ! -f "$ROOT/node_modules/ws/package.json" ]; then
    echo "node-ws needs node on the PATH and ws installed: run npm ci in $ROOT" >&2
    exit 2
  fi
  CHAT_PORT="$PORT" CHAT_HOST=127.0.0.1 node "$HERE/peers/ws-chat-server.mjs" > "$RESULTS/server-$label.log" 2>&1 &
  SERVER_PID=$!
}

start_server() { # store label
  local store="$1" label="$2" data jfr=()
  if [ "$store" = node-ws ]; then
    start_node_peer "$label"
    await_server "$label"
    return 0
  fi
  data="$(mktemp -d "$RESULTS/data-$label.XXXX")"
  [ "${JFR:-0}" = 1 ] && jfr=("-XX:StartFlightRecording=filename=$RESULTS/server-$label.jfr,settings=profile")
  # shellcheck disable=SC2086
  CHAT_STORE="$store" CHAT_PORT="$PORT" CHAT_HOST=127.0.0.1 CHAT_DATA_DIR="$data" \
    java $SERVER_JAVA_OPTS "${jfr[@]}" -jar "$SERVER_JAR" > "$RESULTS/server-$label.log" 2>&1 &
  SERVER_PID=$!
  await_server "$label"
}

await_server() { # label
  local label="$1"
  for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$PORT/health" > /dev/null 2>&1; then
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$RESULTS/server-$label.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "server did not come up" >&2
  exit 1
}

load() { # label, then load options
  local label="$1"; shift
  echo "== $label (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  java -Xms1g -Xmx1g -jar "$BENCH_JAR" load --url "ws://127.0.0.1:$PORT/" --server-pid "$SERVER_PID" \
    --label "$label" --commit "$COMMIT" --protocol "$PROTOCOL" --progress 5 "$@" | tee -a "$RESULTS/results.jsonl"
}

fanout() { # store
  start_server "$1" "fanout-$1"
  load "fanout-$1" -c 1000 -r 1 --rate 100 -d "$DURATION" --warmup "$WARMUP"
  stop_server
}

rooms() { # store
  start_server "$1" "rooms-$1"
  load "rooms-$1" -c 2000 -r 200 --rate 400 -d "$DURATION" --warmup "$WARMUP"
  stop_server
}

# The fan-out shape at rising rates; stops at the first rate whose p99 passes 200 ms or that loses a message.
# HELD[store] is the highest rate held (0: not even the first), with a + when every rate tried was held.
declare -A HELD=()
maxrate() { # store
  local rate line
  HELD[$1]=0
  for rate in $MAXRATE_RATES; do
    start_server "$1" "maxrate-$1-$rate"
    line="$(load "maxrate-$1-$rate" -c 1000 -r 1 --rate "$rate" -d "$MAXRATE_DURATION" --warmup "$MAXRATE_WARMUP" --drain 10)"
    echo "$line"
    stop_server
    if ! python3 - "$line" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
sys.exit(0 if r["latencyMs"]["p99"] <= 200 and r["lost"] == 0 and r["acknowledged"] == r["posts"] else 1)
PY
    then
      echo "maxrate-$1: $rate posts/s is past the limit (p99 > 200 ms or loss)" >&2
      return 0
    fi
    HELD[$1]=$rate
  done
  HELD[$1]="${HELD[$1]}+"
}

memory() { # store
  if [ "$1" = node-ws ]; then
    echo "memory: skipped for node-ws (the probe reads a JVM's heap with jcmd)" >&2
    return 0
  fi
  start_server "$1" "memory-$1"
  echo "== memory-$1 (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  java -Xms1g -Xmx1g -jar "$BENCH_JAR" memory --url "ws://127.0.0.1:$PORT/" --pid "$SERVER_PID" \
    -c "$IDLE_CONNECTIONS" -r "$((IDLE_CONNECTIONS / 10))" --sources "$SOURCES" \
    | sed "s/\"label\":\"memory\"/\"label\":\"memory-$1\"/" | tee -a "$RESULTS/results.jsonl"
  stop_server
}

# maxrate on the Node ws baseline and on our stores, back to back in one run, and the ratio of each to node-ws.
compare() {
  local run store held base table="$RESULTS/compare.txt"
  local stores="${COMPARE_STORES:-node-ws memory h2}"
  for run in $(seq 1 "${COMPARE_RUNS:-1}"); do
    for store in $stores; do
      MAXRATE_RATES="${COMPARE_RATES:-20 40 60 80 100 150 200 300 400 600 800 1000}" maxrate "$store"
    done
    base="${HELD[node-ws]:-}"
    {
      echo "compare, run $run of ${COMPARE_RUNS:-1} (commit $COMMIT, load average $(cut -d' ' -f1-3 /proc/loadavg)):"
      echo "  highest fan-out rate held, 1 room x 1,000, p99 <= 200 ms and nothing lost"
      echo "  (0: not even the lowest rate tried; +: every rate tried was held, so the ratio is a bound)"
      for store in $stores; do
        held="${HELD[$store]}"
        printf '  %-8s %8s posts/s   %s\n' "$store" "$held" "$(python3 - "$held" "$base" <<'PY'
import sys
held, base = sys.argv[1], sys.argv[2]
if not base or float(base.rstrip("+")) == 0:
    print("(no node-ws rate to compare with)")
else:
    bound = {(True, False): ">= ", (False, True): "<= ", (True, True): "? "}.get(
        (held.endswith("+"), base.endswith("+")), "")
    print("%s%.1f x node-ws" % (bound, float(held.rstrip("+")) / float(base.rstrip("+"))))
PY
)"
      done
    } | tee -a "$table"
  done
}

requires_v2() { # scenario
  if [ "$PROTOCOL" != v2 ]; then
    echo "$1 measures protocol v2: run it with PROTOCOL=v2" >&2
    exit 2
  fi
}

typing() { # store
  requires_v2 typing
  start_server "$1" "typing-$1"
  load "typing-$1" -c 2000 -r 200 --rate 400 --typing-interval 1000 -d "$DURATION" --warmup "$WARMUP"
  stop_server
}

joinstorm() { # store
  requires_v2 joinstorm
  start_server "$1" "joinstorm-$1"
  load "joinstorm-$1" -c 50 -r 1 --rate 50 --storm 1000 --storm-seconds 10 \
    --presence-bound "${CHAT_PRESENCE_MAX_USERS:-200}" --sources 4 -d "$(( DURATION < 10 ? 10 : DURATION ))" \
    --warmup "$WARMUP"
  stop_server
}

jmh() {
  echo "== jmh (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  java -jar "$BENCH_JAR" jmh -f 1 -wi 3 -w 2 -i 5 -r 2 -prof gc -rf json -rff "$RESULTS/jmh.json" \
    'io.roomchat.bench.jmh' | tee "$RESULTS/jmh.txt"
}

NEIGHBOUR_PID=""
stop_neighbour() {
  if [ -n "$NEIGHBOUR_PID" ] && kill -0 "$NEIGHBOUR_PID" 2>/dev/null; then
    kill -TERM "$NEIGHBOUR_PID"
    wait "$NEIGHBOUR_PID" 2>/dev/null || true
    cat "$RESULTS/neighbour.jsonl" >> "$RESULTS/results.jsonl"
  fi
  NEIGHBOUR_PID=""
}

# The maxrate ladder and the rooms shape on H2, labelled busydisk-<condition>-...; the ladder stops at the first
# rate past p99 200 ms or with a loss, as maxrate does.
busydisk_runs() { # condition
  local rate line
  for rate in $MAXRATE_RATES; do
    start_server h2 "busydisk-$1-maxrate-$rate"
    line="$(load "busydisk-$1-maxrate-h2-$rate" -c 1000 -r 1 --rate "$rate" -d "$MAXRATE_DURATION" --warmup "$MAXRATE_WARMUP" \
      --drain 10)"
    stop_server
    python3 -c 'import json, sys; r = json.loads(sys.argv[1]); sys.exit(0 if r["latencyMs"]["p99"] <= 200
                and r["lost"] == 0 and r["acknowledged"] == r["posts"] else 1)' "$line" || break
  done
  start_server h2 "busydisk-$1-rooms"
  load "busydisk-$1-rooms-h2" -c 2000 -r 200 --rate 400 -d "$DURATION" --warmup "$WARMUP"
  stop_server
}

busydisk() {
  local neighbour=(java -Xmx64m -jar "$BENCH_JAR" disk-load --dir "$RESULTS/neighbour"
    --block-kib "${NEIGHBOUR_BLOCK_KIB:-64}" --writers "${NEIGHBOUR_WRITERS:-1}")
  mkdir -p "$RESULTS/neighbour"
  trap 'stop_neighbour; stop_server' EXIT
  busydisk_runs quiet
  echo "== busydisk: the neighbour alone for 10 s (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  "${neighbour[@]}" -d 10 --label busydisk-neighbour-alone | tee -a "$RESULTS/results.jsonl"
  "${neighbour[@]}" --label busydisk-neighbour > "$RESULTS/neighbour.jsonl" 2> "$RESULTS/neighbour.log" &
  NEIGHBOUR_PID=$!
  sleep 5
  busydisk_runs busy
  stop_neighbour
  trap stop_server EXIT
  python3 - "$RESULTS/results.jsonl" <<'PY'
import json, sys
print("%-34s %12s %9s %9s %10s %12s %9s" % ("run", "deliveries/s", "p99 ms", "lost", "syncs/s", "writes/sync",
                                          "sync ms"), file=sys.stderr)
for row in map(json.loads, open(sys.argv[1])):
    if not row.get("label", "").startswith("busydisk-"):
        continue
    if "syncsPerSecond" in row and "latencyMs" not in row:
        print("%-34s neighbour: %.0f syncs/s, %.1f MB/s, write-and-sync p50 %.1f / p99 %.1f ms" % (row["label"],
              row["syncsPerSecond"], row["megabytesPerSecond"], row["syncMs"]["p50"], row["syncMs"]["p99"]),
              file=sys.stderr)
        continue
    s = row.get("storeSyncs", {})
    print("%-34s %12d %9.1f %9d %10s %12s %9s" % (row["label"], row["deliveriesPerSecond"], row["latencyMs"]["p99"],
          row["lost"], s.get("syncsPerSecond", "-"), s.get("writesPerSync", "-"), s.get("meanSyncMs", "-")),
          file=sys.stderr)
PY
}

# The generator's own cost per delivery, with and without its reads handled in place (see the header).
gencost() {
  local rate mode label opts
  for rate in ${GENCOST_RATES:-100 40 10}; do
    for mode in inplace handoff; do
      opts=()
      [ "$mode" = handoff ] && opts=(-Dbench.handOff=true)
      label="gencost-$rate-$mode"
      start_server memory "$label"
      echo "== $label (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
      java -Xms1g -Xmx1g "${opts[@]}" -jar "$BENCH_JAR" load --url "ws://127.0.0.1:$PORT/" --server-pid "$SERVER_PID" \
        --label "$label" --commit "$COMMIT" --protocol "$PROTOCOL" --progress 5 \
        -c 1000 -r 1 --rate "$rate" -d "$DURATION" --warmup "$WARMUP" | tee -a "$RESULTS/results.jsonl"
      stop_server
    done
  done
}

for scenario in "${SCENARIOS[@]}"; do
  case "$scenario" in
    fanout|rooms|maxrate|memory)
      for store in $STORES; do "$scenario" "$store"; done ;;
    jmh) jmh ;;
    compare) compare ;;
    busydisk) busydisk ;;
    gencost) gencost ;;
    typing|joinstorm)
      for store in $STORES; do "$scenario" "$store"; done ;;
    *) echo "unknown scenario: $scenario (fanout rooms maxrate memory jmh compare typing joinstorm busydisk)" >&2
       exit 2 ;;
  esac
done
echo "results: $RESULTS/results.jsonl" >&2
