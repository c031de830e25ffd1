// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/comparemodel.h"

#include <QDateTime>

namespace refscope {

CompareModel::CompareModel(QObject *parent) : QAbstractTableModel(parent) {}

void CompareModel::setComparison(const SnapshotComparison &comparison)
{
    beginResetModel();
    m_comparison = comparison;
    rebuildRows();
    endResetModel();
}

void CompareModel::setOnlyDifferent(bool only)
{
    if (only == m_onlyDifferent)
        return;
    beginResetModel();
    m_onlyDifferent = only;
    rebuildRows();
    endResetModel();
}

void CompareModel::rebuildRows()
{
    m_rows.clear();
    for (int i = 0; i < m_comparison.rows.size(); ++i)
        if (!m_onlyDifferent || m_comparison.rows.at(i).differs())
            m_rows.append(i);
}

QString CompareModel::targetLetter(int target)
{
    // Past Z (nobody compares 27 machines at once) the number still tells them apart.
    return target < 26 ? QString(QChar(u'A' + target)) : QString::number(target + 1);
}

QString CompareModel::fieldTitle(CompareField field)
{
    switch (field) {
    case CompareField::Loaded:
        return tr("Loaded");
    case CompareField::Version:
        return tr("Version");
    case CompareField::Srcversion:
        return tr("Srcversion");
    case CompareField::Refcount:
        return tr("Used");
    case CompareField::Holders:
        return tr("Used by");
    case CompareField::Taints:
        return tr("Taints");
    case CompareField::Params:
        return tr("Parameters");
    }
    return {};
}

QString CompareModel::targetText(int target) const
{
    const CompareTarget &t = m_comparison.targets.at(target);
    // A live target's label ("this machine", "lab guest") is how its origin
    // begins: said once.
    const QString origin = originText(t.snapshot.origin);
    QString text = origin.startsWith(t.label)
                       ? tr("%1: %2").arg(targetLetter(target), origin)
                       : tr("%1: %2 — %3").arg(targetLetter(target), t.label, origin);
    // Files from before origins were recorded still name their kernel.
    if (t.snapshot.origin.kernelRelease.isEmpty() && !t.snapshot.kernelRelease.isEmpty())
        text += QStringLiteral(" · ") + tr("kernel %1").arg(t.snapshot.kernelRelease);
    // Two moments of one machine differ only by when they were read.
    if (t.snapshot.takenAtMs > 0)
        text += QStringLiteral(" · ") +
                tr("read %1").arg(QDateTime::fromMSecsSinceEpoch(t.snapshot.takenAtMs)
                                      .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    return text;
}

QString CompareModel::targetName(int target, bool withKernel) const
{
    const CompareTarget &t = m_comparison.targets.at(target);
    const Origin &origin = t.snapshot.origin;
    QString name;
    switch (origin.kind) {
    case OriginKind::Local:
        name = tr("this machine");
        break;
    case OriginKind::Lab:
        name = tr("lab guest");
        break;
    case OriginKind::Remote:
        name = origin.target.isEmpty() ? origin.host : origin.target;
        break;
    case OriginKind::Trace:
        name = origin.host;
        break;
    case OriginKind::Unknown:
        break;
    }
    if (name.isEmpty())
        name = t.label;
    const QString kernel = targetKernel(target);
    return !withKernel || kernel.isEmpty() ? name : tr("%1 (%2)").arg(name, kernel);
}

QString CompareModel::targetKernel(int target) const
{
    const Snapshot &snapshot = m_comparison.targets.at(target).snapshot;
    return snapshot.origin.kernelRelease.isEmpty() ? snapshot.kernelRelease
                                                   : snapshot.origin.kernelRelease;
}

int CompareModel::columnOf(int target, CompareField field) const
{
    return 1 + target * kCompareFieldCount + int(field);
}

int CompareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CompareModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1 + int(m_comparison.targets.size()) * kCompareFieldCount;
}

QVariant CompareModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CompareRow &row = m_comparison.rows.at(m_rows.at(index.row()));
    const int column = index.column();
    const int target = column == 0 ? -1 : (column - 1) / kCompareFieldCount;
    const auto field = CompareField(column == 0 ? 0 : (column - 1) % kCompareFieldCount);
    switch (role) {
    case ModuleNameRole:
        return row.module;
    case TargetRole:
        return target;
    case DiffersRole:
        return target < 0 ? row.differs() : row.differs(field);
    case Qt::DisplayRole:
        if (target < 0)
            return row.module;
        if (field == CompareField::Loaded)
            return row.perTarget.at(target) ? tr("yes") : tr("no");
        return compareFieldText(row.perTarget.at(target), field);
    case Qt::ToolTipRole:
        if (target < 0)
            return row.differs() ? tr("The targets differ on this module") : QVariant();
        return targetText(target);
    default:
        return {};
    }
}

QVariant CompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (section == 0) {
        if (role == Qt::DisplayRole)
            return tr("Module");
        return {};
    }
    const int target = (section - 1) / kCompareFieldCount;
    const auto field = CompareField((section - 1) % kCompareFieldCount);
    if (target >= m_comparison.targets.size())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        // The group's first column names the target; the others only its letter.
        // One line each, so that the column stays narrow.
        if (field == CompareField::Loaded) {
            QStringList lines{targetLetter(target) + QStringLiteral(": ") +
                              targetName(target, false)};
            if (const QString kernel = targetKernel(target); !kernel.isEmpty())
                lines << kernel;
            lines << fieldTitle(field);
            return lines.join(u'\n');
        }
        return targetLetter(target) + QStringLiteral(" · ") + fieldTitle(field);
    case Qt::ToolTipRole:
        return targetText(target);
    case TargetRole:
        return target;
    default:
        return {};
    }
}

} // namespace refscope
