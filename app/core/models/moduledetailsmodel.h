// SPDX-License-Identifier: GPL-3.0-or-later
// Every fact about one module, as "field: value" rows, for the details
// pane. It follows the module by name across snapshots: a refresh updates
// the rows in place, and a module that was unloaded leaves the model empty
// with isLoaded() false while its name stays selected.
#pragma once

#include "inventory/moduleinfo.h"
#include "models/moduleparamsmodel.h"
#include "models/twocolumnmodel.h"

namespace refscope {

class ModuleDetailsModel : public TwoColumnModel {
    Q_OBJECT
public:
    enum Field {
        Name,
        Unload, // whether it can be unloaded now, and what stands in the way
        State,
        Refcount,
        Size,
        Permanent,
        Taints,
        Holders,
        Depends,
        Version,
        SrcVersion,
        Signer,
        Description,
        License,
        Path,
        FieldCount
    };
    enum Column { Label, Value };
    // On the Holders and Depends rows: the module names, to show as links.
    static constexpr int LinksRole = Qt::UserRole + 1;

    explicit ModuleDetailsModel(QObject *parent = nullptr);

    void setSnapshot(const Snapshot &snapshot);
    void setModuleName(const QString &name); // accepts '-' or '_'
    QString moduleName() const { return m_name; }
    bool isLoaded() const { return m_loaded; }
    const ModuleInfo &module() const { return m_module; }
    // The parameters of the same module.
    ModuleParamsModel *params() { return &m_params; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString fieldLabel(Field field);

signals:
    // The module was selected, changed, loaded or unloaded.
    void moduleChanged();

protected:
    int rows() const override { return m_loaded ? FieldCount : 0; }
    QString cellText(int row, int column) const override;

private:
    QString valueText(Field field) const;
    QString unloadVerdict() const;
    void showModule(const ModuleInfo *module, bool sameModule);

    Snapshot m_snapshot;
    QString m_name;
    bool m_loaded = false;
    ModuleInfo m_module;
    ModuleParamsModel m_params;
};

} // namespace refscope
