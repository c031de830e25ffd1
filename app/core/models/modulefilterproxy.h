// SPDX-License-Identifier: GPL-3.0-or-later
// Sorting and filtering over ModuleListModel: numbers sort as numbers, and
// the search text matches a module's name, its holders or its dependencies
// (so searching "snd" also shows what uses or is used by a sound module).
#pragma once

#include "inventory/moduleinfo.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace refscope {

class ModuleFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ModuleFilterProxy(QObject *parent = nullptr);

    // Case-insensitive; '-' and '_' match each other, as in module names.
    void setSearchText(const QString &text);
    QString searchText() const { return m_text; }
    // Only modules in this state; std::nullopt shows every state.
    void setStateFilter(std::optional<ModuleState> state);
    std::optional<ModuleState> stateFilter() const { return m_state; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    std::optional<ModuleState> m_state;
};

} // namespace refscope
