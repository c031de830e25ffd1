// SPDX-License-Identifier: GPL-3.0-or-later
// How a root action shows polkit's answer (PolkitPrivileges): normal when
// allowed; a lock and "polkit will ask for an administrator's password"
// when it needs one; disabled with the reason when refused; enabled with a
// note when polkit could not be asked (pkexec then gives its own answer).
#pragma once

#include "privileges/polkitprivileges.h"

#include <QCoreApplication>
#include <QIcon>

class QAbstractButton;
class QAction;

namespace refscope {

struct PrivilegeLook {
    bool enabled = true;
    bool locked = false; // a password will be asked
    QString note;        // added to the tooltip; the whole tooltip when disabled
};

class PrivilegeView {
    Q_DECLARE_TR_FUNCTIONS(refscope::PrivilegeView)
public:
    // action: the polkit action id, named in the reason of a refusal.
    static PrivilegeLook look(PolkitAnswer answer, const QString &action,
                              const QString &problem = {});
    // The tooltip of an action whose own is baseToolTip.
    static QString toolTip(const QString &baseToolTip, const PrivilegeLook &look);
    // The theme's lock, else one drawn here.
    static QIcon lockIcon();

    static void show(QAction *action, const QString &baseToolTip, const PrivilegeLook &look);
    static void show(QAbstractButton *button, const QString &baseToolTip,
                     const PrivilegeLook &look);
};

} // namespace refscope
