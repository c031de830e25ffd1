// SPDX-License-Identifier: GPL-3.0-or-later
// A SnapshotComparison as a table: the module name, then one group of
// columns per target (loaded, version, srcversion, used, holders, taints,
// parameters). Targets are lettered A, B, C… in the headers; the header's
// tooltip and targetText() give each one's name and origin. DiffersRole
// marks the cells where the targets disagree, so a view can highlight them
// without this model knowing colours.
#pragma once

#include "compare/snapshotcompare.h"

#include <QAbstractTableModel>

namespace refscope {

class CompareModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        DiffersRole = Qt::UserRole + 1, // bool: this cell (module column: this row) differs
        ModuleNameRole,                 // QString
        TargetRole,                     // int: the target of the column, -1 for the module
    };

    explicit CompareModel(QObject *parent = nullptr);

    void setComparison(const SnapshotComparison &comparison);
    const SnapshotComparison &comparison() const { return m_comparison; }
    // Only the modules on which the targets disagree.
    void setOnlyDifferent(bool only);
    bool onlyDifferent() const { return m_onlyDifferent; }

    static QString targetLetter(int target); // "A", "B", …
    static QString fieldTitle(CompareField field);
    // "A: guest-examples.json — lab guest · host (none) · kernel 6.1.0-56-amd64"
    QString targetText(int target) const;
    // The short name, from the snapshot's origin: "this machine
    // (6.1.0-57-amd64)", "root@build-box (6.12.…)", "lab guest (…)"; the
    // label for a file that recorded no origin. The header of the target's
    // first column shows it, its kernel on a line of its own.
    QString targetName(int target, bool withKernel = true) const;
    QString targetKernel(int target) const; // uname -r, as the origin or the file says
    int columnOf(int target, CompareField field) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void rebuildRows();

    SnapshotComparison m_comparison;
    QList<int> m_rows; // indexes into m_comparison.rows that are shown
    bool m_onlyDifferent = false;
};

} // namespace refscope
