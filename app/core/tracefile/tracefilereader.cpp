// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracefile/tracefilereader.h"

#include "events/moduleids.h"
#include "tracefile/ringbufferscan.h"
#include "tracefile/tracefilecheck.h"
#include "tracefile/tracefiledetails.h"
#include "tracefile/tracefilelayout.h"
#include "tracefile/tracefilemessages.h"
#include "tracefile/tracehandle.h"

#include <traceevent/event-parse.h>

#include <QFile>

#include <algorithm>

namespace refscope {

namespace {

// Each CPU's next record; the earliest goes first, the lower CPU on a tie,
// as trace-cmd report merges them.
class CpuMerge {
public:
    explicit CpuMerge(TraceHandle &handle) : m_handle(handle), m_next(handle.cpuCount())
    {
        for (int cpu = 0; cpu < int(m_next.size()); ++cpu)
            m_next[cpu] = handle.readFirst(cpu);
    }
    // The CPU whose record comes next, -1 when all are done.
    int nextCpu() const
    {
        int best = -1;
        for (int cpu = 0; cpu < int(m_next.size()); ++cpu)
            if (m_next[cpu] && (best < 0 || m_next[cpu]->ts < m_next[best]->ts))
                best = cpu;
        return best;
    }
    TraceRecord take(int cpu)
    {
        TraceRecord record = std::move(m_next[cpu]);
        m_next[cpu] = m_handle.readNext(cpu);
        return record;
    }

private:
    TraceHandle &m_handle;
    std::vector<TraceRecord> m_next;
};

// Files the fast path leaves alone (shifted or scaled timestamps, other
// buffers) are read record by record through libtracecmd.
std::shared_ptr<EventStore> readWithLibtracecmd(const QString &path, const LoadProgress &progress,
                                                QString *error)
{
    std::unique_ptr<TraceHandle> handle = TraceHandle::open(path, error, true);
    if (!handle)
        return nullptr;
    if (!handle->decoder().hasModuleEvents()) {
        *error = TraceFileMessages::tr("the recording has no module events (record them with "
                                       "trace-cmd record -e module)");
        return nullptr;
    }
    const auto [firstNs, lastNs] = handle->timeSpan();
    const qint64 spanNs = qMax<qint64>(1, lastNs - firstNs);
    auto store = std::make_shared<EventStore>();
    ModuleIds moduleIds(*store);
    std::vector<std::vector<TraceFileDetails::Checkpoint>> checkpoints(handle->cpuCount());
    std::vector<int> eventsPerCpu(handle->cpuCount(), 0);
    CpuMerge merge(*handle);
    std::size_t records = 0;
    try {
        for (int cpu = merge.nextCpu(); cpu >= 0; cpu = merge.nextCpu()) {
            TraceRecord record = merge.take(cpu);
            if (record->missed_events != 0)
                store->appendLost(
                    LostEvents{qint64(record->ts), cpu,
                               record->missed_events > 0 ? record->missed_events : -1});
            if (++records % 16384 == 0 && progress &&
                !progress(int(
                    std::clamp<qint64>((qint64(record->ts) - firstNs) * 1000 / spanNs, 0, 999)))) {
                *error = TraceFileMessages::tr("loading cancelled");
                return nullptr;
            }
            const auto decoded = handle->decode(record.get());
            if (!decoded)
                continue;
            const std::size_t index =
                store->append(qint64(record->ts), cpu, decoded->kind,
                              moduleIds.idOf(decoded->module), decoded->refcount);
            if (eventsPerCpu[cpu]++ % TraceFileDetails::checkpointInterval == 0)
                checkpoints[cpu].push_back({std::uint32_t(index), record->offset});
        }
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
        return nullptr;
    }
    store->setDetailsSource(std::make_unique<TraceFileDetails>(path, std::move(handle), *store,
                                                               std::move(checkpoints)));
    return store;
}

std::shared_ptr<EventStore> readFastPath(const QString &path, const uchar *data,
                                         const TraceFileLayout &layout,
                                         const LoadProgress &progress, QString *error)
{
    RingBufferScan scan;
    if (!scanRingBuffers(data, layout, progress, &scan, error))
        return nullptr;
    scan.store->setDetailsSource(std::make_unique<TraceFileDetails>(path, nullptr, *scan.store,
                                                                    std::move(scan.checkpoints)));
    return scan.store;
}

} // namespace

std::shared_ptr<EventStore> readTraceFile(const QString &path, QString *error,
                                          const LoadProgress &progress, TraceReader reader)
{
    if (!checkTraceFileHeader(path, error))
        return nullptr;
    QFile file(path);
    const uchar *data = file.open(QIODevice::ReadOnly) ? file.map(0, file.size()) : nullptr;
    if (!data) {
        *error = TraceFileMessages::tr("%1: %2").arg(path, file.errorString());
        return nullptr;
    }
    TraceFileLayout layout;
    QString problem;
    std::shared_ptr<EventStore> store;
    if (readTraceFileLayout(data, file.size(), &layout, &problem)) {
        const bool slow = layout.needsLibtracecmd || reader == TraceReader::Libtracecmd;
        store = slow ? readWithLibtracecmd(path, progress, &problem)
                     : readFastPath(path, data, layout, progress, &problem);
    }
    if (store && store->size() == 0 && store->lostEvents().isEmpty()) {
        store.reset();
        problem = TraceFileMessages::tr("the recording holds no module events");
    }
    if (!store) {
        // TraceHandle's messages name the file already.
        if (problem.startsWith(path + QLatin1String(": ")))
            problem = problem.mid(path.size() + 2);
        *error = TraceFileMessages::tr("%1: %2").arg(path, problem);
        return nullptr;
    }
    store->squeeze();
    if (progress)
        progress(1000);
    return store;
}

Origin traceFileOrigin(const QString &path)
{
    QString error;
    if (!checkTraceFileHeader(path, &error))
        return {};
    QFile file(path);
    const uchar *data = file.open(QIODevice::ReadOnly) ? file.map(0, file.size()) : nullptr;
    TraceFileLayout layout;
    if (!data || !readTraceFileLayout(data, file.size(), &layout, &error))
        return {};
    return originFromTraceUname(QString::fromUtf8(layout.uname));
}

} // namespace refscope
