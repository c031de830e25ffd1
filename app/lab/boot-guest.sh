#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# boot-guest.sh [options] -- COMMAND [ARG...]
# Boots Debian's real kernel in QEMU (TCG) with this machine's root mounted
# read-only inside, runs COMMAND there as root in the current directory, and
# exits with COMMAND's exit code. COMMAND's stdout/stderr come back on ours.
# With --agent-socket, COMMAND's stdin/stdout are instead the virtio-serial
# port "refscope.agent", which QEMU serves on that unix socket (the lab's
# refscope-agent uses this; see LabMachine).
#
# Options:
#   --kernel RELEASE   kernel release (default: $REFSCOPE_LAB_KERNEL, else the newest
#                      generic one, not -rt or -cloud, with /boot/vmlinuz-*,
#                      /lib/modules/*/kernel and headers to build modules with;
#                      else the newest generic one without headers)
#   --workdir DIR      where the initramfs is cached (default:
#                      ${XDG_CACHE_HOME:-$HOME/.cache}/refscope/lab)
#   --console FILE     the guest's serial console log (default: WORKDIR/console.log)
#   --out DIR          the guest's writable share, mounted at /run/lab (default: a temp dir)
#   --cpus N --mem MB  guest size (default 2 CPUs, 1024 MB)
#   --agent-socket P   serve the agent port on unix socket P
#   --timeout S        kill the guest after S seconds (default 1800)
#   --ssh-port PORT    give the guest a network card (QEMU user networking,
#                      restricted: no way out of the guest) and forward
#                      127.0.0.1:PORT here to the guest's port 22; the guest
#                      brings it up before COMMAND (sshd is COMMAND's business)
#   --tcg-thread M     QEMU's TCG threading: single (one host thread runs all
#                      vCPUs in turn) or multi (one host thread per vCPU, QEMU's
#                      own default); default: $REFSCOPE_LAB_TCG_THREAD, else
#                      single: under multi, Debian's 6.12 can take an int3 Oops
#                      when the kernel patches its code while the other vCPU
#                      runs it, at boot or when a tracepoint is switched
#                      (HACKING.md, the lab)
# QEMU dies with this script: killing the script (even with SIGKILL) kills
# the guest, so a dead caller never leaves a stray QEMU behind.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
release=${REFSCOPE_LAB_KERNEL:-} workdir=${XDG_CACHE_HOME:-$HOME/.cache}/refscope/lab console= out= cpus=2 mem=1024 socket= timeout=1800 ssh_port=
tcg_thread=${REFSCOPE_LAB_TCG_THREAD:-single}
while [ $# -gt 0 ]; do
    case $1 in
    --kernel) release=$2; shift 2 ;;
    --workdir) workdir=$2; shift 2 ;;
    --console) console=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --cpus) cpus=$2; shift 2 ;;
    --mem) mem=$2; shift 2 ;;
    --agent-socket) socket=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --ssh-port) ssh_port=$2; shift 2 ;;
    --tcg-thread) tcg_thread=$2; shift 2 ;;
    --) shift; break ;;
    -h | --help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "boot-guest: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[ $# -gt 0 ] || { echo "boot-guest: no command given (see --help)" >&2; exit 2; }
case $tcg_thread in
multi | single) accel=tcg,thread=$tcg_thread ;;
*) echo "boot-guest: --tcg-thread is multi or single, not $tcg_thread" >&2; exit 2 ;;
esac

fail() { echo "boot-guest: $*" >&2; exit 125; }
command -v qemu-system-x86_64 >/dev/null || fail "QEMU is not installed (apt install qemu-system-x86)"
if [ -z "$release" ]; then
    newest=
    for k in $(ls -v /boot/vmlinuz-* 2>/dev/null); do
        r=${k#/boot/vmlinuz-}
        case $r in *-rt-* | *-cloud-*) continue ;; esac
        [ -d "/lib/modules/$r/kernel" ] || continue
        newest=$r
        [ -f "/lib/modules/$r/build/Makefile" ] && release=$r
    done
    release=${release:-$newest}
fi
[ -n "$release" ] || fail "no guest kernel: install one with apt install linux-image-amd64"
[ -r "/boot/vmlinuz-$release" ] || fail "no kernel image /boot/vmlinuz-$release (installed: $(echo $(cd /boot && ls vmlinuz-* 2>/dev/null | sed 's/^vmlinuz-//')))"
[ -d "/lib/modules/$release/kernel" ] || fail "no modules for kernel $release in /lib/modules/$release"

mkdir -p "$workdir"
console=${console:-$workdir/console.log}
initrd=$workdir/initramfs-$release.cpio.gz
# Rebuild when the scripts that go into it are newer than the cached image.
if [ ! -s "$initrd" ] || [ "$here/guest-init.sh" -nt "$initrd" ] || [ "$here/make-initramfs.sh" -nt "$initrd" ]; then
    "$here/make-initramfs.sh" "$release" "$initrd" || fail "could not build the initramfs"
