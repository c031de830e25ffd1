#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""release-soak.py [--kernel RELEASE] [--cycles N] [--tcg-thread M] [--build DIR] [--console F]

Soaks the force release in ONE lab guest: N cycles, each running three flows
while the other CPU floods the loop module's opens and closes (module_get and
module_put on another module, all the time):

  drop   refscope-cli record of leaky_ref while it loads and leaks one
         reference (echo oops), then refscope-cli release leaky_ref
         --drop-leaked --trace REC --yes: the release agent the CLI starts
         drops the proven leak and unloads the module;
  close  count_demo loaded and held open by a sleeping process, then the lab
         agent's `release` with `close_fds` on that holder (the long-lived
         `refscope-agent --lab`, driven over its stdin/stdout as the GUI
         does): the helper closes the fd and the module unloads;
  force  stuck_netlink loaded and a message sent to it, which leaves its
         count at 1 through a socket only its kernel thread keeps (no
         process to close): the lab agent's `release` with the last resort
         `kernel_force` unloads it, and the helper's check after the exit
         must not log a reference left over.

After each flow the module must be gone from /proc/modules (the next cycle
loads it again). After each cycle the kernel log is checked for WARNING,
BUG, Oops, stalls and lockups, and the lab agent's VmRSS is read. The flood
pauses while a recording switches the module tracepoints on and off: under
multi-threaded TCG the 6.12 guest may otherwise die of the lab's own "Oops:
int3" (HACKING.md, the lab). Prints one line per 10 cycles and a summary;
exits 0 when every cycle passed and the kernel log stayed clean.
Run it from the source tree: tests/vm/soak/release-soak.py --cycles 50
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
BAD = re.compile(r"\bWARNING\b|\bBUG\b|Oops|rcu.*stall|soft lockup|hard LOCKUP|"
                 r"general protection|Call Trace|reference\(s\) after its exit")


def sh(cmd, check=True):
    r = subprocess.run(["sh", "-c", cmd], capture_output=True, text=True)
    if check and r.returncode != 0:
        raise RuntimeError(f"{cmd}: exit {r.returncode}: {r.stdout}{r.stderr}")
    return r


def loaded(module):
    with open("/proc/modules") as f:
        return any(line.split(" ", 1)[0] == module for line in f)


