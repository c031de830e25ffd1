// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/modulefilterproxy.h"

#include "models/modulelistmodel.h"

namespace refscope {

ModuleFilterProxy::ModuleFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ModuleListModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // Re-sort and re-filter rows whose data a refresh changed.
    setDynamicSortFilter(true);
}

void ModuleFilterProxy::setSearchText(const QString &text)
{
    const QString normalized = normalizeModuleName(text);
    if (normalized == m_text)
        return;
    m_text = normalized;
    invalidateFilter();
}

void ModuleFilterProxy::setStateFilter(std::optional<ModuleState> state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateFilter();
}

static bool anyContains(const QStringList &names, const QString &text)
{
    for (const QString &name : names) {
        if (normalizeModuleName(name).contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool ModuleFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_state && index.data(ModuleListModel::StateRole).toInt() != int(*m_state))
        return false;
    if (m_text.isEmpty())
        return true;
    return index.data(ModuleListModel::ModuleNameRole)
               .toString()
               .contains(m_text, Qt::CaseInsensitive) ||
           anyContains(index.data(ModuleListModel::HoldersRole).toStringList(), m_text) ||
           anyContains(index.data(ModuleListModel::DependsRole).toStringList(), m_text);
}

} // namespace refscope
