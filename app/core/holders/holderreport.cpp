// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/holderreport.h"

#include "holders/census/census.h"
#include "holders/explainer.h"
#include "holders/moduleowners.h"
#include "inventory/kmodreader.h"

namespace refscope {

bool readHolderReport(const QString &module, const ExactAnswer &exact, const RecordedGets &recorded,
                      HolderReport *report, QString *error)
{
    ExplainInput input;
    input.module = normalizeModuleName(module);
    input.snapshot = readLocalSnapshot({.modinfo = false, .builtin = true});
    if (!input.snapshot.support.loadable) {
        *error = QStringLiteral("this kernel has no loadable module support (no /proc/modules)");
        return false;
    }
    if (input.module.isEmpty() || !moduleKnown(input.snapshot, input.module)) {
        *error = QStringLiteral("no module \"%1\" is loaded or built in").arg(module);
        return false;
    }
    const HolderScan scan = scanHolders();
    input.inferred = scan.holders.value(input.module);
    input.exactAvailable = exact.available;
    input.exact = exact.holders;
    input.kernelThreads = scan.kernelThreads;
    input.allProcessesReadable = scan.allProcessesReadable;
    input.outstandingGets = recorded.gets;
    input.outstandingCallSites = recorded.callSites;
    ModuleOwners owners(loadedModuleNames());
    const Census census = runCensus(owners);
    input.census = census.holders.value(input.module);
    input.uncheckedKinds = census.unchecked + scan.uncheckedKinds;
    input.uncheckedWhy = census.uncheckedWhy;
    *report = explainHolders(input);
    return true;
}

} // namespace refscope
