// SPDX-License-Identifier: GPL-3.0-or-later
// A polkit authentication agent that dismisses every request, as a user
// closing the password dialog does: registered on the system bus for one
// process, it answers BeginAuthentication with PolicyKit1.Error.Cancelled,
// so pkexec started by that process exits 126 ("Request dismissed").
#pragma once

#include <QDBusVirtualObject>
#include <QStringList>

namespace refscope {

class DismissingAgent : public QDBusVirtualObject {
    Q_OBJECT
public:
    // Registers for this process. Empty when polkitd accepted it, else why not.
    QString registerForThisProcess();
    // The actions polkit asked this agent to authenticate, in order, each
    // as "action: the message the dialog would show".
    QStringList askedActions() const { return m_asked; }

    QString introspect(const QString &path) const override;
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override;

private:
    QStringList m_asked;
};

} // namespace refscope
