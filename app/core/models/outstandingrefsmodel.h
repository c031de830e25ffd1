// SPDX-License-Identifier: GPL-3.0-or-later
// One grouping of "outstanding references" (by call site or by task) as a
// table: where, gets, puts, outstanding; most outstanding first. By call
// site, a fifth column says whose reference each call site takes (the
// holder kind, or the module's own get: callsiteclass.h).
#pragma once

#include "events/outstandingrefs.h"

#include <QAbstractTableModel>

namespace refscope {

class OutstandingRefsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Where, Gets, Puts, Outstanding, HolderKind, ColumnCount };

    // withHolderKind: the groups are call sites, classified for the module.
    explicit OutstandingRefsModel(QString whereHeader, QObject *parent = nullptr,
                                  bool withHolderKind = false);

    // `module`: the module whose gets these are (for the holder kind).
    void setGroups(const QList<OutstandingGroup> &groups, const QString &module = {});
    const OutstandingGroup &group(int row) const { return m_groups.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString m_whereHeader;
    bool m_withHolderKind = false;
    QString m_module;
    QList<OutstandingGroup> m_groups;
};

} // namespace refscope
