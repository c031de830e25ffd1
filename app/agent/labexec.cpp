// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/labexec.h"

#include <QProcess>

namespace refscope {

namespace {

// Keeps the reply far below the protocol's 64 MiB line limit even after
// JSON escaping.
constexpr qsizetype kMaxOutputBytes = 16 * 1024 * 1024;

void prepare(QProcess &process, const QStringList &argv)
{
    process.setProgram(argv.first());
    process.setArguments(argv.mid(1));
}

} // namespace

AgentReply runCommand(const QStringList &argv, int timeoutMs)
{
    QProcess process;
    prepare(process, argv);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted())
        return AgentReply::failure(
            errorcode::Failed,
            QStringLiteral("cannot run %1: %2").arg(argv.first(), process.errorString()));
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return AgentReply::failure(errorcode::Timeout,
                                   QStringLiteral("%1 did not finish within %2 ms and was killed")
                                       .arg(argv.first())
                                       .arg(timeoutMs));
    }
    QByteArray out = process.readAllStandardOutput();
    QByteArray err = process.readAllStandardError();
    const bool truncated = out.size() > kMaxOutputBytes || err.size() > kMaxOutputBytes;
    out.truncate(kMaxOutputBytes);
    err.truncate(kMaxOutputBytes);
    const int exitCode =
        process.exitStatus() == QProcess::CrashExit ? 128 + process.exitCode() : process.exitCode();
    return AgentReply::success(QJsonObject{
        {QStringLiteral("exit_code"), exitCode},
        {QStringLiteral("stdout"), QString::fromUtf8(out)},
        {QStringLiteral("stderr"), QString::fromUtf8(err)},
        {QStringLiteral("truncated"), truncated},
    });
}

AgentReply startBackgroundCommand(const QStringList &argv)
{
    QProcess process;
    prepare(process, argv);
    // The agent's stdout is the protocol stream: a detached child must never
    // inherit it.
    process.setStandardInputFile(QProcess::nullDevice());
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QStringLiteral("/proc/self/fd/2"), QIODevice::Append);
    qint64 pid = 0;
    if (!process.startDetached(&pid))
        return AgentReply::failure(
            errorcode::Failed,
            QStringLiteral("cannot run %1: %2").arg(argv.first(), process.errorString()));
    return AgentReply::success(QJsonObject{{QStringLiteral("pid"), pid}});
}

} // namespace refscope
