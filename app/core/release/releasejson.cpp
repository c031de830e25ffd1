// SPDX-License-Identifier: GPL-3.0-or-later
#include "release/releasejson.h"

#include "holders/holderreportjson.h"
#include "inventory/moduleinfo.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace refscope {

namespace {

bool fail(QString *error, const QString &message)
{
    *error = message;
    return false;
}

// A JSON number that is an int of at least `minimum`.
bool intField(const QJsonObject &json, const char *name, int minimum, int *out, QString *error)
{
    const QJsonValue value = json.value(QLatin1String(name));
    const double number = value.toDouble();
    // Range first: converting a double beyond int's range is undefined
    // (fuzzing sent 6.7e111).
    if (!value.isDouble() || !(number >= minimum && number <= std::numeric_limits<int>::max()) ||
        number != std::floor(number))
        return fail(
            error,
            QStringLiteral("\"%1\" must be a whole number of at least %2").arg(name).arg(minimum));
    *out = int(number);
    return true;
}

bool stringField(const QJsonObject &json, const char *name, QString *out, QString *error)
{
    const QJsonValue value = json.value(QLatin1String(name));
    if (!value.isString())
        return fail(error, QStringLiteral("\"%1\" must be a string").arg(name));
    *out = value.toString();
    return true;
}

// A JSON string naming one value of an enum: the enumerators from 0 on are
// tried through their name function until it knows no more.
template <typename Enum>
bool enumField(const QJsonObject &json, const char *name, QString (*nameOf)(Enum), Enum *out,
               QString *error)
{
    QString text;
    if (!stringField(json, name, &text, error))
        return false;
    for (int value = 0; !nameOf(Enum(value)).isEmpty(); ++value) {
        if (nameOf(Enum(value)) == text) {
            *out = Enum(value);
            return true;
        }
    }
    return fail(error, QStringLiteral("\"%1\" has no value \"%2\"").arg(name, text));
}

// A module name as the kernel could have it: not empty, no '/', under 56 bytes.
bool moduleField(const QJsonObject &json, QString *out, QString *error)
{
    QString name;
    if (!stringField(json, "module", &name, error))
        return false;
    name = normalizeModuleName(name.trimmed());
    if (name.isEmpty() || name.contains(u'/') || name.toUtf8().size() >= 56)
        return fail(error,
                    QStringLiteral("\"module\" must be a module name, not \"%1\"").arg(name));
    *out = name;
    return true;
}

bool holderToClearFromJson(const QJsonValue &value, HolderToClear *clear, QString *error)
{
    const QJsonObject json = value.toObject();
    if (!value.isObject() || !json.value(QLatin1String("holder")).isObject())
        return fail(error, QStringLiteral("each entry needs \"holder\", a holder object"));
    return holderFromJson(json.value(QLatin1String("holder")).toObject(), &clear->holder, error) &&
           enumField(json, "action", clearActionName, &clear->action, error);
}

} // namespace

QJsonArray outstandingGetsToJson(const QList<OutstandingGet> &gets)
{
    QJsonArray array;
    for (const OutstandingGet &get : gets)
        array.append(QJsonObject{{QStringLiteral("call_site"), get.callSite},
                                 {QStringLiteral("pid"), get.pid},
                                 {QStringLiteral("comm"), get.comm},
                                 {QStringLiteral("timestamp_ns"), double(get.timestampNs)}});
    return array;
}

bool outstandingGetsFromJson(const QJsonValue &json, QList<OutstandingGet> *gets, QString *error)
{
    if (!json.isArray())
        return fail(error, QStringLiteral("the outstanding gets must be an array"));
    for (const QJsonValue &value : json.toArray()) {
        const QJsonObject o = value.toObject();
        if (!value.isObject() || !o.value(QLatin1String("call_site")).isString())
            return fail(error, QStringLiteral("each outstanding get needs \"call_site\""));
        gets->append({o.value(QLatin1String("call_site")).toString(),
                      o.value(QLatin1String("pid")).toInt(-1),
                      o.value(QLatin1String("comm")).toString(),
                      qint64(o.value(QLatin1String("timestamp_ns")).toDouble())});
    }
    return true;
}

