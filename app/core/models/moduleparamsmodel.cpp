// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/moduleparamsmodel.h"

#include <algorithm>

namespace refscope {

ModuleParamsModel::ModuleParamsModel(QObject *parent)
    : TwoColumnModel(tr("Parameter"), tr("Value"), parent)
{
}

static bool sameNames(const QList<ModuleParam> &a, const QList<ModuleParam> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
                      [](const ModuleParam &x, const ModuleParam &y) { return x.name == y.name; });
}

void ModuleParamsModel::setParams(const QList<ModuleParam> &params)
{
    if (params == m_params)
        return;
    if (!sameNames(params, m_params)) {
        // Another module, or a module reloaded with other parameters: the
        // old rows mean nothing any more.
        beginResetModel();
        m_params = params;
        endResetModel();
        return;
    }
    for (int row = 0; row < m_params.size(); ++row) {
        if (m_params.at(row) == params.at(row))
            continue;
        m_params[row] = params.at(row);
        emit dataChanged(index(row, Value), index(row, Value));
    }
}

QString ModuleParamsModel::cellText(int row, int column) const
{
    const ModuleParam &param = m_params.at(row);
    if (column == Name)
        return param.name;
    return param.readable ? param.value : tr("(readable by root only)");
}

} // namespace refscope
