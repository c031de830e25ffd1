// SPDX-License-Identifier: GPL-3.0-or-later
// `refscope-cli guard`'s verdict: did a test suite give back every module
// reference it took? Each module's count after the suite is compared with
// the count it should have come back to; where they differ, the recording's
// gets never put back are listed by call site (outstandingrefs.h, as the
// Outstanding references pane and `why --trace` count them), each call site
// with the holder kind the classifier gives it (callsiteclass.h) and the
// tasks that took its references.
//
// The rule, per module:
// - loaded before and after, with no load in the recording: the count after
//   must equal the count before;
// - loaded during the run (a load in the recording, or not loaded before)
//   and still loaded after: the count after must be 0, the count a module
//   has once its init returned (the kernel puts back the reference it holds
//   during init); with several loads, the last one counts;
// - not loaded after (unloaded during the run, or never loaded): balanced,
//   since a module is unloaded only once every reference is gone.
#pragma once

#include "events/eventstore.h"
#include "holders/callsiteclass.h"
#include "inventory/moduleinfo.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace refscope {

// Why a module is in the verdict.
enum class GuardReason {
    Named,        // --modules named it
    CountChanged, // its count (or whether it is loaded) differs after the run
    Events,       // the recording has events of it
};
QString guardReasonName(GuardReason reason); // "named", "count_changed", "events"

struct GuardTask {
    int pid = -1;
    QString comm;
    int gets = 0; // of the call site's outstanding gets, those this task took
    bool operator==(const GuardTask &o) const = default;
};

struct GuardSite {
    QString callSite; // "leaky_ref_write+0x35 [leaky_ref]"
    CallSiteClass site;
    int outstanding = 0; // gets taken here and never put back
    QList<GuardTask> tasks;
};

inline constexpr int kNotLoaded = -1;

struct GuardModule {
    QString name;
    GuardReason reason = GuardReason::Named;
    int before = kNotLoaded;   // lsmod's count before COMMAND
    int after = kNotLoaded;    // lsmod's count after COMMAND ended
    int expected = kNotLoaded; // what `after` must be (the rule above); kNotLoaded: not loaded
    bool loadedDuringRun = false;
    bool unloadedDuringRun = false; // loaded before, not after
    bool balanced() const { return after == kNotLoaded || after == expected; }
    // Only for a module that is not balanced: the outstanding gets since
    // its last load in the recording (else since the recording's start).
    QList<GuardSite> sites;
};

struct GuardVerdict {
    QList<GuardModule> modules;
    bool named = false;            // the modules were named (--modules), not found by changes
    qint64 lostEvents = 0;         // the recording's: call sites may then be missing
    bool balanced() const;         // every module's count came back
    QStringList differing() const; // names of the modules that did not
};

// Each loaded module's lsmod count.
QMap<QString, int> moduleCounts(const Snapshot &snapshot);

// named: --modules (kernel names), empty to take every module whose count
// changed or that has events in `events`.
GuardVerdict guardVerdict(const QMap<QString, int> &before, const QMap<QString, int> &after,
                          const EventStore &events, const QStringList &named);

// The "modules" and "lost_events" members of guard's JSON (README.md, "In
// your CI"); counts of modules not loaded are null.
QJsonObject guardVerdictToJson(const GuardVerdict &verdict);

// The plain-text lines, one module each, with its call sites when it
// differs.
QString guardVerdictText(const GuardVerdict &verdict);

} // namespace refscope
