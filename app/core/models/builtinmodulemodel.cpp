// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/builtinmodulemodel.h"

namespace refscope {

BuiltinModuleModel::BuiltinModuleModel(QObject *parent)
    : TwoColumnModel(tr("Built-in module"), tr("Description"), parent)
{
}

void BuiltinModuleModel::setModules(const QList<BuiltinModule> &modules)
{
    if (modules == m_modules)
        return;
    beginResetModel();
    m_modules = modules;
    endResetModel();
}

QString BuiltinModuleModel::cellText(int row, int column) const
{
    const BuiltinModule &module = m_modules.at(row);
    return column == Name ? module.name : module.description;
}

} // namespace refscope
