// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracefile/tracehandle.h"

#include "tracefile/childcheck.h"
#include "tracefile/tracefilemessages.h"

// trace-cmd.h pulls in tracefs.h, whose inline helpers are not valid C++
// (an int passed as an enum); nothing of libtracefs is used here.
#define _TRACE_FS_H
#include <trace-cmd/trace-cmd.h>
#include <traceevent/event-parse.h>
#include <traceevent/trace-seq.h>

// Exported by libtracecmd 1.3 but declared only in its private header
// (trace-cmd-private.h): the last record of a CPU, which gives the load's
// progress a true end time.
extern "C" tep_record *tracecmd_read_cpu_last(tracecmd_input *handle, int cpu);

#include <algorithm>
#include <limits>

#include <QFileInfo>

namespace refscope {

namespace {

constexpr int openFlags = TRACECMD_FL_LOAD_NO_PLUGINS | TRACECMD_FL_LOAD_NO_SYSTEM_PLUGINS;

// libtracecmd 1.3 and libtraceevent trust what they read: fuzzing found
// tracecmd_open crashing in its own clean-up of a compressed file whose data
// does not initialise (tracecmd_close follows a NULL pointer), and kbuffer
// reading past a page whose header lies. The file is first opened (and,
// with `readAll`, read to its last record, as readTraceFile will) in a
// child process: a file that kills it is refused, and only one that the
// child read is read here. The child calls nothing but libtracecmd, then
// _exit.
bool readsWithoutCrashing(const QByteArray &path, bool readAll)
{
    // Some files make libtracecmd loop forever: the child gets 10 s and a
    // second for every 4 MB, far more than a real file needs.
    const qint64 limitMs = 10000 + QFileInfo(QString::fromLocal8Bit(path)).size() / 4000;
    return survivesInChild(
        [&path, readAll] {
            tracecmd_input *input = tracecmd_open(path.constData(), openFlags);
            if (!input)
                return 3;
            tep_handle *tep = tracecmd_get_tep(input);
            const int cpus = tep ? tep_get_cpus(tep) : 0;
            for (int cpu = 0; readAll && cpu < cpus; ++cpu) {
                tracecmd_free_record(tracecmd_read_cpu_last(input, cpu));
                for (tep_record *record = tracecmd_read_cpu_first(input, cpu); record;
                     record = tracecmd_read_data(input, cpu))
                    tracecmd_free_record(record);
            }
            tracecmd_close(input);
            return 0;
        },
        limitMs);
}

} // namespace

void TraceRecordDeleter::operator()(tep_record *record) const
{
    tracecmd_free_record(record);
}

std::unique_ptr<TraceHandle> TraceHandle::open(const QString &path, QString *error, bool readAll)
{
    // libtracecmd and libtraceevent print parse warnings to stderr; the
    // caller reports failures itself.
    tracecmd_set_loglevel(TEP_LOG_NONE);
    std::unique_ptr<TraceHandle> handle(new TraceHandle);
    const QByteArray localPath = path.toLocal8Bit();
    // Plugins only change how events print; module events need none, and
    // loading them costs time on every open.
    if (readsWithoutCrashing(localPath, readAll))
        handle->m_input = tracecmd_open(localPath.constData(), openFlags);
    if (!handle->m_input) {
        *error = TraceFileMessages::tr("%1: libtracecmd cannot read this trace file").arg(path);
        return nullptr;
    }
    handle->m_tep = tracecmd_get_tep(handle->m_input);
    if (!handle->m_tep || tep_get_cpus(handle->m_tep) <= 0) {
        *error = TraceFileMessages::tr("%1: the trace file names no CPU").arg(path);
        return nullptr;
    }
    tep_set_loglevel(TEP_LOG_NONE);
    handle->m_decoder = ModuleEventDecoder(handle->m_tep);
    return handle;
}

TraceHandle::~TraceHandle()
{
    if (m_input)
        tracecmd_close(m_input);
}

std::optional<ModuleEventDecoder::Decoded> TraceHandle::decode(const tep_record *record) const
{
    return m_decoder.decode(record->data, record->size);
}

bool TraceHandle::isKernelStack(const tep_record *record) const
{
    return m_decoder.isKernelStack(record->data, record->size);
}

int TraceHandle::cpuCount() const
{
    return tep_get_cpus(m_tep);
}

TraceRecord TraceHandle::readFirst(int cpu)
{
    return TraceRecord(tracecmd_read_cpu_first(m_input, cpu));
}

std::pair<qint64, qint64> TraceHandle::timeSpan()
{
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = 0;
    for (int cpu = 0; cpu < cpuCount(); ++cpu) {
        if (TraceRecord record{tracecmd_read_cpu_last(m_input, cpu)})
            last = std::max(last, qint64(record->ts));
        if (TraceRecord record = readFirst(cpu))
            first = std::min(first, qint64(record->ts));
    }
    return {std::min(first, last), last};
}

TraceRecord TraceHandle::readNext(int cpu)
{
    return TraceRecord(tracecmd_read_data(m_input, cpu));
}

TraceRecord TraceHandle::readAt(quint64 offset)
{
    return TraceRecord(tracecmd_read_at(m_input, offset, nullptr));
}

EventDetails TraceHandle::details(const tep_record *record, const tep_record *stack) const
{
    EventDetails details;
    tep_record *mutableRecord = const_cast<tep_record *>(record);
    details.pid = tep_data_pid(m_tep, mutableRecord);
    details.comm = QString::fromUtf8(tep_data_comm_from_pid(m_tep, details.pid));
    if (const auto decoded = decode(record); decoded && decoded->ip) {
        details.callSite = decoded->ip;
        if (const char *function = tep_find_function(m_tep, decoded->ip)) {
            const quint64 start = tep_find_function_address(m_tep, decoded->ip);
            details.callSiteName =
                QStringLiteral("%1+0x%2").arg(function).arg(decoded->ip - start, 0, 16);
        }
    }
    trace_seq seq;
    trace_seq_init(&seq);
    tep_print_event(m_tep, &seq, mutableRecord, "%s", TEP_PRINT_INFO);
    trace_seq_terminate(&seq);
    details.text = QString::fromUtf8(seq.buffer, int(seq.len));
    trace_seq_destroy(&seq);
    if (stack) {
        for (const quint64 address : m_decoder.stackAddresses(stack->data, stack->size)) {
            const char *function = tep_find_function(m_tep, address);
            details.stack.append(QStringLiteral("%1 (%2)")
                                     .arg(function ? QString::fromUtf8(function) : QString())
                                     .arg(address, 16, 16, QLatin1Char('0')));
        }
    }
    return details;
}

} // namespace refscope
