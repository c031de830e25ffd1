// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/releaseclear.h"

#include "agent/helperrelease.h"
#include "agent/moduleops.h"
#include "holders/holdersteps.h"
#include "release/releaserules.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <linux/kcmp.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace refscope {

namespace {

// SIGTERM's grace period before SIGKILL, and how long a process may take to
// stop or to die once killed.
constexpr int kGraceMs = 5000;

ReleaseStep step(const Holder &holder, StepOutcome outcome, StepCode code,
                 const QStringList &args = {})
{
    ReleaseStep s;
    s.kind = StepKind::ClearHolder;
    s.outcome = outcome;
    s.target = holderTarget(holder);
    s.code = code;
    s.args = args;
    return s;
}

ReleaseStep failed(const Holder &holder, const QString &reason)
{
    return step(holder, StepOutcome::Failed, StepCode::ClearFailed, {reason});
}

// The state letters of each of pid's threads (/proc/PID/task/TID/stat);
// empty once the process is gone.
QString threadStates(int pid)
{
    QString states;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            continue; // the thread ended meanwhile
        const QByteArray line = stat.readAll();
        const qsizetype end = line.lastIndexOf(')'); // comm may contain anything
        if (end >= 0 && end + 2 < line.size())
            states += QLatin1Char(line.at(end + 2));
    }
    return states;
}

// Gone, or a zombie: do_exit has closed its files either way.
bool exited(int pid)
{
    const QString states = threadStates(pid);
    return states.isEmpty() || states.count(u'Z') + states.count(u'X') == states.size();
}

bool stopped(int pid)
{
    const QString states = threadStates(pid);
    return !states.isEmpty() && states.count(u'T') + states.count(u't') == states.size();
}

template <typename Predicate> bool waitFor(Predicate done)
{
    const QDeadlineTimer deadline(kGraceMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(20);
    }
    return true;
}

QString pidList(const QList<int> &pids)
{
    QStringList numbers;
    for (const int pid : pids)
        numbers << QString::number(pid);
    return numbers.join(QStringLiteral(", "));
}

ReleaseStep terminate(const Holder &holder)
{
    QList<int> alive;
    for (const int pid : QList<int>{holder.pid} + holder.sharedWith) {
        if (!exited(pid) && ::kill(pid, SIGTERM) == 0)
            alive << pid;
    }
    const auto allExited = [&alive] {
        return std::all_of(alive.cbegin(), alive.cend(), [](int pid) { return exited(pid); });
    };
    if (waitFor(allExited))
        return step(holder, StepOutcome::Done, StepCode::Terminated, {pidList(alive)});
    QList<int> killed;
    for (const int pid : std::as_const(alive)) {
        if (!exited(pid) && ::kill(pid, SIGKILL) == 0)
            killed << pid;
    }
    if (!waitFor(allExited))
        return failed(holder, QStringLiteral("pid(s) %1 did not exit even after SIGKILL (a "
                                             "process in uninterruptible sleep)")
                                  .arg(pidList(killed)));
    return step(holder, StepOutcome::Done, StepCode::Killed, {pidList(killed)});
}

// Stops pid (SIGSTOP) while the helper closes its fds, so no system call of
// it is using one of them; resumes it unless it was stopped already.
HelperOutcome closeFdsOfStoppedProcess(const QString &module, int pid, const QList<int> &fds)
{
    const bool wasStopped = stopped(pid);
    HelperOutcome outcome;
    if (!wasStopped && ::kill(pid, SIGSTOP) != 0) {
        outcome.error = QStringLiteral("cannot stop pid %1: %2").arg(pid).arg(strerror(errno));
        return outcome;
    }
    if (waitFor([pid] { return stopped(pid) || exited(pid); })) {
        for (const int fd : fds) {
            outcome = closeModuleFd(module, pid, fd);
            if (!outcome.ok)
                break;
        }
    } else {
        outcome.error = QStringLiteral("pid %1 did not stop within %2 s (uninterruptible "
                                       "sleep?): nothing was closed")
                            .arg(pid)
                            .arg(kGraceMs / 1000);
    }
    if (!wasStopped)
        ::kill(pid, SIGCONT);
    return outcome;
}

