// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracefile/tracefiledetails.h"

#include "tracefile/tracefilemessages.h"

#include <traceevent/event-parse.h>

#include <algorithm>

namespace refscope {

TraceFileDetails::TraceFileDetails(const QString &path, std::unique_ptr<TraceHandle> handle,
                                   const EventStore &store,
                                   std::vector<std::vector<Checkpoint>> checkpointsPerCpu)
    : m_path(path), m_handle(std::move(handle)), m_store(store),
      m_checkpoints(std::move(checkpointsPerCpu))
{
}

EventDetails TraceFileDetails::details(std::size_t index) const
{
    if (index >= m_store.size())
        return {};
    const int cpu = m_store.cpu(index);
    if (cpu >= int(m_checkpoints.size()) || m_checkpoints[cpu].empty())
        return {};
    const auto &checkpoints = m_checkpoints[cpu];
    auto after = std::upper_bound(
        checkpoints.begin(), checkpoints.end(), index,
        [](std::size_t i, const Checkpoint &checkpoint) { return i < checkpoint.storeIndex; });
    if (after == checkpoints.begin())
        return {};
    const Checkpoint &checkpoint = *(after - 1);
    // How many module events of this CPU lie between the checkpoint and the
    // wanted one: the records to step over.
    int toSkip = 0;
    for (std::size_t i = checkpoint.storeIndex; i < index; ++i)
        toSkip += m_store.cpu(i) == cpu;

    std::lock_guard lock(m_mutex);
    if (!m_handle && !m_openFailed) {
        QString error;
        m_handle = TraceHandle::open(m_path, &error);
        m_openFailed = !m_handle;
        if (m_openFailed)
            m_problem = error;
    }
    if (!m_handle)
        return {};
    TraceRecord record = m_handle->readAt(checkpoint.recordOffset);
    while (record && (!m_handle->decode(record.get()) || toSkip-- > 0))
        record = m_handle->readNext(cpu);
    // The record found must be the event asked for; anything else means the
    // file changed since it was loaded, and no details beat wrong ones.
    if (!record || qint64(record->ts) != m_store.timestampNs(index) || record->cpu != cpu) {
        m_problem = TraceFileMessages::tr("%1 changed since it was loaded").arg(m_path);
        return {};
    }
    // With `trace-cmd record -T` the kernel_stack event right after an
    // event on the same CPU is that event's stack.
    TraceRecord next = m_handle->readNext(cpu);
    const bool hasStack = next && m_handle->isKernelStack(next.get());
    return m_handle->details(record.get(), hasStack ? next.get() : nullptr);
}

QString TraceFileDetails::problem() const
{
    std::lock_guard lock(m_mutex);
    return m_problem;
}

} // namespace refscope
