// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/outstandingrefsmodel.h"

#include "holders/callsiteclass.h"

namespace refscope {

OutstandingRefsModel::OutstandingRefsModel(QString whereHeader, QObject *parent,
                                           bool withHolderKind)
    : QAbstractTableModel(parent), m_whereHeader(std::move(whereHeader)),
      m_withHolderKind(withHolderKind)
{
}

void OutstandingRefsModel::setGroups(const QList<OutstandingGroup> &groups, const QString &module)
{
    beginResetModel();
    m_groups = groups;
    m_module = module;
    endResetModel();
}

int OutstandingRefsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int OutstandingRefsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_withHolderKind ? ColumnCount : HolderKind;
}

QVariant OutstandingRefsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const OutstandingGroup &group = m_groups.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignVCenter |
                                   (index.column() == Where || index.column() == HolderKind
                                        ? Qt::AlignLeft
                                        : Qt::AlignRight));
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
    case HolderKind:
        return group.gets > 0 ? callSiteOwnerText(classifyCallSite(group.label, m_module))
                              : QString();
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
    case HolderKind:
        return tr("Whose reference");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace refscope
