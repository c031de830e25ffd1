// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/outstandingrefsmodel.h"

namespace refscope {

OutstandingRefsModel::OutstandingRefsModel(QString whereHeader, QObject *parent)
    : QAbstractTableModel(parent), m_whereHeader(std::move(whereHeader))
{
}

void OutstandingRefsModel::setGroups(const QList<OutstandingGroup> &groups)
{
    beginResetModel();
    m_groups = groups;
    endResetModel();
}

int OutstandingRefsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int OutstandingRefsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutstandingRefsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const OutstandingGroup &group = m_groups.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignVCenter |
                                   (index.column() == Where ? Qt::AlignLeft : Qt::AlignRight));
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Where:
        return group.label;
    case Gets:
        return group.gets;
    case Puts:
        return group.puts;
    case Outstanding:
        return group.outstanding();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant OutstandingRefsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Where:
        return m_whereHeader;
    case Gets:
        return tr("Gets");
    case Puts:
        return tr("Puts");
    case Outstanding:
        return tr("Outstanding");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace refscope