class Agent:
    """The lab agent, one JSON object per line (app/core/protocol/PROTOCOL.md)."""

    def __init__(self, path):
        self.proc = subprocess.Popen([path, "--lab"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        self.next_id = 1
        self.call("hello", {"protocol": 1, "client": "release-soak"})

    def call(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.proc.stdin.write(json.dumps({"id": rid, "method": method, "params": params}) + "\n")
        self.proc.stdin.flush()
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError(f"the agent ended during {method}")
            msg = json.loads(line)
            if msg.get("id") != rid:
                continue  # a notification (release.step)
            if "error" in msg:
                raise RuntimeError(f"{method}: {msg['error']}")
            return msg["result"]

    def rss_kb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return -1

    def close(self):
        try:
            self.call("shutdown", {})
        except RuntimeError:
            pass
        self.proc.wait(10)


def guest(args):
    build = args.build
    ko = f"{build}/kmod/{os.uname().release}/examples"
    cli = f"{build}/app/cli/refscope-cli"
    sh("modprobe loop")
    flood = subprocess.Popen(
        ["taskset", "-c", "1", "sh", "-c",
         f"while :; do {build}/tests/vm/open_close_flood /dev/loop-control 100000 >/dev/null; done"])
    agent = Agent(f"{build}/app/agent/refscope-agent")
    failures = []
    rss = []
    start = time.time()
    for cycle in range(1, args.cycles + 1):
        try:
            # drop: record the load and the leak with the flood paused (the
            # recording switches the tracepoints), then release it.
            sh(f"kill -STOP {flood.pid}; pkill -STOP -x open_close_floo; true")
            try:
                sh(f"{cli} record -o /tmp/soak.rscope --modules leaky_ref -- sh -c "
                   f"'insmod {ko}/leaky_ref.ko && echo oops > /proc/leaky_ref; true'")
            finally:
                sh(f"pkill -CONT -x open_close_floo; kill -CONT {flood.pid}; true")
            out = sh(f"{cli} release leaky_ref --drop-leaked --trace /tmp/soak.rscope --yes --json",
                     check=False)
            if not json.loads(out.stdout or "{}").get("released") or loaded("leaky_ref"):
                raise RuntimeError(f"drop: not released: {out.stdout[-400:]}{out.stderr[-400:]}")

            # close: a process holds count_demo open; the lab agent closes its fd.
            sh(f"insmod {ko}/count_demo.ko")
            holder = subprocess.Popen(["sh", "-c", "exec sleep 100000 < /dev/count_demo"])
            for _ in range(100):
                if os.path.exists(f"/proc/{holder.pid}/fd/0") and \
                        os.readlink(f"/proc/{holder.pid}/fd/0") == "/dev/count_demo":
                    break
                time.sleep(0.05)
            report = agent.call("holders", {"module": "count_demo"})
            files = [h for h in report["holders"]
                     if h["kind"] == "file" and h.get("pid") == holder.pid]
            if not files:
                raise RuntimeError(f"close: the holder was not found: {report.get('verdict')}")
            result = agent.call("release", {
                "module": "count_demo", "confirmed_refcount": report["refcount"],
                "confirmed_unattributed": report["unattributed"],
                "clear": [{"holder": files[0], "action": "close_fds"}], "last_resort": "none"})
            holder.kill()
            holder.wait()
            if not result.get("released") or loaded("count_demo"):
                steps = [s.get("code") for s in result.get("steps", [])]
                raise RuntimeError(f"close: not released: {steps}")

            # force: a reference nothing in user space can give back.
            sh(f"insmod {ko}/stuck_netlink.ko && {build}/kmod/bin/stuck-netlink-send")
            report = agent.call("holders", {"module": "stuck_netlink"})
            result = agent.call("release", {
                "module": "stuck_netlink", "confirmed_refcount": report["refcount"],
                "confirmed_unattributed": report["unattributed"], "clear": [],
                "last_resort": "kernel_force"})
            if not result.get("released") or loaded("stuck_netlink"):
                steps = [s.get("code") for s in result.get("steps", [])]
                raise RuntimeError(f"force: not released: {steps}")
        except (RuntimeError, ValueError, KeyError) as e:
            failures.append(f"cycle {cycle}: {e}")
            sh("rmmod leaky_ref; rmmod count_demo; rmmod stuck_netlink; true", check=False)
        log = sh("dmesg", check=False).stdout
        bad = [line for line in log.splitlines() if BAD.search(line)]
        rss.append(agent.rss_kb())
        if cycle % 10 == 0 or cycle == args.cycles:
            print(f"cycle {cycle}: {len(failures)} failed, lab agent VmRSS {rss[-1]} kB, "
                  f"{time.time() - start:.0f} s", flush=True)
            with open("/dev/console", "w") as console:
                console.write(f"release-soak: cycle {cycle}, {len(failures)} failed\n")
        if bad:
            failures.append(f"cycle {cycle}: the kernel logged: {bad[:3]}")
            break
    flood.kill()
    sh("pkill -x open_close_floo; true", check=False)
    agent.close()
    for f in failures[:10]:
        print(f)
    print(f"cycles={len(rss)} failed={len(failures)} agent_rss_kb first={rss[0]} "
          f"after10={rss[min(9, len(rss) - 1)]} last={rss[-1]} max={max(rss)} "
          f"seconds={time.time() - start:.0f}")
    return 1 if failures else 0


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--kernel")
    p.add_argument("--cycles", type=int, default=50)
    p.add_argument("--tcg-thread", choices=["multi", "single"])
    p.add_argument("--build", default=os.path.join(ROOT, "build"))
    p.add_argument("--console", help="the guest's console log (default: a file in /tmp)")
    p.add_argument("--in-guest", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    args.build = os.path.abspath(args.build)
    if args.in_guest:
        return guest(args)
    # Its own console log: the progress lines land there while the guest runs
    # (the guest's stdout comes back only at the end).
    console = args.console or f"/tmp/release-soak-{os.getpid()}.console"
    print(f"console: {console}", flush=True)
    cmd = [os.path.join(ROOT, "app/lab/boot-guest.sh"), "--timeout", str(300 + 120 * args.cycles),
           "--console", console]
    if args.kernel:
        cmd += ["--kernel", args.kernel]
    if args.tcg_thread:
        cmd += ["--tcg-thread", args.tcg_thread]
    cmd += ["--", "/usr/bin/python3", os.path.abspath(__file__), "--in-guest",
            "--cycles", str(args.cycles), "--build", args.build]
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