fi

own_out=
if [ -z "$out" ]; then
    out=$(mktemp -d) own_out=1
fi
mkdir -p "$out"
rm -f "$out/exit-code" "$out/stdout" "$out/stderr" "$out/dmesg"
case $ssh_port in
'') ;;
*[!0-9]*) fail "--ssh-port needs a port number, not $ssh_port" ;;
esac
# The command line, quoted for sh, run from the caller's directory.
{
    # The network card (virtio-net, eth0 without udev) gets QEMU user
    # networking's fixed guest address; the guest's init knows nothing of it,
    # so an initramfs cached by an older checkout serves as well.
    # Its output goes to stderr: stdout may be the agent's port.
    [ -z "$ssh_port" ] || printf '%s\n' '{' \
        'modprobe -q virtio_net; ip link set lo up; nic=' \
        'for n in /sys/class/net/*; do [ "${n##*/}" = lo ] || nic=${n##*/}; done' \
        'if [ -n "$nic" ]; then ip addr add 10.0.2.15/24 dev "$nic"; ip link set "$nic" up;' \
        'else echo "boot-guest: the guest found no network card"; fi' '} >&2'
    printf 'cd %s 2>/dev/null || cd /\n' "'$(pwd | sed "s/'/'\\\\''/g")'"
    printf 'exec'
    for a in "$@"; do printf " '%s'" "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")"; done
    printf '\n'
} >"$out/run.sh"

# no_timer_check: under TCG on a loaded host the kernel's early check that
# the timer interrupt arrives through the IO-APIC can miss it, and 6.12
# then panics ("IO-APIC + timer doesn't work"); QEMU's timer is known good.
# refscope.lab=1 marks the guest as the lab: `refscope-agent --lab` (root for
# whoever drives it) starts only where /proc/cmdline says so, which no
# process on an ordinary machine can fake.
set -- qemu-system-x86_64 -accel "$accel" -smp "$cpus" -m "$mem" -nographic -no-reboot \
    -kernel "/boot/vmlinuz-$release" -initrd "$initrd" \
    -append "console=ttyS0 quiet panic=-1 oops=panic no_timer_check refscope.lab=1" \
    -serial "file:$console" -monitor none \
    -virtfs local,path=/,mount_tag=host,security_model=none,readonly=on,multidevs=remap \
    -virtfs local,path=/usr,mount_tag=usr,security_model=none,readonly=on,multidevs=remap \
    -virtfs "local,path=$out,mount_tag=out,security_model=none,multidevs=remap"
if [ -n "$socket" ]; then
    rm -f "$socket"
    set -- "$@" -device virtio-serial-pci \
        -chardev "socket,id=agent,path=$socket,server=on,wait=off" \
        -device virtserialport,chardev=agent,name=refscope.agent
fi
if [ -n "$ssh_port" ]; then
    # 127.0.0.1 only: the guest's sshd is no one else's business. restrict=on
    # keeps the guest from reaching this machine or beyond; the forward still works.
    set -- "$@" -nic "user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:$ssh_port-:22"
fi
# setpriv --pdeathsig chains the parent-death signal down to QEMU: this
# shell dies -> timeout gets SIGKILL -> QEMU gets SIGKILL.
qemu_stderr=$(mktemp)
# A kernel that panics while it boots, before the guest's init ran anything
# of ours, is the emulator's failure (the int3 Oops of multi-threaded TCG,
# see --tcg-thread): boot once more. Not with --agent-socket, whose caller
# is already connected to the first QEMU.
attempt=1
while :; do
    setpriv --pdeathsig KILL timeout --kill-after=5 "$timeout" setpriv --pdeathsig KILL "$@" \
        </dev/null >/dev/null 2>"$qemu_stderr" || true
    [ ! -s "$out/exit-code" ] && [ -z "$socket" ] && [ "$attempt" = 1 ] &&
        ! grep -q 'refscope-lab: running the command' "$console" 2>/dev/null &&
        grep -q -e 'Oops' -e 'Kernel panic' "$console" 2>/dev/null || break
    echo "boot-guest: the guest's kernel panicked while booting; booting once more" >&2
    tail -n 30 "$console" >&2
    attempt=2
done

[ -s "$out/exit-code" ] || {
    cat "$qemu_stderr" >&2
    rm -f "$qemu_stderr"
    tail -n 30 "$console" >&2
    fail "the guest did not finish the command (console log: $console)"
}
rm -f "$qemu_stderr"
[ -n "$socket" ] || { cat "$out/stdout"; cat "$out/stderr" >&2; }
code=$(cat "$out/exit-code")
[ -n "$own_out" ] && rm -rf "$out"
exit "$code"
