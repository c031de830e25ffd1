// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/moduleinfo.h"

namespace refscope {

QString moduleStateName(ModuleState state)
{
    switch (state) {
    case ModuleState::Live:
        return QStringLiteral("live");
    case ModuleState::Coming:
        return QStringLiteral("coming");
    case ModuleState::Going:
        return QStringLiteral("going");
    case ModuleState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

ModuleState moduleStateFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("live"))
        return ModuleState::Live;
    if (n == QLatin1String("coming"))
        return ModuleState::Coming;
    if (n == QLatin1String("going"))
        return ModuleState::Going;
    return ModuleState::Unknown;
}

QString normalizeModuleName(const QString &name)
{
    QString n = name.trimmed();
    n.replace(QLatin1Char('-'), QLatin1Char('_'));
    return n;
}

const ModuleInfo *Snapshot::find(const QString &name) const
{
    const QString wanted = normalizeModuleName(name);
    for (const ModuleInfo &m : modules) {
        if (m.name == wanted)
            return &m;
    }
    return nullptr;
}

} // namespace refscope