QJsonObject leakEvidenceToJson(const LeakEvidence &evidence)
{
    return {
        {QStringLiteral("recording"), evidence.recording},
        {QStringLiteral("module_recorded"), evidence.moduleRecorded},
        {QStringLiteral("recorded_count"), evidence.recordedCount},
        {QStringLiteral("lost_events"), double(evidence.lostEvents)},
        {QStringLiteral("gets"), outstandingGetsToJson(evidence.gets)},
    };
}

bool leakEvidenceFromJson(const QJsonObject &json, LeakEvidence *evidence, QString *error)
{
    LeakEvidence e;
    if (!stringField(json, "recording", &e.recording, error) ||
        !intField(json, "recorded_count", -1, &e.recordedCount, error))
        return false;
    if (!json.value(QLatin1String("module_recorded")).isBool() ||
        !json.value(QLatin1String("lost_events")).isDouble())
        return fail(error, QStringLiteral("evidence needs \"module_recorded\" (bool) and "
                                          "\"lost_events\" (number)"));
    e.moduleRecorded = json.value(QLatin1String("module_recorded")).toBool();
    e.lostEvents = qint64(json.value(QLatin1String("lost_events")).toDouble());
    if (!outstandingGetsFromJson(json.value(QLatin1String("gets")), &e.gets, error))
        return false;
    *evidence = e;
    return true;
}

QJsonObject releaseRequestToJson(const ReleaseRequest &request)
{
    QJsonArray clear;
    for (const HolderToClear &entry : request.clear)
        clear.append(QJsonObject{{QStringLiteral("holder"), holderToJson(entry.holder)},
                                 {QStringLiteral("action"), clearActionName(entry.action)}});
    QJsonObject json{
        {QStringLiteral("module"), request.module},
        {QStringLiteral("confirmed_refcount"), request.confirmedRefcount},
        {QStringLiteral("confirmed_unattributed"), request.confirmedUnattributed},
        {QStringLiteral("clear"), clear},
        {QStringLiteral("last_resort"), lastResortName(request.lastResort)},
    };
    if (request.evidence)
        json.insert(QStringLiteral("evidence"), leakEvidenceToJson(*request.evidence));
    return json;
}

bool releaseRequestFromJson(const QJsonObject &json, ReleaseRequest *request, QString *error)
{
    ReleaseRequest r;
    // "confirmed_unexplained" from clients older than "unattributed".
    const char *unattributed = json.contains(QLatin1String("confirmed_unattributed"))
                                   ? "confirmed_unattributed"
                                   : "confirmed_unexplained";
    if (!moduleField(json, &r.module, error) ||
        !intField(json, "confirmed_refcount", 0, &r.confirmedRefcount, error) ||
        !intField(json, unattributed, 0, &r.confirmedUnattributed, error) ||
        !enumField(json, "last_resort", lastResortName, &r.lastResort, error))
        return false;
    if (const QJsonValue evidence = json.value(QLatin1String("evidence"));
        !evidence.isUndefined() && !evidence.isNull()) {
        LeakEvidence e;
        if (!evidence.isObject())
            return fail(error, QStringLiteral("\"evidence\" must be an object"));
        if (!leakEvidenceFromJson(evidence.toObject(), &e, error))
            return fail(error, QStringLiteral("evidence: %1").arg(*error));
        r.evidence = e;
    }
    if (r.confirmedUnattributed > r.confirmedRefcount)
        return fail(error, QStringLiteral("\"%1\" (%2) cannot exceed "
                                          "\"confirmed_refcount\" (%3)")
                               .arg(QLatin1String(unattributed))
                               .arg(r.confirmedUnattributed)
                               .arg(r.confirmedRefcount));
    const QJsonValue clear = json.value(QLatin1String("clear"));
    if (!clear.isUndefined() && !clear.isArray())
        return fail(error, QStringLiteral("\"clear\" must be an array"));
    for (const QJsonValue &value : clear.toArray()) {
        HolderToClear entry;
        if (!holderToClearFromJson(value, &entry, error)) {
            *error = QStringLiteral("clear[%1]: %2").arg(r.clear.size()).arg(*error);
            return false;
        }
        r.clear.append(entry);
    }
    *request = r;
    return true;
}

