// SPDX-License-Identifier: GPL-3.0-or-later
// One pass over /proc and the mount tables that finds, for every loaded
// module at once, the open files, sockets, mmapped devices and mounts that
// hold a reference on it, by ModuleOwners' rules (source "inferred").
#pragma once

#include "holders/census/processsockets.h"
#include "holders/holder.h"

#include <QHash>

namespace refscope {

class ModuleOwners;

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
    // What the census needs of the same fds, so that it walks /proc no
    // second time (runCensus's ProcessSocketsWalk): every process's
    // sockets but this one's, and every process's BPF link and program fds.
    QList<ProcessSockets> processSockets;
    QList<BpfFd> bpfFds;
};

// Scans every process's fds and device mmaps and every mount namespace's
// mounts. Processes and fds that vanish meanwhile are skipped: that is the
// normal state of a running system, not an error.
HolderScan scanHolders();

// The names under "UserFiles:" in an io_uring fd's fdinfo ("    0: tun"):
// the kernel prints each registered file's dentry name, not its path.
QList<QByteArray> parseRingFiles(const QByteArray &fdinfo);
// The same with the caller's owners (one libkmod context and one read of
// /proc/modules for the scan and the census of one answer).
HolderScan scanHolders(ModuleOwners &owners);

} // namespace refscope
