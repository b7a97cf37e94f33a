#!/usr/bin/env bash
# Measures the embedded gateway on a fresh data directory:
#   - cold start: JVM start to the "Started" log line (Spring's own "process running for"), and the
#     wall-clock time from launching `java` to the first accepted message (token + POST included);
#   - accept latency of the risk-flag example after warm-up (each message with a new id).
# Usage, from the repository root after a build:  gateway/scripts/measure-embedded.sh [messages]
set -euo pipefail

MESSAGES="${1:-100}"
JAR="gateway/target/caseway-gateway.jar"
EXAMPLE="conformance/src/main/resources/caseway-ig/examples/Bundle-example-risk-flag-raised.json"
EXAMPLE_ID="3f6c1d8a-2b4e-4c7a-9e1f-0a2b3c4d5e6f"
PORT="${PORT:-18080}"
WORK="$(mktemp -d)"

now_ms() { date +%s%3N; }
message_with_new_id() { sed "s/${EXAMPLE_ID}/$(cat /proc/sys/kernel/random/uuid)/" "$EXAMPLE"; }
post() {
  message_with_new_id | curl -s -o "$WORK/last-response.json" -w '%{http_code} %{time_total}\n' \
    -H "Authorization: Bearer $1" -H 'Content-Type: application/fhir+json' --data-binary @- \
    "http://localhost:${PORT}/fhir/\$process-message"
}

launched=$(now_ms)
java -jar "$JAR" --caseway.data-dir="$WORK/data" --server.port="$PORT" \
  --caseway.kafka.embedded.port="${KAFKA_PORT:-19092}" \
  --caseway.kafka.embedded.controller-port="${KAFKA_CONTROLLER_PORT:-19093}" >"$WORK/gateway.log" 2>&1 &
gateway=$!
trap 'kill "$gateway" 2>/dev/null; wait "$gateway" 2>/dev/null; rm -rf "$WORK"' EXIT

until grep -q "Started CasewayGatewayApplication" "$WORK/gateway.log"; do
  kill -0 "$gateway" 2>/dev/null || { cat "$WORK/gateway.log"; exit 1; }
  sleep 0.1
done
started=$(now_ms)

token=$(curl -s -u northshire-mh-trust:local-only-northshire-mh-trust-secret \
  -d grant_type=client_credentials "http://localhost:${PORT}/oauth2/token" |
  sed -E 's/.*"access_token":"([^"]+)".*/\1/')
read -r status first_latency < <(post "$token")
[ "$status" = 200 ] || { echo "first message refused: $status"; cat "$WORK/last-response.json"; exit 1; }
first_accepted=$(now_ms)

for _ in $(seq 1 20); do post "$token" >/dev/null; done   # warm-up, not measured
for _ in $(seq 1 "$MESSAGES"); do post "$token"; done | awk '$1 != 200 { bad++ } { print $2 * 1000 }
  END { if (bad) { print "refused: " bad > "/dev/stderr"; exit 1 } }' | sort -n >"$WORK/latencies"

echo "JVM start to Started (Spring):   $(grep -o 'process running for [0-9.]*' "$WORK/gateway.log" | awk '{print $4}') s"
echo "launch to Started (wall clock):  $(( (started - launched) )) ms"
echo "launch to first accepted message: $(( (first_accepted - launched) )) ms (first accept took $(awk -v t="$first_latency" 'BEGIN{printf "%.0f", t*1000}') ms)"
grep -o 'Validator warmed up in [0-9]* ms' "$WORK/gateway.log" || true
awk '{ a[NR] = $1; s += $1 } END {
  printf "accept latency over %d messages after warm-up: mean %.1f ms, p50 %.1f ms, p95 %.1f ms, max %.1f ms\n",
    NR, s / NR, a[int(NR * 0.5)], a[int(NR * 0.95)], a[NR] }' "$WORK/latencies"
