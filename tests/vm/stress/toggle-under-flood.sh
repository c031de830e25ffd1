#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# toggle-under-flood.sh [options]
# Switches the module:module_get/module_put tracepoints on and off, round
# after round, in the lab guest while the other CPU floods count_demo with
# opens and closes (every close runs module_put, the very code the switch
# rewrites), and counts the rounds the guest kernel survives. A panic ends a
# guest boot; the next boot goes on with the rounds left, until --rounds have
# run. Each surviving round writes a line to the guest's serial console, so
# the count is read from the console log even when the kernel died.
#
# One round: switch the tracepoints on, insmod leaky_ref, `echo ok` to it
# (one balanced get and put), rmmod it, switch them off. Togglers:
#   refscope   refscope-cli record --modules leaky_ref -- WORKLOAD
#              (RefScope's own tracefs instance, per-CPU readers, triggers)
#   trace-cmd  trace-cmd record -e module:module_get -e module:module_put -- WORKLOAD
#   shell      echo 1/0 > /sys/kernel/tracing/events/module/module_{get,put}/enable
#              around WORKLOAD: no tracer at all, only the kernel's own switch
#
# Options:
#   --toggler T        refscope, trace-cmd or shell (default refscope)
#   --kernel RELEASE   guest kernel (default: boot-guest.sh's)
#   --rounds N         rounds to run in all (default 30)
#   --tcg-thread M     QEMU TCG threading, multi or single (default: boot-guest.sh's, single)
#   --build DIR        build tree (default: build, from the source tree's root)
#   --results DIR      where each boot's console log is kept (default: a temp dir)
#   --max-boots N      give up after N boots (default: --rounds)
# Prints one line per boot and a summary:
#   toggler=T kernel=K tcg=M rounds=R survived=S panics=P boots=B seconds=T
# and exits 0 when no round panicked, 1 when one did, 2 on a usage error,
# 125 when the lab itself failed (a boot that ran no round and did not panic).
# Run it from the source tree: tests/vm/stress/toggle-under-flood.sh --toggler shell
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)

toggler=refscope kernel= rounds=30 thread= build=$root/build results= max_boots= in_guest=
while [ $# -gt 0 ]; do
    case $1 in
    --toggler) toggler=$2; shift 2 ;;
    --kernel) kernel=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --tcg-thread) thread=$2; shift 2 ;;
    --build) build=$(cd "$2" && pwd); shift 2 ;;
    --results) results=$2; shift 2 ;;
    --max-boots) max_boots=$2; shift 2 ;;
    --in-guest) in_guest=1; shift ;;
    -h | --help) sed -n '3,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "toggle-under-flood: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
case $toggler in refscope | trace-cmd | shell) ;; *)
    echo "toggle-under-flood: unknown toggler $toggler" >&2; exit 2 ;;
esac

