// SPDX-License-Identifier: GPL-3.0-or-later
// "Why can't I unload it?": one module's count, state and holders turned
// into a HolderReport whose accounting closes (sum of refs + unattributed ==
// refcount) with a plain verdict and one next step per holder.
#pragma once

#include "events/outstandingrefs.h"
#include "holders/holder.h"
#include "holders/holderscan.h"
#include "inventory/moduleinfo.h"

namespace refscope {

struct ExplainInput {
    QString module;              // as the user wrote it ('-' or '_')
    Snapshot snapshot;           // the count, state, module holders, kernel support
    QList<Holder> inferred;      // HolderScan::holders for the module
    bool exactAvailable = false; // the helper kernel module answered
    QList<Holder> exact;         // its holders; they replace inferred ones for the same fd
    QList<KernelThread> kernelThreads;
    bool allProcessesReadable = true;
    // From a recording of the module, when one is at hand: every get never
    // put back (who took it, where). The driver's own get in open() by a
    // task that holds the file becomes that file's reference; the others are
    // named, classified, in the steps.
    QList<OutstandingGet> outstandingGets;
    QStringList outstandingCallSites; // only call sites (older clients): named in the steps
    QList<Holder> census;             // census/census.h's holders of the module
    QStringList uncheckedKinds;       // holder kinds that could not be checked
    QStringList uncheckedWhy;         // why, one per kind
};

HolderReport explainHolders(const ExplainInput &input);

// Whether `module` is loaded or built in according to the snapshot.
bool moduleKnown(const Snapshot &snapshot, const QString &module);

} // namespace refscope
