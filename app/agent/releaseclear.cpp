// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/releaseclear.h"

#include "agent/helperrelease.h"
#include "agent/moduleops.h"
#include "holders/holdersteps.h"
#include "release/releaserules.h"
#include "release/verifiedprocess.h"

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

// The holder's processes the scan saw that still are those processes, as
// pidfds; the others have exited (or their number is another process's
// now) and are left alone.
std::vector<VerifiedProcess> verified(const QList<ScannedProcess> &processes)
{
    std::vector<VerifiedProcess> open;
    for (const ScannedProcess &p : processes) {
        if (std::optional<VerifiedProcess> process = VerifiedProcess::open(p.pid, p.startTime))
            open.push_back(std::move(*process));
    }
    return open;
}

ReleaseStep terminate(const Holder &holder, const QList<ScannedProcess> &processes)
{
    const std::vector<VerifiedProcess> open = verified(processes);
    if (open.empty())
        return step(holder, StepOutcome::Skipped, StepCode::HolderGone);
    QList<const VerifiedProcess *> alive;
    for (const VerifiedProcess &process : open) {
        if (!process.exited() && process.signal(SIGTERM))
            alive << &process;
    }
    const auto allExited = [&alive] {
        return std::all_of(alive.cbegin(), alive.cend(),
                           [](const VerifiedProcess *p) { return p->exited(); });
    };
    const auto pidsOf = [](const QList<const VerifiedProcess *> &list) {
        QList<int> pids;
        for (const VerifiedProcess *p : list)
            pids << p->pid();
        return pidList(pids);
    };
    if (waitFor(allExited))
        return step(holder, StepOutcome::Done, StepCode::Terminated, {pidsOf(alive)});
    QList<const VerifiedProcess *> killed;
    for (const VerifiedProcess *process : std::as_const(alive)) {
        if (!process->exited() && process->signal(SIGKILL))
            killed << process;
    }
    if (!waitFor(allExited))
        return failed(holder, QStringLiteral("pid(s) %1 did not exit even after SIGKILL (a "
                                             "process in uninterruptible sleep)")
                                  .arg(pidsOf(killed)));
    return step(holder, StepOutcome::Done, StepCode::Killed, {pidsOf(killed)});
}

// Stops the process (SIGSTOP) while the helper closes its fds, so no system
// call of it is using one of them; resumes it unless it was stopped already.
// The helper is asked by pid number: while the verified process is stopped
// and has not exited, that number is still its own.
HelperOutcome closeFdsOfStoppedProcess(const QString &module, const VerifiedProcess &process,
                                       const QList<int> &fds)
{
    const int pid = process.pid();
    const bool wasStopped = process.stopped();
    HelperOutcome outcome;
    if (!wasStopped && !process.signal(SIGSTOP)) {
        outcome.error = QStringLiteral("cannot stop pid %1: %2").arg(pid).arg(strerror(errno));
        return outcome;
    }
    if (waitFor([&process] { return process.stopped() || process.exited(); })) {
        for (const int fd : fds) {
            if (process.exited()) {
                outcome.ok = true; // do_exit closed them all
                break;
            }
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
        process.signal(SIGCONT);
    return outcome;
}

// The fds of `sharer` that are the holder's own open file: a forked child
// shares it, under the same numbers unless it dup'ed or closed some since.
// kcmp compares the struct files themselves; both processes are checked
// alive afterwards, so the numbers named them during the comparison.
QList<int> sharedFds(const VerifiedProcess &owner, int ownerFd, const VerifiedProcess &sharer)
{
    QList<int> fds;
    const QDir dir(QStringLiteral("/proc/%1/fd").arg(sharer.pid()));
    for (const QString &name : dir.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        const int fd = name.toInt();
        if (::syscall(SYS_kcmp, owner.pid(), sharer.pid(), KCMP_FILE, ownerFd, fd) == 0)
            fds << fd;
    }
    if (owner.exited() || sharer.exited())
        return {};
    return fds;
}

ReleaseStep closeFds(const QString &module, const Holder &holder,
                     const QList<ScannedProcess> &processes)
{
    std::vector<VerifiedProcess> open = verified(processes);
    const auto owner = std::find_if(
        open.begin(), open.end(), [&](const VerifiedProcess &p) { return p.pid() == holder.pid; });
    // The process whose fds the scan listed is gone: do_exit closed them.
    if (owner == open.end() || holder.fds.isEmpty())
        return step(holder, StepOutcome::Skipped, StepCode::HolderGone);
    // Found before the owner's own fds go: kcmp needs one of them open.
    QList<std::pair<const VerifiedProcess *, QList<int>>> sharers;
    for (const VerifiedProcess &process : open) {
        if (&process == &*owner)
            continue;
        if (const QList<int> fds = sharedFds(*owner, holder.fds.first(), process); !fds.isEmpty())
            sharers.append({&process, fds});
    }
    HelperOutcome outcome = closeFdsOfStoppedProcess(module, *owner, holder.fds);
    for (auto it = sharers.cbegin(); outcome.ok && it != sharers.cend(); ++it)
        outcome = closeFdsOfStoppedProcess(module, *it->first, it->second);
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

ReleaseStep clearHolder(const QString &module, const HolderToClear &entry,
                        const QList<ScannedProcess> &processes)
{
    switch (entry.action) {
    case ClearAction::Terminate:
        return terminate(entry.holder, processes);
    case ClearAction::CloseFds:
        return closeFds(module, entry.holder, processes);
    case ClearAction::Umount:
        return umountAll(entry.holder);
    case ClearAction::UnloadModule:
        return unloadHolderModule(entry.holder);
    }
    return failed(entry.holder, QStringLiteral("unknown action"));
}

} // namespace refscope