# ---- inside the guest: the flood and $rounds rounds -------------------------
if [ -n "$in_guest" ]; then
    release=$(uname -r)
    ko=$build/kmod/$release/examples
    events=/sys/kernel/tracing/events/module
    say() { echo "toggle-under-flood: $*" >/dev/console; }
    workload="insmod $ko/leaky_ref.ko && echo ok >/proc/leaky_ref && rmmod leaky_ref"
    insmod "$ko/count_demo.ko"
    # The flood on CPU 1; the toggler where the scheduler puts it (as a user
    # would run it), so a capture's per-CPU readers compete with the flood.
    taskset -c 1 sh -c "while :; do $build/tests/vm/open_close_flood /dev/count_demo 100000 >/dev/null; done" &
    flood=$!
    sleep 3
    say "flood running, $rounds rounds of $toggler"
    i=1
    while [ "$i" -le "$rounds" ]; do
        case $toggler in
        refscope)
            "$build/app/cli/refscope-cli" record -o /tmp/round.rscope --modules leaky_ref \
                -- sh -c "$workload" >/dev/null 2>/tmp/round.err ||
                say "round $i: refscope-cli failed: $(head -c 300 /tmp/round.err)"
            ;;
        trace-cmd)
            trace-cmd record -q -o /tmp/round.dat -e module:module_get -e module:module_put \
                -- sh -c "$workload" >/dev/null 2>/tmp/round.err ||
                say "round $i: trace-cmd failed: $(head -c 300 /tmp/round.err)"
            ;;
        shell)
            echo 1 >"$events/module_get/enable"
            echo 1 >"$events/module_put/enable"
            sh -c "$workload" || say "round $i: the workload failed"
            echo 0 >"$events/module_put/enable"
            echo 0 >"$events/module_get/enable"
            ;;
        esac
        rmmod leaky_ref 2>/dev/null || true
        say "round $i survived"
        i=$((i + 1))
    done
    kill "$flood" 2>/dev/null || true
    wait 2>/dev/null || true
    if dmesg | grep -qE 'WARNING|BUG|Oops|stall|lockup'; then
        say "the kernel logged: $(dmesg | grep -E 'WARNING|BUG|Oops|stall|lockup' | head -3)"
    fi
    say "done"
    exit 0
fi

# ---- on the host: boots until $rounds rounds have run -----------------------
release=${kernel:-}
[ -n "$release" ] || release=${REFSCOPE_LAB_KERNEL:-}
if [ ! -x "$build/app/cli/refscope-cli" ] || [ ! -x "$build/tests/vm/open_close_flood" ]; then
    echo "toggle-under-flood: build refscope-cli and open_close_flood in $build first" >&2
    exit 2
fi
if [ -z "$results" ]; then
    results=$(mktemp -d /tmp/toggle-under-flood.XXXXXX)
fi
mkdir -p "$results"
max_boots=${max_boots:-$rounds}
set --
[ -n "$release" ] && set -- "$@" --kernel "$release"
[ -n "$thread" ] && set -- "$@" --tcg-thread "$thread"

left=$rounds survived=0 panics=0 boots=0 start=$(date +%s)
while [ "$left" -gt 0 ] && [ "$boots" -lt "$max_boots" ]; do
    boots=$((boots + 1))
    console=$results/console-$toggler-$boots.log
    rm -f "$console"
    # A round takes seconds, even refscope-cli's under TCG; 60 s each is ample.
    rc=0
    "$root/app/lab/boot-guest.sh" "$@" --console "$console" --timeout $((120 + 60 * left)) -- \
        "$here/toggle-under-flood.sh" --in-guest --toggler "$toggler" --rounds "$left" \
        --build "$build" >"$results/stdout-$toggler-$boots.log" 2>&1 || rc=$?
    n=$(grep -c 'toggle-under-flood: round [0-9]* survived' "$console" || true)
    survived=$((survived + n))
    left=$((left - n))
    if grep -qE 'Kernel panic|Oops:|BUG:' "$console"; then
        panics=$((panics + 1))
        left=$((left - 1))
        what=$(grep -m1 -E 'Oops:|BUG:|Kernel panic' "$console" | sed 's/^\[[ 0-9.]*\] //')
        where=$(grep -m1 -E 'RIP: 0010:' "$console" | sed 's/^\[[ 0-9.]*\] //')
        echo "boot $boots: panic after $n rounds: $what $where (console: $console)"
    elif [ "$n" -eq 0 ]; then
        echo "boot $boots: no round ran and no panic (exit $rc); see $console and $results/stdout-$toggler-$boots.log" >&2
        exit 125
    else
        echo "boot $boots: $n rounds survived"
        grep 'toggle-under-flood: the kernel logged' "$console" || true
        rm -f "$console"
    fi
done
end=$(date +%s)
echo "toggler=$toggler kernel=${release:-default} tcg=${thread:-multi} rounds=$((rounds - left))" \
    "survived=$survived panics=$panics boots=$boots seconds=$((end - start))"
[ "$panics" -eq 0 ]
