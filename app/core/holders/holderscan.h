// SPDX-License-Identifier: GPL-3.0-or-later
// One pass over /proc and the mount tables that finds, for every loaded
// module at once, the open files, sockets, mmapped devices and mounts that
// hold a reference on it, by ModuleOwners' rules (source "inferred").
#pragma once

#include "holders/holder.h"

#include <QHash>

namespace refscope {

struct KernelThread {
    int pid = -1;
    QString comm;
};

struct HolderScan {
    QHash<QString, QList<Holder>> holders; // module name -> what holds it
    // Every kernel thread seen: a module's own thread may keep files open
    // that no process has any more.
    QList<KernelThread> kernelThreads;
    // False when some processes' fds could not be read (not root): their
    // holders are missing, so the scan is a lower bound.
    bool allProcessesReadable = true;
    // Holder kinds this scan could not check here (no permission, a netlink
    // family missing, a kernel too old), by HolderReport::uncheckedKinds'
    // names: the report names them and no reference is dropped meanwhile.
    QStringList uncheckedKinds;
    int processes = 0; // processes and kernel threads scanned
    int openFiles = 0; // fds read
};

// Scans every process's fds and device mmaps and every mount namespace's
// mounts. Processes and fds that vanish meanwhile are skipped: that is the
// normal state of a running system, not an error.
HolderScan scanHolders();

} // namespace refscope
