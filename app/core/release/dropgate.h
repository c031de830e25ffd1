// SPDX-License-Identifier: GPL-3.0-or-later
// The gate in front of "drop leaked references": a reference is dropped only
// when a recording proves it leaked, never because RefScope could not
// attribute it. An unattributed reference means RefScope did not see its
// holder (a qdisc, an iptables rule, an AF_ALG socket, a BPF program, swap,
// a file in flight...), not that there is none; dropping it lets the module
// be freed under that holder and the kernel crashes when it calls in.
//
// Evidence is a recording of the module (trace.dat or session) whose
// outstanding gets come from the module's own code taking a reference on
// itself with no holder behind it (callsiteclass.h). The CLI and the GUI
// check it before asking; the agent checks it again against the count and
// holders it finds, right before the compare-and-swap.
#pragma once

#include "events/outstandingrefs.h"
#include "holders/callsiteclass.h"
#include "holders/holder.h"
#include "release/releaserequest.h"

#include <optional>

namespace refscope {

class EventStore;

LeakEvidence leakEvidence(const EventStore &store, const QString &module,
                          const QString &recordingName);
// The gets of a count of the whole recording that belong to the module
// loaded now, the instance of its last load in the recording: gets of an
// earlier instance went with it. leakEvidence's rule, for a count made
// elsewhere (the timeline's Outstanding pane, which the Holders dock asks
// with).
QList<OutstandingGet> getsOfLastLoad(const EventStore &store, int moduleId,
                                     const QList<OutstandingGet> &unreleased);
// Opens the recording; false with *error when it cannot be read.
bool leakEvidenceFromFile(const QString &path, const QString &module, LeakEvidence *evidence,
                          QString *error);

// The outstanding gets grouped by call site, classified, most first.
struct EvidenceSite {
    QString callSite;
    CallSiteClass site;
    int outstanding = 0; // gets never put back
    int openFile = 0;    // of those, attributed to a file its task holds (heldByOpenFile)
    int leaked() const { return site.owner == CallSiteOwner::Self ? outstanding - openFile : 0; }
};
QList<EvidenceSite> classifyEvidence(const LeakEvidence &evidence, const QString &module,
                                     const QList<Holder> &holders);

struct DropDecision {
    bool allowed = false;
    int drop = 0;   // references to drop when allowed: the report's unattributed
    int proven = 0; // references the recording proves leaked
    // Why not, as a release step's code and arguments (releasesteptext.h).
    StepCode refusal = StepCode::NothingToDrop;
    QStringList args;
};

// The gate. `evidence` empty: no recording was given. Allowed only when
// every unattributed reference is proven leaked by a current, complete
// recording and every holder kind could be checked.
DropDecision decideDrop(const HolderReport &report, const std::optional<LeakEvidence> &evidence);

// The command that records the evidence, for the refusals.
QString recordCommandHint(const QString &module);

} // namespace refscope
