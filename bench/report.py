#!/usr/bin/env python3
"""Turns the benchmark's raw measurements (JSON lines) into the table, a results JSON file
and, for full runs, a dated row in docs/benchmarks.md. Exits 1 when a correctness check
fails (oversell, a 5xx, an unbalanced ledger, a broken harness)."""
import json, statistics, sys, datetime, os
import benchmarks_md

HEADER = ("| date | commit | machine | B1 orders/s (x raw SQL) | B1 p99 ms | B2 place orders/s (x raw SQL) | "
          "B2 settled/s | SQL/order | B3 req/s (x nginx) | B3 p99 ms | B4 req/s (x nginx) | B5 | start s | RSS MB | "
          "JS KB | page KB | oversold | 5xx |")

raw, mode, out_json, machine_json = sys.argv[1:5]
rows = [json.loads(l) for l in open(raw) if l.strip()]
machine = json.load(open(machine_json))

def values(bench, kind, field):
    return [r[field] for r in rows if r.get("bench") == bench and r.get("kind") == kind and field in r]

def med(v):
    return statistics.median(v) if v else None

def spread(v, fmt):
    return f"{fmt.format(min(v))}-{fmt.format(max(v))}" if v else "-"

table, failures = [], []

def row(figure, app, base=None, target=None, holds=None, fmt="{:.0f}", unit=""):
    m = med(app)
    b = med(base) if base else None
    ratio = (m / b) if (m is not None and b) else None
    table.append({
        "figure": figure, "median": m, "range": [min(app), max(app)] if app else None, "baseline": b,
        "ratio": ratio, "target": target, "holds": holds(m, ratio) if (holds and m is not None) else None,
        "fmt": fmt, "unit": unit})

ge = lambda x: (lambda m, r: r is not None and r >= x)
le_m = lambda x: (lambda m, r: m <= x)
eq0 = lambda m, r: m == 0

row("B1 hot SKU orders/s (64 buyers)", values("B1", "app", "ordersPerSec"), values("B1", "sql", "tps"), ">= 0.5 x raw SQL", ge(0.5))
row("B1 place-order p50 ms", values("B1", "app", "p50Ms"), fmt="{:.1f}")
row("B1 place-order p99 ms", values("B1", "app", "p99Ms"), fmt="{:.1f}")
row("B1 units oversold", values("B1", "app", "oversold"), target="0", holds=eq0)
row("B1 5xx answers", values("B1", "app", "fiveXX"), target="0", holds=eq0)
row("B1 rejected not as out-of-stock", values("B1", "app", "otherErrors"), target="0", holds=eq0)
row("B2 place-order orders/s, 1,000 SKUs (32 buyers)", values("B2", "place", "ordersPerSec"), values("B2", "sql", "tps"), ">= 0.4 x raw SQL", ge(0.4))
row("B2 place-order p99 ms", values("B2", "place", "p99Ms"), fmt="{:.1f}")
row("B2 full checkout, settled orders/s", values("B2", "app", "settledPerSec"), fmt="{:.1f}")
row("B2 full checkout place p99 ms", values("B2", "app", "placeP99Ms"), fmt="{:.1f}")
row("B2 5xx answers", values("B2", "app", "fiveXX") + values("B2", "place", "fiveXX"), target="0", holds=eq0)
row("B2 orders received but not settled", [r["received"] - r["settled"] for r in rows if r.get("bench") == "B2" and r.get("kind") == "app"], target="0", holds=eq0)
row("B2 SQL statements per order placed", values("B2", "sql-count", "perOrder"), target="<= 25", holds=le_m(25), fmt="{:.1f}")
row("B2 trial balance sum after the run", values("B2", "ledger", "sum"), target="0", holds=eq0)
row("B3 listing page req/s (64 connections)", values("B3", "app", "rps"), values("B3", "nginx", "rps"), ">= 0.3 x nginx", ge(0.3))
row("B3 listing page p99 ms", values("B3", "app", "p99Ms"), target="<= 50", holds=le_m(50), fmt="{:.1f}")
row("B4 share redirect req/s (64 connections)", values("B4", "app", "rps"), values("B3", "nginx", "rps"), ">= 0.2 x nginx", ge(0.2))
row("B4 share redirect p99 ms", values("B4", "app", "p99Ms"), fmt="{:.1f}")
row("B4 answers other than 302", values("B4", "app", "non2xx3xx"), target="0", holds=eq0)
row("B5 buyers seated on a group's last seat (200 try)", values("B5", "app", "seatsSold"), target="1", holds=lambda m, r: m == 1)
row("B5 5xx answers", values("B5", "app", "fiveXX"), target="0", holds=eq0)
row("B6 start to healthy s (warm data, CDS archive)", values("B6", "app", "startSeconds"), target="<= 5", holds=le_m(5), fmt="{:.1f}")
row("B6 start to healthy s (plain java -jar)", values("B6", "app", "plainJarStartSeconds"), fmt="{:.1f}")
row("B6 RSS MB after B1-B3 (-Xmx384m)", values("B6", "app", "rssMb"), target="<= 600", holds=le_m(600))
row("B6 listing page JS KB gzip", values("B6", "app", "jsKb"), target="<= 30", holds=le_m(30), fmt="{:.1f}")
row("B6 listing page KB gzip without images", values("B6", "app", "pageKb"), target="<= 100", holds=le_m(100), fmt="{:.1f}")

