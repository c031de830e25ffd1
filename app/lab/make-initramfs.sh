#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make-initramfs.sh RELEASE OUTPUT
# Builds the lab guest's initramfs: static busybox, the virtio/9p modules of
# kernel RELEASE (from this machine's /lib/modules) and guest-init.sh as /init.
set -eu
release=$1
output=$2
here=$(cd "$(dirname "$0")" && pwd)
moddir=/lib/modules/$release/kernel

[ -d "$moddir" ] || { echo "make-initramfs: no modules for kernel $release in $moddir (apt install linux-image-amd64)" >&2; exit 1; }
# The initramfs has no libc: only a static busybox runs there.
ldd /bin/busybox >/dev/null 2>&1 && { echo "make-initramfs: /bin/busybox is not static (apt install busybox-static)" >&2; exit 1; }
[ -x /bin/busybox ] || { echo "make-initramfs: busybox-static is not installed (apt install busybox-static)" >&2; exit 1; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/modules" "$root/proc" "$root/sys" "$root/dev"
cp /bin/busybox "$root/bin/busybox"
cp "$here/guest-init.sh" "$root/init"
chmod 755 "$root/init"

# Dependency order: each module after the ones it needs.
for m in virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev virtio_pci \
    virtio_console 9pnet 9pnet_virtio netfs fscache 9p overlay; do
    ko=$(find "$moddir" -name "$m.ko" | head -n 1)
    [ -n "$ko" ] || { echo "make-initramfs: $m.ko not found under $moddir" >&2; exit 1; }
    cp "$ko" "$root/modules/"
    echo "$m" >>"$root/modules/order"
done

# Written under a unique name and renamed: concurrent labs may race to build it.
(cd "$root" && find . | cpio -o -H newc --quiet) | gzip -1 >"$output.$$"
mv "$output.$$" "$output"
