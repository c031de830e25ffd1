// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/modulelistmodel.h"

#include "teaching/teaching.h"

#include <QLocale>

#include <algorithm>

namespace refscope {

ModuleListModel::ModuleListModel(QObject *parent) : QAbstractTableModel(parent) {}

int ModuleListModel::insertionRow(const QString &name) const
{
    const auto &rows = m_snapshot.modules;
    const auto it =
        std::lower_bound(rows.cbegin(), rows.cend(), name,
                         [](const ModuleInfo &m, const QString &n) { return m.name < n; });
    return int(it - rows.cbegin());
}

int ModuleListModel::rowOf(const QString &name) const
{
    const QString wanted = normalizeModuleName(name);
    const int row = insertionRow(wanted);
    if (row < m_snapshot.modules.size() && m_snapshot.modules.at(row).name == wanted)
        return row;
    for (int i = 0; i < m_absentRows.size(); ++i)
        if (m_absentRows.at(i).first == wanted)
            return int(m_snapshot.modules.size()) + i;
    return -1;
}

bool ModuleListModel::isAbsent(const QString &name) const
{
    const QString wanted = normalizeModuleName(name);
    return std::any_of(m_absentRows.cbegin(), m_absentRows.cend(),
                       [&](const auto &row) { return row.first == wanted; });
}

void ModuleListModel::setAbsentModules(const QMap<QString, QString> &stateByName)
{
    m_absentWanted.clear();
    for (auto it = stateByName.cbegin(); it != stateByName.cend(); ++it)
        m_absentWanted.insert(normalizeModuleName(it.key()), it.value());
    syncAbsentRows();
}

void ModuleListModel::syncAbsentRows()
{
    // Row by row, never a reset: the views keep their selection.
    QList<QPair<QString, QString>> wanted;
    for (auto it = m_absentWanted.cbegin(); it != m_absentWanted.cend(); ++it)
        if (!m_snapshot.find(it.key()))
            wanted.append({it.key(), it.value()});
    const int base = int(m_snapshot.modules.size());
    for (int i = int(m_absentRows.size()) - 1; i >= 0; --i) {
        const bool keep = std::any_of(wanted.cbegin(), wanted.cend(), [&](const auto &w) {
            return w.first == m_absentRows.at(i).first;
        });
        if (keep)
            continue;
        beginRemoveRows({}, base + i, base + i);
        m_absentRows.removeAt(i);
        endRemoveRows();
    }
    for (const auto &w : wanted) {
        const auto it = std::find_if(m_absentRows.begin(), m_absentRows.end(),
                                     [&](const auto &row) { return row.first == w.first; });
        if (it != m_absentRows.end()) {
            if (it->second != w.second) {
                it->second = w.second;
                const int row = base + int(it - m_absentRows.begin());
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        const int row = base + int(m_absentRows.size());
        beginInsertRows({}, row, row);
        m_absentRows.append(w);
        endInsertRows();
    }
}

const ModuleInfo *ModuleListModel::moduleAt(int row) const
{
    if (row < 0 || row >= m_snapshot.modules.size())
        return nullptr;
    return &m_snapshot.modules.at(row);
}

SnapshotDiff ModuleListModel::applySnapshot(const Snapshot &snapshot)
{
    // The kernel never puts '-' in a module name, but a hand-edited file
    // may; the rows are looked up by the kernel's spelling.
    Snapshot next = snapshot;
    for (ModuleInfo &m : next.modules)
        m.name = normalizeModuleName(m.name);
    const SnapshotDiff diff = diffSnapshots(m_snapshot, next);
    removeModules(diff.unloaded);
    updateModules(diff.changed, next);
    insertModules(diff.loaded, next);
    m_snapshot.kernelRelease = next.kernelRelease;
    m_snapshot.support = next.support;
    m_snapshot.builtin = next.builtin;
    m_snapshot.takenAtMs = next.takenAtMs;
    m_snapshot.origin = next.origin;
    // A module loaded again loses its absent row; one unloaded may get one.
    syncAbsentRows();
    emit snapshotApplied(diff);
    return diff;
}

void ModuleListModel::removeModules(const QStringList &names)
{
    // Remove from the bottom up, one run of adjacent rows at a time, so the
    // rows still to remove keep their numbers.
    QList<int> rows;
    for (const QString &name : names)
        rows.append(rowOf(name));
    std::sort(rows.begin(), rows.end());
    while (!rows.isEmpty()) {
        const int last = rows.takeLast();
        int first = last;
        while (!rows.isEmpty() && rows.last() == first - 1)
            first = rows.takeLast();
        beginRemoveRows({}, first, last);
        m_snapshot.modules.remove(first, last - first + 1);
        endRemoveRows();
    }
}

void ModuleListModel::updateModules(const QList<ModuleChange> &changes, const Snapshot &next)
{
    for (const ModuleChange &change : changes) {
        const int row = rowOf(change.name);
        m_snapshot.modules[row] = *next.find(change.name);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void ModuleListModel::insertModules(const QStringList &names, const Snapshot &next)
{
    // names is sorted: the names that fall between the same two existing
    // rows come one after another and go in with a single insert.
    for (qsizetype i = 0; i < names.size();) {
        const int row = insertionRow(names.at(i));
        const QString *nextExisting =
            row < m_snapshot.modules.size() ? &m_snapshot.modules.at(row).name : nullptr;
        qsizetype end = i + 1;
        while (end < names.size() && (!nextExisting || names.at(end) < *nextExisting))
            ++end;
        beginInsertRows({}, row, row + int(end - i) - 1);
        for (qsizetype k = i; k < end; ++k)
            m_snapshot.modules.insert(row + int(k - i), *next.find(names.at(k)));
        endInsertRows();
        i = end;
    }
}

int ModuleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_snapshot.modules.size() + m_absentRows.size());
}

int ModuleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ModuleListModel::stateText(ModuleState state)
{
    switch (state) {
    case ModuleState::Live:
        return tr("live");
    case ModuleState::Coming:
        return tr("coming");
    case ModuleState::Going:
        return tr("going");
    case ModuleState::Unknown:
        break;
    }
    return tr("unknown");
}

QVariant ModuleListModel::displayData(const ModuleInfo &module, int column) const
{
    switch (Column(column)) {
    case Name:
        return module.name;
    case State:
        return stateText(module.state);
    case Refcount:
        return module.refcount;
    case Size:
        return QLocale().toString(module.size);
    case Holders:
        return module.holders.join(QLatin1String(", "));
    case Depends:
        return module.depends.join(QLatin1String(", "));
    case Taints:
        return module.taints;
    case Permanent:
        return module.permanent ? tr("yes") : tr("no");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ModuleListModel::absentData(int row, int column, int role) const
{
    const auto &[name, state] = m_absentRows.at(row);
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        return column == Name ? name : column == State ? state : QVariant();
    case ModuleNameRole:
        return name;
    case StateRole:
        return -1;
    case AbsentRole:
        return true;
    case Qt::ToolTipRole:
        return tr("%1 is not loaded: %2.").arg(name, state);
    default:
        return {};
    }
}

QVariant ModuleListModel::data(const QModelIndex &index, int role) const
{
    const int absentRow = index.row() - int(m_snapshot.modules.size());
    if (absentRow >= 0 && absentRow < m_absentRows.size() && index.column() >= 0 &&
        index.column() < ColumnCount)
        return absentData(absentRow, index.column(), role);
    const ModuleInfo *module = moduleAt(index.row());
    if (!module || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*module, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Name && !module->description.isEmpty())
            return module->description;
        return columnExplanation(Column(index.column()), module);
    case Qt::TextAlignmentRole:
        if (index.column() == Refcount || index.column() == Size)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        if (index.column() == Refcount)
            return module->refcount;
        if (index.column() == Size)
            return module->size;
        return displayData(*module, index.column());
    case ModuleNameRole:
        return module->name;
    case HoldersRole:
        return module->holders;
    case DependsRole:
        return module->depends;
    case StateRole:
        return int(module->state);
    case AbsentRole:
        return false;
    default:
        return {};
    }
}

QVariant ModuleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole)
        return columnExplanation(Column(section));
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnLabel(Column(section));
}

QString ModuleListModel::columnLabel(Column column)
{
    switch (column) {
    case Name:
        return tr("Module");
    case State:
        return tr("State");
    case Refcount:
        return tr("Refcount");
    case Size:
        return tr("Size");
    case Holders:
        return tr("Used by");
    case Depends:
        return tr("Depends on");
    case Taints:
        return tr("Taints");
    case Permanent:
        return tr("Permanent");
    case ColumnCount:
        break;
    }
    return {};
}

QString ModuleListModel::columnExplanation(Column column, const ModuleInfo *module)
{
    switch (column) {
    case State:
        if (module)
            return Teaching::moduleState(module->state);
        return QStringList{Teaching::moduleState(ModuleState::Live),
                           Teaching::moduleState(ModuleState::Coming),
                           Teaching::moduleState(ModuleState::Going)}
            .join(QLatin1String("\n\n"));
    case Refcount:
        return Teaching::refcount();
    case Permanent:
        return Teaching::permanent();
    case Taints:
        return Teaching::taints();
    case Holders:
        return Teaching::usedBy();
    case Depends:
        return Teaching::dependsOn();
    case Name:
    case Size:
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace refscope
