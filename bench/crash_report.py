#!/usr/bin/env python3
"""The crash test's verdict (bench/crash): checks the database, after the last restart and the
quiet period, against the outcomes the clients were given (table crash_outcomes, loaded from
the outcome log), prints every invariant with its figures and PASS/FAIL, writes the results
JSON and, unless --record 0, a row in docs/benchmarks.md. Exits 1 when an invariant fails."""
import argparse, datetime, json, os, subprocess, sys
import benchmarks_md

ap = argparse.ArgumentParser()
for a in ("psql", "seed", "kills", "load", "verify", "machine", "app-errors", "out", "settings"):
    ap.add_argument("--" + a, required=True)
ap.add_argument("--record", default="1")
args = ap.parse_args()


def sql(query):
    out = subprocess.run(args.psql.split() + ["-F", "\t", "-c", query], check=True, capture_output=True, text=True).stdout
    return [l.split("\t") for l in out.split("\n") if l.strip()]


def one(query):
    rows = sql(query)
    return int(rows[0][0]) if rows and rows[0][0] != "" else 0


seed = dict(l.split("=", 1) for l in open(args.seed) if "=" in l and not l.startswith("#"))
stock = int(seed["stock"].strip())
kills = [json.loads(l) for l in open(args.kills) if l.strip()]
load = json.load(open(args.load))
verify = json.load(open(args.verify))
machine = json.load(open(args.machine))
app_errors = open(getattr(args, "app_errors")).read().strip()

OPEN = "('PAID', 'SHIPPED', 'RECEIVED')"
# ledger transactions of each kind per order (references of PAYMENT, REFUND and SETTLEMENT are order ids)
LEDGER = """(SELECT o.id, o.status, o.total, o.refunded_amount,
  (SELECT count(*) FROM ledger_transactions t WHERE t.kind = 'PAYMENT' AND t.reference = o.id::text) AS pay,
  (SELECT count(*) FROM ledger_transactions t WHERE t.kind = 'REFUND' AND t.reference = o.id::text) AS ref,
  (SELECT count(*) FROM ledger_transactions t WHERE t.kind = 'SETTLEMENT' AND t.reference = o.id::text) AS stl
  FROM orders o) l"""

invariants = []


def check(name, ok, figures):
    invariants.append({"invariant": name, "pass": bool(ok), "figures": figures})


# 1. no paid order lost
succeeded = one("SELECT count(*) FROM payments WHERE status IN ('SUCCEEDED', 'REFUNDED')")
paid_but_pending = one("""SELECT count(*) FROM payments p JOIN orders o ON o.id = p.order_id
  WHERE p.status IN ('SUCCEEDED', 'REFUNDED') AND o.status = 'PENDING_PAYMENT'""")
paid_without_payment_booking = one("""SELECT count(*) FROM payments p WHERE p.status IN ('SUCCEEDED', 'REFUNDED')
  AND NOT EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.kind = 'PAYMENT' AND t.reference = p.order_id::text)""")
webhooks_acked = one("SELECT count(DISTINCT payment_id) FROM crash_outcomes WHERE kind IN ('PAY_ACK', 'LATE_PAY_ACK')")
acked_not_succeeded = one("""SELECT count(DISTINCT c.payment_id) FROM crash_outcomes c
  LEFT JOIN payments p ON p.id::text = c.payment_id
  WHERE c.kind IN ('PAY_ACK', 'LATE_PAY_ACK') AND (p.id IS NULL OR p.status NOT IN ('SUCCEEDED', 'REFUNDED'))""")
acked_order_unpaid = one("""SELECT count(DISTINCT c.payment_id) FROM crash_outcomes c
  JOIN payments p ON p.id::text = c.payment_id JOIN orders o ON o.id = p.order_id
  WHERE c.kind = 'PAY_ACK' AND o.status NOT IN ('PAID', 'SHIPPED', 'RECEIVED', 'SETTLED', 'REFUNDED', 'CANCELLED')""")
check("no paid order lost", paid_but_pending == 0 and paid_without_payment_booking == 0 and acked_not_succeeded == 0
      and acked_order_unpaid == 0,
      {"paymentsSucceeded": succeeded, "succeededButOrderPending": paid_but_pending,
       "succeededWithoutEscrowBooking": paid_without_payment_booking, "webhooksAcknowledged": webhooks_acked,
       "acknowledgedButPaymentNotSucceeded": acked_not_succeeded, "acknowledgedButOrderUnpaid": acked_order_unpaid})

