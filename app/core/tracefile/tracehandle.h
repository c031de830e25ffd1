// SPDX-License-Identifier: GPL-3.0-or-later
// An open trace.dat file read through libtracecmd: records one by one per
// CPU or at an offset, and an event's details as trace-cmd prints them.
#pragma once

#include "tracefile/moduleeventdecoder.h"

#include <QString>

#include <memory>
#include <utility>

struct tracecmd_input;
struct tep_handle;
struct tep_record;

namespace refscope {

struct TraceRecordDeleter {
    void operator()(tep_record *record) const;
};
using TraceRecord = std::unique_ptr<tep_record, TraceRecordDeleter>;

class TraceHandle {
public:
    // Opens `path`, whose layout readTraceFileLayout has accepted (libtracecmd
    // crashes on some malformed files), or returns nullptr and a message.
    // `readAll`: the caller will read every record (libtracecmd is first
    // made to read them all in a child process, which a corrupt file may
    // crash); else only the open is tried there first.
    static std::unique_ptr<TraceHandle> open(const QString &path, QString *error,
                                             bool readAll = false);
    ~TraceHandle();
    TraceHandle(const TraceHandle &) = delete;
    TraceHandle &operator=(const TraceHandle &) = delete;

    const ModuleEventDecoder &decoder() const { return m_decoder; }
    std::optional<ModuleEventDecoder::Decoded> decode(const tep_record *record) const;
    bool isKernelStack(const tep_record *record) const;

    int cpuCount() const;
    TraceRecord readFirst(int cpu); // and rewinds that CPU to it
    TraceRecord readNext(int cpu);  // nullptr at the end of that CPU's data
    TraceRecord readAt(quint64 offset);
    // Earliest and latest timestamp over all CPUs (rewinds every CPU).
    std::pair<qint64, qint64> timeSpan();

    EventDetails details(const tep_record *record, const tep_record *stack) const;

private:
    TraceHandle() = default;

    tracecmd_input *m_input = nullptr;
    tep_handle *m_tep = nullptr;
    ModuleEventDecoder m_decoder;
};

} // namespace refscope
