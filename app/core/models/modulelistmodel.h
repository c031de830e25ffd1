// SPDX-License-Identifier: GPL-3.0-or-later
// The table of loaded modules, one row a module, kept up to date from
// successive snapshots. A refresh becomes row inserts, removes and
// dataChanged, never a reset, so views keep their selection and scroll.
#pragma once

#include "inventory/moduleinfo.h"
#include "models/snapshotdiff.h"

#include <QAbstractTableModel>
#include <QMap>

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
        StateRole,                   // int(ModuleState); -1 on an absent module's row
        AbsentRole,                  // bool: a row of setAbsentModules(), not loaded
    };

    explicit ModuleListModel(QObject *parent = nullptr);

    // Makes the rows match the snapshot's modules; returns what changed.
    SnapshotDiff applySnapshot(const Snapshot &snapshot);

    // The last snapshot applied, modules sorted by name, each name once.
    const Snapshot &snapshot() const { return m_snapshot; }
    // nullptr on an absent module's row.
    const ModuleInfo *moduleAt(int row) const;
    // The row of a loaded or absent module; accepts '-' or '_'; -1 when none.
    int rowOf(const QString &name) const;

    // Modules that are not loaded but still to be chosen (a recording's
    // modules, a module just released), each with its state as shown
    // ("in the recording only"). They get rows after the loaded ones, with
    // only a name and that state; a module the snapshot has is not repeated.
    void setAbsentModules(const QMap<QString, QString> &stateByName);
    bool isAbsent(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // The column's header, also the label the details pane gives the field.
    static QString columnLabel(Column column);
    // The state as the window shows it: the kernel's word (live, coming,
    // going) in English, explained in the user's language elsewhere.
    static QString stateText(ModuleState state);
    // What the column means (teaching/teaching.h), for tooltips; about
    // module's own value when given (its state). Empty for Name and Size.
    static QString columnExplanation(Column column, const ModuleInfo *module = nullptr);

signals:
    void snapshotApplied(const refscope::SnapshotDiff &diff);

private:
    QVariant displayData(const ModuleInfo &module, int column) const;
    QVariant absentData(int row, int column, int role) const;
    int insertionRow(const QString &name) const;
    void removeModules(const QStringList &names);
    void updateModules(const QList<ModuleChange> &changes, const Snapshot &next);
    void insertModules(const QStringList &names, const Snapshot &next);
    void syncAbsentRows();

    Snapshot m_snapshot;
    QMap<QString, QString> m_absentWanted;       // as set, loaded ones included
    QList<QPair<QString, QString>> m_absentRows; // name, state; after the loaded rows
};

} // namespace refscope
