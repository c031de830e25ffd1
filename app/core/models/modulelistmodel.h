// SPDX-License-Identifier: GPL-3.0-or-later
// The table of loaded modules, one row a module, kept up to date from
// successive snapshots. A refresh becomes row inserts, removes and
// dataChanged, never a reset, so views keep their selection and scroll.
#pragma once

#include "inventory/moduleinfo.h"
#include "models/snapshotdiff.h"

#include <QAbstractTableModel>

namespace refscope {

class ModuleListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // The short columns first, so the lists of users and dependencies,
    // which can be long, do not push them out of sight.
    enum Column { Name, State, Refcount, Size, Permanent, Taints, Holders, Depends, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers for numeric columns, text otherwise
        ModuleNameRole,              // the row's module name, in every column
        HoldersRole,                 // QStringList
        DependsRole,                 // QStringList
        StateRole,                   // int(ModuleState)
    };

    explicit ModuleListModel(QObject *parent = nullptr);

    // Makes the rows match the snapshot's modules; returns what changed.
    SnapshotDiff applySnapshot(const Snapshot &snapshot);

    // The last snapshot applied, modules sorted by name, each name once.
    const Snapshot &snapshot() const { return m_snapshot; }
    const ModuleInfo *moduleAt(int row) const;
    int rowOf(const QString &name) const; // accepts '-' or '_'; -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // The column's header, also the label the details pane gives the field.
    static QString columnLabel(Column column);
    // What the column means (teaching/teaching.h), for tooltips; about
    // module's own value when given (its state). Empty for Name and Size.
    static QString columnExplanation(Column column, const ModuleInfo *module = nullptr);

signals:
    void snapshotApplied(const refscope::SnapshotDiff &diff);

private:
    QVariant displayData(const ModuleInfo &module, int column) const;
    int insertionRow(const QString &name) const;
    void removeModules(const QStringList &names);
    void updateModules(const QList<ModuleChange> &changes, const Snapshot &next);
    void insertModules(const QStringList &names, const Snapshot &next);

    Snapshot m_snapshot;
};

} // namespace refscope