def show(v, fmt):
    return "-" if v is None else fmt.format(v)

lines = [f"{'figure':52} {'median':>9} {'min-max':>17} {'baseline':>10} {'ratio':>6} {'target':>17} holds"]
for t in table:
    rng = spread(t["range"], t["fmt"]) if t["range"] else "-"
    holds = "-" if t["holds"] is None else ("yes" if t["holds"] else "NO")
    lines.append(f"{t['figure']:52} {show(t['median'], t['fmt']):>9} {rng:>17} {show(t['baseline'], '{:.0f}'):>10} "
                 f"{show(t['ratio'], '{:.2f}'):>6} {t['target'] or '-':>17} {holds}")
print("\n".join(lines))

for t in table:
    if t["target"] in ("0", "1") and t["holds"] is False:
        failures.append(t["figure"])
if not values("B1", "app", "ordersPerSec") or not values("B3", "app", "rps"):
    failures.append("harness produced no B1 or B3 figures")

stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
result = {"date": stamp, "mode": mode, "machine": machine,
          "table": [{k: v for k, v in t.items() if k != "fmt"} for t in table], "raw": rows}
json.dump(result, open(out_json, "w"), indent=2)

if mode == "full":
    def fig(name):
        t = next(t for t in table if t["figure"].startswith(name))
        r = "" if t["ratio"] is None else f" ({t['ratio']:.2f})"
        return show(t["median"], t["fmt"]) + r
    intro = ("Rows are appended by `bench/run` (full mode). Ratios in brackets are against the baseline measured "
             "in the same run.\n\n" + HEADER + "\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
    m = machine
    b5rows = [r for r in rows if r.get("bench") == "B5"]
    b5 = ("skipped: " + b5rows[0]["skipped"]) if b5rows and "skipped" in b5rows[0] else (
        f"{b5rows[0].get('seatsSold')} seat sold" if b5rows else "-")
    row_md = (f"| {stamp[:10]} | {m['commit']} | {m['cores']} cores, {m['memory']}, {m['jdk']}, PG {m['postgres']} | "
              f"{fig('B1 hot')} | {fig('B1 place-order p99')} | {fig('B2 place-order orders')} | {fig('B2 full checkout, settled')} | "
              f"{fig('B2 SQL')} | {fig('B3 listing page req')} | {fig('B3 listing page p99')} | {fig('B4 share redirect req')} | "
              f"{b5} | {fig('B6 start')} | "
              f"{fig('B6 RSS')} | {fig('B6 listing page JS')} | {fig('B6 listing page KB')} | {fig('B1 units oversold')} | "
              f"{fig('B1 5xx')}/{fig('B2 5xx')} |\n")
    # rows go at the end of the table, above any notes written under it
    benchmarks_md.add_row(HEADER, row_md.rstrip("\n"), intro)

if failures:
    print("BENCHMARK CHECKS FAILED: " + "; ".join(failures))
    sys.exit(1)
