// SPDX-License-Identifier: GPL-3.0-or-later
// Every module event of one recording, column by column and append-only:
// timestamps, counts, module ids, kinds and CPUs stay resident (at most 16
// bytes per event); pid, comm, call site, text and stacks are read back on
// demand from an EventDetailsSource. A per-module index and a per-module
// min/max/last pyramid answer any zoom level in O(buckets * log n).
#pragma once

#include "events/callsitecounts.h"
#include "events/moduleevent.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>

namespace refscope {

// Reads the non-resident part of event i (its index in the store). A trace
// file reads it back from the file; live capture keeps it aside.
class EventDetailsSource {
public:
    virtual ~EventDetailsSource() = default;
    virtual EventDetails details(std::size_t index) const = 0;
    // The same without the event's text line, for what stores the parts (a
    // session file): the text is most of the cost of a flood's details.
    virtual EventDetails detailsWithoutText(std::size_t index) const { return details(index); }
    // Why details() answered empty for an event that has details (its file
    // could not be read again, or changed since it was loaded); empty while
    // every answer was the event's own. Whatever writes details out checks
    // it: empty details are no one's pid.
    virtual QString problem() const { return {}; }
};

// One bucket of a zoomed view of one module's count: what a pixel column
// shows. Empty buckets (no event inside) carry the count in force.
struct CountBucket {
    qint64 startNs = 0;
    qint64 endNs = 0;
    int min = 0;
    int max = 0;
    int last = 0;   // the count at the bucket's end
    int events = 0; // events of this module inside the bucket
};

class EventStore {
public:
    EventStore();
    ~EventStore();
    EventStore(const EventStore &) = delete;
    EventStore &operator=(const EventStore &) = delete;

    // Appends in timestamp order (ties keep arrival order). Returns the index.
    std::size_t append(const ModuleEvent &event);
    // The same for readers that resolve module names once: `moduleId` comes
    // from internModule.
    std::size_t append(qint64 timestampNs, int cpu, ModuleEventKind kind, int moduleId,
                       int refcount);
    // The same for a reader that appends a whole recording before anyone
    // looks at it (a trace file): only the per-event columns are written,
    // and the per-module indexes and pyramids catch up in one pass, sized
    // once, at the next append() or squeeze(), which such a reader calls
    // when done. Until then eventsOf, countAt and countBuckets miss them.
    std::size_t appendDeferred(qint64 timestampNs, int cpu, ModuleEventKind kind, int moduleId,
                               int refcount);
    int internModule(const QString &name);
    void appendLost(const LostEvents &lost);
    void setDetailsSource(std::unique_ptr<EventDetailsSource> source);
    // The count each module had before the first event (from a snapshot
    // taken when capture started); without one, the first event's count
    // minus its own effect is used.
    void setBaseline(const QString &module, int refcount);

    std::size_t size() const;
    qint64 timestampNs(std::size_t i) const;
    int cpu(std::size_t i) const;
    ModuleEventKind kind(std::size_t i) const;
    int moduleId(std::size_t i) const;
    int refcount(std::size_t i) const; // lsmod's number, -1 if the event has none
    ModuleEvent event(std::size_t i) const;
    EventDetails details(std::size_t i) const; // empty details without a source
    EventDetails detailsWithoutText(std::size_t i) const;
    // Why the events' pids, commands and call sites could not all be read
    // back, as a sentence; empty while they could (or without a source).
    QString detailsProblem() const;

    int moduleCount() const;
    QString moduleName(int id) const;
    int findModule(const QString &name) const;                   // -1 if never seen
    std::span<const std::uint32_t> eventsOf(int moduleId) const; // store indices, in order

    // The module's count at time t (the last event at or before t, else the
    // baseline).
    int countAt(int moduleId, qint64 timestampNs) const;
    // [fromNs, toNs) split into `buckets` equal buckets.
    QList<CountBucket> countBuckets(int moduleId, qint64 fromNs, qint64 toNs, int buckets) const;
    // First store index with timestamp >= t.
    std::size_t lowerBound(qint64 timestampNs) const;

    const QList<LostEvents> &lostEvents() const;
    qint64 lostEventCount() const;
    // Gets and puts per call site as the kernel counted them over the
    // capture (hist triggers), when the recording has them: exact whatever
    // the ring buffer lost. A trace.dat and older session files have none.
    void setKernelCounts(std::optional<KernelCallSiteCounts> counts);
    const std::optional<KernelCallSiteCounts> &kernelCounts() const;
    std::size_t residentBytes() const; // the resident columns and indexes
    // The per-event columns alone: 16 bytes an event. Room reserved beyond
    // the last event is not counted: untouched, it is not resident. The
    // per-module index adds 4 bytes an event and the pyramids about half a byte.
    std::size_t columnBytes() const;
    // Once no more events will come: indexes the deferred events, trims the
    // per-module indexes and pyramids.
    void squeeze();
    // Makes room for `events` more events, for readers that know the count.
    void reserve(std::size_t events);

private:
    struct Columns;
    std::unique_ptr<Columns> m_columns;
};

} // namespace refscope
