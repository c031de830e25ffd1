// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/tracereport.h"

#include <QJsonValue>
#include <QStringList>

#include <algorithm>
#include <limits>

namespace refscope {

TraceReport summarizeTrace(const EventStore &store)
{
    TraceReport report;
    report.events = qint64(store.size());
    report.lostEvents = store.lostEventCount();
    for (const LostEvents &lost : store.lostEvents())
        report.lossesOfUnknownSize += lost.count < 0;
    for (int id = 0; id < store.moduleCount(); ++id) {
        const auto events = store.eventsOf(id);
        if (events.empty())
            continue;
        ModuleTraceSummary summary;
        summary.module = store.moduleName(id);
        summary.firstNs = store.timestampNs(events.front());
        summary.lastNs = store.timestampNs(events.back());
        for (const std::uint32_t index : events) {
            switch (store.kind(index)) {
            case ModuleEventKind::Get:
                ++summary.gets;
                break;
            case ModuleEventKind::Put:
                ++summary.puts;
                break;
            case ModuleEventKind::Load:
                ++summary.loads;
                break;
            case ModuleEventKind::Free:
                ++summary.frees;
                break;
            case ModuleEventKind::Request:
                ++summary.requests;
                break;
            }
        }
        if (summary.requests < qint64(events.size()))
            summary.finalRefcount = store.countAt(id, std::numeric_limits<qint64>::max());
        report.modules.append(summary);
    }
    std::sort(report.modules.begin(), report.modules.end(),
              [](const auto &a, const auto &b) { return a.module < b.module; });
    return report;
}

QJsonObject traceReportJson(const TraceReport &report)
{
    QJsonObject modules;
    for (const ModuleTraceSummary &m : report.modules) {
        modules.insert(m.module,
                       QJsonObject{
                           {QStringLiteral("gets"), m.gets},
                           {QStringLiteral("puts"), m.puts},
                           {QStringLiteral("loads"), m.loads},
                           {QStringLiteral("frees"), m.frees},
                           {QStringLiteral("first_ts"), m.firstNs},
                           {QStringLiteral("last_ts"), m.lastNs},
                           {QStringLiteral("final_refcount"),
                            m.finalRefcount ? QJsonValue(*m.finalRefcount) : QJsonValue()},
                       });
    }
    return QJsonObject{{QStringLiteral("events"), report.events},
                       {QStringLiteral("lost_events"), report.lostEvents},
                       {QStringLiteral("modules"), modules}};
}

namespace {

// trace-cmd report's timestamp form: seconds with microseconds.
QString seconds(qint64 ns)
{
    return QStringLiteral("%1.%2")
        .arg(ns / 1000000000)
        .arg(ns % 1000000000 / 1000, 6, 10, QLatin1Char('0'));
}

} // namespace

QString traceReportTable(const TraceReport &report)
{
    int nameWidth = 6;
    for (const ModuleTraceSummary &m : report.modules)
        nameWidth = std::max(nameWidth, int(m.module.size()));
    QStringList lines;
    lines << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
                 .arg(QStringLiteral("MODULE"), -nameWidth)
                 .arg(QStringLiteral("GETS"), 9)
                 .arg(QStringLiteral("PUTS"), 9)
                 .arg(QStringLiteral("LOADS"), 6)
                 .arg(QStringLiteral("FREES"), 6)
                 .arg(QStringLiteral("REQUESTS"), 8)
                 .arg(QStringLiteral("FIRST"), 16)
                 .arg(QStringLiteral("LAST"), 16)
                 .arg(QStringLiteral("FINAL COUNT"));
    for (const ModuleTraceSummary &m : report.modules)
        lines << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
                     .arg(m.module, -nameWidth)
                     .arg(m.gets, 9)
                     .arg(m.puts, 9)
                     .arg(m.loads, 6)
                     .arg(m.frees, 6)
                     .arg(m.requests, 8)
                     .arg(seconds(m.firstNs), 16)
                     .arg(seconds(m.lastNs), 16)
                     .arg(m.finalRefcount ? QString::number(*m.finalRefcount)
                                          : QStringLiteral("-"));
    lines << QString();
    lines << QStringLiteral("%1 module events, %2 lost").arg(report.events).arg(report.lostEvents);
    if (report.lossesOfUnknownSize > 0)
        lines.last() += QStringLiteral(" (plus %1 drops the kernel did not count)")
                            .arg(report.lossesOfUnknownSize);
    return lines.join(u'\n') + u'\n';
}

} // namespace refscope
