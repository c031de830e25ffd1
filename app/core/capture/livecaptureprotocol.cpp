// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/livecaptureprotocol.h"

#include <QJsonArray>

namespace refscope {

namespace {

// Kernel addresses exceed JSON's exact integers (2^53): they travel as hex.
QString hexAddress(quint64 address)
{
    return QStringLiteral("0x") + QString::number(address, 16);
}

bool fail(QString *error, const QString &message)
{
    *error = message;
    return false;
}

bool decodeOne(const QJsonObject &o, CapturedEvent *out, QString *problem)
{
    const QJsonValue ts = o.value(QLatin1String("ts"));
    const QJsonValue module = o.value(QLatin1String("module"));
    if (!ts.isDouble() || ts.toDouble() < 0)
        return fail(problem, QStringLiteral("ts: must be a non-negative number"));
    if (!module.isString() || module.toString().isEmpty())
        return fail(problem, QStringLiteral("module: must be a non-empty string"));
    if (!moduleEventKindFromName(o.value(QLatin1String("kind")).toString(), &out->event.kind))
        return fail(problem, QStringLiteral("kind: not a module event"));
    const int count = o.value(QLatin1String("count")).toInt(-2);
    if (count < -1)
        return fail(problem, QStringLiteral("count: must be a number >= -1"));
    bool addressOk = true;
    const QString ip = o.value(QLatin1String("ip")).toString(QStringLiteral("0x0"));
    out->details.callSite =
        ip.startsWith(QLatin1String("0x")) ? ip.mid(2).toULongLong(&addressOk, 16) : 0;
    if (!addressOk || !ip.startsWith(QLatin1String("0x")))
        return fail(problem,
                    QStringLiteral("ip: must be a hex address such as \"0xffffffff8110a2b0\""));
    out->event.timestampNs = qint64(ts.toDouble());
    out->event.cpu = o.value(QLatin1String("cpu")).toInt();
    out->event.module = module.toString();
    out->event.refcount = count;
    out->details.pid = o.value(QLatin1String("pid")).toInt();
    out->details.comm = o.value(QLatin1String("comm")).toString();
    out->details.callSiteName = o.value(QLatin1String("sym")).toString();
    for (const QJsonValue &frame : o.value(QLatin1String("stack")).toArray())
        out->details.stack.append(frame.toString());
    return true;
}

} // namespace

bool moduleEventKindFromName(const QString &name, ModuleEventKind *kind)
{
    for (const ModuleEventKind k : kModuleEventKinds) {
        if (moduleEventKindName(k) == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

QJsonObject encodeCapturedEvents(const QList<CapturedEvent> &events)
{
    QJsonArray list;
    for (const CapturedEvent &e : events) {
        QJsonObject o{
            {QStringLiteral("ts"), double(e.event.timestampNs)},
            {QStringLiteral("cpu"), e.event.cpu},
            {QStringLiteral("pid"), e.details.pid},
            {QStringLiteral("comm"), e.details.comm},
            {QStringLiteral("kind"), moduleEventKindName(e.event.kind)},
            {QStringLiteral("module"), e.event.module},
            {QStringLiteral("count"), e.event.refcount},
        };
        // Without addresses (CaptureOptions::addresses) only the symbol goes.
        if (e.details.callSite != 0)
            o.insert(QStringLiteral("ip"), hexAddress(e.details.callSite));
        if (e.details.callSite != 0 || !e.details.callSiteName.isEmpty())
            o.insert(QStringLiteral("sym"), e.details.callSiteName);
        if (!e.details.stack.isEmpty())
            o.insert(QStringLiteral("stack"), QJsonArray::fromStringList(e.details.stack));
        list.append(o);
    }
    return QJsonObject{{QStringLiteral("events"), list}};
}

QJsonObject encodeLostEvents(const QList<LostEvents> &lost)
{
    QJsonArray list;
    for (const LostEvents &l : lost)
        list.append(QJsonObject{{QStringLiteral("ts"), double(l.timestampNs)},
                                {QStringLiteral("cpu"), l.cpu},
                                {QStringLiteral("count"), double(l.count)}});
    return QJsonObject{{QStringLiteral("lost"), list}};
}

bool decodeCapturedEvents(const QJsonObject &params, QList<CapturedEvent> *events, QString *error)
{
    const QJsonValue list = params.value(QLatin1String("events"));
    if (!list.isArray())
        return fail(error, QStringLiteral("trace.events: \"events\" must be an array"));
    const QJsonArray array = list.toArray();
    events->reserve(events->size() + array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        CapturedEvent event;
        QString problem;
        if (!decodeOne(array.at(i).toObject(), &event, &problem))
            return fail(error, QStringLiteral("trace.events: events[%1].%2").arg(i).arg(problem));
        events->append(event);
    }
    return true;
}

bool decodeLostEvents(const QJsonObject &params, QList<LostEvents> *lost, QString *error)
{
    const QJsonValue list = params.value(QLatin1String("lost"));
    if (!list.isArray())
        return fail(error, QStringLiteral("trace.lost: \"lost\" must be an array"));
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        const double count = o.value(QLatin1String("count")).toDouble(0);
        if (count == 0 || count < -1)
            return fail(
                error, QStringLiteral("trace.lost: lost[%1].count: must be positive or -1").arg(i));
        lost->append({qint64(o.value(QLatin1String("ts")).toDouble()),
                      o.value(QLatin1String("cpu")).toInt(), qint64(count)});
    }
    return true;
}

QString capturedEventText(const ModuleEvent &event, const EventDetails &details)
{
    const QString site =
        details.callSiteName.isEmpty() ? hexAddress(details.callSite) : details.callSiteName;
    switch (event.kind) {
    case ModuleEventKind::Get:
    case ModuleEventKind::Put:
        return QStringLiteral("%1 call_site=%2 refcnt=%3")
            .arg(event.module, site)
            .arg(event.refcount + 1); // the tracepoint records the raw atomic
    case ModuleEventKind::Request:
        return QStringLiteral("%1 call_site=%2").arg(event.module, site);
    case ModuleEventKind::Load:
    case ModuleEventKind::Free:
        break;
    }
    return event.module;
}

} // namespace refscope
