// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/moduletable.h"

namespace refscope {

QString formatModuleTable(const Snapshot &snapshot)
{
    // lsmod pads names to 19 columns; widen for longer names so that the
    // columns stay aligned.
    qsizetype nameWidth = 19;
    for (const ModuleInfo &m : snapshot.modules)
        nameWidth = qMax(nameWidth, m.name.size());
    const auto row = [&](const QString &name, const QString &size, const QString &used,
                         const QString &state, const QString &taints, const QString &permanent,
                         const QString &usedBy) {
        return QStringLiteral("%1 %2 %3  %4 %5 %6 %7")
                   .arg(name, -int(nameWidth))
                   .arg(size, 8)
                   .arg(used, 4)
                   .arg(state, -6)
                   .arg(taints, -6)
                   .arg(permanent, -9)
                   .arg(usedBy)
                   .trimmed() +
               u'\n';
    };
    QString out = row(QStringLiteral("Module"), QStringLiteral("Size"), QStringLiteral("Used"),
                      QStringLiteral("State"), QStringLiteral("Taints"),
                      QStringLiteral("Permanent"), QStringLiteral("Used by"));
    for (const ModuleInfo &m : snapshot.modules) {
        out +=
            row(m.name, QString::number(m.size), QString::number(m.refcount),
                moduleStateName(m.state), m.taints.isEmpty() ? QStringLiteral("-") : m.taints,
                m.permanent ? QStringLiteral("yes") : QStringLiteral("no"), m.holders.join(u','));
    }
    return out;
}

} // namespace refscope
