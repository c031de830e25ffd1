#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# installed-package.sh setup|cleanup BUILD_DIR VERSION
# The ctest fixture refscope_package: the vm tests that go through pkexec
# use RefScope as users install it. setup builds the Debian packages
# (cmake --build BUILD_DIR --target package-deb) and installs both with
# apt on this machine, whose root the lab guest sees: the agent in
# /usr/libexec, the polkit actions in /usr/share/polkit-1/actions and the
# helper built by DKMS for every installed kernel with headers. cleanup
# purges them and checks that no file they installed is left. Root only
# (CI runs as root); both hold /tmp/refscope-host.lock while they change
# the machine. A refscope already installed here, or a refscope_helper DKMS
# already knows, is left alone: setup fails instead.
set -u
usage="usage: installed-package.sh setup|cleanup BUILD_DIR VERSION"
action=${1:?$usage}
build=${2:?$usage}
version=${3:?$usage}
packages="refscope refscope-helper-dkms"
marker=$build/packaging/installed-by-test
files=$build/packaging/installed-files
export DEBIAN_FRONTEND=noninteractive

[ "$(id -u)" = 0 ] || {
    echo "FAIL  installing RefScope's packages on this machine needs root (CI runs as root);"
    echo "      the tests that use the installed package (tst_polkit) cannot run without it"
    exit 1
}
exec 9>/tmp/refscope-host.lock
flock 9

installed() { dpkg-query -W -f '${db:Status-Status}' "$1" 2>/dev/null | grep -qx installed; }
now() { date +%s.%N; }
since() { echo "$(now) $1" | awk '{ printf "%.1f s", $1 - $2 }'; }

case $action in
setup)
    for p in $packages; do
        if installed "$p" && [ ! -e "$marker" ]; then
            echo "FAIL  $p is installed on this machine, not by this test: not replacing it"
            exit 1
        fi
    done
    if [ ! -e "$marker" ] && [ -n "$(dkms status refscope_helper 2>/dev/null)" ]; then
        echo "FAIL  refscope_helper is already known to DKMS on this machine; not touching it:"
        dkms status refscope_helper
        exit 1
    fi
    start=$(now)
    cmake --build "$build" --target package-deb || { echo "FAIL  cmake --build --target package-deb"; exit 1; }
    built=$(now)
    arch=$(dpkg --print-architecture)
    touch "$marker"
    apt-get install -y -q --reinstall --no-install-recommends -o DPkg::Lock::Timeout=600 \
        "$build/refscope_${version}_${arch}.deb" "$build/refscope-helper-dkms_${version}_all.deb" ||
        { echo "FAIL  apt-get install"; exit 1; }
    for p in $packages; do dpkg -L "$p"; done >"$files"
    status=0
    [ -x /usr/libexec/refscope-agent ] || { echo "FAIL  no /usr/libexec/refscope-agent"; status=1; }
    grep -q '>/usr/libexec/refscope-agent<' /usr/share/polkit-1/actions/org.refscope.policy ||
        { echo "FAIL  the installed polkit policy does not name /usr/libexec/refscope-agent"; status=1; }
    dkms status refscope_helper
    for dir in /lib/modules/*; do
        [ -d "$dir/kernel" ] && [ -e "$dir/build/Makefile" ] || continue
        ls "$dir"/updates/dkms/refscope_helper.ko* >/dev/null 2>&1 ||
            { echo "FAIL  DKMS did not install the helper for ${dir##*/}"; status=1; }
    done
    echo "packages built in $(echo "$built $start" | awk '{ printf "%.1f s", $1 - $2 }'), installed in $(since "$built")"
    exit $status
    ;;
cleanup)
    [ -e "$marker" ] || { echo "nothing installed by the test"; exit 0; }
    start=$(now)
    # shellcheck disable=SC2086 # one argument per package
    apt-get purge -y -q -o DPkg::Lock::Timeout=600 $packages || { echo "FAIL  apt-get purge"; exit 1; }
    status=0
    for p in $packages; do
        if dpkg-query -W "$p" >/dev/null 2>&1; then
            echo "FAIL  dpkg still knows $p"
            status=1
        fi
    done
    # Every file the packages installed is gone, and every directory of
    # RefScope's own (other directories, such as /usr/share/icons, belong
    # to other packages too).
    [ -f "$files" ] || : >"$files"
    while read -r path; do
        if [ -e "$path" ] && { [ ! -d "$path" ] || echo "$path" | grep -q refscope; }; then
            echo "FAIL  left behind: $path"
            status=1
        fi
    done <"${files}"
    for left in /var/lib/dkms/refscope_helper /lib/modules/*/updates/dkms/refscope_helper.ko*; do
        [ -e "$left" ] && { echo "FAIL  left behind: $left"; status=1; }
    done
    rm -f "$marker" "$files"
    echo "purged in $(since "$start")"
    exit $status
    ;;
*)
    echo "$usage" >&2
    exit 2
    ;;
esac
