// SPDX-License-Identifier: GPL-3.0-or-later
// The whole "who holds it" answer for one module on the running kernel:
// snapshot, one holder scan and the explainer, as refscope-cli why and the
// agent's "holders" method need it.
#pragma once

#include "holders/holder.h"

namespace refscope {

// The helper kernel module's answer, when the caller could ask it.
struct ExactAnswer {
    bool available = false;
    QList<Holder> holders;
};

// False with *error set when `module` is neither loaded nor built in (or
// the kernel has no module support at all). `outstandingCallSites`: where a
// recording saw gets never put back (leakingCallSites), for the step about
// references nothing explains.
bool readHolderReport(const QString &module, const ExactAnswer &exact,
                      const QStringList &outstandingCallSites, HolderReport *report,
                      QString *error);

} // namespace refscope
