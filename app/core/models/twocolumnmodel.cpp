// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/twocolumnmodel.h"

namespace refscope {

TwoColumnModel::TwoColumnModel(const QString &firstHeader, const QString &secondHeader,
                               QObject *parent)
    : QAbstractTableModel(parent), m_headers{firstHeader, secondHeader}
{
}

int TwoColumnModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : rows();
}

int TwoColumnModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 2;
}

QVariant TwoColumnModel::data(const QModelIndex &index, int role) const
{
    if (index.row() < 0 || index.row() >= rows() || index.column() < 0 || index.column() > 1)
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    return cellText(index.row(), index.column());
}

QVariant TwoColumnModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section > 1)
        return QAbstractTableModel::headerData(section, orientation, role);
    return m_headers[section];
}

} // namespace refscope
