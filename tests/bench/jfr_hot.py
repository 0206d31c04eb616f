#!/usr/bin/env python3
"""Where the CPU went in a JFR recording: reads `jfr print --events jdk.ExecutionSample` and prints
the hottest methods by self samples and by inclusive samples (a method anywhere on the stack), and
the samples per thread group.

    python3 tests/bench/jfr_hot.py server.jfr [top=25]
"""
import collections
import re
import subprocess
import sys


def samples(path):
    text = subprocess.run(["jfr", "print", "--stack-depth", "96", "--events", "jdk.ExecutionSample", path],
                          check=True, capture_output=True, text=True).stdout
    for block in text.split("jdk.ExecutionSample {")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', block)
        frames = re.findall(r"^\s{4}(\S.*?)(?:\s+line: \d+)?$", block.split("stackTrace = [", 1)[-1], re.M)
        frames = [f for f in frames if f not in ("]", "...", "}")]
        if frames:
            yield (thread.group(1) if thread else "?"), [method(f) for f in frames]


def method(frame):
    return re.sub(r"\(.*\)", "", frame).strip()


def thread_group(name):
    return re.sub(r"[-#]?\d+$", "", name).strip()


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    self_counts, incl_counts, threads = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for thread, frames in samples(path):
        total += 1
        threads[thread_group(thread)] += 1
        self_counts[frames[0]] += 1
        for m in set(frames):
            incl_counts[m] += 1
    print(f"{total} execution samples in {path}")
    for title, counter in (("threads", threads), ("self", self_counts), ("inclusive", incl_counts)):
        print(f"\n== {title}")
        for name, n in counter.most_common(top):
            print(f"{100.0 * n / max(total, 1):6.1f}%  {n:6d}  {name}")


if __name__ == "__main__":
    main()
