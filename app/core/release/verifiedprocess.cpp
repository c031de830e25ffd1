// SPDX-License-Identifier: GPL-3.0-or-later
#include "release/verifiedprocess.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace refscope {

namespace {

// The fields of a /proc/.../stat line after the command name, which may
// contain anything, spaces and parentheses included: field 3 (state) first.
QList<QByteArray> statFieldsAfterComm(const QString &path)
{
    QFile stat(path);
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = stat.readAll();
    const qsizetype end = line.lastIndexOf(')');
    if (end < 0)
        return {};
    return line.mid(end + 1).simplified().split(' ');
}

// The state letters of each of pid's threads; empty once it is gone.
QString threadStates(int pid)
{
    QString states;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QList<QByteArray> fields =
            statFieldsAfterComm(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!fields.isEmpty() && !fields.first().isEmpty()) // else the thread ended meanwhile
            states += QLatin1Char(fields.first().at(0));
    }
    return states;
}

} // namespace

qint64 processStartTime(int pid)
{
    if (pid <= 0)
        return -1;
    // Field 22, the 20th after the command name.
    const QList<QByteArray> fields = statFieldsAfterComm(QStringLiteral("/proc/%1/stat").arg(pid));
    bool ok = false;
    const qint64 start = fields.value(19).toLongLong(&ok);
    return ok ? start : -1;
}

std::optional<VerifiedProcess> VerifiedProcess::open(int pid, qint64 startTime, QString *why)
{
    const auto refuse = [why](const QString &reason) {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (pid <= 0 || startTime < 0)
        return refuse(QStringLiteral("pid %1 was not seen by the scan").arg(pid));
    const int pidfd = int(::syscall(SYS_pidfd_open, pid, 0));
    if (pidfd < 0)
        return refuse(QStringLiteral("pid %1: %2")
                          .arg(pid)
                          .arg(QString::fromLocal8Bit(std::strerror(errno))));
    VerifiedProcess process(pid, pidfd);
    // Read after the pidfd is open: if the number still names a process
    // started when the scan's did, it has named it since before the open,
    // so the pidfd is that process.
    const qint64 now = processStartTime(pid);
    if (now != startTime)
        return refuse(now < 0 ? QStringLiteral("pid %1 has exited").arg(pid)
                              : QStringLiteral("pid %1 is another process than the one the scan "
                                               "saw (started at %2, not %3)")
                                    .arg(pid)
                                    .arg(now)
                                    .arg(startTime));
    return process;
}

VerifiedProcess::VerifiedProcess(VerifiedProcess &&other) noexcept
    : m_pid(other.m_pid), m_pidfd(std::exchange(other.m_pidfd, -1))
{
}

VerifiedProcess &VerifiedProcess::operator=(VerifiedProcess &&other) noexcept
{
    if (this != &other) {
        if (m_pidfd >= 0)
            ::close(m_pidfd);
        m_pid = other.m_pid;
        m_pidfd = std::exchange(other.m_pidfd, -1);
    }
    return *this;
}

VerifiedProcess::~VerifiedProcess()
{
    if (m_pidfd >= 0)
        ::close(m_pidfd);
}

bool VerifiedProcess::signal(int signal) const
{
    return ::syscall(SYS_pidfd_send_signal, m_pidfd, signal, nullptr, 0) == 0;
}

bool VerifiedProcess::exited() const
{
    pollfd readable{m_pidfd, POLLIN, 0};
    // A pidfd polls readable once the whole thread group has exited.
    return ::poll(&readable, 1, 0) > 0 && (readable.revents & (POLLIN | POLLHUP | POLLERR));
}

bool VerifiedProcess::stopped() const
{
    const QString states = threadStates(m_pid);
    const bool allStopped =
        !states.isEmpty() && states.count(u'T') + states.count(u't') == states.size();
    // Alive after the read: the number named this process all along.
    return allStopped && !exited();
}

} // namespace refscope
