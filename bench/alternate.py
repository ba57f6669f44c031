#!/usr/bin/env python3
"""Run whole commands in alternation and compare them.

    bench/alternate.py ROUNDS LABEL=COMMAND [LABEL=COMMAND ...]

Each round runs every command once, in order, so that a shared machine's
drift falls on all of them alike; then prints, per command, the wall time,
the CPU time (user + system) and the peak memory (RSS) as median [min-max].
Peak memory counts the forked Python process before it runs the command
(about 14 MiB), so it means nothing below that. For example, an old and a
new binary:

    bench/alternate.py 15 "old=/tmp/old/spsim run baseline --replications 30 -o /tmp/a --force --quiet" \
                          "new=./spsim run baseline --replications 30 -o /tmp/b --force --quiet"
"""
import os, shlex, subprocess, sys, time
rounds = int(sys.argv[1]); cmds = [a.split('=', 1) for a in sys.argv[2:]]
res = {l: [] for l, _ in cmds}
for r in range(rounds):
    for label, cmd in cmds:
        t0 = time.monotonic()
        p = subprocess.Popen(shlex.split(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.monotonic() - t0
        if status != 0: print(label, 'FAILED', status); sys.exit(1)
        res[label].append((wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024))
def show(v):
    v = sorted(v); n = len(v); m = v[n//2] if n % 2 else (v[n//2-1]+v[n//2])/2
    return f"{m:8.3f} [{v[0]:.3f}-{v[-1]:.3f}]"
print(f"{'':12s} {'wall s':>22s} {'CPU s':>22s} {'peak RSS MiB':>24s}   (n={rounds})")
for label, _ in cmds:
    w = [x[0] for x in res[label]]; c = [x[1] for x in res[label]]; m = [x[2] for x in res[label]]
    print(f"{label:12s} {show(w):>22s} {show(c):>22s} {show(m):>24s}")
