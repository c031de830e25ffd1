// SPDX-License-Identifier: GPL-3.0-or-later
// "Module information": what modinfo would say of one loaded module (its
// file, version, srcversion, signer, description, parameters), with its
// state and users, from the snapshot the window shows: no new read, so it
// works on a saved snapshot as on the lab guest. Copy gives it as text.
#pragma once

#include "inventory/moduleinfo.h"

#include <QDialog>

namespace refscope {

class ModuleDetailsModel;

class ModuleInfoDialog : public QDialog {
    Q_OBJECT
public:
    ModuleInfoDialog(const Snapshot &snapshot, const QString &module, QWidget *parent = nullptr);

    // Every field as "label: value" lines, then the parameters.
    QString text() const;

private:
    ModuleDetailsModel *m_details;
};

} // namespace refscope
