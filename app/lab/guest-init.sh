#!/bin/busybox sh
# SPDX-License-Identifier: GPL-3.0-or-later
# /init of RefScope's lab initramfs. It runs inside the QEMU guest on Debian's
# real kernel: load the few modules needed to reach the host's root over
# virtio-9p, mount it read-only, give it the kernel's pseudo file systems and
# writable scratch space, then run the host-written /run/lab/run.sh in it.
# Its stdio is the agent's virtio-serial port when the host asked for one.
/bin/busybox --install -s /bin
export PATH=/bin

die() {
    echo "refscope-lab: $*" >/dev/console
    poweroff -f
}

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev

# The initramfs carries these .ko files, in dependency order (see make-initramfs.sh).
while read -r mod; do
    insmod "/modules/$mod.ko" || die "insmod $mod failed"
done </modules/order

mkdir -p /host
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=262144 host /host ||
    die "cannot mount the host root over 9p"
# /usr again, from its own share, with the guest's page cache: uncached 9p
# makes every small read a round trip to QEMU (libkmod's index lookups took
# minutes), and /usr only changes when packages are installed. Everything
# else (build trees, the user's modules) stays uncached, so a module rebuilt
# on the host is what the guest loads next.
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=262144,cache=loose usr /host/usr ||
    die "cannot mount the host's /usr over 9p"

mount -t proc proc /host/proc
mount -t sysfs sysfs /host/sys
mount -t devtmpfs devtmpfs /host/dev
mkdir -p /host/dev/pts /host/dev/shm 2>/dev/null
mount -t devpts devpts /host/dev/pts
mount -t tmpfs tmpfs /host/dev/shm
mount -t tracefs tracefs /host/sys/kernel/tracing
mount -t debugfs debugfs /host/sys/kernel/debug
mount -t tmpfs tmpfs /host/run
# /tmp and /var/tmp are writable but keep the host's files underneath (an
# overlay whose upper layer is a tmpfs): a build tree or clone under the
# host's /tmp stays visible at the same path, so its binaries run here.
mkdir -p /scratch
mount -t tmpfs tmpfs /scratch
for d in tmp var/tmp; do
    mkdir -p "/scratch/$d/upper" "/scratch/$d/work"
    chmod 1777 "/scratch/$d/upper"
    mount -t overlay overlay \
        -o "lowerdir=/host/$d,upperdir=/scratch/$d/upper,workdir=/scratch/$d/work" "/host/$d" ||
        die "cannot mount a writable /$d"
done
mkdir -p /host/run/lab
mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 out /host/run/lab ||
    die "cannot mount the lab's output share"

hostname refscope-lab
# The command runs in the host's root: give it a root user's usual PATH
# (insmod, rmmod and modprobe live in /usr/sbin).
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root

# virtio-serial port named "refscope.agent", when the host added one.
port=
for p in /sys/class/virtio-ports/*; do
    [ "$(cat "$p/name" 2>/dev/null)" = refscope.agent ] && port=/dev/${p##*/}
done

# The kernel boots "quiet": this line in the console log tells the host the
# guest got this far (LabMachine tells "did not boot" from "agent silent").
echo "refscope-lab: running the command" >/dev/console
if [ -n "$port" ]; then
    # One open, read-write: the kernel refuses a second open of a port (EBUSY).
    chroot /host /bin/sh /run/lab/run.sh <>"$port" >&0 2>/host/run/lab/stderr
else
    chroot /host /bin/sh /run/lab/run.sh >/host/run/lab/stdout 2>/host/run/lab/stderr
fi
echo $? >/host/run/lab/exit-code
dmesg >/host/run/lab/dmesg
sync
umount /host/run/lab
poweroff -f
