// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/callsitecounts.h"

#include <QJsonArray>

namespace refscope {

QList<CallSiteCount> KernelCallSiteCounts::of(const QString &module) const
{
    QList<CallSiteCount> result;
    for (const CallSiteCount &site : sites) {
        if (site.module == module)
            result.append(site);
    }
    return result;
}

qint64 KernelCallSiteCounts::gets(const QString &module) const
{
    qint64 total = 0;
    for (const CallSiteCount &site : sites)
        total += site.module == module ? site.gets : 0;
    return total;
}

qint64 KernelCallSiteCounts::puts(const QString &module) const
{
    qint64 total = 0;
    for (const CallSiteCount &site : sites)
        total += site.module == module ? site.puts : 0;
    return total;
}

QJsonObject callSiteCountsToJson(const KernelCallSiteCounts &counts)
{
    QJsonArray sites;
    for (const CallSiteCount &site : counts.sites) {
        QJsonObject object{{QStringLiteral("module"), site.module},
                           {QStringLiteral("sym"), site.callSite},
                           {QStringLiteral("gets"), double(site.gets)},
                           {QStringLiteral("puts"), double(site.puts)}};
        if (site.address != 0)
            object.insert(QStringLiteral("ip"), QString::number(site.address, 16));
        sites.append(object);
    }
    return {{QStringLiteral("sites"), sites},
            {QStringLiteral("dropped"), double(counts.droppedEntries)}};
}

namespace {

// A count as JSON carries it: a whole, non-negative number.
bool countFrom(const QJsonObject &object, const char *key, qint64 *value)
{
    const QJsonValue v = object.value(QLatin1String(key));
    if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() != double(qint64(v.toDouble())))
        return false;
    *value = qint64(v.toDouble());
    return true;
}

} // namespace

bool callSiteCountsFromJson(const QJsonObject &json, KernelCallSiteCounts *counts, QString *error)
{
    KernelCallSiteCounts result;
    if (!countFrom(json, "dropped", &result.droppedEntries)) {
        *error = QStringLiteral("call site counts: \"dropped\" is not a count");
        return false;
    }
    const QJsonValue sites = json.value(QLatin1String("sites"));
    if (!sites.isArray()) {
        *error = QStringLiteral("call site counts: \"sites\" is not a list");
        return false;
    }
    for (const QJsonValue &value : sites.toArray()) {
        const QJsonObject object = value.toObject();
        CallSiteCount site;
        site.module = object.value(QLatin1String("module")).toString();
        site.callSite = object.value(QLatin1String("sym")).toString();
        if (!value.isObject() || site.module.isEmpty() ||
            !object.value(QLatin1String("sym")).isString() ||
            !countFrom(object, "gets", &site.gets) || !countFrom(object, "puts", &site.puts)) {
            *error = QStringLiteral("call site counts: a site without module, sym, gets or puts");
            return false;
        }
        const QJsonValue ip = object.value(QLatin1String("ip"));
        if (!ip.isUndefined()) {
            bool ok = false;
            site.address = ip.toString().toULongLong(&ok, 16);
            if (!ok) {
                *error = QStringLiteral("call site counts: \"ip\" is not a hex address");
                return false;
            }
        }
        result.sites.append(site);
    }
    *counts = result;
    return true;
}

} // namespace refscope
