#include "holdersteps.h"

#include <QStringList>

namespace refscope {

namespace {

QString processName(int pid, const QString &comm)
{
    return QStringLiteral("pid %1 (%2)").arg(pid).arg(comm);
}

QString sharedSuffix(const Holder &holder)
{
    if (holder.sharedWith.isEmpty())
        return {};
    QStringList pids;
    for (const int pid : holder.sharedWith)
        pids << QString::number(pid);
    return QStringLiteral(", and in pids %1, which share the same open file (fork)")
        .arg(pids.join(QStringLiteral(", ")));
}

} // namespace

QString describeFds(const QList<int> &fds)
{
    QStringList numbers;
    for (const int fd : fds)
        numbers << QString::number(fd);
    return (fds.size() == 1 ? QStringLiteral("fd ") : QStringLiteral("fds ")) +
           numbers.join(QStringLiteral(", "));
}

bool isOrphanedOpenFile(const Holder &holder)
{
    return holder.pid < 0 && holder.source == HolderSource::Exact &&
           (holder.kind == HolderKind::File || holder.kind == HolderKind::Socket);
}

QString stepForHolder(const Holder &holder)
{
    const QString process = processName(holder.pid, holder.comm);
    if (isOrphanedOpenFile(holder))
        return QStringLiteral("no process has %1 open any more, yet it holds a reference: a "
                              "kernel thread or the module itself keeps it (seed 004); only the "
                              "module's own code can let it go")
            .arg(holder.path);
    switch (holder.kind) {
    case HolderKind::File:
        if (holder.pid < 0) // a bound loop device: "/dev/loop0 (bound to /tmp/img)"
            return QStringLiteral("detach %1 once nothing uses it (losetup -d %2)")
                .arg(holder.path, holder.path.section(u' ', 0, 0));
        if (holder.fds.isEmpty())
            return QStringLiteral("%1 has %2 mapped: end it (kill %3) or make it unmap the file")
                .arg(process, holder.path)
                .arg(holder.pid);
        return QStringLiteral("close %1 of %2 (%3)%4")
            .arg(describeFds(holder.fds), process, holder.path, sharedSuffix(holder));
    case HolderKind::Socket:
        return QStringLiteral("close socket %1 of %2 (%3)%4")
            .arg(describeFds(holder.fds), process, holder.path, sharedSuffix(holder));
    case HolderKind::Mount:
        return QStringLiteral("umount %1").arg(holder.path);
    case HolderKind::Module:
        return QStringLiteral("unload user module %1 first (rmmod %1)").arg(holder.path);
    case HolderKind::Kthread:
        return QStringLiteral("kernel thread %1 holds %2 (%3): only the module's own code can "
                              "make it let go; a thread that inherited a user's files keeps "
                              "them open after the user closes them (seed 004)")
            .arg(process, describeFds(holder.fds), holder.path);
    }
    return {};
}

} // namespace refscope