# 2. nothing credited twice
dup_refs = one("SELECT count(*) FROM (SELECT 1 FROM ledger_transactions GROUP BY kind, reference HAVING count(*) > 1) d")
dup_per_order = one(f"SELECT count(*) FROM {LEDGER} WHERE pay > 1 OR ref > 1 OR stl > 1")
settled_and_refunded = one(f"SELECT count(*) FROM {LEDGER} WHERE stl > 0 AND ref > 0")
dup_payment_events = one("""SELECT count(*) FROM (SELECT payment_id FROM payment_events WHERE type = 'payment.succeeded'
  AND id LIKE 'evt_crash_%' GROUP BY payment_id HAVING count(*) > 1) d""")
check("nothing credited twice", dup_refs == 0 and dup_per_order == 0 and settled_and_refunded == 0,
      {"duplicateKindReference": dup_refs, "ordersWithTwoBookingsOfAKind": dup_per_order,
       "ordersSettledAndRefunded": settled_and_refunded, "duplicateWebhookEventsStored": dup_payment_events})

# 3. the money of each order matches its status
mismatch = sql(f"""SELECT status, pay, ref, stl, count(*) FROM {LEDGER} WHERE NOT (
    (status = 'PENDING_PAYMENT' AND pay = 0 AND ref = 0 AND stl = 0)
 OR (status IN {OPEN} AND pay = 1 AND ref = 0 AND stl = 0)
 OR (status = 'SETTLED' AND pay = 1 AND ref = 0 AND stl = 1)
 OR (status = 'CANCELLED' AND pay = ref AND pay <= 1 AND stl = 0)
 OR (status = 'REFUNDED' AND pay = 1 AND ref = 1 AND stl = 0)) GROUP BY 1, 2, 3, 4""")
escrow = one("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account LIKE 'escrow:%'")
open_money = one(f"SELECT COALESCE(SUM(total - refunded_amount), 0) FROM orders WHERE status IN {OPEN}")
check("every order's bookings match its status; escrow holds exactly the open orders' money",
      not mismatch and escrow == open_money,
      {"ordersNotMatching": [{"status": r[0], "payment": r[1], "refund": r[2], "settlement": r[3], "orders": int(r[4])}
                             for r in mismatch],
       "escrowBalance": escrow, "openOrdersMoney": open_money})

# 4. trial balance
total = one("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings")
unbalanced = one("SELECT count(*) FROM (SELECT transaction_id FROM ledger_postings GROUP BY transaction_id HAVING SUM(amount) <> 0) u")
empty = one("SELECT count(*) FROM ledger_transactions t WHERE NOT EXISTS (SELECT 1 FROM ledger_postings p WHERE p.transaction_id = t.id)")
transactions = one("SELECT count(*) FROM ledger_transactions")
check("trial balance zero", total == 0 and unbalanced == 0 and empty == 0,
      {"sumOfAllPostings": total, "unbalancedTransactions": unbalanced, "transactionsWithoutPostings": empty,
       "transactions": transactions})

# 5. stock conservation
stock_rows = sql("""SELECT s.code, s.stock, COALESCE((SELECT SUM(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id
  WHERE l.sku_id = s.id AND o.status NOT IN ('CANCELLED', 'REFUNDED')), 0) FROM skus s ORDER BY s.code""")
per_sku = [{"sku": r[0], "stock": int(r[1]), "unitsSold": int(r[2]), "sum": int(r[1]) + int(r[2]), "start": stock}
           for r in stock_rows]
check("stock + units sold = starting stock", per_sku and all(s["sum"] == stock for s in per_sku), {"skus": per_sku})

