// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/snapshotcompare.h"

#include <QJsonArray>
#include <QMap>

namespace refscope {

namespace {

QString paramsText(const ModuleInfo &m)
{
    QStringList parts;
    for (const ModuleParam &p : m.params)
        parts << p.name + u'=' + (p.readable ? p.value : QStringLiteral("?"));
    parts.sort();
    return parts.join(u' ');
}

QString holdersText(QStringList holders)
{
    holders.sort();
    return holders.join(u',');
}

} // namespace

QString compareFieldName(CompareField field)
{
    switch (field) {
    case CompareField::Loaded:
        return QStringLiteral("loaded");
    case CompareField::Version:
        return QStringLiteral("version");
    case CompareField::Srcversion:
        return QStringLiteral("srcversion");
    case CompareField::Refcount:
        return QStringLiteral("refcount");
    case CompareField::Holders:
        return QStringLiteral("holders");
    case CompareField::Taints:
        return QStringLiteral("taints");
    case CompareField::Params:
        return QStringLiteral("params");
    }
    return {};
}

QString compareFieldText(const std::optional<ModuleInfo> &module, CompareField field)
{
    if (field == CompareField::Loaded)
        return module ? QStringLiteral("yes") : QStringLiteral("no");
    if (!module)
        return {};
    switch (field) {
    case CompareField::Loaded:
        break;
    case CompareField::Version:
        return module->version;
    case CompareField::Srcversion:
        return module->srcversion;
    case CompareField::Refcount:
        return QString::number(module->refcount);
    case CompareField::Holders:
        return holdersText(module->holders);
    case CompareField::Taints:
        return module->taints;
    case CompareField::Params:
        return paramsText(*module);
    }
    return {};
}

int SnapshotComparison::differingRows() const
{
    return int(std::count_if(rows.begin(), rows.end(),
                             [](const CompareRow &row) { return row.differs(); }));
}

SnapshotComparison compareSnapshots(const QList<CompareTarget> &targets)
{
    SnapshotComparison comparison;
    comparison.targets = targets;
    QMap<QString, CompareRow> rows; // sorted by name
    for (qsizetype t = 0; t < targets.size(); ++t) {
        for (const ModuleInfo &m : targets.at(t).snapshot.modules) {
            CompareRow &row = rows[m.name];
            row.module = m.name;
            row.perTarget.resize(targets.size());
            row.perTarget[t] = m;
        }
    }
    for (CompareRow &row : rows) {
        for (int f = 0; f < kCompareFieldCount; ++f) {
            const auto field = CompareField(f);
            std::optional<QString> first;
            for (const std::optional<ModuleInfo> &m : std::as_const(row.perTarget)) {
                // Where it is not loaded there is nothing to disagree on but
                // "loaded" itself.
                if (!m && field != CompareField::Loaded)
                    continue;
                const QString text = compareFieldText(m, field);
                if (!first)
                    first = text;
                else if (*first != text)
                    row.differing |= 1u << f;
            }
        }
        comparison.rows.append(row);
    }
    return comparison;
}

QJsonObject comparisonToJson(const SnapshotComparison &comparison, bool onlyDifferent)
{
    QJsonArray targets;
    for (const CompareTarget &t : comparison.targets) {
        QJsonObject target{
            {QStringLiteral("label"), t.label},
            {QStringLiteral("kernel"), t.snapshot.kernelRelease},
            {QStringLiteral("taken_at_ms"), t.snapshot.takenAtMs},
        };
        if (t.snapshot.origin.isRecorded())
            target.insert(QStringLiteral("origin"), originToJson(t.snapshot.origin));
        targets.append(target);
    }
    QJsonArray modules;
    for (const CompareRow &row : comparison.rows) {
        if (onlyDifferent && !row.differs())
            continue;
        QJsonArray differing;
        for (int f = 0; f < kCompareFieldCount; ++f)
            if (row.differs(CompareField(f)))
                differing.append(compareFieldName(CompareField(f)));
        QJsonArray per;
        for (const std::optional<ModuleInfo> &m : row.perTarget) {
            if (!m) {
                per.append(QJsonObject{{QStringLiteral("loaded"), false}});
                continue;
            }
            QJsonObject params;
            for (const ModuleParam &p : m->params)
                params.insert(p.name,
                              p.readable ? QJsonValue(p.value) : QJsonValue(QJsonValue::Null));
            per.append(QJsonObject{
                {QStringLiteral("loaded"), true},
                {QStringLiteral("version"), m->version},
                {QStringLiteral("srcversion"), m->srcversion},
                {QStringLiteral("refcount"), m->refcount},
                {QStringLiteral("holders"), QJsonArray::fromStringList(m->holders)},
                {QStringLiteral("taints"), m->taints},
                {QStringLiteral("params"), params},
            });
        }
        modules.append(QJsonObject{
            {QStringLiteral("name"), row.module},
            {QStringLiteral("differs"), differing},
            {QStringLiteral("targets"), per},
        });
    }
    return {
        {QStringLiteral("targets"), targets},
        {QStringLiteral("modules"), modules},
        {QStringLiteral("modules_compared"), comparison.rows.size()},
        {QStringLiteral("modules_differing"), comparison.differingRows()},
    };
}

} // namespace refscope
