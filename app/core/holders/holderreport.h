// SPDX-License-Identifier: GPL-3.0-or-later
// The whole "who holds it" answer for one module on the running kernel:
// snapshot, one holder scan and the explainer, as refscope-cli why and the
// agent's "holders" method need it.
#pragma once

#include "events/outstandingrefs.h"
#include "holders/holder.h"

#include <QElapsedTimer>

namespace refscope {

// The helper kernel module's answer, when the caller could ask it.
struct ExactAnswer {
    bool available = false;
    QList<Holder> holders;
};

// What a recording of the module saw taken and never put back.
struct RecordedGets {
    QList<OutstandingGet> gets; // each get (call site, task): classified and attributed
    QStringList callSites;      // only call sites (leakingCallSites), from older clients
};

// False with *error set when `module` is neither loaded nor built in (or
// the kernel has no module support at all). `recorded`: for the steps about
// unattributed references and the driver's own gets in open().
// Where a holders answer's time goes: with REFSCOPE_HOLDERS_TIMING set in
// the environment, each lap() prints the time since the last one to stderr
// ("refscope timing: census: tcp-cc 12.3 ms"); otherwise nothing is timed.
class HolderTiming {
public:
    explicit HolderTiming(const char *what);
    void lap(const char *part);

private:
    const char *m_what;
    bool m_on;
    QElapsedTimer m_timer;
};

bool readHolderReport(const QString &module, const ExactAnswer &exact, const RecordedGets &recorded,
                      HolderReport *report, QString *error);

} // namespace refscope
