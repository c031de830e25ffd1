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
// the newest with both /boot/vmlinuz-RELEASE and /lib/modules/RELEASE/kernel.
// Empty when none is installed (apt install linux-image-amd64).
QString labKernelRelease();

// The refscope-agent binary: next to the running executable, in the
// installed libexec directory, or in the build tree; empty when none exists.
QString labDefaultAgent();

// The example modules (kmod/examples) built for the lab's kernel, as
// absolute .ko paths sorted by name; empty when they were not built (no
// kernel headers at configure time).
QStringList labExampleModules();

// A helper program built next to the example modules (e.g.
// "stuck-netlink-send"), or an empty string when it is not there.
QString labExampleHelper(const QString &name);

// The guest sees this machine's root read-only (/tmp and /var/tmp through a
// writable overlay), except the directories it replaces with its own (/run,
// /dev, /proc, /sys): a file under them is invisible there.
QString labInvisiblePrefix(const QString &path);

} // namespace refscope
