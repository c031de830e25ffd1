#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# build-debs.sh BUILD_DIR PREFIX VERSION HELPER_VERSION
# Builds BUILD_DIR/refscope_VERSION_ARCH.deb and
# BUILD_DIR/refscope-helper-dkms_VERSION_all.deb from what `cmake --install`
# puts in a staging directory: the default component for refscope (the
# binaries stripped), the dkms component (the helper's sources and
# dkms.conf in /usr/src/refscope_helper-HELPER_VERSION) for
# refscope-helper-dkms, whose postinst and prerm run DKMS. Depends comes
# from dpkg-shlibdeps. Files are root's in the packages (dpkg-deb
# --root-owner-group), so no fakeroot is needed.
set -eu
usage="usage: build-debs.sh BUILD_DIR PREFIX VERSION HELPER_VERSION"
build=$(cd "${1:?$usage}" && pwd)
prefix=${2:?$usage}
version=${3:?$usage}
helper_version=${4:?$usage}
here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "build-debs: $*" >&2; exit 1; }

# The agent's path is compiled into the programs and named by the polkit
# policy: a package for /usr must be built for /usr.
[ "$prefix" = /usr ] ||
    fail "this build installs to $prefix; packages need /usr: configure with -DCMAKE_INSTALL_PREFIX=/usr (the presets do)"
for tool in dpkg-deb dpkg-shlibdeps dpkg-architecture gzip md5sum; do
    command -v $tool >/dev/null || fail "$tool is missing (apt install dpkg-dev)"
done
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
maintainer=${REFSCOPE_DEB_MAINTAINER:-RefScope developers <refscope@invalid>}
date=$(date -R -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}")

umask 022
work=$build/packaging/deb
rm -rf "$work"
mkdir -p "$work"

# Doc files every Debian package carries: copyright and changelog.
add_docs() { # ROOT PACKAGE LICENCE
    doc=$1/usr/share/doc/$2
    mkdir -p "$doc"
    cat >"$doc/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: RefScope
Source: built from the RefScope source tree

Files: *
Copyright: RefScope developers
License: $3
 On Debian systems the full text of the licence is in
 /usr/share/common-licenses/$(echo "$3" | sed 's/-or-later//; s/\.0$//')
COPYRIGHT
    printf '%s (%s) unstable; urgency=medium\n\n  * Built from the RefScope source tree.\n\n -- %s  %s\n' \
        "$2" "$version" "$maintainer" "$date" | gzip -9n >"$doc/changelog.gz"
}

# DEBIAN/md5sums and the Installed-Size of ROOT.
finish() { # ROOT
    (cd "$1" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z |
        xargs -0r md5sum) >"$1/DEBIAN/md5sums"
    du -sk --exclude=DEBIAN "$1" | cut -f1
}

# --- refscope ---------------------------------------------------------------
root=$work/refscope
DESTDIR=$root cmake --install "$build" --component Unspecified --strip >/dev/null ||
    fail "cmake --install (build the tree first: cmake --build $build)"
[ -x "$root/usr/libexec/refscope-agent" ] || fail "the install has no /usr/libexec/refscope-agent"
[ ! -e "$root/usr/src" ] || fail "the helper's sources went into refscope: they belong to refscope-helper-dkms"
add_docs "$root" refscope GPL-3.0-or-later
mkdir -p "$root/DEBIAN"

# The programs' shared libraries, as dpkg-shlibdeps finds their packages;
# it wants a debian/control, which a throwaway one gives.
elves=$(find "$root" -type f -perm -u+x | while read -r f; do
    [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = 177ELF ] && echo "$f"
done)
# A private copy of a library no package provides (polkit-qt6 built from
# source on Debian 12, see app/gui/CMakeLists.txt) travels in the package:
# its own libraries count, and the copy itself needs no package.
private=$(find "$root/usr/lib" -type d -name refscope 2>/dev/null | head -n 1)
if [ -n "$private" ]; then
    elves="$elves $(find "$private" -type f -name '*.so*')"
fi
mkdir -p "$work/shlibs/debian"
printf 'Source: refscope\n\nPackage: refscope\nArchitecture: any\n' >"$work/shlibs/debian/control"
# shellcheck disable=SC2046 # one -e argument per program
shlibs=$(cd "$work/shlibs" && dpkg-shlibdeps -O ${private:+-l"$private" --ignore-missing-info} \
    $(for e in $elves; do printf -- '-e%s ' "$e"; done) |
    sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || fail "dpkg-shlibdeps found no libraries"

cat >"$root/DEBIAN/control" <<CONTROL
Package: refscope
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $(finish "$root")
Depends: $shlibs, qt6-qpa-plugins
Recommends: refscope-helper-dkms (= $version), pkexec, polkitd, graphviz, qt6-translations-l10n
Suggests: qemu-system-x86, busybox-static, cpio, linux-image-amd64, linux-headers-amd64
Section: admin
Priority: optional
Description: shows why a Linux kernel module cannot be unloaded
 RefScope shows every loaded kernel module, its state, reference count,
 holders and dependencies, as a table and as a graph, and explains why a
 module cannot be unloaded: the processes, files, sockets, mounts, kernel
 threads and kernel objects holding it, each with the step that lets go of
 it. A timeline records the module tracepoints; a guarded force release
 clears holders and drops only references a recording proves leaked.
 .
 This package has the window (refscope), refscope-cli, the root agent
 started through pkexec with its polkit actions, and the QEMU lab with
 its example modules. Exact holders need the helper kernel module from
 refscope-helper-dkms.
CONTROL
dpkg-deb --build --root-owner-group "$root" "$build/refscope_${version}_${arch}.deb" >/dev/null

# --- refscope-helper-dkms ----------------------------------------------------
root=$work/refscope-helper-dkms
DESTDIR=$root cmake --install "$build" --component dkms >/dev/null || fail "cmake --install --component dkms"
[ -f "$root/usr/src/refscope_helper-$helper_version/dkms.conf" ] ||
    fail "the install put no dkms.conf in /usr/src/refscope_helper-$helper_version"
add_docs "$root" refscope-helper-dkms GPL-2.0
mkdir -p "$root/DEBIAN"
for script in postinst prerm; do
    sed "s/@HELPER_VERSION@/$helper_version/g" "$here/refscope-helper-dkms.$script" >"$root/DEBIAN/$script"
    chmod 755 "$root/DEBIAN/$script"
done
cat >"$root/DEBIAN/control" <<CONTROL
Package: refscope-helper-dkms
Version: $version
Architecture: all
Maintainer: $maintainer
Installed-Size: $(finish "$root")
Recommends: dkms, linux-headers-amd64 | linux-headers-generic | linux-headers
Enhances: refscope
Section: kernel
Priority: optional
Description: RefScope's helper kernel module, built by DKMS
 The helper module lets RefScope's root agent read exactly which file,
 socket, mount or thread holds a kernel module's references, and drop a
 reference a recording proved leaked. This package has its sources;
 DKMS builds and installs it for every installed kernel whose headers are
 installed, and again for each new kernel. The agent loads the helper only
 from DKMS's directory.
CONTROL
dpkg-deb --build --root-owner-group "$root" "$build/refscope-helper-dkms_${version}_all.deb" >/dev/null

rm -rf "$work/shlibs"
echo "$build/refscope_${version}_${arch}.deb"
echo "$build/refscope-helper-dkms_${version}_all.deb"
