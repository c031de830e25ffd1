// SPDX-License-Identifier: GPL-3.0-or-later
// Two recordings side by side: per module, the outstanding references
// (gets never put back) of each call site in A and in B and the
// difference, and the module's totals in each. What changed between a run
// that leaks and one that does not, or before and after a fix.
//
// Call sites match by symbol and offset ("leaky_ref_write+0x35"), never by
// address: addresses differ from boot to boot. The symbol's size and the
// "[module]" a session adds (a trace.dat keeps none) are left out of the
// match, so a trace.dat compares with a session of the same code.
#pragma once

#include "events/eventstore.h"
#include "holders/callsiteclass.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace refscope {

// One module's totals in one recording; `present` false when the module
// has no event there.
struct RecordingModuleTotals {
    bool present = false;
    qint64 gets = 0;
    qint64 puts = 0;
    qint64 outstanding() const { return gets - puts; }
    // lsmod's number after the module's last event; none for a module seen
    // only asking to be loaded.
    std::optional<int> finalCount;
};

struct CallSiteComparison {
    QString callSite; // as recording A names it, else B
    // True for puts of references taken before the recording began,
    // charged where they were put (their outstanding count is negative).
    bool putOnly = false;
    CallSiteClass owner; // whose reference a get there is
    bool inA = false;    // the recording has events charged to this site
    bool inB = false;
    qint64 outstandingA = 0;
    qint64 outstandingB = 0;
    qint64 difference() const { return outstandingB - outstandingA; }
};

struct ModuleComparison {
    QString module;
    RecordingModuleTotals a;
    RecordingModuleTotals b;
    // Largest difference first, then most outstanding, then by name.
    QList<CallSiteComparison> callSites;
    bool differs() const;
};

struct RecordingComparison {
    QList<ModuleComparison> modules; // by name
};

// Called with the share done (0..1000); false stops the comparison.
using CompareProgress = std::function<bool(int permille)>;

// Compares the gets and puts of every module in either store, or of
// `module` alone when given. Reading each event's call site from a
// trace.dat costs tens of microseconds, so this reports progress; stopped,
// it returns what it had (check the progress callback's own flag).
RecordingComparison compareRecordings(const EventStore &a, const EventStore &b,
                                      const QString &module = {},
                                      const CompareProgress &progress = {});

// Opens both files (trace.dat or session files) and compares them. On a
// file that cannot be read, returns nullopt, the reader's message and, when
// asked, which file it was (*failedPath).
std::optional<RecordingComparison> compareRecordingFiles(const QString &pathA, const QString &pathB,
                                                         QString *error, const QString &module = {},
                                                         const CompareProgress &progress = {},
                                                         QString *failedPath = nullptr);

// The key a call site is matched by: "fn+0x35" of "fn+0x35/0x80 [mod]".
QString callSiteMatchKey(const QString &label);

// {"modules": [{"module", "a": {...}, "b": {...}, "differs", "call_sites": [{"call_site",
// "put_only", "owner", "holder_kind", "in_a", "in_b", "outstanding_a",
// "outstanding_b", "difference"}]}]}; a side without the module is null.
QJsonObject recordingComparisonJson(const RecordingComparison &comparison);

// Aligned tables for a terminal, one per module, in English.
QString recordingComparisonTable(const RecordingComparison &comparison);

} // namespace refscope
