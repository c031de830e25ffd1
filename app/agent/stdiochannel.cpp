// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/stdiochannel.h"

#include <QByteArray>
#include <QFileInfo>

#include <cerrno>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace refscope {

namespace {

// A virtio-serial port's sysfs device sits in the "virtio-ports" class.
bool stdinIsVirtioPort()
{
    struct stat st {};
    if (fstat(STDIN_FILENO, &st) != 0 || !S_ISCHR(st.st_mode))
        return false;
    const QString sysfs =
        QStringLiteral("/sys/dev/char/%1:%2").arg(major(st.st_rdev)).arg(minor(st.st_rdev));
    return QFileInfo(sysfs).canonicalFilePath().contains(QLatin1String("/virtio-ports/"));
}

} // namespace

StdioChannel::StdioChannel() : m_reconnectable(stdinIsVirtioPort()) {}

StdioChannel::Status StdioChannel::readLine(QByteArray *line)
{
    char buffer[65536];
    while (!m_lines.takeLine(line)) {
        if (m_lines.overflowed())
            return Status::TooLong;
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n > 0) {
            m_peerGone = false;
            m_lines.append(QByteArray(buffer, n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (!m_reconnectable)
            return Status::Closed;
        // A virtio-serial port reads as EOF while no host client is
        // connected (and poll() reports POLLHUP then, so it cannot be waited
        // on): report the close once, then retry until a client comes.
        m_lines.clear();
        if (!m_peerGone) {
            m_peerGone = true;
            return Status::PeerClosed;
        }
        usleep(100 * 1000);
    }
    return Status::Line;
}

bool StdioChannel::write(const QByteArray &data)
{
    std::lock_guard lock(m_writeLock);
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n =
            ::write(STDOUT_FILENO, data.constData() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace refscope
