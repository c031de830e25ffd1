// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/eventcsv.h"

namespace refscope {

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') &&
        !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString writeEventsCsv(const EventStore &events, QIODevice *out, std::size_t from, std::size_t to)
{
    to = std::min(to, events.size());
    QByteArray chunk = "time,cpu,pid,comm,event,module,count,call_site\r\n";
    for (std::size_t i = from; i <= to; ++i) {
        // Written in chunks: a million events need not sit in memory twice.
        if (chunk.size() > (1 << 20) || i == to) {
            if (const QString problem = events.detailsProblem(); !problem.isEmpty())
                return problem;
            if (out->write(chunk) != chunk.size())
                return out->errorString();
            chunk.clear();
        }
        if (i == to)
            break;
        const EventDetails d = events.details(i);
        const qint64 ns = events.timestampNs(i);
        const int count = events.refcount(i);
        const QString site = !d.callSiteName.isEmpty() ? d.callSiteName
                             : d.callSite != 0
                                 ? QStringLiteral("0x") + QString::number(d.callSite, 16)
                                 : QString();
        const QStringList fields{
            QStringLiteral("%1.%2")
                .arg(ns / 1000000000)
                .arg(ns % 1000000000, 9, 10, QLatin1Char('0')),
            QString::number(events.cpu(i)),
            QString::number(d.pid),
            csvField(d.comm),
            moduleEventKindName(events.kind(i)),
            csvField(events.moduleName(events.moduleId(i))),
            count < 0 ? QString() : QString::number(count),
            csvField(site),
        };
        chunk += fields.join(u',').toUtf8() + "\r\n";
    }
    return {};
}

} // namespace refscope
