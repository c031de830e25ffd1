// SPDX-License-Identifier: GPL-3.0-or-later
// The census: kernel objects no process has open that hold a module, read
// from the kernel's own tables (rtnetlink and nf_tables in every network
// namespace, /proc/swaps, /proc/crypto, the bpf syscall). Each holder names the object, the number
// of references it takes (by the kernel's rule for that kind, CENSUS.md) and the command that lets
// them go.
#pragma once

#include "holders/census/processsockets.h"
#include "holders/holder.h"

#include <QHash>

namespace refscope {

class ModuleOwners;

struct Census {
    QHash<QString, QList<Holder>> holders; // module -> census holders
    // Kinds that could not be read ("tc", "netfilter", "swap", "crypto",
    // "bpf", "tcp-cc", "iosched", "nls", "dm"), and why,
    // one reason per kind in the same order.
    QStringList unchecked;
    QStringList uncheckedWhy;
    void markUnchecked(const QString &kind, const QString &why);
};

// Reads every census kind. Cheap when nothing is there to find: a kind
// whose subsystem has no module loaded is not asked at all. `sockets`: the
// processes' sockets and BPF fds as the holder scan listed them
// (HolderScan::processSockets and bpfFds), so that /proc is walked once per
// answer; by default the census walks it itself when a kind needs it.
Census runCensus(ModuleOwners &owners, ProcessSocketsWalk sockets = {});

} // namespace refscope
