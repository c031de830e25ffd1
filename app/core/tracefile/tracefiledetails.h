// SPDX-License-Identifier: GPL-3.0-or-later
// Reads an event's pid, comm, call site, text and stack back from its
// trace.dat file on demand, through libtracecmd. The loader leaves sparse
// per-CPU checkpoints (a record offset every so many module events of that
// CPU); an event is found by seeking to the checkpoint before it and
// stepping forward.
#pragma once

#include "events/eventstore.h"
#include "tracefile/tracehandle.h"

#include <mutex>
#include <vector>

namespace refscope {

class TraceFileDetails : public EventDetailsSource {
public:
    static constexpr int checkpointInterval = 256; // module events of one CPU

    struct Checkpoint {
        std::uint32_t storeIndex;
        quint64 recordOffset;
    };

    // `handle` may be null: the file is then opened on the first request
    // (opening parses the kernel's symbols, which a load does not need).
    TraceFileDetails(const QString &path, std::unique_ptr<TraceHandle> handle,
                     const EventStore &store,
                     std::vector<std::vector<Checkpoint>> checkpointsPerCpu);
    EventDetails details(std::size_t index) const override;
    QString problem() const override;

private:
    mutable std::mutex m_mutex; // the handle's read position is shared state
    QString m_path;
    mutable std::unique_ptr<TraceHandle> m_handle;
    mutable bool m_openFailed = false;
    mutable QString m_problem;
    const EventStore &m_store;
    std::vector<std::vector<Checkpoint>> m_checkpoints;
};

} // namespace refscope
