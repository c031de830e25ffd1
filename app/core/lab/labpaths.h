// SPDX-License-Identifier: GPL-3.0-or-later
// Where the lab's pieces are: boot-guest.sh, the refscope-agent to run in the
// guest, and the example modules built for the guest's kernel. Each is looked
// up in the build tree first (developers, tests), then where `cmake --install`
// puts it.
#pragma once

#include <QString>
#include <QStringList>

namespace refscope {

// boot-guest.sh, or an empty string when neither location has it.
QString labBootScript();

// The kernel release the lab boots by default, as boot-guest.sh picks it:
// $REFSCOPE_LAB_KERNEL, else the newest generic kernel (not -rt, not -cloud)
// with /boot/vmlinuz-RELEASE, /lib/modules/RELEASE/kernel and the headers
// the helper and the examples are built with; else the newest generic one
// without headers. Empty when none is installed (apt install linux-image-amd64).
QString labKernelRelease();

// Every kernel the lab can boot (/boot/vmlinuz-RELEASE and its modules),
// oldest first.
QStringList labBootableKernels();

// The refscope-agent binary: next to the running executable, in the
// installed libexec directory, or in the build tree; empty when none exists.
QString labDefaultAgent();

// The example modules (kmod/examples) built for kernel `release`, as
// absolute .ko paths sorted by name; empty when they were not built for it
// (no headers, or they failed to build: labModuleBuildError says why).
// An empty release means the kernel the modules are for here: in the lab
// guest the running one, on the machine $REFSCOPE_LAB_KERNEL or
// labKernelRelease().
QStringList labExampleModules(const QString &release = {});

// The kernel an empty release above stands for.
QString labModuleRelease();

// Why `part` ("examples" or "refscope_helper") did not build for `release`:
// the compiler's first error and the file with all its output, or an empty
// string when it built or was not tried.
QString labModuleBuildError(const QString &release, const QString &part);

// A helper program built next to the example modules (e.g.
// "stuck-netlink-send"), or an empty string when it is not there.
QString labExampleHelper(const QString &name);

// The guest sees this machine's root read-only (/tmp and /var/tmp through a
// writable overlay), except the directories it replaces with its own (/run,
// /dev, /proc, /sys): a file under them is invisible there.
QString labInvisiblePrefix(const QString &path);

} // namespace refscope
