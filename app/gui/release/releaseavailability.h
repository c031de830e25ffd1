// SPDX-License-Identifier: GPL-3.0-or-later
// Whether "Force release…" can be offered for a module, and if not, the
// reason the window shows instead of a dead button: the kernel refuses
// some modules whatever anyone does (built in, permanent, in the middle of
// loading or unloading, no module unloading at all), and a saved snapshot
// has no running kernel to act on.
#pragma once

#include "inventory/moduleinfo.h"

#include <QCoreApplication>

namespace refscope {

// Where a privileged agent would come from for the release.
enum class ReleaseAgentOrigin {
    None,   // a saved snapshot: nothing to act on
    Lab,    // the lab guest's agent, root in a disposable machine
    Pkexec, // a new local agent started through pkexec for this release
    Ssh,    // a new agent on the machine shown, started through ssh for this release
};

struct ReleaseAvailability {
    Q_DECLARE_TR_FUNCTIONS(refscope::ReleaseAvailability)
public:
    bool possible = false;
    QString reason; // why not, when !possible

    // `agentProblem`: why no agent can be had (pkexec missing...), or empty.
    static ReleaseAvailability of(const Snapshot &snapshot, const QString &module,
                                  ReleaseAgentOrigin origin, const QString &agentProblem = {});
};

} // namespace refscope
