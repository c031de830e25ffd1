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

# Dependency order: each module after the ones it needs. A module built
# into the kernel (modules.builtin) is skipped: Debian's 6.12 has virtio and
# virtio-pci built in, 6.1 has them as modules. Compressed modules (6.12's
# are .ko.xz) are unpacked: busybox's insmod loads only plain ELF.
builtin=/lib/modules/$release/modules.builtin
# fscache is part of netfs since 6.8 (9pnet needs netfs there, so it goes first).
for m in virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev virtio_pci \
    virtio_console netfs fscache 9pnet 9pnet_virtio 9p overlay; do
    ko=$(find "$moddir" \( -name "$m.ko" -o -name "$m.ko.xz" -o -name "$m.ko.zst" -o -name "$m.ko.gz" \) | head -n 1)
    if [ -z "$ko" ]; then
        # modules.builtin spells names with - or _ as the file does.
        if [ -f "$builtin" ] && grep -q "/$(echo "$m" | sed 's/[-_]/[-_]/g')\.ko\$" "$builtin"; then
            continue
        fi
        [ "$m" = fscache ] && [ -n "$(find "$moddir" -name 'netfs.ko*' | head -n 1)" ] && continue
        echo "make-initramfs: $m.ko not found under $moddir and not built into $release" >&2
        exit 1
    fi
    case $ko in
    *.ko.xz) xz -dc "$ko" >"$root/modules/$m.ko" ;;
    *.ko.zst) zstd -qdc "$ko" >"$root/modules/$m.ko" ;;
    *.ko.gz) gzip -dc "$ko" >"$root/modules/$m.ko" ;;
    *) cp "$ko" "$root/modules/$m.ko" ;;
    esac || { echo "make-initramfs: cannot unpack $ko" >&2; exit 1; }
    echo "$m" >>"$root/modules/order"
done

# Written under a unique name and renamed: concurrent labs may race to build it.
(cd "$root" && find . | cpio -o -H newc --quiet) | gzip -1 >"$output.$$"
mv "$output.$$" "$output"
