// SPDX-License-Identifier: GPL-3.0-or-later
// "Outstanding references": of one module's gets, which were not put back,
// grouped by the call site that took them and by the task (pid/comm) that
// took them, ranked. The usual pointer to a leak: a try_module_get whose
// module_put never comes.
#pragma once

#include "events/eventstore.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>

namespace refscope {

struct OutstandingGroup {
    QString label;        // the call site's symbol (or address), or "comm (pid)"
    quint64 callSite = 0; // by call site only
    int pid = -1;         // by task only
    qint64 gets = 0;      // references taken here
    qint64 puts = 0;      // of those, released in the window
    qint64 outstanding() const { return gets - puts; }
    // The group's events (store indices, in order): its gets and the puts
    // that released them. Puts of references taken before the window form
    // groups of their own (at the put's call site or task, gets = 0).
    QList<std::uint32_t> events;
};

// One get never put back in the window: who took it and where.
struct OutstandingGet {
    QString callSite; // the call site's label, as OutstandingGroup::label
    int pid = -1;     // the task that took it
    QString comm;
    qint64 timestampNs = 0;
    bool operator==(const OutstandingGet &o) const = default;
};

struct OutstandingRefs {
    QList<OutstandingGroup> byCallSite; // most outstanding first
    QList<OutstandingGroup> byTask;
    QList<OutstandingGet> unreleased; // every outstanding get, oldest first
    qint64 gets = 0;
    qint64 puts = 0;
    // byCallSite, gets and puts are the kernel's own counts of the whole
    // capture (useKernelCounts), not the events'.
    bool kernelCounted = false;
};

// Counts the gets and puts of `moduleId` with fromNs <= timestamp < toNs.
// A put is paired with the latest unreleased get of the same task, else
// with the latest unreleased get of any task (a reference handed over, e.g.
// to a kworker), so a put is charged to the call site and task that took
// the reference, not to where it was dropped (misc_open's get is released
// in __fput). Every event's details are read, which from a trace file costs
// tens of microseconds each: the counting goes by steps, so a GUI can spread
// it over its event loop.
class OutstandingRefsCounter {
public:
    OutstandingRefsCounter(const EventStore &store, int moduleId, qint64 fromNs, qint64 toNs);
    ~OutstandingRefsCounter();
    OutstandingRefsCounter(const OutstandingRefsCounter &) = delete;
    OutstandingRefsCounter &operator=(const OutstandingRefsCounter &) = delete;

    // Counts up to `events` more events; true once every one is counted.
    bool step(std::size_t events);
    int permille() const;           // how far it got
    OutstandingRefs result() const; // ranked; complete once step() said so

private:
    struct State;
    std::unique_ptr<State> d;
};

OutstandingRefs computeOutstandingRefs(const EventStore &store, int moduleId, qint64 fromNs,
                                       qint64 toNs);

// The call sites whose gets are still outstanding, most first, at most
// `limit`: what "why can't I unload it?" points at when references are
// left that no holder explains.
QStringList leakingCallSites(const OutstandingRefs &refs, int limit = 3);

// When the recording lost events and has the kernel's counts per call site
// (a capture's hist triggers), the whole recording's counts of `moduleId`
// become the kernel's: byCallSite holds each call site's gets and puts as
// counted there (a put where it was made, so misc_open's gets and __fput's
// puts are two rows), gets and puts their sums, which the count's change
// matches exactly. byTask and unreleased stay the events' (the kernel does
// not count by task). False, refs unchanged, when there is nothing to use:
// no loss (the events are complete, their pairing says more) or no counts.
bool useKernelCounts(OutstandingRefs *refs, const EventStore &store, int moduleId);

// What the recording's losses mean for the counts, "" without loss:
// "N events lost; counts per call site are exact from the kernel's
// counters" when the recording has them (and `exact`, for counts taken from
// them), else "N events lost; counts may be incomplete".
QString lostEventsNote(const EventStore &store, bool exact = true);

} // namespace refscope
