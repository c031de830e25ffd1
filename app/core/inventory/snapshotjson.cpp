// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/snapshotjson.h"

#include <QJsonArray>
#include <QSet>

#include <cmath>

namespace refscope {

namespace {

QJsonArray stringArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject moduleToJson(const ModuleInfo &m)
{
    QJsonObject params;
    for (const ModuleParam &p : m.params)
        params.insert(p.name, p.readable ? QJsonValue(p.value) : QJsonValue(QJsonValue::Null));
    return {
        {QStringLiteral("name"), m.name},
        {QStringLiteral("size"), m.size},
        {QStringLiteral("refcount"), m.refcount},
        {QStringLiteral("state"), moduleStateName(m.state)},
        {QStringLiteral("permanent"), m.permanent},
        {QStringLiteral("taints"), m.taints},
        {QStringLiteral("holders"), stringArray(m.holders)},
        {QStringLiteral("depends"), stringArray(m.depends)},
        {QStringLiteral("params"), params},
        {QStringLiteral("version"), m.version},
        {QStringLiteral("srcversion"), m.srcversion},
        {QStringLiteral("signer"), m.signer},
        {QStringLiteral("description"), m.description},
        {QStringLiteral("license"), m.license},
        {QStringLiteral("path"), m.path},
    };
}

// Reads fields of one JSON object, remembering the first problem found with
// the path of the field ("modules[2].size") so the caller reports just that.
class FieldReader {
public:
    FieldReader(const QJsonObject &object, QString where, QString *error)
        : m_object(object), m_where(std::move(where)), m_error(error)
    {
    }

    bool ok() const { return m_error->isEmpty(); }

    QString string(const QString &key, bool required = false)
    {
        return checked(key, required, &QJsonValue::isString, QStringLiteral("must be a string"))
            .toString();
    }

    bool boolean(const QString &key)
    {
        return checked(key, true, &QJsonValue::isBool, QStringLiteral("must be true or false"))
            .toBool();
    }

    qint64 integer(const QString &key, qint64 minimum)
    {
        const QJsonValue v = m_object.value(key);
        const double d = v.toDouble();
        if (!v.isDouble() || d != std::floor(d) || std::abs(d) > 9007199254740992.0)
            fail(key, QStringLiteral("must be an integer"));
        else if (d < minimum)
            fail(key, minimum == 0 ? QStringLiteral("must not be negative")
                                   : QStringLiteral("must be at least %1").arg(minimum));
        return qint64(d);
    }

    QStringList moduleNames(const QString &key)
    {
        QStringList names;
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined())
            return names;
        if (!v.isArray()) {
            fail(key, QStringLiteral("must be an array of module names"));
            return names;
        }
        for (const QJsonValue &item : v.toArray()) {
            const QString name = normalizeModuleName(item.toString());
            if (!item.isString() || name.isEmpty()) {
                fail(key, QStringLiteral("must be an array of module names"));
                return names;
            }
            names.append(name);
        }
        return names;
    }

    QJsonObject object(const QString &key, bool required)
    {
        return checked(key, required, &QJsonValue::isObject, QStringLiteral("must be an object"))
            .toObject();
    }

    QJsonArray array(const QString &key)
    {
        return checked(key, true, &QJsonValue::isArray, QStringLiteral("must be an array"))
            .toArray();
    }

    // An array of objects; fails at the first element that is not one.
    QList<QJsonObject> objects(const QString &key)
    {
        QList<QJsonObject> list;
        const QJsonArray items = array(key);
        for (qsizetype i = 0; i < items.size() && ok(); ++i) {
            if (!items.at(i).isObject())
                fail(QStringLiteral("%1[%2]").arg(key).arg(i), QStringLiteral("must be an object"));
            list.append(items.at(i).toObject());
        }
        return list;
    }

    QString path(const QString &key) const
    {
        return m_where.isEmpty() ? key : m_where + u'.' + key;
    }

    void fail(const QString &key, const QString &problem)
    {
        if (ok())
            *m_error = path(key) + QStringLiteral(": ") + problem;
    }

private:
    // The value at key, failing with `problem` unless it has the right type;
    // an absent optional field is no problem.
    QJsonValue checked(const QString &key, bool required, bool (QJsonValue::*hasType)() const,
                       const QString &problem)
    {
        const QJsonValue v = m_object.value(key);
        if (!(v.*hasType)() && (required || !v.isUndefined()))
            fail(key, problem);
        return v;
    }

