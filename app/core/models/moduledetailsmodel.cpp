// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/moduledetailsmodel.h"

#include "models/modulelistmodel.h"

#include <QLocale>

#include <utility>

namespace refscope {

ModuleDetailsModel::ModuleDetailsModel(QObject *parent)
    : TwoColumnModel(tr("Field"), tr("Value"), parent)
{
}

void ModuleDetailsModel::setSnapshot(const Snapshot &snapshot)
{
    m_snapshot = snapshot;
    showModule(m_snapshot.find(m_name), true);
}

void ModuleDetailsModel::setModuleName(const QString &name)
{
    const QString normalized = normalizeModuleName(name);
    if (normalized == m_name)
        return;
    m_name = normalized;
    showModule(m_snapshot.find(m_name), false);
}

void ModuleDetailsModel::showModule(const ModuleInfo *module, bool sameModule)
{
    const bool wasLoaded = m_loaded;
    const ModuleInfo previous = m_module;
    if (!sameModule) {
        beginResetModel();
        m_loaded = module;
        m_module = module ? *module : ModuleInfo{};
        endResetModel();
    } else if (wasLoaded && !module) {
        beginRemoveRows({}, 0, FieldCount - 1);
        m_loaded = false;
        m_module = {};
        endRemoveRows();
    } else if (!wasLoaded && module) {
        beginInsertRows({}, 0, FieldCount - 1);
        m_loaded = true;
        m_module = *module;
        endInsertRows();
    } else if (module && *module != previous) {
        m_module = *module;
        emit dataChanged(index(0, Value), index(FieldCount - 1, Value));
    }
    m_params.setParams(m_module.params);
    if (!sameModule || wasLoaded != m_loaded || m_module != previous)
        emit moduleChanged();
}

// The fields the module table also shows keep the table's words and
// explanations.
static constexpr std::pair<ModuleDetailsModel::Field, ModuleListModel::Column> kTableColumns[] = {
    {ModuleDetailsModel::State, ModuleListModel::State},
    {ModuleDetailsModel::Refcount, ModuleListModel::Refcount},
    {ModuleDetailsModel::Size, ModuleListModel::Size},
    {ModuleDetailsModel::Permanent, ModuleListModel::Permanent},
    {ModuleDetailsModel::Taints, ModuleListModel::Taints},
    {ModuleDetailsModel::Holders, ModuleListModel::Holders},
    {ModuleDetailsModel::Depends, ModuleListModel::Depends},
};

QString ModuleDetailsModel::fieldLabel(Field field)
{
    for (const auto &[shared, column] : kTableColumns) {
        if (shared == field)
            return ModuleListModel::columnLabel(column);
    }
    switch (field) {
    case Name:
        return tr("Name");
    case Unload:
        return tr("Unloadable?");
    case Version:
        return tr("Version");
    case SrcVersion:
        return tr("Source version");
    case Signer:
        return tr("Signer");
    case Description:
        return tr("Description");
    case License:
        return tr("License");
    case Path:
        return tr("File");
    default:
        return {};
    }
}

static QString orNone(const QString &text)
{
    return text.isEmpty() ? ModuleDetailsModel::tr("(none)") : text;
}

// The reasons delete_module() would refuse, in the order the kernel checks
// them (kernel/module/main.c): unload support, users, exit function, state,
// then the reference count.
QString ModuleDetailsModel::unloadVerdict() const
{
    const ModuleInfo &m = m_module;
    if (!m_snapshot.support.unloadable)
        return tr("no: this kernel cannot unload modules (built without CONFIG_MODULE_UNLOAD)");
    if (!m.holders.isEmpty())
        return tr("no: used by %n module(s), which must be unloaded first", nullptr,
                  int(m.holders.size()));
    if (m.permanent)
        return tr("no: it has an init function but no exit function");
    if (m.state == ModuleState::Coming)
        return tr("not yet: it is still initialising");
    if (m.state == ModuleState::Going)
        return tr("it is being unloaded right now");
    if (m.refcount > 0)
        return tr("no: %n reference(s) held outside any module (open files, sockets, "
                  "or a reference that was never released)",
                  nullptr, m.refcount);
    return tr("yes: no users and no references");
}

QString ModuleDetailsModel::valueText(Field field) const
{
    const ModuleInfo &m = m_module;
    switch (field) {
    case Name:
        return m.name;
    case Unload:
        return unloadVerdict();
    case State:
        return ModuleListModel::stateText(m.state);
    case Refcount:
        return QString::number(m.refcount);
    case Size:
        return tr("%1 bytes").arg(QLocale().toString(m.size));
    case Permanent:
        return m.permanent ? tr("yes: it has no exit function and can never be unloaded")
                           : tr("no");
    case Taints:
        return m.taints.isEmpty() ? tr("none") : m.taints;
    case Holders:
        return m.holders.isEmpty() ? tr("none") : m.holders.join(QLatin1String(", "));
    case Depends:
        return m.depends.isEmpty() ? tr("none") : m.depends.join(QLatin1String(", "));
    case Version:
        return orNone(m.version);
    case SrcVersion:
        return orNone(m.srcversion);
    case Signer:
        return orNone(m.signer);
    case Description:
        return orNone(m.description);
    case License:
        return orNone(m.license);
    case Path:
        return m.path.isEmpty() ? tr("(no module file found)") : m.path;
    case FieldCount:
        break;
    }
    return {};
}

QString ModuleDetailsModel::cellText(int row, int column) const
{
    return column == Label ? fieldLabel(Field(row)) : valueText(Field(row));
}

QVariant ModuleDetailsModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::ToolTipRole && m_loaded) {
        for (const auto &[shared, column] : kTableColumns) {
            const QString explained = ModuleListModel::columnExplanation(column, &m_module);
            if (shared == index.row() && !explained.isEmpty())
                return explained;
        }
    }
    if (role != LinksRole || !m_loaded)
        return TwoColumnModel::data(index, role);
    if (index.row() == Holders)
        return m_module.holders;
    if (index.row() == Depends)
        return m_module.depends;
    return {};
}

} // namespace refscope
