#!/usr/bin/env python3
"""Side-by-side table of a run.sh results file (one JSON line per generator run), the ratio
Freshet/kinesalite for PutRecords throughput, and the targets checked.

    python3 tests/bench/table.py tests/target/bench/results.jsonl
"""
import json
import os
import sys

TARGET_MB = 60.0          # PutRecords payload MB/s (10^6 bytes), durability os
TARGET_RATIO = 10.0       # Freshet / kinesalite
TARGET_SUB_P99 = 10.0     # ms, SubscribeToShard reader, durability os
TARGET_POLL_P99 = 50.0    # ms, GetRecords poller, durability os
FSYNC_SLACK = 2.0         # fsync may be this much worse


def load(path):
    runs = {}
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            runs[(r["label"], r["mode"])] = r
    return runs


def cell(r, *fields, fmt="{:.1f}"):
    if r is None:
        return "n/a"
    return " / ".join(fmt.format(r[f]) for f in fields)


def cpu(r):
    if r is None or "serverCpuSec" not in r:
        return "n/a"
    system = f" ({r['serverSystemCpuSec']:.1f} kernel)" if "serverSystemCpuSec" in r else ""
    return (f"{r['serverCpuSec']:.1f}{system} / {r['generatorCpuSec']:.1f}"
            f" (of {os.cpu_count() * r['generatorWallSec']:.0f} s on {os.cpu_count()} cores)")


def main():
    runs = load(sys.argv[1])
    labels = list(dict.fromkeys(label for label, _ in runs))
    kinesalite = [runs[(l, "put")]["mbPerSec"] for l in labels if l.startswith("kinesalite") and (l, "put") in runs]
    best_k = max(kinesalite) if kinesalite else None
    print("| server, encoding | PutRecords MB/s | records/s | ×kinesalite | errors | GetRecords p50 / p99 ms"
          " | SubscribeToShard p50 / p99 ms | CPU s during put: server (kernel) / generator |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label in labels:
        put, poll, sub = runs.get((label, "put")), runs.get((label, "get-tail")), runs.get((label, "subscribe"))
        ratio = f"{put['mbPerSec'] / best_k:.1f}×" if put and best_k else "n/a"
        errors = sum(r["errors"] for r in (put, poll, sub) if r) + sum(r.get("missing", 0) for r in (poll, sub) if r)
        print(f"| {label} | {cell(put, 'mbPerSec')} | {cell(put, 'recordsPerSec', fmt='{:,.0f}')} | {ratio} "
              f"| {errors} | {cell(poll, 'latencyP50Ms', 'latencyP99Ms')} | {cell(sub, 'latencyP50Ms', 'latencyP99Ms')} "
              f"| {cpu(put)} |")
    if best_k:
        print(f"\n×kinesalite: against the faster kinesalite run ({best_k:.1f} MB/s).")
    print()
    for label in labels:
        if label.startswith("freshet"):
            check(runs, label, best_k, FSYNC_SLACK if "fsync" in label else 1.0)


def check(runs, label, best_k, slack):
    put, poll, sub = runs.get((label, "put")), runs.get((label, "get-tail")), runs.get((label, "subscribe"))
    checks = []
    if put:
        checks.append((f"put ≥ {TARGET_MB / slack:.0f} MB/s", put["mbPerSec"] >= TARGET_MB / slack, f"{put['mbPerSec']:.1f}"))
        if best_k and slack == 1.0:
            checks.append((f"put ≥ {TARGET_RATIO:.0f}× kinesalite", put["mbPerSec"] >= TARGET_RATIO * best_k,
                           f"{put['mbPerSec'] / best_k:.1f}×"))
    if poll:
        checks.append((f"GetRecords p99 ≤ {TARGET_POLL_P99 * slack:.0f} ms", poll["latencyP99Ms"] <= TARGET_POLL_P99 * slack,
                       f"{poll['latencyP99Ms']:.1f}"))
    if sub:
        checks.append((f"SubscribeToShard p99 ≤ {TARGET_SUB_P99 * slack:.0f} ms", sub["latencyP99Ms"] <= TARGET_SUB_P99 * slack,
                       f"{sub['latencyP99Ms']:.1f}"))
    for name, ok, value in checks:
        print(f"{'PASS' if ok else 'MISS'}  {label}: {name} (measured {value})")


if __name__ == "__main__":
    main()
