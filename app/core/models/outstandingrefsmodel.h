// SPDX-License-Identifier: GPL-3.0-or-later
// One grouping of "outstanding references" (by call site or by task) as a
// table: where, gets, puts, outstanding; most outstanding first.
#pragma once

#include "events/outstandingrefs.h"

#include <QAbstractTableModel>

namespace refscope {

class OutstandingRefsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Where, Gets, Puts, Outstanding, ColumnCount };

    explicit OutstandingRefsModel(QString whereHeader, QObject *parent = nullptr);

    void setGroups(const QList<OutstandingGroup> &groups);
    const OutstandingGroup &group(int row) const { return m_groups.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString m_whereHeader;
    QList<OutstandingGroup> m_groups;
};

} // namespace refscope