# 6. event publications
incomplete = one("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
check("no event publication left incomplete", incomplete == 0, {"incompletePublications": incomplete})

# 7. every acknowledged outcome persisted
placed = one("SELECT count(DISTINCT order_id) FROM crash_outcomes WHERE kind = 'PLACED'")
placed_missing = one("""SELECT count(DISTINCT c.order_id) FROM crash_outcomes c LEFT JOIN orders o ON o.id::text = c.order_id
  WHERE c.kind = 'PLACED' AND o.id IS NULL""")
orders_total = one("SELECT count(*) FROM orders")
ship_lost = one("""SELECT count(*) FROM crash_outcomes c JOIN orders o ON o.id::text = c.order_id
  WHERE c.kind = 'SHIP_ACK' AND o.shipped_at IS NULL""")
receive_lost = one("""SELECT count(*) FROM crash_outcomes c JOIN orders o ON o.id::text = c.order_id
  WHERE c.kind = 'RECEIVE_ACK' AND o.received_at IS NULL""")
cancel_lost = one("""SELECT count(*) FROM crash_outcomes c JOIN orders o ON o.id::text = c.order_id
  WHERE c.kind = 'CANCEL_ACK' AND o.status <> 'CANCELLED'""")
check("every order acknowledged with 201 exists (SQL and API); every acknowledged step kept",
      placed_missing == 0 and verify["foundByApi"] == verify["acked"] and verify["idempotencyKeyMismatches"] == 0
      and ship_lost == 0 and receive_lost == 0 and cancel_lost == 0,
      {"ordersAcknowledged": placed, "missingInDatabase": placed_missing, "ordersInDatabase": orders_total,
       "foundByApi": verify["foundByApi"], "idempotencyKeyMismatches": verify["idempotencyKeyMismatches"],
       "shipmentsLost": ship_lost, "receiptsLost": receive_lost, "cancellationsLost": cancel_lost})

# 8. the outstanding work finished after the last restart
stuck = dict((r[0], int(r[1])) for r in sql("""SELECT status, count(*) FROM orders
  WHERE status IN ('PENDING_PAYMENT', 'SHIPPED', 'RECEIVED') GROUP BY 1"""))
scheduler = sql("SELECT task_name, picked, COALESCE(picked_by, ''), execution_time, COALESCE(last_heartbeat::text, '') FROM scheduled_tasks")
check("outstanding work finished (timeouts, auto-receipts, settlements)", not stuck,
      {"ordersStillOpen": stuck, "scheduledTasks": [{"task": r[0], "picked": r[1], "pickedBy": r[2], "next": r[3],
                                                     "heartbeat": r[4]} for r in scheduler]})

# 9. every refund the ledger gave back reached the payment provider, once: per payment, the ledger's
# refunds to the buyer = the payment's refunded amount = the refunds sent to the provider, all acknowledged
refunds = sql("""WITH ledger AS (
    SELECT split_part(t.reference, ':', 1) AS order_id, SUM(p.amount) AS refunded
    FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id
    WHERE t.kind IN ('REFUND', 'PARTIAL_REFUND') AND p.account = 'buyer-funds' GROUP BY 1),
  sent AS (SELECT payment_id, SUM(amount) AS amount, count(*) AS refunds,
    count(*) FILTER (WHERE status <> 'SENT') AS unsent FROM payment_refunds GROUP BY 1)
  SELECT count(*) FILTER (WHERE COALESCE(l.refunded, 0) <> p.refunded_amount),
    count(*) FILTER (WHERE COALESCE(s.amount, 0) <> p.refunded_amount),
    COALESCE(SUM(s.unsent), 0), COALESCE(SUM(s.refunds), 0), COALESCE(SUM(p.refunded_amount), 0)
  FROM payments p LEFT JOIN ledger l ON l.order_id = p.order_id::text LEFT JOIN sent s ON s.payment_id = p.id""")[0]
ledger_mismatch, sent_mismatch, unsent, refunds_sent, refunded_total = (int(v) for v in refunds)
check("every refund reached the payment provider, once (ledger = payment = refunds sent)",
      ledger_mismatch == 0 and sent_mismatch == 0 and unsent == 0,
      {"paymentsWhoseLedgerRefundDiffers": ledger_mismatch, "paymentsWhoseSentRefundsDiffer": sent_mismatch,
       "refundsNotAcknowledged": unsent, "refundsSent": refunds_sent, "amountRefunded": refunded_total})

statuses = dict((r[0], int(r[1])) for r in sql("SELECT status, count(*) FROM orders GROUP BY 1"))
counts = load.get("counts", {})
sandbox_lost = one("""SELECT count(DISTINCT c.payment_id) FROM crash_outcomes c JOIN payments p ON p.id::text = c.payment_id
  WHERE c.kind = 'SANDBOX_ACK' AND p.status NOT IN ('SUCCEEDED', 'REFUNDED')""")
figures = {
    "kills": len(kills),
    "restartSecondsMedian": sorted(k["restartSeconds"] for k in kills)[len(kills) // 2] if kills else None,
    "restartSecondsMax": max((k["restartSeconds"] for k in kills), default=None),
    "loadSeconds": load.get("seconds"), "threads": load.get("threads"),
    "ordersAcknowledged": placed, "ordersByStatus": statuses, "paymentsSucceeded": succeeded,
    "settled": statuses.get("SETTLED", 0), "cancelled": statuses.get("CANCELLED", 0),
    "paidThenCancelledOrLatePaid": one("SELECT count(*) FROM ledger_transactions WHERE kind = 'REFUND'"),
    "webhooksAcknowledged": webhooks_acked,
    "sandboxPaymentsTapped": one("SELECT count(DISTINCT payment_id) FROM crash_outcomes WHERE kind = 'SANDBOX_ACK'"),
    "sandboxTapsNeverCollected": sandbox_lost,
    "clientRetries": sum(v for k, v in counts.items() if "-retry-" in k),
    "clientGaveUp": sum(v for k, v in counts.items() if k.endswith("-gave-up")),
    "publicationsIncompleteAtKills": sum(k["incompletePublicationsAtKill"] for k in kills),
}

print()
print(f"{'invariant':86} result")
for i in invariants:
    print(f"{i['invariant']:86} {'PASS' if i['pass'] else 'FAIL'}")
    print("    " + json.dumps(i["figures"]))
print()
print("figures: " + json.dumps(figures))
print("client counters: " + json.dumps(counts))
if app_errors:
    print("app log lines about failures (count, line):")
    print(app_errors[:3000])

failed = [i["invariant"] for i in invariants if not i["pass"]]
stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
json.dump({"date": stamp, "bench": "crash", "machine": machine, "settings": args.settings, "figures": figures,
           "invariants": invariants, "clientCounters": counts, "kills": kills, "verify": verify}, open(args.out, "w"), indent=2)
print("Results: " + args.out)

if args.record != "0":
    intro = (
            "`bench/crash [kills]` runs checkouts, payments (signed webhooks sent by the client acting as the provider,\n"
            "retried until acknowledged; and taps on the built-in sandbox provider), shipments, receipts, buyer\n"
            "cancellations, unpaid orders timing out and payments arriving after that, from 4 client threads, while the app\n"
            "is killed with SIGKILL 1-6 s after each start and restarted; after the last restart and a quiet period it checks\n"
            "the database and the API against every outcome the clients were given. Invariants: no paid order lost; nothing\n"
            "credited twice; each order's bookings match its status and escrow holds exactly the open orders' money; trial\n"
            "balance zero; stock + units sold = starting stock; no event publication incomplete; every acknowledged order\n"
            "and step kept; the outstanding work finished; every refund reached the payment provider once (the ledger's\n"
            "refunds = the payment's refunded amount = the refunds sent). Raw figures in `bench/results/*-crash.json`.\n\n"
            "| date | commit | machine | kills | orders acknowledged | paid | settled | cancelled | refunds booked | webhooks acked | client retries | invariants |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|\n")
    m = machine
    verdict = f"all {len(invariants)} PASS" if not failed else "FAIL: " + "; ".join(failed)
    row = (f"| {stamp[:10]} | {m['commit']} | {m['cores']} cores, {m['memory']}, {m['jdk']}, PG {m['postgres']} | "
           f"{figures['kills']} | {placed} | {succeeded} | {figures['settled']} | {figures['cancelled']} | "
           f"{figures['paidThenCancelledOrLatePaid']} | {webhooks_acked} | {figures['clientRetries']} | {verdict} |")
    benchmarks_md.add_row("## Crash safety (`bench/crash`)", row, intro)

if failed:
    print("CRASH INVARIANTS FAILED: " + "; ".join(failed))
    sys.exit(1)
print("ALL INVARIANTS HOLD")
