// SPDX-License-Identifier: GPL-3.0-or-later
#include "guestshell.h"

#include "protocol/agentclient.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QThread>

namespace refscope {

namespace {

QJsonArray shell(const QString &script)
{
    return {QStringLiteral("/bin/sh"), QStringLiteral("-c"), script};
}

} // namespace

GuestResult GuestShell::run(const QString &script, int timeoutMs) const
{
    const AgentReply reply = m_agent->callSync(
        QStringLiteral("lab.exec"),
        {{QStringLiteral("argv"), shell(script)}, {QStringLiteral("timeout_ms"), timeoutMs}},
        timeoutMs + 10000);
    if (!reply.ok)
        return {
            -1,
            {},
            QStringLiteral("lab.exec failed (%1): %2").arg(reply.errorCode, reply.errorMessage)};
    const QJsonObject result = reply.result.toObject();
    return {result.value(QLatin1String("exit_code")).toInt(-1),
            result.value(QLatin1String("stdout")).toString(),
            result.value(QLatin1String("stderr")).toString()};
}

qint64 GuestShell::start(const QString &script) const
{
    const AgentReply reply = m_agent->callSync(
        QStringLiteral("lab.exec"),
        {{QStringLiteral("argv"), shell(script)}, {QStringLiteral("background"), true}}, 30000);
    return reply.ok ? reply.result.toObject().value(QLatin1String("pid")).toInteger(-1) : -1;
}

QString GuestShell::kernelLogProblems() const
{
    const GuestResult log = run(QStringLiteral(
        "dmesg | grep -E 'WARNING:|BUG:|Oops|Call Trace|general protection|underflow|"
        "soft lockup|self-detected stall|detected stalls'"));
    return log.exitCode == 1 ? QString() : log.describe(); // grep's 1: nothing found
}

qint64 GuestShell::hold(const QString &script)
{
    const qint64 pid = start(script);
    m_held << pid;
    return pid;
}

void GuestShell::endHeld()
{
    for (const qint64 pid : std::as_const(m_held))
        run(QStringLiteral("kill $(pgrep -P %1) %1 2>/dev/null").arg(pid));
    m_held.clear();
}

int GuestShell::lsmodCount(const QString &module) const
{
    const GuestResult r =
        run(QStringLiteral("awk '$1 == \"%1\" { print $3 }' /proc/modules").arg(module));
    bool ok = false;
    const int count = r.out.trimmed().toInt(&ok);
    return ok ? count : -1;
}

bool GuestShell::waitForLsmod(const QString &module, int count, int timeoutMs) const
{
    const QDeadlineTimer deadline(timeoutMs);
    while (lsmodCount(module) != count) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(200);
    }
    return true;
}

bool GuestShell::builtIn(const QString &module) const
{
    return run(QStringLiteral("grep -q '/%1\\.ko$' /lib/modules/$(uname -r)/modules.builtin")
                   .arg(module))
        .ok();
}

} // namespace refscope
