#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# compile-check.sh SOURCE_DIR [EXPECTED_FAMILY...]
# Builds kmod/refscope_helper and kmod/examples with -Werror against every
# kernel header set installed in /lib/modules/*/build, each into its own
# temporary directory, so every LINUX_VERSION_CODE branch is compiled by a
# kernel that takes it. Each EXPECTED_FAMILY is a shell pattern of kernel
# releases (e.g. '6.12.*-rt-amd64') of which at least one header set must be
# installed: .ci/install-deps installs them, so a missing one fails the
# check instead of leaving a branch unbuilt.
set -u
src=${1:?usage: compile-check.sh SOURCE_DIR [EXPECTED_FAMILY...]}
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0 built=

for kdir in /lib/modules/*/build; do
    [ -f "$kdir/Makefile" ] || continue
    release=$(basename "$(dirname "$kdir")")
    for part in refscope_helper examples; do
        out=$tmp/$release/$part
        mkdir -p "$out"
        cp "$src/kmod/$part"/Kbuild "$src/kmod/$part"/*.c "$src/kmod/$part"/*.h "$out"/
        rm -f "$out/stuck_netlink_send.c" # user space, built by CMake
        if make -s -C "$kdir" M="$out" KCFLAGS=-Werror modules >"$out.log" 2>&1; then
            echo "ok    $release $part: $(cd "$out" && echo $(ls ./*.ko | sed 's|^\./||'))"
        else
            echo "FAIL  $release $part:"
            sed 's/^/      /' "$out.log"
            status=1
        fi
    done
    built="$built $release"
done

for family in "$@"; do
    found=
    for release in $built; do
        # shellcheck disable=SC2254 # the family is a pattern
        case $release in $family) ;; *) continue ;; esac
        # '6.1.0-*-amd64' means the generic flavour: -rt and -cloud do not count.
        for flavour in rt cloud; do
            case $release in *-$flavour-*) case $family in *-$flavour-*) ;; *) continue 2 ;; esac ;; esac
        done
        found=$release
    done
    if [ -z "$found" ]; then
        echo "FAIL  no kernel headers matching $family are installed (.ci/install-deps installs them)"
        status=1
    fi
done
[ -n "$built" ] || { echo "FAIL  no kernel headers in /lib/modules/*/build"; status=1; }
exit $status
