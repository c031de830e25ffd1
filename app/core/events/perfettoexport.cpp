// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/perfettoexport.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <cstdio>
#include <set>
#include <utility>

namespace refscope {

namespace {

struct Messages {
    Q_DECLARE_TR_FUNCTIONS(refscope::PerfettoExport)
};

// How often the writer flushes and reports progress, in events.
constexpr std::size_t kChunkEvents = 4096;

// A JSON string literal: quotes, backslashes and control characters
// escaped; everything else as UTF-8.
void appendString(QByteArray &out, const QString &text)
{
    out += '"';
    for (const char c : text.toUtf8()) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(c));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

// Microseconds with the nanoseconds kept: "13276461.123".
void appendMicroseconds(QByteArray &out, qint64 ns)
{
    if (ns < 0) {
        out += '-';
        ns = -ns;
    }
    out += QByteArray::number(ns / 1000);
    char fraction[8];
    std::snprintf(fraction, sizeof fraction, ".%03d", int(ns % 1000));
    out += fraction;
}

// Each module is a "process" of the trace, numbered from 1 (pid 0 reads
// as "no process" in some viewers).
int modulePid(int moduleId)
{
    return moduleId + 1;
}

} // namespace

QString writePerfettoJson(const EventStore &events, QIODevice *out, const ExportProgress &progress)
{
    QByteArray chunk;
    chunk.reserve(1 << 20);
    auto flush = [&]() -> QString {
        // Nothing is written whose pids and commands are blanks for
        // details that could not be read.
        if (const QString problem = events.detailsProblem(); !problem.isEmpty())
            return problem;
        if (out->write(chunk) != chunk.size())
            return out->errorString();
        chunk.clear();
        return {};
    };
    chunk += "{\"displayTimeUnit\":\"ns\",\"otherData\":{\"producer\":\"RefScope\"},"
             "\"traceEvents\":[\n";
    bool first = true;
    auto begin = [&] {
        if (!first)
            chunk += ",\n";
        first = false;
    };
    for (int id = 0; id < events.moduleCount(); ++id) {
        begin();
        chunk += "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":";
        chunk += QByteArray::number(modulePid(id));
        chunk += ",\"args\":{\"name\":";
        appendString(chunk, QStringLiteral("module ") + events.moduleName(id));
        chunk += "}}";
    }
    // The (module, task) pairs already named: one per thread track, not per event.
    std::set<std::pair<int, int>> namedThreads;
    const std::size_t size = events.size();
    for (std::size_t i = 0; i < size; ++i) {
        if (i % kChunkEvents == 0 && i > 0) {
            if (const QString error = flush(); !error.isEmpty())
                return error;
            if (progress && !progress(int(i * 1000 / size)))
                return Messages::tr("stopped");
        }
        const int module = events.moduleId(i);
        const qint64 ns = events.timestampNs(i);
        const EventDetails d = events.details(i);
        const int pid = modulePid(module);
        if (namedThreads.emplace(module, d.pid).second) {
            begin();
            chunk += "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":";
            chunk += QByteArray::number(pid);
            chunk += ",\"tid\":";
            chunk += QByteArray::number(d.pid);
            chunk += ",\"args\":{\"name\":";
            appendString(chunk, d.comm.isEmpty()
                                    ? QStringLiteral("pid %1").arg(d.pid)
                                    : QStringLiteral("%1 (%2)").arg(d.comm).arg(d.pid));
            chunk += "}}";
        }
        const QString site = !d.callSiteName.isEmpty() ? d.callSiteName
                             : d.callSite != 0
                                 ? QStringLiteral("0x") + QString::number(d.callSite, 16)
                                 : QString();
        begin();
        chunk += "{\"name\":";
        appendString(chunk, moduleEventKindName(events.kind(i)));
        chunk += ",\"cat\":\"module\",\"ph\":\"i\",\"s\":\"t\",\"ts\":";
        appendMicroseconds(chunk, ns);
        chunk += ",\"pid\":";
        chunk += QByteArray::number(pid);
        chunk += ",\"tid\":";
        chunk += QByteArray::number(d.pid);
        chunk += ",\"args\":{\"module\":";
        appendString(chunk, events.moduleName(module));
        chunk += ",\"call_site\":";
        appendString(chunk, site);
        chunk += ",\"pid\":";
        chunk += QByteArray::number(d.pid);
        chunk += ",\"comm\":";
        appendString(chunk, d.comm);
        chunk += ",\"cpu\":";
        chunk += QByteArray::number(events.cpu(i));
        chunk += "}}";
        const int count = events.refcount(i);
        if (count >= 0) {
            begin();
            chunk += "{\"name\":\"refcount\",\"ph\":\"C\",\"ts\":";
            appendMicroseconds(chunk, ns);
            chunk += ",\"pid\":";
            chunk += QByteArray::number(pid);
            chunk += ",\"args\":{\"refcount\":";
            chunk += QByteArray::number(count);
            chunk += "}}";
        }
    }
    chunk += "\n]}\n";
    if (const QString error = flush(); !error.isEmpty())
        return error;
    if (progress)
        progress(1000);
    return {};
}

QString savePerfettoJson(const EventStore &events, const QString &path,
                         const ExportProgress &progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Messages::tr("Cannot write %1: %2").arg(path, file.errorString());
    const QString error = writePerfettoJson(events, &file, progress);
    if (!error.isEmpty()) {
        file.cancelWriting();
        return Messages::tr("Cannot write %1: %2; %1 was not changed").arg(path, error);
    }
    if (!file.commit())
        return Messages::tr("Cannot write %1: %2; %1 was not changed")
            .arg(path, file.errorString());
    return {};
}

} // namespace refscope
