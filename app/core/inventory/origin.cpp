// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/origin.h"

#include <QCoreApplication>
#include <QStringList>

#include <sys/utsname.h>

namespace refscope {

QString originKindName(OriginKind kind)
{
    switch (kind) {
    case OriginKind::Local:
        return QStringLiteral("local");
    case OriginKind::Lab:
        return QStringLiteral("lab");
    case OriginKind::Remote:
        return QStringLiteral("remote");
    case OriginKind::Trace:
        return QStringLiteral("trace");
    case OriginKind::Unknown:
        break;
    }
    return {};
}

OriginKind originKindFromName(const QString &name)
{
    for (OriginKind kind :
         {OriginKind::Local, OriginKind::Lab, OriginKind::Remote, OriginKind::Trace})
        if (originKindName(kind) == name)
            return kind;
    return OriginKind::Unknown;
}

Origin localOrigin()
{
    Origin origin;
    origin.kind = OriginKind::Local;
    utsname name{};
    if (uname(&name) == 0) {
        origin.host = QString::fromLocal8Bit(name.nodename);
        origin.kernelRelease = QString::fromLocal8Bit(name.release);
        origin.kernelVersion = QString::fromLocal8Bit(name.version);
        origin.machine = QString::fromLocal8Bit(name.machine);
    }
    return origin;
}

Origin originFromTraceUname(const QString &uname)
{
    // trace-cmd writes "%s %s %s %s": sysname, nodename, release, machine.
    // None of them holds a space on Linux.
    const QStringList parts = uname.trimmed().split(u' ', Qt::SkipEmptyParts);
    Origin origin;
    if (parts.isEmpty())
        return origin;
    origin.kind = OriginKind::Trace;
    origin.host = parts.value(1);
    origin.kernelRelease = parts.value(2);
    origin.machine = parts.value(3);
    return origin;
}

QString originText(const Origin &origin)
{
    if (!origin.isRecorded())
        return QCoreApplication::translate("Origin", "origin not recorded");
    QString where;
    switch (origin.kind) {
    case OriginKind::Local:
        where = QCoreApplication::translate("Origin", "this machine");
        break;
    case OriginKind::Lab:
        where = QCoreApplication::translate("Origin", "lab guest");
        break;
    case OriginKind::Remote:
        where = QCoreApplication::translate("Origin", "remote host");
        break;
    case OriginKind::Trace:
        where = QCoreApplication::translate("Origin", "recorded by trace-cmd");
        break;
    case OriginKind::Unknown:
        break;
    }
    if (!origin.target.isEmpty())
        where += QStringLiteral(" ") + origin.target;
    QStringList parts{where};
    if (!origin.host.isEmpty())
        parts << QCoreApplication::translate("Origin", "host %1").arg(origin.host);
    if (!origin.kernelRelease.isEmpty())
        parts << QCoreApplication::translate("Origin", "kernel %1").arg(origin.kernelRelease);
    return parts.join(QStringLiteral(" · "));
}

QJsonObject originToJson(const Origin &origin)
{
    if (!origin.isRecorded())
        return {};
    QJsonObject json{{QStringLiteral("kind"), originKindName(origin.kind)}};
    const auto add = [&json](const char *key, const QString &value) {
        if (!value.isEmpty())
            json.insert(QLatin1String(key), value);
    };
    add("host", origin.host);
    add("kernel", origin.kernelRelease);
    add("kernel_version", origin.kernelVersion);
    add("machine", origin.machine);
    add("target", origin.target);
    return json;
}

Origin originFromJson(const QJsonObject &json)
{
    Origin origin;
    origin.kind = originKindFromName(json.value(QLatin1String("kind")).toString());
    if (!origin.isRecorded())
        return origin;
    const auto get = [&json](const char *key) { return json.value(QLatin1String(key)).toString(); };
    origin.host = get("host");
    origin.kernelRelease = get("kernel");
    origin.kernelVersion = get("kernel_version");
    origin.machine = get("machine");
    origin.target = get("target");
    return origin;
}

} // namespace refscope
