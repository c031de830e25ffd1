#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# dkms-check.sh BUILD_DIR VERSION RELEASE...
# DKMS for real: stages the helper's sources as `cmake --install` puts them
# (component dkms, into a temporary DESTDIR), then `dkms add`, `dkms build`
# and `dkms install` them for every RELEASE but the last, which gets it
# from the kernel's own postinst hook (dkms autoinstall), checks that the module lands in
# /lib/modules/RELEASE/updates/dkms, and `dkms remove`s it again. Root only
# (CI runs it as root); exits 77 (skipped) otherwise.
set -u
build=${1:?usage: dkms-check.sh BUILD_DIR VERSION RELEASE...}
version=${2:?usage: dkms-check.sh BUILD_DIR VERSION RELEASE...}
shift 2
[ $# -gt 0 ] || { echo "FAIL  no kernel to build for"; exit 1; }
[ "$(id -u)" = 0 ] || { echo "SKIP  dkms needs root"; exit 77; }
command -v dkms >/dev/null || { echo "FAIL  dkms is not installed (.ci/install-deps installs it)"; exit 1; }
module=refscope_helper/$version
if [ -n "$(dkms status "$module" 2>/dev/null)" ]; then
    echo "FAIL  $module is already known to DKMS on this machine; not touching it:"
    dkms status "$module"
    exit 1
fi

stage=$(mktemp -d)
cleanup() {
    dkms remove "$module" --all >/dev/null 2>&1
    rm -rf "$stage"
}
trap cleanup EXIT
DESTDIR=$stage cmake --install "$build" --component dkms --prefix /usr >/dev/null ||
    { echo "FAIL  cmake --install --component dkms"; exit 1; }
src=$stage/usr/src/refscope_helper-$version
[ -f "$src/dkms.conf" ] || { echo "FAIL  the install put no dkms.conf in $src"; exit 1; }

status=0
dkms add "$module" --sourcetree "$stage/usr/src" || { echo "FAIL  dkms add"; exit 1; }
# The last kernel the way a kernel package's install gets it: its
# postinst hook (/etc/kernel/postinst.d/dkms) runs DKMS's autoinstall,
# which builds every AUTOINSTALL module for the new kernel.
last=$(eval echo "\${$#}")
for release in "$@"; do
    if [ "$release" = "$last" ] && [ -x /etc/kernel/postinst.d/dkms ]; then
        if /etc/kernel/postinst.d/dkms "$release" >/dev/null 2>&1 &&
            [ -n "$(dkms status "$module" -k "$release" | grep installed)" ]; then
            echo "ok    $release: installed by the kernel's postinst hook (dkms autoinstall)"
        else
            echo "FAIL  $release: the kernel's postinst hook (dkms autoinstall) did not install $module"
            dkms status "$module"
            status=1
            continue
        fi
    elif ! dkms build "$module" -k "$release" || ! dkms install "$module" -k "$release"; then
        echo "FAIL  dkms build/install for $release"
        for log in /var/lib/dkms/refscope_helper/"$version"/build/make.log; do
            [ -f "$log" ] && sed 's/^/      /' "$log"
        done
        status=1
        continue
    fi
    ko=$(ls /lib/modules/"$release"/updates/dkms/refscope_helper.ko* 2>/dev/null | head -n 1)
    if [ -n "$ko" ] && modinfo -F version "$ko" | grep -qx "$version"; then
        echo "ok    $release: $ko (version $version)"
    else
        echo "FAIL  $release: no refscope_helper.ko $version in /lib/modules/$release/updates/dkms"
        status=1
    fi
done
dkms status "$module"
dkms remove "$module" --all >/dev/null || { echo "FAIL  dkms remove"; status=1; }
for release in "$@"; do
    if ls /lib/modules/"$release"/updates/dkms/refscope_helper.ko* >/dev/null 2>&1; then
        echo "FAIL  dkms remove left the module in /lib/modules/$release/updates/dkms"
        status=1
    fi
done
exit $status