    QJsonObject m_object;
    QString m_where;
    QString *m_error;
};

QString requiredModuleName(FieldReader &r)
{
    const QString name = normalizeModuleName(r.string(QStringLiteral("name"), true));
    if (r.ok() && name.isEmpty())
        r.fail(QStringLiteral("name"), QStringLiteral("must not be empty"));
    return name;
}

ModuleInfo moduleFromJson(const QJsonObject &json, const QString &where, QString *error)
{
    FieldReader r(json, where, error);
    ModuleInfo m;
    m.name = requiredModuleName(r);
    m.size = r.integer(QStringLiteral("size"), 0);
    // A module being removed shows -1: its last reference was dropped.
    m.refcount = int(r.integer(QStringLiteral("refcount"), -1));
    const QString state = r.string(QStringLiteral("state"), true);
    m.state = moduleStateFromName(state);
    if (r.ok() && m.state == ModuleState::Unknown)
        r.fail(QStringLiteral("state"),
               QStringLiteral("must be live, coming or going, not \"%1\"").arg(state));
    m.permanent = r.boolean(QStringLiteral("permanent"));
    m.taints = r.string(QStringLiteral("taints"));
    m.holders = r.moduleNames(QStringLiteral("holders"));
    m.depends = r.moduleNames(QStringLiteral("depends"));
    const QJsonObject params = r.object(QStringLiteral("params"), false);
    for (auto it = params.begin(); it != params.end(); ++it) {
        if (!it->isString() && !it->isNull()) {
            r.fail(QStringLiteral("params.") + it.key(),
                   QStringLiteral("must be a string or null"));
            break;
        }
        m.params.append({it.key(), it->toString(), it->isString()});
    }
    m.version = r.string(QStringLiteral("version"));
    m.srcversion = r.string(QStringLiteral("srcversion"));
    m.signer = r.string(QStringLiteral("signer"));
    m.description = r.string(QStringLiteral("description"));
    m.license = r.string(QStringLiteral("license"));
    m.path = r.string(QStringLiteral("path"));
    return m;
}

template <typename T> void sortByName(QList<T> &list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) { return a.name < b.name; });
}

} // namespace

QJsonObject snapshotToJson(const Snapshot &snapshot)
{
    QJsonArray modules;
    for (const ModuleInfo &m : snapshot.modules)
        modules.append(moduleToJson(m));
    QJsonArray builtin;
    for (const BuiltinModule &b : snapshot.builtin)
        builtin.append(QJsonObject{{QStringLiteral("name"), b.name},
                                   {QStringLiteral("description"), b.description}});
    const QJsonObject support{
        {QStringLiteral("loadable"), snapshot.support.loadable},
        {QStringLiteral("unloadable"), snapshot.support.unloadable},
        {QStringLiteral("force_unload"), snapshot.support.forceUnload},
    };
    QJsonObject json{
        {QStringLiteral("kernel"), snapshot.kernelRelease},
        {QStringLiteral("taken_at_ms"), snapshot.takenAtMs},
        {QStringLiteral("support"), support},
        {QStringLiteral("modules"), modules},
        {QStringLiteral("builtin"), builtin},
    };
    if (snapshot.origin.isRecorded())
        json.insert(QStringLiteral("origin"), originToJson(snapshot.origin));
    return json;
}

bool snapshotFromJson(const QJsonObject &json, Snapshot *snapshot, QString *error)
{
    error->clear();
    Snapshot s;
    FieldReader top(json, {}, error);
    s.kernelRelease = top.string(QStringLiteral("kernel"), true);
    s.takenAtMs = top.integer(QStringLiteral("taken_at_ms"), 0);
    // Files from before origins were recorded have none: still snapshots.
    s.origin = originFromJson(json.value(QLatin1String("origin")).toObject());
    FieldReader support(top.object(QStringLiteral("support"), true), QStringLiteral("support"),
                        error);
    s.support.loadable = support.boolean(QStringLiteral("loadable"));
    s.support.unloadable = support.boolean(QStringLiteral("unloadable"));
    s.support.forceUnload = support.boolean(QStringLiteral("force_unload"));

    QSet<QString> seen;
    const QList<QJsonObject> modules = top.objects(QStringLiteral("modules"));
    for (qsizetype i = 0; i < modules.size() && top.ok(); ++i) {
        const QString where = QStringLiteral("modules[%1]").arg(i);
        const ModuleInfo m = moduleFromJson(modules.at(i), where, error);
        if (top.ok() && seen.contains(m.name))
            top.fail(where + QStringLiteral(".name"),
                     QStringLiteral("\"%1\" appears twice").arg(m.name));
        seen.insert(m.name);
        s.modules.append(m);
    }
    const QList<QJsonObject> builtin = top.objects(QStringLiteral("builtin"));
    for (qsizetype i = 0; i < builtin.size() && top.ok(); ++i) {
        FieldReader r(builtin.at(i), QStringLiteral("builtin[%1]").arg(i), error);
        BuiltinModule b;
        b.name = requiredModuleName(r);
        b.description = r.string(QStringLiteral("description"));
        s.builtin.append(b);
    }
    if (!top.ok())
        return false;
    sortByName(s.modules);
    sortByName(s.builtin);
    *snapshot = s;
    return true;
}

} // namespace refscope