QJsonObject releaseStepToJson(const ReleaseStep &step)
{
    return {
        {QStringLiteral("kind"), stepKindName(step.kind)},
        {QStringLiteral("outcome"), stepOutcomeName(step.outcome)},
        {QStringLiteral("target"), step.target},
        {QStringLiteral("code"), stepCodeName(step.code)},
        {QStringLiteral("args"), QJsonArray::fromStringList(step.args)},
        {QStringLiteral("refcount_after"), step.refcountAfter},
    };
}

bool releaseStepFromJson(const QJsonObject &json, ReleaseStep *step, QString *error)
{
    ReleaseStep s;
    // The codes' names from before "unattributed", in saved results.
    QJsonObject current = json;
    const QString code = json.value(QLatin1String("code")).toString();
    if (code == QLatin1String("unexplained_changed"))
        current.insert(QStringLiteral("code"), stepCodeName(StepCode::UnattributedChanged));
    else if (code == QLatin1String("force_unexplained"))
        current.insert(QStringLiteral("code"), stepCodeName(StepCode::ForceUnattributed));
    if (!enumField(json, "kind", stepKindName, &s.kind, error) ||
        !enumField(json, "outcome", stepOutcomeName, &s.outcome, error) ||
        !stringField(json, "target", &s.target, error) ||
        !enumField(current, "code", stepCodeName, &s.code, error) ||
        !intField(json, "refcount_after", -1, &s.refcountAfter, error))
        return false;
    const QJsonValue args = json.value(QLatin1String("args"));
    for (const QJsonValue &arg : args.toArray()) {
        if (!arg.isString())
            return fail(error, QStringLiteral("\"args\" must hold only strings"));
        s.args << arg.toString();
    }
    if (!args.isArray() || s.args.size() != stepCodeArgumentCount(s.code))
        return fail(error, QStringLiteral("\"args\" of code \"%1\" must be an array of %2 strings")
                               .arg(stepCodeName(s.code))
                               .arg(stepCodeArgumentCount(s.code)));
    *step = s;
    return true;
}

QJsonObject releaseResultToJson(const ReleaseResult &result)
{
    QJsonArray steps;
    for (const ReleaseStep &step : result.steps)
        steps.append(releaseStepToJson(step));
    return {
        {QStringLiteral("module"), result.module},
        {QStringLiteral("released"), result.released},
        {QStringLiteral("steps"), steps},
    };
}

bool releaseResultFromJson(const QJsonObject &json, ReleaseResult *result, QString *error)
{
    ReleaseResult r;
    if (!moduleField(json, &r.module, error))
        return false;
    if (!json.value(QLatin1String("released")).isBool() ||
        !json.value(QLatin1String("steps")).isArray())
        return fail(error, QStringLiteral("a release result needs \"released\" (bool) and "
                                          "\"steps\" (array)"));
    r.released = json.value(QLatin1String("released")).toBool();
    for (const QJsonValue &value : json.value(QLatin1String("steps")).toArray()) {
        ReleaseStep step;
        if (!value.isObject())
            *error = QStringLiteral("must be an object");
        if (!value.isObject() || !releaseStepFromJson(value.toObject(), &step, error)) {
            *error = QStringLiteral("steps[%1]: %2").arg(r.steps.size()).arg(*error);
            return false;
        }
        r.steps.append(step);
    }
    *result = r;
    return true;
}

} // namespace refscope
