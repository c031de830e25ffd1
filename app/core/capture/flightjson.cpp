// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/flightjson.h"

#include <QJsonArray>

namespace refscope {

namespace {

bool readBool(const QJsonObject &json, const char *key, bool *value, QString *error)
{
    const QJsonValue v = json.value(QLatin1String(key));
    if (v.isUndefined())
        return true; // an older agent's status lacks it: false
    if (!v.isBool()) {
        *error = QStringLiteral("%1: must be true or false").arg(QLatin1String(key));
        return false;
    }
    *value = v.toBool();
    return true;
}

// Numbers travel as JSON doubles: exact up to 2^53, far above any count or
// nanosecond of uptime here.
bool readNumber(const QJsonObject &json, const char *key, qint64 minimum, qint64 *value,
                QString *error)
{
    const QJsonValue v = json.value(QLatin1String(key));
    if (v.isUndefined())
        return true;
    const double d = v.toDouble(-1e300);
    if (!v.isDouble() || d != double(qint64(d)) || qint64(d) < minimum) {
        *error = QStringLiteral("%1: must be a whole number from %2")
                     .arg(QLatin1String(key))
                     .arg(minimum);
        return false;
    }
    *value = qint64(d);
    return true;
}

} // namespace

QJsonObject flightStatusToJson(const FlightStatus &status)
{
    QJsonObject json{
        {QStringLiteral("running"), status.running},
        {QStringLiteral("armed"), status.armed},
        {QStringLiteral("frozen"), status.frozen},
        {QStringLiteral("stacks"), status.stacks},
        {QStringLiteral("buffer_kb_per_cpu"), status.bufferKbPerCpu},
        {QStringLiteral("cpus"), status.cpus},
        {QStringLiteral("memory_kb"), double(status.memoryKb())},
    };
    if (status.frozen) {
        json.insert(QStringLiteral("frozen_events"), double(status.frozenEvents));
        json.insert(QStringLiteral("frozen_last_ns"), double(status.frozenLastNs));
        json.insert(QStringLiteral("frozen_at_ms"), double(status.frozenAtMs));
        json.insert(QStringLiteral("modules"), QJsonArray::fromStringList(status.modules));
    }
    return json;
}

bool flightStatusFromJson(const QJsonObject &json, FlightStatus *status, QString *error)
{
    FlightStatus read;
    qint64 bufferKb = 0, cpus = 0;
    if (!readBool(json, "running", &read.running, error) ||
        !readBool(json, "armed", &read.armed, error) ||
        !readBool(json, "frozen", &read.frozen, error) ||
        !readBool(json, "stacks", &read.stacks, error) ||
        !readNumber(json, "buffer_kb_per_cpu", 0, &bufferKb, error) ||
        !readNumber(json, "cpus", 0, &cpus, error) ||
        !readNumber(json, "frozen_events", 0, &read.frozenEvents, error) ||
        !readNumber(json, "frozen_last_ns", -1, &read.frozenLastNs, error) ||
        !readNumber(json, "frozen_at_ms", 0, &read.frozenAtMs, error))
        return false;
    if (bufferKb > 1024 * 1024 * 1024 || cpus > 1 << 16) {
        *error = QStringLiteral("buffer_kb_per_cpu or cpus: out of range");
        return false;
    }
    read.bufferKbPerCpu = int(bufferKb);
    read.cpus = int(cpus);
    const QJsonValue modules = json.value(QLatin1String("modules"));
    if (!modules.isUndefined() && !modules.isArray()) {
        *error = QStringLiteral("modules: must be a list of names");
        return false;
    }
    for (const QJsonValue &module : modules.toArray()) {
        if (!module.isString() || module.toString().isEmpty()) {
            *error = QStringLiteral("modules: must be a list of names");
            return false;
        }
        read.modules << module.toString();
    }
    *status = read;
    return true;
}

} // namespace refscope
