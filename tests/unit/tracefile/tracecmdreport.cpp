// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracecmdreport.h"

#include <QProcess>

bool runTraceCmd(const QStringList &arguments, QString *error)
{
    QProcess process;
    process.start(QStringLiteral("trace-cmd"), arguments);
    if (!process.waitForFinished(300000) || process.exitCode() != 0) {
        *error = QStringLiteral("trace-cmd %1 failed: %2")
                     .arg(arguments.join(u' '), QString::fromUtf8(process.readAllStandardError()));
        return false;
    }
    return true;
}

QList<ReportedEvent> traceCmdReport(const QString &path, QString *error)
{
    QProcess process;
    process.start(QStringLiteral("trace-cmd"),
                  {QStringLiteral("report"), QStringLiteral("-t"), path});
    process.waitForStarted();
    QList<ReportedEvent> events;
    QByteArray pending;
    const auto parseLine = [&](const QByteArray &line) {
        // "  python3-122   [001]    52.842689158: module_get:  loop call_site=misc_open refcnt=2"
        const int cpuOpen = line.indexOf(" [");
        const int eventStart = line.indexOf(": module_");
        if (cpuOpen < 0 || eventStart < 0)
            return;
        const int cpuClose = line.indexOf(']', cpuOpen);
        ReportedEvent event;
        event.cpu = line.mid(cpuOpen + 2, cpuClose - cpuOpen - 2).toInt();
        const QByteArray time = line.mid(cpuClose + 1, eventStart - cpuClose - 1).trimmed();
        const int dot = time.indexOf('.');
        event.timestampNs =
            time.left(dot).toLongLong() * 1000000000 + time.mid(dot + 1).toLongLong();
        const int nameEnd = line.indexOf(':', eventStart + 2);
        event.event = QString::fromLatin1(line.mid(eventStart + 2, nameEnd - eventStart - 2));
        const QList<QByteArray> fields = line.mid(nameEnd + 1).simplified().split(' ');
        event.module = QString::fromUtf8(fields.value(0));
        for (const QByteArray &field : fields)
            if (field.startsWith("refcnt="))
                event.refcnt = field.mid(7).toInt();
        events.append(event);
    };
    while (process.state() != QProcess::NotRunning || process.bytesAvailable() > 0) {
        if (process.bytesAvailable() == 0)
            process.waitForReadyRead(1000);
        pending += process.readAllStandardOutput();
        int start = 0;
        for (int end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
            parseLine(pending.mid(start, end - start));
            start = end + 1;
        }
        pending.remove(0, start);
    }
    if (process.exitCode() != 0) {
        *error = QStringLiteral("trace-cmd report %1 failed: %2")
                     .arg(path, QString::fromUtf8(process.readAllStandardError()));
        return {};
    }
    return events;
}

QMap<QString, ReportedCounts> countPerModule(const QList<ReportedEvent> &events)
{
    QMap<QString, ReportedCounts> counts;
    for (const ReportedEvent &event : events) {
        ReportedCounts &c = counts[event.module];
        c.gets += event.event == QLatin1String("module_get");
        c.puts += event.event == QLatin1String("module_put");
        c.loads += event.event == QLatin1String("module_load");
        c.frees += event.event == QLatin1String("module_free");
        if (event.refcnt >= 0)
            c.lastRefcnt = event.refcnt;
    }
    return counts;
}
