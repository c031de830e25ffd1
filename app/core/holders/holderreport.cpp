// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/holderreport.h"

#include "holders/census/census.h"
#include "holders/explainer.h"
#include "holders/moduleowners.h"
#include "inventory/kmodreader.h"

#include <QElapsedTimer>

#include <cstdio>

namespace refscope {

HolderTiming::HolderTiming(const char *what)
    : m_what(what), m_on(qEnvironmentVariableIsSet("REFSCOPE_HOLDERS_TIMING"))
{
    if (m_on)
        m_timer.start();
}

void HolderTiming::lap(const char *part)
{
    if (!m_on)
        return;
    std::fprintf(stderr, "refscope timing: %s: %s %.1f ms\n", m_what, part,
                 double(m_timer.nsecsElapsed()) / 1e6);
    m_timer.restart();
}

bool readHolderReport(const QString &module, const ExactAnswer &exact, const RecordedGets &recorded,
                      HolderReport *report, QString *error)
{
    HolderTiming timing("holders");
    ExplainInput input;
    input.module = normalizeModuleName(module);
    // The built-in modules (modules.builtin and its modinfo, a few hundred
    // kB read from disk) matter only when the module is not loaded: they
    // tell "built in" from "not loaded". The answer needs the count, state
    // and users of one module: no module's parameters or taints.
    // One libkmod context for the snapshot and the module owners: its
    // indexes are mapped once (slow over the lab's 9p root).
    KmodContext kmod = openKmodContext();
    input.snapshot =
        readLocalSnapshot({.modinfo = false, .builtin = false, .parameters = false}, kmod.get());
    const bool loaded = input.snapshot.find(input.module) != nullptr;
    if (!loaded)
        input.snapshot =
            readLocalSnapshot({.modinfo = false, .builtin = true, .parameters = false}, kmod.get());
    timing.lap("snapshot");
    if (!input.snapshot.support.loadable) {
        *error = QStringLiteral("this kernel has no loadable module support (no /proc/modules)");
        return false;
    }
    if (input.module.isEmpty() || !moduleKnown(input.snapshot, input.module)) {
        *error = QStringLiteral("no module \"%1\" is loaded or built in").arg(module);
        return false;
    }
    if (!loaded) { // built in: nothing to scan for
        *report = explainHolders(input);
        return true;
    }
    // The snapshot has just listed the loaded modules: /proc/modules is
    // not read again for them.
    QSet<QString> loadedNames;
    for (const ModuleInfo &m : std::as_const(input.snapshot.modules))
        loadedNames.insert(m.name);
    ModuleOwners owners(std::move(loadedNames), std::move(kmod));
    timing.lap("module owners");
    const HolderScan scan = scanHolders(owners);
    timing.lap("holder scan");
    input.inferred = scan.holders.value(input.module);
    input.exactAvailable = exact.available;
    input.exact = exact.holders;
    input.kernelThreads = scan.kernelThreads;
    input.allProcessesReadable = scan.allProcessesReadable;
    input.outstandingGets = recorded.gets;
    input.outstandingCallSites = recorded.callSites;
    const Census census = runCensus(owners, {scan.processSockets, scan.bpfFds});
    timing.lap("census");
    input.census = census.holders.value(input.module);
    input.uncheckedKinds = census.unchecked + scan.uncheckedKinds;
    input.uncheckedWhy = census.uncheckedWhy;
    *report = explainHolders(input);
    timing.lap("explainer");
    return true;
}

} // namespace refscope
