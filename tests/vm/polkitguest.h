// SPDX-License-Identifier: GPL-3.0-or-later
// A real polkit in the lab guest, for the vm tests: the system bus
// (dbus-daemon --system), polkitd with RefScope's actions, and test users
// that a rules file grants or denies. The guest's /etc and /usr are this
// machine's, read-only, so what must change is bind-mounted from copies on
// the guest's /run (a tmpfs); nothing here touches this machine.
#pragma once

#include "guestshell.h"

#include <QStringList>

namespace refscope {

class PolkitGuest {
public:
    // The test users the rules file knows (created in the guest's passwd):
    // granted is allowed every org.refscope.* action, denied none, and
    // inspector only org.refscope.inspect: it shows which action pkexec
    // asked for.
    static inline const QString granted = QStringLiteral("rsgranted");
    static inline const QString denied = QStringLiteral("rsdenied");
    static inline const QString inspector = QStringLiteral("rsinspector");
    // No rule names asked: polkit's defaults apply, an administrator's
    // password, which only an authentication agent can ask for.
    static inline const QString asked = QStringLiteral("rsasked");

    explicit PolkitGuest(const GuestShell *guest) : m_guest(guest) {}

    // Sets it all up as root in the guest, with the polkit actions the
    // installed refscope package put in /usr/share/polkit-1/actions, whose
    // exec.path names installedAgent. Empty when polkitd answers on the
    // guest's system bus, else what went wrong.
    QString start(const QString &installedAgent) const;

    // sh -c script as user, with a clean environment, from a shell of that
    // user's own: pkexec asks polkit about its parent process.
    GuestResult runAs(const QString &user, const QString &script, int timeoutMs = 60000) const;

    // The org.refscope.* actions polkit was asked about, in order, as
    // "action user" (the rules file logs each check to polkitd's log).
    QStringList checkedActions() const;

private:
    const GuestShell *m_guest;
};

} // namespace refscope
