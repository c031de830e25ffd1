// SPDX-License-Identifier: GPL-3.0-or-later
// Whose reference a module_get is, judged from its call site's symbol: the
// one place that decides whether an outstanding get may be a leak. A get
// that a subsystem took for an object it owns (a qdisc, a crypto transform,
// an iptables match, a BPF trampoline, an open file, a socket, a mount) is
// that object's reference, whether or not RefScope could see the object:
// dropping it frees code the object still calls. Only a get the module took
// on itself, from its own code, with no holder behind it, is leak-prone.
#pragma once

#include "events/outstandingrefs.h"
#include "holders/holder.h"

#include <QString>

namespace refscope {

enum class CallSiteOwner {
    Self,      // the module's own code took a reference on itself (__module_get(THIS_MODULE))
    Subsystem, // a kernel subsystem took it for an object it keeps: never dropped
    Unknown,   // neither could be told: never dropped
};
QString callSiteOwnerName(CallSiteOwner owner); // "self", "subsystem", "unknown"

struct CallSiteClass {
    CallSiteOwner owner = CallSiteOwner::Unknown;
    // For Subsystem: the holder kind the reference belongs to ("file",
    // "socket", "mount", "block device", "crypto", "qdisc", "tc filter",
    // "tc action", "netfilter", "bpf", "module"); empty otherwise.
    QString holderKind;
    QString function;   // the symbol without offset, module and compiler suffix
    QString siteModule; // the "[module]" the symbol is in; empty for the kernel or unknown
    // Self only: the get sits in the module's open(), bind() or probe(),
    // where a driver takes a reference for the file it is opening.
    bool inOpen = false;
};

// `label` as the recordings write it: "count_demo_open+0x3c [count_demo]"
// (sessions and live capture), "misc_open+0x4f" (trace.dat, which keeps no
// module), "fn+0x1a/0x80", or a bare "0xffffffffc0a01000". `module` is the
// module whose count the get raised.
CallSiteClass classifyCallSite(const QString &label, const QString &module);

// Whether an outstanding get is the driver's own get in open(), bind() or
// probe() taken by a task that still holds one of `holders`' files or
// sockets: that file's second reference (count_demo), not a leak.
bool heldByOpenFile(const OutstandingGet &get, const CallSiteClass &site,
                    const QList<Holder> &holders);
// The first of `holders` that heldByOpenFile matches; -1 if none.
qsizetype openFileHolderOf(const OutstandingGet &get, const CallSiteClass &site,
                           const QList<Holder> &holders);

// How the timeline and `why --trace` name a call site's owner, in the
// running program's language: "leak-prone (the module's own get)", "qdisc", ...
QString callSiteOwnerText(const CallSiteClass &site);

} // namespace refscope
