// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/sessionview.h"

#include <QJsonValue>

#include <array>
#include <limits>

namespace refscope {

namespace {

constexpr std::array kKinds{ModuleEventKind::Load, ModuleEventKind::Free, ModuleEventKind::Get,
                            ModuleEventKind::Put, ModuleEventKind::Request};

// JSON numbers are doubles: nanoseconds travel as decimal strings, exactly.
QJsonValue nanoseconds(const std::optional<qint64> &ns)
{
    return ns ? QJsonValue(QString::number(*ns)) : QJsonValue();
}

bool readNanoseconds(const QJsonObject &json, const char *key, std::optional<qint64> *out,
                     QString *error)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return true;
    bool ok = false;
    const qint64 ns = value.toString().toLongLong(&ok);
    if (!value.isString() || !ok) {
        *error =
            QStringLiteral("view field %1 is not a time in nanoseconds").arg(QLatin1String(key));
        return false;
    }
    *out = ns;
    return true;
}

bool readString(const QJsonObject &json, const char *key, QString *out, QString *error)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString()) {
        *error = QStringLiteral("view field %1 is not a string").arg(QLatin1String(key));
        return false;
    }
    *out = value.toString();
    return true;
}

} // namespace

bool SessionView::isEmpty() const
{
    return *this == SessionView();
}

QJsonObject sessionViewToJson(const SessionView &view)
{
    QJsonObject json;
    if (!view.selectedModule.isEmpty())
        json.insert(QStringLiteral("module"), view.selectedModule);
    if (view.fromNs && view.toNs) {
        json.insert(QStringLiteral("from_ns"), nanoseconds(view.fromNs));
        json.insert(QStringLiteral("to_ns"), nanoseconds(view.toNs));
    }
    if (view.markerANs)
        json.insert(QStringLiteral("marker_a_ns"), nanoseconds(view.markerANs));
    if (view.markerBNs)
        json.insert(QStringLiteral("marker_b_ns"), nanoseconds(view.markerBNs));
    if (!view.filterModule.isEmpty())
        json.insert(QStringLiteral("filter_module"), view.filterModule);
    if (view.filterPid)
        json.insert(QStringLiteral("filter_pid"), *view.filterPid);
    if (view.filterKind)
        json.insert(QStringLiteral("filter_kind"), moduleEventKindName(*view.filterKind));
    return json;
}

bool sessionViewFromJson(const QJsonObject &json, SessionView *view, QString *error)
{
    SessionView read;
    if (!readString(json, "module", &read.selectedModule, error) ||
        !readNanoseconds(json, "from_ns", &read.fromNs, error) ||
        !readNanoseconds(json, "to_ns", &read.toNs, error) ||
        !readNanoseconds(json, "marker_a_ns", &read.markerANs, error) ||
        !readNanoseconds(json, "marker_b_ns", &read.markerBNs, error) ||
        !readString(json, "filter_module", &read.filterModule, error))
        return false;
    if (read.fromNs.has_value() != read.toNs.has_value() ||
        (read.fromNs && *read.toNs <= *read.fromNs)) {
        *error = QStringLiteral("the view's visible range is not a stretch of time");
        return false;
    }
    const QJsonValue pid = json.value(QLatin1String("filter_pid"));
    if (!pid.isUndefined() && !pid.isNull()) {
        const double value = pid.toDouble(-1);
        if (!pid.isDouble() || value < 0 || value > std::numeric_limits<int>::max() ||
            value != double(qint64(value))) {
            *error = QStringLiteral("view field filter_pid is not a process id");
            return false;
        }
        read.filterPid = int(value);
    }
    QString kind;
    if (!readString(json, "filter_kind", &kind, error))
        return false;
    if (!kind.isEmpty()) {
        for (const ModuleEventKind k : kKinds)
            if (moduleEventKindName(k) == kind)
                read.filterKind = k;
        if (!read.filterKind) {
            *error = QStringLiteral("view field filter_kind names no module event");
            return false;
        }
    }
    *view = read;
    return true;
}

} // namespace refscope
