// SPDX-License-Identifier: GPL-3.0-or-later
#include "polkitguest.h"

namespace refscope {

namespace {

// Where the writable copies and polkitd's log live: the guest's /run is a
// tmpfs of its own.
const QString kRoot = QStringLiteral("/run/refscope-polkit");

// Each user's rule; any other subject gets polkit's defaults. polkit.log
// writes to polkitd's stderr, which is why polkitd runs without --no-debug:
// its log then names every action pkexec asked for.
const char kRules[] = R"(polkit.addRule(function(action, subject) {
    if (action.id.indexOf("org.refscope.") != 0)
        return undefined;
    polkit.log("refscope-test: " + action.id + " " + subject.user);
    if (subject.user == "rsgranted")
        return polkit.Result.YES;
    if (subject.user == "rsinspector")
        return action.id == "org.refscope.inspect" ? polkit.Result.YES : polkit.Result.NO;
    if (subject.user == "rsdenied")
        return polkit.Result.NO;
    return undefined;
});
)";

// Runs as root in the guest, with $1 the installed agent: the refscope
// package installed on this machine (the package_install test), whose
// policy in /usr/share/polkit-1/actions names it, as users get it.
//
// pkexec is setuid root on this machine, and the guest sees that bit: the
// lab shares / with security_model=none (QEMU passes the files' own modes
// and owners through) and mounts it without nosuid. The script checks
// rather than assumes it.
const char kSetup[] = R"(set -eu
r=%1
[ -u /usr/bin/pkexec ] || { echo "/usr/bin/pkexec is not setuid root in the guest"; exit 1; }
for u in polkitd messagebus; do
    getent passwd $u >/dev/null || { echo "no user $u: install polkitd and dbus-daemon"; exit 1; }
done
mkdir -p $r/etc $r/rules $r/actions /run/dbus

# Accounts: this machine's, plus the test users (never this machine's own
# users: a fresh Debian has none of them). Every password is locked: the
# rules decide, nobody authenticates.
cp /etc/passwd /etc/group $r/etc/
uid=2901
for u in rsgranted rsdenied rsinspector rsasked; do
    echo "$u:x:$uid:$uid:RefScope polkit test:/nonexistent:/bin/sh" >>$r/etc/passwd
    echo "$u:x:$uid:" >>$r/etc/group
    uid=$((uid + 1))
done
awk -F: '{ print $1 ":*:19000:0:99999:7:::" }' $r/etc/passwd >$r/etc/shadow
chmod 640 $r/etc/shadow
for f in passwd group shadow; do mount --bind $r/etc/$f /etc/$f; done

cat >$r/rules/10-refscope-test.rules <<'EOF'
%2EOF
# The stock actions and RefScope's, as the package installed them.
policy=/usr/share/polkit-1/actions/org.refscope.policy
[ -x "$1" ] && [ -f $policy ] ||
    { echo "the refscope package is not installed (no $1 or $policy): the package_install test installs it"; exit 1; }
grep -q ">$1<" $policy || { echo "the installed $policy does not name $1"; exit 1; }
cp /usr/share/polkit-1/actions/* $r/actions/
chmod -R a+rX $r/rules $r/actions
mount --bind $r/rules /etc/polkit-1/rules.d
mount --bind $r/actions /usr/share/polkit-1/actions

dbus-daemon --system --fork </dev/null >/dev/null 2>&1
/usr/lib/polkit-1/polkitd </dev/null >$r/polkitd.log 2>&1 &
tries=0
until dbus-send --system --print-reply --dest=org.freedesktop.DBus / \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.PolicyKit1 2>/dev/null |
        grep -q 'boolean true'; do
    tries=$((tries + 1))
    [ $tries -le 600 ] || { echo "polkitd did not appear on the system bus"; cat $r/polkitd.log; exit 1; }
    sleep 0.1
done
)";

QString shellQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

} // namespace

QString PolkitGuest::start(const QString &installedAgent) const
{
    const QString script = QString::fromLatin1(kSetup).arg(kRoot, QString::fromLatin1(kRules));
    const GuestResult result = m_guest->run(
        QStringLiteral("sh -c %1 sh %2").arg(shellQuoted(script), shellQuoted(installedAgent)),
        120000);
    return result.ok() ? QString() : QStringLiteral("polkit setup: ") + result.describe();
}

GuestResult PolkitGuest::runAs(const QString &user, const QString &script, int timeoutMs) const
{
    // "; exit" keeps the shell from exec'ing the last command, so the
    // user's shell stays pkexec's parent.
    return m_guest->run(QStringLiteral("setpriv --reuid=%1 --regid=%1 --init-groups env -i "
                                       "PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp "
                                       "LC_ALL=C.UTF-8 /bin/sh -c %2")
                            .arg(user, shellQuoted(script + QStringLiteral("\nexit $?"))),
                        timeoutMs);
}

QStringList PolkitGuest::checkedActions() const
{
    const GuestResult log =
        m_guest->run(QStringLiteral("sed -n 's/.*refscope-test: //p' %1/polkitd.log").arg(kRoot));
    return log.out.split(u'\n', Qt::SkipEmptyParts);
}

} // namespace refscope
