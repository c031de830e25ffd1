// SPDX-License-Identifier: GPL-3.0-or-later
// The modules compiled into the kernel image (modules.builtin): they are
// never in the loaded-module table and can never be unloaded, but users
// look for them there, so they get a table of their own.
#pragma once

#include "inventory/moduleinfo.h"

#include "models/twocolumnmodel.h"

namespace refscope {

class BuiltinModuleModel : public TwoColumnModel {
    Q_OBJECT
public:
    enum Column { Name, Description };

    explicit BuiltinModuleModel(QObject *parent = nullptr);

    // Resets only when the list differs, which means another kernel.
    void setModules(const QList<BuiltinModule> &modules);

protected:
    int rows() const override { return int(m_modules.size()); }
    QString cellText(int row, int column) const override;

private:
    QList<BuiltinModule> m_modules;
};

} // namespace refscope
