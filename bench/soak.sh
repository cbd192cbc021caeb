# bench/run --soak [minutes]: sourced by bench/run once the app runs and the B2 data is seeded
# (uses its WORK, BASE, SECRET, APP_PID, RAW, PG_BIN, B2_CLIENTS, B2_SECONDS, SOAK_MINUTES,
# driver and psql_). Measures B2's full path briefly, then drives it at 60% of that rate for
# SOAK_MINUTES, a JSON line per minute (place-order p50/p99, heap, pool, RSS), checks the
# ledger's invariants at the end and records the run (bench/soak_report.py).

psql_ -c "CREATE TABLE bench_stock_start AS SELECT id, stock FROM skus"

echo "== soak: B2 full path measured first ($B2_CLIENTS buyers, $B2_SECONDS s)"
b2=$(driver b2 $BASE "$WORK/seed.properties" $B2_CLIENTS $B2_SECONDS $SECRET)
echo "{\"bench\":\"soak\",\"kind\":\"b2\",${b2#\{}" | tee -a "$RAW"
RATE=$(python3 -c "import json,sys; print(round(0.6 * json.loads(sys.argv[1])['placedPerSec'], 1))" "$b2")

echo "== soak: $SOAK_MINUTES min of the full path at $RATE orders/s (60% of B2's), $B2_CLIENTS buyers"
driver soak $BASE "$WORK/seed.properties" $RATE $SOAK_MINUTES $B2_CLIENTS $SECRET $APP_PID \
  | sed -u 's/^{/{"bench":"soak",/' | tee -a "$RAW"

echo "== soak: the ledger's invariants"
# let the event publications of the last orders complete
drain_events 30
OP=$(curl -s -X POST $BASE/api/v1/tokens -H 'Content-Type: application/json' \
  -d '{"phone":"+8613800000000","password":"bench-operator"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
curl -s $BASE/api/v1/ops/ledger/trial-balance -H "Authorization: Bearer $OP" > "$WORK/trial-balance.json"

cat > "$WORK/machine.json" <<JSON
{"commit": "$(head_commit)", "cores": $(nproc),
 "memory": "$(free -g | awk '/Mem:/ {print $2}') GiB", "jdk": "$(java -version 2>&1 | head -1 | sed 's/"//g')",
 "postgres": "$($PG_BIN/postgres --version | awk '{print $3}')"}
JSON
mkdir -p bench/results
python3 bench/soak_report.py --psql "psql -h 127.0.0.1 -p $PG_PORT -U postgres -d microshop -qtAX" \
  --raw "$RAW" --trial-balance "$WORK/trial-balance.json" --machine "$WORK/machine.json" \
  --out "bench/results/$(date -u +%Y%m%dT%H%M%SZ)-soak.json" --record "${SOAK_RECORD:-1}"
