// SPDX-License-Identifier: GPL-3.0-or-later
// Runs shell commands in the lab guest through its agent's lab.exec, for
// the vm tests.
#pragma once

#include <QList>
#include <QString>

namespace refscope {

class AgentClient;

struct GuestResult {
    int exitCode = -1; // -1: the agent refused or did not answer (see err)
    QString out;
    QString err;
    bool ok() const { return exitCode == 0; }
    QString describe() const
    {
        return QStringLiteral("exit code %1\n%2%3").arg(exitCode).arg(out, err);
    }
};

class GuestShell {
public:
    explicit GuestShell(AgentClient *agent) : m_agent(agent) {}

    // sh -c SCRIPT, to completion.
    GuestResult run(const QString &script, int timeoutMs = 60000) const;
    // sh -c SCRIPT in the background; returns its pid, or -1.
    qint64 start(const QString &script) const;
    // The kernel log's warnings, BUGs, Oopses and call traces; empty when
    // the kernel stayed healthy. Every vm test ends by checking it.
    QString kernelLogProblems() const;

    // start() whose process (and the children it forked) endHeld() kills:
    // what holds a module for one test function.
    qint64 hold(const QString &script);
    void endHeld();

    // Whether module is built into the guest's kernel (modules.builtin):
    // Debian's 6.12 has fuse built in, 6.1 has it as a module. A built-in
    // module has no reference count, so there is nothing to explain.
    bool builtIn(const QString &module) const;

    // lsmod's count of module in the guest, -1 when it is not loaded.
    int lsmodCount(const QString &module) const;
    // Polls lsmodCount by the wall clock (each lab.exec round trip takes a
    // while under TCG) until it is count; false after timeoutMs.
    bool waitForLsmod(const QString &module, int count, int timeoutMs = 30000) const;

private:
    AgentClient *m_agent;
    QList<qint64> m_held;
};

} // namespace refscope
