// SPDX-License-Identifier: GPL-3.0-or-later
// The user-space side of RefScope's helper kernel module (kmod/refscope_helper):
// loading it, and asking it, through /dev/refscope_helper, for a module's
// exact holders or to drop the references a recording proved leaked.
#pragma once

#include "holders/holder.h"
#include "protocol/protocol.h"

#include <QList>
#include <QString>

#include <optional>

namespace refscope {

struct ExactHolders {
    bool available = false;            // false: the helper could not be loaded or asked (see error)
    QString error;                     // why not, in plain words, with what to do about it; when
                                       // available, what the answer may be missing
    std::optional<HolderSentence> why; // the helper's load or open failure, as a code
    QList<Holder> holders;             // source Exact; rule names the owner field that matched
    int refcount = -1;                 // lsmod's count while the helper looked (its own excluded)
    int ownThreads = 0;                // kernel threads running the module's own code
    int inFlight = 0; // places in unix sockets' queues where a file of the module sits
};

// Loads refscope_helper if needed (DKMS-installed, else the build tree), asks
// it for the module's holders.
ExactHolders readExactHolders(const QString &module);

// DropResult::errorCode when the count is not the one the user confirmed (a
// wrong expected count, or a get or put meanwhile): nothing was changed.
inline constexpr QLatin1String DropStale{"stale"};

struct DropResult {
    bool ok = false;
    QString errorCode; // DropStale, or one of protocol.h's errorcode values
    QString error;
    int countBefore = -1; // the count the helper found (lsmod's number)
    int countAfter = -1;  // the count it left: explainedRefs on success
};

// Sets the LIVE module's reference count from exactly expectedCount to
// explainedRefs (never lower, never blindly), tainting the kernel like a
// forced unload. Refused when the count is no longer expectedCount.
DropResult dropUnattributedReferences(const QString &module, int expectedCount, int explainedRefs);

} // namespace refscope