// The fds of `sharer` that are the holder's own open file: a forked child
// shares it, under the same numbers unless it dup'ed or closed some since.
// kcmp compares the struct files themselves.
QList<int> sharedFds(const Holder &holder, int sharer)
{
    QList<int> fds;
    const QDir dir(QStringLiteral("/proc/%1/fd").arg(sharer));
    for (const QString &name : dir.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        const int fd = name.toInt();
        if (::syscall(SYS_kcmp, holder.pid, sharer, KCMP_FILE, holder.fds.first(), fd) == 0)
            fds << fd;
    }
    return fds;
}

ReleaseStep closeFds(const QString &module, const Holder &holder)
{
    // Found before the holder's own fds go: kcmp needs one of them open.
    QList<std::pair<int, QList<int>>> sharers;
    for (const int pid : holder.sharedWith) {
        if (const QList<int> fds = sharedFds(holder, pid); !fds.isEmpty())
            sharers.append({pid, fds});
    }
    HelperOutcome outcome = closeFdsOfStoppedProcess(module, holder.pid, holder.fds);
    for (auto it = sharers.cbegin(); outcome.ok && it != sharers.cend(); ++it)
        outcome = closeFdsOfStoppedProcess(module, it->first, it->second);
    if (outcome.stale)
        return step(holder, StepOutcome::Refused, StepCode::ClearFailed, {outcome.error});
    if (!outcome.ok)
        return failed(holder, outcome.error);
    return step(holder, StepOutcome::Done, StepCode::FdsClosed,
                {describeFds(holder.fds).section(u' ', 1)});
}

// A superblock mounted at several points is listed as "a, b": each goes,
// the last mounted first.
ReleaseStep umountAll(const Holder &holder)
{
    QStringList points = holder.path.split(QStringLiteral(", "), Qt::SkipEmptyParts);
    if (QFileInfo::exists(holder.path))
        points = {holder.path};
    for (auto it = points.crbegin(); it != points.crend(); ++it) {
        if (::umount2(QFile::encodeName(*it).constData(), UMOUNT_NOFOLLOW) != 0)
            return failed(holder, QStringLiteral("umount %1: %2").arg(*it, strerror(errno)));
    }
    return step(holder, StepOutcome::Done, StepCode::Unmounted);
}

ReleaseStep unloadHolderModule(const Holder &holder)
{
    const AgentReply reply = unloadModule(holder.path);
    if (!reply.ok)
        return failed(holder, reply.errorMessage);
    return step(holder, StepOutcome::Done, StepCode::HolderModuleUnloaded);
}

ReleaseStep refusal(const Holder &holder, StepCode code, const QStringList &args)
{
    ReleaseStep s = step(holder, StepOutcome::Refused, code, args);
    s.kind = StepKind::Check;
    return s;
}

} // namespace

QString holderTarget(const Holder &holder)
{
    if (holder.kind == HolderKind::Module)
        return holder.path;
    if (holder.pid > 0)
        return QStringLiteral("pid %1 (%2)").arg(holder.pid).arg(holder.comm);
    return holder.path;
}

std::optional<ReleaseStep> refuseToClear(const HolderToClear &entry)
{
    const Holder &holder = entry.holder;
    // The client offered only what the rule allows; a request from another
    // client, or built by hand, is checked against the same rule.
    if (const std::optional<ClearRefusal> refused = refusalReason(holder, entry.action)) {
        if (refused->block == ClearBlock::ProtectedProcess)
            return refusal(holder, StepCode::ProtectedProcess, {QString::number(refused->pid)});
        return refusal(holder, StepCode::WrongAction,
                       {clearActionName(entry.action), holderKindName(holder.kind)});
    }
    if (entry.action != ClearAction::Terminate && entry.action != ClearAction::CloseFds)
        return std::nullopt;
    // Ending or stopping the agent or its client (pkexec, the CLI) helps
    // nobody: the release would never finish.
    for (const int pid : QList<int>{holder.pid} + holder.sharedWith) {
        if (pid == getpid() || pid == getppid())
            return refusal(holder, StepCode::ProtectedProcess, {QString::number(pid)});
    }
    return std::nullopt;
}

ReleaseStep clearHolder(const QString &module, const HolderToClear &entry)
{
    switch (entry.action) {
    case ClearAction::Terminate:
        return terminate(entry.holder);
    case ClearAction::CloseFds:
        return closeFds(module, entry.holder);
    case ClearAction::Umount:
        return umountAll(entry.holder);
    case ClearAction::UnloadModule:
        return unloadHolderModule(entry.holder);
    }
    return failed(entry.holder, QStringLiteral("unknown action"));
}

} // namespace refscope
