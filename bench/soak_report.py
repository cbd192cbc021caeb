#!/usr/bin/env python3
"""bench/run --soak: prints the per-minute table and the ledger's invariants at the end,
writes the results JSON and (unless --record 0) a "Soak" section entry in docs/benchmarks.md.
Runs shorter than 30 minutes are marked as short proof runs. Exits 1 when an invariant fails."""
import argparse, datetime, json, os, subprocess, sys
import benchmarks_md

ap = argparse.ArgumentParser()
for a in ("psql", "raw", "trial-balance", "machine", "out"):
    ap.add_argument("--" + a, required=True)
ap.add_argument("--record", default="1")
args = ap.parse_args()


def one(query):
    out = subprocess.run(args.psql.split() + ["-c", query], check=True, capture_output=True, text=True).stdout.strip()
    return int(out or 0)


rows = [json.loads(l) for l in open(args.raw) if l.strip()]
soak = [r for r in rows if r.get("bench") == "soak"]
b2 = next(r for r in soak if r.get("kind") == "b2")
minutes = [r for r in soak if r.get("kind") == "minute"]
summary = next(r for r in soak if r.get("kind") == "summary")
machine = json.load(open(args.machine))
tb = json.load(open(getattr(args, "trial_balance")))

OPEN = "('PAID', 'SHIPPED', 'RECEIVED')"
invariants = []


def check(name, ok, figures):
    invariants.append({"invariant": name, "pass": bool(ok), "figures": figures})


total = one("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings")
check("trial balance zero", total == 0 and tb.get("sum") == 0 and tb.get("balanced") is True,
      {"sumOfAllPostings": total, "apiSum": tb.get("sum"), "apiBalanced": tb.get("balanced")})
unbalanced = one("SELECT count(*) FROM (SELECT transaction_id FROM ledger_postings GROUP BY transaction_id HAVING SUM(amount) <> 0) u")
check("no unbalanced transaction", unbalanced == 0,
      {"unbalancedTransactions": unbalanced, "transactions": one("SELECT count(*) FROM ledger_transactions")})
moved = one("""SELECT count(*) FROM bench_stock_start b JOIN skus s ON s.id = b.id WHERE b.stock <> s.stock + COALESCE(
  (SELECT SUM(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id
   WHERE l.sku_id = s.id AND o.status NOT IN ('CANCELLED', 'REFUNDED')), 0)""")
check("stock + units sold = starting stock, every SKU", moved == 0,
      {"skusNotConserved": moved, "skus": one("SELECT count(*) FROM bench_stock_start"),
       "unitsSold": one("SELECT COALESCE(SUM(l.quantity), 0) FROM order_lines l JOIN orders o ON o.id = l.order_id "
                        "WHERE o.status NOT IN ('CANCELLED', 'REFUNDED')")})
escrow = one("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account LIKE 'escrow:%'")
open_money = one(f"SELECT COALESCE(SUM(total - refunded_amount), 0) FROM orders WHERE status IN {OPEN}")
check("escrow holds exactly the open orders' money", escrow == open_money,
      {"escrowBalance": escrow, "openOrdersMoney": open_money})
