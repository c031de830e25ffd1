// SPDX-License-Identifier: GPL-3.0-or-later
// The parameters of one module (/sys/module/<name>/parameters), name and
// value. A refresh that keeps the same parameter names updates values in
// place, so a view keeps its selection while values change.
#pragma once

#include "inventory/moduleinfo.h"

#include "models/twocolumnmodel.h"

namespace refscope {

class ModuleParamsModel : public TwoColumnModel {
    Q_OBJECT
public:
    enum Column { Name, Value };

    explicit ModuleParamsModel(QObject *parent = nullptr);

    void setParams(const QList<ModuleParam> &params);
    const QList<ModuleParam> &params() const { return m_params; }

protected:
    int rows() const override { return int(m_params.size()); }
    QString cellText(int row, int column) const override;

private:
    QList<ModuleParam> m_params;
};

} // namespace refscope
