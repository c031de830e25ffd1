// SPDX-License-Identifier: GPL-3.0-or-later
#include "procmodules.h"

#include <functional>

namespace refscope {

namespace {

QStringList sortedNames(const QString &list)
{
    QStringList names = list.split(u',', Qt::SkipEmptyParts);
    names.sort();
    return names;
}

QString stateName(const QString &procState)
{
    if (procState == QLatin1String("Live"))
        return QStringLiteral("live");
    if (procState == QLatin1String("Loading"))
        return QStringLiteral("coming");
    if (procState == QLatin1String("Unloading"))
        return QStringLiteral("going");
    return QStringLiteral("unknown");
}

// Lines of whitespace-separated columns: name, size, refcount, then what
// fillRest reads. A line with fewer than minColumns or a non-numeric
// refcount makes the whole text bad.
QMap<QString, KernelModuleLine>
parseColumns(const QStringList &lines, int minColumns, const QString &source, QString *error,
             const std::function<void(const QStringList &, KernelModuleLine &)> &fillRest)
{
    QMap<QString, KernelModuleLine> modules;
    for (const QString &line : lines) {
        const QStringList f = line.split(u' ', Qt::SkipEmptyParts);
        bool numeric = false;
        KernelModuleLine m;
        if (f.size() >= minColumns)
            m.refcount = f.at(2).toInt(&numeric);
        if (!numeric) {
            *error = QStringLiteral("bad %1 line: %2").arg(source, line);
            return {};
        }
        fillRest(f, m);
        modules.insert(f.at(0), m);
    }
    return modules;
}

QString compare(const Snapshot &snapshot, const QMap<QString, KernelModuleLine> &kernel,
                const QString &source, bool withState)
{
    QStringList differences;
    for (auto it = kernel.begin(); it != kernel.end(); ++it) {
        const ModuleInfo *info = snapshot.find(it.key());
        if (!info) {
            differences << QStringLiteral("%1: in %2, not in the snapshot").arg(it.key(), source);
            continue;
        }
        QStringList holders = info->holders;
        holders.sort();
        if (info->refcount != it->refcount)
            differences << QStringLiteral("%1: refcount %2, %3 says %4")
                               .arg(it.key())
                               .arg(info->refcount)
                               .arg(source)
                               .arg(it->refcount);
        if (holders != it->holders)
            differences << QStringLiteral("%1: holders [%2], %3 says [%4]")
                               .arg(it.key(), holders.join(u','), source, it->holders.join(u','));
        if (withState && moduleStateName(info->state) != it->state)
            differences << QStringLiteral("%1: state %2, %3 says %4")
                               .arg(it.key(), moduleStateName(info->state), source, it->state);
        if (withState && info->permanent != it->permanent)
            differences << QStringLiteral("%1: permanent %2, %3 says %4")
                               .arg(it.key())
                               .arg(info->permanent)
                               .arg(source)
                               .arg(it->permanent);
    }
    for (const ModuleInfo &info : snapshot.modules) {
        if (!kernel.contains(info.name))
            differences << QStringLiteral("%1: in the snapshot, not in %2").arg(info.name, source);
    }
    return differences.join(u'\n');
}

} // namespace

QMap<QString, KernelModuleLine> parseProcModules(const QString &text, QString *error)
{
    // "name size refcount holders state address [(taints)]"; holders is "-"
    // or "a,b," and may include "[permanent]," (or "[unsafe],").
    return parseColumns(text.split(u'\n', Qt::SkipEmptyParts), 6, QStringLiteral("/proc/modules"),
                        error, [](const QStringList &f, KernelModuleLine &m) {
                            QStringList holders =
                                sortedNames(f.at(3) == u'-' ? QString() : f.at(3));
                            m.permanent = holders.removeAll(QStringLiteral("[permanent]")) > 0;
                            holders.removeAll(QStringLiteral("[unsafe]"));
                            m.holders = holders;
                            m.state = stateName(f.at(4));
                        });
}

QMap<QString, KernelModuleLine> parseLsmod(const QString &text, QString *error)
{
    // "Module Size Used by" and then "name size used [a,b]".
    return parseColumns(text.split(u'\n', Qt::SkipEmptyParts).mid(1), 3, QStringLiteral("lsmod"),
                        error, [](const QStringList &f, KernelModuleLine &m) {
                            m.holders = sortedNames(f.size() > 3 ? f.at(3) : QString());
                        });
}

QString compareWithProcModules(const Snapshot &snapshot,
                               const QMap<QString, KernelModuleLine> &proc)
{
    return compare(snapshot, proc, QStringLiteral("/proc/modules"), true);
}

QString compareWithLsmod(const Snapshot &snapshot, const QMap<QString, KernelModuleLine> &lsmod)
{
    return compare(snapshot, lsmod, QStringLiteral("lsmod"), false);
}

} // namespace refscope