dups = one("SELECT count(*) FROM (SELECT 1 FROM ledger_transactions GROUP BY kind, reference HAVING count(*) > 1) d")
check("no booking twice", dups == 0, {"duplicateKindReference": dups})
incomplete = one("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
check("no event publication left incomplete", incomplete == 0, {"incompletePublications": incomplete})

short = summary["minutes"] < 30
print()
print(f"soak: {summary['minutes']} min{' (SHORT PROOF RUN)' if short else ''}; B2 full path measured first "
      f"{b2['placedPerSec']} orders/s (place p99 {b2['placeP99Ms']} ms); target {summary['targetRate']} orders/s, "
      f"achieved {summary['achievedRate']}")
hdr = f"{'min':>3} {'orders/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'5xx':>4} {'other':>5} {'heap MB':>8} {'after GC MB':>11} {'pool act':>8} {'pool pend':>9} {'RSS MB':>7}"
print(hdr)
for m in minutes:
    print(f"{m['minute']:>3} {m['ordersPerSec']:>8.1f} {m['p50Ms']:>8.1f} {m['p99Ms']:>8.1f} {m['fiveXX']:>4} {m['otherErrors']:>5} "
          f"{m['heapUsedMb']:>8.0f} {m['heapAfterGcMb']:>11.0f} {m['poolActiveMax']:>8} {m['poolPendingMax']:>9} {m['rssMb']:>7}")
print(f"p99 drift (last {summary['driftWindowMinutes']} min vs first {summary['driftWindowMinutes']} min): "
      f"{summary['lastP99Ms']:.1f} / {summary['firstP99Ms']:.1f} ms = {summary['p99Drift']:.2f}x; placed {summary['placed']}, "
      f"received {summary['received']}, settled {summary['settled']}, 5xx {summary['fiveXX']}, late slots {summary['lateSlots']}")
for i in invariants:
    print(f"{i['invariant']:50} {'PASS' if i['pass'] else 'FAIL'}  {json.dumps(i['figures'])}")

stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
json.dump({"date": stamp, "bench": "soak", "shortProofRun": short, "machine": machine, "b2": b2, "minutes": minutes,
           "summary": summary, "invariants": invariants}, open(args.out, "w"), indent=2)
print("Results: " + args.out)

failed = [i["invariant"] for i in invariants if not i["pass"]]
if args.record != "0":
    intro = (
            "After the usual set-up, B2's full path (place, signed webhook, ship, confirm; the scheduler settles) is\n"
            "measured for 15 s with 32 buyers, then driven open-loop at 60% of that rate (orders/s placed through the\n"
            "full path) for the given minutes (30 by default; not in CI). Per minute: place-order p50/p99, errors, heap\n"
            "used at most, heap after GC (G1 old generation + survivors as the last collection left them), connection pool\n"
            "active/pending at most (HikariCP, 10 connections), RSS; the app runs with `-Xmx384m` and the metrics\n"
            "endpoint exposed for the run. p99 drift: p99 of the last 5 minutes over p99 of the first 5 (for runs shorter\n"
            "than 10 minutes, floor(minutes / 2) each). At the end: trial balance zero, no unbalanced transaction, stock\n"
            "conserved, escrow = open orders' money, no booking twice, no event publication incomplete.\n")
    m = machine
    verdict = "all invariants hold" if not failed else "FAILED: " + "; ".join(failed)
    block = [f"### {stamp[:16].replace('T', ' ')} UTC, {m['commit']}, {summary['minutes']} min"
             + (" (short proof run of the mode, not the 30-minute soak)" if short else ""), "",
             f"{m['cores']} cores, {m['memory']}, {m['jdk']}, PG {m['postgres']}. B2 full path first: {b2['placedPerSec']} "
             f"orders/s; soak target {summary['targetRate']}/s, achieved {summary['achievedRate']}/s; placed "
             f"{summary['placed']}, settled {summary['settled']} of {summary['received']} received; 5xx "
             f"{summary['fiveXX']}. **p99 drift {summary['p99Drift']:.2f}x** ({summary['lastP99Ms']:.1f} ms last "
             f"{summary['driftWindowMinutes']} min vs {summary['firstP99Ms']:.1f} ms first). Ledger at the end: {verdict}.",
             "", "| min | orders/s | p50 ms | p99 ms | 5xx | heap MB (max) | heap after GC MB | pool active (max) | pool pending (max) | RSS MB |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in minutes:
        block.append(f"| {r['minute']} | {r['ordersPerSec']:.1f} | {r['p50Ms']:.1f} | {r['p99Ms']:.1f} | {r['fiveXX']} | "
                     f"{r['heapUsedMb']:.0f} | {r['heapAfterGcMb']:.0f} | {r['poolActiveMax']} | {r['poolPendingMax']} | {r['rssMb']} |")
    # new runs go at the end of the soak section, before any section after it
    benchmarks_md.add_block("## Soak (`bench/run --soak [minutes]`)", block, intro)

if failed:
    print("SOAK INVARIANTS FAILED: " + "; ".join(failed))
    sys.exit(1)
