#!/usr/bin/env python3
"""Runs one wrk command for benches/api.sh and accounts for the machine's CPU during it.

    python3 benches/wrk_run.py --pid SERVER_PID [--postmaster PID] [--quiet-wait SECONDS] -- wrk ARGS...

Before starting, waits (at most --quiet-wait seconds) until the machine is quiet: less than
--quiet-threshold of one CPU used by processes other than the server and PostgreSQL over one
second, so that a compilation elsewhere does not land in the measurement. Then runs wrk,
prints its output unchanged, and a last line

    cpu: server=S postgres=P wrk=W other=O waited=T

with S, P, W and O the CPU used during the run by the server, the PostgreSQL processes
(children of the postmaster), wrk, and everything else, in CPUs (1.0 = one core busy for the
whole run), and T the seconds spent waiting for quiet. Linux only (/proc).
"""

import argparse
import os
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def machine_busy():
    """Busy and total ticks of all CPUs since boot."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    user, nice, system, idle, iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    busy = user + nice + system + irq + softirq + steal
    return busy, busy + idle + iowait


def proc_stat(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            data = f.read()
    except OSError:
        return None
    # The command name may hold spaces: fields start after the last ')'.
    rest = data[data.rindex(")") + 2 :].split()
    return {"ppid": int(rest[1]), "ticks": int(rest[11]) + int(rest[12])}


def ticks_of(pid):
    """{pid: CPU ticks}, empty if the process is gone."""
    st = proc_stat(pid)
    return {pid: st["ticks"]} if st else {}


def family_ticks(parent):
    """{pid: CPU ticks} of `parent` and its direct children (PostgreSQL's backends and workers)."""
    ticks = ticks_of(parent)
    for name in os.listdir("/proc"):
        if name.isdigit():
            st = proc_stat(int(name))
            if st and st["ppid"] == parent:
                ticks[int(name)] = st["ticks"]
    return ticks


def ours(args):
    return ticks_of(args.pid), family_ticks(args.postmaster) if args.postmaster else {}


def used(before, after):
    """Ticks used between two snapshots by the processes alive at the end (one that exited in
    between, such as an autovacuum worker, is not counted here: its CPU shows under other)."""
    return sum(t - before.get(pid, 0) for pid, t in after.items())


def wait_quiet(args):
    start = time.monotonic()
    while True:
        b0, t0 = machine_busy()
        s0, p0 = ours(args)
        time.sleep(1)
        b1, t1 = machine_busy()
        s1, p1 = ours(args)
        other = (b1 - b0) - used(s0, s1) - used(p0, p1)
        # Ticks of every CPU over one second: other / TICK is in CPUs.
        if other / TICK < args.quiet_threshold:
            return time.monotonic() - start
        if time.monotonic() - start >= args.quiet_wait:
            print(f"wrk_run: the machine is still busy ({other / TICK:.2f} CPU used by other processes) "
                  f"after {args.quiet_wait:.0f} s; measuring anyway", file=sys.stderr)
            return time.monotonic() - start


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--pid", type=int, required=True)
    p.add_argument("--postmaster", type=int, default=0)
    p.add_argument("--quiet-wait", type=float, default=300)
    p.add_argument("--quiet-threshold", type=float, default=0.15)
    p.add_argument("wrk", nargs=argparse.REMAINDER)
    args = p.parse_args()
    cmd = args.wrk[1:] if args.wrk[:1] == ["--"] else args.wrk
    if not cmd:
        p.error("no wrk command")

    waited = wait_quiet(args) if args.quiet_wait > 0 else 0.0
    b0, _ = machine_busy()
    s0, p0 = ours(args)
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.monotonic() - t0
    b1, _ = machine_busy()
    s1, p1 = ours(args)
    wrk_ticks = (usage.ru_utime + usage.ru_stime) * TICK
    server, postgres = used(s0, s1), used(p0, p1)
    other = max(0.0, (b1 - b0) - server - postgres - wrk_ticks)
    per = TICK * elapsed
    print(f"cpu: server={server / per:.2f} postgres={postgres / per:.2f} wrk={wrk_ticks / per:.2f} "
          f"other={other / per:.2f} waited={waited:.0f}", flush=True)
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
